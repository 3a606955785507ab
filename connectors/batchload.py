"""Load one batch into DuckDB: decide what to write, write it in one transaction, and say what
happened to each input.

The decisions, made inside the batch's transaction so they see what is really stored:

* an article (``doc_id``, derived from its text) already stored by the current pipeline is not
  written again: a second source that carries it only gets its ``document_sources`` row;
* an article is (re)written when it is new, was extracted by an older pipeline, or the run
  asked to reprocess;
* an article whose quote or event ids collide (twice in the batch, or stored for another
  article) is not loaded at all: each input that carried it gets a ``key_collision`` failure
  row, and the rest of the batch loads. A source that carried some other article before keeps
  it, so nothing already loaded is lost;
* an input skipped before processing (another source had served the same bytes) or before
  parsing (its text is an article stored already, or read by an earlier batch of the run) is
  linked to that article; if the article is not stored by the time the link is loaded (its last
  source moved on earlier in this run, or its extraction failed) the input is a failure, and the
  next run reads it again.

The ``entities`` table follows in the same transaction: every entity the batch's rows point
to, or that the rows it deletes pointed to, is moved by what the batch's articles held before
the write and hold after it (``sql/load/entities_touched.sql``, ``merge_entities.sql``, and the
tallies in ``entity_tallies``), so a load reads its own articles' rows only, never the whole
history of an entity that most batches mention.

The SQL that writes lives in ``sql/load/``; this module only decides and sequences.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

import duckdb
import polars as pl

from connectors.duckstore import NewsDB, read_sql
from transforms.frames import failures_frame
from transforms.model import (
    DOCUMENT_SCHEMA,
    ENTITY_REF_SCHEMA,
    EVENT_SCHEMA,
    FAILURE_SCHEMA,
    QUOTE_SCHEMA,
    SOURCE_SCHEMA,
    BatchFrames,
    Failure,
)

LoadStatus = Literal["new", "updated", "unchanged", "duplicate"]


@dataclass(slots=True)
class LoadReport:
    """What one load did, as the database sees it: the run summary counts these.

    ``status`` per input: *new* (its article was not stored), *duplicate* (a new input carrying
    an article already stored), *unchanged* (it carries the same article as before, not
    rewritten), *updated* (it carries another article now, or its article was re-extracted).
    """

    status: dict[str, LoadStatus] = field(default_factory=dict)
    n_quotes: int = 0
    n_events: int = 0
    failures: list[Failure] = field(default_factory=list)  # inputs the load itself refused


def load_batch(db: NewsDB, batch: BatchFrames, *, reprocess: bool = False) -> LoadReport:
    """Write ``batch`` in one transaction; return what happened to each of its inputs.

    A key collision against rows already stored is only noticed by DuckDB's constraint
    check, which aborts the transaction: the colliding articles are then found, set aside
    as failures, and the batch is loaded again without them.
    """
    refused: dict[str, str] = {}
    for attempt in range(2):
        try:
            with db.transaction():
                return _load_once(db, batch, refused, reprocess)
        except duckdb.ConstraintException:
            if attempt:
                raise
            refused.update(_stored_collisions(db, batch))
    raise AssertionError("unreachable")


def _load_once(
    db: NewsDB, batch: BatchFrames, refused: dict[str, str], reprocess: bool
) -> LoadReport:
    sources = batch.sources.select(list(SOURCE_SCHEMA)).unique(
        subset="source", keep="last", maintain_order=True
    )
    documents = batch.documents.select(list(DOCUMENT_SCHEMA))
    with _staged(db, staged_sources=sources):
        state = db.con.sql(read_sql("load/stored_state.sql")).pl()
    prev = dict(zip(state["source"], state["prev_doc_id"], strict=True))
    stored = dict(zip(state["doc_id"], state["pipeline_version"], strict=True))

    staged_pipeline = dict(zip(documents["doc_id"], documents["pipeline_version"], strict=True))
    write = {
        doc_id
        for doc_id, version in staged_pipeline.items()
        if reprocess or stored.get(doc_id) != version
    }
    quotes = batch.quotes.select(list(QUOTE_SCHEMA)).filter(pl.col("doc_id").is_in(write))
    events = batch.events.select(list(EVENT_SCHEMA)).filter(pl.col("doc_id").is_in(write))
    refused.update(_batch_collisions(quotes, events))
    write -= set(refused)

    report = LoadReport()
    keep: list[bool] = []
    new_here: set[str] = set()
    for row in sources.iter_rows(named=True):
        source, doc_id = row["source"], row["doc_id"]
        why = _refusal(doc_id, refused, stored, staged_pipeline)
        keep.append(why is None)
        if why is not None:
            report.failures.append(Failure(source, "load", why[0], why[1]))
            continue
        before = prev.get(source)
        if before is None:
            first = stored.get(doc_id) is None and doc_id not in new_here
            new_here.add(doc_id)
            report.status[source] = "new" if first else "duplicate"
        elif before == doc_id:
            report.status[source] = "updated" if doc_id in write else "unchanged"
        else:
            report.status[source] = "updated"

    quotes = quotes.filter(pl.col("doc_id").is_in(write))
    events = events.filter(pl.col("doc_id").is_in(write))
    entities = batch.entities.select(list(ENTITY_REF_SCHEMA)).filter(pl.col("doc_id").is_in(write))
    failures = pl.concat(
        [
            batch.failures.select(list(FAILURE_SCHEMA)),
            _failures_frame(report.failures, sources),
        ]
    )
    with _staged(
        db,
        staged_documents=documents.filter(pl.col("doc_id").is_in(write)),
        staged_quotes=quotes,
        staged_events=events,
        staged_sources=sources.filter(pl.Series(keep, dtype=pl.Boolean)),
        staged_failures=failures,
        staged_entities=entities,
    ):
        # Entities are moved by the batch's difference, in the same transaction: the rows of
        # the articles it may change are noted before it writes and compared after.
        db.run_script(read_sql("load/entities_touched.sql"))
        db.run_script(read_sql("load/replace_batch.sql"))
        db.run_script(read_sql("load/merge_entities.sql"))
    report.n_quotes, report.n_events = quotes.height, events.height
    return report


def _refusal(
    doc_id: str,
    refused: Mapping[str, str],
    stored: Mapping[str, str | None],
    staged: Mapping[str, str],
) -> tuple[str, str] | None:
    """Why an input's source row cannot be loaded, as (error_kind, message), or None."""
    if doc_id in refused:
        return (
            "key_collision",
            f"Its article {doc_id} was not loaded: {refused[doc_id]}. "
            "Whatever this input carried before is kept.",
        )
    if stored.get(doc_id) is None and doc_id not in staged:
        return (
            "stale_link",
            f"It carries article {doc_id}, which was stored or being read when this run "
            "checked, but is not stored now (replaced, or its extraction failed); it will be "
            "read again on the next run.",
        )
    return None


def _batch_collisions(quotes: pl.DataFrame, events: pl.DataFrame) -> dict[str, str]:
    """Articles whose quote or event ids repeat within the batch."""
    clashes: dict[str, str] = {}
    for frame, key, what in ((quotes, "quote_id", "quote"), (events, "event_id", "event")):
        repeated = frame.filter(pl.col(key).is_duplicated())
        for doc_id, value in repeated.select("doc_id", key).iter_rows():
            clashes.setdefault(doc_id, f"{what} id {value} occurs twice in the batch")
    return clashes


def _stored_collisions(db: NewsDB, batch: BatchFrames) -> dict[str, str]:
    """Articles whose quote or event ids are already stored for another article."""
    with _staged(
        db,
        staged_quotes=batch.quotes.select(list(QUOTE_SCHEMA)),
        staged_events=batch.events.select(list(EVENT_SCHEMA)),
    ):
        rows = db.execute(read_sql("load/key_collisions.sql"))
    clashes: dict[str, str] = {}
    for doc_id, clash in rows:
        clashes.setdefault(doc_id, f"its {clash} is already stored")
    return clashes


def _failures_frame(failures: list[Failure], sources: pl.DataFrame) -> pl.DataFrame:
    """The load's own failures, in the run (and at the time) of the batch they belong to."""
    if not failures:
        return pl.DataFrame(schema=FAILURE_SCHEMA)
    run_id = sources["run_id"][0]
    at = sources["last_seen"][0] or datetime.now(UTC)
    return failures_frame(failures, run_id, at)


@contextmanager
def _staged(db: NewsDB, **frames: pl.DataFrame) -> Iterator[None]:
    """Register frames as DuckDB views for the statements in ``sql/load/``.

    Inside a transaction that a failed statement aborted, DuckDB refuses to unregister; the
    rollback that follows drops the views anyway.
    """
    for name, frame in frames.items():
        db.con.register(name, frame.to_arrow())
    try:
        yield
    finally:
        for name in frames:
            with suppress(duckdb.Error):
                db.con.unregister(name)
