"""The CPU half of a run: raw inputs of one batch -> the frames that batch loads.

``process_batch`` is what a worker process (local pool or Dask) runs: it cleans, parses each text
once with spaCy (the language layer reading it once for both extractors), extracts quotes and
events (from English articles; an article in another language is loaded unextracted, with a
notice saying so), and hands back Arrow-backed Polars frames plus the CPU seconds each stage
spent (the thread's own CPU time, so a busy shared machine does not inflate the share of a stage
that happened to wait). It never touches the database, so any number of workers can run it while
a single writer loads the results.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from itertools import compress

import polars as pl
from spacy.tokens import Doc

from transforms.clean import clean_many
from transforms.entities.linking import entity_refs, link_entities
from transforms.events import find_events
from transforms.frames import (
    carried_sources,
    documents_frame,
    failures_frame,
    first_copies,
    records_frame,
)
from transforms.model import (
    ENTITY_REFS,
    EVENTS,
    QUOTES,
    BatchFrames,
    Document,
    DocumentStamp,
    EntityRecord,
    EventRecord,
    Failure,
    QuoteRecord,
    RawDoc,
)
from transforms.nlp import LAYER, load_nlp, new_doc, parse
from transforms.nlp.registry import load_all
from transforms.quotes import find_quotes
from transforms.run.version import PIPELINE_VERSION

#: The extractors, in the order their inputs require (events read ``doc._.quotes``; the entity
#: stage keys the rows of both).
EXTRACTORS: tuple[tuple[str, Callable[[Doc], Doc]], ...] = (
    ("quotes", find_quotes),
    ("events", find_events),
    ("entities", link_entities),
)


def extract_all(
    docs: Sequence[Document], timings: dict[str, float]
) -> tuple[list[QuoteRecord], list[EventRecord], list[Failure], list[EntityRecord]]:
    """Parse every text once and run both extractors on the shared parse; also return the
    entities their rows point to (``transforms.entities``).

    The model parses in batches (``nlp.pipe``); the language layer's components and the two
    extractors then run document by document, so each stage's time is measured and a document
    whose reading raises costs only itself: it gets a failure row and is left out of the load
    (so the next run tries it again instead of treating it as unchanged).
    """
    quotes: list[QuoteRecord] = []
    events: list[EventRecord] = []
    failures: list[Failure] = []
    entities: list[EntityRecord] = []
    warm_up()  # lexicons and matchers are built outside the zone, so their strings are kept
    nlp = load_nlp()
    layer = [nlp.get_pipe(name) for name in LAYER]
    # Every string this batch adds to spaCy's vocabulary (new words, lemmas, labels) is dropped
    # when the zone closes: a worker's memory stays flat however many articles it reads. Only
    # plain Python records leave the zone. The zone is the whole process's, so batches that
    # threads run at once (Prefect's default task runner) take turns here: one closing its zone
    # would take the other's words with it. Cleaning, before, still overlaps.
    with _MODEL_TURN, nlp.memory_zone():
        inputs = (new_doc(d.text, doc_id=d.doc_id, published=d.published) for d in docs)
        parsed = parse(inputs, disable=LAYER)
        for doc in docs:
            t0 = time.thread_time()
            spacy_doc = next(parsed)
            timings["nlp"] += time.thread_time() - t0
            try:
                t0 = time.thread_time()
                for component in layer:
                    component(spacy_doc)
                timings["layer"] += time.thread_time() - t0
                for stage, extractor in EXTRACTORS:
                    t0 = time.thread_time()
                    extractor(spacy_doc)
                    timings[stage] += time.thread_time() - t0
            except Exception as exc:  # an extractor bug must not cost the batch
                failures.append(
                    Failure(doc.source, "extract", "extract_error", f"{type(exc).__name__}: {exc}")
                )
                continue
            finally:
                # What the layer left on the Doc points back at it; let it all go with the Doc.
                found_quotes, found_events = spacy_doc._.quotes, spacy_doc._.events
                found_entities = entity_refs(spacy_doc)
                spacy_doc.user_data.clear()
            quotes.extend(found_quotes)
            events.extend(found_events)
            entities.extend(found_entities)
    return quotes, events, failures, entities


#: Held by the batch whose texts are in the model's memory zone (see ``extract_all``).
_MODEL_TURN = threading.Lock()

#: Languages the extractors read: the spaCy model and every lexicon behind them are English.
EXTRACTED_LANGUAGES = frozenset({"en"})


def split_by_language(docs: Sequence[Document]) -> tuple[list[Document], list[Failure]]:
    """The documents the extractors can read, and a notice for each one they cannot.

    An article in another language is still loaded (searchable, with ``documents.language``);
    its ``unsupported_language`` row says why it has no quotes or events, instead of an empty
    result nobody is told about. An unknown language (a text too short to tell) is extracted.
    Since the article is loaded, an unchanged input is skipped by later runs like any other, so
    the notice is written once, by the run that read the article, not again on every run.
    """
    readable: list[Document] = []
    notices: list[Failure] = []
    for doc in docs:
        if doc.language is None or doc.language in EXTRACTED_LANGUAGES:
            readable.append(doc)
            continue
        notices.append(
            Failure(
                doc.source,
                "extract",
                "unsupported_language",
                f"The article is in language {doc.language!r} (ISO 639), and newsdb extracts "
                "quotes and events from English only: no extraction ran. It is stored, "
                "searchable, with that language.",
            )
        )
    return readable, notices


@cache
def warm_up() -> None:
    """Load the spaCy model and every lexicon now (once per process), not inside a batch.

    Worker processes call this when they start, all at once, so a parallel run does not spend
    its first batches loading dictionaries one worker after the other. ``extract_all`` calls it
    too, before its memory zone: what is built here must outlive every batch.
    """
    (doc,) = parse([new_doc("Warm-up: the minister said on Monday that troops struck the town.")])
    for _, extractor in EXTRACTORS:
        extractor(doc)
    load_all()


def process_batch(raws: Sequence[RawDoc], run_id: str, ingested_at: datetime) -> BatchFrames:
    """Clean, parse and extract one batch; return the frames to load and per-stage CPU seconds."""
    timings: dict[str, float] = defaultdict(float)
    t0 = time.thread_time()
    docs, clean_failures = clean_many(raws)
    cleaned = documents_frame(docs, DocumentStamp(PIPELINE_VERSION, ingested_at, run_id))
    first = first_copies(cleaned)
    documents, docs = cleaned.filter(first), list(compress(docs, first))
    timings["clean"] += time.thread_time() - t0

    docs, language_notices = split_by_language(docs)
    quotes, events, extract_failures, entities = extract_all(docs, timings)
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

    t1 = time.thread_time()
    out = BatchFrames(
        documents=documents,
        quotes=records_frame(QUOTES, quotes),
        events=records_frame(EVENTS, events),
        failures=pl.concat(
            [
                failures_frame(clean_failures, run_id, ingested_at),
                failures_frame(language_notices, run_id, ingested_at),
                failures_frame(extract_failures, run_id, ingested_at),
            ]
        ),
        sources=carried_sources(cleaned, raws, run_id, ingested_at),
        entities=records_frame(ENTITY_REFS, entities),
    )
    timings["frames"] += time.thread_time() - t1
    out.stage_seconds = dict(timings)
    return out
