"""The records of transforms/model.py against sql/schema.sql: one declaration, checked both ways.

Each table's frame schema (derived from its record dataclass and load stamp) is created in
DuckDB the way a load creates it (from Arrow), and compared with the table the DDL creates:
a column missing on either side, a different type, or a NOT NULL column fed from an optional
field fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import duckdb
import polars as pl
import pytest

from connectors.duckstore import SQL_DIR, split_statements
from transforms.model import TABLES, Column, Table

Columns = dict[str, tuple[str, bool]]  # name -> (DuckDB type, nullable)


def _ddl_connection(ddl: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for stmt in split_statements(ddl):
        con.execute(stmt).fetchall()
    return con


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> Columns:
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return {name: (dtype, nullable) for name, dtype, nullable in rows}


def _frame_columns(con: duckdb.DuckDBPyConnection, table: Table) -> Columns:
    """The DuckDB types a frame of ``table`` arrives as, and whether its record allows None."""
    con.register("probe", pl.DataFrame(schema=table.schema).to_arrow())
    con.execute(f"CREATE TABLE probe_{table.name} AS SELECT * FROM probe").fetchall()
    con.unregister("probe")
    types = _columns(con, f"probe_{table.name}")
    return {c.name: (types[c.name][0], c.nullable) for c in table.columns}


def schema_differences(con: duckdb.DuckDBPyConnection, table: Table) -> list[str]:
    """Every way ``table``'s records and the SQL table in ``con`` disagree (empty: they agree)."""
    sql = _columns(con, table.name)
    model = _frame_columns(con, table)
    problems = [f"{n}: in sql/schema.sql, not in the model" for n in sql.keys() - model.keys()]
    problems += [f"{n}: in the model, not in sql/schema.sql" for n in model.keys() - sql.keys()]
    for name in sql.keys() & model.keys():
        (sql_type, sql_nullable), (model_type, model_nullable) = sql[name], model[name]
        if sql_type != model_type:
            problems.append(f"{name}: {sql_type} in SQL, {model_type} from the model")
        if model_nullable and not sql_nullable:
            problems.append(f"{name}: NOT NULL in SQL, optional in the model")
    return sorted(problems)


@pytest.fixture(scope="module")
def schema() -> duckdb.DuckDBPyConnection:
    return _ddl_connection((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_records_match_sql_schema(schema: duckdb.DuckDBPyConnection, table: Table) -> None:
    assert schema_differences(schema, table) == []


def test_every_loaded_table_has_a_record_type(schema: duckdb.DuckDBPyConnection) -> None:
    """Tables the batch load writes (sql/load/replace_batch.sql) are all declared as records."""
    replace = (SQL_DIR / "load" / "replace_batch.sql").read_text(encoding="utf-8")
    loaded = {line.split()[2] for line in replace.splitlines() if line.startswith("INSERT INTO")}
    assert loaded == {t.name for t in TABLES}


@dataclass
class _Row:
    row_id: str
    n: int
    note: str | None = None


def test_the_comparison_fails_on_a_missing_extra_retyped_or_loosened_column() -> None:
    """The check above can fail: each kind of drift is reported."""
    con = _ddl_connection(
        "CREATE TABLE rows (row_id VARCHAR NOT NULL, n BIGINT, extra VARCHAR, seen DATE);"
    )
    differences = schema_differences(con, Table("rows", _Row))
    assert differences == [
        "extra: in sql/schema.sql, not in the model",
        "n: BIGINT in SQL, INTEGER from the model",
        "note: in the model, not in sql/schema.sql",
        "seen: in sql/schema.sql, not in the model",
    ]
    con = _ddl_connection("CREATE TABLE rows (row_id VARCHAR, n INTEGER, note VARCHAR NOT NULL);")
    assert schema_differences(con, Table("rows", _Row)) == [
        "note: NOT NULL in SQL, optional in the model"
    ]


@dataclass
class _Typed:
    name: str
    kind: Literal["a", "b"]
    day: date | None
    at: datetime
    score: float
    count: int | None


@dataclass
class _Stamp:
    run_id: str


def test_columns_are_derived_from_type_hints() -> None:
    table = Table("typed", _Typed, _Stamp)
    assert table.columns == (
        Column("name", pl.String(), False),
        Column("kind", pl.String(), False),
        Column("day", pl.Date(), True),
        Column("at", pl.Datetime("us", "UTC"), False),
        Column("score", pl.Float64(), False),
        Column("count", pl.Int32(), True),
        Column("run_id", pl.String(), False),
    )


@dataclass
class _Ambiguous:
    value: int | str


@dataclass
class _Clash:
    run_id: str


def test_a_field_with_no_table_type_or_a_clashing_stamp_is_refused() -> None:
    with pytest.raises(TypeError, match="'value'"):
        Table("bad", _Ambiguous)
    with pytest.raises(TypeError, match="repeats a record field"):
        Table("bad", _Clash, _Stamp)
