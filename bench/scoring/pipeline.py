"""Run inputs through the real pipeline, exactly as ``newsdb run`` processes a batch.

Scorers hand ``transforms.batch.process_batch`` the same ``RawDoc`` a user's run would build
(``connectors/files.py`` for a ``.txt`` file: the absolute path as ``source``, the bytes
untouched, ``content_type`` "text/plain", origin "local", the file's mtime as ``fetched_at``),
so cleaning, the spaCy parse and both extractors are exercised as a user sees them, and a
document the cleaner rejects is a failure here too. Nothing below reaches into the product
beyond that entry point and the records of ``transforms.model``.

What comes back is read the way a user reads the tables: by column name. ``Quote`` and
``Event`` hold the columns the scorers compare; quote offsets index ``text`` (the
``documents.text`` of the input).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from transforms.batch import process_batch
from transforms.model import RawDoc

#: Inputs per ``process_batch`` call; the flow's own default batch is of this order.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class Quote:
    """The columns of one ``quotes`` row that scoring reads."""

    quote_text: str
    char_start: int
    char_end: int
    quote_type: str
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_type: str | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    method: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """The columns of one ``events`` row that scoring reads."""

    event_type: str
    trigger_text: str = ""
    sentence_text: str = ""
    actor1: str | None = None
    actor1_country: str | None = None
    actor1_sector: str | None = None
    actor2: str | None = None
    actor2_country: str | None = None
    actor2_sector: str | None = None
    event_date: date | None = None
    fatalities: int | None = None
    injured: int | None = None
    polarity: str = "positive"
    modality: str = "asserted"
    method: str = ""


@dataclass(slots=True)
class Processed:
    """What the pipeline made of one input: its document text and rows, or why it failed."""

    source: str
    text: str | None = None  # documents.text; None when the input failed
    published: date | None = None
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failure: str | None = None  # "stage/error_kind: message"

    @property
    def ok(self) -> bool:
        return self.text is not None


def text_file(path: Path) -> RawDoc:
    """A ``.txt`` article file as ``connectors/files.py`` reads it for a run."""
    path = path.absolute()
    return RawDoc(
        source=str(path),
        body=path.read_bytes(),
        content_type="text/plain",
        fetched_at=datetime.fromtimestamp(path.stat().st_mtime, tz=UTC),
        origin="local",
    )


def text_document(source: str, text: str) -> RawDoc:
    """Text that is not in a file of its own (a JSONL record, a test article), as a ``.txt`` file
    named ``source`` would be read."""
    return RawDoc(source=source, body=text.encode("utf-8"), content_type="text/plain")


R = TypeVar("R", Quote, Event)


def _rows(frame: Any, cls: type[R]) -> dict[str, list[R]]:
    """Frame rows grouped by ``doc_id``, as ``cls`` records (only the columns ``cls`` has)."""
    names: list[str] = [f.name for f in fields(cls)]
    out: dict[str, list[R]] = {}
    for row in frame.select(["doc_id", *names]).iter_rows(named=True):
        out.setdefault(row["doc_id"], []).append(cls(**{n: row[n] for n in names}))
    return out


def run(
    raws: Sequence[RawDoc],
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Processed]:
    """Every input through ``process_batch``, keyed by ``source`` (in input order).

    Inputs with identical bytes are processed once and share the result: a run keeps one of
    two identical files and reports the other as a duplicate, but a corpus that holds the same
    text under two names (two gold records of one sentence) still wants both scored.
    """
    first: dict[bytes, RawDoc] = {}
    for raw in raws:
        first.setdefault(raw.body, raw)
    unique = list(first.values())
    results: dict[str, Processed] = {raw.source: Processed(raw.source) for raw in unique}
    now = datetime.now(UTC)
    for at in range(0, len(unique), batch_size):
        frames = process_batch(unique[at : at + batch_size], run_id="bench", ingested_at=now)
        quotes = _rows(frames.quotes, Quote)
        events = _rows(frames.events, Event)
        for doc in frames.documents.select(["doc_id", "source", "text", "published"]).iter_rows(
            named=True
        ):
            found = results[doc["source"]]
            found.text, found.published = doc["text"], doc["published"]
            found.quotes = sorted(quotes.get(doc["doc_id"], []), key=lambda q: q.char_start)
            found.events = events.get(doc["doc_id"], [])
        for bad in frames.failures.iter_rows(named=True):
            failed = results[bad["source"]]
            failed.failure = f"{bad['stage']}/{bad['error_kind']}: {bad['message']}"
        if progress is not None:
            progress(min(at + batch_size, len(unique)), len(unique))
    return {raw.source: replace(results[first[raw.body].source], source=raw.source) for raw in raws}


def stderr_progress(label: str) -> Callable[[int, int], None]:
    """A progress callback printing ``label: done/total (elapsed)`` on stderr."""
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"\r{label}: {done}/{total} ({elapsed:.0f} s)", end="", file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)

    return report


def cleaned_texts(paths: Iterable[Path]) -> list[str]:
    """The ``documents.text`` of each file (failed files are left out), for speed benchmarks."""
    raws = [text_file(p) for p in paths]
    done = run(raws)
    return [p.text for p in done.values() if p.text is not None]
