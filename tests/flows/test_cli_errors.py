"""Crashes instead of messages (issue 13, case 8): every bad option, target or database file is
one ``newsdb: error:`` line and exit status 2, before any work starts: before Prefect is
imported and before a database file is created. And ``newsdb query`` output never crashes on
list columns, nor reaches outside its database file (case 10).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from connectors.batchload import load_batch
from connectors.duckstore import NewsDB
from flows.cli import main
from flows.server import ServerInfo
from transforms.frames import documents_frame, failures_frame, records_frame, sources_frame
from transforms.model import (
    EVENTS,
    QUOTES,
    BatchFrames,
    Document,
    DocumentStamp,
    EventRecord,
    Failure,
    QuoteRecord,
    SourceRecord,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NOW = datetime(2026, 1, 2, tzinfo=UTC)

# Runs main() in a fresh interpreter and reports what a user would see, plus whether Prefect
# was imported and the database created by the time the command gave up.
PROBE = """
import contextlib, io, json, os, sys
from flows.cli import main
from flows.server import ServerInfo
err = io.StringIO()
with contextlib.redirect_stderr(err):
    rc = main(json.loads(sys.argv[1]))
print(json.dumps({"rc": rc, "err": err.getvalue(), "prefect": "prefect" in sys.modules,
                  "db": os.path.exists(sys.argv[2])}))
"""


def probe(argv: list[str], db: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), str(db)],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--workers", "0"], "--workers"),
        (["--batch-size", "0"], "--batch-size"),
        (["--max-cache-age", "-1"], "--max-cache-age"),
        (["--dask", "local:0"], "--dask"),
        (["--dask", "local:two"], "--dask"),
        (["--dask", "ftp://scheduler:8786"], "--dask"),
        (["--allow-address", "intranet.example"], "--allow-address"),
        (["--workers", "2", "--dask", "local:2"], "--dask"),
    ],
)
def test_bad_run_option_is_one_line_before_any_work(
    tmp_path: Path, options: list[str], says: str
) -> None:
    db = tmp_path / "x.duckdb"
    seen = probe(["run", str(SEEDS), "--db", str(db), *options], db)
    assert seen["rc"] == 2
    err = str(seen["err"])
    assert err.startswith("newsdb: error:") and err.count("\n") == 1, err
    assert says in err
    assert seen["prefect"] is False, "Prefect was imported before the usage error"
    assert seen["db"] is False, "the database was created before the usage error"


def test_export_to_a_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    NewsDB.open(db).close()
    target = tmp_path / "lake"
    target.write_text("not a folder")
    seen = probe(["export", "--parquet", str(target), "--db", str(db)], db)
    assert seen["rc"] == 2 and str(seen["err"]).count("\n") == 1
    assert "is a file" in str(seen["err"])


def _damaged(tmp_path: Path, how: str) -> Path:
    path = tmp_path / f"{how}.duckdb"
    with NewsDB.open(path) as db:
        load_batch(db, _batch())
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[:5000]
    else:  # both database headers scribbled over: DuckDB finds their checksums wrong
        for i in range(4096, 12288):
            data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["truncated", "damaged"])
@pytest.mark.parametrize("command", ["query", "export", "run"])
def test_damaged_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str, command: str
) -> None:
    db = _damaged(tmp_path, how)
    argv = {
        "query": ["query", "SELECT count(*) FROM documents", "--db", str(db)],
        "export": ["export", "--parquet", str(tmp_path / "lake"), "--db", str(db)],
        "run": ["run", str(SEEDS), "--db", str(db)],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdb: error:") and err.count("\n") == 1, err
    assert str(db) in err


def test_database_damage_found_mid_run_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.cli as cli

    def damaged(*args: object, **kwargs: object) -> None:
        raise duckdb.Error("Corrupt database file: computed checksum 1 does not match stored 2")

    monkeypatch.setattr(cli, "run_ingest", damaged)
    monkeypatch.setattr(cli, "task_runner_for", lambda workers, dask: None)
    # No Prefect server for a flow that never runs.
    monkeypatch.setattr(cli, "ensure_server", lambda: ServerInfo("http://x/api", "http://x", None))
    db = tmp_path / "x.duckdb"
    assert main(["run", str(SEEDS), "--db", str(db)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("newsdb: error:"), err
    assert "Corrupt database file" in err[-1] and str(db) in err[-1]
    assert not any("Traceback" in line for line in err)


def test_usage_errors_never_print_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "/no/such/\x1b[2Jplace\u202e.txt", "--db", ":memory:"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\\x1b[2J" in err


# --- query output ---------------------------------------------------------------------------


def _batch() -> BatchFrames:
    doc = Document("d1", "/a.txt", "Troops struck the town.", "sha-a", fetched_at=NOW)
    quote = QuoteRecord(
        "q1", "d1", "Troops", 0, 6, "direct", speaker="Ana Ruiz", speaker_role="minister"
    )
    event = EventRecord(
        "e1", "d1", "ASSAULT", "struck", 7, 13, "Troops struck the town.", 0, actor1_country="USA"
    )
    return BatchFrames(
        documents=documents_frame([doc], DocumentStamp("1", NOW, "r1")),
        quotes=records_frame(QUOTES, [quote]),
        events=records_frame(EVENTS, [event]),
        failures=failures_frame(
            [Failure("/b.txt", "read", "empty", "/b.txt is empty.")], "r1", NOW
        ),
        sources=sources_frame([SourceRecord("/a.txt", "d1", "sha-a")], "r1", NOW),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.duckdb"
    with NewsDB.open(path) as store:
        store.start_run("r1", NOW, ["/in"], "0")
        load_batch(store, _batch())
        store.finish_run("r1", NOW, "completed", n_new=1)
    return path


def test_csv_of_list_columns_and_every_shipped_query(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "SELECT * FROM runs", "--format", "csv", "--db", str(db)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert json.loads(rows[0]["sources"]) == ["/in"]
    for sql_file in sorted((ROOT / "sql" / "queries").glob("*.sql")):
        for fmt in ("csv", "json", "table"):
            argv = ["query", "--file", str(sql_file), "--format", fmt, "--db", str(db)]
            assert main(argv) == 0, (sql_file.name, fmt)
    capsys.readouterr()


@pytest.mark.parametrize(
    "sql",
    [
        "COPY documents TO '{out}'",
        "SELECT * FROM read_text('{secret}')",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ],
)
def test_query_cannot_reach_outside_its_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], sql: str
) -> None:
    secret, out = tmp_path / "secret.txt", tmp_path / "leak.csv"
    secret.write_text("private")
    assert main(["query", sql.format(out=out, secret=secret), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-external" in err
    assert not out.exists()


def test_allow_external_lets_an_analyst_write_a_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "docs.csv"
    sql = f"COPY documents TO '{out}'"
    assert main(["query", sql, "--db", str(db), "--allow-external"]) == 0
    assert out.exists()
