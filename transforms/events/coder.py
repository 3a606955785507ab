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
   whoever performed that act. Pronouns and nominals are resolved by mentions.Memory. An event
   needs an actor that is a political entity: commentators, companies and the press are not
   actors of PLOVER events.
5. Date, place, casualties, polarity and modality are attached (dates.py, places.py,
   casualties.py, modality.py); several mentions of one event are folded (merge.py).

PLOVER-level rewrites follow the manual: an announced future RETREAT is a CONCEDE; a
conditional or future use of force, coercion or sanctions announced by its author is a
THREATEN (and dropped when someone else predicts it); a refused concession ("the bill would not
be withdrawn") is a REJECT; a diplomatic protest by a government is an ACCUSE, not a street
PROTEST.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.candidate import Candidate
from transforms.events.casualties import Casualty, find_casualties
from transforms.events.dates import (
    ResolvedDate,
    TimeExpression,
    fallback,
    resolve,
    time_expressions,
)
from transforms.events.mentions import Actor, Memory, code_phrase, combine, conjuncts, np_tokens
from transforms.events.merge import absorb, merge_sentence, retold, same_actor
from transforms.events.modality import is_future, is_negated, modality
from transforms.events.modes import assault_mode, consult_mode
from transforms.events.nouns import noun_lexicon
from transforms.events.places import Place, gazetteer
from transforms.events.plover import MATERIAL_CONFLICT, VERBAL_TYPES, PloverCode, to_plover
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
    agent_of,
    ancestor_distance,
    bare_definite,
    frame,
    generic_plural,
    governing_verb,
    has_date,
    is_passive,
    is_time,
    misparsed_object,
    noun_in_scope,
    phrase_text,
    pobj_of,
    reporting_verb,
    subject_candidates,
    tree_distance,
    verb_in_scope,
    words,
)
from transforms.events.verbs import verb_dictionary
from transforms.model import EventRecord, QuoteRecord, stable_id

RETALIATION_LEMMAS = words("retaliate respond avenge react hit strike fight mirror")
LIGHT_VERBS = words(
    "carry launch conduct stage hold mount begin start unleash resume perform make continue "
    "impose order step intensify announce declare"
)
#: Objects naming an act: reacting to them targets whoever performed the act.
ACT_NOUNS = words(
    "decision demand demands allegation allegations accusation accusations claim claims measure "
    "measures move plan proposal protest protests strike strikes attack attacks sanctions action "
    "actions policy offer request call statement remarks comments raid raids arrest arrests deal "
    "ban operation operations bid application candidacy membership"
)
#: The event an act noun refers back to: "denied the allegations" answers an ACCUSE.
ACT_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("allegation", "accusation", "claim", "charge", "criticism"), ("ACCUSE",)),
    **dict.fromkeys(("demand", "call", "request", "appeal", "ultimatum"), ("REQUEST",)),
    **dict.fromkeys(("offer", "proposal", "plan", "deal"), ("AGREE",)),
    **dict.fromkeys(("threat", "warning"), ("THREATEN",)),
    # A government's "protest" is a diplomatic one (ACCUSE); a crowd's is a PROTEST.
    "protest": ("ACCUSE", "PROTEST"),
}
#: What a political rejection rejects (besides the acts in ACT_NOUNS and actors).
REJECTABLE = words(
    "amendment bill law motion resolution proposal plan offer deal agreement treaty request "
    "demand call appeal ultimatum candidacy nomination invitation accusation allegation charge "
    "claim report criticism sanction measure decision ruling verdict result idea suggestion "
    "initiative draft reform condition term compromise ceasefire truce"
)
#: Recipients that are not a party: a public appeal for witnesses is not a political request.
INDEFINITE = words("anyone anybody everyone everybody someone witnesses public")
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("against", "on", "at", "upon"),
    "COERCE": ("against", "on", "at"),
    "SANCTION": ("on", "against"),
    "THREATEN": ("against", "on"),
    "ACCUSE": ("against",),
    "PROTEST": ("against",),
    "CONSULT": ("with", "to"),
    "AGREE": ("with",),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "behind"),
    "REQUEST": ("on", "upon", "to"),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "MOBILIZE": ("against",),
}
LOCATIVE_PREPS = words(
    "in at near outside inside off across along around over into aboard within through"
)
#: Speakers whose reports are commentary, and actors whose acts PLOVER does not code.
COMMENTATORS = frozenset({"EDU", "BUS"})
NON_POLITICAL = frozenset({"EDU", "BUS", "MED"})
INSTITUTIONAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "IGO", "NGO", "OPP", "PTY"})
#: Verbs that are only the means of another act in the same sentence ("summoned the ambassador
#: and accused Ankara"): kept alone, dropped next to another event of the same actor.
MEANS_VERBS = words("summon")
#: Subjects that make an attack without a named author ("a roadside bomb killed ...").
WEAPON_NOUNS = words(
    "bomb bombs explosion explosions blast blasts mine mines ied ieds missile missiles rocket "
    "rockets shell shells mortar mortars drone drones grenade grenades shelling gunfire airstrike "
    "airstrikes strike strikes attack attacks"
)
#: Verbs whose negation is a refusal ("Ankara would not approve Sweden's bid").
APPROVALS = words("approve accept allow endorse ratify permit recognise recognize sign back")
LEAVE_LEMMAS = words("leave depart quit")
#: "ordered the army to ...": commanding one's own forces.
OWN_FORCES = words("army military troops forces soldiers police navy units")
#: "vowed to bring the attackers to justice": a vow against someone is a threat.
HOSTILE_OBJECTS = words(
    "attacker perpetrator killer militant terrorist culprit enemy aggressor assailant gunman"
)
DIPLOMATS = words("ambassador diplomat diplomats envoy consul attache")
#: Words that make a characterisation praise ("a historic opportunity", "constructive").
APPROVING = words(
    "opportunity historic constructive positive welcome good great success breakthrough "
    "productive encouraging excellent important significant useful step progress landmark "
    "milestone achievement hero model"
)
#: A warning is a threat only when it is addressed to someone ("warned the West against").
WARNING_VERBS = words("warn caution")
#: Verbs whose object is the weapon used, not the target.
INSTRUMENT_VERBS = words("fire launch drop detonate hurl throw use deploy unleash")
#: "described X as Y": an accusation only when X is someone.
CHARACTERISING_VERBS = words("describe portray depict characterise characterize brand label")


class Coder:
    """Codes the events of one parsed article."""

    def __init__(
        self, doc: Doc, *, doc_id: str, published: date | None, quotes: list[QuoteRecord]
    ) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.doc_id = doc_id
        self.published = published
        self.quotes = [q for q in quotes if q.quote_type in {"indirect", "mixed"}]
        self.sentences = list(doc.sents)
        self.direct = direct_quote_spans(doc, quotes, self.sentences)
        self.memory = Memory(doc, published)
        self.verbs = verb_dictionary()
        self.nouns = noun_lexicon()
        self.events: list[Candidate] = []
        self.last_attacker: Actor | None = None

    # ---- driver --------------------------------------------------------------------------

    def run(self) -> list[EventRecord]:
        if story_discarded(self.doc, self.sentences):
            return []
        sentence_discards = discards()
        for index, sent in enumerate(self.sentences):
            if not (is_boilerplate(sent) or sentence_discards.sentence_hit(sent.text)):
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
        kept = _drop_means(kept)
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
            if _praising(tok):  # "described the move as a historic opportunity": praise
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
        if plover.event_type == "REJECT" and recipient is None and not self._rejectable(clause):
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

    def _speaker(self, speech: Token | None) -> Actor | None:
        if speech is None:
            return None
        for subj in subject_candidates(speech):
            found = self._actor_of(subj)
            if found is not None:
                return found
        return None

    def _verb_actor(self, tok: Token, speech: Token | None, speaker: Actor | None) -> Actor | None:
        if is_passive(tok):
            agent = agent_of(tok)
            if agent is not None:
                return self._actor_of(agent)
            # "The interior ministry said 63 people had been detained": the speaker acted. Not
            # when the passive subject is the speaker's own side ("Baghdad had not been
            # consulted", says Baghdad's spokesman): then someone else did it.
            if speaker is not None and (
                speaker.kind in {"state", "organisation"}
                or (speaker.sector in INSTITUTIONAL and speaker.kind != "person")
                or (speaker.kind == "person" and speaker.sector not in NON_POLITICAL)
            ):
                patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                own = self._actor_of(patient) if patient is not None else None
                if own is None or not (own.country and own.country == speaker.country):
                    return speaker
            return None
        for subj in subject_candidates(tok):
            found = self._actor_of(subj)
            if found is not None:
                return found
            # "Turkish air strikes kill 11 militants": the strikes' owner is the attacker.
            if subj.lemma_.lower() in WEAPON_NOUNS or self.nouns.lookup(subj) is not None:
                owner = self._noun_owner(subj)
                if owner is not None:
                    return owner
        return None

    def _weapon_subject(self, verb: Token) -> bool:
        """Is the attack's author a weapon or an attack ("a car bomb killed", "two officers
        were killed when a bomb exploded", "killed in an air strike")?"""
        for subj in subject_candidates(verb):
            if subj.lemma_.lower() in WEAPON_NOUNS or self.nouns.lookup(subj) is not None:
                return True
        if not is_passive(verb):
            return False
        for child in verb.children:
            # "killed in an air strike", "wounded by a roadside bomb"
            if child.dep_ in {"prep", "agent"}:
                pobj = pobj_of(child)
                if pobj is not None and self._weapon(pobj):
                    return True
            # "killed when a bomb exploded"
            if child.dep_ == "advcl" and any(
                g.dep_ == "nsubj" and self._weapon(g) for g in child.children
            ):
                return True
        return False

    def _weapon(self, tok: Token) -> bool:
        return tok.lemma_.lower() in WEAPON_NOUNS or (
            (entry := self.nouns.lookup(tok)) is not None
            and (plover := to_plover(entry.code)) is not None
            and plover.event_type == "ASSAULT"
        )

    def _rejectable(self, verb: Token) -> bool:
        """A rejection needs something political rejected: a proposal, a demand, a bill."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not objects:
            return True  # "refused to", "rejected outright": the complement says what
        return any(
            o.lemma_.lower() in REJECTABLE or o.lower_ in ACT_NOUNS or self._actor_of(o)
            for o in objects
        )

    def _crowd(self, tok: Token) -> Actor | None:
        """Protesters need no dictionary entry: "about 900 ground handlers walked out"."""
        for subj in subject_candidates(tok):
            if subj.tag_ == "NNS" and subj.pos_ == "NOUN":
                return code_phrase(np_tokens(subj), subj, self.published)
        return None

    def _actor_of(self, head: Token) -> Actor | None:
        if is_time(head):
            return None
        heads = conjuncts(head)
        found = [a for a in (self.memory.actor(h) for h in heads) if a is not None]
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
                text=self.doc[min(a.start for a in found) : max(a.end for a in found)].text,
            )
        return combine(found)

    def _recipient(self, tok: Token, plover: PloverCode, actor: Actor | None) -> Actor | None:
        etype = plover.event_type
        passive = is_passive(tok)
        objects = [
            c
            for c in tok.children
            if (c.dep_ == "dative" or c.dep_ == ("nsubjpass" if passive else "dobj"))
            and not is_time(c)
        ]
        objects.sort(key=lambda t: (t.dep_ != "dative", t.i))
        if tok.lemma_.lower() in INSTRUMENT_VERBS:
            objects = []  # "fired tear gas": what is fired is not whom it is fired at
        for obj in objects:
            if obj.lower_ in ACT_NOUNS or obj.lemma_.lower() in ACT_NOUNS or self.nouns.lookup(obj):
                performer = self._performer(obj, actor)
                if performer is not None:
                    return performer
                continue
            found = self._actor_of(obj)
            if found is not None and not _same(found, actor):
                return found
            if etype in {"ASSAULT", "COERCE"} and obj.pos_ in {"NOUN", "PROPN"}:
                return self._target(obj)
        preps = RECIPIENT_PREPS.get(etype, ())
        # "imposed sanctions on X": the preposition may hang from the object.
        prep_holders = [tok, *objects]
        misparsed = misparsed_object(tok)
        if misparsed is not None:
            prep_holders.append(misparsed)
        candidates = [c for holder in prep_holders for c in holder.children]
        for child in candidates:
            if child.dep_ not in {"prep", "dative"} or child.lower_ not in preps:
                continue
            pobj = pobj_of(child)
            if pobj is None or is_time(pobj):
                continue
            found = self._actor_of(pobj)
            if found is not None and not _same(found, actor):
                return found
            if etype in {"ASSAULT", "COERCE", "SANCTION"}:
                return self._target(pobj)
        # "fired tear gas to disperse thousands of protesters": the purpose names the target.
        for child in tok.children:
            if child.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in child.children):
                for obj in child.children:
                    if obj.dep_ == "dobj":
                        found = self._actor_of(obj)
                        if found is not None and not _same(found, actor):
                            return found
        return None

    def _recipient_preps(
        self, verb: Token, plover: PloverCode, actor: Actor | None
    ) -> Actor | None:
        """A recipient in a prepositional phrase of ``verb`` (against/on/with...)."""
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ not in RECIPIENT_PREPS.get(
                plover.event_type, ()
            ):
                continue
            pobj = pobj_of(child)
            if pobj is None or is_time(pobj):
                continue
            found = self._actor_of(pobj)
            if found is not None and not _same(found, actor):
                return found
            if plover.event_type in {"ASSAULT", "COERCE", "SANCTION"}:
                return self._target(pobj)
        return None

    def _target(self, head: Token) -> Actor:
        """A non-actor target ("multiple targets in Syria"): its text and any country named."""
        tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ not in {"relcl", "acl"}]
        text = phrase_text(head)
        country = None
        for ent in self.doc.ents:
            if (
                ent.label_ in {"GPE", "NORP"}
                and head.left_edge.i <= ent.start < head.right_edge.i + 1
            ):
                place = gazetteer().lookup(ent.text)
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

    def _performer(self, act: Token, actor: Actor | None) -> Actor | None:
        """Who performed the act a reaction is about: "the EU's decision" -> the EU."""
        for child in act.children:
            if (
                child.dep_ in {"poss", "compound", "amod"}
                and not is_time(child)
                and (child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in {"NORP", "GPE", "ORG"})
            ):
                found = self._actor_of(child)
                if found is not None and not _same(found, actor):
                    return found
        if not bare_definite(act):
            return None  # "its operations", "offensive operations": no earlier act to point at
        wanted = ACT_TYPES.get(act.lemma_.lower())
        if wanted is None:
            entry = self.nouns.lookup(act)
            plover = to_plover(entry.code) if entry else None
            wanted = (plover.event_type,) if plover else None
        for cand in reversed(self.events):
            if cand.actor is None or _same(cand.actor, actor):
                continue
            if wanted is None or cand.event_type in wanted:
                return cand.actor
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

    def _coded_verb(self, verb: Token) -> bool:
        hit = self.verbs.lookup(verb, frame(verb))
        return hit is not None and to_plover(hit.code) is not None

    def _noun_owner(self, tok: Token) -> Actor | None:
        for child in tok.children:
            if is_time(child) or child.like_num:
                continue
            if child.dep_ == "poss" or (
                child.dep_ in {"compound", "amod", "nmod"}
                and (child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN")
            ):
                found = self._actor_of(child)
                if found is not None:
                    return found
        # "air strikes launched by the US", "an attack by gunmen"
        for child in tok.children:
            if child.dep_ == "acl":
                agent = agent_of(child)
                if agent is not None:
                    return self._actor_of(agent)
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = pobj_of(child)
                if pobj is not None:
                    return self._actor_of(pobj)
        return None

    def _noun_recipient(self, tok: Token, plover: PloverCode, actor: Actor | None) -> Actor | None:
        preps = RECIPIENT_PREPS.get(plover.event_type, ())
        if plover.event_type == "COERCE":
            preps = (*preps, "of")  # "the arrest of two journalists"
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            pobj = pobj_of(child)
            if pobj is None or is_time(pobj):
                continue
            found = self._actor_of(pobj)
            if found is not None and not _same(found, actor):
                return found
            if plover.event_type in {"ASSAULT", "COERCE", "SANCTION"}:
                return self._target(pobj)
        # "a strike that killed seven Iranian personnel": the victims of a relative clause.
        for child in tok.children:
            if child.dep_ != "relcl":
                continue
            for obj in child.children:
                if obj.dep_ in {"dobj", "nsubjpass"}:
                    found = self._actor_of(obj)
                    if found is not None and not _same(found, actor):
                        return found
        return None

    # ---- attributes ----------------------------------------------------------------------

    def _attributes(self, cand: Candidate, expressions: list[TimeExpression]) -> None:
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
        cand.date = self._date(cand, expressions, forward=forward)
        cand.place_text, cand.place = self._locate(cand)
        location_country = cand.place.country if cand.place else self._sentence_country(cand)
        if cand.actor is not None:
            cand.actor = self.memory.with_fallback_country(cand.actor, location_country)
        recipient = cand.recipient
        # A target that is not an actor ("hideouts", "a border post") keeps only what was said.
        if recipient is not None and (recipient.kind != "generic" or recipient.sector):
            cand.recipient = self.memory.with_fallback_country(recipient, location_country)

    def _date(
        self, cand: Candidate, expressions: list[TimeExpression], *, forward: bool
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
            resolved = resolve(best[1].text, self.published, forward=forward and rank == 0)
            # A verbal act is dated by when it was made: "said early on Tuesday it would postpone
            # the reading until after the summer" is Tuesday's concession.
            if verbal and resolved.value is None and rank + 1 < len(chain):
                continue
            return resolved
        return fallback(self.published)

    def _locate(self, cand: Candidate) -> tuple[str | None, Place | None]:
        roots = [cand.trigger]
        if cand.clause is not cand.trigger:
            roots.append(cand.clause)
        for root in roots:
            found = self._locative(root, depth=0)
            if found is not None:
                return found
        return None, None

    def _locative(self, tok: Token, depth: int) -> tuple[str, Place | None] | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                pobj = pobj_of(child)
                if pobj is None or is_time(pobj):
                    continue
                place = self._geocode(pobj)
                if place is not None or pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return phrase_text(pobj), place
            if depth < 2 and child.dep_ in {"dobj", "pobj", "prep", "nsubjpass"}:
                found = self._locative(child, depth + 1)
                if found is not None:
                    return found
        return None

    def _sentence_country(self, cand: Candidate) -> str | None:
        """The country of the only place named in the sentence, for actors of unknown
        nationality ("... through central Tehran ..., and police detained dozens")."""
        sent = cand.trigger.sent
        found = {
            place.country
            for ent in sent.ents
            if ent.label_ in {"GPE", "LOC"}
            for place in [gazetteer().lookup(ent.text, self.memory.mentioned_countries)]
            if place is not None
        }
        return found.pop() if len(found) == 1 else None

    def _geocode(self, head: Token) -> Place | None:
        prefer = self.memory.mentioned_countries
        best: Place | None = None
        for ent in self.doc.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC", "ORG"}:
                continue
            if not (head.left_edge.i <= ent.start and ent.end <= head.right_edge.i + 1):
                continue
            place = gazetteer().lookup(ent.text, prefer)
            if place is None:
                continue
            if best is None or (best.kind == "country" and place.kind != "country"):
                best = place
        return best

    def _assign_casualties(self, cands: list[Candidate], casualties: list[Casualty]) -> None:
        violent = [c for c in cands if c.event_type in {"ASSAULT", "COERCE"}]
        for cas in casualties:
            near = [(tree_distance(c.trigger, cas.cue), c) for c in violent]
            near = [(d, c) for d, c in near if d <= 4 or c.trigger.i == cas.cue.i]
            if near:
                min(near, key=lambda dc: dc[0])[1].casualties.append(cas)

    # ---- PLOVER rewrites and filters -----------------------------------------------------

    def _rewrite(self, cand: Candidate) -> Candidate | None:
        etype = cand.event_type
        if etype in {"CONCEDE", "RETREAT"} and cand.negated and is_future(cand.clause):
            return replace(cand, code=_as(cand.code, "REJECT", "120"), negated=False)
        if etype == "RETREAT" and cand.modality == "future":
            return replace(cand, code=_as(cand.code, "CONCEDE", "080"), modality="asserted")
        if etype == "SUPPORT" and not cand.noun and is_future(cand.trigger):
            # PLOVER: support promised for later ("France would recognise a Palestinian
            # state") is an intention, AGREE. Material acts keep their type with a future
            # modality, as the gold does for deployments and meetings.
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
        if etype == "THREATEN":
            return replace(cand, modality="threatened")
        return cand

    def _keep(self, cand: Candidate) -> bool:
        actor = cand.actor
        if actor is None:
            # "A roadside bomb killed four soldiers": an attack whose author is not named.
            return cand.event_type == "ASSAULT" and self._weapon_subject(cand.trigger)
        etype = cand.event_type
        if actor.sector in NON_POLITICAL and etype != "PROTEST":
            return False
        if not _political(actor) and not (etype == "PROTEST" and actor.plural):
            return False
        if cand.negated and etype in VERBAL_TYPES:
            return False  # "had not ruled out", "did not accuse": nothing was done
        if cand.recipient is None and etype in RECIPROCAL_TYPES:
            _split_reciprocal(cand)
        if cand.recipient is not None and _same(cand.recipient, actor):
            cand.recipient = None
        recipient = cand.recipient
        if cand.event_type == "REQUEST" and recipient is not None:
            head = self.doc[recipient.head]
            if head.lower_ in INDEFINITE or head.lemma_.lower() in INDEFINITE:
                return False
        return not (
            cand.event_type == "CONSULT" and recipient is not None and recipient.sector == "MED"
        )

    # ---- output --------------------------------------------------------------------------

    def _record(self, cand: Candidate) -> EventRecord:
        sent = self.sentences[cand.sentence]
        trig_start = cand.trigger.idx
        last = self.doc[cand.end - 1]
        trig_end = last.idx + len(last.text)
        actor, recipient = cand.actor, cand.recipient
        fatal = [c for c in cand.casualties if c.kind == "fatalities"]
        hurt = [c for c in cand.casualties if c.kind == "injured"]
        date_ = cand.date or fallback(self.published)
        etype = cand.event_type
        a1 = actor.canonical if actor else None
        a2 = recipient.canonical if recipient else None
        return EventRecord(
            event_id=stable_id("e", self.doc_id, trig_start, etype, a1, a2),
            doc_id=self.doc_id,
            event_type=etype,
            trigger_text=self.text[trig_start:trig_end],
            trigger_start=trig_start,
            trigger_end=trig_end,
            sentence_text=sent.text.strip(),
            sentence_index=cand.sentence,
            event_mode=self._mode(cand, sent),
            event_context=cand.code.context,
            quad_class=cand.code.quad_class,
            cameo_code=cand.code.cameo,
            actor1=actor.text if actor else None,
            actor1_canonical=a1,
            actor1_country=actor.country if actor else None,
            actor1_sector=actor.sector if actor else None,
            actor2=recipient.text if recipient else None,
            actor2_canonical=a2,
            actor2_country=recipient.country if recipient else None,
            actor2_sector=recipient.sector if recipient else None,
            location=cand.place_text,
            location_country=cand.place.country if cand.place else None,
            latitude=cand.place.latitude if cand.place else None,
            longitude=cand.place.longitude if cand.place else None,
            event_date=date_.value,
            date_text=date_.text,
            date_precision=date_.precision,  # type: ignore[arg-type]
            date_method=date_.method,
            fatalities=max((c.count for c in fatal), default=None),
            injured=max((c.count for c in hurt), default=None),
            magnitude_text="; ".join(c.text for c in cand.casualties) or None,
            polarity="negative" if cand.negated else "positive",
            modality=cand.modality,  # type: ignore[arg-type]
            quote_id=self._quote_id(trig_start),
            confidence=_confidence(cand),
            method=cand.method,
        )

    def _mode(self, cand: Candidate, sent: Span) -> str | None:
        sentence_words = {t.lower_ for t in sent}
        lemma = cand.trigger.lemma_.lower()
        mode: str | None = None
        if cand.event_type == "ASSAULT":
            state = cand.actor is not None and (
                cand.actor.kind == "state" or cand.actor.sector in {"MIL", "GOV"}
            )
            mode = assault_mode(sentence_words, lemma, state)
        elif cand.event_type == "CONSULT":
            mode = consult_mode(sentence_words, lemma)
        return mode or cand.code.mode

    def _quote_id(self, char: int) -> str | None:
        for q in self.quotes:
            if q.char_start <= char < q.char_end:
                return q.quote_id
        return None

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
                self.memory.remember(actor, subject=head.dep_ in {"nsubj", "nsubjpass"})


# ---- helpers ------------------------------------------------------------------------------


def _as(code: PloverCode, etype: str, cameo: str) -> PloverCode:
    plover = to_plover(cameo)
    mode = plover.mode if plover else None
    context = code.context or (plover.context if plover else None)
    return PloverCode(etype, mode, context, cameo)


def _same(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    return a.head == b.head or (bool(a.canonical) and a.canonical == b.canonical)


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


CHAIN_DEPS = frozenset(
    {"conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "parataxis"}
)


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
        if cur.head is cur or not (temporal or cur.dep_ in CHAIN_DEPS):
            break
        cur = cur.head
        chain.append(cur)
    return chain


RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _praising(verb: Token) -> bool:
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


def _drop_means(cands: list[Candidate]) -> list[Candidate]:
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


def _confidence(cand: Candidate) -> float:
    score = 0.45
    if cand.actor is not None and cand.actor.explicit_country:
        score += 0.2
    if cand.recipient is not None:
        score += 0.1
    if not cand.noun:
        score += 0.1
    if "[" in cand.method:
        score += 0.1
    return round(min(score, 0.95), 2)
