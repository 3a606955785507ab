"""When, where, how many: the date, place and casualties of a candidate event.

The date is the time expression of the event's own clause, else of the clauses governing it
(a reported event takes the report's date when it has none of its own); a verbal act with only
a vague expression of its own ("would postpone until after the summer") takes its report's
date. The place is the first locative phrase naming a gazetteer place on the trigger, its
object or its clause. Casualties go to the nearest violent event of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actor import Actor
from transforms.events.candidate import Candidate
from transforms.events.casualties import Casualty
from transforms.events.codes import country_name
from transforms.events.coding import patron
from transforms.events.context import Article
from transforms.events.dates import ResolvedDate, TimeExpression, fallback, resolve
from transforms.events.modality import is_future, is_negated, modality
from transforms.events.places import Place, gazetteer, with_division
from transforms.events.plover import VERBAL_TYPES
from transforms.events.syntax import ancestor_distance, is_time, phrase_text, pobj_of, tree_distance
from transforms.events.vocab import CHAIN_DEPS, LOCATIVE_PREPS


def attach_attributes(ctx: Article, cand: Candidate, expressions: list[TimeExpression]) -> None:
    verb = cand.clause if cand.noun else cand.trigger
    is_verb = verb.pos_ in {"VERB", "AUX"}
    if cand.noun:
        cand.negated = any(c.dep_ == "det" and c.lower_ == "no" for c in cand.trigger.children)
        cand.negated = cand.negated or (
            is_verb
            and verb is not cand.trigger
            and cand.trigger.dep_ == "dobj"
            and is_negated(verb)
        )
    else:
        # A refusal made from a negated approval has spent its negation.
        cand.negated = is_negated(cand.trigger) and "+not" not in cand.method
    verbal = cand.event_type in VERBAL_TYPES
    cand.modality = modality(verb, verbal=verbal) if is_verb else "asserted"
    forward = is_verb and is_future(verb)
    cand.date = _date(ctx, cand, expressions, forward=forward)
    cand.place_text, cand.place = _locate(ctx, cand)
    bare = cand.recipient is None or not (
        cand.recipient.country or cand.recipient.sector or cand.recipient.kind != "generic"
    )  # nobody, or a thing ("a curfew", "weapons")
    if bare and cand.place is not None and cand.event_type not in PLACELESS:
        cand.recipient = _place_target(cand) or cand.recipient
    location_country = cand.place.country if cand.place else _sentence_country(ctx, cand)
    if cand.actor is not None:
        cand.actor = _fallback(ctx, cand.actor, location_country)
    recipient = cand.recipient
    # A target that is not an actor ("hideouts", "a border post") keeps only what was said.
    if recipient is not None and (recipient.kind != "generic" or recipient.sector):
        cand.recipient = _fallback(ctx, recipient, location_country)


#: Types whose place is only where the parties met, never whom the act was aimed at.
PLACELESS = frozenset({"CONSULT", "COOPERATE", "MOBILIZE"})


def _place_target(cand: Candidate) -> Actor | None:
    """A place as the target: PLOVER codes an act in a place with no other recipient as aimed
    at the place's country ("a bombing in Kandahar" targets Afghanistan; "imposed a curfew in
    Mombasa", Kenya). Meetings are not aimed at their venue. The actor's own capital is not
    a target of its own acts abroad."""
    place = cand.place
    if place is None or not cand.place_text:
        return None
    head = cand.trigger
    return Actor(
        text=cand.place_text,
        canonical=country_name(place.country) if place.kind == "country" else cand.place_text,
        country=place.country,
        sector=None,
        kind="generic",  # a place, not an actor: any actor found for the event beats it
        head=head.i,
        start=head.i,
        end=head.i + 1,
        explicit_country=True,
    )


def _fallback(ctx: Article, actor: Actor, location: str | None) -> Actor:
    """The article's or the place's country for an actor of unknown nationality, except for a
    proxy: a group described as backed by a patron ("fighters of the Iran-backed militias",
    "Russian-backed separatists") belongs neither to its patron nor, necessarily, to the
    article's main country (in "the US struck Iran-backed militias" that is its attacker's),
    so it keeps no country rather than take its opponent's."""
    if actor.country is None:
        head = ctx.doc[actor.head]
        if any(patron(t) for t in ctx.doc[head.left_edge.i : head.right_edge.i + 1]):
            return actor
    return ctx.memory.with_fallback_country(actor, location)


def _date(
    ctx: Article, cand: Candidate, expressions: list[TimeExpression], *, forward: bool
) -> ResolvedDate:
    chain = _clause_chain(cand)
    verbal = cand.event_type in VERBAL_TYPES
    for rank, root in enumerate(chain):
        best: tuple[int, TimeExpression] | None = None
        for expr in expressions:
            dist = ancestor_distance(expr.anchor, root)
            if dist is not None and (best is None or dist < best[0]):
                best = (dist, expr)
        if best is None:
            continue
        resolved = resolve(best[1].text, ctx.published, forward=forward and rank == 0)
        # A verbal act is dated by when it was made: "said early on Tuesday it would postpone
        # the reading until after the summer" is Tuesday's concession.
        if verbal and resolved.value is None and rank + 1 < len(chain):
            continue
        return resolved
    return fallback(ctx.published)


def _locate(ctx: Article, cand: Candidate) -> tuple[str | None, Place | None]:
    roots = [cand.trigger]
    if cand.clause is not cand.trigger:
        roots.append(cand.clause)
    for root in roots:
        found = _locative(ctx, root, depth=0)
        if found is not None:
            return found
    return None, None


def _locative(ctx: Article, tok: Token, depth: int) -> tuple[str, Place | None] | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            pobj = pobj_of(child)
            if pobj is None or is_time(pobj):
                continue
            place = _geocode(ctx, pobj)
            if place is not None or pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                return phrase_text(pobj), place
        if depth < 2 and child.dep_ in {"dobj", "pobj", "prep", "nsubjpass"}:
            found = _locative(ctx, child, depth + 1)
            if found is not None:
                return found
    return None


def _sentence_country(ctx: Article, cand: Candidate) -> str | None:
    """The country of the only place named in the sentence, for actors of unknown
    nationality ("... through central Tehran ..., and police detained dozens")."""
    sent = cand.trigger.sent
    found = {
        place.country
        for ent in ctx.layout.entities_in(sent)
        if ent.label_ in {"GPE", "LOC"}
        for place in [gazetteer().lookup(ent.text, ctx.memory.mentioned_countries)]
        if place is not None
    }
    return found.pop() if len(found) == 1 else None


def _geocode(ctx: Article, head: Token) -> Place | None:
    prefer = ctx.memory.mentioned_countries
    best: Place | None = None
    for ent in ctx.layout.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC", "ORG"}:
            continue
        if not (head.left_edge.i <= ent.start and ent.end <= head.right_edge.i + 1):
            continue
        place = gazetteer().lookup(with_division(ent), prefer)
        if place is None:
            continue
        if best is None or (best.kind == "country" and place.kind != "country"):
            best = place
    return best


def assign_casualties(cands: list[Candidate], casualties: list[Casualty]) -> None:
    violent = [c for c in cands if c.event_type in {"ASSAULT", "COERCE"}]
    for cas in casualties:
        near = [(tree_distance(c.trigger, cas.cue), c) for c in violent]
        near = [(d, c) for d, c in near if d <= 4 or c.trigger.i == cas.cue.i]
        if near:
            min(near, key=lambda dc: dc[0])[1].casualties.append(cas)


def _clause_chain(cand: Candidate) -> list[Token]:
    """The event's own clause, then the clauses governing it (for its time expression).

    A relative clause on a date ("late on Monday when police fired") leads to that date.
    """
    chain = [cand.trigger]
    if cand.clause is not cand.trigger:
        chain.append(cand.clause)
    cur = chain[-1]
    for _ in range(6):
        temporal = cur.dep_ == "relcl" and is_time(cur.head)
        if cur.head.i == cur.i or not (temporal or cur.dep_ in CHAIN_DEPS):
            break
        cur = cur.head
        chain.append(cur)
    return chain
