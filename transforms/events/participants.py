"""Who did it: the actor of a candidate event (recipients are in recipients.py).

The actor is the subject (inherited through coordination, control and participles), the "by"
agent of a passive, the owner of an event noun ("Turkish air strikes"), or, for an agentless
passive in reported speech, the speaker ("the interior ministry said 63 people had been
detained"), unless the passive subject is the speaker's own side, or the owner of the force a
passive names ("killed in police firing"). An agentless passive with none of these has no actor.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from transforms.events.actor import Actor, combine, conjuncts
from transforms.events.coding import code_phrase
from transforms.events.context import Article
from transforms.events.phrases import np_tokens
from transforms.events.plover import to_plover
from transforms.events.syntax import (
    agent_of,
    is_passive,
    is_time,
    pobj_of,
    subject_candidates,
    words,
)
from transforms.events.vocab import (
    ACT_NOUNS,
    INSTITUTIONAL,
    NON_POLITICAL,
    REJECTABLE,
    WEAPON_NOUNS,
)

#: Prepositions that introduce the means of a passive act ("killed in police firing").
MEANS_PREPS = words("in during by after")
#: Nouns of the use of force that are not in the event-noun lexicon.
FORCE_NOUNS = words("firing fire shooting crackdown raid raids action charge operation")


def speaker_of(ctx: Article, speech: Token | None) -> Actor | None:
    if speech is None:
        return None
    for subj in subject_candidates(speech):
        found = actor_of(ctx, subj)
        if found is not None:
            return found
    return None


def verb_actor(
    ctx: Article, tok: Token, speech: Token | None, speaker: Actor | None
) -> Actor | None:
    if is_passive(tok):
        agent = agent_of(tok)
        if agent is not None:
            return actor_of(ctx, agent)
        means = means_owner(ctx, tok)
        if means is not None:
            return means  # "two were killed in police firing": the police fired
        # "The interior ministry said 63 people had been detained": the speaker acted. Not
        # when the passive subject is the speaker's own side ("Baghdad had not been
        # consulted", says Baghdad's spokesman): then someone else did it.
        if speaker is not None and (
            speaker.kind in {"state", "organisation"}
            or (speaker.sector in INSTITUTIONAL and speaker.kind != "person")
            or (speaker.kind == "person" and speaker.sector not in NON_POLITICAL)
        ):
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            own = actor_of(ctx, patient) if patient is not None else None
            if own is None or not (own.country and own.country == speaker.country):
                return speaker
        return None
    for subj in subject_candidates(tok):
        found = actor_of(ctx, subj)
        if found is not None:
            return found
        # "Turkish air strikes kill 11 militants": the strikes' owner is the attacker.
        if subj.lemma_.lower() in WEAPON_NOUNS or ctx.nouns.lookup(subj) is not None:
            owner = noun_owner(ctx, subj)
            if owner is not None:
                return owner
    return None


def means_owner(ctx: Article, verb: Token) -> Actor | None:
    """The owner of the attack or force a passive verb reports its patients suffered ("killed
    in police firing", "injured during an army raid", "wounded in Israeli air strikes")."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in MEANS_PREPS:
            continue
        pobj = pobj_of(child)
        if pobj is None:
            continue
        if any(c.dep_ == "acl" and c.lower_ in FORCE_NOUNS for c in pobj.children):
            # "in police firing" read as "police" with a participle: the police fired
            found = actor_of(ctx, pobj)
            if found is not None and found.sector in {"COP", "MIL", "REB", "SPY"}:
                return found
        if not (_weapon(ctx, pobj) or pobj.lemma_.lower() in FORCE_NOUNS):
            continue
        owner = noun_owner(ctx, pobj)
        if owner is not None:
            return owner
        for mod in pobj.children:  # "police firing", "army shelling": an agent noun
            if mod.dep_ in {"compound", "nmod", "amod"}:
                found = actor_of(ctx, mod)
                if found is not None and found.sector in {"COP", "MIL", "REB", "SPY"}:
                    return found
    return None


def agentless_passive(verb: Token) -> bool:
    """ "Twelve people were arrested": a passive report naming no agent."""
    return is_passive(verb) and agent_of(verb) is None


def weapon_subject(ctx: Article, verb: Token) -> bool:
    """Is the attack's author a weapon or an attack ("a car bomb killed", "two officers
    were killed when a bomb exploded", "killed in an air strike")?"""
    for subj in subject_candidates(verb):
        if subj.lemma_.lower() in WEAPON_NOUNS or ctx.nouns.lookup(subj) is not None:
            return True
    if not is_passive(verb):
        return False
    for child in verb.children:
        # "killed in an air strike", "wounded by a roadside bomb"
        if child.dep_ in {"prep", "agent"}:
            pobj = pobj_of(child)
            if pobj is not None and _weapon(ctx, pobj):
                return True
        # "killed when a bomb exploded"
        if child.dep_ == "advcl" and any(
            g.dep_ == "nsubj" and _weapon(ctx, g) for g in child.children
        ):
            return True
    return False


def _weapon(ctx: Article, tok: Token) -> bool:
    return tok.lemma_.lower() in WEAPON_NOUNS or (
        (entry := ctx.nouns.lookup(tok)) is not None
        and (plover := to_plover(entry.code)) is not None
        and plover.event_type == "ASSAULT"
    )


def rejectable(ctx: Article, verb: Token) -> bool:
    """A rejection needs something political rejected: a proposal, a demand, a bill."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return True  # "refused to", "rejected outright": the complement says what
    return any(
        o.lemma_.lower() in REJECTABLE or o.lower_ in ACT_NOUNS or actor_of(ctx, o) for o in objects
    )


def crowd(ctx: Article, tok: Token) -> Actor | None:
    """Protesters need no dictionary entry: "about 900 ground handlers walked out"."""
    for subj in subject_candidates(tok):
        if subj.tag_ == "NNS" and subj.pos_ == "NOUN":
            return code_phrase(np_tokens(subj), subj, ctx.published)
    return None


def actor_of(ctx: Article, head: Token) -> Actor | None:
    if is_time(head):
        return None
    heads = conjuncts(head)
    found = [a for a in (ctx.memory.actor(h) for h in heads) if a is not None]
    if not found:
        return None
    # "Houthi spokesman and chief negotiator Yahya al-Hamdani": one person with two roles.
    people = [a for a in found if a.kind == "person"]
    if (
        len(people) == 1
        and len(found) > 1
        and all(a.kind == "person" or not a.named for a in found)
    ):
        person = people[0]
        roles = [a for a in found if a is not person]
        return replace(
            person,
            country=person.country or next((a.country for a in roles if a.country), None),
            sector=person.sector or next((a.sector for a in roles if a.sector), None),
            role=True,
            text=ctx.doc[min(a.start for a in found) : max(a.end for a in found)].text,
        )
    return combine(found)


def noun_owner(ctx: Article, tok: Token) -> Actor | None:
    for child in tok.children:
        if is_time(child) or child.like_num:
            continue
        if child.dep_ == "poss" or (
            child.dep_ in {"compound", "amod", "nmod"}
            and (child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN")
        ):
            found = actor_of(ctx, child)
            if found is not None:
                return found
    # "air strikes launched by the US", "an attack by gunmen"
    for child in tok.children:
        if child.dep_ == "acl":
            agent = agent_of(child)
            if agent is not None:
                return actor_of(ctx, agent)
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = pobj_of(child)
            if pobj is not None:
                return actor_of(ctx, pobj)
    return None
