"""Nothing leaked: ``user:password@`` in a URL is never stored, cached, exported or printed
(issue 13, case 4). Local server on 127.0.0.1 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from connectors.acquire import acquire
from connectors.discover import discover, public_source
from connectors.fetchconfig import FetchConfig
from connectors.http import fetch_urls
from transforms.clean import clean, original_url
from transforms.model import RawDoc, SourceItem
from transforms.safety import strip_userinfo

SECRET = "hunter2secret"
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Dam repairs</title>
<link rel="canonical" href="https://editor:{secret}@news.example/dam"></head><body><article>
<p>“The dam is safe,” the regional water authority said on Thursday, after engineers spent
a week inspecting the cracks that appeared in its spillway during the spring floods.</p>
<p>Residents downstream had been told to prepare for an evacuation, which the authority
said would no longer be needed, although repairs would continue until the autumn.</p>
</article></body></html>""".replace("{secret}", SECRET)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def httpserver(server: HTTPServer) -> HTTPServer:
    server.clear()
    return server


def with_secret(url: str) -> str:
    return url.replace("http://", f"http://reader:{SECRET}@", 1)


def config(tmp_path: Path) -> FetchConfig:
    return FetchConfig(
        per_host_delay=0.0,
        respect_robots=False,
        max_retries=0,
        cache_dir=tmp_path / "raw",
        allowed_networks=("127.0.0.1",),
    )


def no_secret_in_records(cache: Path) -> None:
    """The cache's records (the URLs it was asked for and redirected to); its objects are the
    bodies exactly as served, which may say anything."""
    for path in (cache / "urls").rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://u:p@host.example/a?b=1#c", "http://host.example/a?b=1#c"),
        ("https://user@host.example:8443/", "https://host.example:8443/"),
        ("https://a:b@c@host.example/x@y", "https://host.example/x@y"),
        ("https://host.example/path@x", "https://host.example/path@x"),
        ("http://host.example?", "http://host.example?"),
        ("/data/in/file@2.txt", "/data/in/file@2.txt"),
    ],
)
def test_strip_userinfo(url: str, expected: str) -> None:
    assert strip_userinfo(url) == expected


def test_discover_drops_credentials_from_urls_and_lists(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"https://bot:{SECRET}@news.example/b\n")
    items, failures = discover([f"https://bot:{SECRET}@news.example/a", f"@{listing}"])
    assert [i.location for i in items] == ["https://news.example/a", "https://news.example/b"]
    assert not failures


@pytest.mark.parametrize("kind", ["feed", "sitemap", "site"])
def test_followed_sources_lose_their_credentials(tmp_path: Path, kind: str) -> None:
    """``feed:``, ``sitemap:`` and ``site:`` sources: the URL after the prefix is cleaned like
    any other, when named directly, in an @list, and as it is stored (``runs.sources``)."""
    listing = tmp_path / "follow.txt"
    listing.write_text(f"{kind}:https://bot:{SECRET}@news.example/list\n")
    direct = f"{kind}:https://bot:{SECRET}@news.example/rss"
    items, failures = discover([direct, f"@{listing}"])
    assert [(i.kind, i.location) for i in items] == [
        (kind, "https://news.example/rss"),
        (kind, "https://news.example/list"),
    ]
    assert not failures
    assert public_source(direct) == f"{kind}:https://news.example/rss"
    assert public_source(f"@{listing}") == f"@{listing}"


def test_fetch_and_redirect_never_carry_credentials(httpserver: HTTPServer, tmp_path: Path) -> None:
    final = httpserver.url_for("/final")
    httpserver.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": with_secret(final)}
    )
    httpserver.expect_request("/final").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    hop, gone = with_secret(httpserver.url_for("/hop")), with_secret(httpserver.url_for("/gone"))
    doc, failure = fetch_urls([hop, gone], config(tmp_path))
    assert isinstance(doc, RawDoc) and doc.url == final
    assert SECRET not in doc.source and SECRET not in str(failure)
    for request, _ in httpserver.log:
        assert "Authorization" not in request.headers
    no_secret_in_records(tmp_path / "raw")


def test_seed_original_url_and_page_claims_lose_credentials(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text(
        "Dam repairs\n\nOriginal url: <https://editor:"
        + SECRET
        + "@news.example/dam>\n\nThe dam is safe, the authority said on Thursday.\n"
    )
    (raw,) = acquire([SourceItem("file", str(seed))], config(tmp_path), original_url=original_url)
    assert isinstance(raw, RawDoc) and raw.url == "https://news.example/dam"
    doc = clean(RawDoc("file:///x.html", PAGE.encode(), content_type="text/html"))
    assert doc.url is not None and SECRET not in doc.url
    assert SECRET not in str(doc.canonical_url)


@pytest.mark.flow
def test_nothing_stored_cached_exported_or_printed_has_the_password(
    prefect_harness: None,
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from flows.cli import main

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/dam").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    db, cache, lake = tmp_path / "x.duckdb", tmp_path / "raw", tmp_path / "lake"
    urls = [with_secret(httpserver.url_for(p)) for p in ("/dam", "/gone")]
    common = ["--db", str(db), "--cache-dir", str(cache), "--allow-address", "127.0.0.1"]
    assert main(["run", *urls, *common]) == 0
    assert main(["export", "--parquet", str(lake), "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert "reader:" not in out.out + out.err

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        for table in tables:
            dump = str(con.execute(f"SELECT * FROM {table}").fetchall())
            assert SECRET not in dump, table
        assert con.execute("SELECT count(*) FROM document_sources").fetchall() == [(1,)]
    finally:
        con.close()
    no_secret_in_records(cache)
    files = [p for p in lake.rglob("*.parquet")]
    assert files
    dump = str(
        duckdb.sql(
            f"SELECT * FROM read_parquet({[str(p) for p in files]!r}, union_by_name=true)"
        ).fetchall()
    )
    assert SECRET not in dump


def test_migration_cuts_credentials_from_an_old_database(tmp_path: Path) -> None:
    from connectors.duckstore import NewsDB, split_statements

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    v1 = Path(__file__).parents[1] / "fixtures" / "schema_v1.sql"
    for stmt in split_statements(v1.read_text()):
        con.execute(stmt)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', '1')")
    url = f"https://reader:{SECRET}@news.example/dam"
    con.execute(
        "INSERT INTO documents (doc_id, source, url, canonical_url, text, content_sha256, "
        "pipeline_version, ingested_at, run_id) VALUES ('d1', ?, ?, ?, 'Text.', 'sha', '1', "
        "now(), 'r0')",
        [url, url, url],
    )
    con.execute(
        "INSERT INTO failures VALUES ('r0', ?, 'fetch', 'http_404', ?, now())",
        [url, f"Fetching {url} failed: HTTP 404 Not Found."],
    )
    con.execute(
        "INSERT INTO runs (run_id, started_at, sources, status, newsdb_version) "
        "VALUES ('r0', now(), [?], 'completed', '0')",
        [url],
    )
    con.close()
    with NewsDB.open(path) as db:
        for table in ("documents", "document_sources", "failures", "runs"):
            dump = str(db.con.execute(f"SELECT * FROM {table}").fetchall())
            assert SECRET not in dump and "reader" not in dump, table
        assert db.con.execute("SELECT source FROM document_sources").fetchall() == [
            ("https://news.example/dam",)
        ]
