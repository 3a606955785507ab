"""Prefect table artifacts of what a run found: its top events and its most quoted speakers.

They sit beside the run's markdown summary in the Prefect UI, so whoever watches the runs sees
what came in without opening the database. The rows come from ``sql/report/run_top_*.sql``.
"""

from __future__ import annotations

from prefect.artifacts import create_table_artifact

from connectors.reportdb import run_highlights
from connectors.runwriter import RunWriter

TOP_EVENTS_KEY = "ingest-top-events"
TOP_SPEAKERS_KEY = "ingest-top-speakers"


def publish_highlights(db: RunWriter, run_id: str) -> None:
    """Two table artifacts: the run's top events (by how many articles report them) and its
    most quoted speakers, over the documents this run loaded."""
    with db.session() as con:  # rows first, closed before Prefect's API is called
        events, speakers = run_highlights(con, run_id)
    create_table_artifact(
        table=events,
        key=TOP_EVENTS_KEY,
        description=f"Top {len(events)} events of the documents loaded by run {run_id}",
    )
    create_table_artifact(
        table=speakers,
        key=TOP_SPEAKERS_KEY,
        description=f"Top {len(speakers)} speakers of the documents loaded by run {run_id}",
    )
