"""Deaths and injuries stated in a sentence: "killing at least 11 fighters" -> 11, "at least 11".

A casualty is a victim phrase attached to a killing or wounding word in the dependency parse: the
object of an active verb ("killed 23 people", "shot dead three officers"), the subject of a
passive one ("two soldiers were killed", "... and 50 wounded") or of "die", a counted "dead"
("leaving 17 dead"), or a death toll ("the death toll rose to 21"). Its
count comes from a number on the victim ("23", "two dozen", "dozens of people") or, for a single
indefinite victim ("a 62-year-old employee was pistol-whipped"), is one.

Counts keep what the sentence states, so ``magnitude_text`` keeps its qualifier ("at least 11",
"more than 40", "dozens"). Indefinite plurals are counted at their smallest plausible value:
"dozens" = 24 (two dozen), "scores" = 40, "hundreds" = 200, "thousands" = 2,000. "Several" and
"many" give no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

FATAL_LEMMAS = frozenset({"kill", "slay", "murder", "massacre", "execute", "behead", "slaughter"})
DIE_LEMMAS = frozenset({"die", "perish"})
DEAD_WORDS = frozenset({"dead", "killed"})
INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "maim", "whip", "stab", "beat"})
INJURED_WORDS = frozenset({"injured", "wounded", "hurt"})

#: Number words below twenty; dates.py reads "three days ago" with the same table.
UNIT_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Indefinite plurals, counted at their smallest plausible value (see module docstring).
_INDEFINITE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}
_QUALIFIERS = frozenset(
    {
        "at",
        "least",
        "more",
        "than",
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "up",
        "to",
        "roughly",
        "approximately",
        "fewer",
        "less",
        "under",
        "as",
        "many",
        "estimated",
    }
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@dataclass(frozen=True, slots=True)
class Casualty:
    kind: str  # "fatalities" or "injured"
    count: int
    text: str  # the stated magnitude, with its qualifier
    cue: Token  # the killing/wounding word


def parse_number(words: list[str]) -> int | None:
    """ "11" / "1,068" / "twenty-three" / "two dozen" / "a dozen" / "dozens" -> int."""
    words = [w.lower() for w in words if w]
    if not words:
        return None
    if len(words) == 1 and words[0] in _INDEFINITE:
        return _INDEFINITE[words[0]]
    total = 0
    current = 0
    seen = False
    for word in words:
        for part in word.split("-"):
            if _DIGITS.match(part):
                current += int(part.replace(",", ""))
            elif part in UNIT_WORDS:
                current += UNIT_WORDS[part]
            elif part in _TENS:
                current += _TENS[part]
            elif part in ("a", "an") and not seen:
                current += 1
            elif part == "dozen":
                current = (current or 1) * 12
            elif part in _SCALES:
                current = (current or 1) * _SCALES[part]
                if _SCALES[part] >= 1000:
                    total, current = total + current, 0
            elif part == "and":
                continue
            else:
                return None
            seen = True
    return total + current if seen else None


def _count(victim: Token) -> tuple[int, str] | None:
    """The number stated on a victim phrase, with its text."""
    # "killing 11", "11 were killed": the victim is the number itself.
    if victim.like_num or victim.lower_ in _INDEFINITE:
        return _number_phrase(victim)
    # "dozens of people", "hundreds of civilians": the quantity is the head.
    for child in victim.children:
        if child.dep_ == "nummod":
            return _number_phrase(child)
    for child in victim.children:
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and victim.tag_ in {"NN", "NNP"}:
            return 1, victim.doc[child.i : victim.i + 1].text
    return None


def _number_phrase(num: Token) -> tuple[int, str] | None:
    tokens = [t for t in num.subtree if t.i <= num.i]
    # Keep only the number words and their qualifiers ("at least", "more than").
    words = [
        t for t in tokens if t.like_num or t.lower_ in _INDEFINITE or t.lower_ in {"dozen", "a"}
    ]
    value = parse_number([t.text for t in words])
    if value is None:
        return None
    quals = [t for t in tokens if t.lower_ in _QUALIFIERS and t.i < words[0].i]
    start = quals[0].i if quals else words[0].i
    text = num.doc[start : num.i + 1].text
    return value, text


def _victims(cue: Token) -> list[Token]:
    """Victim heads of a killing/wounding word, most likely first."""
    out: list[Token] = []
    passive = any(c.dep_ == "auxpass" for c in cue.children) or cue.dep_ == "acl"
    for child in cue.children:
        active_object = child.dep_ == "dobj" and not passive
        dying = child.dep_ == "nsubj" and cue.lemma_ in DIE_LEMMAS
        # "30 were killed and 50 wounded": the elided passive keeps its subject as nsubj.
        elided = child.dep_ == "nsubj" and cue.dep_ == "conj" and cue.tag_ == "VBN"
        if active_object or dying or elided or child.dep_ == "nsubjpass":
            out.append(child)
    if cue.dep_ == "acl" and cue.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        out.append(cue.head)  # "23 people killed in the attack"
    if cue.lower_ in DEAD_WORDS | INJURED_WORDS and any(c.dep_ == "nummod" for c in cue.children):
        out.append(cue)  # "leaving 17 dead"
    if cue.dep_ == "acomp":
        # "gunmen shot dead three officers": the shooting's object; "the employee was
        # pistol-whipped" (read as an adjective): the subject of "was".
        head = cue.head
        order = ("nsubj", "nsubjpass") if head.lemma_ in {"be", "get"} else ("dobj", "nsubjpass")
        out.extend(c for c in head.children if c.dep_ in order)
    elif cue.lower_ in DEAD_WORDS | INJURED_WORDS and cue.dep_ in {"oprd", "amod"}:
        head = cue.head
        if cue.dep_ == "amod":
            out.append(head)
        else:
            out.extend(c for c in head.children if c.dep_ in {"nsubj", "dobj"})
    return out


def _death_toll(tok: Token) -> Casualty | None:
    """ "the death toll rose to 21", "the death toll stood at 21"."""
    if tok.lemma_.lower() != "toll" or not any(c.lower_ == "death" for c in tok.lefts):
        return None
    verb = tok.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "at"}:
            num = next((c for c in prep.children if c.dep_ == "pobj" and c.like_num), None)
            if num is not None:
                counted = _number_phrase(num)
                if counted is not None:
                    return Casualty("fatalities", counted[0], counted[1], tok)
    return None


def find_casualties(sent: Span) -> list[Casualty]:
    """Every stated death or injury count in the sentence."""
    found: list[Casualty] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in FATAL_LEMMAS or lemma in DIE_LEMMAS or tok.lower_ in DEAD_WORDS:
            kind = "fatalities"
        elif lemma in INJURY_LEMMAS or tok.lower_ in INJURED_WORDS:
            kind = "injured"
        else:
            toll = _death_toll(tok)
            if toll is not None:
                found.append(toll)
            continue
        if tok.pos_ not in {"VERB", "ADJ", "AUX"} and tok.lower_ not in DEAD_WORDS:
            continue
        for victim in _victims(tok):
            counted = _count(victim)
            if counted is not None:
                found.append(Casualty(kind, counted[0], counted[1], tok))
                break
    return found
