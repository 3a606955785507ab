"""Sharing one DuckDB file: the run lock between writers, per-step opening, readers that wait.

No Prefect here; the end-to-end "query during a run" test is in tests/flows/test_schedule.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from connectors.dbfile import RunLock, StoreError, connect, lock_path
from connectors.duckstore import SCHEMA_VERSION, SQL_DIR, NewsDB, split_statements
from connectors.runwriter import JOIN_FILTER_KEYS, RunWriter
from transforms.model import BatchFrames

NOW = datetime(2026, 1, 2, tzinfo=UTC)


def _hold_open(path: Path, seconds: float, *, read_only: bool = False) -> subprocess.Popen[str]:
    """Another process holding ``path`` open for ``seconds``, then letting go."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; "
            "c = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == '1'); "
            "print('ready', flush=True); time.sleep(float(sys.argv[2])); c.close(); "
            "print('released', flush=True); time.sleep(30)",
            str(path),
            str(seconds),
            "1" if read_only else "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_second_writer_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with RunLock(db).held():
        assert lock_path(db).read_text() == str(os.getpid())
        with pytest.raises(StoreError, match=r"locked by another newsdb run \(process \d+\)"):
            RunLock(db).acquire()
    # Released: the next run gets it, and the file no longer names anyone.
    with RunLock(db).held():
        pass
    assert lock_path(db).read_text() == ""


def test_shared_lock_is_joined_in_its_process_only(tmp_path: Path) -> None:
    """`newsdb run` holds the lock shared from its check for work to the end of its flow: the
    flow's own lock joins it, another process is still refused, and it ends with the holder."""
    db = tmp_path / "news.duckdb"
    probe = (
        "import sys; from connectors.dbfile import RunLock, StoreError\n"
        "try:\n    RunLock(sys.argv[1]).acquire()\nexcept StoreError as e:\n    print(e)"
    )

    def other_process() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=60
        )
        return done.stdout

    with RunLock(db).held(shared=True):
        with RunWriter.hold(db) as writer:  # what the flow does
            writer.start_run("r1", datetime.now(UTC), ["seeds"], "test")
            assert f"locked by another newsdb run (process {os.getpid()})" in other_process()
        # The flow is done, the run is not: the lock is still held.
        assert "locked by another newsdb run" in other_process()
    assert other_process() == ""
    # A lock taken without shared=True is not joined.
    with RunLock(db).held(), pytest.raises(StoreError, match="locked by another newsdb run"):
        RunLock(db).acquire()


def test_lock_held_by_another_process_and_gone_with_it(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from connectors.dbfile import RunLock; "
            "RunLock(sys.argv[1]).acquire(); print('ready', flush=True); time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"process {holder.pid}"):
            RunLock(db).acquire()
    finally:
        holder.kill()
        holder.wait()
    # A killed run leaves no stale lock: the kernel dropped its flock.
    with RunLock(db).held():
        pass


def test_reader_waits_for_the_writer_then_opens(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    NewsDB.open(db).close()
    writer = _hold_open(db, 1.0)
    try:
        with pytest.raises(StoreError, match="locked by another newsdb run or DuckDB session"):
            connect(db, read_only=True, wait=0.0)
        started = time.monotonic()
        con = connect(db, read_only=True, wait=20.0)
        waited = time.monotonic() - started
        con.close()
    finally:
        writer.kill()
        writer.wait()
    assert 0.3 < waited < 15


def test_writer_steps_wait_for_a_reader(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with RunWriter.hold(db, wait=20.0) as writer:
        reader = _hold_open(db, 1.0, read_only=True)
        try:
            writer.start_run("r1", datetime.now(UTC), ["seeds"], "test")  # waits, then writes
        finally:
            reader.kill()
            reader.wait()
    with NewsDB.open(db, read_only=True) as check:
        assert check.execute("SELECT run_id, status FROM runs") == [("r1", "running")]


def test_run_writer_holds_the_lock_but_not_the_file(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with RunWriter.hold(db) as writer:
        writer.start_run("r1", datetime.now(UTC), ["seeds"], "test")
        writer.load(
            BatchFrames.empty(),
            seen=[("https://x.test/a", "feed:https://x.test/f")],
            run_id="r1",
            at=datetime.now(UTC),
        )
        # Between steps another process can read everything committed so far.
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
                "print(c.execute('SELECT count(*) FROM runs').fetchall()[0][0], "
                "c.execute('SELECT url FROM seen_urls').fetchall()[0][0])",
                str(db),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.split() == ["1", "https://x.test/a"]
        assert writer.seen_urls(["https://x.test/a", "https://x.test/b"]) == {"https://x.test/a"}
        with pytest.raises(StoreError, match="locked by another newsdb run"), RunWriter.hold(db):
            pass


@pytest.mark.parametrize("version", range(1, 5))
def test_older_database_gains_entities_and_place_precision(tmp_path: Path, version: int) -> None:
    """Files from before entities (version 4 and older) get the entities table, the entity and
    precision columns and their comments; old rows keep NULL there until re-extracted."""
    db = tmp_path / f"v{version}.duckdb"
    _database_at(db, version)
    with NewsDB.open(db) as migrated:
        assert migrated.schema_version() == SCHEMA_VERSION
        columns = migrated.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() "
            "WHERE column_name IN ('speaker_entity_id', 'actor1_entity_id', 'actor2_entity_id', "
            "'location_precision', 'location_source_text') OR table_name = 'entities'"
        )
        assert {(t, c) for t, c, _ in columns} >= {
            ("quotes", "speaker_entity_id"),
            ("events", "actor1_entity_id"),
            ("events", "location_precision"),
            ("entities", "entity_key"),
            ("entities", "name_variants"),
        }
        assert all(comment for _, _, comment in columns)
        assert migrated.execute("SELECT count(*) FROM speakers") == [(0,)]


def _database_at(path: Path, version: int) -> None:
    """A file as schema ``version`` wrote it: version 1's real DDL (tests/fixtures/
    schema_v1.sql), then the frozen migrations up to ``version``, one run row in it."""
    con = duckdb.connect(str(path))
    v1 = Path(__file__).parents[1] / "fixtures" / "schema_v1.sql"
    for stmt in split_statements(v1.read_text(encoding="utf-8")):
        con.execute(stmt)
    for step in range(2, version + 1):
        (migration,) = (SQL_DIR / "migrations").glob(f"{step:03d}_*.sql")
        for stmt in split_statements(migration.read_text(encoding="utf-8")):
            con.execute(stmt)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', ?)", [str(version)])
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, newsdb_version) "
        "VALUES ('r0', now(), 'completed', '0')"
    )
    con.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_older_database_gains_seen_urls(tmp_path: Path, version: int) -> None:
    """Files from before feeds (every older version) are migrated: seen_urls appears, with
    its codebook comments, and the rest of the file is there as before."""
    db = tmp_path / f"v{version}.duckdb"
    _database_at(db, version)
    with NewsDB.open(db) as migrated:
        assert migrated.schema_version() == SCHEMA_VERSION
        assert migrated.seen_urls(["https://x.test/a"]) == set()
        migrated.mark_seen([("https://x.test/a", "feed:https://x.test/rss")], "r1", NOW)
        assert migrated.seen_urls(["https://x.test/a"]) == {"https://x.test/a"}
        comments = migrated.execute(
            "SELECT comment FROM duckdb_columns() WHERE table_name = 'seen_urls'"
        )
        assert len(comments) == 4 and all(c for (c,) in comments)
        assert migrated.execute("SELECT run_id FROM runs") == [("r0",)]
        assert migrated.execute("SELECT count(*) FROM document_sources") == [(0,)]


@pytest.mark.parametrize("where", ["file", ":memory:"])
def test_the_writers_connections_push_a_batchs_keys_into_scans(tmp_path: Path, where: str) -> None:
    """Every connection the run's writer opens carries its settings (runwriter.py), so a load
    picks a batch's stored rows by key instead of reading whole tables."""
    path = tmp_path / "news.duckdb" if where == "file" else ":memory:"
    with RunWriter.hold(path) as writer:
        for _ in range(2):  # each step's connection, not only the first
            with writer.session() as db:
                setting = db.execute("SELECT current_setting('dynamic_or_filter_threshold')")
                assert setting == [(JOIN_FILTER_KEYS,)]
