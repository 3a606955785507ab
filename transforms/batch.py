"""The CPU half of a run: raw inputs of one batch -> the frames that batch loads.

``process_batch`` is what a worker process (local pool or Dask) runs: it cleans, parses each text
once with spaCy (the language layer reading it once for both extractors), extracts quotes and
events, and hands back Arrow-backed Polars frames plus the
seconds spent per stage. It never touches the database, so any number of workers can run it while
a single writer loads the results.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime

import polars as pl
from spacy.tokens import Doc

from transforms.clean import clean_many
from transforms.events import find_events
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
    records_frame,
)
from transforms.nlp import LAYER, load_nlp, new_doc, parse
from transforms.nlp.registry import load_all
from transforms.quotes import find_quotes


def failures_frame(failures: Sequence[Failure], run_id: str, at: datetime) -> pl.DataFrame:
    return records_frame(list(failures), FAILURE_SCHEMA, run_id=run_id, at=at)


def dedupe_documents(docs: list[Document]) -> tuple[list[Document], list[Failure]]:
    """Keep the first document of each doc_id in a batch; later copies become failures.

    Two inputs with the same canonical URL or the same body text are one article: loading both
    would make the second silently overwrite the first, so the duplicate is reported instead.
    """
    seen: dict[str, str] = {}
    kept: list[Document] = []
    dupes: list[Failure] = []
    for doc in docs:
        if doc.doc_id in seen:
            dupes.append(
                Failure(
                    doc.source,
                    "clean",
                    "duplicate",
                    f"same article as {seen[doc.doc_id]} (doc_id {doc.doc_id}); kept that one",
                )
            )
            continue
        seen[doc.doc_id] = doc.source
        kept.append(doc)
    return kept, dupes


#: The extractors, in the order their inputs require (events read ``doc._.quotes``).
EXTRACTORS: tuple[tuple[str, Callable[[Doc], Doc]], ...] = (
    ("quotes", find_quotes),
    ("events", find_events),
)


def extract_all(
    docs: Sequence[Document], timings: dict[str, float]
) -> tuple[list[QuoteRecord], list[EventRecord], list[Failure]]:
    """Parse every text once and run both extractors on the shared parse.

    The model parses in batches (``nlp.pipe``); the language layer's components and the two
    extractors then run document by document, so each stage's time is measured and a document
    whose reading raises costs only itself: it gets a failure row and is left out of the load
    (so the next run tries it again instead of treating it as unchanged).
    """
    quotes: list[QuoteRecord] = []
    events: list[EventRecord] = []
    failures: list[Failure] = []
    nlp = load_nlp()
    layer = [nlp.get_pipe(name) for name in LAYER]
    inputs = [new_doc(d.text, doc_id=d.doc_id, published=d.published) for d in docs]
    parsed = nlp.pipe(inputs, disable=LAYER)
    for doc in docs:
        t0 = time.perf_counter()
        spacy_doc = next(parsed)
        timings["nlp"] += time.perf_counter() - t0
        try:
            t0 = time.perf_counter()
            for component in layer:
                component(spacy_doc)
            timings["layer"] += time.perf_counter() - t0
            for stage, extractor in EXTRACTORS:
                t0 = time.perf_counter()
                extractor(spacy_doc)
                timings[stage] += time.perf_counter() - t0
        except Exception as exc:  # an extractor bug must not cost the batch
            failures.append(
                Failure(doc.source, "extract", "extract_error", f"{type(exc).__name__}: {exc}")
            )
            continue
        finally:
            # What the layer left on the Doc points back at it; let it all go with the Doc.
            found_quotes, found_events = spacy_doc._.quotes, spacy_doc._.events
            spacy_doc.user_data.clear()
        quotes.extend(found_quotes)
        events.extend(found_events)
    return quotes, events, failures


def warm_up() -> None:
    """Load the spaCy model and every lexicon now, not inside the first batch.

    Worker processes call this when they start, all at once, so a parallel run does not spend
    its first batches loading dictionaries one worker after the other.
    """
    (doc,) = parse([new_doc("Warm-up: the minister said on Monday that troops struck the town.")])
    for _, extractor in EXTRACTORS:
        extractor(doc)
    load_all()


def process_batch(raws: Sequence[RawDoc], run_id: str, ingested_at: datetime) -> BatchFrames:
    """Clean, parse and extract one batch; return the frames to load and per-stage seconds."""
    timings: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()
    docs, failures = clean_many(raws)
    docs, dupes = dedupe_documents(docs)
    failures.extend(dupes)
    timings["clean"] += time.perf_counter() - t0

    quotes, events, extract_failures = extract_all(docs, timings)
    failures.extend(extract_failures)
    if extract_failures:
        broken = {f.source for f in extract_failures}
        docs = [d for d in docs if d.source not in broken]

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
    )
    timings["frames"] += time.perf_counter() - t1
    out.stage_seconds = dict(timings)
    return out
