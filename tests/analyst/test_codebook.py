"""The codebook: every table and column commented in the database itself, docs/codebook.md in
step with those comments and with the code lists the pipeline defines. No Prefect."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from connectors.catalog import fresh_schema, schema_docs
from connectors.duckstore import SCHEMA_VERSION, NewsDB, split_statements
from flows.analyst import CODEBOOK, codebook_text
from flows.cli import main
from transforms.codebook import code_lists, defined_codes, literal_values, note_problems
from transforms.codebook_notes import NOTES
from transforms.model import QuoteRecord


def test_every_table_view_and_column_has_a_comment() -> None:
    with fresh_schema() as db:
        docs = schema_docs(db)
    assert {"documents", "quotes", "events", "failures", "runs", "speakers"} <= {
        t.name for t in docs
    }
    missing = [t.name for t in docs if not (t.comment or "").strip()]
    missing += [
        f"{t.name}.{c.name}" for t in docs for c in t.columns if not (c.comment or "").strip()
    ]
    assert missing == [], f"add COMMENT ON statements to sql/schema.sql for: {missing}"


def test_committed_codebook_is_current() -> None:
    assert CODEBOOK.read_text(encoding="utf-8") == codebook_text(), (
        "docs/codebook.md is stale: run `newsdb codebook` and commit it"
    )


def test_every_code_has_a_note_and_every_note_a_code() -> None:
    assert note_problems() == []


def test_code_lists_come_from_the_code() -> None:
    codes = defined_codes()
    assert (
        codes["quote_type"]
        == literal_values(QuoteRecord, "quote_type")
        == (
            "direct",
            "indirect",
            "mixed",
        )
    )
    assert len(codes["event_type"]) == 16 and "ASSAULT" in codes["event_type"]
    assert "published_fallback" in codes["date_method"]
    lists = {cl.name: cl for cl in code_lists()}
    modes = {c.value for c in lists["event_mode"].codes}
    assert {"aerial", "drone", "phone", "visit", "release"} <= modes
    assert all(c.example and c.meaning for cl in lists.values() for c in cl.codes)


def test_column_comments_name_existing_code_lists() -> None:
    names = {cl.name for cl in code_lists()}
    with fresh_schema() as db:
        comments = [c.comment or "" for t in schema_docs(db) for c in t.columns]
    cited = {m for text in comments for m in re.findall(r"code list: ([a-z_]+)", text)}
    assert cited and cited <= names, cited - names
    assert set(NOTES) <= names


def test_stale_codebook_is_detected(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "codebook.md"
    assert main(["codebook", "--out", str(out)]) == 0
    assert main(["codebook", "--out", str(out), "--check"]) == 0
    out.write_text(out.read_text(encoding="utf-8").replace("PLOVER", "PLUVER"), encoding="utf-8")
    assert main(["codebook", "--out", str(out), "--check"]) == 1
    assert "stale" in capsys.readouterr().err


def test_an_older_database_gets_the_comments_when_migrated(tmp_path: Path) -> None:
    """A version-1 file (no comments, no speaker_key macro) is brought to the current schema.

    Version 1 is its real DDL (tests/fixtures/schema_v1.sql), not today's tables: later
    migrations add columns that a version-1 file does not have yet.
    """
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    v1 = Path(__file__).parents[1] / "fixtures" / "schema_v1.sql"
    for statement in split_statements(v1.read_text(encoding="utf-8")):
        con.execute(statement)
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', '1')")
    con.close()
    with NewsDB.open(path) as db:
        assert db.schema_version() == SCHEMA_VERSION
        rows = db.execute(
            "SELECT comment FROM duckdb_columns() WHERE table_name = 'events' "
            "AND column_name = 'quad_class'"
        )
        assert rows and "cooperation or conflict" in rows[0][0]
        assert db.execute("SELECT speaker_key('  Sergei   LAVROV ')") == [("sergei lavrov",)]
