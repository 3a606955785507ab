"""Folding several mentions of one event into one record.

Within a sentence, candidates of the same type, modality and polarity whose actors agree (or
one has none) are one event told twice: "Turkish warplanes struck ..., killing at least 11" is a
strike and a killing, one ASSAULT. The first verb trigger keeps the record and the others fill
in what it lacks (recipient, place, date, casualties).

Across sentences, a material event repeated by the same actor with no new date is the same event
retold: "Iran's intelligence ministry said it had arrested two French citizens last week ... The
ministry ... said they had been detained in the southern city of Shiraz" is one arrest, which
gains a location. Verbal events are not folded this way: two demands by one actor in two
sentences are usually two demands.
"""

from __future__ import annotations

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.plover import MATERIAL_CONFLICT

#: Event types whose repetition in a later sentence is taken as a retelling.
RETOLD_TYPES = MATERIAL_CONFLICT | {"RETREAT", "CONCEDE"}


def same_actor(a: Actor | None, b: Actor | None, *, strict: bool = False) -> bool:
    if a is None or b is None:
        return not strict
    if a.head == b.head or (a.canonical and a.canonical == b.canonical):
        return True
    return bool(a.country and a.country == b.country and a.sector and a.sector == b.sector)


def better_recipient(current: Actor | None, other: Actor | None) -> Actor | None:
    """Prefer an actor over a bare target, and a target with a country over one without."""
    if other is None:
        return current
    if current is None:
        return other
    if (
        current.kind == "generic"
        and not current.sector
        and (other.kind != "generic" or other.sector)
    ):
        return other
    if (
        not current.country
        and other.country
        and current.kind == other.kind
        and (other.sector or not current.sector)  # not a bare place over armed fighters
    ):
        return other
    return current


def absorb(target: Candidate, other: Candidate) -> None:
    """Fill what ``target`` lacks from another mention of the same event."""
    if target.actor is None:
        target.actor = other.actor
    target.recipient = better_recipient(target.recipient, other.recipient)
    if other.place is not None and (
        target.place is None or (target.place.kind == "country" and other.place.kind != "country")
    ):
        target.place, target.place_text = other.place, other.place_text
    if target.date is not None and target.date.text is None and other.date and other.date.text:
        target.date = other.date
    if not target.casualties:
        target.casualties.extend(other.casualties)
    target.method += "+" + other.method.split("/")[0]


def _same_time(a: Candidate, b: Candidate) -> bool:
    da, db = a.date, b.date
    return not (da and db and da.text and db.text and da.value != db.value)


def _compatible(a: Candidate, b: Candidate) -> bool:
    return (
        a.event_type == b.event_type
        and a.modality == b.modality
        and a.negated == b.negated
        and same_actor(a.actor, b.actor)
        and _same_time(a, b)
    )


def merge_sentence(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per event of a sentence.

    The record goes to a mention that names its actor, then to a verb over a noun, then to the
    first in the text: in "a PKK attack ... in which two soldiers were killed" the attack is the
    event and the killing adds its toll.
    """
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.actor is None, c.noun, c.trigger.i)):
        target = next((o for o in out if _compatible(o, cand)), None)
        if target is None:
            out.append(cand)
        else:
            absorb(target, cand)
    out.sort(key=lambda c: c.trigger.i)
    return out


def retold(earlier: Candidate, later: Candidate) -> bool:
    """Is ``later`` (a later sentence) the same event as ``earlier``?"""
    if later.event_type not in RETOLD_TYPES or earlier.event_type != later.event_type:
        return False
    if earlier.modality != later.modality or earlier.negated != later.negated:
        return False
    if not same_actor(earlier.actor, later.actor, strict=True):
        return False
    d1, d2 = earlier.date, later.date
    if d2 is not None and d2.text and d2.value is not None:
        return d1 is not None and d1.value == d2.value
    return True
