"""The site templates and bad pages of the generated corpus (``make_corpus.py``): one article
wrapped the way a wire agency, a newspaper, a blog, an AMP page, a JSON-LD-only or an og:-only
site would serve it, each returning the page and the strings cleaning must drop."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from html import escape

from bench.corpus_text import (
    AGENCIES,
    BLOGS,
    COMMENTS,
    COUNTRIES,
    ISSUES,
    MONTHS,
    NEWSPAPERS,
    QUOTES,
    WEEKDAYS,
    Article,
    human_date,
    iso_time,
    person,
    slug,
)

# --- site templates -----------------------------------------------------------------------------

HEAD = """<head>{meta_charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title}</title>
{head_extra}
<link rel="stylesheet" href="/static/site.css">
<script src="/static/app.js" defer></script>
</head>"""

WIRE = """<!DOCTYPE html>
<html lang="en">{head}
<body>
<div class="topbar"><a href="/">{agency}</a> <a href="/markets">Markets</a>
 <a href="/world">World</a></div>
<main><div class="story">
<h1>{title}</h1>
<div class="byline">By {author}</div>
<time datetime="{iso}">{human_date}</time>
<div class="story-body">
{body}
<p class="credit">(Reporting by {reporter}; Editing by {editor})</p>
</div>
</div></main>
<footer><p>© {year} {agency}. All rights reserved.</p>
<a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
</body></html>"""

NEWSPAPER = """<!DOCTYPE html>
<html lang="en-GB">{head}
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and ads
 and to analyse our traffic. By continuing to browse you agree to our use of cookies.</p>
<button>Accept all</button></div>
{nav}
<div class="layout">
<article class="article">
<h1 class="headline">{title}</h1>
<p class="byline">By <a href="/authors/{author_slug}">{author}</a></p>
<p class="dateline"><time datetime="{date}">{human_date}</time></p>
<figure><img src="/img/lead.jpg" alt="Lead image">
<figcaption>Smoke rises over the city / Reuters</figcaption></figure>
<div class="article-body">
{body}
</div>
</article>
<aside class="sidebar"><h3>Most read</h3><ol>{most_read}</ol>
<div class="ad">Advertisement</div></aside>
</div>
<section id="comments" class="comments"><h3>{n_comments} comments</h3>
{comments}
<form><textarea name="comment"></textarea><button>Post comment</button></form>
</section>
<footer><p>© {year} {site}</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul>
</footer>
</body></html>"""

BLOG = """<!DOCTYPE html>
<html lang="en-US">{head}
<body class="single-post">
<div id="site-header"><p class="site-title"><a href="/">{site}</a></p>
<p class="site-description">Notes on world affairs</p></div>
<div id="content">
<article class="post hentry">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta">Posted on
 <time class="entry-date published" datetime="{iso}">{human_date}</time> by
 <span class="author vcard"><a class="url fn n" href="/author/{author_slug}">{author}</a></span>
</div></header>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer">Tags: {tags}</footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">One thought on this post</h2>
<ol class="comment-list"><li class="comment"><div class="comment-content"><p>{comment}</p>
</div></li></ol></div>
</div>
<div id="secondary" class="widget-area"><section class="widget"><h2>Archives</h2>
<ul><li><a href="/{year}/">{year}</a></li><li><a href="/{prev_year}/">{prev_year}</a></li></ul>
</section></div>
</body></html>"""

AMP = """<!doctype html>
<html amp lang="en">{head}
<body>
<h1>{title}</h1>
<amp-img src="/i.jpg" width="600" height="400" layout="responsive"></amp-img>
{body}
</body></html>"""

JSONLD = """<!DOCTYPE html>
<html>{head}
<body>
{nav}
<main id="main"><div class="content">
<h1>{title}</h1>
<div class="text">
{body}
</div></div>
<div class="newsletter"><p>Sign up for our daily newsletter to get the top stories.</p></div>
</main>
<footer>{site} · <a href="/imprint">Imprint</a></footer>
</body></html>"""

OGONLY = """<!DOCTYPE html>
<html>{head}
<body>
{nav}
<div class="wrapper"><div class="post">
<h2 class="title">{title}</h2>
{share}
<div class="post-body">
{body}
</div>
{share}
</div></div>
<div class="footer">Copyright {year} {site}</div>
</body></html>"""

SHARE = """<div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a>
 <a href="#">Email</a></div>"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _paragraphs_html(article: Article, insert: str | None = None) -> str:
    out = [f"<p>{_e(p)}</p>" for p in article.paragraphs]
    if insert and len(out) > 3:
        out.insert(3, insert)
    return "\n".join(out)


def _head(page_title: str, charset: str | None, *extra: str) -> str:
    return HEAD.format(
        meta_charset=f'<meta charset="{charset}">' if charset else "",
        page_title=_e(page_title),
        head_extra="\n".join(extra),
    )


def _nav(rng: random.Random, site: str) -> str:
    sections = ["World", "Politics", "Business", "Sport", "Culture", "Science", "Opinion", "Tech"]
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in rng.sample(sections, 6))
    logo = f'<a class="logo" href="/">{_e(site)}</a>'
    return f'<header class="masthead">{logo}\n<nav><ul>{items}</ul></nav></header>'


def _meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{_e(content)}">'


def _json_ld(data: Mapping[str, object]) -> str:
    # "</" must not appear inside a <script> element.
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _wire(rng: random.Random, a: Article, url: str, charset: str | None) -> tuple[str, list[str]]:
    agency = rng.choice(AGENCIES)
    head = _head(
        f"{a.title} | {agency}",
        charset,
        f'<link rel="canonical" href="{url}">',
        _meta("og:title", a.title),
        _meta("og:type", "article"),
        _meta("og:site_name", agency),
        _meta("author", a.author, "name"),
        _meta("article:published_time", iso_time(a.published)),
    )
    first, *rest = a.paragraphs
    place = rng.choice(COUNTRIES)[2].upper()
    dateline = f"{place}, {MONTHS[a.published.month - 1][:3]} {a.published.day} ({agency}) - "
    body = "\n".join(f"<p>{_e(p)}</p>" for p in [dateline + first, *rest])
    page = WIRE.format(
        head=head, agency=agency, title=_e(a.title), author=_e(a.author), iso=iso_time(a.published),
        human_date=human_date(rng, a.published), body=body, reporter=_e(person(rng)),
        editor=_e(person(rng)), year=a.published.year,
    )  # fmt: skip
    return page, ["Reporting by", "All rights reserved"]


def _newspaper(
    rng: random.Random, a: Article, url: str, charset: str | None
) -> tuple[str, list[str]]:
    site = rng.choice(NEWSPAPERS)
    head = _head(
        f"{a.title} - {site}",
        charset,
        f'<link rel="canonical" href="{url}">',
        _meta("og:url", url),
        _meta("og:title", a.title),
        _meta("og:type", "article"),
        _meta("og:site_name", site),
        _meta("date", a.published.isoformat(), "name"),
    )
    places = [c[0] for c in rng.sample(COUNTRIES, 5)]
    most_read = "".join(
        f'<li><a href="/news/{i}">Storm warning issued as {c} braces for floods</a></li>'
        for i, c in enumerate(places)
    )
    comments = rng.sample(COMMENTS, 3)
    comments_html = "\n".join(
        f'<div class="comment"><span class="comment-author">{_e(person(rng))}</span>'
        f"<p>{_e(c)}</p></div>"
        for c in comments
    )
    related = (
        '<p class="related"><strong>Related article:</strong> '
        f'<a href="/news/related">{places[0]} prepares for a difficult winter</a></p>'
    )
    page = NEWSPAPER.format(
        head=head, nav=_nav(rng, site), title=_e(a.title), author=_e(a.author),
        author_slug=slug(a.author), date=a.published.isoformat(),
        human_date=human_date(rng, a.published), body=_paragraphs_html(a, related),
        most_read=most_read, n_comments=rng.randint(3, 90), comments=comments_html,
        year=a.published.year, site=_e(site),
    )  # fmt: skip
    return page, [comments[0], "Storm warning issued", "We use cookies", "Smoke rises over"]


def _blog(rng: random.Random, a: Article, url: str, charset: str | None) -> tuple[str, list[str]]:
    site = rng.choice(BLOGS)
    head = _head(
        f"{a.title} – {site}",
        charset,
        f'<link rel="canonical" href="{url}">',
        _meta("generator", "WordPress 6.4", "name"),
    )
    tag_names = ["diplomacy", "security", "economy", "elections", "europe", "africa"]
    tags = " ".join(f'<a href="/tag/{t}" rel="tag">{t}</a>' for t in rng.sample(tag_names, 4))
    comment = rng.choice(COMMENTS)
    d = a.published
    page = BLOG.format(
        head=head, site=_e(site), title=_e(a.title), iso=iso_time(d, 18),
        human_date=f"{MONTHS[d.month - 1]} {d.day}, {d.year}", author=_e(a.author),
        author_slug=slug(a.author), body=_paragraphs_html(a), tags=tags, comment=_e(comment),
        year=d.year, prev_year=d.year - 1,
    )  # fmt: skip
    return page, [comment, "Notes on world affairs", "Archives"]


def _amp(rng: random.Random, a: Article, url: str, charset: str | None) -> tuple[str, list[str]]:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": iso_time(a.published),
        "author": {"@type": "Person", "name": a.author},
    }
    head = _head(
        a.title,
        charset,
        f'<link rel="canonical" href="{url}">',
        _json_ld(ld),
        "<style amp-custom>body{font-family:sans-serif}</style>",
    )
    page = AMP.format(head=head, title=_e(a.title), body=_paragraphs_html(a))
    return page, ["amp-img", "font-family"]


def _jsonld(rng: random.Random, a: Article, url: str, charset: str | None) -> tuple[str, list[str]]:
    site = rng.choice(["Continental Post", "Atlas Daily"])
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": site, "url": url.split("/20")[0]},
            {
                "@type": "NewsArticle",
                "headline": a.title,
                "url": url,
                "datePublished": iso_time(a.published),
                "dateModified": iso_time(a.published + timedelta(days=1)),
                "author": [{"@type": "Person", "name": a.author}],
                "inLanguage": "en",
                "publisher": {"@type": "Organization", "name": site},
            },
        ],
    }
    head = _head(f"{a.title} | {site}", charset, _json_ld(ld))
    page = JSONLD.format(
        head=head, nav=_nav(rng, site), title=_e(a.title), body=_paragraphs_html(a), site=site
    )
    return page, ["Sign up for our daily newsletter", "Imprint"]


def _og_only(
    rng: random.Random, a: Article, url: str, charset: str | None
) -> tuple[str, list[str]]:
    site = rng.choice(["Regional Observer", "Capital Chronicle"])
    head = _head(
        site,
        charset,
        _meta("og:title", a.title),
        _meta("og:url", url),
        _meta("og:type", "article"),
        _meta("og:site_name", site),
        _meta("og:locale", "en_GB"),
        _meta("article:published_time", iso_time(a.published)),
        _meta("article:author", a.author),
    )
    page = OGONLY.format(
        head=head, nav=_nav(rng, site), title=_e(a.title), share=SHARE,
        body=_paragraphs_html(a), year=a.published.year, site=_e(site),
    )  # fmt: skip
    return page, ["Copyright", "Share:"]


#: A template renders (rng, article, canonical url, declared charset or None) into the page
#: and the strings that cleaning must remove.
Template = Callable[[random.Random, Article, str, str | None], tuple[str, list[str]]]
TEMPLATES: dict[str, Template] = {
    "wire": _wire,
    "newspaper": _newspaper,
    "blog": _blog,
    "amp": _amp,
    "jsonld": _jsonld,
    "ogonly": _og_only,
}


# --- bad pages ----------------------------------------------------------------------------------


def _index_page(rng: random.Random) -> str:
    """A section front: linked headlines with one-sentence blurbs, no article."""
    site = rng.choice(NEWSPAPERS)
    teasers = []
    for i in range(14):
        _, adj, capital = rng.choice(COUNTRIES)
        headline = f"{adj} officials meet in {capital} as talks on {rng.choice(ISSUES)} resume"
        blurb = f"{rng.choice(QUOTES)}, officials said on {rng.choice(WEEKDAYS)}."
        teasers.append(
            f'<div class="teaser"><h2><a href="/news/{i}">{_e(headline)}</a></h2>'
            f"<p>{_e(blurb)}</p></div>"
        )
    head = _head(f"World news | {site}", "utf-8", _meta("og:type", "website"))
    return (
        f'<!DOCTYPE html>\n<html lang="en">{head}\n<body>\n{_nav(rng, site)}\n'
        f"<main><h1>World</h1>\n" + "\n".join(teasers) + f"\n</main>\n<footer>© {site}</footer>"
        "\n</body></html>"
    )


def bad_page(rng: random.Random, kind: str, article: Article, url: str) -> bytes:
    if kind == "binary":  # an image saved under an .html name
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(2000, 8000))
    if kind == "index_page":
        return _index_page(rng).encode("utf-8")
    page, _ = _newspaper(rng, article, url, "utf-8")
    if kind == "empty_body":  # the CMS rendered the page around an empty story
        page = re.sub(
            r'(<div class="article-body">).*?(</div>\n</article>)', r"\1\2", page, flags=re.S
        )
        page = re.sub(r'<section id="comments".*?</section>', "", page, flags=re.S)
        return page.encode("utf-8")
    # truncated: the transfer stopped in the page header, before any article text.
    cut = page.index("<h1")
    return page.encode("utf-8")[: rng.randint(cut // 2, cut)]
