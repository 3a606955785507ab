"""``newsdb query`` results as a table, CSV or JSON, straight from DuckDB.

No Polars here: importing it would cost ``newsdb query`` more than the query itself. The table
is DuckDB's own renderer (column types under the names, long results cut in the middle); CSV
and JSON write dates and times in ISO 8601 and NULL as an empty field or ``null``; CSV writes
list and struct values (``runs.sources``, a speaker's roles) as JSON text, which a CSV cell
can hold and a reader can parse back.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import duckdb

MAX_ROWS = 200
MAX_WIDTH = 200
MAX_COL_WIDTH = 120


def render(con: duckdb.DuckDBPyConnection, sql: str, fmt: str) -> str:
    """Run ``sql`` and return its result as ``fmt`` ("table", "csv" or "json")."""
    rel = con.sql(sql)
    if rel is None:  # a statement without a result (SET, PRAGMA ...)
        return ""
    if fmt == "table":
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rel.show(max_width=MAX_WIDTH, max_rows=MAX_ROWS, max_col_width=MAX_COL_WIDTH)
        return out.getvalue()
    columns = list(rel.columns)
    rows = rel.fetchall()
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return out.getvalue()
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps(records, default=_plain, ensure_ascii=False) + "\n"


def needs_external_access(exc: BaseException) -> bool:
    """True when DuckDB refused a query for what the sandbox of ``newsdb query`` forbids
    (``connectors.dbfile.NO_EXTERNAL_ACCESS``)."""
    return isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in str(
        exc
    )


def _cell(value: Any) -> Any:
    """One CSV cell: nested values as JSON text, the rest as ``_plain`` makes them."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, default=_plain, ensure_ascii=False)
    return _plain(value)


def _plain(value: Any) -> Any:
    """A value CSV and JSON can carry: ISO 8601 for dates and times, text for the rest."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID | timedelta):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value
