"""Event triggers: a verb or noun that names an act, with its actor and recipient.

A verb is looked up in the CAMEO verb dictionary (verbs.py), its code refined by the patterns
matched against its frame; a control verb combines with its infinitive ("vowed to retaliate" is
a THREATEN). A noun is an event only when something marks it as a new, specific one (an owner,
a date, an agent or a light verb: "carried out a strike"). See coder.py for the whole sequence.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actor import Actor, same_mention
from transforms.events.candidate import Candidate
from transforms.events.context import Article
from transforms.events.modality import is_negated
from transforms.events.participants import (
    actor_of,
    crowd,
    noun_owner,
    rejectable,
    speaker_of,
    verb_actor,
)
from transforms.events.plover import FUTURE_AGREE_TYPES, MATERIAL_CONFLICT, to_plover
from transforms.events.recipients import noun_recipient, recipient_by_preps, recipient_of
from transforms.events.rules import praising
from transforms.events.syntax import (
    AGREE_VERBS,
    ASPECT_VERBS,
    INTENT_ADJECTIVES,
    INTENT_VERBS,
    PLAN_VERBS,
    REFUSE_VERBS,
    REQUEST_VERBS,
    bare_definite,
    frame,
    generic_plural,
    governing_verb,
    has_date,
    noun_in_scope,
    reporting_verb,
    verb_in_scope,
)
from transforms.events.vocab import (
    APPROVALS,
    CHARACTERISING_VERBS,
    COMMENTATORS,
    DIPLOMATS,
    FORCE_CHARGE_MODIFIERS,
    HOSTILE_OBJECTS,
    INDEFINITE,
    LEAVE_LEMMAS,
    LIGHT_VERBS,
    OBLIGATION_MODALS,
    OWN_FORCES,
    RETALIATION_LEMMAS,
    WARNING_VERBS,
)


def verb_candidate(ctx: Article, tok: Token, consumed: set[int]) -> Candidate | None:
    if not verb_in_scope(tok):
        return None
    hit = ctx.verbs.lookup(tok, frame(tok))
    code = hit.code if hit else None
    method = f"cameo:{hit.verb}" if hit else "control"
    if hit is not None and hit.pattern:
        method += f"[{hit.pattern}]"
    end = hit.span_end if hit else tok.i + 1
    clause = tok
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    if xcomp is not None:
        combined = _control(ctx, tok, code, xcomp)
        if combined is not None:
            code, how = combined
            method += f"+{how}"
            # All of the infinitive is spent ("to re-establish" may parse as three xcomps).
            consumed.update(c.i for c in tok.children if c.dep_ == "xcomp" or c.i == xcomp.i)
            consumed.update(c.i for c in xcomp.children if c.dep_ == "conj")
            # One event per mention: "promised to continue aid to Malawi" is the promise, not
            # also the aid (its object's event nouns are spent with the infinitive).
            if how != "aspect":
                consumed.update(t.i for c in xcomp.children if c.dep_ == "dobj" for t in c.subtree)
            if how == "aspect":
                clause = xcomp
    if tok.lemma_.lower() == "charge" and _stick_charge(tok):
        code, method = "182", method + "+force"  # a baton charge (a beating), not a legal charge
    ordered = _ordered_act(ctx, tok)
    if ordered is not None:
        code, method = ordered, method + "+order"  # "ordered patrols": the patrols
    if code is not None and _willing(tok):
        code, method = _intention(code), method + "+willing"
    if code is None and tok.lemma_.lower() in APPROVALS and is_negated(tok):
        code, method = "120", method + "+not"  # "would not approve the bid": a rejection
    if code is None and tok.lemma_.lower() == "receive" and _receives_official(ctx, tok):
        code, method = "043", method + "+host"  # "received the Iranian foreign minister"
    speech = reporting_verb(tok)
    obliged = _obliged(ctx, tok, speech)
    if obliged is not None:
        code, method = "100", method + "+must"  # "said the US must allocate more": a demand
    plover = to_plover(code)
    if plover is None:
        return None
    speaker = speaker_of(ctx, speech)
    if speaker is not None and speaker.sector in COMMENTATORS:
        return None  # an analyst's reading of events, not a report of one
    if plover.event_type == "REQUEST" and any(
        c.dep_ == "dobj" and c.lower_ in INDEFINITE for c in tok.children
    ):
        return None  # "police urged anyone with footage to come forward": an appeal
    # Who reported an injury is not who caused it: only non-violent acts borrow the speaker.
    actor = verb_actor(ctx, tok, speech, speaker if plover.event_type != "ASSAULT" else None)
    if obliged is not None:
        actor = speaker  # the speaker demands; the obliged subject is the recipient
    if actor is None and plover.event_type == "PROTEST":
        actor = crowd(ctx, tok)
    if actor is None and "+force" in method:
        # "Police lathi-charged the crowd", parsed with the stick as the subject
        sticks = [c for c in tok.children if c.dep_ == "nsubj"]
        owners = [g for c in sticks for g in c.children if g.dep_ in {"compound", "nmod"}]
        actor = next((a for a in map(lambda g: actor_of(ctx, g), owners) if a), None)
    recipient = obliged or recipient_of(ctx, clause, plover, actor)
    if recipient is None and clause is not tok:
        recipient = recipient_of(ctx, tok, plover, actor)
    if recipient is None and xcomp is not None and xcomp.i in consumed:
        # "promised to continue aid to Mozambique", "threatened to cut off power to X"
        recipient = recipient_of(ctx, xcomp, plover, actor)
    if recipient is None and plover.event_type in {"REQUEST", "ACCUSE", "REJECT"}:
        recipient = _complement_subject(ctx, tok, actor)  # "demanded that Hamas renounce"
    if tok.lemma_.lower() in CHARACTERISING_VERBS and plover.event_type == "ACCUSE":
        if recipient is None:
            return None  # "described the timeframe as inadequate": nobody is accused
        if praising(tok):  # "described the move as a historic opportunity": praise
            code = "051"
            plover = to_plover(code) or plover
    if (
        recipient is None
        and plover.event_type == "THREATEN"
        and tok.lemma_.lower() in WARNING_VERBS
        and (hit is None or hit.pattern is None)
    ):
        # "warned that the deal could fail": a forecast. "Warned of a crushing response"
        # matched a threat pattern and stands without an addressee.
        return None
    refusal = plover.event_type == "REJECT" and "+not" not in method
    if refusal and recipient is None and not rejectable(ctx, clause):
        return None  # "refused treatment": a refusal of nothing political
    return Candidate(
        trigger=tok,
        end=end,
        code=plover,
        actor=actor,
        recipient=recipient,
        clause=clause,
        noun=False,
        method=f"{method}/{code}",
        reported=speech is not None,
        speaker=speaker,
    )


def _control(ctx: Article, tok: Token, code: str | None, xcomp: Token) -> tuple[str, str] | None:
    """Combine a control verb with its infinitive: (CAMEO code, how)."""
    lemma = tok.lemma_.lower()
    inner_hit = ctx.verbs.lookup(xcomp, frame(xcomp))
    inner = inner_hit.code if inner_hit else None
    inner_plover = to_plover(inner)
    conflict = inner_plover is not None and inner_plover.event_type in (
        MATERIAL_CONFLICT | {"THREATEN", "REJECT"}
    )
    hostile = any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_OBJECTS for c in xcomp.children)
    if lemma in INTENT_VERBS:
        if lemma == "threaten" or conflict or hostile or xcomp.lemma_.lower() in RETALIATION_LEMMAS:
            assault = inner_plover is not None and inner_plover.event_type == "ASSAULT"
            return ("138" if assault else "130", "threat")
        return ("030", "intent")
    if lemma in PLAN_VERBS and inner_plover is not None:
        # "plans to impose restrictions": an announced coercive act is a THREATEN; a planned
        # meeting or aid an AGREE (PLOVER: future cooperation is an intention).
        if conflict or hostile:
            return (_intention(inner or "130"), "plan")
        if inner_plover.event_type in FUTURE_AGREE_TYPES:
            return ("030", "plan")
    if lemma == "decide" and inner is not None and inner_plover is not None:
        return (inner, "decide")  # "decided to expel the ambassador": the expulsion
    if lemma in AGREE_VERBS:
        return ("030", "agree")
    if lemma in REFUSE_VERBS:
        return ("120", "refuse")
    if lemma in {"order", "tell", "give", "instruct"} and xcomp.lemma_.lower() in LEAVE_LEMMAS:
        # "ordered the French ambassador to leave": an expulsion.
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "dative"}), None)
        diplomat = obj is not None and obj.lemma_.lower() in DIPLOMATS
        return ("166" if diplomat else "174", "expel")
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lemma == "order" and obj is not None and obj.lemma_.lower() in OWN_FORCES:
        # "ordered the army to move closer to the border": the order is the act.
        return (inner if inner is not None and inner_plover is not None else "154", "order")
    if lemma in REQUEST_VERBS and any(c.dep_ in {"dobj", "prep"} for c in tok.children):
        own = to_plover(code)
        return (
            code if own is not None and own.event_type == "REQUEST" and code else "100",
            "request",
        )
    if lemma in ASPECT_VERBS and inner is not None and lemma != "fail":
        return (inner, "aspect")
    return None


def _obliged(ctx: Article, tok: Token, speech: Token | None) -> Actor | None:
    """Whom a reported obligation binds: in "Mubarak said the US must mediate", the speaker
    demands something of the US (PLOVER REQUEST). None when the clause is not reported, has
    no "must"/"should", or binds the speaker's own side ("said it must defend itself")."""
    if speech is None or tok.dep_ != "ccomp" or tok.head.i != speech.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None  # "it must", "we should": the speaker's own duty, not a demand
    bound = actor_of(ctx, subject)
    speaker = speaker_of(ctx, speech)
    if bound is None or speaker is None or same_mention(bound, speaker):
        return None
    if bound.country and bound.country == speaker.country and bound.kind == speaker.kind:
        return None
    return bound


def _complement_subject(ctx: Article, verb: Token, actor: Actor | None) -> Actor | None:
    """The subject of a "that" clause a demand or accusation is about ("demanded that Hamas
    renounce violence", "insisted that Iraq must comply")."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        subject = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        found = actor_of(ctx, subject) if subject is not None else None
        if found is not None and not same_mention(found, actor):
            return found
    return None


def _ordered_act(ctx: Article, tok: Token) -> str | None:
    """The code of an act ordered by name ("ordered patrols by police", "ordered an
    offensive"): the order is that act, as "ordered the army to move" is."""
    if tok.lemma_.lower() not in {"order", "authorize", "authorise"}:
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        entry = ctx.nouns.lookup(obj)
        plover = to_plover(entry.code) if entry is not None else None
        if entry is not None and plover is not None:
            return entry.code
    return None


def _stick_charge(tok: Token) -> bool:
    """ "baton-charged", "lathi charged": a charge with sticks."""
    doc = tok.doc
    before = [doc[j].lower_ for j in range(max(tok.i - 2, 0), tok.i)]
    return any(w in FORCE_CHARGE_MODIFIERS for w in before) or any(
        c.lower_ in FORCE_CHARGE_MODIFIERS for c in tok.children
    )


def _willing(tok: Token) -> bool:
    """ "is ready to talk", "said it was prepared to impose": an infinitive of willingness."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.pos_ == "ADJ"
        and head.lemma_.lower() in INTENT_ADJECTIVES
        and not is_negated(head.head)
    )


def _intention(code: str) -> str:
    """The CAMEO code of an announced intention to do ``code`` (PLOVER: a threat of force,
    coercion or sanctions is a THREATEN; a future retreat a CONCEDE; any other an AGREE)."""
    plover = to_plover(code)
    etype = plover.event_type if plover else None
    if etype == "ASSAULT":
        return "138"
    if etype in MATERIAL_CONFLICT or etype in {"THREATEN", "SANCTION", "COERCE"}:
        return "130"
    if etype == "RETREAT":
        return "080"
    return "030"


# ---- noun triggers -------------------------------------------------------------------


def noun_candidate(ctx: Article, tok: Token) -> Candidate | None:
    entry = ctx.nouns.lookup(tok)
    if entry is None:
        return None
    plover = to_plover(entry.code)
    if plover is None or not noun_in_scope(tok):
        return None
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in {"round", "series", "wave", "session", "day", "days"}
        and head.head.dep_ == "dobj"
    ):
        head = head.head.head  # "held another round of border talks"
        light_object = True
    else:
        light_object = tok.dep_ == "dobj"
    light = (
        light_object
        and head.pos_ == "VERB"
        and head.lemma_.lower() in LIGHT_VERBS
        and not _coded_verb(ctx, head)
    )
    owner = noun_owner(ctx, tok)
    if owner is not None and plover.event_type == "ASSAULT":
        ctx.last_attacker = owner  # even a generic "Israeli attacks" says who attacks
    dated = has_date(tok)
    if not (light or owner is not None or dated):
        return None
    if plover.event_type == "AID" and not light:
        return None  # "US military aid to Israel" names a policy; "announced aid" an act
    if bare_definite(tok) and not (light or owner is not None or dated):
        return None
    if not dated and not light and generic_plural(tok):
        return None
    clause = head if light else governing_verb(tok)
    speech = reporting_verb(clause) if clause is not None else None
    speaker = speaker_of(ctx, speech)
    if speaker is not None and speaker.sector in COMMENTATORS:
        return None
    actor = owner
    if actor is None and light and clause is not None:
        actor = verb_actor(ctx, clause, speech, speaker)
    if actor is None and plover.event_type == "ASSAULT":
        actor = ctx.last_attacker
    recipient_hint: Actor | None = None
    if actor is None and plover.event_type in {"CONSULT", "AGREE"} and ctx.events:
        # "the talks": between the parties just reported.
        actor, recipient_hint = ctx.events[-1].actor, ctx.events[-1].recipient
    recipient = noun_recipient(ctx, tok, plover, actor)
    if recipient is None and clause is not None and (light or plover.event_type == "ASSAULT"):
        # "forewarned Russia of its strikes on Thursday against multiple targets": the
        # parser hangs the target on the verb.
        recipient = recipient_by_preps(ctx, clause, plover, actor)
    if recipient is None and light and clause is not None:
        recipient = recipient_of(ctx, clause, plover, actor)
    return Candidate(
        trigger=tok,
        end=tok.i + 1,
        code=plover,
        actor=actor,
        recipient=recipient or recipient_hint,
        clause=clause or tok,
        noun=True,
        method=f"noun:{entry.phrase.lower()}/{entry.code}",
        reported=speech is not None,
        speaker=speaker,
    )


def _receives_official(ctx: Article, verb: Token) -> bool:
    """Is the object of "received" a person holding an office (a visit hosted)?"""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    found = actor_of(ctx, obj) if obj is not None else None
    return found is not None and found.kind == "person" and found.sector in {"GOV", "IGO"}


def _coded_verb(ctx: Article, verb: Token) -> bool:
    hit = ctx.verbs.lookup(verb, frame(verb))
    return hit is not None and to_plover(hit.code) is not None


# ---- attributes ----------------------------------------------------------------------

# ---- PLOVER rewrites and filters -----------------------------------------------------

# ---- output --------------------------------------------------------------------------
