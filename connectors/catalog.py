"""What the database says about itself: tables, views and columns with their COMMENT ON text.

Read from DuckDB's catalogue functions (``duckdb_tables()``, ``duckdb_views()``,
``duckdb_columns()``); ``schema_docs(fresh_schema())`` reads a new in-memory database made by
``sql/schema.sql``, which is what the codebook documents.
"""

from __future__ import annotations

from connectors.duckstore import NewsDB
from transforms.codebook import ColumnDoc, TableDoc

_OBJECTS = """
SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal
"""

_COLUMNS = """
SELECT table_name, column_name, data_type, comment
FROM duckdb_columns()
WHERE NOT internal
ORDER BY table_name, column_index
"""

#: Tables first in the order an analyst meets them, then views; others alphabetically after.
_ORDER = ("documents", "quotes", "events", "failures", "runs", "schema_meta")


def schema_docs(db: NewsDB) -> list[TableDoc]:
    columns: dict[str, list[ColumnDoc]] = {}
    for table, column, data_type, comment in db.execute(_COLUMNS):
        columns.setdefault(table, []).append(ColumnDoc(column, data_type, comment))
    objects = db.execute(_OBJECTS)

    def rank(row: tuple[str, str, str | None]) -> tuple[int, int, str]:
        name, kind, _ = row
        return (kind != "table", _ORDER.index(name) if name in _ORDER else len(_ORDER), name)

    return [
        TableDoc(name, kind, comment, tuple(columns.get(name, [])))
        for name, kind, comment in sorted(objects, key=rank)
    ]


def fresh_schema() -> NewsDB:
    """A new in-memory database with the current schema (and its comments)."""
    return NewsDB.open(":memory:")
