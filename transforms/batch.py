"""The CPU half of a run: raw inputs of one batch -> the frames that batch loads.

``process_batch`` is what a worker process (local pool or Dask) runs: it cleans, parses each text
once with spaCy, extracts quotes and events, and hands back Arrow-backed Polars frames plus the
seconds spent per stage. It never touches the database, so any number of workers can run it while
a single writer loads the results.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

import polars as pl

from transforms.clean import clean_many
from transforms.events import extract_events
from transforms.model import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    FAILURE_SCHEMA,
    PIPELINE_VERSION,
    QUOTE_SCHEMA,
    BatchFrames,
    Document,
    EventRecord,
    Failure,
    QuoteRecord,
    RawDoc,
    SourceRecord,
    records_frame,
    sources_frame,
)
from transforms.nlp import parse
from transforms.quotes import extract_quotes


def failures_frame(failures: Sequence[Failure], run_id: str, at: datetime) -> pl.DataFrame:
    return records_frame(list(failures), FAILURE_SCHEMA, run_id=run_id, at=at)


def failures_of(frame: pl.DataFrame) -> list[Failure]:
    """The ``Failure`` records of a failures frame (for the run summary)."""
    return [
        Failure(row["source"], row["stage"], row["error_kind"], row["message"])
        for row in frame.iter_rows(named=True)
    ]


def dedupe_documents(docs: list[Document]) -> tuple[list[Document], dict[str, str]]:
    """Keep the first document of each doc_id in a batch; map later copies' sources to it.

    Two inputs with the same body text are one article: it is extracted once, and each input
    that carried it becomes a source of it (``document_sources``), not a second article.
    """
    seen: dict[str, Document] = {}
    kept: list[Document] = []
    copies: dict[str, str] = {}  # source of a copy -> doc_id of the kept document
    for doc in docs:
        if doc.doc_id in seen:
            copies[doc.source] = doc.doc_id
            continue
        seen[doc.doc_id] = doc
        kept.append(doc)
    return kept, copies


def extract_all(
    docs: Sequence[Document], timings: dict[str, float]
) -> tuple[list[QuoteRecord], list[EventRecord], list[Failure]]:
    """Parse every text once and run both extractors on the shared parse.

    A document whose extraction raises gets a failure row and is left out of the load (so the
    next run tries it again instead of treating it as unchanged); the rest of the batch goes on.
    """
    quotes: list[QuoteRecord] = []
    events: list[EventRecord] = []
    failures: list[Failure] = []
    parsed = parse(d.text for d in docs)
    for doc in docs:
        t0 = time.perf_counter()
        spacy_doc = next(parsed)
        t1 = time.perf_counter()
        timings["nlp"] += t1 - t0
        try:
            doc_quotes = extract_quotes(spacy_doc, doc_id=doc.doc_id)
            t2 = time.perf_counter()
            doc_events = extract_events(
                spacy_doc, doc_id=doc.doc_id, published=doc.published, quotes=doc_quotes
            )
            t3 = time.perf_counter()
            timings["quotes"] += t2 - t1
            timings["events"] += t3 - t2
        except Exception as exc:  # an extractor bug must not cost the batch
            failures.append(
                Failure(doc.source, "extract", "extract_error", f"{type(exc).__name__}: {exc}")
            )
            continue
        quotes.extend(doc_quotes)
        events.extend(doc_events)
    return quotes, events, failures


def warm_up() -> None:
    """Load the spaCy model and every extractor resource now, not inside the first batch.

    Worker processes call this when they start, all at once, so a parallel run does not spend
    its first batches loading dictionaries one worker after the other.
    """
    (doc,) = parse(["Warm-up: the minister said on Monday that troops struck the town."])
    quotes = extract_quotes(doc, doc_id="warm-up")
    extract_events(doc, doc_id="warm-up", published=None, quotes=quotes)


def process_batch(raws: Sequence[RawDoc], run_id: str, ingested_at: datetime) -> BatchFrames:
    """Clean, parse and extract one batch; return the frames to load and per-stage seconds."""
    timings: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()
    docs, failures = clean_many(raws)
    docs, copies = dedupe_documents(docs)
    timings["clean"] += time.perf_counter() - t0

    quotes, events, extract_failures = extract_all(docs, timings)
    failures.extend(extract_failures)
    if extract_failures:
        broken = {f.source for f in extract_failures}
        broken_ids = {d.doc_id for d in docs if d.source in broken}
        docs = [d for d in docs if d.source not in broken]
        for source, doc_id in list(copies.items()):
            if doc_id in broken_ids:  # a copy of an article that failed fails the same way
                failures.append(
                    Failure(source, "extract", "extract_error", f"Same text as {doc_id}, "
                            "whose extraction failed (see its own failure row).")
                )  # fmt: skip
                del copies[source]

    by_source = {r.source: r for r in raws}
    carried = [(d.source, d.doc_id) for d in docs] + list(copies.items())
    sources = [
        SourceRecord(src, doc_id, by_source[src].sha256, by_source[src].url)
        for src, doc_id in carried
    ]
    t1 = time.perf_counter()
    out = BatchFrames(
        documents=records_frame(
            docs,
            DOCUMENT_SCHEMA,
            pipeline_version=PIPELINE_VERSION,
            ingested_at=ingested_at,
            run_id=run_id,
        ),
        quotes=records_frame(quotes, QUOTE_SCHEMA),
        events=records_frame(events, EVENT_SCHEMA),
        failures=failures_frame(failures, run_id, ingested_at),
        sources=sources_frame(sources, run_id, ingested_at),
    )
    timings["frames"] += time.perf_counter() - t1
    out.stage_seconds = dict(timings)
    return out
