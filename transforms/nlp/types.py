"""The records of the language layer's mention table: a mention, and the entity it refers to.

A ``Mention`` keeps what the article says at one point and nothing else: the surface form
("Russian foreign ministry spokeswoman Maria Zakharova"), the proper name without titles
("Maria Zakharova"), its kind (name, pronoun, description), its type (person, organisation,
group) and the role it states. Which ``Entity`` it refers to is filled in by ``coref``; an
entity gathers what the whole article says of one person, organisation or group.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from typing import Literal

MentionKind = Literal["name", "surname", "pronoun", "nominal", "none"]

EntityType = Literal["person", "organisation", "group", "document", "unknown"]


@dataclass(slots=True)
class Mention:
    """One mention of a person, organisation or group (see the module docstring)."""

    first: int  # token range of the surface form, inclusive
    last: int
    text: str
    kind: MentionKind
    head: int  # token index of the mention's head noun / name / pronoun
    name: str | None  # the proper name without titles, for names
    entity_type: EntityType
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "f" / "m"
    definite: bool = False
    possessed: bool = False  # "her publisher": someone's, introduced here, not a back-reference
    plural: bool = False
    head_lemma: str = ""
    modifiers: tuple[str, ...] = ()  # lower-case content words before the head
    role_words: frozenset[str] = frozenset()  # lemmas of the role, for nominal matching
    conjuncts: list[Mention] = field(default_factory=list)  # the parts of a joint mention
    #: What ``coref`` resolved the mention to (None: nobody the article names), and how sure.
    entity: Entity | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class Entity:
    """One speaker candidate: a person, organisation or group, with what the article says of it."""

    name: str
    entity_type: EntityType
    words: tuple[str, ...]  # lower-case name words, for name matching
    role: str | None = None
    affiliation: str | None = None
    role_words: set[str] = field(default_factory=set)
    gender: str | None = None
    positions: list[int] = field(default_factory=list)  # token indices of its mentions
    head_lemma: str = ""
    is_company: bool = False
    is_name: bool = False  # named ("Hamilton Police Service"), not described ("the unit")
    joint: bool = False  # "A and B", speaking together
    plural: bool = False  # described by a plural noun ("U.S. companies", "residents")
    acronym: str = ""
    order: int = -1  # place in the table, which breaks ties between equal matches

    def add_position(self, i: int) -> None:
        insort(self.positions, i)  # kept sorted: recency questions are binary searches

    def vocabulary(self) -> set[str]:
        """The words a description can match: name words, role words, head noun."""
        return {*self.words, *self.role_words, self.head_lemma} - {""}

    def last_before(self, i: int) -> int:
        """Latest mention before token ``i``, or -1."""
        k = bisect_left(self.positions, i)
        return self.positions[k - 1] if k else -1

    def first_after(self, i: int) -> int:
        """Earliest mention after token ``i``, or -1."""
        k = bisect_right(self.positions, i)
        return self.positions[k] if k < len(self.positions) else -1
