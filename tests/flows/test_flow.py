"""The ingest flow end to end under Prefect's test harness (one per session), and the CLI.

Pages are served from a local HTTP server on 127.0.0.1; nothing touches the internet.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from flows.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES, SEEDS = ROOT / "tests" / "fixtures", ROOT / "seeds"

pytestmark = pytest.mark.flow

EXPECT = json.loads((FIXTURES / "expectations" / "seeds.json").read_text(encoding="utf-8"))

ARTICLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Example Wire</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2021-02-26T10:00:00Z">
<link rel="canonical" href="{canonical}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>Russian Foreign Minister Sergei Lavrov said the United States gave Russia several minutes of
advance warning before it carried out a strike in Syria on Thursday.</p>
<p>“We resolutely condemn such actions,” Russian foreign ministry spokeswoman Maria Zakharova told
reporters in Moscow, adding that Russia would raise the matter at the United Nations.</p>
<p>At least 11 fighters were killed in the air strikes near the town of Albu Kamal, according to
the Syrian Observatory for Human Rights, a war monitor based in Britain.</p>
</article><footer>© Example Wire 2021. All rights reserved.</footer></body></html>"""


def _ingest(db: Path, sources: list[str], tmp: Path, **kw: Any) -> dict[str, Any]:
    from flows.ingest import ingest

    kw.setdefault("allow_addresses", ["127.0.0.1"])  # the local test server
    return ingest(sources=sources, db_path=str(db), cache_dir=str(tmp / "raw"), batch_size=4, **kw)


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: _rows(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ("documents", "quotes", "events")
    }


def test_seeds_load_with_metadata_and_rerun_is_unchanged(
    prefect_harness: None, tmp_path: Path
) -> None:
    db = tmp_path / "news.duckdb"
    first = _ingest(db, [str(SEEDS)], tmp_path)
    assert (first["inputs"], first["new"], first["failed"]) == (2, 2, 0)

    docs = {
        Path(src).name: (title, str(published), url, text)
        for src, title, published, url, text in _rows(
            db, "SELECT source, title, published, canonical_url, text FROM documents"
        )
    }
    for name in ("000_38393c7eca97659f.txt", "003_ab72f8260a983db2.txt"):
        want = EXPECT[name]
        title, published, url, text = docs[name]
        assert title == want["title"]
        assert published == want["published"]
        assert url == want["url"]
        for line in want["not_body"]:
            assert line not in text
    # Quotes and events load with their documents, in the same run.
    speakers = {r[0] for r in _rows(db, "SELECT speaker FROM quotes")}
    assert {
        "Sergei Lavrov",
        "Maria Zakharova",
        "Benjamin Netanyahu",
        "Israel Katz",
        "Jonathan Conricus",
        "Saad al-Hadithi",
    } <= speakers
    assert not _rows(db, "SELECT 1 FROM quotes WHERE quote_text LIKE '%bombs in the desert%'")
    events = set(
        _rows(
            db,
            "SELECT event_type, actor1_country, actor2_country, CAST(event_date AS VARCHAR) "
            "FROM events",
        )
    )
    assert {
        ("CONSULT", "USA", "RUS", "2021-02-25"),
        ("ACCUSE", "RUS", "USA", "2021-02-26"),
        ("REQUEST", "RUS", "USA", "2021-02-26"),
        ("CONSULT", "ISR", "RUS", "2018-05-10"),
        ("ACCUSE", "SYR", "ISR", "2018-05-09"),
    } <= events
    strike = _rows(
        db,
        "SELECT fatalities, event_mode FROM events WHERE event_type = 'ASSAULT' "
        "AND actor1_country = 'USA' AND event_date = DATE '2021-02-25'",
    )
    assert strike == [(11, "aerial")]
    # The US warning is reported inside Lavrov's indirect quote and linked to it.
    linked = _rows(
        db,
        "SELECT q.speaker FROM events e JOIN quotes q USING (quote_id) "
        "WHERE e.event_type = 'CONSULT' AND e.actor1_country = 'USA'",
    )
    assert linked == [("Sergei Lavrov",)]
    run = _rows(db, "SELECT status, n_new, n_failed, newsdb_version FROM runs")
    assert run[0][:3] == ("completed", 2, 0)

    before = _snapshot(db)
    second = _ingest(db, [str(SEEDS)], tmp_path)
    assert (second["unchanged"], second["new"], second["updated"]) == (2, 0, 0)
    assert _snapshot(db) == before
    assert _rows(db, "SELECT count(*) FROM runs")[0][0] == 2


def test_an_article_in_another_language_is_stored_once_with_a_notice(
    prefect_harness: None, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "grue.txt").write_text(
        "Une grue s'effondre sur un chantier à Lille\n\nUne grue de quarante mètres s'est "
        "effondrée mardi sur un chantier du centre de Lille, sans faire de blessés, selon les "
        "pompiers. L'enquête devra déterminer si le vent est en cause.\n",
        encoding="utf-8",
    )
    shutil.copy(SEEDS / "000_38393c7eca97659f.txt", folder)
    db = tmp_path / "news.duckdb"

    first = _ingest(db, [str(folder)], tmp_path)
    assert (first["new"], first["failed"], first["not_extracted"]) == (2, 0, 1)
    assert "stored without extraction: unsupported_language x1" in first["text"]
    french = _rows(db, "SELECT doc_id, language FROM documents WHERE source LIKE '%grue.txt'")
    assert french and french[0][1] == "fr"
    doc_id = french[0][0]
    assert _rows(db, f"SELECT count(*) FROM quotes WHERE doc_id = '{doc_id}'") == [(0,)]
    assert _rows(db, f"SELECT count(*) FROM events WHERE doc_id = '{doc_id}'") == [(0,)]
    assert _rows(db, "SELECT language FROM documents WHERE source NOT LIKE '%grue.txt'") == [
        ("en",)
    ]
    notice = "SELECT stage, error_kind FROM failures WHERE source LIKE '%grue.txt'"
    assert _rows(db, notice) == [("extract", "unsupported_language")]
    assert _rows(db, "SELECT n_failed FROM runs") == [(0,)]

    second = _ingest(db, [str(folder)], tmp_path)  # unchanged: not read again, no new notice
    assert (second["unchanged"], second["not_extracted"]) == (2, 0)
    assert _rows(db, notice) == [("extract", "unsupported_language")]


def test_edited_file_replaces_its_rows(prefect_harness: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    db = tmp_path / "news.duckdb"
    _ingest(db, [str(folder)], tmp_path)
    target = folder / "003_ab72f8260a983db2.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("several minutes", "five minutes"),
        encoding="utf-8",
    )
    result = _ingest(db, [str(folder)], tmp_path)
    assert (result["updated"], result["unchanged"]) == (1, 1)
    rows = _rows(db, f"SELECT text FROM documents WHERE source = '{target}'")
    assert len(rows) == 1 and "five minutes" in rows[0][0]
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 2
    # No quote or event points at a document that is gone.
    orphans = _rows(
        db,
        "SELECT count(*) FROM (SELECT doc_id FROM quotes UNION ALL SELECT doc_id FROM events) "
        "WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
    )
    assert orphans[0][0] == 0


def test_bad_inputs_become_failures_and_never_stop_the_run(
    prefect_harness: None, tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/good").respond_with_data(
        ARTICLE_HTML.format(title="US strikes in Syria", canonical=httpserver.url_for("/good")),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 binary", content_type="application/pdf"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 20)
    (folder / "page.html.gz").write_bytes(
        gzip.compress(
            ARTICLE_HTML.format(title="Strikes near Albu Kamal", canonical="").encode("utf-8")
        )
    )
    shutil.copy(SEEDS / "000_38393c7eca97659f.txt", folder / "seed.txt")
    urls = [httpserver.url_for(p) for p in ("/good", "/gone", "/report.pdf")]
    db = tmp_path / "news.duckdb"

    result = _ingest(db, [str(folder), *urls], tmp_path)

    assert result["inputs"] == 7
    stored = {r[0] for r in _rows(db, "SELECT source FROM document_sources")}
    failed = {r[0]: r[1] for r in _rows(db, "SELECT source, error_kind FROM failures")}
    everything = {str(p) for p in folder.iterdir()} | set(urls)
    assert stored | set(failed) == everything  # every input is a document or a failure
    assert not stored & set(failed)
    assert failed[httpserver.url_for("/gone")] == "http_404"
    assert failed[httpserver.url_for("/report.pdf")] == "unsupported_type"
    assert str(folder / "empty.txt") in failed
    assert str(folder / "binary.html") in failed
    assert httpserver.url_for("/good") in stored
    assert result["failed"] == len(failed) == 4
    messages = [r[0] for r in _rows(db, "SELECT message FROM failures")]
    assert all(len(m) > 10 for m in messages)


def _copies(folder: Path, seed: Path) -> list[Path]:
    """Three inputs carrying one article in other bytes: as saved, with Windows line endings,
    with a byte-order mark (what the same story looks like from three places)."""
    folder.mkdir()
    body = seed.read_bytes()
    variants = {
        "a.txt": body,
        "b.txt": body.replace(b"\n", b"\r\n"),
        "c.txt": b"\xef\xbb\xbf" + body,
    }
    for name, data in variants.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in variants]


def _count_parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles handed to the parser, in order (the flow's default runner is threads in
    this process, so the patch reaches its tasks)."""
    import transforms.batch as batch

    parsed: list[str] = []
    real = batch.extract_all

    def counting(docs: Any, timings: dict[str, float]) -> Any:
        parsed.extend(d.doc_id for d in docs)
        return real(docs, timings)

    monkeypatch.setattr(batch, "extract_all", counting)
    return parsed


def test_copies_of_an_article_are_parsed_once_wherever_they_fall(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies in other bytes, one per batch with several batches in flight: the article is
    parsed once and every copy is one of its sources. Read again later with other bytes
    around the same text (a re-fetched page), it is not parsed at all."""
    from flows.ingest import ingest

    parsed = _count_parsed(monkeypatch)
    copies = _copies(tmp_path / "in", SEEDS / "000_38393c7eca97659f.txt")
    db = tmp_path / "news.duckdb"
    run = ingest.with_options(name="copies")
    kw: dict[str, Any] = dict(db_path=str(db), cache_dir=str(tmp_path / "raw"), batch_size=1)

    first = run(sources=[str(tmp_path / "in")], max_in_flight=3, **kw)
    assert len(parsed) == 1
    assert (first["new"], first["duplicate"], first["failed"]) == (1, 2, 0)
    assert _rows(db, "SELECT count(*), count(DISTINCT doc_id) FROM document_sources") == [(3, 1)]
    assert _rows(db, "SELECT count(*) FROM documents") == [(1,)]
    quotes = _rows(db, "SELECT count(*) FROM quotes")[0][0]
    assert quotes >= len(EXPECT["000_38393c7eca97659f.txt"]["quotes"]) > 0

    parsed.clear()
    copies[1].write_bytes(copies[1].read_bytes() + b"\r\n\r\n")  # new bytes, same text
    second = run(sources=[str(tmp_path / "in")], **kw)
    assert parsed == []
    assert (second["unchanged"], second["updated"], second["new"]) == (3, 0, 0)
    assert _rows(db, "SELECT count(*) FROM quotes")[0][0] == quotes


def test_copies_of_an_article_whose_extraction_fails_all_fail_and_are_read_again(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy linked to an article that another batch was reading, whose extraction then
    failed, is a failure too (as the load or as the extraction finds it): nothing points at
    an article that is not stored, and the next run reads every copy again."""
    import transforms.batch as batch
    from flows.ingest import ingest

    (quotes, (name, events), entities) = batch.EXTRACTORS

    def broken(doc: Any) -> Any:
        raise ValueError("extractor bug")

    monkeypatch.setattr(batch, "EXTRACTORS", (quotes, (name, broken), entities))
    _copies(tmp_path / "in", SEEDS / "003_ab72f8260a983db2.txt")
    db = tmp_path / "news.duckdb"
    run = ingest.with_options(name="copies-failing")
    kw: dict[str, Any] = dict(db_path=str(db), cache_dir=str(tmp_path / "raw"), batch_size=1)

    first = run(sources=[str(tmp_path / "in")], max_in_flight=3, **kw)
    assert first["failed"] == 3
    kinds = _rows(db, "SELECT error_kind, count(*) FROM failures GROUP BY ALL ORDER BY ALL")
    assert {k for k, _ in kinds} <= {"extract_error", "stale_link"}
    assert _rows(db, "SELECT count(*) FROM document_sources") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM documents") == [(0,)]

    monkeypatch.setattr(batch, "EXTRACTORS", (quotes, (name, events), entities))
    second = run(sources=[str(tmp_path / "in")], max_in_flight=3, **kw)
    assert (second["new"], second["duplicate"], second["failed"]) == (1, 2, 0)
    assert _rows(db, "SELECT count(*), count(DISTINCT doc_id) FROM document_sources") == [(3, 1)]


def test_parallel_runners_give_same_tables_as_one_process(
    prefect_harness: None, tmp_path: Path
) -> None:
    """A local Dask cluster of two worker processes, and a 2-process pool, load exactly what
    the single-process run loads."""
    from flows.cli import task_runner_for
    from flows.ingest import ingest

    sources = [str(SEEDS), str(FIXTURES / "devset")]
    single = tmp_path / "single.duckdb"
    _ingest(single, sources, tmp_path)
    strip = "SELECT * EXCLUDE (ingested_at, run_id) FROM documents ORDER BY doc_id"
    for name, runner in [
        ("dask", task_runner_for(1, "local:2")),
        ("pool", task_runner_for(2, None)),
    ]:
        db = tmp_path / f"{name}.duckdb"
        ingest.with_options(task_runner=runner)(
            sources=sources,
            db_path=str(db),
            cache_dir=str(tmp_path / "raw"),
            batch_size=4,
            max_in_flight=3,
        )
        assert _rows(single, strip) == _rows(db, strip), name
        for table in ("quotes", "events"):
            query = f"SELECT * FROM {table} ORDER BY ALL"
            assert _rows(single, query) == _rows(db, query), (name, table)
        assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 16


# --- CLI ------------------------------------------------------------------------------------


def test_cli_run_and_query(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.duckdb"
    assert main(["run", str(SEEDS), "--db", str(db), "--cache-dir", str(tmp_path / "raw")]) == 0
    out = capsys.readouterr().out
    assert "2 inputs" in out and "2 new" in out

    assert main(["query", "SELECT count(*) AS n FROM documents", "--db", str(db)]) == 0
    assert "2" in capsys.readouterr().out
    assert (
        main(
            [
                "query",
                "SELECT title FROM documents ORDER BY title",
                "--db",
                str(db),
                "--format",
                "csv",
            ]
        )
        == 0
    )
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0] == "title" and len(csv_lines) == 3
    assert (
        main(
            [
                "query",
                "SELECT published FROM documents ORDER BY 1",
                "--db",
                str(db),
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == [
        {"published": "2018-05-10"},
        {"published": "2021-02-26"},
    ]
    queries = ROOT / "sql" / "queries"
    for sql_file in sorted(queries.glob("*.sql")):
        assert main(["query", "--file", str(sql_file), "--db", str(db)]) == 0, sql_file.name


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "missing"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "missing" in capsys.readouterr().err
    assert main(["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", str(SEEDS), "--db", str(blocker / "x.duckdb")]) == 2
    assert "cannot" in capsys.readouterr().err
    assert main(["serve", "--config", str(tmp_path / "newsdb.toml")]) == 2
    assert "newsdb.toml" in capsys.readouterr().err


def test_cli_locked_database_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert main(["run", str(SEEDS), "--db", str(db)]) == 2
        assert "locked" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_export_parquet_partitioned_by_date(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.duckdb"
    _ingest(db, [str(SEEDS)], tmp_path)
    out = tmp_path / "lake"
    assert main(["export", "--parquet", str(out), "--db", str(db)]) == 0
    assert (out / "documents" / "year=2018" / "month=5").is_dir()
    assert (out / "documents" / "year=2021" / "month=2").is_dir()
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/documents/**/*.parquet', hive_partitioning=1)"
    ).fetchall()[0][0]
    assert n == 2


def test_schedule_and_deployment_definitions() -> None:
    """`newsdb serve` and prefect.yaml both describe the same flow with a cron schedule."""
    import importlib

    import yaml

    from flows.ingest import ingest

    deployment = ingest.to_deployment(name="t", cron="0 * * * *", parameters={"sources": ["seeds"]})
    assert deployment.schedules[0].schedule.cron == "0 * * * *"
    assert deployment.parameters == {"sources": ["seeds"]}

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    for dep in spec["deployments"]:
        module_path, name = dep["entrypoint"].split(":")
        module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
        assert getattr(module, name).name == "ingest"
        assert set(dep.get("parameters", {})) <= set(ingest.parameters.properties)
    crons = [s["cron"] for d in spec["deployments"] for s in d.get("schedules", [])]
    assert crons == ["0 * * * *"]
