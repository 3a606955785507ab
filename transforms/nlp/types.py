"""The records of the language layer's mention table: one mention, and the kinds of entity.

A ``Mention`` keeps what the article says at one point and nothing else: the surface form
("Russian foreign ministry spokeswoman Maria Zakharova"), the proper name without titles
("Maria Zakharova"), its kind (name, pronoun, description), its type (person, organisation,
group) and the role it states. Which entity it refers to is filled in by ``coref``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from transforms.nlp.entities import Entity

MentionKind = Literal["name", "surname", "pronoun", "nominal", "none"]

EntityType = Literal["person", "organisation", "group", "unknown"]


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
