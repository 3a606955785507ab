"""``newsdb report`` without a browser: escaping, anchors, filters, links, the folder swap.

Hostile strings are planted in a hand-written database (tests/analyst/report_support.py);
nothing here starts Prefect.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from report_support import EVIL, broken_links, hostile_batch, parse

from connectors.batchload import load_batch
from connectors.duckstore import NewsDB
from connectors.reportdb import read_report
from connectors.sitefiles import MARKER, SiteError, write_site
from flows.cli import main
from transforms.report.geo import country_features
from transforms.report.markup import Mark, anchored_text, safe_url, slug
from transforms.report.model import ReportFilters
from transforms.report.site import build_site


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "evil.duckdb"
    with NewsDB.open(path) as db:
        load_batch(db, hostile_batch())
    return path


@pytest.fixture(scope="module")
def hostile_site(hostile_db: Path) -> dict[str, str]:
    with NewsDB.open(hostile_db, read_only=True) as db:
        return build_site(read_report(db, ReportFilters()))


# --- markup -----------------------------------------------------------------------------------


def test_anchored_text_escapes_and_nests() -> None:
    text = 'He said "a <b> c" today.'
    quote = Mark("quote", "q1", text.index("a <b>"), text.index('" today'))
    trigger = Mark("event", "E/1", text.index("<b>"), text.index("<b>") + 3)
    html = str(anchored_text(text, [trigger, quote]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count('id="q-q1"') == 1 and html.count('id="e-e-1"') == 1
    # The event span sits inside the quote span: well-formed nesting.
    assert html.index('id="q-q1"') < html.index('id="e-e-1"')
    assert html.count("<span") == html.count("</span>")


def test_anchored_text_handles_crossing_and_bad_offsets() -> None:
    text = "abcdefghij"
    marks = [Mark("quote", "a", 1, 6), Mark("event", "b", 4, 8), Mark("quote", "z", 5, 99)]
    html = str(anchored_text(text, marks))
    assert html.count("<span") == html.count("</span>")
    assert 'id="q-a"' in html and 'id="e-b"' in html and 'id="q-z"' not in html
    # Stripping the tags gives the text back.
    import re

    assert re.sub(r"<[^>]+>", "", html) == text


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org/a", False),
        ("/etc/passwd", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_slugs_are_file_safe_and_distinct() -> None:
    a, b = slug("../../etc/passwd"), slug("etc passwd")
    assert "/" not in a and ".." not in a and a != b
    assert slug("O'Neil") != slug("O Neil")


def test_outlines_are_wound_for_d3() -> None:
    """Outer rings clockwise (negative shoelace area), else Vega fills the globe's complement."""
    features = {f["id"]: f for f in country_features()}
    assert {"SYR", "USA", "RUS", "IRQ", "COL"} <= set(features)
    for f in features.values():
        polygons = f["geometry"]["coordinates"]
        if f["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        for rings in polygons:
            outer = rings[0]
            area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(outer))
            assert area <= 0, f["id"]


# --- pages ------------------------------------------------------------------------------------


def test_hostile_input_is_escaped_everywhere(hostile_site: dict[str, str]) -> None:
    pages = {k: v for k, v in hostile_site.items() if k.endswith(".html")}
    assert pages
    for path, html in pages.items():
        assert EVIL not in html, path
        assert "javascript:" not in html, path
        assert "<b>army</b>" not in html, path
    article = next(v for k, v in pages.items() if k.startswith("article/"))
    assert "&lt;script&gt;" in article
    # Chart specs are inert JSON with < escaped, so "</script>" cannot close the block.
    index = pages["index.html"]
    assert 'type="application/json" data-chart="chart-timeline"' in index


def test_report_links_resolve_and_pages_exist(hostile_db: Path, tmp_path: Path) -> None:
    with NewsDB.open(hostile_db, read_only=True) as db:
        files = build_site(read_report(db, ReportFilters()))
    out = tmp_path / "report"
    write_site(files, out)
    assert broken_links(out) == []
    assert (out / "country" / "COL.html").is_file() and (out / "country" / "PER.html").is_file()
    people = list((out / "person").glob("*.html"))
    assert len(people) == 1 and "tomas-vidal" in people[0].name
    person = people[0].read_text(encoding="utf-8")
    # The speaker's page lists their quote and the event reported in it, linked to the article.
    assert "We will not stop" in person and 'data-event-id="e_talk"' in person
    article = next((out / "article").glob("*.html"))
    assert {"q-q-evil", "e-e-evil", "e-e-talk"} <= parse(article).ids


def test_filters_narrow_the_scope(hostile_db: Path) -> None:
    with NewsDB.open(hostile_db, read_only=True) as db:
        everything = read_report(db, ReportFilters())
        since = read_report(db, ReportFilters(since=date(2024, 1, 1)))
        peru = read_report(db, ReportFilters(country="PER"))
        vidal = read_report(db, ReportFilters(speaker="VIDAL"))
        nobody = read_report(db, ReportFilters(speaker="nobody at all"))
    assert set(everything.events["event_id"]) == {"e_evil", "e_talk"}
    assert set(since.events["event_id"]) == {"e_evil"}  # e_talk is dated 2023
    assert set(peru.events["event_id"]) == {"e_talk"}
    assert peru.quotes.height == 1  # the article of a Peru event
    # The speaker's quote, the event reported in it, and the event naming them as actor2.
    assert set(vidal.events["event_id"]) == {"e_talk"} and vidal.quotes.height == 1
    assert nobody.events.is_empty() and nobody.quotes.is_empty() and nobody.documents.is_empty()


def test_empty_report_still_builds(hostile_db: Path, tmp_path: Path) -> None:
    with NewsDB.open(hostile_db, read_only=True) as db:
        files = build_site(read_report(db, ReportFilters(country="FRA")))
    out = tmp_path / "empty"
    write_site(files, out)
    assert "No dated events to draw." in (out / "index.html").read_text(encoding="utf-8")
    assert broken_links(out) == []


# --- the folder and the command ---------------------------------------------------------------


def test_write_site_replaces_its_own_folder_only(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_site({"index.html": "one", "person/a.html": "a"}, out)
    write_site({"index.html": "two"}, out)
    assert (out / "index.html").read_text() == "two" and not (out / "person").exists()
    assert (out / MARKER).is_file()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("keep me")
    with pytest.raises(SiteError, match="not a newsdb report folder"):
        write_site({"index.html": "x"}, foreign)
    assert (foreign / "thesis.txt").read_text() == "keep me"
    with pytest.raises(SiteError, match="outside"):
        write_site({"../escape.html": "x"}, tmp_path / "r2")
    assert not (tmp_path / "escape.html").exists()


def test_report_command(hostile_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "rep"
    assert main(["report", "--db", str(hostile_db), "--out", str(out), "--country", "col"]) == 0
    printed = capsys.readouterr().out
    assert "2 events" in printed and "country COL" in printed and (out / "index.html").is_file()
    assert main(["report", "--db", str(hostile_db), "--since", "March 2024"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["report", "--db", str(hostile_db), "--country", "Colombia"]) == 2
    assert main(["report", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err


def test_map_draws_cities_and_provinces_not_country_centres() -> None:
    """A country-level place has a stand-in centre: it shades its country, with no point."""
    import polars as pl

    from transforms.report.charts import event_map

    events = pl.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "event_type": ["ASSAULT"] * 3,
            "actor1_country": [None, None, None],
            "actor2_country": [None, None, None],
            "location": ["Aleppo", "Idlib province", "eastern Syria"],
            "location_country": ["SYR"] * 3,
            "location_precision": ["city", "admin1", "country"],
            "latitude": [36.2, 35.9, 35.1],
            "longitude": [37.2, 36.6, 37.2],
        },
        schema_overrides={"actor1_country": pl.String, "actor2_country": pl.String},
    )
    spec = event_map(events, {"SYR": "country/SYR.html"})
    assert spec is not None
    points = [
        layer["data"]["values"]
        for layer in spec["layer"]
        if "values" in layer.get("data", {})
        and layer["data"]["values"]
        and "latitude" in layer["data"]["values"][0]
    ]
    assert [sorted(p["location_precision"] for p in values) for values in points] == [
        ["admin1", "city"]
    ]
    shaded = [layer for layer in spec["layer"] if "transform" in layer]
    assert shaded  # the country is still shaded by its events
