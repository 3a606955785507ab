"""An HTML page into article text and metadata, with trafilatura doing the heavy lifting.

The page is parsed once with lxml (trafilatura's own loader) and that tree feeds everything:
trafilatura's main-content extraction and metadata (title, author, date via htmldate,
site name, page type), a canonical-URL lookup that resolves relative links, and a language
lookup. Extraction options and why:

* ``include_comments=False``: reader comments are not the article, and trafilatura then also
  prunes comment containers before extracting, so they cannot leak into the body;
* ``include_tables=False``: data tables flatten to "| cell | cell |" lines that are neither
  prose nor parseable sentences; the story around a table is still extracted;
* balanced mode (neither ``favor_precision`` nor ``favor_recall``): balanced mode already
  removes navigation, sidebars, link farms and footers, and retries in recall
  mode when it got too little of the page. Precision mode would also delete every <header>
  element and blocks styled with borders or classed "bottom"/"link" (trafilatura's
  PRECISION_DISCARD_XPATH), which on some news sites hold the standfirst or the lead;
* ``fast=False``: the readability/jusText comparison rescues pages whose markup trafilatura's
  own rules miss, for about 15 % of the cleaning time.

On the generated corpus (bench/make_corpus.py) precision mode and fast mode give exactly the
same text as these settings; the choice is about real pages with odd markup.

What trafilatura returns is then treated like a text article's lines (``transforms.clean.textdoc``):
leading date/byline lines become metadata, boilerplate lines and headline repeats go.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html

from transforms.clean.boilerplate import headline_key
from transforms.clean.datelines import date_order
from transforms.clean.errors import CleanError
from transforms.clean.normalize import normalize_line, split_lines
from transforms.clean.textdoc import body_paragraphs, read_header
from transforms.safety import strip_userinfo

#: Fewer words than this after cleaning is an error page, a stub or a paywall teaser.
MIN_ARTICLE_WORDS = 15
#: Share of the extracted characters that come from teasers (linked headlines and their
#: blurbs) above which a page is an index/section page; pages that declare themselves an
#: article (og:type / JSON-LD) get a higher bar, pages that declare a listing a lower one.
MAX_LISTING_SHARE = 0.3
MAX_LISTING_SHARE_DECLARED_ARTICLE = 0.6
MAX_LISTING_SHARE_DECLARED_LISTING = 0.1
#: An index has at least this many teasers (an article may have a few related-story boxes).
MIN_LISTING_TEASERS = 5
#: A teaser box holds a headline and a blurb; anything longer is a section of an article.
MAX_TEASER_WORDS = 80

# og:type / JSON-LD @type values (as trafilatura normalises them) of pages that are not articles.
_LISTING_TYPES = frozenset(
    {"website", "collectionpage", "searchresultspage", "profilepage", "aboutpage", "contactpage"}
)
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The article extracted from one HTML page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    site: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Extract the article from a decoded HTML page fetched from ``url`` (if known).

    Raises CleanError("empty") when the page has no extractable text and
    CleanError("not_article") for pages that are not a single article (index and section
    pages, error pages, stubs).
    """
    tree = load_html(html)
    if tree is None:
        raise CleanError("empty", "The page could not be parsed as HTML or has no content.")
    _drop_credentials(tree)
    json_ld = _json_ld(tree)
    canonical = _canonical_link(tree, url, json_ld)
    locales = _declared_locales(tree, json_ld)
    language = re.split(r"[-_]", locales[0], maxsplit=1)[0].lower() if locales else None
    extracted = bare_extraction(
        tree,
        url=canonical or url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if not isinstance(extracted, TrafilaturaDocument) or not (extracted.text or "").strip():
        raise CleanError(
            "empty", "No article text could be extracted from the page (no main content found)."
        )

    title = _clean_field(extracted.title)
    # The visible headline (<h1>) often differs from the metadata title, and trafilatura keeps
    # it as the first block of the body, above the date and byline lines.
    headlines = [title, *(normalize_line(h1.text_content()) for h1 in tree.iter("h1"))]
    keys = {headline_key(h) for h in headlines if h}
    lines = split_lines(extracted.text or "")
    start = next((i for i, line in enumerate(lines) if headline_key(line) not in keys), len(lines))
    header = read_header(
        lines,
        start,
        after_headline=False,
        order=date_order(locales, canonical or url),
        languages=[language, "en"] if language and language != "en" else ["en"],
    )
    paragraphs = body_paragraphs(lines[header.end :], headlines, join_wrapped=False)
    _reject_non_article(tree, paragraphs, extracted.pagetype)

    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=title,
        author=_clean_field(extracted.author) or header.author,
        published=_publication_date(_published(extracted.date), header.published),
        site=_clean_field(extracted.sitename),
        language=language,
        canonical_url=canonical or _clean_field(extracted.url),
    )


def _published(found: str | None) -> date | None:
    """The publication date trafilatura found, as a date.

    trafilatura gets it from htmldate, run on the whole page with extensive search: meta tags,
    JSON-LD, <time> elements, the URL, then date patterns in the visible text, preferring the
    original over the modified date but falling back to it. A second htmldate pass in
    "any date" mode finds nothing more (tried on modified-only pages and on visible-only
    dates), so it is not made; the caller's last resort is a date line at the top of the
    extracted text.
    """
    if not found:
        return None
    try:
        return date.fromisoformat(found[:10])
    except ValueError:
        return None


def _publication_date(found: date | None, dateline: date | None) -> date | None:
    """htmldate's date, unless it is the page's own date line with day and month swapped.

    htmldate reads a numeric date in the visible text ("04/05/2021") without knowing the site's
    locale; the date line under the headline was read with it (``transforms.clean.datelines``),
    so where the two are the same numbers in another order, the date line's reading wins.
    """
    if found is None or dateline is None:
        return found or dateline
    swapped = found.day <= 12 and (found.year, found.day, found.month) == (
        dateline.year,
        dateline.month,
        dateline.day,
    )
    return dateline if swapped else found


def _reject_non_article(tree: HtmlElement, paragraphs: list[str], pagetype: str | None) -> None:
    """Raise CleanError for an extraction that is not one article's text.

    Checked in this order: an index page (teasers: linked headlines and the blurbs next to
    them, or plain link lists), a page whose only text is links (navigation), a page with
    too little prose to be an article (error pages, stubs, paywall teasers).
    """
    if not paragraphs:
        raise CleanError("empty", "The page's main content is only boilerplate (no article text).")
    teasers, listing_texts = _teaser_texts(tree)
    listed = [p for p in paragraphs if _text_key(p) in listing_texts]
    share = sum(len(p) for p in listed) / sum(len(p) for p in paragraphs)
    if teasers >= MIN_LISTING_TEASERS and share > _listing_share_limit(pagetype):
        raise CleanError(
            "not_article",
            f"The page is an index of {teasers} linked stories, not an article: {len(listed)} "
            f"of its {len(paragraphs)} text blocks are teasers ({share:.0%} of the text).",
        )
    if len(listed) == len(paragraphs):
        raise CleanError(
            "empty", "No article text could be extracted: the page's main content is only links."
        )
    words = sum(len(p.split()) for p in paragraphs if p not in listed)
    if words < MIN_ARTICLE_WORDS:
        raise CleanError(
            "not_article",
            f"The page has only {words} words of text: an error page, stub or paywall teaser, "
            "not an article.",
        )


def _listing_share_limit(pagetype: str | None) -> float:
    """How much teaser text a page may have, given what it declares itself to be."""
    kind = (pagetype or "").lower()
    if "article" in kind or "posting" in kind:
        return MAX_LISTING_SHARE_DECLARED_ARTICLE
    if kind in _LISTING_TYPES:
        return MAX_LISTING_SHARE_DECLARED_LISTING
    return MAX_LISTING_SHARE


def _teaser_texts(tree: HtmlElement) -> tuple[int, set[str]]:
    """How many teasers the page has, and the normalised texts of their parts.

    A teaser is a small container holding a linked headline (an h1-h4 that is essentially
    one link) and at most a short blurb. Every link text counts as listing text too: pages
    whose teaser headlines are plain links, navigation menus.
    """
    texts: set[str] = set()
    containers = set()
    for heading in tree.iter("h1", "h2", "h3", "h4"):
        heading_text = _text_key(heading.text_content())
        links = heading.findall(".//a[@href]")
        link_text = sum(len(_text_key(a.text_content())) for a in links)
        if len(heading_text.split()) < 3 or link_text < 0.8 * len(heading_text):
            continue
        container = heading.getparent()
        if container is None or len(container.text_content().split()) > MAX_TEASER_WORDS:
            continue
        containers.add(container)
        texts.update(_text_key(el.text_content()) for el in container.iter() if el is not heading)
    texts.update(_text_key(a.text_content()) for a in tree.iter("a"))
    texts.discard("")
    return len(containers), texts


def _text_key(text: str) -> str:
    return " ".join(normalize_line(text).casefold().split())


def _drop_credentials(tree: HtmlElement) -> None:
    """Remove ``user:password@`` from the addresses a page gives in ``<link>`` and ``<meta>``,
    before anything (trafilatura's URL and site name included) reads them."""
    for element in tree.iter("link", "meta"):
        for attr in ("href", "content"):
            value = element.get(attr)
            if value and "@" in value:
                element.set(attr, strip_userinfo(value.strip()))


def _canonical_link(
    tree: HtmlElement, base: str | None, json_ld: list[dict[str, Any]]
) -> str | None:
    """The page's own address: <link rel=canonical>, og:url, then the JSON-LD article's url.

    Relative addresses are resolved against ``base`` (where the page came from).
    """
    candidates: list[str | None] = [
        link.get("href")
        for link in tree.iterfind(".//link[@rel]")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    candidates += [m.get("content") for m in tree.iterfind(".//meta[@property='og:url']")]
    for item in json_ld:
        if _is_article_type(item.get("@type")):
            page = item.get("mainEntityOfPage")
            candidates += [item.get("url"), page.get("@id") if isinstance(page, dict) else page]
    for href in candidates:
        if not isinstance(href, str):
            continue
        href = href.strip()
        if not href:
            continue
        absolute = urljoin(base, href) if base else href
        if absolute.startswith(("http://", "https://")):
            return strip_userinfo(absolute)  # a page may claim anything, credentials included
    return None


def _declared_locales(tree: HtmlElement, json_ld: list[dict[str, Any]]) -> list[str]:
    """The language tags the page declares, in order of trust: <html lang>, Content-Language,
    og:locale, JSON-LD ("en-GB", "en_US", "fr"). The first names the page's language (a hint
    for ``transforms.clean.language``); the first with a region, how it writes dates."""
    declared = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            declared.append(meta.get("content"))
    declared += [item.get("inLanguage") for item in json_ld]
    tags = [v.strip().split(",")[0].strip() for v in declared if isinstance(v, str)]
    return [tag for tag in tags if _LANGUAGE.match(tag)]


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, @graph and nested items flattened."""
    found: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            stack: list[Any] = [json.loads(script.text or "")]
        except ValueError:  # broken JSON-LD is common; it just contributes nothing
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return found


def _is_article_type(value: Any) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(
        isinstance(t, str) and ("article" in t.lower() or "posting" in t.lower()) for t in types
    )


def _clean_field(value: str | None) -> str | None:
    value = normalize_line(value or "")
    return value or None
