"""The DuckDB store: schema, migrations, one-transaction loads, clear errors. No Prefect."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from connectors.batchload import load_batch
from connectors.duckstore import SCHEMA_VERSION, SQL_DIR, NewsDB, StoreError, split_statements
from transforms.entities.keys import Named, entity_record
from transforms.frames import documents_frame, failures_frame, records_frame, sources_frame
from transforms.model import (
    ENTITY_REFS,
    EVENTS,
    QUOTES,
    TABLES,
    BatchFrames,
    Document,
    DocumentStamp,
    EventRecord,
    Failure,
    QuoteRecord,
    SourceRecord,
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
    speaker = entity_record(Named("Maria Zakharova", "person", proper=True), doc_id)
    assert speaker is not None
    quotes = [
        QuoteRecord(
            quote_id=f"q-{doc_id}-{i}",
            doc_id=doc_id,
            quote_text=text[:5],
            char_start=0,
            char_end=5,
            quote_type="direct",
            speaker="Maria Zakharova",
            speaker_entity_id=speaker.entity_id,
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
        sources=sources_frame([SourceRecord(source, doc_id, "sha-" + text)], "r1", NOW),
        entities=records_frame(ENTITY_REFS, [speaker]),
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
        load_batch(db, _batch("d1", "/a.txt", n_quotes=3))
        first = _tables(db)
        assert load_batch(db, _batch("d1", "/a.txt", n_quotes=3)).status == {"/a.txt": "unchanged"}
        assert _tables(db) == first
        # Re-extracted (reprocess, or a new pipeline) with fewer quotes: old ones must not linger.
        report = load_batch(db, _batch("d1", "/a.txt", n_quotes=1), reprocess=True)
        assert (report.status, report.n_quotes) == ({"/a.txt": "updated"}, 1)
        assert db.query("SELECT count(*) AS n FROM quotes")["n"][0] == 1
        assert db.query("SELECT count(*) AS n FROM documents")["n"][0] == 1


def test_edited_file_with_new_content_id_replaces_old_rows(tmp_path: Path) -> None:
    """A local file without canonical URL gets a new doc_id when edited; its old rows go."""
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d-old", "/a.txt", text="Old text."))
        load_batch(db, _batch("d-other", "/b.txt", text="Other."))
        load_batch(db, _batch("d-new", "/a.txt", text="New text."))
        docs = db.query("SELECT doc_id, source FROM documents ORDER BY source")
        assert docs.rows() == [("d-new", "/a.txt"), ("d-other", "/b.txt")]
        assert set(db.query("SELECT doc_id FROM quotes")["doc_id"]) == {"d-new", "d-other"}
        assert set(db.query("SELECT doc_id FROM events")["doc_id"]) == {"d-new", "d-other"}


def test_failed_load_leaves_previous_state(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d1", "/a.txt"))
        before = _tables(db)
        bad = _batch("d1-edited", "/a.txt", text="Changed.")
        # A quote with a NULL quote_text violates NOT NULL after the deletes already ran.
        bad.quotes = bad.quotes.with_columns(pl.lit(None, dtype=pl.String()).alias("quote_text"))
        with pytest.raises(duckdb.Error):
            load_batch(db, bad)
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
        load_batch(db, _batch("d1", "/a.txt"))
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


def test_version_1_database_gets_its_sources_and_new_columns(tmp_path: Path) -> None:
    """A file written by schema version 1 (tests/fixtures/schema_v1.sql) opens at the current
    version: every document keeps its id and rows and gets its source as a document_sources
    row, and the next load works on it."""
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for stmt in split_statements(
        (Path(__file__).parents[1] / "fixtures" / "schema_v1.sql").read_text()
    ):
        con.execute(stmt)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', '1')")
    old = _batch("d1", "/a.txt")
    for table in ("documents", "quotes", "events"):
        # Columns later versions added (decode_errors: 3; entity ids and place precision: 5).
        later = ("decode_errors", "speaker_entity_id", "actor1_entity_id", "actor2_entity_id",
                 "location_precision", "location_source_text")  # fmt: skip
        frame = getattr(old, table).drop(later, strict=False)
        con.register("f", frame.to_arrow())
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM f")
        con.unregister("f")
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, newsdb_version) "
        "VALUES ('r0', now(), 'completed', '0')"
    )
    con.close()

    with NewsDB.open(path) as db:
        assert db.schema_version() == SCHEMA_VERSION
        assert db.query("SELECT source, doc_id, raw_sha256 FROM document_sources").rows() == [
            ("/a.txt", "d1", "sha-Hello world.")
        ]
        assert db.query("SELECT decode_errors FROM documents").rows() == [(0,)]
        assert db.query("SELECT n_duplicate, crash_noticed_at FROM runs").rows() == [(0, None)]
        report = load_batch(db, _batch("d2", "/a.txt", text="Edited."))
        assert report.status == {"/a.txt": "updated"}
        assert db.query("SELECT doc_id FROM documents").rows() == [("d2",)]


# --- sources: nothing replaced (issue 13, case 2) ---------------------------------------------


def _sources(db: NewsDB) -> list[tuple]:
    return db.con.execute("SELECT source, doc_id FROM document_sources ORDER BY ALL").fetchall()


def test_second_source_of_a_stored_article_is_linked_not_rewritten(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        assert load_batch(db, _batch("d1", "/a.txt")).status == {"/a.txt": "new"}
        before = _tables(db)
        copy = _batch("d1", "/copy.txt")
        copy.quotes = copy.quotes.with_columns(pl.lit("changed").alias("quote_text"))
        report = load_batch(db, copy)
        assert report.status == {"/copy.txt": "duplicate"}
        assert (report.n_quotes, report.n_events) == (0, 0)
        assert _tables(db) == before  # the stored article and its rows are untouched
        assert _sources(db) == [("/a.txt", "d1"), ("/copy.txt", "d1")]


def test_article_stays_while_any_source_carries_it(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d1", "/a.txt"))
        load_batch(db, _batch("d1", "/b.txt"))
        edited = load_batch(db, _batch("d2", "/a.txt", text="Edited."))
        assert edited.status == {"/a.txt": "updated"}
        docs = db.query("SELECT doc_id, source FROM documents ORDER BY doc_id").rows()
        assert docs == [("d1", "/b.txt"), ("d2", "/a.txt")]  # d1 names its remaining source
        assert set(db.query("SELECT doc_id FROM quotes")["doc_id"]) == {"d1", "d2"}
        load_batch(db, _batch("d3", "/b.txt", text="Also edited."))
        assert set(db.query("SELECT doc_id FROM documents")["doc_id"]) == {"d2", "d3"}
        assert set(db.query("SELECT doc_id FROM events")["doc_id"]) == {"d2", "d3"}


def test_stored_articles_are_those_the_current_pipeline_wrote(tmp_path: Path) -> None:
    """The check between cleaning and parsing: an article counts as stored only as the given
    pipeline version made it, and, for a run that re-extracts, only when that run wrote it."""
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d1", "/a.txt"))  # pipeline "1", run "r1"
        assert db.stored_articles(["d1", "d2"], "1") == {"d1"}
        assert db.stored_articles(["d1"], "2") == set()  # an older pipeline's: read again
        assert db.stored_articles(["d1"], "1", run_id="r1") == {"d1"}
        assert db.stored_articles(["d1"], "1", run_id="r2") == set()
        assert db.stored_articles([], "1") == set()


def test_link_to_an_article_that_is_not_stored_is_a_failure(tmp_path: Path) -> None:
    """An input linked to an article another batch was reading, whose extraction then failed:
    a failure row that says so (the next run reads the input again), never an orphan link."""
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        links = BatchFrames.empty(
            sources=sources_frame([SourceRecord("/copy.txt", "d9", "sha-x")], "r1", NOW)
        )
        report = load_batch(db, links)
        assert report.status == {}
        assert [(f.source, f.error_kind) for f in report.failures] == [("/copy.txt", "stale_link")]
        assert "d9" in report.failures[0].message
        assert _sources(db) == []
        assert db.con.execute("SELECT source, error_kind FROM failures").fetchall() == [
            ("/copy.txt", "stale_link")
        ]


def test_unchanged_source_moves_last_seen_only(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d1", "/a.txt"))
        later = datetime(2026, 2, 1, tzinfo=UTC)
        again = _batch("d1", "/a.txt")
        again.sources = sources_frame(
            [SourceRecord("/a.txt", "d1", "sha-Hello world.")], "r2", later
        )
        assert load_batch(db, again).status == {"/a.txt": "unchanged"}
        row = db.con.execute(
            "SELECT first_seen, last_seen, run_id FROM document_sources"
        ).fetchall()
        assert row == [(NOW, later, "r2")]


def test_repeated_quote_id_fails_that_article_not_the_batch(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d0", "/a.txt", text="First version."))
        good, bad = _batch("d1", "/b.txt"), _batch("d2", "/a.txt", text="Second version.")
        bad.quotes = pl.concat([bad.quotes, bad.quotes])  # one quote_id twice
        batch = BatchFrames(
            documents=pl.concat([good.documents, bad.documents]),
            quotes=pl.concat([good.quotes, bad.quotes]),
            events=pl.concat([good.events, bad.events]),
            failures=good.failures,
            sources=pl.concat([good.sources, bad.sources]),
        )
        report = load_batch(db, batch)
        assert report.status == {"/b.txt": "new"}
        assert [(f.source, f.stage, f.error_kind) for f in report.failures] == [
            ("/a.txt", "load", "key_collision")
        ]
        assert _sources(db) == [("/a.txt", "d0"), ("/b.txt", "d1")]  # /a.txt keeps its article
        assert set(db.query("SELECT doc_id FROM documents")["doc_id"]) == {"d0", "d1"}
        kinds = db.query("SELECT source, stage, error_kind FROM failures ORDER BY ALL").rows()
        assert ("/a.txt", "load", "key_collision") in kinds


def test_quote_id_stored_for_another_article_fails_that_article(tmp_path: Path) -> None:
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        load_batch(db, _batch("d1", "/a.txt"))
        clash = _batch("d2", "/b.txt", text="Other.")
        clash.quotes = clash.quotes.with_columns(pl.lit("q-d1-0").alias("quote_id"))
        fine = _batch("d3", "/c.txt", text="Third.")
        batch = BatchFrames(
            documents=pl.concat([clash.documents, fine.documents]),
            quotes=pl.concat([clash.quotes, fine.quotes]),
            events=pl.concat([clash.events, fine.events]),
            failures=fine.failures,
            sources=pl.concat([clash.sources, fine.sources]),
        )
        report = load_batch(db, batch)
        assert report.status == {"/c.txt": "new"}
        assert [f.error_kind for f in report.failures] == ["key_collision"]
        assert "q-d1-0" in report.failures[0].message
        assert set(db.query("SELECT doc_id FROM documents")["doc_id"]) == {"d1", "d3"}


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
        load_batch(db, _batch("d1", "/a.txt"))
        load_batch(db, _batch("d2", "/b.txt", text="Other text."))
        speakers = db.query("SELECT * FROM speakers")
        assert speakers.rows(named=True)[0]["n_documents"] == 2
        clusters = db.query("SELECT * FROM event_clusters")
        assert clusters.height == 1 and clusters["n_documents"][0] == 2
        for f in sorted((SQL_DIR / "queries").glob("*.sql")):
            db.query(f.read_text())  # every analyst query parses and runs


def test_split_statements_ignores_comment_only_chunks() -> None:
    script = "-- header\nSELECT 1;\n\n-- note\nSELECT 2;\n-- trailing comment\n"
    assert split_statements(script) == ["-- header\nSELECT 1", "-- note\nSELECT 2"]


@pytest.mark.parametrize(
    "sql",
    [
        "COPY documents TO '{out}'",
        "SELECT * FROM read_text('{secret}')",
        "ATTACH '{out}.duckdb' AS other",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ],
)
def test_connection_without_external_access_stays_in_its_file(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "x.duckdb"
    with NewsDB.open(path) as db:
        load_batch(db, _batch("d1", "/a.txt"))
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    out = tmp_path / "leak.csv"
    with NewsDB.open(path, read_only=True, external_access=False) as db:
        assert db.query("SELECT count(*) AS n FROM documents")["n"][0] == 1
        with pytest.raises(duckdb.Error):
            db.query(sql.format(out=out, secret=secret))
    assert not out.exists() and not Path(f"{out}.duckdb").exists()
