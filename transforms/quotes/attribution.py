"""Cues and the quotes they attribute: the intermediate records both extractors produce.

An ``Attribution`` is a cue token read off the parse (its verbatim phrase, lemma, addressee and
the head of its subject); a ``Candidate`` is a quote span with the attribution that found it, or
a pointer to the quote it continues. Speakers are resolved later, in article order, because
"he said" and floating quotes depend on who spoke before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.phrases import np_bounds
from transforms.nlp.speech import (
    ADDRESSEE_VERBS,
    CUE_ADDRESSEES,
    CUE_PP_NOUNS,
    is_according,
    particle_of,
)
from transforms.nlp.subjects import subject_of

QuoteType = Literal["direct", "indirect", "mixed"]


@dataclass(slots=True)
class Attribution:
    """A cue and the subject it attributes to (the subject is resolved to a speaker later)."""

    cue: Token
    cue_text: str
    cue_lemma: str
    subject: Token | None
    addressee: str | None = None
    source_tokens: tuple[int, int] | None = None  # for "according to X": X's token range


@dataclass(slots=True)
class Candidate:
    """A quote span before speaker resolution. ``end`` is exclusive; offsets index doc.text."""

    start: int
    end: int
    quote_type: QuoteType
    method: str
    confidence: float
    attribution: Attribution | None = None
    parent: Candidate | None = None  # the quote this one continues (same speaker)
    block: int = -1
    #: For a quote without a cue, the subject of the clause that introduces it.
    subject_hint: Token | None = None


def attribute(
    cue: Token, layout: DocLayout, outer_cue_of: dict[int, Token] | None = None
) -> Attribution:
    """Read the cue phrase, addressee and subject of a reporting verb (or "according to")."""
    doc = cue.doc
    if is_according(cue):
        to = doc[cue.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None and cue.i + 2 < len(doc):
            pobj = _head_of_following_np(doc[cue.i + 2])
        source = np_bounds(pobj) if pobj is not None else None
        return Attribution(cue, layout.text_of(cue.i, cue.i + 1), "accord", pobj, None, source)

    lemma = cue.lemma_.lower()
    last = cue.i
    # A particle or fixed complement belongs to the cue: "pointed out", "called on", "made clear".
    particle = particle_of(cue)
    if particle is not None:
        for child in cue.children:
            if child.lower_ == particle and child.i == last + 1:
                last = child.i
    addressee_tok = None
    if lemma in ADDRESSEE_VERBS:
        for child in cue.children:
            if child.dep_ in ("dobj", "dative", "iobj") and child.i > cue.i:
                addressee_tok = child
                break
    addressee = None
    if addressee_tok is not None:
        a_first, a_last = np_bounds(addressee_tok)
        addressee = layout.text_of(a_first, a_last)
        if a_first == last + 1 and a_first == a_last and addressee_tok.lower_ in CUE_ADDRESSEES:
            last = a_last  # wire style: "told reporters" is the cue
    # "said in a statement": the prepositional phrase right after the verb belongs to the cue.
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i == last + 1:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in CUE_PP_NOUNS and pobj.i <= child.i + 3:
                last = pobj.i
    subject = subject_of(cue, outer_cue_of)
    return Attribution(cue, layout.text_of(cue.i, last), lemma, subject, addressee)


def _head_of_following_np(tok: Token) -> Token:
    """Climb from the first token of a noun phrase to its head (for a mis-attached pobj)."""
    while tok.dep_ in ("det", "amod", "compound", "poss", "nummod") and tok.head.i > tok.i:
        tok = tok.head
    return tok
