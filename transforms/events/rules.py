"""PLOVER-level rewrites and the filters an event must pass.

Rewrites follow the manual: an announced future RETREAT is a CONCEDE; a conditional or future
use of force, coercion or sanctions announced by its author is a THREATEN (dropped when someone
else predicts it); a refused concession ("the bill would not be withdrawn") is a REJECT; a
diplomatic protest by a government is an ACCUSE; cooperation promised for later (support,
meetings, visits, aid) is an AGREE; chlorine or sarin "gas" used in an attack is an ASSAULT;
a curfew or emergency against a natural disaster is no event and troops sent to its victims
are AID.

Filters: an event needs an actor that is a political entity (a state, an international body,
an actor with a sector, a person with a stated role, a named national institution); acts of
commentators, companies and the press are not PLOVER events, nor are negated verbal acts
("did not accuse"), appeals to "anyone" for witnesses, or consultations with reporters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from transforms.events.actor import Actor, same_mention
from transforms.events.candidate import Candidate
from transforms.events.context import Article
from transforms.events.merge import same_actor
from transforms.events.modality import is_future
from transforms.events.modes import CBRN_WORDS
from transforms.events.participants import agentless_passive, weapon_subject
from transforms.events.plover import FUTURE_AGREE_TYPES, VERBAL_TYPES, PloverCode, to_plover
from transforms.events.vocab import (
    APPROVING,
    CRIME_WORDS,
    DISASTER_WORDS,
    INDEFINITE,
    MEANS_VERBS,
    NON_POLITICAL,
    RECIPROCAL_TYPES,
    STATE_SECTORS,
)


def rewrite(cand: Candidate) -> Candidate | None:
    etype = cand.event_type
    if etype in {"CONCEDE", "RETREAT"} and cand.negated and is_future(cand.clause):
        return replace(cand, code=_as(cand.code, "REJECT", "120"), negated=False)
    if etype == "RETREAT" and cand.modality == "future":
        return replace(cand, code=_as(cand.code, "CONCEDE", "080"), modality="asserted")
    if etype in FUTURE_AGREE_TYPES and not cand.noun and is_future(cand.trigger):
        # PLOVER: cooperation announced for later ("France would recognise a Palestinian
        # state", "the president will visit Kenya", "Japan will send aid") is an intention,
        # AGREE (manual, AGREE and CONSULT). Conflictual acts keep their type with a
        # future modality or become a THREATEN (below).
        return replace(cand, code=_as(cand.code, "AGREE", "030"), modality="asserted")
    if (
        etype in {"ASSAULT", "COERCE", "SANCTION"}
        and cand.reported
        and cand.modality in {"future", "hypothetical"}
        and not cand.noun
    ):
        if not _own_side(cand.speaker, cand.actor):
            return None  # someone predicting another's violence: speculation, not a threat
        return replace(cand, code=_as(cand.code, "THREATEN", "130"), modality="threatened")
    if (
        etype == "PROTEST"
        and cand.actor is not None
        and (cand.actor.kind == "state" or cand.actor.sector in {"GOV", "LEG", "JUD"})
    ):
        return replace(cand, code=_as(cand.code, "ACCUSE", "111"))
    if etype == "COERCE" and _chemical_weapon(cand):
        # "used chlorine gas in an attack": not crowd control but a CBRN attack
        return replace(cand, code=_as(cand.code, "ASSAULT", "2041"))
    if etype in {"MOBILIZE", "COERCE"} and _disaster(cand):
        if etype == "COERCE":
            return None  # "a state of emergency over wildfires": no political event
        # "troops deployed to help flood victims": military disaster relief is AID
        return replace(cand, code=_as(cand.code, "AID", "073"))
    if etype == "THREATEN":
        return replace(cand, modality="threatened")
    return cand


def _ordinary_crime(cand: Candidate, actor: Actor) -> bool:
    """An attack by unnamed, non-state people in a sentence about a robbery or a theft."""
    if actor.named or actor.explicit_country or actor.sector in STATE_SECTORS:
        return False
    return any(t.lower_ in CRIME_WORDS for t in cand.trigger.sent)


SCORE_VERBS = frozenset({"beat", "defeat", "thrash", "rout", "crush", "edge", "down", "hammer"})
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\d.,%])")


def _match_result(cand: Candidate) -> bool:
    """A win by a score ("beat Barcelona 3-1", "thrashed them 4 - 0"), not a range of dates
    or of casualties ("on 12-13 May", "killing 10-12 soldiers")."""
    if cand.trigger.lemma_.lower() not in SCORE_VERBS:
        return False
    return _SCORE.search(cand.trigger.sent.text) is not None


def _chemical_weapon(cand: Candidate) -> bool:
    words_ = {t.lower_ for t in cand.trigger.sent}
    return bool(words_ & CBRN_WORDS) and "tear" not in words_ and "gas" in words_


def _disaster(cand: Candidate) -> bool:
    """Is the sentence about a natural disaster or an epidemic (and the act a response)?"""
    sent = cand.trigger.sent
    return any(
        (t.pos_ != "VERB" or t.dep_ == "compound")
        and (t.lower_ in DISASTER_WORDS or t.lemma_.lower() in DISASTER_WORDS)
        for t in sent
    )  # not verbs: police "storm" a building, troops "flood" a square


def keep(ctx: Article, cand: Candidate) -> bool:
    actor = cand.actor
    if actor is None:
        # "A roadside bomb killed four soldiers": an attack whose author is not named.
        # "Twelve protesters were arrested": an agentless report of coercion (arrests,
        # detentions, baton charges) is an event whose actor is left unknown, not invented.
        # An agentless killing with no weapon or attack named stays out: accidents,
        # disasters and ordinary crime report deaths that way too.
        if cand.event_type == "ASSAULT":
            # a baton charge is police force even when the report names no one
            return weapon_subject(ctx, cand.trigger) or "+force" in cand.method
        # An earlier event of the type makes it a retelling ("... said they had been detained").
        return (
            cand.event_type == "COERCE"
            and not cand.noun
            and agentless_passive(cand.trigger)
            and not any(e.event_type == "COERCE" for e in ctx.events)
        )
    etype = cand.event_type
    if actor.sector in NON_POLITICAL and etype != "PROTEST":
        return False
    if etype in {"ASSAULT", "COERCE"} and _ordinary_crime(cand, actor):
        return False
    if etype == "ASSAULT" and _match_result(cand):
        return False  # "Real Madrid beat Barcelona 3-1": a score, not an assault
    if not _political(actor) and not (etype == "PROTEST" and actor.plural):
        return False
    if cand.negated and etype in VERBAL_TYPES:
        return False  # "had not ruled out", "did not accuse": nothing was done
    if cand.recipient is None and etype in RECIPROCAL_TYPES:
        _split_reciprocal(cand)
    if cand.recipient is not None and same_mention(cand.recipient, actor):
        cand.recipient = None
    recipient = cand.recipient
    if cand.event_type == "REQUEST" and recipient is not None:
        head = ctx.doc[recipient.head]
        if head.lower_ in INDEFINITE or head.lemma_.lower() in INDEFINITE:
            return False
    return not (
        cand.event_type == "CONSULT" and recipient is not None and recipient.sector == "MED"
    )


def _as(code: PloverCode, etype: str, cameo: str) -> PloverCode:
    plover = to_plover(cameo)
    mode = plover.mode if plover else None
    context = code.context or (plover.context if plover else None)
    return PloverCode(etype, mode, context, cameo)


def _own_side(speaker: Actor | None, actor: Actor | None) -> bool:
    """Does the speaker announce its own side's action ("Minsk would mirror any measures")?"""
    if speaker is None or actor is None:
        return False
    if same_actor(speaker, actor, strict=True):
        return True
    return bool(
        speaker.country
        and speaker.country == actor.country
        and actor.kind == "state"
        and speaker.sector in {"GOV", "MIL"}
    )


def praising(verb: Token) -> bool:
    """Does "described X as Y" praise X? Y holds an approving word."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "prep" and child.lower_ == "as":
            return any(t.lemma_.lower() in APPROVING for t in child.subtree)
    return False


def _political(actor: Actor) -> bool:
    """A state, an international body, or an actor with a sector; people need a stated role.

    Unknown companies and people mentioned only by name ("trade unionist Ales Barysevich")
    are not the actors of PLOVER events.
    """
    if actor.kind in {"state", "group"} or actor.international or actor.sector:
        return True
    if actor.kind == "person":
        return actor.role
    # A named body of a stated nation ("the U.S. Treasury"): an institution.
    return actor.named and actor.national


def _split_reciprocal(cand: Candidate) -> None:
    """ "The government and the Houthi movement agreed": one side each, not a joint actor."""
    actor = cand.actor
    if actor is None or " and " not in actor.text or actor.parts is None:
        return
    first, second = actor.parts[0], actor.parts[1]
    cand.actor, cand.recipient = first, second


def drop_means(cands: list[Candidate]) -> list[Candidate]:
    """Drop a means-verb event when the same actor does something else in the sentence."""
    out = []
    for cand in cands:
        means = cand.trigger.lemma_.lower() in MEANS_VERBS
        others = [
            c for c in cands if c is not cand and same_actor(c.actor, cand.actor, strict=True)
        ]
        if means and others:
            continue
        out.append(cand)
    return out
