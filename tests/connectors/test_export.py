"""``export_parquet`` writes a fresh folder and swaps it in: no stale partitions, no half
exports, and never a folder that is not an export (issue 13, case 7). No Prefect."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

import connectors.export as export
from connectors.batchload import load_batch
from connectors.duckstore import NewsDB
from connectors.export import ExportError, export_parquet
from transforms.frames import documents_frame, sources_frame
from transforms.model import BatchFrames, Document, DocumentStamp, SourceRecord

NOW = datetime(2026, 1, 2, tzinfo=UTC)


def _load(db: NewsDB, doc_id: str, source: str, published: date) -> None:
    doc = Document(doc_id, source, "Some text.", "sha-" + doc_id, published=published)
    batch = BatchFrames.empty(
        sources=sources_frame([SourceRecord(source, doc_id, "sha-" + doc_id)], "r1", NOW)
    )
    batch.documents = documents_frame([doc], DocumentStamp("1", NOW, "r1"))
    load_batch(db, batch)


def _count(folder: Path, table: str) -> int:
    files = [str(p) for p in (folder / table).rglob("*.parquet")]
    if not files:
        return 0
    return int(duckdb.sql(f"SELECT count(*) FROM read_parquet({files!r})").fetchall()[0][0])


def test_reexport_leaves_no_stale_partition(tmp_path: Path) -> None:
    out = tmp_path / "lake"
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        _load(db, "d1", "/a.txt", date(2021, 2, 26))
        export_parquet(db, out)
        assert (out / "documents" / "year=2021" / "month=2").is_dir()
        # The same source, edited: its article now carries another date.
        _load(db, "d2", "/a.txt", date(2022, 7, 1))
        export_parquet(db, out)
    assert not (out / "documents" / "year=2021").exists()
    assert _count(out, "documents") == 1
    assert _count(out, "document_sources") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".lake")]  # no leftovers


def test_failed_export_keeps_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "lake"
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        _load(db, "d1", "/a.txt", date(2021, 2, 26))
        export_parquet(db, out)
        before = sorted(p.relative_to(out) for p in out.rglob("*"))
        broken = dict(export._EXPORTS, runs="SELECT * FROM no_such_table")
        monkeypatch.setattr(export, "_EXPORTS", broken)
        with pytest.raises(duckdb.Error):
            export_parquet(db, out)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".lake")] == []


def test_a_folder_that_is_not_an_export_is_never_replaced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work")
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        _load(db, "d1", "/a.txt", date(2021, 2, 26))
        with pytest.raises(ExportError, match="not a newsdb export"):
            export_parquet(db, home)
        with pytest.raises(ExportError, match="is a file"):
            export_parquet(db, home / "thesis.tex")
        empty = tmp_path / "empty"
        empty.mkdir()
        export_parquet(db, empty)  # an empty folder is fine
        assert _count(empty, "documents") == 1
    assert (home / "thesis.tex").read_text() == "years of work"


def test_an_export_written_before_the_marker_existed_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "lake"
    (out / "documents" / "year=2020" / "month=1").mkdir(parents=True)
    (out / "runs").mkdir()
    with NewsDB.open(tmp_path / "x.duckdb") as db:
        _load(db, "d1", "/a.txt", date(2021, 2, 26))
        export_parquet(db, out)
    assert not (out / "documents" / "year=2020").exists()
