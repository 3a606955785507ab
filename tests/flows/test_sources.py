"""Nothing replaced: every source that carried an article is kept, and no input can make another
article's rows disappear (issue 13, cases 2 and 10). Flows run under the session's Prefect
harness; pages come from a local server on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from pytest_httpserver import HTTPServer

pytestmark = pytest.mark.flow

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><link rel="canonical" href="{canonical}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>Example Gazette</footer></body></html>"""

HARBOUR = [
    "“The harbour will reopen to ferries on Friday,” port director Helen Marsh told reporters "
    "in Valletta on Monday, after a week of repairs to the damaged breakwater.",
    "Marsh said the repairs had cost more than the authority expected, and that the "
    "government would be asked to cover the difference before the summer season.",
    "Ferry operators said they had lost thousands of bookings while the port was closed, "
    "and several of them demanded compensation from the port authority.",
]
FIRE = [
    "“Nobody was hurt in the fire,” fire chief Tomas Berg said on Sunday, adding that the "
    "warehouse near the station in Malmö had stood empty for several months.",
    "Police arrested two teenagers on suspicion of arson late on Sunday evening, a police "
    "spokeswoman said, and appealed for witnesses to come forward.",
    "The city council said the building would be demolished next year to make room for a "
    "new school.",
]


def page(title: str, canonical: str, paragraphs: list[str]) -> str:
    return PAGE.format(
        title=title, canonical=canonical, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)
    )


def ingest(db: Path, sources: list[str], tmp: Path, **kw: Any) -> dict[str, Any]:
    from flows.ingest import ingest as flow

    kw.setdefault("batch_size", 1)
    return flow(
        sources=sources,
        db_path=str(db),
        cache_dir=str(tmp / "raw"),
        allow_addresses=["127.0.0.1"],
        **kw,
    )


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def count(db: Path, table: str) -> int:
    return int(rows(db, f"SELECT count(*) FROM {table}")[0][0])


def test_page_claiming_another_articles_canonical_url_deletes_nothing(
    prefect_harness: None, httpserver: HTTPServer, tmp_path: Path
) -> None:
    real = httpserver.url_for("/harbour")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/harbour").respond_with_data(
        page("Harbour to reopen", real, HARBOUR), content_type="text/html"
    )
    httpserver.expect_request("/impostor").respond_with_data(
        page("Warehouse fire", real, FIRE), content_type="text/html"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    seed = folder / "claims.txt"  # a local file claiming the same address
    seed.write_text(
        "Fire in Malmö\n\nOriginal url: <" + real + ">\n\n" + "\n\n".join(FIRE[:2]) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "news.duckdb"

    first = ingest(db, [real], tmp_path)
    assert first["new"] == 1
    harbour_quotes = rows(db, "SELECT * FROM quotes ORDER BY ALL")
    assert harbour_quotes

    second = ingest(db, [httpserver.url_for("/impostor"), str(seed)], tmp_path)
    assert second["new"] == 2 and second["failed"] == 0
    assert count(db, "documents") == 3
    assert count(db, "document_sources") == 3
    texts = [r[0] for r in rows(db, "SELECT text FROM documents")]
    assert any("harbour will reopen" in t for t in texts)
    (harbour_doc,) = rows(db, f"SELECT doc_id FROM document_sources WHERE source = '{real}'")
    kept = rows(db, f"SELECT * FROM quotes WHERE doc_id = '{harbour_doc[0]}' ORDER BY ALL")
    assert kept == harbour_quotes

    # And again: nothing flips, nothing is re-extracted.
    third = ingest(db, [real, httpserver.url_for("/impostor"), str(seed)], tmp_path)
    assert (third["unchanged"], third["new"], third["updated"]) == (3, 0, 0)
    assert count(db, "documents") == 3


def test_same_article_from_two_sources_is_one_row_with_two_sources(
    prefect_harness: None, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The same page at two addresses, and two files that differ only in a header line read
    as the title: one article each, every source recorded, nothing re-extracted on re-runs,
    and the summary agrees with the database."""
    html = page("Harbour to reopen", "", HARBOUR)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/a").respond_with_data(html, content_type="text/html")
    httpserver.expect_request("/b").respond_with_data(html, content_type="text/html")
    folder = tmp_path / "in"
    folder.mkdir()
    body = "\n\n".join(FIRE) + "\n"
    (folder / "one.txt").write_text("This story is from 3 March\n\n" + body, encoding="utf-8")
    (folder / "two.txt").write_text("This story is from 4 March\n\n" + body, encoding="utf-8")
    urls = [httpserver.url_for("/a"), httpserver.url_for("/b")]
    db = tmp_path / "news.duckdb"

    first = ingest(db, [*urls, str(folder)], tmp_path)
    assert (first["new"], first["duplicate"], first["failed"]) == (2, 2, 0)
    assert first["new"] == count(db, "documents") == 2
    assert first["quotes"] == count(db, "quotes")
    assert first["events"] == count(db, "events")
    assert count(db, "document_sources") == 4
    per_doc = rows(db, "SELECT count(*) FROM document_sources GROUP BY doc_id")
    assert sorted(n for (n,) in per_doc) == [2, 2]
    loaded_at = rows(db, "SELECT doc_id, run_id FROM documents ORDER BY doc_id")

    second = ingest(db, [*urls, str(folder)], tmp_path)
    assert (second["unchanged"], second["new"], second["updated"]) == (4, 0, 0)
    assert second["quotes"] == 0 and "nlp" not in second["stage_seconds"]
    assert rows(db, "SELECT doc_id, run_id FROM documents ORDER BY doc_id") == loaded_at
    seen = rows(db, "SELECT DISTINCT run_id FROM document_sources")
    assert seen == [(second["run_id"],)]  # last_seen and run move on, the article does not
