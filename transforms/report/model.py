"""What the report is built from: the user's filters and the frames read from the database.

``connectors/reportdb.py`` fills a :class:`ReportData` with the SQL in ``sql/report/``; the
builders in this package only read it. The frames' columns are the SQL's: a column added there
(a place's precision, an entity key) reaches the pages without changing this type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """``newsdb report`` options; None means no filter."""

    since: date | None = None
    country: str | None = None  # ISO alpha-3
    speaker: str | None = None  # part of a speaker's name, any case

    def describe(self) -> list[str]:
        """The filters in words, for the report's header."""
        out = []
        if self.since:
            out.append(f"since {self.since.isoformat()}")
        if self.country:
            out.append(f"country {self.country}")
        if self.speaker:
            out.append(f"speaker matching “{self.speaker}”")
        return out


@dataclass(slots=True)
class ReportData:
    """Everything the pages show, already filtered to the report's scope.

    * ``events``: one row per event with its article's title, date, site and URL (events.sql)
    * ``quotes``: one row per quote with ``person_key`` and its article (quotes.sql)
    * ``people``: one row per person quoted in scope, keyed by ``person_key`` (people.sql)
    * ``person_events``: (person_key, event_id, relation) links for person pages
    * ``actor_pairs``: the top actor pairs (actor_pairs.sql)
    * ``documents``: the articles in scope with their text (documents.sql)
    * ``marks``: quote and event spans of those articles (marks.sql)
    """

    filters: ReportFilters
    database: str
    events: pl.DataFrame
    quotes: pl.DataFrame
    people: pl.DataFrame
    person_events: pl.DataFrame
    actor_pairs: pl.DataFrame
    documents: pl.DataFrame
    marks: pl.DataFrame
