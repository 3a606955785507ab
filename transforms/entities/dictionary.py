"""The Phoenix actor dictionaries as a lookup by matching key: which entry a full name is.

Every phrase of every actor entry (the entry's own name and its ``+`` variants: "SERGEY_LAVROV_",
"+SERGEI_LAVROV", "+SERGEY_V._LAVROV") is keyed with ``names.dictionary_words``, so a name
matches an entry when it spells one of its phrases up to accents, case and transliteration. A
key that several entries share says nothing about which one is meant and is dropped.

A country's entry also lists its cities and regions ("MOSCOW" and "FLORIDA" are coded as their
country, which is right for an event's actor but not for an entity): a phrase of a country
entry that the gazetteer reads as a city or a region is left out, so "Florida" is an entity of
its own, not the United States. The capital stays: "Moscow said" is Russia speaking, as the
events coder reads it too. The
entries are the events stage's (``transforms.events.actors``); the index is compiled once per
machine like the other lexicons (``transforms.nlp.registry``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transforms.entities.names import dictionary_words
from transforms.nlp.registry import Lexicon


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One actor entry: its name as the dictionary spells it, and its code without a date (the
    undated default, else the latest: a person's code changes with office, the entity does
    not)."""

    entry: str  # "SERGEY LAVROV"
    code: str | None  # "RUSGOV"


#: Stored form: plain tuples unpickle far faster than objects.
_Row = tuple[str, str | None]


class DictionaryIndex:
    """Matching key (words joined by spaces) -> entry; see the module docstring."""

    def __init__(self, index: dict[str, _Row]) -> None:
        self._index = index

    def lookup(self, words: tuple[str, ...]) -> DictionaryEntry | None:
        row = self._index.get(" ".join(words))
        return DictionaryEntry(*row) if row is not None else None

    def __len__(self) -> int:
        return len(self._index)


def build_index(actor_files: Sequence[Path]) -> DictionaryIndex:
    """Key every phrase of every actor entry; drop keys shared by several entries."""
    # Imported here: the events package keys its actors with this module (no import cycle).
    from transforms.events.actors import build_lexicon, code_at
    from transforms.events.codes import countries, parse_code
    from transforms.events.places import gazetteer

    lex = build_lexicon(actor_files)
    places = gazetteer()
    owners: dict[str, int | None] = {}
    for bucket in lex.actors.values():
        for phrase, record in bucket:
            key = " ".join(dictionary_words(" ".join(phrase)))
            code = code_at(lex.records[record], None)
            if code and parse_code(code).country == code:  # a country's entry
                place = places.lookup(" ".join(phrase))
                capital = str(countries().get(code, {}).get("capital", "")).upper()
                if place is not None and place.kind != "country" and place.name.upper() != capital:
                    continue
            if key:
                seen = owners.get(key, record)
                owners[key] = record if seen == record else None
    rows: dict[int, _Row] = {}
    index: dict[str, _Row] = {}
    for key, owner in owners.items():
        if owner is None:
            continue
        row = rows.get(owner)
        if row is None:
            entry = lex.records[owner]
            row = rows[owner] = (entry[0], code_at(entry, None))
        index[key] = row
    return DictionaryIndex(index)


ENTITY_NAMES = Lexicon("entity_names", build_index, compiled=True)


def dictionary_index() -> DictionaryIndex:
    """The index: compiled on first use on a machine, then loaded from the lexicon cache."""
    return ENTITY_NAMES.get()
