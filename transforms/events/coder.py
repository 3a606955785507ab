"""Per-sentence PLOVER coding over the shared dependency parse, in the PETRARCH manner.

For each sentence in reading order:

1. Triggers. A verb is looked up in the CAMEO verb dictionary, its code refined by the patterns
   matched against its subject, objects and prepositional phrases (verbs.py). A noun is looked
   up among the event nouns (nouns.py) and kept only when something marks it as a new, specific
   event: an owner ("its strikes", "a PKK attack", "Israeli raids"), a date ("an April 9
   strike"), an agent ("strikes launched by the US") or a light verb ("carried out a strike").
   A bare definite "the strikes" refers back to an event already reported and is not re-coded.
2. Control verbs combine with their infinitive, as PETRARCH's verb combinations do: "vowed to
   retaliate" is a THREATEN, "agreed to extend a truce" an AGREE, "urged X to free" a REQUEST,
   "refused to" a REJECT, "began joint patrols" the patrols.
3. Scope. Triggers inside direct quotes, relative clauses ("the PKK, which has waged an
   insurgency since 1984"), complements of nouns ("reports that civilians had been wounded"),
   purpose infinitives, "accused X of doing" complements and habitual or present-tense states
   are not events (scope.py, syntax.py). Neither is what a commentator (an analyst, an expert)
   says a party did: that is analysis, not a report of an event. Time markers of history
   ("in 1983", "two years ago") make background of their own clause only. Inside a direct
   quote, only the speaker's own performative words are coded ("We condemn ...": quoted.py).
4. Participants. The actor is the subject, inherited through coordination, control and
   participial clauses, or the "by" agent of a passive. An agentless passive in reported speech
   ("the interior ministry said 63 people had been detained") takes the speaker as actor. The
   recipient is the object (or the passive subject), a prepositional object (against/on/with/
   to), or, when the object is an act ("condemned the strikes", "rejected the French demand"),
   whoever performed that act (participants.py). Who pronouns, surnames and descriptions are
   comes from the language layer's mention table, coded by memory.Memory.
5. Date, place, casualties, polarity and modality are attached (attributes.py, with dates.py,
   places.py, casualties.py, modality.py); several mentions of one event are folded (merge.py).
6. PLOVER-level rewrites and filters (rules.py): an announced future RETREAT is a CONCEDE, a
   refused concession a REJECT, a government's protest an ACCUSE, future cooperation
   (meetings, visits, aid) an AGREE as the PLOVER manual says (not the devset README's
   "CONSULT with modality future"); measures against natural disasters are no coercion; an
   event needs a political actor, except agentless reports of coercion ("twelve people were
   arrested"), kept with no actor. Finished candidates become ``EventRecord`` rows (records.py).

Each step is a function of an explicit per-article context (``context.Article``); this module
is the driver, the triggers are in triggers.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from transforms.events.attributes import assign_casualties, attach_attributes
from transforms.events.candidate import Candidate
from transforms.events.casualties import find_casualties
from transforms.events.context import Article, read_article
from transforms.events.dates import time_expressions
from transforms.events.merge import absorb, merge_sentence, retold
from transforms.events.quoted import quoted_act
from transforms.events.records import to_record
from transforms.events.rules import drop_means, keep, rewrite
from transforms.events.scope import (
    background_clauses,
    discards,
    in_spans,
    is_boilerplate,
    story_discarded,
)
from transforms.events.triggers import noun_candidate, verb_candidate
from transforms.model import EventRecord

#: The parts of speech a trigger can have (a quoted act is a verb too).
_TRIGGER_POS = frozenset({"VERB", "NOUN"})
#: What ``_remember`` notes: nouns and names that start a named entity or fill an actor's role.
_ACTOR_POS = frozenset({"NOUN", "PROPN"})
_NAMED_STARTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative"})


def code_events(doc: Doc) -> list[EventRecord]:
    """Every PLOVER event of a ``Doc`` the language layer and the quote stage have read."""
    ctx = read_article(doc)
    if story_discarded(ctx.layout, ctx.sentences):
        return []
    sentence_discards = discards()
    for index, sent in enumerate(ctx.sentences):
        text = ctx.text[sent.start_char : sent.end_char]  # ``sent.text``, without its Tokens
        if not (is_boilerplate(sent, ctx.layout) or sentence_discards.sentence_hit(text)):
            for cand in _code_sentence(ctx, sent, index):
                earlier = next((e for e in reversed(ctx.events) if retold(e, cand)), None)
                if earlier is not None and earlier.sentence != index:
                    absorb(earlier, cand)
                else:
                    ctx.events.append(cand)
        _remember(ctx, sent)
    return [to_record(ctx, c) for c in ctx.events]


def _code_sentence(ctx: Article, sent: Span, index: int) -> list[Candidate]:
    """The events of one sentence: triggers, their attributes, one candidate per event, the
    PLOVER rewrites and filters, the casualties."""
    consumed: set[int] = set()
    candidates: list[Candidate] = []
    doc, pos, starts = ctx.doc, ctx.layout.pos, ctx.layout.token_starts
    # Only verbs and nouns can be triggers (a quoted act too is a verb): the layout's per-token
    # columns pick them without building a Token for every word of the sentence.
    for i in range(sent.start, sent.end):
        if i in consumed or pos[i] not in _TRIGGER_POS:
            continue
        tok = doc[i]
        cand: Candidate | None = None
        if in_spans(starts[i], ctx.direct):
            cand = quoted_act(ctx, tok)  # "We condemn ...": the words are the act
        elif pos[i] == "VERB":
            cand = verb_candidate(ctx, tok, consumed)
        else:
            cand = noun_candidate(ctx, tok)
        if cand is not None:
            cand.sentence = index
            candidates.append(cand)
    if not candidates:
        return []
    year = ctx.published.year if ctx.published else None
    background = background_clauses(sent, year)
    if background:
        candidates = [c for c in candidates if not _in_background(c, background)]
    expressions = time_expressions(sent)
    for cand in candidates:
        attach_attributes(ctx, cand, expressions)
    kept: list[Candidate] = []
    for cand in merge_sentence(candidates):
        rewritten = rewrite(cand)
        if rewritten is not None and keep(ctx, rewritten):
            kept.append(rewritten)
    kept = drop_means(kept)
    assign_casualties(kept, find_casualties(sent))
    for cand in kept:
        if cand.event_type == "ASSAULT" and cand.actor is not None:
            ctx.last_attacker = cand.actor
    return kept


def _in_background(cand: Candidate, verbs: set[int]) -> bool:
    """Is the event's own clause dated to history ("invaded in 1983", "two years ago")?"""
    own = cand.clause if cand.noun else cand.trigger
    return own.i in verbs or cand.trigger.i in verbs


def _remember(ctx: Article, sent: Span) -> None:
    """Note the sentence's coded actors: the parties "the two sides" and "the bloc" refer back
    to, and the countries the gazetteer prefers among homonymous places."""
    layout = ctx.layout  # per-token columns: no Token is built for the words skipped
    for i in range(sent.start, sent.end):
        if layout.pos[i] not in _ACTOR_POS:
            continue
        named_start = layout.ent_types[i] in _NAMED_STARTS and layout.ent_iobs[i] == "B"
        dep = layout.deps[i]
        if not (named_start or dep in _ACTOR_DEPS):
            continue
        tok = ctx.doc[i]
        head = tok.head if named_start and dep == "compound" else tok
        actor = ctx.memory.actor(head)
        if actor is not None:
            ctx.memory.remember(actor)
