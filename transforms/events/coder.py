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
   says a party did: that is analysis, not a report of an event.
4. Participants. The actor is the subject, inherited through coordination, control and
   participial clauses, or the "by" agent of a passive. An agentless passive in reported speech
   ("the interior ministry said 63 people had been detained") takes the speaker as actor. The
   recipient is the object (or the passive subject), a prepositional object (against/on/with/
   to), or, when the object is an act ("condemned the strikes", "rejected the French demand"),
   whoever performed that act (participants.py). Pronouns and nominals are resolved by
   mentions.Memory.
5. Date, place, casualties, polarity and modality are attached (attributes.py, with dates.py,
   places.py, casualties.py, modality.py); several mentions of one event are folded (merge.py).
6. PLOVER-level rewrites and filters (rules.py): an announced future RETREAT is a CONCEDE, a
   refused concession a REJECT, a government's protest an ACCUSE; an event needs a political
   actor. Finished candidates become ``EventRecord`` rows (records.py).

This module holds the driver and the triggers; the other steps are mixins over the shared
``state.CoderState``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.actor import Actor
from transforms.events.attributes import Attributes
from transforms.events.candidate import Candidate
from transforms.events.casualties import find_casualties
from transforms.events.dates import time_expressions
from transforms.events.memory import Memory
from transforms.events.merge import absorb, merge_sentence, retold
from transforms.events.modality import is_negated
from transforms.events.nouns import noun_lexicon
from transforms.events.participants import Participants
from transforms.events.plover import MATERIAL_CONFLICT, to_plover
from transforms.events.records import Records
from transforms.events.rules import PloverRules, drop_means, praising
from transforms.events.scope import (
    direct_quote_spans,
    discards,
    in_spans,
    is_boilerplate,
    story_discarded,
)
from transforms.events.syntax import (
    AGREE_VERBS,
    ASPECT_VERBS,
    INTENT_VERBS,
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
from transforms.events.verbs import verb_dictionary
from transforms.events.vocab import (
    APPROVALS,
    CHARACTERISING_VERBS,
    COMMENTATORS,
    DIPLOMATS,
    HOSTILE_OBJECTS,
    INDEFINITE,
    LEAVE_LEMMAS,
    LIGHT_VERBS,
    OWN_FORCES,
    RETALIATION_LEMMAS,
    WARNING_VERBS,
)
from transforms.model import EventRecord, QuoteRecord
from transforms.nlp.layout import DocLayout


class Coder(Participants, Attributes, PloverRules, Records):
    """Codes the events of one parsed article."""

    def __init__(self, doc: Doc) -> None:
        quotes: list[QuoteRecord] = doc._.quotes
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.doc_id: str = doc._.doc_id or ""
        self.published: date | None = doc._.published
        self.quotes = [q for q in quotes if q.quote_type in {"indirect", "mixed"}]
        self.sentences = list(doc.sents)
        self.layout: DocLayout = doc._.layout
        self.direct = direct_quote_spans(quotes)
        self.memory = Memory(doc, self.published, doc._.mentions)
        self.verbs = verb_dictionary()
        self.nouns = noun_lexicon()
        self.events: list[Candidate] = []
        self.last_attacker: Actor | None = None

    # ---- driver --------------------------------------------------------------------------

    def run(self) -> list[EventRecord]:
        if story_discarded(self.layout, self.sentences):
            return []
        sentence_discards = discards()
        for index, sent in enumerate(self.sentences):
            if not (is_boilerplate(sent, self.layout) or sentence_discards.sentence_hit(sent.text)):
                for cand in self._sentence(sent, index):
                    earlier = next((e for e in reversed(self.events) if retold(e, cand)), None)
                    if earlier is not None and earlier.sentence != index:
                        absorb(earlier, cand)
                    else:
                        self.events.append(cand)
            self._remember(sent)
        return [self._record(c) for c in self.events]

    def _sentence(self, sent: Span, index: int) -> list[Candidate]:
        consumed: set[int] = set()
        candidates: list[Candidate] = []
        for tok in sent:
            if tok.i in consumed or in_spans(tok.idx, self.direct):
                continue
            cand: Candidate | None = None
            if tok.pos_ == "VERB":
                cand = self._verb(tok, consumed)
            elif tok.pos_ == "NOUN":
                cand = self._noun(tok)
            if cand is not None:
                cand.sentence = index
                candidates.append(cand)
        if not candidates:
            return []
        expressions = time_expressions(sent)
        for cand in candidates:
            self._attributes(cand, expressions)
        kept: list[Candidate] = []
        for cand in merge_sentence(candidates):
            rewritten = self._rewrite(cand)
            if rewritten is not None and self._keep(rewritten):
                kept.append(rewritten)
        kept = drop_means(kept)
        self._assign_casualties(kept, find_casualties(sent))
        for cand in kept:
            if cand.event_type == "ASSAULT" and cand.actor is not None:
                self.last_attacker = cand.actor
        return kept

    # ---- verb triggers ------------------------------------------------------------------

    def _verb(self, tok: Token, consumed: set[int]) -> Candidate | None:
        if not verb_in_scope(tok):
            return None
        hit = self.verbs.lookup(tok, frame(tok))
        code = hit.code if hit else None
        method = f"cameo:{hit.verb}" if hit else "control"
        if hit is not None and hit.pattern:
            method += f"[{hit.pattern}]"
        end = hit.span_end if hit else tok.i + 1
        clause = tok
        xcomp = next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None
        )
        if xcomp is not None:
            combined = self._control(tok, code, xcomp)
            if combined is not None:
                code, how = combined
                method += f"+{how}"
                # All of the infinitive is spent ("to re-establish" may parse as three xcomps).
                consumed.update(c.i for c in tok.children if c.dep_ == "xcomp" or c.i == xcomp.i)
                consumed.update(c.i for c in xcomp.children if c.dep_ == "conj")
                if how == "aspect":
                    clause = xcomp
        if code is None and tok.lemma_.lower() in APPROVALS and is_negated(tok):
            code, method = "120", method + "+not"  # "would not approve the bid": a rejection
        if code is None and tok.lemma_.lower() == "receive" and self._receives_official(tok):
            code, method = "043", method + "+host"  # "received the Iranian foreign minister"
        plover = to_plover(code)
        if plover is None:
            return None
        speech = reporting_verb(tok)
        speaker = self._speaker(speech)
        if speaker is not None and speaker.sector in COMMENTATORS:
            return None  # an analyst's reading of events, not a report of one
        if plover.event_type == "REQUEST" and any(
            c.dep_ == "dobj" and c.lower_ in INDEFINITE for c in tok.children
        ):
            return None  # "police urged anyone with footage to come forward": an appeal
        # Who reported an injury is not who caused it: only non-violent acts borrow the speaker.
        actor = self._verb_actor(tok, speech, speaker if plover.event_type != "ASSAULT" else None)
        if actor is None and plover.event_type == "PROTEST":
            actor = self._crowd(tok)
        recipient = self._recipient(clause, plover, actor)
        if recipient is None and clause is not tok:
            recipient = self._recipient(tok, plover, actor)
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
        if refusal and recipient is None and not self._rejectable(clause):
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

    def _control(self, tok: Token, code: str | None, xcomp: Token) -> tuple[str, str] | None:
        """Combine a control verb with its infinitive: (CAMEO code, how)."""
        lemma = tok.lemma_.lower()
        inner_hit = self.verbs.lookup(xcomp, frame(xcomp))
        inner = inner_hit.code if inner_hit else None
        inner_plover = to_plover(inner)
        conflict = inner_plover is not None and inner_plover.event_type in (
            MATERIAL_CONFLICT | {"THREATEN", "REJECT"}
        )
        hostile = any(
            c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_OBJECTS for c in xcomp.children
        )
        if lemma in INTENT_VERBS:
            if (
                lemma == "threaten"
                or conflict
                or hostile
                or xcomp.lemma_.lower() in RETALIATION_LEMMAS
            ):
                assault = inner_plover is not None and inner_plover.event_type == "ASSAULT"
                return ("138" if assault else "130", "threat")
            return ("030", "intent")
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
            return (inner if inner_plover is not None else "154", "order")
        if lemma in REQUEST_VERBS and any(c.dep_ in {"dobj", "prep"} for c in tok.children):
            own = to_plover(code)
            return (
                code if own is not None and own.event_type == "REQUEST" and code else "100",
                "request",
            )
        if lemma in ASPECT_VERBS and inner is not None and lemma != "fail":
            return (inner, "aspect")
        return None

    # ---- noun triggers -------------------------------------------------------------------

    def _noun(self, tok: Token) -> Candidate | None:
        entry = self.nouns.lookup(tok)
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
            and not self._coded_verb(head)
        )
        owner = self._noun_owner(tok)
        if owner is not None and plover.event_type == "ASSAULT":
            self.last_attacker = owner  # even a generic "Israeli attacks" says who attacks
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
        speaker = self._speaker(speech)
        if speaker is not None and speaker.sector in COMMENTATORS:
            return None
        actor = owner
        if actor is None and light and clause is not None:
            actor = self._verb_actor(clause, speech, speaker)
        if actor is None and plover.event_type == "ASSAULT":
            actor = self.last_attacker
        recipient_hint: Actor | None = None
        if actor is None and plover.event_type in {"CONSULT", "AGREE"} and self.events:
            # "the talks": between the parties just reported.
            actor, recipient_hint = self.events[-1].actor, self.events[-1].recipient
        recipient = self._noun_recipient(tok, plover, actor)
        if recipient is None and clause is not None and (light or plover.event_type == "ASSAULT"):
            # "forewarned Russia of its strikes on Thursday against multiple targets": the
            # parser hangs the target on the verb.
            recipient = self._recipient_preps(clause, plover, actor)
        if recipient is None and light and clause is not None:
            recipient = self._recipient(clause, plover, actor)
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

    def _receives_official(self, verb: Token) -> bool:
        """Is the object of "received" a person holding an office (a visit hosted)?"""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        found = self._actor_of(obj) if obj is not None else None
        return found is not None and found.kind == "person" and found.sector in {"GOV", "IGO"}

    def _coded_verb(self, verb: Token) -> bool:
        hit = self.verbs.lookup(verb, frame(verb))
        return hit is not None and to_plover(hit.code) is not None

    # ---- attributes ----------------------------------------------------------------------

    # ---- PLOVER rewrites and filters -----------------------------------------------------

    # ---- output --------------------------------------------------------------------------

    def _remember(self, sent: Span) -> None:
        """Register the sentence's actor mentions for later pronouns, surnames and nominals."""
        for tok in sent:
            named_start = tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and tok.ent_iob_ == "B"
            role = tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative"}
            if not (named_start or role) or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            head = tok.head if named_start and tok.dep_ == "compound" else tok
            actor = self.memory.actor(head)
            if actor is not None:
                self.memory.remember(actor)


# ---- helpers ------------------------------------------------------------------------------
