"""The records that flow between newsdb's stages, and the Polars schemas of its tables.

Every stage speaks in these types so that each can be tested alone:

    SourceItem --fetch/read--> RawDoc --clean--> Document --nlp--> QuoteRecord, EventRecord
                     \\______________ Failure (any stage) ______________/

The Polars schemas below mirror ``sql/schema.sql`` column for column; ``tests/test_schema.py``
checks that they agree, so a column added in one place and forgotten in the other fails CI.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal

import polars as pl

#: Bumped whenever cleaning or extraction changes in a way that should re-process unchanged inputs.
PIPELINE_VERSION = "1"

# feed, sitemap and site sources are followed: they stand for the article URLs they list.
SourceKind = Literal["file", "url", "feed", "sitemap", "site"]
Origin = Literal["local", "live", "cache"]
InputFormat = Literal["html", "text", "markdown"]
Stage = Literal["discover", "fetch", "read", "clean", "extract", "load"]


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One input: an absolute file path or an http(s) URL (of an article, or of a feed, sitemap
    or site home page to follow). ``via`` names the followed source an article URL came from."""

    kind: SourceKind
    location: str
    via: str | None = None


@dataclass(frozen=True, slots=True)
class RawDoc:
    """Bytes of one input exactly as read from disk or the network, before any parsing.

    ``source`` is what the user ingested (absolute path or URL as given); ``url`` is where the
    bytes really came from (the final URL after redirects) or, for a local file that names its
    original address, that address. ``origin`` says which copy was used.
    """

    source: str
    body: bytes
    url: str | None = None
    content_type: str | None = None  # media type without parameters, e.g. "text/html"
    charset: str | None = None  # declared by the HTTP header, if any
    fetched_at: datetime | None = None
    origin: Origin = "local"
    note: str | None = None  # e.g. why a --fetch-originals fetch fell back to the local copy

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(slots=True)
class Document:
    """A cleaned article: metadata plus Unicode-normalised body text.

    ``text`` keeps paragraphs separated by one blank line ("\\n\\n"); quote and event offsets
    index this exact string, so nothing downstream may re-normalise it.
    """

    doc_id: str
    source: str
    text: str
    content_sha256: str
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    site: str | None = None
    language: str | None = None
    fetched_at: datetime | None = None
    origin: Origin = "local"
    input_format: InputFormat = "html"


@dataclass(slots=True)
class Failure:
    """Why one input could not go through a stage. Becomes a row of ``failures``."""

    source: str
    stage: Stage
    error_kind: str  # short machine-friendly tag: "http_404", "robots_disallow", "too_large", ...
    message: str  # one sentence a person can act on


@dataclass(slots=True)
class QuoteRecord:
    """One row of ``quotes``. Offsets index ``Document.text``; end is exclusive."""

    quote_id: str
    doc_id: str
    quote_text: str
    char_start: int
    char_end: int
    quote_type: Literal["direct", "indirect", "mixed"]
    continues_quote_id: str | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    speaker_mention: str | None = None
    speaker_mention_type: Literal["name", "surname", "pronoun", "nominal", "none"] = "none"
    speaker: str | None = None
    speaker_type: Literal["person", "organisation", "group", "unknown"] = "unknown"
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    addressee: str | None = None
    sentence_index: int | None = None
    paragraph_index: int | None = None
    confidence: float = 0.0
    method: str = ""


@dataclass(slots=True)
class EventRecord:
    """One row of ``events``: a PLOVER-coded event with its actors, date, place and toll."""

    event_id: str
    doc_id: str
    event_type: str
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_text: str
    sentence_index: int
    event_mode: str | None = None
    event_context: str | None = None
    quad_class: str | None = None
    cameo_code: str | None = None
    actor1: str | None = None
    actor1_canonical: str | None = None
    actor1_country: str | None = None
    actor1_sector: str | None = None
    actor2: str | None = None
    actor2_canonical: str | None = None
    actor2_country: str | None = None
    actor2_sector: str | None = None
    location: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    event_date: date | None = None
    date_text: str | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    date_method: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    magnitude_text: str | None = None
    polarity: Literal["positive", "negative"] = "positive"
    modality: Literal["asserted", "future", "threatened", "hypothetical"] = "asserted"
    quote_id: str | None = None
    confidence: float = 0.0
    method: str = ""


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same inputs give the same id on every run and machine."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:16]}"


# --- Polars schemas (must match sql/schema.sql) -------------------------------------------------

_TS = pl.Datetime("us", "UTC")

DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "source": pl.String(),
    "url": pl.String(),
    "canonical_url": pl.String(),
    "title": pl.String(),
    "author": pl.String(),
    "published": pl.Date(),
    "site": pl.String(),
    "language": pl.String(),
    "text": pl.String(),
    "content_sha256": pl.String(),
    "fetched_at": _TS,
    "origin": pl.String(),
    "input_format": pl.String(),
    "pipeline_version": pl.String(),
    "ingested_at": _TS,
    "run_id": pl.String(),
}

QUOTE_SCHEMA: dict[str, pl.DataType] = {
    "quote_id": pl.String(),
    "doc_id": pl.String(),
    "quote_text": pl.String(),
    "char_start": pl.Int32(),
    "char_end": pl.Int32(),
    "quote_type": pl.String(),
    "continues_quote_id": pl.String(),
    "cue": pl.String(),
    "cue_lemma": pl.String(),
    "speaker_mention": pl.String(),
    "speaker_mention_type": pl.String(),
    "speaker": pl.String(),
    "speaker_type": pl.String(),
    "speaker_role": pl.String(),
    "speaker_affiliation": pl.String(),
    "addressee": pl.String(),
    "sentence_index": pl.Int32(),
    "paragraph_index": pl.Int32(),
    "confidence": pl.Float64(),
    "method": pl.String(),
}

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.String(),
    "doc_id": pl.String(),
    "event_type": pl.String(),
    "event_mode": pl.String(),
    "event_context": pl.String(),
    "quad_class": pl.String(),
    "cameo_code": pl.String(),
    "trigger_text": pl.String(),
    "trigger_start": pl.Int32(),
    "trigger_end": pl.Int32(),
    "sentence_text": pl.String(),
    "sentence_index": pl.Int32(),
    "actor1": pl.String(),
    "actor1_canonical": pl.String(),
    "actor1_country": pl.String(),
    "actor1_sector": pl.String(),
    "actor2": pl.String(),
    "actor2_canonical": pl.String(),
    "actor2_country": pl.String(),
    "actor2_sector": pl.String(),
    "location": pl.String(),
    "location_country": pl.String(),
    "latitude": pl.Float64(),
    "longitude": pl.Float64(),
    "event_date": pl.Date(),
    "date_text": pl.String(),
    "date_precision": pl.String(),
    "date_method": pl.String(),
    "fatalities": pl.Int32(),
    "injured": pl.Int32(),
    "magnitude_text": pl.String(),
    "polarity": pl.String(),
    "modality": pl.String(),
    "quote_id": pl.String(),
    "confidence": pl.Float64(),
    "method": pl.String(),
}

FAILURE_SCHEMA: dict[str, pl.DataType] = {
    "run_id": pl.String(),
    "source": pl.String(),
    "stage": pl.String(),
    "error_kind": pl.String(),
    "message": pl.String(),
    "at": _TS,
}


@dataclass(slots=True)
class BatchFrames:
    """What one batch adds to each table, plus where its time went."""

    documents: pl.DataFrame
    quotes: pl.DataFrame
    events: pl.DataFrame
    failures: pl.DataFrame
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> BatchFrames:
        return cls(
            pl.DataFrame(schema=DOCUMENT_SCHEMA),
            pl.DataFrame(schema=QUOTE_SCHEMA),
            pl.DataFrame(schema=EVENT_SCHEMA),
            pl.DataFrame(schema=FAILURE_SCHEMA),
        )


def records_frame(records: list[Any], schema: dict[str, pl.DataType], **extra: Any) -> pl.DataFrame:
    """Dataclass records -> a DataFrame with exactly ``schema``'s columns, in its order.

    ``extra`` fills columns the records do not carry (run_id, ingested_at, ...).
    """
    rows = [asdict(r) if hasattr(r, "__dataclass_fields__") else dict(r) for r in records]
    for row in rows:
        row.update(extra)
    if not rows:
        return pl.DataFrame(schema=schema)
    frame = pl.DataFrame(rows, infer_schema_length=None)
    for name, dtype in schema.items():
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=dtype).alias(name))
    return frame.select([pl.col(n).cast(t) for n, t in schema.items()])


def dataclass_columns(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
