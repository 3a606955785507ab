"""Export the tables to Parquet, Hive-partitioned by date: the first step towards a shared lake.

One DuckDB file has one writer. When a team outgrows it, the tables move to Parquet files on
shared storage, catalogued by DuckLake (with a Postgres catalog so many writers can commit), and
DuckDB, Polars or Spark read them in place. This export writes exactly that layout:
``DIR/<table>/year=YYYY/month=MM/*.parquet`` (undated rows go to DuckDB's NULL partition).

Each export is written whole into a fresh folder beside ``DIR`` and then swapped in, so a
re-export never leaves stale partitions behind (an article whose date moved would be exported
twice) and a failed one leaves the previous export as it was. Because the swap replaces
``DIR``, only a folder that is empty or a previous newsdb export is ever replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from connectors.duckstore import NewsDB

# table -> SQL giving its rows plus the date that partitions them.
_EXPORTS: dict[str, str] = {
    "documents": "SELECT *, published AS part_date FROM documents",
    "document_sources": (
        "SELECT s.*, d.published AS part_date FROM document_sources s JOIN documents d "
        "USING (doc_id)"
    ),
    "quotes": (
        "SELECT q.*, d.published AS part_date FROM quotes q JOIN documents d USING (doc_id)"
    ),
    "events": (
        "SELECT e.*, coalesce(e.event_date, d.published) AS part_date "
        "FROM events e JOIN documents d USING (doc_id)"
    ),
    # An entity has no date of its own: the latest article that quotes it or names it as an
    # actor dates it (a one-article entity, its article's).
    "entities": (
        "WITH dated AS (SELECT r.entity_id, max(d.published) AS part_date FROM ("
        "SELECT speaker_entity_id AS entity_id, doc_id FROM quotes UNION ALL "
        "SELECT actor1_entity_id, doc_id FROM events UNION ALL "
        "SELECT actor2_entity_id, doc_id FROM events) r JOIN documents d USING (doc_id) "
        "GROUP BY r.entity_id) "
        "SELECT e.*, dated.part_date FROM entities e LEFT JOIN dated USING (entity_id)"
    ),
    "failures": 'SELECT *, CAST("at" AS DATE) AS part_date FROM failures',
    "runs": "SELECT *, CAST(started_at AS DATE) AS part_date FROM runs",
}

#: Written into every export; its presence is what lets a later export replace the folder.
MARKER = "_newsdb_export.json"


class ExportError(Exception):
    """The target cannot take an export (a file, or a folder that is not an export)."""


def check_target(out_dir: Path) -> None:
    """Raise ExportError unless ``out_dir`` is absent, empty or a newsdb export.

    An export from before the marker existed is recognised by holding only table folders.
    """
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file; name a folder for the export")
    entries = {p.name for p in out_dir.iterdir()}
    if not entries or MARKER in entries or entries <= set(_EXPORTS):
        return
    raise ExportError(
        f"{out_dir} is not a newsdb export and would be replaced; name a new or empty folder"
    )


def export_parquet(db: NewsDB, out_dir: Path) -> dict[str, int]:
    """Write every table under ``out_dir`` (replacing a previous export); return row counts."""
    out_dir = Path(out_dir)
    check_target(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        counts = {
            table: _write_table(db, fresh, table, select) for table, select in _EXPORTS.items()
        }
        stamp = {"exported_at": datetime.now(UTC).isoformat(), "rows": counts}
        (fresh / MARKER).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
        _swap_in(fresh, out_dir)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return counts


def _write_table(db: NewsDB, root: Path, table: str, select: str) -> int:
    target = (root / table).as_posix().replace("'", "''")
    db.execute(
        f"""
        COPY (
            SELECT * EXCLUDE (part_date),
                   year(part_date) AS year,
                   month(part_date) AS month
            FROM ({select})
        ) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month))
        """
    )
    return int(db.execute(f"SELECT count(*) FROM ({select})")[0][0])


def _swap_in(fresh: Path, out_dir: Path) -> None:
    """Put ``fresh`` where ``out_dir`` is: two renames on one filesystem, then the old one
    goes. Should the process die between the renames, the previous export is still whole
    beside it, under ``.<name>.old-*``."""
    if not out_dir.exists():
        os.replace(fresh, out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.replace(out_dir, old / out_dir.name)
    os.replace(fresh, out_dir)
    shutil.rmtree(old, ignore_errors=True)
