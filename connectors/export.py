"""Export the tables to Parquet, Hive-partitioned by date: the first step towards a shared lake.

One DuckDB file has one writer. When a team outgrows it, the tables move to Parquet files on
shared storage, catalogued by DuckLake (with a Postgres catalog so many writers can commit), and
DuckDB, Polars or Spark read them in place. This export writes exactly that layout:
``DIR/<table>/year=YYYY/month=MM/*.parquet`` (undated rows go to DuckDB's NULL partition).
"""

from __future__ import annotations

from pathlib import Path

from connectors.duckstore import NewsDB

# table -> SQL giving its rows plus the date that partitions them.
_EXPORTS: dict[str, str] = {
    "documents": "SELECT *, published AS part_date FROM documents",
    "quotes": (
        "SELECT q.*, d.published AS part_date FROM quotes q JOIN documents d USING (doc_id)"
    ),
    "events": (
        "SELECT e.*, coalesce(e.event_date, d.published) AS part_date "
        "FROM events e JOIN documents d USING (doc_id)"
    ),
    "failures": 'SELECT *, CAST("at" AS DATE) AS part_date FROM failures',
    "runs": "SELECT *, CAST(started_at AS DATE) AS part_date FROM runs",
}


def export_parquet(db: NewsDB, out_dir: Path) -> dict[str, int]:
    """Write every table under ``out_dir``; return row counts. Re-running overwrites."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table, select in _EXPORTS.items():
        target = (out_dir / table).as_posix().replace("'", "''")
        db.execute(
            f"""
            COPY (
                SELECT * EXCLUDE (part_date),
                       year(part_date) AS year,
                       month(part_date) AS month
                FROM ({select})
            ) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)
            """
        )
        counts[table] = int(db.execute(f"SELECT count(*) FROM {table}")[0][0])
    return counts
