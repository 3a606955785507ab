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
from itertools import compress

import polars as pl

from transforms.clean import clean_many
from transforms.events import extract_events
from transforms.frames import (
    carried_sources,
    documents_frame,
    failures_frame,
    first_copies,
    records_frame,
)
from transforms.model import (
    EVENTS,
    QUOTES,
    BatchFrames,
    Document,
    DocumentStamp,
    EventRecord,
    Failure,
    QuoteRecord,
    RawDoc,
)
from transforms.nlp import parse
from transforms.quotes import extract_quotes
from transforms.run.version import PIPELINE_VERSION


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
    docs, clean_failures = clean_many(raws)
    cleaned = documents_frame(docs, DocumentStamp(PIPELINE_VERSION, ingested_at, run_id))
    first = first_copies(cleaned)
    documents, docs = cleaned.filter(first), list(compress(docs, first))
    timings["clean"] += time.perf_counter() - t0

    quotes, events, extract_failures = extract_all(docs, timings)
    if extract_failures:  # their documents are not loaded, so the next run tries them again
        broken = documents.filter(pl.col("source").is_in([f.source for f in extract_failures]))
        copies = cleaned.filter(~first & pl.col("doc_id").is_in(broken["doc_id"].implode()))
        extract_failures += [  # a copy of an article whose extraction failed fails with it
            Failure(source, "extract", "extract_error", f"Same text as {kept}, whose "
                    "extraction failed (see its own failure row).")
            for source, kept in copies.select("source", "doc_id").iter_rows()
        ]  # fmt: skip
        failed = [f.source for f in extract_failures]
        documents = documents.filter(~pl.col("source").is_in(failed))
        cleaned = cleaned.filter(~pl.col("source").is_in(failed))

    t1 = time.perf_counter()
    out = BatchFrames(
        documents=documents,
        quotes=records_frame(QUOTES, quotes),
        events=records_frame(EVENTS, events),
        failures=pl.concat(
            [
                failures_frame(clean_failures, run_id, ingested_at),
                failures_frame(extract_failures, run_id, ingested_at),
            ]
        ),
        sources=carried_sources(cleaned, raws, run_id, ingested_at),
    )
    timings["frames"] += time.perf_counter() - t1
    out.stage_seconds = dict(timings)
    return out
