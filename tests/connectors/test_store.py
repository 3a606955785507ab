"""The DuckDB store: schema, migrations, one-transaction loads, clear errors. No Prefect."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from connectors.duckstore import SCHEMA_VERSION, SQL_DIR, NewsDB, StoreError, split_statements
from transforms.frames import documents_frame, failures_frame, records_frame
from transforms.model import (
    EVENTS,
    QUOTES,
    TABLES,
    BatchFrames,
    Document,
    DocumentStamp,
    EventRecord,
    Failure,
    QuoteRecord,
)

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _batch(doc_id: str, source: str, text: str = "Hello world.", n_quotes: int = 1) -> BatchFrames:
    doc = Document(
        doc_id=doc_id,
        source=source,
        text=text,
        content_sha256="sha-" + text,
        published=date(2021, 2, 26),
        fetched_at=NOW,
    )
    quotes = [
        QuoteRecord(
            quote_id=f"q-{doc_id}-{i}",
            doc_id=doc_id,
            quote_text=text[:5],
            char_start=0,
            char_end=5,
            quote_type="direct",
            speaker="Maria Zakharova",
        )
        for i in range(n_quotes)
    ]
    event = EventRecord(
        event_id=f"e-{doc_id}",
        doc_id=doc_id,
        event_type="ASSAULT",
        trigger_text="struck",
        trigger_start=0,
        trigger_end=6,
        sentence_text=text,
        sentence_index=0,
        actor1_country="USA",
    )
    return BatchFrames(
        documents=documents_frame([doc], DocumentStamp("1", NOW, "r1")),
        quotes=records_frame(QUOTES, quotes),
        events=records_frame(EVENTS, [event]),
        failures=failures_frame(
            [Failure("http://x/404", "fetch", "http_404", "HTTP 404")], "r1", NOW
        ),
    )


def _tables(db: NewsDB) -> dict[str, list[tuple]]:
    return {
        t: db.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("documents", "quotes", "events")
    }


def test_new_file_has_the_model_tables_at_the_current_version(tmp_path: Path) -> None:
    """A new file gets every table of transforms/model.py (tests/test_model.py compares the
    columns' types and NULL rules; loads insert BY NAME, so column order is free)."""
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        for table in TABLES:
            cols = [r[0] for r in db.con.execute(f"DESCRIBE {table.name}").fetchall()]
            assert sorted(cols) == sorted(table.schema), table.name
        assert db.schema_version() == SCHEMA_VERSION


def test_load_is_idempotent_and_replaces_derived_rows(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        db.load(_batch("d1", "/a.txt", n_quotes=3))
        first = _tables(db)
        db.load(_batch("d1", "/a.txt", n_quotes=3))
        assert _tables(db) == first
        # The same document with fewer quotes: old quotes must not linger.
        db.load(_batch("d1", "/a.txt", n_quotes=1))
        assert db.query("SELECT count(*) AS n FROM quotes")["n"][0] == 1
        assert db.query("SELECT count(*) AS n FROM documents")["n"][0] == 1


def test_edited_file_with_new_content_id_replaces_old_rows(tmp_path: Path) -> None:
    """A local file without canonical URL gets a new doc_id when edited; its old rows go."""
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        db.load(_batch("d-old", "/a.txt", text="Old text."))
        db.load(_batch("d-other", "/b.txt", text="Other."))
        db.load(_batch("d-new", "/a.txt", text="New text."))
        docs = db.query("SELECT doc_id, source FROM documents ORDER BY source")
        assert docs.rows() == [("d-new", "/a.txt"), ("d-other", "/b.txt")]
        assert set(db.query("SELECT doc_id FROM quotes")["doc_id"]) == {"d-new", "d-other"}
        assert set(db.query("SELECT doc_id FROM events")["doc_id"]) == {"d-new", "d-other"}


def test_failed_load_leaves_previous_state(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        db.load(_batch("d1", "/a.txt"))
        before = _tables(db)
        bad = _batch("d1", "/a.txt", text="Changed.")
        # A quote with a NULL quote_text violates NOT NULL after the deletes already ran.
        bad.quotes = bad.quotes.with_columns(pl.lit(None, dtype=pl.String()).alias("quote_text"))
        with pytest.raises(duckdb.Error):
            db.load(bad)
        assert _tables(db) == before


def test_migrates_older_database_forward(tmp_path: Path) -> None:
    """A file at the current version is brought to the next by sql/migrations/NNN_*.sql, keeping
    its rows."""
    new = SCHEMA_VERSION + 1
    sql_dir = tmp_path / "sql"
    (sql_dir / "migrations").mkdir(parents=True)
    (sql_dir / "load").mkdir()
    for f in SQL_DIR.glob("*.sql"):
        (sql_dir / f.name).write_text(f.read_text())
    path = tmp_path / "old.duckdb"
    with NewsDB.open(path) as db:
        db.load(_batch("d1", "/a.txt"))
    (sql_dir / "migrations" / f"{new:03d}_add_documents_section.sql").write_text(
        "ALTER TABLE documents ADD COLUMN section VARCHAR;\n"
        "UPDATE documents SET section = 'world';\n"
    )
    with NewsDB.open(path) as db:
        assert db.migrate(sql_dir, target=new) == SCHEMA_VERSION
        assert db.schema_version() == new
        assert db.query("SELECT section FROM documents")["section"].to_list() == ["world"]
        # Opening with an older newsdb must refuse, not corrupt.
    with pytest.raises(StoreError, match="newer than this newsdb"):
        NewsDB.open(path)


def test_failed_migration_keeps_old_schema(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    (sql_dir / "migrations").mkdir(parents=True)
    for f in SQL_DIR.glob("*.sql"):
        (sql_dir / f.name).write_text(f.read_text())
    path = tmp_path / "old.duckdb"
    NewsDB.open(path).close()
    new = SCHEMA_VERSION + 1
    (sql_dir / "migrations" / f"{new:03d}_broken.sql").write_text(
        "ALTER TABLE documents ADD COLUMN x INT;\nSELECT * FROM no_such_table;\n"
    )
    with NewsDB.open(path) as db:
        with pytest.raises(duckdb.Error):
            db.migrate(sql_dir, target=new)
        assert db.schema_version() == SCHEMA_VERSION
        cols = [r[0] for r in db.con.execute("DESCRIBE documents").fetchall()]
        assert "x" not in cols


def test_locked_database_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another"):
            NewsDB.open(path)
    finally:
        holder.kill()
        holder.wait()


def test_unwritable_location_gives_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot"):
        NewsDB.open(blocker / "sub" / "x.duckdb")


def test_views_and_example_queries_run(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        db.load(_batch("d1", "/a.txt"))
        db.load(_batch("d2", "/b.txt", text="Other text."))
        speakers = db.query("SELECT * FROM speakers")
        assert speakers.rows(named=True)[0]["n_documents"] == 2
        clusters = db.query("SELECT * FROM event_clusters")
        assert clusters.height == 1 and clusters["n_documents"][0] == 2
        for f in sorted((SQL_DIR / "queries").glob("*.sql")):
            db.query(f.read_text())  # every analyst query parses and runs


def test_split_statements_ignores_comment_only_chunks() -> None:
    script = "-- header\nSELECT 1;\n\n-- note\nSELECT 2;\n-- trailing comment\n"
    assert split_statements(script) == ["-- header\nSELECT 1", "-- note\nSELECT 2"]
