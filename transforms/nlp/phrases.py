"""Token-level phrase helpers shared by the quote modules: quote-mark tokens, noun-phrase
bounds, entity starts.

The small parser often attaches appositives, relative clauses and quoted words inside a
subject's subtree; ``np_bounds`` cuts a noun phrase at the punctuation that ends it in news
prose (commas, brackets, dashes, quote marks) rather than trusting the subtree alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_QUOTE_CHARS = frozenset("\"“”‘’'«»„")

_NP_STOP = frozenset({",", ";", ":", "(", ")", "—", "–", "[", "]"})

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def is_quote_mark(tok: Token) -> bool:
    """A quotation mark token (not a possessive apostrophe: "Governors' Forum")."""
    if tok.tag_ == "POS":
        return False
    return tok.text in _QUOTE_CHARS or (tok.is_quote and len(tok.text) == 1)


def np_bounds(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, cut at commas, brackets and quotes.

    Restrictive modifiers stay ("two MPs who were in the room", "a spokesman for the premier");
    appositives and non-restrictive clauses after a comma go.
    """
    doc = head.doc
    first = head.i
    left = head.left_edge.i
    while first > left:
        prev = doc[first - 1]
        if prev.text in _NP_STOP or is_quote_mark(prev) or prev.is_space:
            break
        first -= 1
    while first < head.i and (doc[first].pos_ in ("CCONJ", "PUNCT") or is_quote_mark(doc[first])):
        first += 1
    last = head.i
    right = head.right_edge.i
    while last < right:
        nxt = doc[last + 1]
        if nxt.text in _NP_STOP or is_quote_mark(nxt) or nxt.is_space:
            break
        last += 1
    # "Supporters of Pelly" with "Pelly" mis-tagged and attached elsewhere: a preposition left
    # dangling before a proper name takes the name back.
    if last + 1 < len(doc) and doc[last].pos_ == "ADP" and doc[last].dep_ == "prep":
        j = last + 1
        while j < len(doc) and (
            doc[j].ent_type_ in ("PERSON", "ORG", "GPE") or doc[j].pos_ == "PROPN"
        ):
            j += 1
        last = j - 1 if j > last + 1 else last
    # A trailing possessive clitic or preposition is never the end of a speaker phrase.
    while last > head.i and doc[last].pos_ in ("ADP", "PART", "CCONJ", "DET", "PUNCT"):
        last -= 1
    return first, last


def skip_determiner(doc: Doc, first: int) -> int:
    if first < len(doc) and doc[first].lower_ in _DETERMINERS:
        return first + 1
    return first


def entity_start(tok: Token) -> int:
    """First token of the named entity ``tok`` is in (the parse may not connect them)."""
    doc = tok.doc
    j = tok.i
    while j > 0 and doc[j].ent_iob_ == "I":
        j -= 1
    return j


def strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def first_clause_token(sent: Span) -> int:
    """First token of a sentence that can start a clause (a quoted fragment's mark can)."""
    for tok in sent:
        if is_quote_mark(tok) or not (tok.is_space or tok.is_punct):
            return tok.i
    return sent.start
