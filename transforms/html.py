"""An HTML page into article text and metadata, with trafilatura doing the heavy lifting.

The page is parsed once with lxml (trafilatura's own loader) and that tree feeds everything:
trafilatura's main-content extraction and metadata (title, author, date via htmldate,
site name, page type), a canonical-URL lookup that resolves relative links, and a language
lookup. Extraction options and why:

* ``include_comments=False``: reader comments are not the article, and trafilatura then also
  prunes comment containers before extracting, so they cannot leak into the body;
* ``include_tables=False``: data tables flatten to "| cell | cell |" lines that are neither
  prose nor parseable sentences; the story around a table is still extracted;
* balanced mode (neither ``favor_precision`` nor ``favor_recall``): precision mode drops short
  paragraphs such as one-line quotes, which are exactly what quote extraction needs; balanced
  mode still removes navigation, sidebars, cookie banners and footers, and retries in recall
  mode when it got too little of the page;
* ``fast=False``: the readability/jusText comparison rescues pages whose markup trafilatura's
  own rules miss.

What trafilatura returns is then treated like a text article's lines (``transforms.textdoc``):
leading date/byline lines become metadata, boilerplate lines and headline repeats go.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html

from transforms.clean_errors import CleanError
from transforms.normalize import normalize_line, split_lines
from transforms.textdoc import body_paragraphs, read_header

#: Fewer words than this after cleaning is an error page, a stub or a paywall teaser.
MIN_ARTICLE_WORDS = 15
#: Share of the body's characters that are link texts (teaser headlines) above which a page
#: is an index/section page, unless it declares itself an article (then the higher bar).
MAX_LINK_SHARE = 0.2
MAX_LINK_SHARE_DECLARED_ARTICLE = 0.5
#: A listing needs at least this many linked headlines (an article may link one or two).
MIN_LISTING_LINKS = 4

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
    canonical = _canonical_link(tree, url)
    language = _language(tree)
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
    lines = split_lines(extracted.text or "")
    header = read_header(lines, 0, after_headline=False)
    paragraphs = body_paragraphs(lines[header.end :], title, join_wrapped=False)
    _reject_non_article(tree, paragraphs, extracted.pagetype)

    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=title,
        author=_clean_field(extracted.author) or header.author,
        published=_published(tree, extracted.date, canonical or url) or header.published,
        site=_clean_field(extracted.sitename),
        language=language,
        canonical_url=canonical or _clean_field(extracted.url),
    )


def _published(tree: HtmlElement, found: str | None, url: str | None) -> date | None:
    """trafilatura's date (htmldate, original-date mode), else htmldate's any-date mode."""
    found = found or find_date(tree, extensive_search=True, original_date=False, url=url)
    if not found:
        return None
    try:
        return date.fromisoformat(found[:10])
    except ValueError:
        return None


def _reject_non_article(tree: HtmlElement, paragraphs: list[str], pagetype: str | None) -> None:
    """Raise CleanError for an extraction that is not one article's text."""
    words = sum(len(p.split()) for p in paragraphs)
    if not paragraphs:
        raise CleanError("empty", "The page's main content is only boilerplate (no article text).")
    if words < MIN_ARTICLE_WORDS:
        raise CleanError(
            "not_article",
            f"The page has only {words} words of text: an error page, stub or paywall teaser, "
            "not an article.",
        )
    # An index page extracts as teaser headlines (each one a link) with their blurbs.
    anchors = {
        key for a in tree.iter("a") if len((key := _link_key(a.text_content())).split()) >= 3
    }
    linked = [p for p in paragraphs if _link_key(p) in anchors]
    share = sum(len(p) for p in linked) / sum(len(p) for p in paragraphs)
    kind = (pagetype or "").lower()
    declared_article = "article" in kind or "posting" in kind
    limit = MAX_LINK_SHARE_DECLARED_ARTICLE if declared_article else MAX_LINK_SHARE
    if len(linked) >= MIN_LISTING_LINKS and (share > limit or kind in _LISTING_TYPES):
        raise CleanError(
            "not_article",
            f"The page is a list of links, not an article: {len(linked)} of its "
            f"{len(paragraphs)} text blocks are linked headlines ({share:.0%} of the text).",
        )


def _link_key(text: str) -> str:
    return " ".join(normalize_line(text).casefold().split())


def _canonical_link(tree: HtmlElement, base: str | None) -> str | None:
    """The page's own address: <link rel=canonical>, else og:url; relative hrefs resolved."""
    candidates = [
        link.get("href")
        for link in tree.iterfind(".//link[@rel]")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    candidates += [m.get("content") for m in tree.iterfind(".//meta[@property='og:url']")]
    for href in candidates:
        href = (href or "").strip()
        if not href:
            continue
        absolute = urljoin(base, href) if base else href
        if absolute.startswith(("http://", "https://")):
            return absolute
    return None


def _language(tree: HtmlElement) -> str | None:
    """ISO 639 code the page declares: <html lang>, Content-Language, og:locale, JSON-LD."""
    declared = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            declared.append(meta.get("content"))
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        declared.extend(_json_ld_languages(script.text or ""))
    for value in declared:
        m = _LANGUAGE.match((value or "").strip().split(",")[0].strip())
        if m:
            return m.group(1).lower()
    return None


def _json_ld_languages(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            value = item.get("inLanguage")
            if isinstance(value, str):
                found.append(value)
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return found


def _clean_field(value: str | None) -> str | None:
    value = normalize_line(value or "")
    return value or None
