"""The records that flow between newsdb's stages, declared once, and the tables they load into.

Every stage speaks in these types so that each can be tested alone:

    SourceItem --fetch/read--> RawDoc --clean--> Document --nlp--> QuoteRecord, EventRecord
                     \\______________ Failure (any stage) ______________/

A record dataclass *is* the declaration of its table's columns: ``Table`` derives the Polars
schema from its fields' type hints, adding the columns a row only gets when its batch is loaded
(``DocumentStamp``, ``FailureStamp``). ``tests/test_model.py`` holds every such table against
``sql/schema.sql`` (names, types, NOT NULL), so a column added in one place and forgotten in
the other fails CI. Frames are built from records in ``transforms.frames``.
"""

from __future__ import annotations

import hashlib
import types
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import polars as pl

# feed, sitemap and site sources are followed: they stand for the article URLs they list.
SourceKind = Literal["file", "url", "feed", "sitemap", "site"]
Origin = Literal["local", "live", "cache"]
InputFormat = Literal["html", "text", "markdown"]
Stage = Literal["discover", "fetch", "read", "clean", "extract", "load"]
#: How precise an event's place is: a city, a first-level division, or only the country.
LocationPrecision = Literal["country", "admin1", "city"]


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One input: an absolute file path or an http(s) URL (of an article, or of a feed, sitemap
    or site home page to follow).

    ``via`` names the followed source an article URL came from. ``link`` is the symlink inside
    an input folder this file was reached through, when the file itself lies outside that
    folder: followed, but worth telling the operator about.
    """

    kind: SourceKind
    location: str
    via: str | None = None
    link: str | None = field(default=None, compare=False)


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
    decode_errors: int = 0  # invalid byte sequences read as U+FFFD (a UTF-8 page, a few bad bytes)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One row of ``document_sources``: which article an input carries now.

    Identity is the article's text, so several inputs can carry one article (the same page
    at two addresses, a local copy of it); each keeps its own row, and an article lives as long
    as one input carries it.
    """

    source: str
    doc_id: str
    raw_sha256: str  # the bytes last read from it: unchanged bytes are not read again
    url: str | None = None  # where those bytes came from (after redirects)


#: Failure kinds that are notices, not failures: the input *was* loaded (an article kept, with
#: its language, but not extracted), so the run summary counts them apart from failed inputs.
NOTICE_KINDS = frozenset({"unsupported_language"})


@dataclass(slots=True)
class Failure:
    """Why one input could not go through a stage. Becomes a row of ``failures``.

    A kind in ``NOTICE_KINDS`` says why a stage was skipped for an input that was still loaded.
    """

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
    speaker_type: Literal["person", "organisation", "group", "document", "unknown"] = "unknown"
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    addressee: str | None = None
    sentence_index: int | None = None
    paragraph_index: int | None = None
    confidence: float = 0.0
    method: str = ""
    speaker_entity_id: str | None = None  # entities.entity_id of the speaker (transforms.entities)


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
    actor1_entity_id: str | None = None  # entities.entity_id of each actor (transforms.entities)
    actor2_entity_id: str | None = None
    location_precision: LocationPrecision | None = None
    location_source_text: str | None = None  # the name the place was resolved from


EntityScope = Literal["global", "document"]


@dataclass(slots=True)
class EntityRecord:
    """An entity one article's quotes or events point to, as that article knows it.

    Staged with its batch and merged into ``entities`` by the load (``sql/load/``), which adds
    what only the stored rows can say (every name variant, role, country, count). Everything
    here is a function of ``entity_key``, so any article gives the same row but for ``name``
    and ``entity_type``, which the load takes from the stored mentions.
    """

    doc_id: str
    entity_id: str  # stable_id("ent", entity_key)
    entity_key: str  # "dict:SERGEY LAVROV", "name:sergei lavrov" or "doc:<doc_id>:analysts"
    scope: EntityScope  # global: matched across articles; document: this article's only
    name: str
    entity_type: str = "unknown"  # a speaker_type code (the mention table's entity types)
    dictionary_entry: str | None = None  # the Phoenix actor entry the name matched
    dictionary_code: str | None = None  # its code without a date, e.g. RUSGOV


@dataclass(frozen=True, slots=True)
class DocumentStamp:
    """The columns a ``documents`` row gets when its batch is processed, not when it is cleaned."""

    pipeline_version: str  # re-process inputs stored by another version
    ingested_at: datetime
    run_id: str


@dataclass(frozen=True, slots=True)
class SourceStamp:
    """The columns a ``document_sources`` row gets when a run reads its input."""

    first_seen: datetime  # kept by the load while the input carries the same article
    last_seen: datetime
    run_id: str


@dataclass(frozen=True, slots=True)
class FailureStamp:
    """The columns a ``failures`` row gets when it is recorded: which run, and when."""

    run_id: str
    at: datetime


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same inputs give the same id on every run and machine."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:16]}"


# --- Tables: columns derived from the records ----------------------------------------------------

#: The Polars type of each Python type a record field may have. ``int`` is a 32-bit INTEGER in
#: ``sql/schema.sql`` (offsets, indices and tolls all fit); timestamps are stored in UTC.
_DTYPES: dict[type, pl.DataType] = {
    str: pl.String(),
    int: pl.Int32(),
    float: pl.Float64(),
    bool: pl.Boolean(),
    date: pl.Date(),
    datetime: pl.Datetime("us", "UTC"),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    dtype: pl.DataType
    nullable: bool


def _column(name: str, hint: Any) -> Column:
    """``str | None`` -> (String, nullable); ``Literal["a", "b"]`` -> String; and so on."""
    nullable = False
    if get_origin(hint) in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        nullable = len(options) < len(get_args(hint))
        if len(options) != 1:
            raise TypeError(f"column {name!r}: a union of several types has no table type")
        hint = options[0]
    if get_origin(hint) is Literal:
        kinds = {type(v) for v in get_args(hint)}
        if len(kinds) != 1:
            raise TypeError(f"column {name!r}: a Literal of mixed types has no table type")
        hint = kinds.pop()
    if hint not in _DTYPES:
        raise TypeError(f"column {name!r}: no table type for {hint!r}")
    return Column(name, _DTYPES[hint], nullable)


def _columns(cls: type) -> tuple[Column, ...]:
    hints = get_type_hints(cls)
    return tuple(_column(f.name, hints[f.name]) for f in fields(cls))


@dataclass(frozen=True, slots=True)
class Table:
    """One table: the record type a stage produces and the stamp added when it is loaded."""

    name: str
    record: type
    stamp: type | None = None
    columns: tuple[Column, ...] = field(init=False)
    schema: pl.Schema = field(init=False)

    def __post_init__(self) -> None:
        columns = _columns(self.record) + (_columns(self.stamp) if self.stamp else ())
        names = [c.name for c in columns]
        if len(set(names)) != len(names):
            raise TypeError(f"table {self.name}: a stamp column repeats a record field")
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "schema", pl.Schema({c.name: c.dtype for c in columns}))

    def check(self, frame: pl.DataFrame) -> None:
        """Raise ValueError unless ``frame`` has exactly this table's columns and types.

        Column order is free: loads insert BY NAME.
        """
        got = frame.schema
        missing = [n for n in self.schema if n not in got]
        extra = [n for n in got if n not in self.schema]
        retyped = [
            f"{n} is {got[n]}, not {t}" for n, t in self.schema.items() if n in got and got[n] != t
        ]
        problems = [
            f"{what} {', '.join(names)}"
            for what, names in (("missing", missing), ("extra", extra), ("retyped:", retyped))
            if names
        ]
        if problems:
            raise ValueError(f"frame for table {self.name!r}: " + "; ".join(problems))


DOCUMENTS = Table("documents", Document, DocumentStamp)
QUOTES = Table("quotes", QuoteRecord)
EVENTS = Table("events", EventRecord)
FAILURES = Table("failures", Failure, FailureStamp)
SOURCES = Table("document_sources", SourceRecord, SourceStamp)
#: Not a table of its own: the staged form of ``entities``, merged by ``sql/load/``.
ENTITY_REFS = Table("staged_entities", EntityRecord)
#: Every table whose rows newsdb builds from records (``runs`` and ``schema_meta`` are written
#: by SQL statements in ``sql/load/``).
TABLES: tuple[Table, ...] = (DOCUMENTS, QUOTES, EVENTS, FAILURES, SOURCES)

DOCUMENT_SCHEMA = DOCUMENTS.schema
QUOTE_SCHEMA = QUOTES.schema
EVENT_SCHEMA = EVENTS.schema
FAILURE_SCHEMA = FAILURES.schema
SOURCE_SCHEMA = SOURCES.schema
ENTITY_REF_SCHEMA = ENTITY_REFS.schema


@dataclass(slots=True)
class BatchFrames:
    """What one batch adds to each table, plus where its time went.

    ``sources`` says which article each input of the batch carries: the documents processed
    here, and inputs skipped because their bytes were already stored (``transforms.run.plan``).
    Each frame must have exactly its table's columns and types: a frame built by hand with a
    column missing, extra or retyped is refused here, before it reaches the database.
    """

    documents: pl.DataFrame
    quotes: pl.DataFrame
    events: pl.DataFrame
    failures: pl.DataFrame
    sources: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=SOURCE_SCHEMA))
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: The entities its quotes and events point to, one row per article and entity.
    entities: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ENTITY_REF_SCHEMA))

    def __post_init__(self) -> None:
        DOCUMENTS.check(self.documents)
        QUOTES.check(self.quotes)
        EVENTS.check(self.events)
        FAILURES.check(self.failures)
        SOURCES.check(self.sources)
        ENTITY_REFS.check(self.entities)

    @classmethod
    def empty(
        cls, failures: pl.DataFrame | None = None, sources: pl.DataFrame | None = None
    ) -> BatchFrames:
        """No rows in any table (but ``failures`` and ``sources``, when given)."""
        return cls(
            pl.DataFrame(schema=DOCUMENT_SCHEMA),
            pl.DataFrame(schema=QUOTE_SCHEMA),
            pl.DataFrame(schema=EVENT_SCHEMA),
            pl.DataFrame(schema=FAILURE_SCHEMA) if failures is None else failures,
            pl.DataFrame(schema=SOURCE_SCHEMA) if sources is None else sources,
        )
