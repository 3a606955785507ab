"""The subject of a cue: who the parse says is speaking, with repairs where it errs.

The small parser errs in predictable places: a sentence-initial name tagged as an adverb
("Pelly, who led the party, said"), an age parsed as the subject ('"...," said Pelly, 58'), a
possessor taken for the possessed ("The government's strategy promised"), a that-clause
subject and the attribution's subject both hung on the cue. ``subject_of`` follows the tree
where it is sound (coordination, participles, "quoted as saying") and otherwise reads the words
left of the cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.marks import QuoteSpan
from transforms.nlp.nouns import (
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    NON_SPEAKER_NOUNS,
    RELATIVE_PRONOUNS,
    SOURCE_DOCUMENT_NOUNS,
)
from transforms.nlp.phrases import is_quote_mark
from transforms.nlp.speech import asserts, cue_entry, is_according, may_cue


def subject_of(cue: Token, outer_cue_of: dict[int, Token] | None = None) -> Token | None:
    """The head token of the cue's speaker, or None.

    ``outer_cue_of`` maps a coordinated cue split out of a reported clause ("said the sanctions
    were illegal and vowed to respond") to the cue it shares its subject with.
    """
    # A passive subject counts: callers reject passive cues ("was told that"), and what reaches
    # here is "was quoted as saying", whose passive subject is the speaker.
    subjects = [
        c
        for c in cue.children
        if c.dep_ in ("nsubj", "csubj", "nsubjpass") and not is_quote_mark(c)
    ]
    # Two subjects means a misparse ("X cut deaths ..., researchers said"): the nearest wins.
    for child in sorted(subjects, key=lambda c: abs(cue.i - c.i))[:1]:
        if True:
            if child.pos_ == "NUM" or (child.lower_ in RELATIVE_PRONOUNS and cue.dep_ != "relcl"):
                # '"...," said Pelly, 58, who ...': an age or a stray "who" parsed as subject.
                return _subject_left_of(cue) or _noun_after(cue)
            if any(c.dep_ == "case" for c in child.children):
                # "The government’s “Homes for All” strategy ... promised": the possessor is
                # not the subject; the possessed noun before the cue is.
                return _possessed_noun(child, cue) or child
            return child
    if outer_cue_of and cue.i in outer_cue_of:
        return subject_of(outer_cue_of[cue.i], outer_cue_of)
    head = cue.head
    if head.i != cue.i:
        if cue.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return subject_of(head, outer_cue_of)
        if cue.dep_ == "acl" and cue.tag_ == "VBD" and head.pos_ in ("NOUN", "PROPN"):
            # "The bloc called on X to ..." misread as a reduced relative: a finite verb's
            # "antecedent" is its subject.
            return head
        if cue.dep_ in ("advcl", "xcomp") and (cue.tag_ == "VBG" or cue.dep_ == "xcomp"):
            # "rejected the demand, saying ..."; "used an interview to remind ..."
            subj = subject_of(head, outer_cue_of)
            if subj is not None:
                return subj
        if cue.dep_ == "pcomp" and head.lower_ == "as" and head.head.i != head.i:
            # "was quoted by the agency as saying ...": the one quoted speaks.
            subj = subject_of(head.head, outer_cue_of)
            if subj is not None:
                return subj
    return _subject_left_of(cue)


def _possessed_noun(possessor: Token, cue: Token) -> Token | None:
    """The noun a possessor qualifies, up to the first comma; None when a comma comes first
    ("Moody's, the rating agency, said": the name itself ends in 's)."""
    doc = cue.doc
    found = None
    for j in range(possessor.i + 1, cue.i):
        tok = doc[j]
        if tok.text == ",":
            break
        if tok.pos_ in ("NOUN", "PROPN") and not is_quote_mark(tok):
            found = tok
    return found


def _noun_after(cue: Token) -> Token | None:
    """The first name or noun right after an inverted cue ("said Pelly, 58")."""
    doc = cue.doc
    for j in range(cue.i + 1, min(cue.i + 6, cue.sent.end)):
        tok = doc[j]
        if tok.pos_ in ("PROPN", "NOUN"):
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            return tok
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _subject_left_of(cue: Token) -> Token | None:
    """Read leftwards for the subject the parser lost: "Pelly, who led the party, said"."""
    doc = cue.doc
    sent_start = cue.sent.start
    j = cue.i - 1
    while j >= sent_start and doc[j].pos_ in ("ADV", "AUX", "PART") and doc[j].text != ",":
        if doc[j].ent_type_ == "PERSON":
            return doc[j]
        j -= 1
    while j >= sent_start:
        tok = doc[j]
        if tok.text == ",":
            k = j - 1
            while k >= sent_start and doc[k].text != ",":
                k -= 1
            if k < sent_start:
                return None
            inner = doc[k + 1 : j]
            if len(inner) and all(t.pos_ == "PROPN" or t.text == "-" for t in inner):
                return inner[-1]  # an appositive name: "whose spokeswoman, Aoife Ní Bhriain,"
            j = k - 1
            continue
        if is_quote_mark(tok) or tok.is_space:
            return None
        if tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.ent_type_ == "PERSON":
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            return None
        j -= 1
    return None


def is_non_speaker(tok: Token) -> bool:
    """Subjects that cannot be speakers: books, plans, first- and second-person narrators."""
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in FIRST_SECOND_PERSON
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in NON_SPEAKER_NOUNS


def issuer_of(tok: Token) -> tuple[Token, tuple[int, int] | None] | None:
    """The issuer of a source document and, when it is a bare modifier, its token range:
    "a statement from the ICRC" -> ICRC; "the department’s own figures" -> department;
    "military intelligence estimates" -> intelligence, (military, intelligence). None when
    the phrase names no issuer ("a joint statement")."""
    lemma = tok.lemma_.lower()
    if lemma not in SOURCE_DOCUMENT_NOUNS and lemma not in DOCUMENT_NOUNS:
        return None
    # "from X" / "by X" / "published by X" name the issuer; "of X" only when nothing else
    # does ("a summary of the budget published by the council" is the council's).
    by_prep: dict[str, Token] = {}
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                by_prep.setdefault(child.lower_, pobj)
    for node in tok.subtree:
        if node.dep_ == "acl":
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                by_prep.setdefault("by", pobj)
    if lemma not in SOURCE_DOCUMENT_NOUNS:
        by_prep.pop("of", None)  # "a review of the filings", "an audit of the agency": a topic
    for prep in ("from", "by", "of"):
        if prep in by_prep:
            return by_prep[prep], None
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
            return child, None
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    nouns = [c for c in mods if c.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    first = min(c.left_edge.i for c in mods)
    while first < tok.i and tok.doc[first].lower_ in ("the", "a", "an", "its", "their", "own"):
        first += 1
    return nouns[-1], (first, tok.i - 1)


#: Complements that hold what a reporting verb reports.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def speaker_subjects(
    layout: DocLayout, quotations: Sequence[QuoteSpan], walls: Sequence[bool]
) -> set[int]:
    """Token indices of the speakers whose salience "he said" continues: the subject of a
    reporting verb that asserts something ("said", not "did not say" or "was told") and
    reports content (a clause, or a quotation it stands next to), and the X of "according to
    X". A reporting verb in passing ("called Palin a 'clown' when commenting on her speech")
    makes nobody the last speaker."""
    doc = layout.doc
    beside: set[int] = set()  # tokens next to a quotation's marks: '..." he said' / 'said: "'
    for span in quotations:
        close = layout.token_index_at(span.outer_end - 1)
        opening = layout.token_index_at(span.open)
        beside.update(range(close + 1, min(close + 5, len(doc))))
        beside.update(range(max(opening - 4, 0), opening))
    out: set[int] = set()
    pos, tags, lowers = layout.pos, layout.tags, layout.lowers
    for i in range(len(doc)):
        # Most words are neither "according" nor verbs: skip them without building a Token.
        if walls[i] or (lowers[i] != "according" and not may_cue(pos[i], tags[i])):
            continue
        tok = doc[i]
        if is_according(tok):
            pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None:
                out.add(pobj.i)
            continue
        if cue_entry(tok) is None or not asserts(tok):
            continue
        reports = tok.i in beside or any(c.dep_ in CONTENT_DEPS for c in tok.children)
        subject = subject_of(tok) if reports else None
        if subject is not None and not walls[subject.i]:
            out.add(subject.i)
    return out
