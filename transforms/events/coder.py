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
   are not events (scope.py).
4. Participants. The actor is the subject, inherited through coordination, control and
   participial clauses, or the "by" agent of a passive. An agentless passive reported by an
   institution ("the interior ministry said 63 people had been detained") takes the reporting
   institution as actor. The recipient is the object (or the passive subject), a prepositional
   object (against/on/with/to), or, when the object is an act ("condemned the strikes", "rejected
   the French demand"), whoever performed that act. Pronouns and nominals are resolved by
   mentions.Memory. An event needs an actor that is a political entity: commentators, companies
   and the press are not actors of PLOVER events.
5. Date, place, casualties, polarity and modality are attached (dates.py, places.py,
   casualties.py, modality.py), then candidates of the same type and actor in one sentence are
   merged ("struck ..., killing at least 11" is one ASSAULT).

PLOVER-level rewrites follow the manual: an announced future RETREAT is a CONCEDE; a
conditional or future use of force, coercion or sanctions in reported speech is a THREATEN; a
refused concession ("the bill would not be withdrawn") is a REJECT; a diplomatic protest by a
government is an ACCUSE, not a street PROTEST.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.casualties import Casualty, find_casualties
from transforms.events.dates import (
    ResolvedDate,
    TimeExpression,
    fallback,
    resolve,
    time_expressions,
)
from transforms.events.mentions import Actor, Memory, combine, conjuncts
from transforms.events.modality import is_future, is_negated, modality
from transforms.events.nouns import noun_lexicon
from transforms.events.places import Place, gazetteer
from transforms.events.plover import MATERIAL_CONFLICT, VERBAL_TYPES, PloverCode, to_plover
from transforms.events.scope import (
    direct_quote_spans,
    discards,
    in_spans,
    is_boilerplate,
    is_habitual,
    story_discarded,
)
from transforms.events.verbs import Frame, verb_dictionary
from transforms.model import EventRecord, QuoteRecord, stable_id

SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "announce",
        "state",
        "report",
        "claim",
        "confirm",
        "note",
        "write",
        "declare",
        "insist",
        "explain",
        "according",
        "warn",
        "allege",
        "argue",
        "acknowledge",
    }
)
#: Control verbs and what they make of their infinitive (see the module docstring).
INTENT_VERBS = frozenset({"vow", "pledge", "promise", "swear", "threaten"})
AGREE_VERBS = frozenset({"agree", "decide", "offer", "consent", "commit"})
REFUSE_VERBS = frozenset({"refuse", "decline"})
REQUEST_VERBS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "order",
        "demand",
        "appeal",
        "press",
        "encourage",
        "exhort",
        "implore",
        "beg",
        "push",
        "instruct",
        "request",
    }
)
ASPECT_VERBS = frozenset(
    {
        "begin",
        "start",
        "continue",
        "resume",
        "try",
        "attempt",
        "seek",
        "launch",
        "manage",
        "move",
        "step",
        "plan",
        "intend",
        "prepare",
        "aim",
        "fail",
        "threaten",
        "vow",
    }
)
RETALIATION_LEMMAS = frozenset(
    {"retaliate", "respond", "avenge", "react", "hit", "strike", "fight"}
)
LIGHT_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "hold",
        "mount",
        "begin",
        "start",
        "unleash",
        "resume",
        "perform",
        "make",
        "continue",
        "impose",
        "order",
        "step",
        "intensify",
        "announce",
        "declare",
    }
)
#: Act nouns whose performer is the recipient of a reaction to them ("condemned the strikes").
ACT_NOUNS = frozenset(
    {
        "decision",
        "demand",
        "demands",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "claim",
        "claims",
        "measure",
        "measures",
        "move",
        "plan",
        "proposal",
        "protest",
        "protests",
        "strike",
        "strikes",
        "attack",
        "attacks",
        "sanctions",
        "action",
        "actions",
        "policy",
        "offer",
        "request",
        "call",
        "statement",
        "remarks",
        "comments",
        "raid",
        "raids",
        "arrest",
        "arrests",
        "bill",
        "law",
        "law's",
        "deal",
        "ban",
    }
)
RECIPIENT_PREPS = {
    "ASSAULT": ("against", "on", "at", "upon"),
    "COERCE": ("against", "on", "at"),
    "SANCTION": ("on", "against"),
    "THREATEN": ("against", "on"),
    "ACCUSE": ("against", "of"),
    "PROTEST": ("against",),
    "CONSULT": ("with", "to"),
    "AGREE": ("with",),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "behind"),
    "REQUEST": ("on", "upon", "to"),
    "REJECT": (),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "MOBILIZE": ("against",),
}
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "off",
        "across",
        "along",
        "around",
        "over",
        "into",
        "aboard",
        "within",
        "throughout",
    }
)
NON_POLITICAL_SECTORS = frozenset({"EDU", "BUS", "MED"})
INSTITUTIONAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "IGO"})
#: Weapons and means that set the ASSAULT mode (PLOVER manual, table 3.11).
ASSAULT_MODES = (
    ("drone", {"drone", "drones", "uav", "uavs"}),
    (
        "aerial",
        {
            "air",
            "airstrike",
            "airstrikes",
            "warplane",
            "warplanes",
            "jet",
            "jets",
            "aircraft",
            "helicopter",
            "helicopters",
            "bomber",
            "bombers",
            "aerial",
        },
    ),
    ("suicide-attack", {"suicide"}),
    (
        "explosives",
        {
            "bomb",
            "bombs",
            "bombing",
            "ied",
            "ieds",
            "explosive",
            "explosives",
            "mine",
            "mines",
            "grenade",
            "grenades",
            "car-bomb",
        },
    ),
    (
        "heavy-weapons",
        {
            "artillery",
            "shelling",
            "shell",
            "shells",
            "rocket",
            "rockets",
            "mortar",
            "mortars",
            "tank",
            "tanks",
            "missile",
            "missiles",
        },
    ),
    (
        "firearms",
        {
            "gun",
            "guns",
            "gunmen",
            "gunman",
            "gunfire",
            "rifle",
            "rifles",
            "pistol",
            "shot",
            "shooting",
            "firearm",
            "firearms",
            "handgun",
            "handguns",
            "sniper",
        },
    ),
    ("primitive", {"knife", "knives", "machete", "machetes", "stone", "stones", "rocks", "axe"}),
    ("beat", {"beat", "beaten", "pistol-whipped", "punched", "kicked", "whipped"}),
    ("abduct", {"kidnap", "kidnapped", "abducted", "abduction", "kidnapping", "hijacked"}),
)


@dataclass(slots=True)
class Candidate:
    trigger: Token
    end: int  # token index after the trigger words
    code: PloverCode
    actor: Actor | None
    recipient: Actor | None
    clause: Token  # the verb the event's clause hangs from (for dates, modality, place)
    noun: bool
    method: str
    negated: bool = False
    modality: str = "asserted"
    casualties: list[Casualty] = field(default_factory=list)
    place_text: str | None = None
    place: Place | None = None
    date: ResolvedDate | None = None
    reported: bool = False  # inside reported speech


class Coder:
    """Codes the events of one parsed article."""

    def __init__(
        self, doc: Doc, *, doc_id: str, published: date | None, quotes: list[QuoteRecord]
    ) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.published = published
        self.quotes = [q for q in quotes if q.quote_type in {"indirect", "mixed"}]
        self.sentences = list(doc.sents)
        self.direct = direct_quote_spans(doc, quotes, self.sentences)
        self.memory = Memory(doc, published)
        self.verbs = verb_dictionary()
        self.nouns = noun_lexicon()
        self.events: list[tuple[Candidate, int]] = []
        self.last_attacker: Actor | None = None

    # ---- driver --------------------------------------------------------------------------

    def run(self) -> list[EventRecord]:
        if story_discarded(self.doc, self.sentences):
            return []
        sentence_discards = discards()
        records: list[EventRecord] = []
        for index, sent in enumerate(self.sentences):
            if not (is_boilerplate(sent) or sentence_discards.sentence_hit(sent.text)):
                candidates = self._sentence(sent)
                for cand in candidates:
                    self.events.append((cand, index))
                    records.append(self._record(cand, sent, index))
            self._remember(sent)
        return records

    def _sentence(self, sent: Span) -> list[Candidate]:
        consumed: set[int] = set()
        candidates: list[Candidate] = []
        for tok in sent:
            if tok.i in consumed or in_spans(tok.idx, self.direct):
                continue
            cand: Candidate | None = None
            if tok.pos_ == "VERB":
                cand = self._verb(tok, consumed)
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.tag_ != "NNP":
                cand = self._noun(tok)
            if cand is not None:
                candidates.append(cand)
        if not candidates:
            return []
        expressions = time_expressions(sent)
        for cand in candidates:
            self._finish(cand, expressions)
        self._assign_casualties(candidates, find_casualties(sent))
        merged = _merge(candidates)
        kept: list[Candidate] = []
        for cand in merged:
            cand = self._rewrite(cand)
            if self._keep(cand):
                kept.append(cand)
                if cand.code.event_type == "ASSAULT" and cand.actor is not None:
                    self.last_attacker = cand.actor
        return kept

    # ---- verb triggers ------------------------------------------------------------------

    def _verb(self, tok: Token, consumed: set[int]) -> Candidate | None:
        if not _verb_in_scope(tok):
            return None
        frame = _frame(tok)
        hit = self.verbs.lookup(tok, frame)
        code = hit.code if hit else None
        method = f"cameo:{hit.verb}" if hit else ""
        end = hit.span_end if hit else tok.i + 1
        lemma = tok.lemma_.lower()
        xcomp = next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None
        )
        clause = tok
        if xcomp is not None:
            combined = self._control(tok, lemma, code, xcomp)
            if combined is not None:
                code, how, used = combined
                method = f"{method or 'control'}+{how}"
                if used is not None:
                    consumed.add(used.i)
                    if how == "aspect":
                        clause = used
        if code is None:
            return None
        plover = to_plover(code)
        if plover is None:
            return None
        if hit is not None and hit.pattern:
            method += f" [{hit.pattern.split()[0] if hit.pattern else ''}]"
        actor, reported = self._verb_actor(tok)
        target_tok = clause if clause is not tok else tok
        recipient = self._recipient(target_tok, plover, actor)
        if recipient is None and target_tok is not tok:
            recipient = self._recipient(tok, plover, actor)
        return Candidate(
            trigger=tok,
            end=end,
            code=plover,
            actor=actor,
            recipient=recipient,
            clause=clause,
            noun=False,
            method=f"{method}/{code}",
            reported=reported,
        )

    def _control(
        self, tok: Token, lemma: str, code: str | None, xcomp: Token
    ) -> tuple[str | None, str, Token | None] | None:
        """Combine a control verb with its infinitive: (code, how, consumed token)."""
        inner_hit = self.verbs.lookup(xcomp, _frame(xcomp))
        inner = inner_hit.code if inner_hit else None
        inner_plover = to_plover(inner)
        conflict = inner_plover is not None and inner_plover.event_type in (
            MATERIAL_CONFLICT | {"THREATEN", "REJECT"}
        )
        if lemma in INTENT_VERBS:
            if conflict or xcomp.lemma_.lower() in RETALIATION_LEMMAS:
                return (
                    "138" if inner_plover and inner_plover.event_type == "ASSAULT" else "130",
                    "threat",
                    xcomp,
                )
            return ("030", "intent", xcomp)
        if lemma in AGREE_VERBS:
            return ("030", "agree", xcomp)
        if lemma in REFUSE_VERBS:
            return ("120", "refuse", xcomp)
        if lemma in REQUEST_VERBS and any(c.dep_ in {"dobj", "prep"} for c in tok.children):
            return (
                code
                if code and to_plover(code) and to_plover(code).event_type == "REQUEST"  # type: ignore[union-attr]
                else "100",
                "request",
                xcomp,
            )
        if lemma in ASPECT_VERBS and inner is not None:
            if lemma == "fail":
                return None
            return (inner, "aspect", xcomp)
        return None

    def _verb_actor(self, tok: Token) -> tuple[Actor | None, bool]:
        """The actor of a verb and whether the clause is reported speech."""
        reported = _reporting_verb(tok) is not None
        subj = _subject(tok)
        if subj is not None:
            if subj.dep_ == "agent_pobj":
                pass
            actor = self._actor_of(subj)
            if actor is not None:
                return actor, reported
        if _is_passive(tok):
            agent = _agent(tok)
            if agent is not None:
                return self._actor_of(agent), reported
            speech = _reporting_verb(tok)
            if speech is not None:
                speaker = _subject(speech)
                if speaker is not None:
                    actor = self._actor_of(speaker)
                    if (
                        actor is not None
                        and (actor.sector in INSTITUTIONAL_SECTORS or actor.kind == "state")
                        and actor.kind != "person"
                    ):
                        return actor, reported
        return None, reported

    def _actor_of(self, head: Token) -> Actor | None:
        heads = conjuncts(head)
        found = [self.memory.actor(h) for h in heads]
        actors = [a for a in found if a is not None]
        if not actors:
            return None
        return combine(actors)

    def _recipient(self, tok: Token, plover: PloverCode, actor: Actor | None) -> Actor | None:
        etype = plover.event_type
        objects: list[Token] = []
        passive = _is_passive(tok)
        for child in tok.children:
            if child.dep_ == "dative" or child.dep_ == ("nsubjpass" if passive else "dobj"):
                objects.append(child)
        objects.sort(key=lambda t: (t.dep_ != "dative", t.i))
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
                target = self._target(obj)
                if target is not None:
                    return target
        preps = RECIPIENT_PREPS.get(etype, ())
        for child in tok.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                found = self._actor_of(pobj)
                if found is not None and not _same(found, actor):
                    return found
                if etype in {"ASSAULT", "COERCE", "SANCTION"}:
                    target = self._target(pobj)
                    if target is not None:
                        return target
        # "fired tear gas to disperse thousands of protesters": the purpose names the target.
        for child in tok.children:
            if child.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in child.children):
                for obj in child.children:
                    if obj.dep_ == "dobj":
                        found = self._actor_of(obj)
                        if found is not None and not _same(found, actor):
                            return found
        return None

    def _target(self, head: Token) -> Actor | None:
        """A non-actor target ("multiple targets in Syria"): its text and the country named."""
        tokens = [t for t in head.subtree if t.dep_ not in {"relcl", "acl"} or t is head]
        if len(tokens) > 14:
            tokens = tokens[:14]
        text = self.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")
        country = None
        for ent in self.doc.ents:
            if (
                ent.label_ in {"GPE", "NORP"}
                and head.left_edge.i <= ent.start
                and ent.end <= head.right_edge.i + 1
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
            if child.dep_ in {"poss", "compound", "amod"} and (
                child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in {"NORP", "GPE", "ORG"}
            ):
                found = self._actor_of(child)
                if found is not None and not _same(found, actor):
                    return found
        entry = self.nouns.lookup(act)
        wanted = to_plover(entry.code).event_type if entry else None  # type: ignore[union-attr]
        for cand, _ in reversed(self.events):
            if cand.actor is None or _same(cand.actor, actor):
                continue
            if wanted is None or cand.code.event_type == wanted:
                return cand.actor
        return None

    # ---- noun triggers -------------------------------------------------------------------

    def _noun(self, tok: Token) -> Candidate | None:
        entry = self.nouns.lookup(tok)
        if entry is None:
            return None
        plover = to_plover(entry.code)
        if plover is None or not _noun_in_scope(tok):
            return None
        head = tok.head
        light = (
            tok.dep_ == "dobj"
            and head.pos_ == "VERB"
            and head.lemma_.lower() in LIGHT_VERBS
            and not self._coded_verb(head)
        )
        owner = self._noun_owner(tok)
        dated = _has_date(tok)
        if not (light or owner is not None or dated):
            return None
        if not light and owner is None and _bare_definite(tok):
            return None
        if not dated and not light and _generic_plural(tok):
            return None
        clause = head if light else _governing_verb(tok)
        actor = owner
        if actor is None and light:
            actor, _ = self._verb_actor(head)
        if actor is None and plover.event_type == "ASSAULT":
            actor = self.last_attacker
        if actor is None and plover.event_type in {"CONSULT", "AGREE"} and self.events:
            prev = self.events[-1][0]
            actor = prev.actor
        recipient = self._noun_recipient(tok, plover, actor)
        if recipient is None and light:
            recipient = self._recipient(head, plover, actor)
        return Candidate(
            trigger=tok,
            end=tok.i + 1,
            code=plover,
            actor=actor,
            recipient=recipient,
            clause=clause or tok,
            noun=True,
            method=f"noun:{entry.phrase.lower()}/{entry.code}",
            reported=clause is not None and _reporting_verb(clause) is not None,
        )

    def _coded_verb(self, verb: Token) -> bool:
        hit = self.verbs.lookup(verb, _frame(verb))
        return hit is not None and to_plover(hit.code) is not None

    def _noun_owner(self, tok: Token) -> Actor | None:
        for child in tok.children:
            if child.dep_ == "poss" or (
                child.dep_ in {"compound", "amod", "nmod"}
                and (child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN")
                and not child.like_num
                and child.ent_type_ not in {"DATE", "TIME"}
            ):
                found = self._actor_of(child)
                if found is not None:
                    return found
        # "air strikes launched by the US", "an attack by gunmen"
        for child in tok.children:
            if child.dep_ == "acl":
                agent = _agent(child)
                if agent is not None:
                    return self._actor_of(agent)
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._actor_of(pobj)
        return None

    def _noun_recipient(self, tok: Token, plover: PloverCode, actor: Actor | None) -> Actor | None:
        preps = RECIPIENT_PREPS.get(plover.event_type, ()) + ("of",) * (
            plover.event_type == "COERCE"
        )
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                found = self._actor_of(pobj)
                if found is not None and not _same(found, actor):
                    return found
                if plover.event_type in {"ASSAULT", "COERCE", "SANCTION"}:
                    return self._target(pobj)
        # "killed seven Iranian personnel": the victims of a relative clause on the noun.
        for child in tok.children:
            if child.dep_ == "relcl":
                for obj in child.children:
                    if obj.dep_ in {"dobj", "nsubjpass"}:
                        found = self._actor_of(obj)
                        if found is not None and not _same(found, actor):
                            return found
        return None

    # ---- attributes ----------------------------------------------------------------------

    def _finish(self, cand: Candidate, expressions: list[TimeExpression]) -> None:
        trigger = cand.trigger if not cand.noun else cand.clause
        cand.negated = (
            is_negated(cand.trigger if not cand.noun else cand.clause)
            if not cand.noun or cand.clause is not cand.trigger
            else False
        )
        if cand.noun and any(c.dep_ == "det" and c.lower_ == "no" for c in cand.trigger.children):
            cand.negated = True
        verbal = cand.code.event_type in VERBAL_TYPES
        cand.modality = (
            modality(trigger, verbal=verbal) if trigger.pos_ in {"VERB", "AUX"} else "asserted"
        )
        forward = trigger.pos_ in {"VERB", "AUX"} and is_future(trigger)
        expr = _nearest_expression(cand, expressions)
        cand.date = (
            resolve(expr.text, self.published, forward=forward)
            if expr
            else fallback(self.published)
        )
        self._locate(cand)
        location_country = cand.place.country if cand.place else None
        if cand.actor is not None:
            cand.actor = self.memory.with_fallback_country(cand.actor, location_country)
        recipient = cand.recipient
        # A target that is not an actor ("hideouts", "a border post") keeps only what was said.
        if recipient is not None and (recipient.kind != "generic" or recipient.sector):
            cand.recipient = self.memory.with_fallback_country(cand.recipient, location_country)

    def _locate(self, cand: Candidate) -> None:
        roots = [cand.trigger]
        if cand.clause is not cand.trigger:
            roots.append(cand.clause)
        for root in roots:
            found = self._locative(root, depth=0)
            if found is not None:
                cand.place_text, cand.place = found
                return

    def _locative(self, tok: Token, depth: int) -> tuple[str, Place | None] | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None or pobj.ent_type_ in {"DATE", "TIME"}:
                    continue
                place = self._geocode(pobj)
                if place is not None or pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return _phrase_text(pobj), place
            if depth < 2 and child.dep_ in {"dobj", "pobj", "prep", "nsubjpass"}:
                found = self._locative(child, depth + 1)
                if found is not None:
                    return found
        return None

    def _geocode(self, head: Token) -> Place | None:
        prefer = self.memory.mentioned_countries
        best: Place | None = None
        for ent in self.doc.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC"}:
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
        violent = [c for c in cands if c.code.event_type in {"ASSAULT", "COERCE"}]
        if not violent or not casualties:
            return
        for cas in casualties:
            best = min(violent, key=lambda c: _tree_distance(c.trigger, cas.cue))
            best.casualties.append(cas)

    # ---- PLOVER rewrites and filters -----------------------------------------------------

    def _rewrite(self, cand: Candidate) -> Candidate:
        etype = cand.code.event_type
        if (
            etype in {"CONCEDE", "RETREAT"}
            and cand.negated
            and (cand.modality in {"future", "hypothetical"} or is_future(cand.clause))
        ):
            return replace(
                cand, code=_as(cand.code, "REJECT", "120"), negated=False, modality="asserted"
            )
        if etype == "RETREAT" and cand.modality == "future":
            return replace(cand, code=_as(cand.code, "CONCEDE", "080"), modality="asserted")
        if (
            etype in {"ASSAULT", "COERCE", "SANCTION"}
            and cand.reported
            and (cand.modality in {"future", "hypothetical"})
            and not cand.noun
        ):
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
            return False
        if actor.sector in NON_POLITICAL_SECTORS and cand.code.event_type not in {"PROTEST"}:
            return False
        if cand.recipient is not None and _same(cand.recipient, actor):
            cand.recipient = None
        return not (
            cand.code.event_type == "CONSULT"
            and cand.recipient is not None
            and cand.recipient.sector == "MED"
        )

    # ---- output --------------------------------------------------------------------------

    def _record(self, cand: Candidate, sent: Span, index: int) -> EventRecord:
        trig_start = cand.trigger.idx
        last = self.doc[cand.end - 1]
        trig_end = last.idx + len(last.text)
        actor, recipient = cand.actor, cand.recipient
        fatalities = max((c.count for c in cand.casualties if c.kind == "fatalities"), default=None)
        injured = max((c.count for c in cand.casualties if c.kind == "injured"), default=None)
        magnitude = "; ".join(c.text for c in cand.casualties) or None
        date_ = cand.date or fallback(self.published)
        etype = cand.code.event_type
        a1 = actor.canonical if actor else None
        a2 = recipient.canonical if recipient else None
        return EventRecord(
            event_id=stable_id("e", self.doc_id, trig_start, etype, a1, a2),
            doc_id=self.doc_id,
            event_type=etype,
            trigger_text=self.doc.text[trig_start:trig_end],
            trigger_start=trig_start,
            trigger_end=trig_end,
            sentence_text=sent.text.strip(),
            sentence_index=index,
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
            date_precision=date_.precision,
            date_method=date_.method,
            fatalities=fatalities,
            injured=injured,
            magnitude_text=magnitude,
            polarity="negative" if cand.negated else "positive",
            modality=cand.modality,  # type: ignore[arg-type]
            quote_id=self._quote_id(trig_start),
            confidence=_confidence(cand),
            method=cand.method,
        )

    def _mode(self, cand: Candidate, sent: Span) -> str | None:
        etype = cand.code.event_type
        words = {t.lower_ for t in sent}
        if etype == "ASSAULT":
            for mode, cues in ASSAULT_MODES:
                if words & cues:
                    return mode
            if (
                cand.trigger.lemma_.lower() in {"strike", "raid"}
                and cand.actor is not None
                and (cand.actor.kind == "state" or cand.actor.sector in {"MIL", "GOV"})
            ):
                return "aerial"  # a state's "strikes" with no other weapon named are air strikes
        if etype == "CONSULT":
            if words & {"phone", "telephone", "call", "videoconference", "video"}:
                return "phone"
            if cand.trigger.lemma_.lower() in {"visit", "host"} or words & {
                "flew",
                "travelled",
                "traveled",
                "visit",
            }:
                return "visit"
        return cand.code.mode

    def _quote_id(self, char: int) -> str | None:
        for q in self.quotes:
            if q.char_start <= char < q.char_end:
                return q.quote_id
        return None

    def _remember(self, sent: Span) -> None:
        for tok in sent:
            if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative"} or (
                tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and tok.ent_iob_ == "B"
            ):
                if tok.pos_ not in {"NOUN", "PROPN"}:
                    continue
                head = tok
                if tok.ent_iob_ == "B" and tok.dep_ == "compound":
                    head = tok.head
                actor = self.memory.actor(head)
                if actor is not None:
                    self.memory.remember(actor, subject=head.dep_ in {"nsubj", "nsubjpass"})


# ---- helpers ------------------------------------------------------------------------------


def _as(code: PloverCode, etype: str, cameo: str) -> PloverCode:
    plover = to_plover(cameo)
    assert plover is not None
    return PloverCode(etype, plover.mode, code.context or plover.context, cameo)


def _same(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    return a.head == b.head or (bool(a.canonical) and a.canonical == b.canonical)


def _frame(tok: Token) -> Frame:
    frame = Frame()
    passive = _is_passive(tok)
    for child in tok.children:
        dep = child.dep_
        if dep in {"nsubj", "csubj"}:
            frame.subjects.append(child)
        elif dep == "nsubjpass":
            frame.objects.append(child)
        elif dep in {"dobj", "attr", "oprd", "dative"}:
            frame.objects.append(child)
            for grand in child.children:
                if grand.dep_ == "prep":
                    frame.preps.append(
                        (grand.lower_, next((g for g in grand.children if g.dep_ == "pobj"), None))
                    )
        elif dep == "agent":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                frame.subjects.append(pobj)
        elif dep == "prep":
            frame.preps.append(
                (child.lower_, next((g for g in child.children if g.dep_ == "pobj"), None))
            )
        elif dep == "prt":
            frame.preps.append((child.lower_, None))
    if not frame.subjects and not passive:
        subj = _subject(tok)
        if subj is not None:
            frame.subjects.append(subj)
    return frame


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, inherited through coordination, control and participles."""
    seen = 0
    while seen < 6:
        seen += 1
        for child in tok.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # passive: the actor is the agent, not the subject
        if tok.dep_ == "xcomp":
            head = tok.head
            if head.lemma_.lower() in REQUEST_VERBS:
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            tok = head
            continue
        if tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG"):
            tok = tok.head
            continue
        return None
    return None


def _reporting_verb(tok: Token) -> Token | None:
    """The speech verb whose complement contains ``tok``, if any."""
    cur = tok
    for _ in range(8):
        if cur.head is cur:
            return None
        if cur.dep_ in {"ccomp", "parataxis"} or (
            cur.dep_ == "advcl" and cur.head.lemma_.lower() in SPEECH_LEMMAS
        ):
            head = cur.head
            if head.lemma_.lower() in SPEECH_LEMMAS:
                return head
        if cur.dep_ in {"ROOT"}:
            # "X happened, the ministry said": the speech verb is a parataxis child of the root.
            return None
        cur = cur.head
    return None


def _verb_in_scope(tok: Token) -> bool:
    dep = tok.dep_
    if dep in {"amod", "compound", "relcl", "acl", "pcomp", "csubj", "nmod", "npadvmod"}:
        return False
    if is_habitual(tok):
        return False
    cur = tok
    for _ in range(10):
        if cur.head is cur:
            break
        if cur.dep_ in {"relcl", "pcomp"}:
            return False
        if cur.dep_ in {"acl", "ccomp"} and cur.head.pos_ in {"NOUN", "PROPN"}:
            return False  # "reports that civilians had been wounded"
        if (
            cur.dep_ == "advcl"
            and cur is tok
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        ):
            return False  # a purpose infinitive: an intention, not an event
        # "used to launch", "helped to": the head verb carries the event if there is one.
        controlled = cur.head.lemma_.lower() in (
            INTENT_VERBS | AGREE_VERBS | REFUSE_VERBS | REQUEST_VERBS | ASPECT_VERBS | SPEECH_LEMMAS
        )
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        xcomp = cur.dep_ == "xcomp" and cur is tok and cur.head.pos_ == "VERB"
        if xcomp and infinitive and not controlled:
            return False
        cur = cur.head
    return True


def _noun_in_scope(tok: Token) -> bool:
    cur = tok
    for _ in range(10):
        if cur.head is cur:
            return True
        if cur.dep_ in {"relcl", "pcomp"}:
            return False
        if cur.dep_ in {"acl", "ccomp"} and cur.head.pos_ in {"NOUN", "PROPN"} and cur is not tok:
            return False
        cur = cur.head
    return True


def _has_date(tok: Token) -> bool:
    for child in tok.children:
        if child.ent_type_ in {"DATE", "TIME"} and child.dep_ in {
            "compound",
            "nmod",
            "npadvmod",
            "amod",
            "nummod",
        }:
            return True
        if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in {"DATE", "TIME"}:
                return True
        if child.dep_ in {"relcl", "acl"} and any(
            g.ent_type_ in {"DATE", "TIME"} for g in child.subtree if g.i != tok.i
        ):
            return True
    return False


def _bare_definite(tok: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
        for c in tok.children
    )


def _generic_plural(tok: Token) -> bool:
    """ "Israeli attacks on arms transfers", "Western sanctions": plurals with no determiner."""
    if tok.tag_ != "NNS":
        return False
    return not any(c.dep_ in {"det", "nummod"} for c in tok.children) and not (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in {"series", "wave", "string", "spate"}
    )


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _nearest_expression(
    cand: Candidate, expressions: list[TimeExpression]
) -> TimeExpression | None:
    """The time expression of the event's own clause, else of the clauses governing it."""
    if not expressions:
        return None
    starts = [cand.trigger, cand.clause] if cand.clause is not cand.trigger else [cand.trigger]
    cur = starts[-1]
    chain: list[Token] = list(starts)
    for _ in range(6):
        if cur.head is cur or cur.dep_ not in {
            "conj",
            "xcomp",
            "ccomp",
            "advcl",
            "dobj",
            "pobj",
            "prep",
            "nsubj",
            "nsubjpass",
        }:
            break
        cur = cur.head
        chain.append(cur)
    best: tuple[int, int, TimeExpression] | None = None
    for rank, root in enumerate(chain):
        for expr in expressions:
            dist = _ancestor_distance(expr.anchor, root)
            if dist is None:
                continue
            key = (rank, dist)
            if best is None or key < best[:2]:
                best = (rank, dist, expr)
        if best is not None:
            return best[2]
    return None


def _ancestor_distance(tok: Token, ancestor: Token) -> int | None:
    dist = 0
    cur = tok
    while True:
        if cur.i == ancestor.i:
            return dist
        if cur.head is cur or dist > 12:
            return None
        cur = cur.head
        dist += 1


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate(path_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return k + index[t.i]
    return 99


def _phrase_text(head: Token) -> str:
    tokens = [t for t in head.subtree]
    cut = len(tokens)
    for k, t in enumerate(tokens):
        if t.i > head.i and (t.text in {",", ";", "("} or t.dep_ in {"relcl", "acl"}):
            cut = k
            break
    tokens = tokens[:cut]
    return head.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")


def _merge(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.noun, c.trigger.i)):
        target = next((o for o in out if _compatible(o, cand)), None)
        if target is None:
            out.append(cand)
            continue
        if target.actor is None:
            target.actor = cand.actor
        if target.recipient is None or (
            target.recipient.kind == "generic"
            and cand.recipient is not None
            and cand.recipient.kind != "generic"
        ):
            target.recipient = cand.recipient or target.recipient
        if target.place is None and cand.place is not None:
            target.place, target.place_text = cand.place, cand.place_text
        if (
            target.date is not None
            and target.date.text is None
            and cand.date is not None
            and cand.date.text
        ):
            target.date = cand.date
        target.casualties.extend(cand.casualties)
        target.method += "+" + cand.method.split("/")[0]
    out.sort(key=lambda c: c.trigger.i)
    return out


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.code.event_type != b.code.event_type or a.modality != b.modality or a.negated != b.negated:
        return False
    if (
        a.actor is not None
        and b.actor is not None
        and not (a.actor.canonical == b.actor.canonical or a.actor.head == b.actor.head)
    ):
        return False
    da, db = a.date, b.date
    return not (da and db and da.text and db.text and da.value != db.value)


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
