"""The actor record: a noun phrase coded as an actor, and what the coder does with actors
(compare, merge, combine coordinated ones)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from transforms.events.phrases import ROLE_NOUNS
from transforms.events.syntax import words

#: Person-like generic heads that can be an actor ("two men", "the suspects").
PERSON_HEADS = words(
    "man men woman women person people suspect suspects youth youths attacker attackers "
    "assailant assailants pair two three four five six seven eight nine ten "
    # people as news names them in politics and conflict ("Ugandan opposition candidates")
    "candidate candidates activist activists protester protesters demonstrator demonstrators "
    "student students worker workers refugee refugees civilian civilians villager villagers "
    "prisoner prisoners detainee detainees journalist journalists resident residents citizen "
    "citizens migrant migrants opponent opponents supporter supporters lawmaker lawmakers "
    "settler settlers pilgrim pilgrims"
)


@dataclass(slots=True)
class Actor:
    """A coded actor mention."""

    text: str
    canonical: str | None
    country: str | None
    sector: str | None
    kind: str  # "state", "person", "organisation", "group" or "generic"
    head: int  # token index of the phrase head
    start: int
    end: int
    named: bool = False  # a proper name, not a generic nominal
    plural: bool = False
    international: bool = False
    explicit_country: bool = False  # the country was stated, not inferred
    head_coded: bool = False  # the head word itself is a dictionary actor or agent
    role: bool = False  # a title or function is stated ("spokeswoman", "minister")
    parts: tuple[Actor, ...] | None = None  # the conjuncts of a compound actor
    proper_modifier: bool = False  # a name we could not code modifies it ("Biden administration")
    national: bool = False  # a country or demonym is named in the phrase ("U.S. Treasury")


def same_mention(a: Actor | None, b: Actor | None) -> bool:
    """Do two mentions name the same actor (same phrase or same canonical name)?"""
    if a is None or b is None:
        return False
    return a.head == b.head or (bool(a.canonical) and a.canonical == b.canonical)


def merge_identity(actor: Actor, extra: Actor) -> Actor:
    return replace(
        actor,
        country=actor.country or extra.country,
        sector=actor.sector or extra.sector,
        explicit_country=actor.explicit_country or extra.explicit_country,
        international=actor.international or extra.international,
        role=actor.role or extra.role,
    )


def definite(head: Token) -> bool:
    """ "the ministry", "its envoy", "both sides", "the two delegations"."""
    return any(
        (
            c.dep_ in {"det", "poss", "predet"}
            and c.lower_ in {"the", "this", "that", "these", "those", "its", "their", "both"}
        )
        for c in head.children
    )


def is_actor_like(actor: Actor, head: Token) -> bool:
    """Could this phrase be an actor at all (not "the timeframe", "snakebites")?

    The head itself must name one: "the government's strategy" is a document even though its
    possessor is an actor.
    """
    if actor.head_coded or actor.kind in {"person", "state", "organisation"}:
        return True
    if head.lower_ in ROLE_NOUNS or head.lower_.startswith("spokes"):
        return True  # "the party's chairman", "a spokesman for the ministry": a person
    if head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or head.pos_ == "PROPN":
        return True
    return head.lower_ in PERSON_HEADS or head.lemma_.lower() in PERSON_HEADS


def conjuncts(head: Token) -> list[Token]:
    """The head and its coordinated phrases: "the government and the Houthi movement"."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.extend(conjuncts(child))
    return out


def combine(actors: Iterable[Actor]) -> Actor | None:
    """One compound actor for a coordination ("X and Y"): shared country if they agree."""
    items = [a for a in actors if a is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    first = items[0]
    return replace(
        first,
        text=" and ".join(a.text for a in items),
        canonical=" and ".join(a.canonical or a.text for a in items),
        # The first conjunct's identity stands for the group; the text keeps them all.
        country=first.country,
        sector=first.sector,
        plural=True,
        start=min(a.start for a in items),
        end=max(a.end for a in items),
        parts=tuple(items),
    )
