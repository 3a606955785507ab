"""Write a deterministic corpus of realistic news HTML pages for benchmarks and tests.

    python bench/make_corpus.py OUT_DIR --n 500 --seed 1

Nothing is downloaded. Articles are composed from sentence templates over pools of fictional
officials, real countries and organisations (leads, direct quotes in “curly” and "straight"
marks, indirect and mixed quotes with said / told reporters / according to / urged), or reuse
the hand-written devset articles in tests/fixtures/devset. Each article is wrapped in one of six
site templates that differ the way real sites do:

* ``wire``: agency story, dateline in the lead, <time> element, "(Reporting by ...)" credit;
* ``newspaper``: navigation, cookie banner, figure caption, "Related article" teaser inside
  the body, "Most read" sidebar, reader comments, footer;
* ``blog``: WordPress-style post with entry meta, tags, comments and an archive widget;
* ``amp``: AMP-style minimal page, metadata only in JSON-LD;
* ``jsonld``: metadata only in JSON-LD (no canonical link, no og: tags);
* ``ogonly``: metadata only in og:/article: tags, a <title> that is just the site name.

Pages are UTF-8 (with or without <meta charset>, some with a BOM), windows-1252 (declared or
not) or ISO-8859-1 (characters it lacks become numeric character references, as CMSs do);
about 10 % are gzip-compressed (.html.gz). About 5 % are deliberately bad: an article page
with an empty body, a section index page, binary data named .html, and a page truncated before
its article text.

OUT_DIR/MANIFEST.tsv lists every page: file, kind (good/bad), expected title, then extra columns
for tests: variant (template/encoding[/gzip], or the kind of bad page), expected published date,
a probe paragraph that must survive cleaning, and strings that must not (`` || ``-separated:
comments, sidebars, banners, credits).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

DEVSET_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "devset"
MANIFEST_COLUMNS = ("file", "kind", "expected_title", "variant", "published", "probe", "absent")
BAD_KINDS = ("empty_body", "index_page", "binary", "truncated")
#: Separates the strings of the "absent" column.
ABSENT_SEP = " || "
#: Share of articles that reuse a devset article instead of composing one.
DEVSET_SHARE = 0.15
GZIP_SHARE = 0.1
#: (Python codec, declared in the page?) -> weight.
ENCODINGS: dict[tuple[str, bool], int] = {
    ("utf-8", True): 60,
    ("utf-8", False): 8,
    ("utf-8-sig", False): 4,
    ("cp1252", True): 12,
    ("cp1252", False): 10,
    ("latin-1", True): 6,
}
CHARSET_LABELS = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "cp1252": "windows-1252",
    "latin-1": "iso-8859-1",
}

# --- pools --------------------------------------------------------------------------------------

# (name, adjective, capital)
COUNTRIES = [
    ("Turkey", "Turkish", "Ankara"), ("Iraq", "Iraqi", "Baghdad"),
    ("Syria", "Syrian", "Damascus"), ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Poland", "Polish", "Warsaw"),
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"),
    ("Egypt", "Egyptian", "Cairo"), ("Nigeria", "Nigerian", "Abuja"),
    ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"), ("Colombia", "Colombian", "Bogota"),
    ("Mexico", "Mexican", "Mexico City"), ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"), ("Serbia", "Serbian", "Belgrade"),
    ("Sudan", "Sudanese", "Khartoum"), ("Yemen", "Yemeni", "Sanaa"),
    ("Lebanon", "Lebanese", "Beirut"), ("Belarus", "Belarusian", "Minsk"),
    ("Venezuela", "Venezuelan", "Caracas"), ("Mali", "Malian", "Bamako"),
]  # fmt: skip
FIRST_NAMES = [
    "Daniel", "Amira", "Katarzyna", "Tamar", "Claire", "Andrés", "Siobhán", "Tom", "Chinedu",
    "Henrik", "Pieter", "Jamie", "Priya", "Grace", "Omar", "Leila", "Mikhail", "Ana", "Kwame",
    "Yuki", "Rafael", "Ingrid", "Samuel", "Nadia", "Viktor", "Elena", "Hassan", "Marta", "José",
    "Fatima", "Lars", "Irina", "David", "Aisha", "Jonas", "Sofia", "Emre", "Lucía", "Ravi",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Haddad", "Nowicka", "Kiknadze", "Dumont", "Galeano", "Kerrigan", "Callaghan",
    "Eze", "Sørlie", "de Graaf", "McArdle", "Raman", "Mwangi", "Farouk", "Karimi", "Volkov",
    "Pereira", "Mensah", "Tanaka", "Ortega", "Halvorsen", "Adeyemi", "Petrova", "Kovač", "Rossi",
    "Nasser", "Lindqvist", "Moreno", "Bello", "Oberg", "Sokolova", "Levin", "Yusuf", "Brandt",
    "Costa", "Yılmaz", "Fernández", "Sharma", "Abubakar",
]  # fmt: skip
ROLES = [
    "Foreign Minister", "Defence Minister", "Interior Minister", "Prime Minister", "President",
    "government spokesman", "army spokeswoman", "Finance Minister", "opposition leader",
    "Deputy Foreign Minister", "police chief", "Health Minister",
]  # fmt: skip
ORGS = [
    "the United Nations", "the European Union", "NATO", "the World Bank", "the African Union",
    "the International Committee of the Red Cross", "the World Health Organization",
    "Amnesty International", "Human Rights Watch", "the International Monetary Fund",
]  # fmt: skip
AGENCIES = ["Newswire", "Global Press", "Meridian News", "Courier Wire"]
NEWSPAPERS = ["The Daily Courier", "The Evening Ledger", "The Northern Herald", "Metro Times"]
BLOGS = ["Foreign Desk Notes", "The Policy Wonk", "Borderlines Blog"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
ISSUES = [
    "a disputed border crossing", "gas exports", "the treatment of detained journalists",
    "a long-delayed prisoner exchange", "fishing rights", "the return of refugees",
    "cross-border raids", "a stalled trade agreement", "water rights on a shared river",
]  # fmt: skip
QUOTES = [
    "We will not accept any attempt to change the situation by force",
    "This is a first step, but much more work remains to be done",
    "Our door remains open to dialogue, but our patience is not unlimited",
    "The government has a duty to protect its citizens and it will do so",
    "We have seen no evidence to support these claims",
    "These measures are proportionate and in line with international law",
    "Nobody wants an escalation, least of all the civilians who pay the price",
    "The families of the victims deserve answers, and they deserve them now",
    "We are ready to sign tomorrow if the other side is serious",
    "There can be no military solution to this conflict",
    "The decision was taken after careful consultation with our partners",
    "What happened last night was a clear violation of the ceasefire",
]
FRAGMENTS = [
    "a dangerous escalation", "unacceptable interference", "a historic opportunity",
    "a serious breach of trust", "premature", "a step in the right direction",
]  # fmt: skip
OUTCOMES = ["not back down", "consider all options", "respond in kind", "seek a deal"]
EFFECTS = ["deepen the rift", "unsettle investors", "complicate talks", "test the truce"]
COMMENTS = [
    "Same story every year, nothing ever changes.",
    "Finally some good news from that region!",
    "Who is going to pay for all of this? Taxpayers, as usual.",
    "Great reporting, thanks for covering this.",
    "I was there last summer and the situation was already tense.",
]


# --- article text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: list[str]
    published: date
    author: str
    probe: str  # one body paragraph that must survive cleaning verbatim


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _compose(rng: random.Random, published: date) -> Article:
    """An article from templates: a lead, then quote and background paragraphs."""
    (country, adj, capital), (other, other_adj, other_capital) = rng.sample(COUNTRIES, 2)
    day = WEEKDAYS[(published - timedelta(days=rng.randint(0, 2))).weekday()]
    n = rng.randint(3, 60)
    org = rng.choice(ORGS)
    issue = rng.choice(ISSUES)
    lq, rq = ('"', '"') if rng.random() < 0.35 else ("“", "”")
    title, lead = rng.choice(
        [
            (
                f"{adj} air strikes kill {n} in {other}, {other_capital} protests",
                f"{adj} warplanes struck targets in northern {other} on {day}, killing at "
                f"least {n} people, {other}'s defence ministry said.",
            ),
            (
                f"{country} imposes sanctions on {n} {other_adj} officials",
                f"{country} on {day} imposed asset freezes and travel bans on {n} {other_adj} "
                f"officials over {issue}, the foreign ministry said in a statement.",
            ),
            (
                f"{country} and {other} agree to resume talks on {issue}",
                f"{country} and {other} agreed on {day} to resume talks on {issue} after "
                f"{n} hours of negotiations in {other_capital}, officials from both sides said.",
            ),
            (
                f"Thousands protest in {capital} over {issue}",
                f"Thousands of people marched through central {capital} on {day} to protest "
                f"against the government's handling of {issue}, and police detained {n} of them.",
            ),
            (
                f"{country} accuses {other} of violating ceasefire",
                f"{country} accused {other} on {day} of violating a ceasefire agreed last "
                f"month, saying {n} of its soldiers had been wounded in shelling near the border.",
            ),
        ]
    )
    speakers = [(_person(rng), rng.choice(ROLES), rng.choice([country, other])) for _ in range(4)]
    paragraphs = [lead]
    # Log-normal lengths (median ~600 words), clipped to the 200-3000 range news pages span.
    target = int(min(3000, max(200, rng.lognormvariate(6.4, 0.6))))
    words = len(lead.split())
    while words < target:
        name, role, nation = rng.choice(speakers)
        q = rng.choice(QUOTES)
        surname = name.split(" ", 1)[1]
        since = published.year - rng.randint(1, 9)
        sentences = [
            f"{lq}{q},{rq} {nation}'s {role} {name} told reporters in {capital} on {day}.",
            f"{name} said: {lq}{q}.{rq}",
            f"{lq}{q},{rq} said {name}, the {role.lower()} of {nation}.",
            f"{role} {name} said {nation} would {rng.choice(OUTCOMES)}.",
            f"At least {rng.randint(2, 400)} people have been displaced since the start of the "
            f"year, according to {org}.",
            f"{surname} described the move as {lq}{rng.choice(FRAGMENTS)}{rq} and urged "
            f"{org} to intervene.",
            f"{country} and {other} have been at odds for years over {issue}, and relations "
            f"between {capital} and {other_capital} have deteriorated since {since}.",
            f"{org[0].upper()}{org[1:]} called on both sides to show restraint and to protect "
            f"civilians, a spokesperson said in a statement on {day}.",
            f"Analysts said the move was likely to {rng.choice(EFFECTS)} between the two "
            "neighbours.",
            f"{other} has denied the allegations. The ministry did not give further details.",
        ]
        paragraph = " ".join(rng.sample(sentences, rng.choice([1, 1, 2])))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    probe = rng.choice(paragraphs[1:]) if len(paragraphs) > 1 else lead
    return Article(title, paragraphs, published, _person(rng), probe)


def _load_devset() -> list[tuple[str, list[str]]]:
    """(headline, body paragraphs) of each devset article, its boilerplate lines left out."""
    boiler = re.compile(r"^(?:Related article|Read also|Follow us|\d+ min read|By )")
    articles = []
    for path in sorted(DEVSET_DIR.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        title = lines[0]
        body = [ln for ln in lines[2:] if ln and ln != title and not boiler.match(ln)]
        articles.append((title, body))
    return articles


def _from_devset(rng: random.Random, devset: list[tuple[str, list[str]]], day: date) -> Article:
    title, body = rng.choice(devset)
    return Article(title, list(body), day, _person(rng), rng.choice(body))


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


def _iso(d: date, hour: int = 9) -> str:
    return f"{d.isoformat()}T{hour:02d}:{(d.day * 7) % 60:02d}:00Z"


def _human_date(rng: random.Random, d: date) -> str:
    month = MONTHS[d.month - 1]
    return rng.choice(
        [
            f"{month} {d.day}, {d.year}",
            f"{d.day} {month} {d.year}",
            f"{WEEKDAYS[d.weekday()]} {d.day} {month} {d.year} 14.30 BST",
            f"{month[:3]}. {d.day}, {d.year}",
            d.isoformat(),
        ]
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


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
        _meta("article:published_time", _iso(a.published)),
    )
    first, *rest = a.paragraphs
    place = rng.choice(COUNTRIES)[2].upper()
    dateline = f"{place}, {MONTHS[a.published.month - 1][:3]} {a.published.day} ({agency}) - "
    body = "\n".join(f"<p>{_e(p)}</p>" for p in [dateline + first, *rest])
    page = WIRE.format(
        head=head, agency=agency, title=_e(a.title), author=_e(a.author), iso=_iso(a.published),
        human_date=_human_date(rng, a.published), body=body, reporter=_e(_person(rng)),
        editor=_e(_person(rng)), year=a.published.year,
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
        f'<div class="comment"><span class="comment-author">{_e(_person(rng))}</span>'
        f"<p>{_e(c)}</p></div>"
        for c in comments
    )
    related = (
        '<p class="related"><strong>Related article:</strong> '
        f'<a href="/news/related">{places[0]} prepares for a difficult winter</a></p>'
    )
    page = NEWSPAPER.format(
        head=head, nav=_nav(rng, site), title=_e(a.title), author=_e(a.author),
        author_slug=_slug(a.author), date=a.published.isoformat(),
        human_date=_human_date(rng, a.published), body=_paragraphs_html(a, related),
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
        head=head, site=_e(site), title=_e(a.title), iso=_iso(d, 18),
        human_date=f"{MONTHS[d.month - 1]} {d.day}, {d.year}", author=_e(a.author),
        author_slug=_slug(a.author), body=_paragraphs_html(a), tags=tags, comment=_e(comment),
        year=d.year, prev_year=d.year - 1,
    )  # fmt: skip
    return page, [comment, "Notes on world affairs", "Archives"]


def _amp(rng: random.Random, a: Article, url: str, charset: str | None) -> tuple[str, list[str]]:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": _iso(a.published),
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
                "datePublished": _iso(a.published),
                "dateModified": _iso(a.published + timedelta(days=1)),
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
        _meta("article:published_time", _iso(a.published)),
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


def _bad_page(rng: random.Random, kind: str, article: Article, url: str) -> bytes:
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


# --- driver -------------------------------------------------------------------------------------


def make_corpus(
    out_dir: Path, n: int = 500, seed: int = 1, bad_share: float = 0.05
) -> list[dict[str, str]]:
    """Write ``n`` pages and MANIFEST.tsv into ``out_dir``; return the manifest rows.

    Bad pages cycle through BAD_KINDS, so ``bad_share * n >= 4`` gives one of each.
    """
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    devset = _load_devset()
    bad_at = set(rng.sample(range(n), round(n * bad_share)))
    encodings, weights = list(ENCODINGS), list(ENCODINGS.values())
    rows: list[dict[str, str]] = []
    for i in range(n):
        published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 9 * 365))
        if rng.random() < DEVSET_SHARE:
            article = _from_devset(rng, devset, published)
        else:
            article = _compose(rng, published)
        host = rng.choice(["courier", "ledger", "herald", "observer"])
        url = (
            f"https://www.{host}-news.example/{published:%Y/%m/%d}/{_slug(article.title)[:60]}-{i}"
        )
        if i in bad_at:
            kind = BAD_KINDS[len([r for r in rows if r["kind"] == "bad"]) % len(BAD_KINDS)]
            name = f"{i:04d}_bad_{kind}.html"
            (out_dir / name).write_bytes(_bad_page(rng, kind, article, url))
            rows.append(
                dict.fromkeys(MANIFEST_COLUMNS, "") | {"file": name, "kind": "bad", "variant": kind}
            )
            continue
        template = rng.choice(list(TEMPLATES))
        codec, declared = rng.choices(encodings, weights)[0]
        label = CHARSET_LABELS[codec]
        page, absent = TEMPLATES[template](rng, article, url, label if declared else None)
        # Characters the legacy charset lacks become numeric character references.
        data = page.encode(codec, errors="xmlcharrefreplace")
        gz = rng.random() < GZIP_SHARE
        name = f"{i:04d}_{template}.html" + (".gz" if gz else "")
        (out_dir / name).write_bytes(gzip.compress(data, mtime=0) if gz else data)
        encoding = ("" if declared else "undeclared-") + (
            "utf-8-bom" if codec == "utf-8-sig" else label
        )
        rows.append(
            {
                "file": name,
                "kind": "good",
                "expected_title": article.title,
                "variant": f"{template}/{encoding}" + ("/gzip" if gz else ""),
                "published": article.published.isoformat(),
                "probe": article.probe,
                "absent": ABSENT_SEP.join(absent),
            }
        )
    with (out_dir / "MANIFEST.tsv").open("w", encoding="utf-8") as fh:
        fh.write("\t".join(MANIFEST_COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row[c].replace("\t", " ") for c in MANIFEST_COLUMNS) + "\n")
    return rows


def read_manifest(out_dir: Path) -> list[dict[str, str]]:
    """The rows of OUT_DIR/MANIFEST.tsv as dicts keyed by MANIFEST_COLUMNS."""
    lines = (out_dir / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a corpus of realistic news HTML pages.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=500, help="number of pages (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--bad-share", type=float, default=0.05, help="share of bad pages (default 0.05)"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = make_corpus(args.out_dir, args.n, args.seed, args.bad_share)
    bad = sum(r["kind"] == "bad" for r in rows)
    elapsed = time.perf_counter() - start
    print(f"wrote {len(rows)} pages ({bad} bad) to {args.out_dir} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
