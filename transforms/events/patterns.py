"""Verb patterns and the frame they are matched against.

A pattern of the CAMEO dictionary (``- * (FOR {FINANCIAL AID}) [0231]``) reads
``PRE-VERB NOUNS * POST-VERB NOUNS (PREPOSITION NOUN)``. PETRARCH matched patterns against a
constituency parse; here a pattern matches a ``Frame`` built from the dependency parse: subject
heads for the pre-verb nouns, object heads for the post-verb nouns and (preposition, object)
pairs for the parenthesised parts. The most specific matching pattern wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Token


class _Head(NamedTuple):
    """A frame's noun with the two words every pattern compares, read once per lookup: a verb
    has dozens of patterns, and spaCy builds a new string for each ``lower_`` or ``lemma_``."""

    lower: str
    lemma: str
    token: Token

    @classmethod
    def of(cls, token: Token) -> _Head:
        return cls(token.lower_, token.lemma_.lower(), token)


@dataclass(frozen=True, slots=True)
class NounSpec:
    """A noun phrase in a pattern: a head (any of several words) plus required modifiers."""

    head: frozenset[str]
    mods: tuple[frozenset[str], ...] = ()

    def matches(self, head: _Head) -> bool:
        if head.lower not in self.head and head.lemma not in self.head:
            return False
        if not self.mods:
            return True
        token = head.token
        words = {t.lower_ for t in token.lefts} | {t.lemma_.lower() for t in token.lefts}
        # Modifiers may sit anywhere left of the head: "{AIR STRIKE}" matches "US air strikes".
        for left in token.lefts:
            words.update(t.lower_ for t in left.subtree)
        return all(words & alternatives for alternatives in self.mods)


@dataclass(frozen=True, slots=True)
class PrepSpec:
    """``(FOR AID)``: a preposition (alternatives split on '/') and an optional object noun."""

    preps: frozenset[str]
    noun: NounSpec | None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str | None
    pre: tuple[NounSpec, ...]
    post: tuple[NounSpec, ...]
    preps: tuple[PrepSpec, ...]
    text: str

    weight: int = 0  # set by VerbDictionary: more constraints = more specific

    def specificity(self) -> int:
        """More constraints = more specific; a prepositional object counts twice."""
        return (
            len(self.pre)
            + len(self.post)
            + sum(1 + (p.noun is not None) + len(p.noun.mods if p.noun else ()) for p in self.preps)
            + sum(len(n.mods) for n in (*self.pre, *self.post))
        )


@dataclass(slots=True)
class Frame:
    """The dependency neighbourhood of a trigger that the patterns are matched against."""

    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    preps: list[tuple[str, Token | None]] = field(default_factory=list)


#: Each pattern's position in its block's list, under every word that can satisfy one of its
#: constraints (see ``index_patterns``).
PatternIndex = dict[str, tuple[int, ...]]


def index_patterns(patterns: list[VerbPattern]) -> PatternIndex:
    """Where to look first: each pattern filed under the words of its most selective constraint.

    Every pattern has at least one constraint (a pre-verb noun, a post-verb noun or a
    preposition), and no frame satisfies it without containing one of that constraint's words.
    So only the patterns filed under a word of the frame can match: a verb has dozens of
    patterns, a frame a handful of words.
    """
    filed: dict[str, list[int]] = {}
    for k, pattern in enumerate(patterns):
        options = [spec.head for spec in (*pattern.pre, *pattern.post)]
        options += [prep.preps for prep in pattern.preps]
        for word in min(options, key=len, default=()):
            filed.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in filed.items()}


def best_pattern(
    patterns: list[VerbPattern], frame: Frame, index: PatternIndex
) -> VerbPattern | None:
    """The most specific matching pattern; among equals, the first listed.

    ``patterns`` is kept sorted by decreasing weight (stable, so file order breaks ties),
    so the first match is the answer. ``index`` is ``index_patterns(patterns)``: only the
    patterns it files under the frame's words are tried, in list order.
    """
    if not (frame.objects or frame.preps or frame.subjects):
        return None
    subjects = [_Head.of(t) for t in frame.subjects]
    objects = [_Head.of(t) for t in frame.objects]
    preps = [(p, None if obj is None else _Head.of(obj)) for p, obj in frame.preps]
    words = {p for p, _ in preps}
    for head in (*subjects, *objects):
        words.update((head.lower, head.lemma))
    candidates: set[int] = set()
    for word in words:
        candidates.update(index.get(word, ()))
    for k in sorted(candidates):
        pattern = patterns[k]
        if _pattern_matches(pattern, subjects, objects, preps):
            return pattern
    return None


def _pattern_matches(
    pattern: VerbPattern,
    subjects: list[_Head],
    objects: list[_Head],
    preps: list[tuple[str, _Head | None]],
) -> bool:
    for spec in pattern.pre:
        if not any(spec.matches(s) for s in subjects):
            return False
    for spec in pattern.post:
        if not any(spec.matches(o) for o in objects):
            return False
    for prep in pattern.preps:
        if not any(
            p in prep.preps and (prep.noun is None or (obj is not None and prep.noun.matches(obj)))
            for p, obj in preps
        ):
            return False
    return True
