"""To whom: the recipient of a candidate event.

The recipient is the object or passive subject, a prepositional object (by event type:
against/on/with/to, then any preposition of address), the owner or nation of a thing acted on
("Georgia's bid", "an Australian ultimatum"), the author of an act reacted to ("condemned the
strikes", "dismissed an appeal from the president"), the target of a purpose clause ("fired
tear gas to disperse protesters"), or, for material conflict, a non-actor target ("hideouts in
northern Iraq"). Who the actor is, is participants.py's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

from transforms.events.actor import Actor, same_mention
from transforms.events.context import Article
from transforms.events.participants import actor_of
from transforms.events.places import gazetteer
from transforms.events.plover import VERBAL_TYPES, PloverCode, to_plover
from transforms.events.syntax import (
    bare_definite,
    is_passive,
    is_time,
    misparsed_object,
    phrase_text,
    pobj_of,
    words,
)
from transforms.events.vocab import ACT_NOUNS, ACT_TYPES, INSTRUMENT_VERBS, RECIPIENT_PREPS

#: Prepositions whose object is the addressee or beneficiary of any kind of act.
ADDRESS_PREPS = words("to for with against toward towards between on")


def recipient_of(ctx: Article, tok: Token, plover: PloverCode, actor: Actor | None) -> Actor | None:
    etype = plover.event_type
    passive = is_passive(tok)
    objects = [
        c
        for c in tok.children
        if (c.dep_ == "dative" or c.dep_ == ("nsubjpass" if passive else "dobj")) and not is_time(c)
    ]
    objects.sort(key=lambda t: (t.dep_ != "dative", t.i))
    holders = list(objects)  # "launched missiles at Israel": the object's preps still count
    if tok.lemma_.lower() in INSTRUMENT_VERBS:
        objects = []  # "fired tear gas": what is fired is not whom it is fired at
    deferred: Actor | None = None  # a thing coerced ("a curfew", "weapons"): the last resort
    for obj in objects:
        if obj.lower_ in ACT_NOUNS or obj.lemma_.lower() in ACT_NOUNS or ctx.nouns.lookup(obj):
            performer = _performer(ctx, obj, actor)
            if performer is not None:
                return performer
            continue
        found = actor_of(ctx, obj)
        if found is not None and not same_mention(found, actor):
            return found
        # "backed Georgia's bid", "rejected Serbia's proposal": the owner of the thing
        owner = _owner(ctx, obj, actor)
        if owner is not None:
            return owner
        if etype == "ASSAULT" and obj.pos_ in {"NOUN", "PROPN"}:
            return _target(ctx, obj)
        if etype == "COERCE" and obj.pos_ in {"NOUN", "PROPN"} and deferred is None:
            deferred = _target(ctx, obj)
    preps = RECIPIENT_PREPS.get(etype, ())
    # "imposed sanctions on X": the preposition may hang from the object.
    prep_holders = [tok, *holders]
    misparsed = misparsed_object(tok)
    if misparsed is not None:
        prep_holders.append(misparsed)
    candidates = [c for holder in prep_holders for c in holder.children]
    for pobj in _objects_of(candidates, preps):
        found = actor_of(ctx, pobj)
        if found is not None and not same_mention(found, actor):
            return found
        if etype in {"ASSAULT", "COERCE", "SANCTION"}:
            return _target(ctx, pobj)
    # Any type: a political actor behind a preposition of address or transfer ("suspended
    # aid to Mali", "pledged support for the Kurds", "mediation between Qatar and Egypt").
    # "dismissed an appeal from the president", "rejected the offer by Kyiv": its author
    for obj in holders:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                source = pobj_of(child)
                author = actor_of(ctx, source) if source is not None else None
                if author is not None and not same_mention(author, actor) and etype in VERBAL_TYPES:
                    return author
    for pobj in _objects_of(candidates, ADDRESS_PREPS):
        found = actor_of(ctx, pobj)
        if found is not None and not same_mention(found, actor) and _political_side(found):
            return found
        owner = _owner(ctx, pobj, actor) if found is None else None
        if owner is not None:
            return owner  # "pledged support for Georgia's bid"
        if found is None:  # "called for sanctions against Nigeria": one level down
            for inner in pobj.children:
                if inner.dep_ == "prep" and inner.lower_ in {"against", "on", "to"}:
                    target = pobj_of(inner)
                    deeper = actor_of(ctx, target) if target is not None else None
                    if deeper is not None and not same_mention(deeper, actor):
                        return deeper
    if deferred is not None:
        return deferred
    # "fired tear gas to disperse thousands of protesters": the purpose names the target.
    for child in tok.children:
        if child.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in child.children):
            for obj in child.children:
                if obj.dep_ == "dobj":
                    found = actor_of(ctx, obj)
                    if found is not None and not same_mention(found, actor):
                        return found
    return None


def recipient_by_preps(
    ctx: Article, verb: Token, plover: PloverCode, actor: Actor | None
) -> Actor | None:
    """A recipient in a prepositional phrase of ``verb`` (against/on/with...)."""
    return _prep_recipient(ctx, verb, RECIPIENT_PREPS.get(plover.event_type, ()), plover, actor)


def _prep_recipient(
    ctx: Article, head: Token, preps: Collection[str], plover: PloverCode, actor: Actor | None
) -> Actor | None:
    """The first actor (or, for material conflict, target) behind one of ``preps``."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        pobj = pobj_of(child)
        if pobj is None or is_time(pobj):
            continue
        found = actor_of(ctx, pobj)
        if found is not None and not same_mention(found, actor):
            return found
        if plover.event_type in {"ASSAULT", "COERCE", "SANCTION"}:
            return _target(ctx, pobj)
    return None


def _owner(ctx: Article, thing: Token, actor: Actor | None) -> Actor | None:
    """The possessor or nation of a thing acted upon ("Georgia's bid", "the rebels' proposal",
    "an Australian ultimatum", "German goods"), when it is a political actor other than the
    event's own."""
    for child in thing.children:
        national = child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}
        if not (child.dep_ == "poss" or national) or is_time(child):
            continue
        found = actor_of(ctx, child)
        if found is None or same_mention(found, actor) or not _political_side(found):
            continue
        own = actor is not None and found.country == actor.country and found.kind == actor.kind
        if not (own and found.country):
            return found
    return None


def _political_side(found: Actor) -> bool:
    """A state, an international body, or an actor with a country or a sector."""
    return found.kind == "state" or found.international or bool(found.country or found.sector)


def _target(ctx: Article, head: Token) -> Actor:
    """A non-actor target ("multiple targets in Syria"): its text and any country named."""
    tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ not in {"relcl", "acl"}]
    text = phrase_text(head)
    country = None
    for ent in ctx.layout.ents:
        if ent.label_ in {"GPE", "NORP"} and head.left_edge.i <= ent.start < head.right_edge.i + 1:
            place = gazetteer().lookup(ent.text, ctx.memory.mentioned_countries)
            if place is not None:
                country = place.country
                break
    return Actor(
        text=text,
        canonical=text,
        country=country,
        sector=None,
        kind="generic",
        head=head.i,
        start=tokens[0].i,
        end=tokens[-1].i + 1,
        explicit_country=country is not None,
    )


def _performer(ctx: Article, act: Token, actor: Actor | None) -> Actor | None:
    """Who performed the act a reaction is about: "the EU's decision" -> the EU."""
    for child in act.children:
        if (
            child.dep_ in {"poss", "compound", "amod"}
            and not is_time(child)
            and (child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in {"NORP", "GPE", "ORG"})
        ):
            found = actor_of(ctx, child)
            if found is not None and not same_mention(found, actor):
                return found
    if not bare_definite(act):
        return None  # "its operations", "offensive operations": no earlier act to point at
    wanted = ACT_TYPES.get(act.lemma_.lower())
    if wanted is None:
        entry = ctx.nouns.lookup(act)
        plover = to_plover(entry.code) if entry else None
        wanted = (plover.event_type,) if plover else None
    for cand in reversed(ctx.events):
        if cand.actor is None or same_mention(cand.actor, actor):
            continue
        if wanted is None or cand.event_type in wanted:
            return cand.actor
    return None


def noun_recipient(
    ctx: Article, tok: Token, plover: PloverCode, actor: Actor | None
) -> Actor | None:
    preps = RECIPIENT_PREPS.get(plover.event_type, ())
    if plover.event_type == "COERCE":
        preps = (*preps, "of")  # "the arrest of two journalists"
    found = _prep_recipient(ctx, tok, preps, plover, actor)
    if found is not None:
        return found
    # "a strike that killed seven Iranian personnel": the victims of a relative clause.
    for child in tok.children:
        if child.dep_ != "relcl":
            continue
        for obj in child.children:
            if obj.dep_ in {"dobj", "nsubjpass"}:
                found = actor_of(ctx, obj)
                if found is not None and not same_mention(found, actor):
                    return found
    return None


def _objects_of(preps: list[Token], words: Collection[str]) -> Iterator[Token]:
    """The objects of those of ``preps`` (prepositions and datives) spelled as one of
    ``words``, leaving out times ("on Monday" names no recipient)."""
    for child in preps:
        if child.dep_ not in {"prep", "dative"} or child.lower_ not in words:
            continue
        pobj = pobj_of(child)
        if pobj is not None and not is_time(pobj):
            yield pobj
