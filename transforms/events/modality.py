"""Polarity and modality of a trigger from its auxiliaries, negation and conditional clauses.

* negative: the trigger (or the verb it depends on, for "did not agree to extend") carries a
  negation ("did not strike", "has not been released", "no attack"), or its passive subject
  does ("no deadline had been set").
* hypothetical: "could", "might", "may" or an "if"/"unless" clause ("could return to the table
  if all the hostages were released").
* future: "will", "shall", "would", "is to", "is going to", "is set/due/scheduled to".
* threatened: set by the coder for THREATEN events (threats and vows).

Reported concessions and other verbal acts stay asserted: in "the party said it would postpone the
bill", the announcement is the event and it has happened; "would" only describes its content.
"""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
#: "is set to", "is due to", "plans to": heads whose infinitive complement is future.
FUTURE_HEADS = frozenset({"set", "due", "schedule", "plan", "expect", "go", "intend", "prepare"})
_CONDITIONAL_MARKS = frozenset({"if", "unless"})


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it borrows auxiliaries from (xcomp/conj heads)."""
    chain = [trigger]
    tok = trigger
    while tok.dep_ in {"xcomp", "conj"} and tok.head.i != tok.i and len(chain) < 4:
        tok = tok.head
        chain.append(tok)
    return chain


def is_negated(trigger: Token) -> bool:
    for tok in _clause_chain(trigger):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if child.dep_ == "nsubjpass" and _has_no(child):
                return True  # "no deadline had been set": nothing was set
        if tok.dep_ != "xcomp":
            break  # a negated conjunct does not negate its sibling ("X and did not Y")
    return False


def _has_no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _aux_words(trigger: Token) -> set[str]:
    words: set[str] = set()
    for tok in _clause_chain(trigger):
        words.update(c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"})
        if tok.dep_ == "conj":
            continue
        break
    return words


def is_hypothetical(trigger: Token) -> bool:
    if _aux_words(trigger) & HYPOTHETICAL_AUX:
        return True
    for tok in _clause_chain(trigger):
        for child in tok.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in child.children
            ):
                return True
    return False


def is_future(trigger: Token) -> bool:
    if _aux_words(trigger) & FUTURE_AUX:
        return True
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_HEADS


def modality(trigger: Token, *, verbal: bool) -> str:
    """ "hypothetical", "future" or "asserted" for a trigger (THREATEN is set by the coder)."""
    if is_hypothetical(trigger):
        return "hypothetical"
    if not verbal and is_future(trigger):
        return "future"
    return "asserted"
