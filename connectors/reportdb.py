"""Reading what the analyst's report and the run's artifact show, with the SQL in ``sql/report/``.

``scope.sql`` first narrows events, quotes and documents to the user's filters into temp tables
(allowed on a read-only connection: temp objects live in memory); every other query reads those,
so a filter is written once. Named parameters are bound per statement, each statement getting
only the ones it names.
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from connectors.duckstore import NewsDB, read_sql, split_statements
from transforms.report.model import ReportData, ReportFilters

_PARAM = re.compile(r"\$([a-z_]+)")
_COMMENT = re.compile(r"--[^\n]*")

#: ReportData field -> query file under sql/report/, run after scope.sql.
_FRAMES = {
    "events": "events.sql",
    "quotes": "quotes.sql",
    "people": "people.sql",
    "person_events": "person_events.sql",
    "actor_pairs": "actor_pairs.sql",
    "documents": "documents.sql",
    "marks": "marks.sql",
}


def _bind(statement: str, params: dict[str, Any]) -> dict[str, Any] | None:
    names = set(_PARAM.findall(_COMMENT.sub("", statement)))
    return {k: v for k, v in params.items() if k in names} or None


def run_script(db: NewsDB, name: str, params: dict[str, Any]) -> None:
    for statement in split_statements(read_sql(name)):
        db.execute(statement, _bind(statement, params))


def frame(db: NewsDB, name: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    sql = read_sql(name)
    result: pl.DataFrame = db.con.sql(sql, params=_bind(sql, params or {})).pl()
    return result


def read_report(db: NewsDB, filters: ReportFilters) -> ReportData:
    """The report's frames for ``filters``, read in one session of temp tables."""
    params = {"since": filters.since, "country": filters.country, "speaker": filters.speaker}
    run_script(db, "report/scope.sql", params)
    frames = {key: frame(db, f"report/{name}") for key, name in _FRAMES.items()}
    return ReportData(
        filters=filters,
        database=db.path,
        events=frames["events"],
        quotes=frames["quotes"],
        people=frames["people"],
        person_events=frames["person_events"],
        actor_pairs=frames["actor_pairs"],
        documents=frames["documents"],
        marks=frames["marks"],
    )


def run_highlights(db: NewsDB, run_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The run's top events and most quoted speakers, as rows for a Prefect table artifact."""
    params = {"run_id": run_id}
    events = frame(db, "report/run_top_events.sql", params)
    speakers = frame(db, "report/run_top_speakers.sql", params)
    return _rows(events), _rows(speakers)


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    """Plain JSON-friendly rows: dates as ISO strings, lists joined."""
    out = []
    for row in df.iter_rows(named=True):
        clean: dict[str, Any] = {}
        for key, value in row.items():
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            clean[key] = value
        out.append(clean)
    return out
