"""The Clean stage end to end: RawDoc -> Document for seeds, devset articles and HTML pages."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import transforms.clean.document as clean_module
from transforms.clean import (
    MAX_TEXT_CHARS,
    CleanError,
    clean,
    clean_many,
    document_id,
    input_format,
)
from transforms.clean.urls import canonical_url
from transforms.model import RawDoc, stable_id

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_GOLD = json.loads((ROOT / "tests/fixtures/expectations/seeds.json").read_text("utf-8"))
DEVSET = sorted((ROOT / "tests/fixtures/devset").glob("*.txt"))
BOILERPLATE_PREFIXES = ("Related article", "Read also", "Follow us")


def raw_file(path: Path, content_type: str | None = "text/plain", **kw: object) -> RawDoc:
    return RawDoc(source=str(path), body=path.read_bytes(), content_type=content_type, **kw)  # type: ignore[arg-type]


def raw_html(page: str | bytes, url: str | None = None, **kw: object) -> RawDoc:
    body = page.encode("utf-8") if isinstance(page, str) else page
    return RawDoc(
        source=url or "/data/page.html", body=body, url=url, content_type="text/html", **kw
    )  # type: ignore[arg-type]


# --- seeds --------------------------------------------------------------------------------------

SEED_FIRST_PARAGRAPH = {
    "000_38393c7eca97659f.txt": "Israel forewarned Russia of its strikes on Thursday",
    "003_ab72f8260a983db2.txt": "Russian Foreign Minister Sergei Lavrov said the United States",
}


@pytest.mark.parametrize("name", sorted(SEED_GOLD.keys() - {"_about"}))
def test_seed(name: str) -> None:
    gold = SEED_GOLD[name]
    doc = clean(raw_file(SEEDS / name))
    assert doc.title == gold["title"]
    assert doc.published == date.fromisoformat(gold["published"])
    assert doc.url == gold["url"]
    assert doc.text.startswith(SEED_FIRST_PARAGRAPH[name])
    for not_body in gold["not_body"]:
        assert not_body not in doc.text
    for quote in gold["quotes"]["required"]:
        assert quote["quote"] in doc.text, quote["quote"]
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


def test_seed_with_original_url_keeps_it_but_is_identified_by_its_text() -> None:
    gold = SEED_GOLD["000_38393c7eca97659f.txt"]
    doc = clean(raw_file(SEEDS / "000_38393c7eca97659f.txt"))
    assert doc.canonical_url == gold["url"]
    assert doc.doc_id == document_id(doc.text)  # a claimed URL never decides identity
    assert doc.input_format == "markdown"  # Markdown saved as .txt is sniffed


# --- devset -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEVSET, ids=lambda p: p.stem)
def test_devset_article(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text("utf-8"))
    doc = clean(raw_file(path))
    assert doc.title == gold["title"]
    assert doc.published == date.fromisoformat(gold["published"])
    for quote in gold["quotes"]:
        assert quote["quote"] in doc.text, quote["quote"]
    for event in gold["events"]:
        assert event["sentence"] in doc.text, event["sentence"]
    for not_quote in gold["not_quotes"]:
        if not_quote.startswith(BOILERPLATE_PREFIXES):
            assert not_quote not in doc.text
    assert not doc.text.startswith(gold["title"])  # the repeated headline is gone too
    assert doc.author and doc.author in path.read_text("utf-8").splitlines()[2]


# --- HTML ---------------------------------------------------------------------------------------

ARTICLE = [
    "The interior minister resigned on Tuesday after a leaked memo showed he had misled "
    "parliament about police spending, the prime minister’s office said.",
    "“I have made mistakes and I take full responsibility,” the minister told reporters "
    "outside his office in the capital.",
    "Opposition leaders said the resignation came too late and called for an independent "
    "inquiry into the ministry's accounts over the past five years.",
    '"Follow us on Twitter for updates," the police told residents during the protests.',
    "According to the memo, the ministry overstated its spending by 40 million euros in 2019.",
]


def noisy_page(
    head: str = "", paragraphs: list[str] = ARTICLE, charset: str | None = "utf-8"
) -> str:
    """An article page with everything a real one has around the story."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en-GB"><head>{meta}
<title>Minister quits over leak | The Daily Bugle</title>{head}</head><body>
<div id="cookie-banner">We use cookies to improve your experience on our site.
<button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Minister quits over leak</h1><p class="byline">By Jane Smith</p>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm batters the coast for a third day</a></li>
<li><a href="/b">Petrol prices rise again</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>This is a disgrace,
he should have gone years ago!</p></div></section>
<footer><p>© 2020 The Daily Bugle. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_page_gives_only_the_article() -> None:
    doc = clean(raw_html(noisy_page(), "https://www.bugle.example/news/minister-quits"))
    assert doc.text == "\n\n".join(ARTICLE)
    for furniture in ("cookies", "Most read", "Storm batters", "disgrace", "Daily Bugle", "Home"):
        assert furniture not in doc.text
    assert doc.input_format == "html"
    assert doc.language == "en"


def test_html_metadata_from_json_ld() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Minister quits over leaked police memo",
        "datePublished": "2020-03-04T10:00:00+01:00",
        "author": {"@type": "Person", "name": "Jane Smith"},
        "publisher": {"@type": "Organization", "name": "The Daily Bugle"},
        "url": "https://www.bugle.example/news/2020/03/04/minister-quits",
        "inLanguage": "en-GB",
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    doc = clean(raw_html(noisy_page(head)))
    assert doc.title == "Minister quits over leaked police memo"
    assert doc.published == date(2020, 3, 4)
    assert doc.author == "Jane Smith"
    assert doc.site == "The Daily Bugle"
    assert doc.canonical_url == "https://www.bugle.example/news/2020/03/04/minister-quits"


def test_html_metadata_from_og_tags() -> None:
    head = (
        '<meta property="og:title" content="Interior minister resigns">'
        '<meta property="og:url" content="https://Bugle.example/news/resigns/?utm_source=tw">'
        '<meta property="og:type" content="article">'
        '<meta property="og:site_name" content="The Bugle">'
        '<meta property="article:published_time" content="2021-11-05T08:00:00Z">'
        '<meta property="article:author" content="Jane Smith">'
    )
    doc = clean(raw_html(noisy_page(head)))
    assert doc.title == "Interior minister resigns"
    assert doc.published == date(2021, 11, 5)
    assert doc.site == "The Bugle"
    assert doc.author == "Jane Smith"
    assert doc.canonical_url == "https://bugle.example/news/resigns"
    # A local file: its address is the one the page declares.
    assert doc.url == "https://Bugle.example/news/resigns/?utm_source=tw"
    assert doc.text == "\n\n".join(ARTICLE)  # the <h1> differs from og:title, still dropped


def test_relative_canonical_link_is_resolved_against_the_fetch_url() -> None:
    head = '<link rel="canonical" href="/news/2020/minister-quits">'
    raw = raw_html(noisy_page(head), "https://www.bugle.example/amp/minister-quits?utm_medium=x")
    doc = clean(raw)
    assert doc.url == "https://www.bugle.example/amp/minister-quits?utm_medium=x"
    assert doc.canonical_url == "https://www.bugle.example/news/2020/minister-quits"


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Published on March 3, 2019.", date(2019, 3, 3)),
        ("Thursday, May 10, 2018 10:30 GMT", date(2018, 5, 10)),
        ("26 February, 2021", date(2021, 2, 26)),
    ],
)
def test_visible_date_without_metadata(date_line: str, expected: date) -> None:
    doc = clean(raw_html(noisy_page(paragraphs=[date_line, *ARTICLE])))
    assert doc.published == expected
    assert doc.text == "\n\n".join(ARTICLE)  # a date line is header, not body


def test_only_a_modified_date_is_better_than_none() -> None:
    head = '<meta property="article:modified_time" content="2020-05-06T10:00:00Z">'
    assert clean(raw_html(noisy_page(head))).published == date(2020, 5, 6)


def test_layout_tables_keep_the_article_and_data_tables_are_dropped() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    layout = (
        "<html><head><title>Old site</title></head><body><table><tr><td><a href='/'>Home</a>"
        f"<br><a href='/n'>News</a></td><td><h1>Minister quits</h1>{body}</td></tr></table>"
        "</body></html>"
    )
    assert clean(raw_html(layout)).text == "\n\n".join(ARTICLE)
    table = "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Alpha</td><td>56</td></tr></table>"
    data = noisy_page().replace("</article>", f"{table}</article>")
    assert "Seats" not in clean(raw_html(data)).text


def test_windows_1252_page_without_charset() -> None:
    page = noisy_page(charset=None).encode("cp1252")
    doc = clean(raw_html(page))
    assert ARTICLE[1] in doc.text  # “…,” and ’ decoded right
    assert "\ufffd" not in doc.text and "â€" not in doc.text


def test_page_with_bom_and_no_charset() -> None:
    page = b"\xef\xbb\xbf" + noisy_page(charset=None).encode("utf-8")
    doc = clean(raw_html(page))
    assert doc.text == "\n\n".join(ARTICLE)


def test_gzip_compressed_page() -> None:
    import gzip

    doc = clean(raw_html(gzip.compress(noisy_page().encode("utf-8"))))
    assert doc.text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><article></article></body></html>",
    ],
)
def test_empty_page(page: str) -> None:
    with pytest.raises(CleanError) as err:
        clean(raw_html(page))
    assert err.value.kind == "empty"
    assert str(err.value)


def test_error_page_is_not_an_article() -> None:
    page = (
        "<html><body><h1>Page not found</h1><p>Sorry, this page does not exist.</p></body></html>"
    )
    with pytest.raises(CleanError) as err:
        clean(raw_html(page))
    assert err.value.kind == "not_article"


def test_section_index_page_is_not_an_article() -> None:
    teasers = "\n".join(
        f'<div class="teaser"><h2><a href="/news/{i}">Ministers meet in capital number {i} '
        f"as talks resume</a></h2><p>Officials said on Monday that talks on issue {i} would "
        "continue next week.</p></div>"
        for i in range(12)
    )
    page = f"<html><head><title>World</title></head><body><main>{teasers}</main></body></html>"
    with pytest.raises(CleanError) as err:
        clean(raw_html(page))
    assert err.value.kind == "not_article"


def test_article_with_a_box_of_related_stories_is_still_an_article() -> None:
    related = "".join(
        f'<div class="related"><h3><a href="/r/{i}">Related story number {i} about the police '
        "budget</a></h3></div>"
        for i in range(6)
    )
    page = noisy_page().replace("</article>", f"</article><section>{related}</section>")
    assert clean(raw_html(page)).text == "\n\n".join(ARTICLE)


def test_html_served_as_text_plain_is_sniffed() -> None:
    raw = RawDoc(
        source="https://x.example/a", body=noisy_page().encode(), content_type="text/plain"
    )
    doc = clean(raw)
    assert doc.input_format == "html"
    assert doc.text == "\n\n".join(ARTICLE)


def test_text_article_served_as_html_takes_the_text_path() -> None:
    as_text = clean(raw_file(DEVSET[0]))
    as_html = clean(raw_file(DEVSET[0], "text/html"))
    assert as_html.input_format == "text"
    assert (as_html.title, as_html.text) == (as_text.title, as_text.text)


def test_too_long_text_is_rejected() -> None:
    # Distinct paragraphs: trafilatura collapses repeated identical ones.
    sentence = "Witness {} told the committee about the events of that night in detail. "
    paragraphs = [sentence.format(i) * 20 for i in range(MAX_TEXT_CHARS // 1400 + 2)]
    page = noisy_page(paragraphs=paragraphs)
    with pytest.raises(CleanError) as err:
        clean(raw_html(page))
    assert err.value.kind == "too_long"


# --- text inputs --------------------------------------------------------------------------------


def test_plain_text_file_of_paragraphs_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("The minister resigned on Tuesday.\n\nHis deputy takes over.\n", "utf-8")
    doc = clean(raw_file(path))
    assert doc.title is None
    assert doc.text == "The minister resigned on Tuesday.\n\nHis deputy takes over."
    assert doc.input_format == "text"


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Minister quits\n\nMay 3, 2020\n\n**The minister** quit, [officials](https://x.example) "
        "said.\n\n**Related article:** [Earlier resignation](#)\n",
        "utf-8",
    )
    doc = clean(raw_file(path, "text/markdown"))
    assert (doc.title, doc.published, doc.input_format) == (
        "Minister quits",
        date(2020, 5, 3),
        "markdown",
    )
    assert doc.text == "The minister quit, officials said."


def test_a_one_line_report_with_its_date_is_its_text(tmp_path: Path) -> None:
    """A single unpunctuated line is a one-line report, not a headline over no body."""
    path = tmp_path / "flash.txt"
    path.write_text("Minister quits over leak\nMay 3, 2020\n", "utf-8")
    doc = clean(raw_file(path))
    assert (doc.title, doc.text, doc.published) == (
        None,
        "Minister quits over leak",
        date(2020, 5, 3),
    )
    one_line = tmp_path / "wire.txt"
    one_line.write_text("Police arrest 12 protesters in Dhaka\n", "utf-8")
    assert clean(raw_file(one_line)).text == "Police arrest 12 protesters in Dhaka"


def test_text_with_only_a_date_line_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "stub.txt"
    path.write_text("May 3, 2020\n", "utf-8")
    with pytest.raises(CleanError) as err:
        clean(raw_file(path))
    assert err.value.kind == "empty"


def test_binary_file_is_bad_encoding() -> None:
    raw = RawDoc(
        source="/data/photo.html", body=b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8
    )
    with pytest.raises(CleanError) as err:
        clean(raw)
    assert err.value.kind == "bad_encoding"


@pytest.mark.parametrize(
    ("content_type", "source", "body", "expected"),
    [
        ("text/html", "/a.txt", b"<p>A fragment</p>", "html"),
        ("text/html", "/a", b"A plain text article served as HTML.", "text"),
        ("text/html", "/a.html", "<p>Ü</p>".encode("utf-16"), "html"),
        ("application/xhtml+xml", "/a", b"<x/>", "html"),
        ("text/plain", "/a.txt", b"  <!DOCTYPE html><html>", "html"),
        ("text/plain", "/a.txt", b"<!-- saved -->\n<HTML lang='en'>", "html"),
        ("text/plain", "/a.txt", b"Just text about <html> tags", "text"),
        ("text/plain", "/a.txt", b"Just text", "text"),
        ("text/markdown", "/a.txt", b"# Title", "markdown"),
        (None, "/data/a.md", b"# Title", "markdown"),
        (None, "/data/a.html.gz", b"<div><p>Saved page</p></div>", "html"),
        (None, "/data/a.html", b"Text saved with the wrong name.", "text"),
        (None, "https://x.example/story", b"Just text", "text"),
    ],
)
def test_input_format(content_type: str | None, source: str, body: bytes, expected: str) -> None:
    assert input_format(content_type, source, body) == expected


# --- identity and provenance --------------------------------------------------------------------


def test_identity_and_provenance_fields() -> None:
    fetched = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    raw = raw_html(
        noisy_page(),
        "https://www.bugle.example/news/minister-quits?utm_source=x",
        fetched_at=fetched,
        origin="live",
    )
    doc = clean(raw)
    assert doc.content_sha256 == raw.sha256
    assert doc.canonical_url == "https://www.bugle.example/news/minister-quits"
    assert doc.doc_id == document_id(doc.text)
    assert (doc.fetched_at, doc.origin, doc.source) == (fetched, "live", raw.source)


def test_same_story_from_two_urls_gets_one_doc_id() -> None:
    a = clean(raw_html(noisy_page(), "https://WWW.bugle.example/news/minister-quits/#comments"))
    b = clean(raw_html(noisy_page(), "https://www.bugle.example/news/minister-quits?fbclid=abc"))
    assert a.doc_id == b.doc_id
    # With no canonical link in the page, the address each copy came from is normalised to
    # one spelling, so the copies group on canonical_url too.
    assert a.canonical_url == b.canonical_url == "https://www.bugle.example/news/minister-quits"


def test_claiming_another_articles_canonical_url_does_not_take_its_identity() -> None:
    """A canonical link is whatever the page says: two different texts claiming one address
    stay two articles, so neither can replace the other."""
    url = "https://www.bugle.example/news/minister-quits"
    real = clean(raw_html(noisy_page(), url))
    head = f'<link rel="canonical" href="{url}">'
    other = ["A different story, written by someone else, about something else entirely."]
    impostor = clean(
        raw_html(noisy_page(head, paragraphs=[*other, *ARTICLE[1:]]), "https://evil.example/copy")
    )
    assert impostor.canonical_url == real.canonical_url == url
    assert impostor.doc_id != real.doc_id


def test_without_url_the_doc_id_hashes_the_body_text(tmp_path: Path) -> None:
    import hashlib

    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Headline here\n\nSame body text.\n", "utf-8")
    two.write_text("Other headline\n\nSame body text.\n", "utf-8")
    doc_one, doc_two = clean(raw_file(one)), clean(raw_file(two))
    assert doc_one.canonical_url is None
    assert doc_one.doc_id == stable_id("doc", hashlib.sha256(b"Same body text.").hexdigest())
    assert doc_one.doc_id == doc_two.doc_id
    assert doc_one.content_sha256 != doc_two.content_sha256


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://Example.COM:443/News/Story/?utm_source=tw&id=7#top",
            "https://example.com/News/Story?id=7",
        ),
        ("http://example.com:8080/a/?gclid=1&fbclid=2", "http://example.com:8080/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com/a?b=&c=1", "https://example.com/a?b=&c=1"),
        ("ftp://example.com/a", None),
        ("/relative/path", None),
        ("https://example.com:notaport/a", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, expected: str | None) -> None:
    assert canonical_url(url) == expected


STORY = "https://www.harbour-gazette.example/world/2024/05/12/flood-warning-issued"


@pytest.mark.parametrize(
    "shared",
    [
        STORY,
        STORY + "/",
        STORY + "#comments",
        "HTTPS://WWW.Harbour-Gazette.Example:443/world/2024/05/12/flood-warning-issued",
        STORY + "?utm_source=twitter&utm_medium=social&utm_campaign=share_button",
        STORY + "/?fbclid=IwAR0xYz123",
        STORY + "?gclid=Cj0KCQ&mc_cid=8a1&mc_eid=77f",
        STORY + "?smid=tw-share",
        STORY + "?CMP=share_btn_tw",
        STORY + "?ocid=socialflow_twitter&__twitter_impression=true",
        STORY + "?at_medium=custom7&at_campaign=64",
        STORY + "?ref=homepage&igshid=MzRlODBiNWFlZA==",
        STORY + "?_ga=2.1234.5678&ito=1492",
        STORY + "/?utm_source=newsletter&utm_content=top#main",
    ],
)
def test_share_links_of_one_story_get_one_canonical_url(shared: str) -> None:
    assert canonical_url(shared) == STORY


def test_parameters_that_name_the_page_are_kept_in_one_order() -> None:
    base = "https://portal.example/news/article.php"
    assert canonical_url(base + "?cid=41&lang=en") == base + "?cid=41&lang=en"
    assert canonical_url(base + "?lang=en&utm_source=x&cid=41") == base + "?cid=41&lang=en"
    # Pages told apart only by a parameter stay apart (courlan's prefix pattern would drop
    # "cid" and "gallery" and merge them).
    assert canonical_url(base + "?cid=41") != canonical_url(base + "?cid=42")
    assert canonical_url(base + "?gallery=2") != canonical_url(base + "?gallery=3")
    assert canonical_url("https://xn--mller-kva.example/a") == canonical_url(
        "https://müller.example/a"
    )


# --- batches ------------------------------------------------------------------------------------


def test_clean_many_turns_bad_inputs_into_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    good = raw_html(noisy_page(), "https://www.bugle.example/a")
    empty = raw_html("", "https://www.bugle.example/empty")
    docs, failures = clean_many([good, empty, good])
    assert [d.source for d in docs] == [good.source, good.source]
    assert [(f.source, f.stage, f.error_kind) for f in failures] == [
        (empty.source, "clean", "empty")
    ]

    def explode(html: str, url: str | None = None) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(clean_module, "extract_html", explode)
    docs, failures = clean_many([good])
    assert docs == []
    assert failures[0].error_kind == "clean_error"
    assert "parser exploded" in failures[0].message
