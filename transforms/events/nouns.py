"""Event nouns ("attack", "talks", "sanctions") and the CAMEO codes of the acts they name.

The list is ``lexicons/newsdb.nouns.txt`` (format documented there). A noun entry may require
modifiers: ``JOINT_PATROL`` is a patrol modified by "joint" (062 military cooperation) while a
bare ``PATROL`` is 150 (show of force); the longest matching entry wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from transforms.nlp.registry import Lexicon

_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")


@dataclass(frozen=True, slots=True)
class NounEntry:
    phrase: str
    mods: tuple[str, ...]  # modifier words that must precede the head, nearest last
    code: str


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


class NounLexicon:
    def __init__(self, paths: Sequence[Path]) -> None:
        self.by_head: dict[str, list[NounEntry]] = {}
        for raw in (line for path in paths for line in path.read_text("utf-8").splitlines()):
            m = _LINE.match(raw.split("#", 1)[0].strip())
            if not m:
                continue
            words = m.group("phrase").strip().lower().split("_")
            entry = NounEntry(m.group("phrase").strip(), tuple(words[:-1]), m.group("code").strip())
            head = words[-1]
            forms = {head}
            plurals = m.group("plurals")
            if plurals is None:
                forms.add(_plural(head))
            else:
                forms |= {p.lower().split("_")[-1] for p in plurals.split()}
                if plurals.strip() == "":
                    forms = {head}
            for form in forms:
                self.by_head.setdefault(form, []).append(entry)
        for entries in self.by_head.values():
            entries.sort(key=lambda e: -len(e.mods))

    def lookup(self, token: Token) -> NounEntry | None:
        """The most specific entry whose head is ``token`` and whose modifiers precede it."""
        entries = self.by_head.get(token.lower_)
        if not entries:
            return None
        left = [t.lower_ for t in token.lefts if t.dep_ in {"compound", "amod", "nmod"}]
        for entry in entries:
            if not entry.mods or all(mod in left for mod in entry.mods):
                return entry
        return None


EVENT_NOUNS = Lexicon("event_nouns", NounLexicon)


def noun_lexicon() -> NounLexicon:
    return EVENT_NOUNS.get()
