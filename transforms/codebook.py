"""The codebook: every table and column (from the schema's COMMENT ON statements) and every code
list, each code with its meaning and an example. ``newsdb codebook`` writes it to
``docs/codebook.md``; ``tests/test_codebook.py`` fails when that file is stale.

One source for each fact:

* table and column meanings: the ``COMMENT ON`` block of ``sql/schema.sql``, read back from
  DuckDB's catalogue by ``connectors/catalog.py`` (so ``duckdb_columns()`` and this file agree);
* which codes exist: where the code defines them (PLOVER types and quad classes in
  ``transforms/events/plover.py``, modes and contexts in its CAMEO crosswalk and in
  ``transforms/events/modes.py``, ``Literal`` types of the records in ``transforms/model.py`` and
  ``transforms/events/dates.py``, quote methods in the extractors' confidence tables);
* what a code means: :mod:`transforms.codebook_notes`, checked against the codes above.
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from transforms.codebook_notes import NOTES
from transforms.events import dates, modes, plover
from transforms.model import EntityScope, EventRecord, QuoteRecord, Stage
from transforms.quotes import direct, indirect


@dataclass(frozen=True, slots=True)
class ColumnDoc:
    name: str
    type: str
    comment: str | None


@dataclass(frozen=True, slots=True)
class TableDoc:
    name: str
    kind: str  # "table" or "view"
    comment: str | None
    columns: tuple[ColumnDoc, ...]


@dataclass(frozen=True, slots=True)
class Code:
    value: str
    meaning: str
    example: str


@dataclass(frozen=True, slots=True)
class CodeList:
    name: str
    columns: str
    defined_in: str
    intro: str
    codes: tuple[Code, ...]


def literal_values(cls: type, field: str) -> tuple[str, ...]:
    """The strings a dataclass field's ``Literal[...]`` (or ``Literal[...] | None``) allows."""
    return _literal_args(typing.get_type_hints(cls)[field])


def _literal_args(tp: Any) -> tuple[str, ...]:
    if typing.get_origin(tp) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(tp))
    return tuple(v for arg in typing.get_args(tp) for v in _literal_args(arg))


# --- codes, from where the code defines them ------------------------------------------------


def defined_codes() -> dict[str, tuple[str, ...]]:
    """list name -> the codes the pipeline can write, read from their definitions."""
    quads = tuple(dict.fromkeys(plover.QUAD_CLASS[t] for t in plover.PLOVER_TYPES))
    return {
        "event_type": plover.PLOVER_TYPES,
        "quad_class": quads,
        "date_precision": typing.get_args(dates.Precision),
        "date_method": typing.get_args(dates.DateMethod),
        "polarity": literal_values(EventRecord, "polarity"),
        "modality": literal_values(EventRecord, "modality"),
        "quote_type": literal_values(QuoteRecord, "quote_type"),
        "speaker_type": literal_values(QuoteRecord, "speaker_type"),
        "speaker_mention_type": literal_values(QuoteRecord, "speaker_mention_type"),
        "location_precision": literal_values(EventRecord, "location_precision"),
        "entity_scope": typing.get_args(EntityScope),
        "quote_method": (*direct.CONFIDENCE, *indirect.CONFIDENCE),
        "failure_stage": typing.get_args(Stage),
        "origin": literal_values(_document_type(), "origin"),
        "input_format": literal_values(_document_type(), "input_format"),
    }


def _document_type() -> type:
    from transforms.model import Document

    return Document


def note_problems() -> list[str]:
    """Codes with no note, and notes for codes that no longer exist (empty when all agree)."""
    problems = []
    for name, codes in defined_codes().items():
        notes = NOTES.get(name, {})
        problems += [f"{name}: no note for code {c!r}" for c in codes if c not in notes]
        problems += [f"{name}: note for unknown code {c!r}" for c in notes if c not in codes]
    return problems


@lru_cache(maxsize=1)
def cameo_descriptions() -> dict[str, str]:
    """CAMEO code -> the crosswalk's description of it (its ``# ...`` comments)."""
    out: dict[str, str] = {}
    for line in plover.CROSSWALK.paths()[0].read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d+)\s*:[^#]*#\s*(.+)", line)
        if m:
            out.setdefault(m.group(1), m.group(2).strip())
    return out


def _facet_codes(position: int) -> dict[str, dict[str, set[str]]]:
    """mode (position 1) or context (2) -> PLOVER type -> CAMEO codes, from the crosswalk."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for code, entry in plover.crosswalk().items():
        value = entry[position]
        if value:
            found[value][entry[0]].add(code)
    return found


def _facet_list(name: str, position: int, extra: dict[str, tuple[str, str]]) -> CodeList:
    facets = _facet_codes(position)
    descriptions = cameo_descriptions()
    codes = []
    for value in sorted(set(facets) | set(extra)):
        by_type = facets.get(value, {})
        types = sorted(set(by_type) | ({extra[value][0]} if value in extra else set()))
        cameo = sorted({c for cs in by_type.values() for c in cs}, key=lambda c: (len(c), c))
        examples = [f"CAMEO {c} {descriptions[c]}" for c in cameo if c in descriptions][:2]
        if value in extra:
            examples.insert(0, f"words: {extra[value][1]}")
        codes.append(Code(value, "used with " + ", ".join(types), "; ".join(examples) or "—"))
    column = f"events.event_{name}"
    intro = (
        f"PLOVER {name}s refine an event type. The CAMEO code a trigger matched gives the "
        f"{name} through the crosswalk"
        + (
            "; for ASSAULT the weapon named in the sentence gives it (words listed)."
            if extra
            else "."
        )
    )
    source = "transforms/nlp/lexicons/CAMEO2PLOVER-2021.txt via transforms/events/plover.py"
    if extra:
        source += "; ASSAULT_MODES in transforms/events/modes.py"
    return CodeList(f"event_{name}", column, source, intro, tuple(codes))


def _noted(name: str, columns: str, defined_in: str, intro: str) -> CodeList:
    notes = NOTES[name]
    codes = defined_codes().get(name, tuple(notes))
    return CodeList(
        name,
        columns,
        defined_in,
        intro,
        tuple(Code(c, *notes.get(c, ("(no note)", "—"))) for c in codes),
    )


def code_lists() -> list[CodeList]:
    """Every code list, in the order the codebook shows them."""
    assault = {
        mode: ("ASSAULT", ", ".join(sorted(words)[:6])) for mode, words in modes.ASSAULT_MODES
    }
    model = "transforms/model.py"
    return [
        _noted(
            "event_type",
            "events.event_type",
            "PLOVER_TYPES in transforms/events/plover.py",
            "PLOVER's 16 event types: what happened. Each has one quad class.",
        ),
        _noted(
            "quad_class",
            "events.quad_class",
            "QUAD_CLASS in transforms/events/plover.py",
            "The four quadrants of PLOVER: cooperation or conflict, in words or in deeds.",
        ),
        _facet_list("mode", 1, assault),
        _facet_list("context", 2, {}),
        _noted(
            "date_precision",
            "events.date_precision",
            "Precision in transforms/events/dates.py",
            "How much of event_date is known.",
        ),
        _noted(
            "date_method",
            "events.date_method",
            "DateMethod in transforms/events/dates.py",
            "How event_date was found.",
        ),
        _noted(
            "location_precision",
            "events.location_precision",
            f"EventRecord.location_precision in {model}",
            "How precise an event's place is; the report's map draws only city and admin1 "
            "places as points.",
        ),
        _noted(
            "polarity",
            "events.polarity",
            f"EventRecord.polarity in {model}",
            "Whether the sentence says the event happened.",
        ),
        _noted(
            "modality",
            "events.modality",
            f"EventRecord.modality in {model}",
            "Whether the event is reported as done, planned, threatened or possible.",
        ),
        _noted(
            "event_method",
            "events.method",
            "built in transforms/events/coder.py and merge.py",
            "Which rule coded the event: a pattern, not a closed list. Parts:",
        ),
        _noted(
            "quote_type",
            "quotes.quote_type",
            f"QuoteRecord.quote_type in {model}",
            "How the words are reported.",
        ),
        _noted(
            "speaker_type",
            "quotes.speaker_type, speakers.speaker_type",
            f"QuoteRecord.speaker_type in {model}",
            "What kind of speaker said it.",
        ),
        _noted(
            "speaker_mention_type",
            "quotes.speaker_mention_type",
            f"QuoteRecord.speaker_mention_type in {model}",
            "How the speaker is referred to at the quote.",
        ),
        _noted(
            "entity_scope",
            "entities.scope, speakers.scope",
            f"EntityScope in {model}",
            "Whether an entity is matched across articles (transforms/entities/keys.py).",
        ),
        _noted(
            "quote_method",
            "quotes.method",
            "CONFIDENCE in transforms/quotes/direct.py and transforms/quotes/indirect.py",
            "Which rule found the quote; quotes.confidence follows from it.",
        ),
        _noted(
            "failure_stage", "failures.stage", f"Stage in {model}", "The stage an input failed at."
        ),
        _noted(
            "origin",
            "documents.origin",
            f"Document.origin in {model}",
            "Which copy of an input the text came from.",
        ),
        _noted(
            "input_format",
            "documents.input_format",
            f"Document.input_format in {model}",
            "What kind of input it was.",
        ),
    ]


# --- rendering --------------------------------------------------------------------------------


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def render(tables: Sequence[TableDoc], lists: Sequence[CodeList]) -> str:
    """The codebook as Markdown."""
    lines = [
        "# newsdb codebook",
        "",
        "<!-- Generated by `newsdb codebook` from the COMMENT ON statements of sql/schema.sql and",
        "     the code lists in the source. Do not edit: edit those and regenerate. -->",
        "",
        "What every table, view and column of a newsdb database means, and every code a column",
        "can hold. The same comments are stored in the database file: `.describe TABLE` in",
        "`newsdb shell`, or `SELECT column_name, comment FROM duckdb_columns()` in any client.",
        "",
        "## Tables and views",
        "",
    ]
    for t in tables:
        lines += [f"### `{t.name}` ({t.kind})", "", _cell(t.comment), ""]
        lines += _table(
            ("column", "type", "meaning"), ((f"`{c.name}`", c.type, c.comment) for c in t.columns)
        )
        lines.append("")
    lines += ["## Code lists", ""]
    for cl in lists:
        lines += [
            f"### {cl.name}",
            "",
            f"Column: {cl.columns}. Defined in: {cl.defined_in}.",
            "",
            cl.intro,
            "",
        ]
        lines += _table(
            ("code", "meaning", "example"),
            ((f"`{c.value}`", c.meaning, c.example) for c in cl.codes),
        )
        lines.append("")
    return "\n".join(lines)
