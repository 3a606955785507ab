"""The CPU half of a run: raw inputs of one batch -> the frames that batch loads.

A worker process (local pool or Dask) runs it in two halves, so that between them the flow can
check which articles need reading at all:

* ``clean_batch``: raw pages -> cleaned texts (cheap, no parsing);
* ``extract_batch``: parses each text once with spaCy (the language layer reading it once for
  both extractors), extracts quotes and events (from English articles; an article in another
  language is loaded unextracted, with a notice saying so), and hands back Arrow-backed Polars
  frames plus the CPU seconds each stage spent (the thread's own CPU time, so a busy shared
  machine does not inflate the share of a stage that happened to wait).

Neither touches the database, so any number of workers can run them while a single writer loads
the results. ``process_batch`` runs both halves in one call.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
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
    sources_frame,
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
    SourceRecord,
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


@dataclass(slots=True)
class CleanedBatch:
    """One batch after cleaning, before any parsing: the first half of ``process_batch``.

    The flow gets it back from a worker and compares its articles' ids with the database and
    with the batches still being extracted (``transforms.run.plan.articles_to_skip``): an
    article whose text is stored already, or is being read right now, is not parsed again.
    That holds for a page re-fetched with other bytes around the same text (ads, counters,
    scripts), for the same story at several addresses, and for copies that land in different
    batches. Only the cleaned texts travel, never the raw pages.
    """

    docs: list[Document]  # every input's article, copies within the batch included
    sources: list[SourceRecord]  # which article each of those inputs carries
    failures: list[Failure]  # inputs that could not be cleaned
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def doc_ids(self) -> list[str]:
        """The batch's distinct articles, in input order."""
        return list(dict.fromkeys(d.doc_id for d in self.docs))


def clean_batch(raws: Sequence[RawDoc]) -> CleanedBatch:
    """Clean every input of a batch (the cheap, parse-free first half of a batch)."""
    t0 = time.thread_time()
    docs, failures = clean_many(raws)
    sources = carried_sources(docs, raws)
    return CleanedBatch(docs, sources, failures, {"clean": time.thread_time() - t0})


def extract_batch(
    cleaned: CleanedBatch,
    run_id: str,
    ingested_at: datetime,
    *,
    skip: Collection[str] = frozenset(),
) -> BatchFrames:
    """Parse and extract the articles of a cleaned batch; return the frames to load.

    An article in ``skip`` is neither parsed nor written: its inputs only become
    ``document_sources`` rows pointing at it (the load checks it is stored by then, and turns
    the row into a failure if it is not). Later copies of an article within the batch are
    extracted once, with the first.
    """
    timings: dict[str, float] = defaultdict(float, cleaned.stage_seconds)
    t0 = time.thread_time()
    frame = documents_frame(cleaned.docs, DocumentStamp(PIPELINE_VERSION, ingested_at, run_id))
    first = first_copies(frame) & ~frame["doc_id"].is_in(list(skip))
    documents, docs = frame.filter(first), list(compress(cleaned.docs, first))
    timings["clean"] += time.thread_time() - t0

    docs, language_notices = split_by_language(docs)
    quotes, events, extract_failures, entities = extract_all(docs, timings)
    sources = cleaned.sources
    if extract_failures:  # their documents are not loaded, so the next run tries them again
        failed = {f.source for f in extract_failures}
        broken = set(documents.filter(pl.col("source").is_in(list(failed)))["doc_id"])
        extract_failures += [  # a copy of an article whose extraction failed fails with it
            Failure(s.source, "extract", "extract_error", f"Same text as {s.doc_id}, whose "
                    "extraction failed (see its own failure row).")
            for s in sources if s.doc_id in broken and s.source not in failed
        ]  # fmt: skip
        failed |= {f.source for f in extract_failures}
        documents = documents.filter(~pl.col("source").is_in(list(failed)))
        sources = [s for s in sources if s.source not in failed]

    t1 = time.thread_time()
    out = BatchFrames(
        documents=documents,
        quotes=records_frame(QUOTES, quotes),
        events=records_frame(EVENTS, events),
        failures=pl.concat(
            [
                failures_frame(cleaned.failures, run_id, ingested_at),
                failures_frame(language_notices, run_id, ingested_at),
                failures_frame(extract_failures, run_id, ingested_at),
            ]
        ),
        sources=sources_frame(sources, run_id, ingested_at),
        entities=records_frame(ENTITY_REFS, entities),
    )
    timings["frames"] += time.thread_time() - t1
    out.stage_seconds = dict(timings)
    return out


def process_batch(raws: Sequence[RawDoc], run_id: str, ingested_at: datetime) -> BatchFrames:
    """Clean, parse and extract one batch in one go (what scorers and tests call; the flow runs
    the two halves as two tasks, with the check for stored articles between them)."""
    return extract_batch(clean_batch(raws), run_id, ingested_at)
