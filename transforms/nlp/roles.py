"""Roles and affiliations: what the article says a speaker is, and for whom.

Roles come from pre-modifiers ("Russian foreign ministry spokeswoman Maria Zakharova"),
appositives ("Saad al-Hadithi, an expert on Iraqi security affairs") and post-modifiers
("Sarah Whitby of the University of Adelaide"); the affiliation is the organisation or country
part of the role, when it has one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.nouns import (
    HONORIFICS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLES,
    expand_title,
    is_person_noun,
)
from transforms.nlp.phrases import np_bounds, skip_determiner

AFFILIATION_PREPS = frozenset({"for", "of", "at", "with", "from", "in"})
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def is_role_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return (
        low in TITLES
        or expand_title(low) in TITLES
        or is_person_noun(tok.lemma_.lower())
        or low in HONORIFICS
    )


def described_as_person(head: Token) -> bool:
    """A name in apposition to a person noun or an age ("Smith, 52,"), or with a person title
    right before it."""
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_NOUNS:
        return True
    if any(
        c.dep_ == "appos" and (c.lemma_.lower() in PERSON_NOUNS or c.like_num)
        for c in head.children
    ):
        return True
    return any(
        c.dep_ == "compound"
        and c.i < head.i
        and c.pos_ == "NOUN"
        and c.lemma_.lower() in PERSON_NOUNS
        for c in head.children
    )


def appositive_role(head: Token, layout: DocLayout) -> tuple[str, int, int] | None:
    """ "Haidar al-Jubouri, a spokesman for the Iraqi foreign ministry," -> that description."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.pos_ in ("NOUN", "PROPN"):
            if child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                continue
            first, last = np_bounds(child)
            first = skip_determiner(doc, first)
            role = clean_role(layout.text_of(first, last)) if first <= last else None
            if role:
                return role, first, last
    return None


def affiliation(doc: Doc, first: int, last: int) -> str | None:
    """The organisation or country in a role: "spokesman for the Iraqi foreign ministry" ->
    "Iraqi foreign ministry"; "Russian foreign ministry spokeswoman" -> "Russian foreign
    ministry"; "Baltvik chief executive" -> "Baltvik"."""
    toks = doc[first : last + 1]
    for tok in toks:
        if tok.lower_ in AFFILIATION_PREPS and tok.i < last and tok.lower_ != "in":
            start = skip_determiner(doc, tok.i + 1)
            if start <= last and any(
                t.pos_ == "PROPN" or t.lemma_.lower() in ORG_NOUNS for t in doc[start : last + 1]
            ):
                return clean_role(doc[start : last + 1].text)
    # Pre-modifiers: up to the last organisation noun, else the proper nouns.
    org_end = -1
    for tok in toks:
        if tok.lemma_.lower() in ORG_NOUNS and tok.i < last:
            org_end = tok.i
    start = first
    if doc[start].dep_ == "poss" or doc[start].lower_ in _DETERMINERS:
        start = skip_determiner(doc, start)
    if org_end >= start:
        return clean_role(doc[start : org_end + 1].text)
    # Capitalisation alone is not an organisation ("Foreign Minister"); an entity is.
    proper = [t for t in toks if t.ent_type_ in _ORG_ENTS or t.ent_type_ == "PERSON"]
    proper = [t for t in proper if t.lower_.rstrip(".") not in TITLES]
    if proper:
        a, b = proper[0].i, proper[-1].i
        if all(
            doc[k].pos_ in ("PROPN", "ADJ", "PART", "PUNCT") or doc[k].ent_type_
            for k in range(a, b + 1)
        ):
            return clean_role(doc[a : b + 1].text)
    return None


def role_words_of(doc: Doc, first: int, last: int) -> frozenset[str]:
    """The words of a role, titles spelled out and nouns lemmatised, for matching "the
    spokeswoman" or "the detective" against it. A person who owns the role is not in it: "the
    president's deputy national security adviser" is no president."""
    tokens = [
        t
        for t in doc[first : last + 1]
        if not (t.dep_ == "poss" and is_person_noun(t.lemma_.lower()))
    ]
    words = {expand_title(t.text) for t in tokens if t.is_alpha or "." in t.text}
    words |= {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "PROPN")}
    return frozenset(words)


_ROLE_LEADS = ("a ", "an ", "the ", "his ", "her ", "its ", "their ", "whose ")


def clean_role(text: str) -> str | None:
    """A role or affiliation without edge punctuation or a leading article or possessive
    pronoun ("Her spokesman" -> "spokesman"; "the company's chairman" keeps its owner)."""
    text = text.strip(" ,;:")
    for lead in _ROLE_LEADS:
        if text[: len(lead)].lower() == lead:
            text = text[len(lead) :]
            break
    return text or None
