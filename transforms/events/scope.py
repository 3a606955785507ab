"""What is out of scope for event coding: direct quotes, boilerplate, sport, background.

* Direct quotes. Events are coded from narrative and reported speech, not from inside direct
  quotations (devset README). Which quotations are direct is the quote stage's decision (its
  ``direct`` records, ``doc._.quotes``), made on the language layer's one scan of the quote
  marks: a quoted fragment inside a reported clause ("had 'repeatedly warned' Ankara", "its
  forces had carried out 'a massive strike with long-range weapons'") is part of a mixed quote,
  not a direct one, and stays in scope.
* Boilerplate lines ("Read also: ...", "Follow us on ..."), by the cleaning stage's rules as
  the language layer's ``DocLayout`` applies them to every line.
* PETRARCH's discard list (``Phoenix.discards.txt``, plus ``newsdb.discards.txt`` for competitions
  it predates): sport and entertainment phrases. A phrase
  marked ``+`` discards the whole story, an unmarked one the sentence; a trailing ``_`` requires
  the word to end there, otherwise the phrase is a stem. We also discard the story when its lead
  sentence is discarded, since the lead says what the story is about.
* Background: habitual or long-running states ("has long been", "is constantly targeted",
  "have fled fighting since mid-2018") are not events.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Span, Token

from transforms.model import QuoteRecord
from transforms.nlp.layout import DocLayout
from transforms.nlp.registry import Lexicon

HABITUAL_ADVERBS = frozenset(
    {
        "constantly",
        "repeatedly",
        "regularly",
        "routinely",
        "often",
        "frequently",
        "usually",
        "always",
        "generally",
        "traditionally",
        "typically",
        "long",
    }
)


#: Control verbs whose present simple states a current intention, not a habit.
PRESENT_INTENT = frozenset(
    {"plan", "intend", "prepare", "vow", "pledge", "promise", "threaten", "refuse", "decline"}
    | {"agree", "offer", "want", "aim", "seek"}
)

_WORDS = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_YEAR = re.compile(r"(1[89]|20)[0-9][0-9]")

#: A discard phrase: its words, and whether its last word must be whole (trailing "_").
Phrase = tuple[tuple[str, ...], bool]


#: Words that make a sentence-level discard phrase a time marker ("years ago", "World War
#: Two") rather than a topic (sport, entertainment): see ``Discards.background``.
_BACKGROUND_WORDS = frozenset({"ago", "later", "earlier", "war"})


def _is_background(words: tuple[str, ...]) -> bool:
    return (len(words) == 1 and _YEAR.fullmatch(words[0]) is not None) or bool(
        _BACKGROUND_WORDS & set(words)
    )


class Discards:
    """The discard list indexed by first word, matched word by word (one pass per text).

    PETRARCH's sentence-level list mixes topics (sport, entertainment) with time markers of
    history: the years 1914-2013, "years ago", "World War Two". A topic takes the sentence
    out; a time marker only makes background of the clause it belongs to ("Uganda has
    granted asylum to rebels who entered the country two years ago" reports the asylum), so
    time markers are kept apart (``background``) and applied per event by the coder, and a
    year only when it is more than a year before the publication date.
    """

    def __init__(self) -> None:
        self.story: dict[str, list[Phrase]] = {}
        self.sentence: dict[str, list[Phrase]] = {}
        self.background: dict[str, list[Phrase]] = {}

    def add(self, phrase: str, *, story: bool) -> None:
        exact = phrase.endswith("_")
        words = tuple(_WORDS.findall(phrase.rstrip("_").replace("_", " ").lower()))
        if not words:
            return
        if story:
            index = self.story
        elif _is_background(words):
            index = self.background
        else:
            index = self.sentence
        index.setdefault(words[0], []).append((words, exact))

    def background_tokens(self, sent: Span, published_year: int | None) -> list[Token]:
        """The first tokens of the time markers in ``sent`` (see the class docstring)."""
        toks = [t for t in sent if not (t.is_punct or t.is_space)]
        lowers = [t.lower_ for t in toks]
        found: list[Token] = []
        for i, word in enumerate(lowers):
            for phrase, exact in self.background.get(word, ()):
                n = len(phrase)
                if lowers[i : i + n - 1] != list(phrase[:-1]) or i + n > len(lowers):
                    continue
                last = lowers[i + n - 1]
                if not (last == phrase[-1] or (not exact and last.startswith(phrase[-1]))):
                    continue
                year = n == 1 and _YEAR.fullmatch(word) is not None
                if year and published_year is not None and int(word) >= published_year - 1:
                    continue  # last year's or this year's events are news
                found.append(toks[i])
                break
        return found

    @staticmethod
    def _hit(index: dict[str, list[Phrase]], text: str) -> bool:
        words = _WORDS.findall(text.lower())
        for i, word in enumerate(words):
            for phrase, exact in index.get(word, ()):
                n = len(phrase)
                if words[i : i + n - 1] != list(phrase[:-1]) or i + n > len(words):
                    continue
                last = words[i + n - 1]
                if last == phrase[-1] or (not exact and last.startswith(phrase[-1])):
                    return True
        return False

    def story_hit(self, text: str) -> bool:
        return self._hit(self.story, text)

    def sentence_hit(self, text: str) -> bool:
        return self._hit(self.sentence, text)


def build_discards(paths: Sequence[Path]) -> Discards:
    """The discard list (``+`` lines discard the story, the others the sentence)."""
    d = Discards()
    lines = [
        line
        for path in paths
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("+"):
            d.add(line[1:].strip(), story=True)
        else:
            d.add(line, story=False)
    return d


DISCARDS = Lexicon("discards", build_discards)


def discards() -> Discards:
    return DISCARDS.get()


def background_clauses(sent: Span, published_year: int | None) -> set[int]:
    """Indexes of the verbs whose clause a time marker of history belongs to ("in 1983",
    "two years ago", "during World War Two"): events triggered there are background."""
    verbs: set[int] = set()
    for tok in discards().background_tokens(sent, published_year):
        cur = tok
        for _ in range(12):
            if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
                break
            cur = cur.head
        verbs.add(cur.i)
    return verbs


def is_boilerplate(sent: Span, layout: DocLayout) -> bool:
    """A sentence on a boilerplate line."""
    return layout.is_boilerplate(sent.start_char)


def story_discarded(layout: DocLayout, sentences: list[Span]) -> bool:
    """True for sport and entertainment stories (discard list; see the module docstring)."""
    d = discards()
    if d.story_hit(layout.text):
        return True
    lead = next((s for s in sentences if len(s) > 8 and not is_boilerplate(s, layout)), None)
    return lead is not None and d.sentence_hit(lead.text)


def direct_quote_spans(quotes: list[QuoteRecord]) -> list[tuple[int, int]]:
    """Character spans of the quote stage's direct quotes, sorted and merged."""
    return merge_spans([(q.char_start, q.char_end) for q in quotes if q.quote_type == "direct"])


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans, so that ``in_spans`` can bisect."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def in_spans(char: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``char`` inside one of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def _headline(tok: Token) -> bool:
    sent = tok.sent
    last = sent[-1] if sent[-1].text.strip() else sent[-2] if len(sent) > 1 else sent[-1]
    return last.text not in {".", "!", "?", '"', "”", "'", "’"}


def _perfect_or_progressive(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & {"has", "have", "had", "'ve", "'s"}) or verb.tag_ == "VBG"


def _open_duration(prep: Token) -> bool:
    """ "for weeks", "for years": an unbounded stretch of time (not "for 72 hours")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        pobj is not None
        and pobj.lower_ in {"weeks", "months", "years", "decades", "ages"}
        and not any(c.dep_ == "nummod" for c in pobj.children)
    )


def is_habitual(trigger: Token) -> bool:
    """Habitual or background readings: "is constantly targeted", "has fled since 2018"."""
    for child in trigger.children:
        if child.dep_ in {"advmod", "npadvmod"} and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ == "since" and _perfect_or_progressive(trigger):
            return True  # "have fled fighting since mid-2018"
        if child.dep_ == "prep" and child.lower_ == "for" and _open_duration(child):
            return True  # "had been haggled over for weeks"
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in child.children
        ):
            return False
    # Present simple ("snakebites kill", "Belarus sends") describes a state of affairs, except
    # in a headline ("Turkish air strikes kill 11 militants"), which has no final full stop.
    aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    if trigger.tag_ in {"VBZ", "VBP"} and not aux:
        if trigger.lemma_.lower() in PRESENT_INTENT and any(
            c.dep_ == "xcomp" for c in trigger.children
        ):
            return False  # "Greece plans to impose", "the army vows to retake": stated now
        return not _headline(trigger)
    return bool(
        trigger.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in {"VBZ", "VBP"} for a in aux)
    )
