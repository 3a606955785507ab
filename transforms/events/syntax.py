"""Dependency-parse helpers for the coder: frames, subjects, agents, clauses and scope.

spaCy's English parser (ClearNLP-style labels) attaches things the way a newspaper reader would
not always expect, so several helpers encode the repairs the coder relies on:

* a conjunct verb inherits its subject from the verb it coordinates with, and when that verb is
  the complement of a speech verb, the parser has often glued the conjunct to the wrong clause
  ("the ministry said the sanctions were illegitimate and vowed to respond": "vowed" hangs from
  "were"), so subject candidates continue to the speech verb's subject;
* "urged X to do", "asked X to": the infinitive's subject is the object X (object control);
* a relative clause on a date ("late on Monday when police fired") is a temporal clause, and a
  purpose infinitive after a verb of motion ("flew to Moscow to meet Putin") is the point of the
  journey: both stay in scope, unlike other relative clauses and purpose infinitives.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.patterns import Frame
from transforms.events.scope import is_habitual
from transforms.nlp.speech import reports_speech


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


INTENT_VERBS = words("vow pledge promise swear threaten")
AGREE_VERBS = words("agree decide offer consent commit")
#: Adjectives of willingness whose infinitive is an announced intention ("is ready to talk",
#: "is prepared to impose martial law"): PLOVER codes them as AGREE, or THREATEN for force.
INTENT_ADJECTIVES = words("ready willing prepared determined eager poised")
#: Control verbs of planning: their infinitive is a future act ("plans to impose").
PLAN_VERBS = words("plan intend prepare")
REFUSE_VERBS = words("refuse decline")
REQUEST_VERBS = words(
    "urge ask call order demand appeal press encourage exhort implore beg push instruct request "
    "tell invite"
)
#: Verbs whose "that" clause states what is demanded, not an event of its own.
DEMAND_VERBS = words("demand urge insist ask request call press push appeal")
ASPECT_VERBS = words(
    "begin start continue resume try attempt seek launch manage move step plan intend prepare "
    "aim fail threaten vow"
)
MOTION_VERBS = words("fly travel go come arrive head visit return")
#: Quantities whose "of" complement is the real object ("30 tonnes of supplies").
MEASURE_NOUNS = words(
    "tonnes tons tonne ton kilograms litres barrels shipment shipments consignment batch "
    "million billion thousands hundreds dozens units pallets truckloads"
)
CONTROL_VERBS = INTENT_VERBS | AGREE_VERBS | REFUSE_VERBS | REQUEST_VERBS | ASPECT_VERBS
#: Nouns whose clausal complement reports a claim rather than an event ("reports that ...").
_TIME_ENTS = frozenset({"DATE", "TIME"})


def pobj_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def agent_of(tok: Token) -> Token | None:
    """The "by" agent of a passive verb or participle."""
    for child in tok.children:
        if child.dep_ == "agent":
            return pobj_of(child)
    return None


def is_time(tok: Token) -> bool:
    return tok.ent_type_ in _TIME_ENTS


def frame(tok: Token) -> Frame:
    """Subjects, objects and prepositional phrases of a trigger, for the verb patterns."""
    fr = Frame()
    passive = is_passive(tok)
    for child in tok.children:
        dep = child.dep_
        if dep in {"nsubj", "csubj"}:
            fr.subjects.append(child)
        elif dep == "nsubjpass":
            fr.objects.append(child)
        elif dep in {"dobj", "attr", "oprd", "dative"}:
            fr.objects.append(child)
            fr.preps.extend((g.lower_, pobj_of(g)) for g in child.children if g.dep_ == "prep")
            # "sent 30 tonnes of medical supplies": the quantity's "of" object is what was sent.
            if child.lower_ in MEASURE_NOUNS or child.like_num or child.tag_ == "$":
                fr.objects.extend(
                    pobj
                    for g in child.children
                    if g.dep_ == "prep" and g.lower_ == "of"
                    for pobj in [pobj_of(g)]
                    if pobj is not None
                )
        elif dep == "agent":
            agent = pobj_of(child)
            if agent is not None:
                fr.subjects.append(agent)
        elif dep == "prep":
            fr.preps.append((child.lower_, pobj_of(child)))
        elif dep == "prt":
            fr.preps.append((child.lower_, None))
    if not any(c.dep_ == "dobj" for c in tok.children):
        noun = misparsed_object(tok)
        if noun is not None:
            fr.objects.append(noun)
            fr.preps.extend((g.lower_, pobj_of(g)) for g in noun.children if g.dep_ == "prep")
        # "allowed aid trucks to enter Gaza" parsed as a clause: its subject is the object.
        for clause in tok.children:
            if clause.dep_ == "ccomp" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in clause.children
            ):
                fr.objects.extend(c for c in clause.children if c.dep_ == "nsubj")
    if not fr.subjects and not passive:
        fr.subjects.extend(subject_candidates(tok)[:1])
    # "Thousands of farmers blocked highways": the patterns want the farmers.
    fr.subjects.extend(
        pobj
        for subj in list(fr.subjects)
        if subj.lower_ in MEASURE_NOUNS
        for g in subj.children
        if g.dep_ == "prep" and g.lower_ == "of"
        for pobj in [pobj_of(g)]
        if pobj is not None
    )
    return fr


def misparsed_object(tok: Token) -> Token | None:
    """A plural noun the tagger read as a verb: "imposed asset freezes and travel bans"
    parses "freezes" as a present-tense clause with "asset" as its subject."""
    for child in tok.children:
        if (
            child.dep_ == "ccomp"
            and child.tag_ == "VBZ"
            and child.i == tok.i + 2
            and any(
                g.dep_ == "nsubj" and g.i == child.i - 1 and g.pos_ == "NOUN"
                for g in child.children
            )
        ):
            return child
    return None


def subject_candidates(tok: Token) -> list[Token]:
    """Possible subjects of a verb, best first (see the module docstring)."""
    out: list[Token] = []
    cur = tok
    inherited = False
    via_conj = False
    for _ in range(8):
        own = next(
            (
                c
                for c in cur.children
                if c.dep_ in {"nsubj", "csubj"}
                # "The government's 'Homes for All' strategy promised": a possessor misread
                # as the subject is not one.
                and not any(g.dep_ == "case" for g in c.children)
            ),
            None,
        )
        if own is not None:
            out.append(own)
            if not inherited:
                return out
        elif any(c.dep_ == "nsubjpass" for c in cur.children):
            if not inherited:
                return out
            if not any(c.dep_ == "dobj" for c in tok.children):
                # "has been indicted ... and will resign": the passive subject is an
                # intransitive conjunct's subject (a transitive one has another agent)
                out.extend(c for c in cur.children if c.dep_ == "nsubjpass")
                return out
        if cur.dep_ == "acomp" and cur.pos_ == "ADJ":
            # "Syria says it is willing to withdraw": the copula's subject is the adjective's.
            cur = cur.head
            continue
        if cur.dep_ == "xcomp":
            head = cur.head
            if head.lemma_.lower() in REQUEST_VERBS:
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    out.append(obj)
                    return out
            cur = head
            continue
        if cur.dep_ == "conj" or (cur.dep_ == "advcl" and cur.tag_ == "VBG"):
            via_conj = via_conj or cur.dep_ == "conj"
            cur = cur.head
            inherited = True
            continue
        if via_conj and cur.dep_ == "ccomp" and reports_speech(cur.head):
            cur = cur.head
            continue
        return out
    return out


def reporting_verb(tok: Token) -> Token | None:
    """The speech verb whose complement contains ``tok``, if any."""
    cur = tok
    for _ in range(8):
        head = cur.head
        if cur.dep_ in {"ccomp", "parataxis"} and reports_speech(head):
            return head
        if head.i == cur.i:
            return None  # the root, its own head: the rest of the walk would stay on it
        cur = head
    return None


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:  # the root (spaCy builds a new Token on each access: no ``is``)
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _speech_clause(verb: Token) -> bool:
    """A speech verb, or a clause reported by one ("X happened, the ministry said")."""
    if reports_speech(verb):
        return True
    return any(c.dep_ in {"parataxis", "ccomp"} and reports_speech(c) for c in verb.children)


def _temporal_relative(clause: Token) -> bool:
    """ "late on Monday when police fired": a relative clause on a date is a time clause."""
    return is_time(clause.head) or any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children
    )


def verb_in_scope(tok: Token) -> bool:
    """False for verbs that do not report an event of their own (see module docstrings)."""
    if tok.dep_ in {"amod", "compound", "pcomp", "csubj", "nmod", "npadvmod"}:
        return False
    if tok.dep_ == "acl" and agent_of(tok) is None:
        return False  # "facilities used to launch attacks"; "a missile fired by the Houthis" stays
    if is_habitual(tok):
        return False
    head = tok.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "advcl" and infinitive and head.lemma_.lower() not in MOTION_VERBS:
        return False  # a purpose: an intention, not an event
    if tok.dep_ == "ccomp" and head.lemma_.lower() in DEMAND_VERBS:
        return False  # "demanded that Hamas renounce violence": the demand is the event
    if tok.dep_ == "xcomp" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma not in CONTROL_VERBS and not reports_speech(head):
            return False  # "used to launch", "considered resigning"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _speech_clause(head):
        return False  # "..., the ministry said, rejecting reports": an elaboration
    if tok.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in tok.children
    ):
        return False  # the condition of a hypothetical ("... if all the hostages were released")
    cur = tok
    for _ in range(10):
        head = cur.head
        if cur.dep_ == "relcl" and not _temporal_relative(cur):
            return False
        if cur.dep_ == "pcomp":
            return False
        if cur.dep_ in {"acl", "ccomp"} and head.pos_ in {"NOUN", "PROPN"}:
            return False  # "reports that civilians had been wounded"
        if head.i == cur.i:
            break  # the root, its own head: the rest of the walk would stay on it
        cur = head
    return True


TEMPORAL_PREPS = words("until till after before since during ahead prior")
SETTING_PREPS = words("at amid")


def noun_in_scope(tok: Token) -> bool:
    """False for event nouns that only situate something else in time ("until Friday's
    meeting", "after the talks"), modify another noun, are hypothetical ("any attack") or sit
    in a relative clause or a noun's complement."""
    if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS | SETTING_PREPS:
        return False  # "at a regional summit", "during the talks": the setting of another act
    if tok.dep_ in {"compound", "amod", "nmod"}:
        return False  # "riot police", "strike force": a modifier, not an event
    if any(c.dep_ == "det" and c.lower_ in {"any", "every", "each"} for c in tok.children):
        return False  # "a response to any Israeli attack": no attack has happened
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            return True
        if cur.dep_ == "relcl" and not _temporal_relative(cur):
            return False
        if cur.dep_ == "pcomp":
            return False
        if cur.dep_ in {"acl", "ccomp"} and cur.head.pos_ in {"NOUN", "PROPN"} and cur is not tok:
            return False
        cur = cur.head
    return True


def has_date(tok: Token) -> bool:
    """A date on an event noun: "an April 9 strike", "talks which opened on Sunday"."""
    for child in tok.children:
        if is_time(child) and child.dep_ in {
            "compound",
            "nmod",
            "npadvmod",
            "amod",
            "nummod",
            "poss",
        }:
            return True
        if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
            pobj = pobj_of(child)
            if pobj is not None and is_time(pobj):
                return True
        if child.dep_ in {"relcl", "acl"} and any(
            is_time(g) for g in child.subtree if g.i != tok.i
        ):
            return True
    return False


def bare_definite(tok: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
        for c in tok.children
    )


def generic_plural(tok: Token) -> bool:
    """ "Israeli attacks on arms transfers", "Western sanctions": plurals with no determiner."""
    if tok.tag_ != "NNS":
        return False
    if any(c.dep_ in {"det", "nummod", "poss"} for c in tok.children):
        return False  # "the strikes", "two raids", "its strikes": specific
    # "a series of air strikes" is specific.
    return not (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in {"series", "wave", "string", "spate", "number"}
    )


def ancestor_distance(tok: Token, ancestor: Token) -> int | None:
    dist = 0
    cur = tok
    while True:
        if cur.i == ancestor.i:
            return dist
        head = cur.head
        if head.i == cur.i or dist > 12:
            return None  # the root (not ``ancestor``), or too far
        cur = head
        dist += 1


def tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate(path_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return k + index[t.i]
    return 99


def phrase_text(head: Token) -> str:
    """A noun phrase's text up to its first comma, bracket or clause."""
    tokens = list(head.subtree)
    cut = len(tokens)
    for k, t in enumerate(tokens):
        if t.i > head.i and (t.text in {",", ";", "("} or t.dep_ in {"relcl", "acl"}):
            cut = k
            break
    tokens = tokens[:cut]
    return head.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")
