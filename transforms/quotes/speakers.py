"""Speaker mentions: the subject of a cue, read off the parse as a name, pronoun or description.

A mention keeps what the article says at that point and nothing else: the surface form
("Russian foreign ministry spokeswoman Maria Zakharova"), the proper name without titles
("Maria Zakharova"), the role from pre-modifiers or an appositive ("Russian foreign ministry
spokeswoman", "expert on Iraqi security affairs") and its organisation part ("Russian foreign
ministry"). Resolving "she" or "the spokeswoman" to an entity is ``coref``'s job.

The parser is small and errs in predictable places (a sentence-initial name tagged as an
adverb, a subject swallowed by a relative clause), so ``subject_of`` falls back to reading the
words left of the cue when the tree has no subject for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from transforms.quotes.layout import DocLayout
from transforms.quotes.roles import (
    COLLECTIVE_NOUNS,
    COMPANY_NAME_WORDS,
    FEMALE_PRONOUNS,
    FIRST_SECOND_PERSON,
    GENERIC_PERSON_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    NON_SPEAKER_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
    expand_title,
    gender_of_words,
    is_company_noun,
    is_person_noun,
)

MentionKind = Literal["name", "surname", "pronoun", "nominal", "none"]
SpeakerType = Literal["person", "organisation", "group", "unknown"]

_QUOTE_CHARS = frozenset("\"“”‘’'«»„")
_NP_STOP = frozenset({",", ";", ":", "(", ")", "—", "–", "[", "]"})
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le"}
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "with", "from", "in"})


@dataclass(slots=True)
class Mention:
    """One speaker mention at a cue (see module docstring)."""

    first: int  # token range of the surface form, inclusive
    last: int
    text: str
    kind: MentionKind
    head: int  # token index of the mention's head noun / name / pronoun
    name: str | None  # the proper name without titles, for names
    speaker_type: SpeakerType
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "f" / "m"
    definite: bool = False
    possessed: bool = False  # "her publisher": someone's, introduced here, not a back-reference
    plural: bool = False
    head_lemma: str = ""
    modifiers: tuple[str, ...] = ()  # lower-case content words before the head
    role_words: frozenset[str] = frozenset()  # lemmas of the role, for nominal matching
    conjuncts: list[Mention] = field(default_factory=list)  # the parts of a joint speaker


def is_quote_mark(tok: Token) -> bool:
    """A quotation mark token (not a possessive apostrophe: "Governors' Forum")."""
    if tok.tag_ == "POS":
        return False
    return tok.text in _QUOTE_CHARS or (tok.is_quote and len(tok.text) == 1)


# --- finding the subject of a cue --------------------------------------------------------------


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


# --- building a mention -------------------------------------------------------------------------


def mention_at(head: Token, layout: DocLayout, bounds: tuple[int, int] | None = None) -> Mention:
    """The speaker mention whose head is ``head`` (the subject of a cue); ``bounds`` overrides
    the noun phrase's token range (for an issuer written as a modifier: "WHO estimates")."""
    if head.lower_ in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj"):
        antecedent = head.head.head if head.head.dep_ == "relcl" else None
        if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN"):
            head = antecedent
    if head.pos_ == "PRON":
        return _pronoun(head)

    first, last = bounds if bounds is not None else np_bounds(head)
    conjunct = _conjoined_name(head, last)
    if conjunct is not None:
        # "Mayor Lina Park and Governor Tom Ross said": a joint speaker, "A and B".
        cc, other = conjunct
        parts = [
            mention_at(head, layout, (first, cc - 1)),
            mention_at(other, layout, (cc + 1, last)),
        ]
        return _joint(parts, first, last, layout)
    tail = head.doc[last]
    if head.ent_type_ != "PERSON" and tail.ent_type_ == "PERSON" and tail.pos_ == "PROPN":
        # "Senate Committee on Police Affairs chairman Ibrahim Danladi" parsed with "Committee"
        # as head: a phrase ending in a title and a name is that person, the rest is the role.
        start = _entity_start(tail)
        if start > first and _is_role_word(head.doc[start - 1]):
            head = tail
    name_tok = _appositive_name(head)
    if name_tok is not None:
        # "The ICRC's head of delegation in Yemen, Franz Meier, said": the name is the mention,
        # the description before it is the role.
        nfirst, nlast = np_bounds(name_tok)
        mention = _named(name_tok, nfirst, nlast, layout)
        role_first = _skip_determiner(head.doc, first)
        mention.role = mention.role or _clean_role(layout.text_of(role_first, last))
        mention.affiliation = mention.affiliation or _affiliation(head.doc, role_first, last)
        _add_role_words(mention, head.doc, role_first, last)
        if mention.gender is None:
            mention.gender = gender_of_words([t.text for t in head.doc[first : last + 1]])
        return mention
    if _is_described_by_age(head.doc, first, last):
        return _nominal(head, first, last, layout)
    demonym = any(c.dep_ == "det" for c in head.children) and (
        head.ent_type_ == "NORP" or head.lower_.endswith(("man", "woman"))
    )
    if not demonym and (
        head.pos_ == "PROPN"
        or (head.text[:1].isupper() and (head.ent_type_ or _capitalised_mid_sentence(head)))
    ):
        return _named(head, first, last, layout)
    return _nominal(head, first, last, layout)


def _is_described_by_age(doc: Doc, first: int, last: int) -> bool:
    """ "the 46-year-old said": a person described by age (the parse splits it variously)."""
    window = doc[max(first - 1, 0) : min(last + 4, len(doc))]
    words = [t.lower_ for t in window]
    return any(
        words[k] == "year" and words[k + 1] == "-" and words[k + 2] == "old"
        for k in range(len(words) - 2)
    )


def _conjoined_name(head: Token, last: int) -> tuple[int, Token] | None:
    """A second name coordinated with a named head inside its phrase, and the "and" between."""
    if head.pos_ != "PROPN":
        return None
    doc = head.doc
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ == "PROPN" and head.i < child.i <= last:
            cc = next(
                (j for j in range(head.i + 1, child.left_edge.i + 1) if doc[j].lower_ == "and"),
                None,
            )
            if cc is not None:
                return cc, child
    return None


def _joint(parts: list[Mention], first: int, last: int, layout: DocLayout) -> Mention:
    types = {p.speaker_type for p in parts}
    stype: SpeakerType = "organisation" if types == {"organisation"} else "group"
    mention = Mention(
        first,
        last,
        layout.text_of(first, last),
        "name",
        parts[0].head,
        " and ".join(p.name or p.text for p in parts),
        stype,
        plural=True,
    )
    mention.conjuncts = parts
    return mention


def _capitalised_mid_sentence(tok: Token) -> bool:
    """A capitalised word the tagger took for a common noun ("Baines" as a plural, NNS) is a
    name when nothing but a quote mark precedes it in its sentence or it is mid-sentence."""
    if any(c.dep_ in ("det", "nummod", "amod", "poss", "quantmod") for c in tok.children):
        return False  # "two MPs who were in the room" describes, it does not name
    if len(tok.text) > 2 and tok.text[:-1].isupper():
        return False  # a plural acronym: "MPs", "CEOs"
    sent_start = tok.sent.start
    before = [t for t in tok.doc[sent_start : tok.i] if not (t.is_punct or t.is_space)]
    return bool(before) or tok.i > sent_start


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


def _appositive_name(head: Token) -> Token | None:
    """The name a description introduces: "his sister, Camille Marchetti" (appositive), or
    "Houthi spokesman and chief negotiator Yahya al-Hamdani" (parsed as a conjunct; without a
    determiner the conjoined nouns are titles of the one person, not two people)."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS":
        return None  # "Sources close to X, or Popular Mobilisation Front": not a name of them
    has_det = any(c.dep_ == "det" for c in head.children)
    doc = head.doc
    for child in head.children:
        if child.i <= head.i or child.pos_ != "PROPN":
            continue
        if doc[child.left_edge.i - 1].lower_ in ("or", "and"):
            continue
        if child.dep_ == "appos" or (
            child.dep_ == "conj" and not has_det and child.ent_type_ == "PERSON"
        ):
            return child
    return _name_between_commas(head)


def _name_between_commas(head: Token) -> Token | None:
    """'The head of the EU's observer mission, Henrik Dahl, said': a person's name set off by
    commas right after the description, whatever the parser attached it to."""
    doc = head.doc
    last = np_bounds(head)[1]
    if last + 2 >= len(doc) or doc[last + 1].text != ",":
        return None
    j = last + 2
    while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].pos_ == "PROPN":
        j += 1
    if j == last + 2 or j >= len(doc) or doc[j].text != ",":
        return None
    return doc[j - 1]


def _pronoun(tok: Token) -> Mention:
    low = tok.lower_
    gender = "f" if low in FEMALE_PRONOUNS else "m" if low in MALE_PRONOUNS else None
    plural = low in ("they", "them")
    stype: SpeakerType = (
        "person" if gender else "organisation" if low == "it" else "group" if plural else "unknown"
    )
    return Mention(
        tok.i, tok.i, tok.text, "pronoun", tok.i, None, stype, gender=gender, plural=plural
    )


def _named(head: Token, first: int, last: int, layout: DocLayout) -> Mention:
    """A mention headed by a proper noun: a person's name or an organisation's."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        first = min(first, _entity_start(head))
    name_first = _name_start(head, first)
    name_last = head.i
    # A name may continue right of its syntactic head: "Rodrigo Pardo Ruiz" parsed with Pardo as
    # head. Take following proper nouns that belong to the same phrase.
    while name_last < last and doc[name_last + 1].pos_ == "PROPN":
        name_last += 1
    if name_last > name_first and doc[name_last].text in ("'s", "’s"):
        name_last -= 1
    name = layout.text_of(name_first, name_last)
    surface_first = _skip_determiner(doc, first)
    text = layout.text_of(surface_first, last)
    words = [t.text for t in doc[first : last + 1]]
    stype = _named_type(head, doc[name_first : name_last + 1])
    mention = Mention(
        surface_first,
        last,
        text,
        "name",
        head.i,
        name,
        stype,
        gender=gender_of_words(words),
        definite=doc[first].lower_ == "the",
        head_lemma=head.lower_,
        plural=head.tag_ == "NNPS",
    )
    if stype == "person":
        role_last = name_first - 1
        role_first = _skip_determiner(doc, first)
        while role_first <= role_last and doc[role_first].lower_.rstrip(".") in HONORIFICS:
            role_first += 1
        while role_last >= role_first and doc[role_last].lower_.rstrip(".") in HONORIFICS:
            role_last -= 1
        role_parts: list[str] = []
        # Words before a name are a role only if they hold a title or role noun ("Harbour City
        # manager"), not in "an allegation Tan's camp denied".
        if role_first <= role_last and any(
            _is_role_word(t) for t in doc[role_first : role_last + 1]
        ):
            role_parts.append(layout.text_of(role_first, role_last))
            mention.affiliation = _affiliation(doc, role_first, role_last)
            _add_role_words(mention, doc, role_first, role_last)
        # "Sarah Whitby of the University of Adelaide": a post-modifier completes the role.
        if last > name_last and doc[name_last + 1].lower_ in _AFFILIATION_PREPS:
            role_parts.append(layout.text_of(name_last + 1, last))
            mention.affiliation = mention.affiliation or _clean_role(
                layout.text_of(name_last + 2, last)
            )
        mention.role = _clean_role(" ".join(role_parts)) if role_parts else None
        appos = _appositive_role(head, layout)
        if appos is not None:
            text_role, afirst, alast = appos
            # "Colonel Ivan Petrov, an army spokesman": rank and post are both the role.
            mention.role = f"{mention.role}, {text_role}" if mention.role else text_role
            mention.affiliation = mention.affiliation or _affiliation(doc, afirst, alast)
            _add_role_words(mention, doc, afirst, alast)
            if mention.gender is None:
                mention.gender = gender_of_words([t.text for t in doc[afirst : alast + 1]])
    else:
        mention.name = _org_name(head, surface_first, last, layout)
        mention.modifiers = _modifiers(doc, surface_first, head.i)
        # "Dutch equipment maker Veldhoven Lithography": the description says what it is.
        mention.role_words = frozenset(
            t.lemma_.lower() for t in doc[surface_first : head.i] if t.pos_ == "NOUN"
        )
    return mention


def _org_name(head: Token, first: int, last: int, layout: DocLayout) -> str:
    """An organisation's name: its entity span when NER has one ("International Committee of the
    Red Cross", not "... in the eastern province"), else the phrase ("Turkey’s defence ministry")
    without a trailing prepositional phrase that names nothing ("coalition of violating ...")."""
    doc = head.doc
    bounds = layout.entity_bounds[head.i]
    if head.ent_type_ in _ORG_ENTS and head.ent_type_ != "NORP" and bounds is not None:
        start, end = bounds
        if start >= first - 1 and end - 1 <= last and end - start > 1:
            return _strip_the(layout.text_of(start, end - 1))
    end = last
    for j in range(head.i + 1, last + 1):
        if doc[j].pos_ == "ADP":
            if not any(t.pos_ == "PROPN" for t in doc[j + 1 : last + 1]):
                end = j - 1
            break
    if head.text[:1].isupper() and end == head.i:
        # "German chemicals group Kessler Chemie": a capitalised name after a lower-case
        # description is the name; the description is not part of it.
        j = head.i
        while j > first and (doc[j - 1].text[:1].isupper() or doc[j - 1].text in ("-", "&")):
            j -= 1
        if j > first and doc[j - 1].text[:1].islower() and doc[j - 1].tag_ != "POS":
            first = j
    return _strip_the(layout.text_of(first, end))


def _nominal(head: Token, first: int, last: int, layout: DocLayout) -> Mention:
    """A description: "the spokeswoman", "an army spokesman", "Residents of Hodeidah"."""
    doc = head.doc
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    by_age = _is_described_by_age(doc, first, last)
    if by_age:
        # The parse may split "the 46-year-old"; the mention is the whole phrase.
        while first > 0 and (doc[first - 1].lower_ in ("the", "a", "-") or doc[first - 1].like_num):
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].lower_ in ("-", "year", "old"):
            last += 1
    if by_age or head.ent_type_ == "NORP" or head.lower_.endswith(("man", "woman")):
        # "the 46-year-old", "the Frenchman": a person described by age or nationality.
        lemma = "year-old" if by_age else lemma
        stype: SpeakerType = "group" if plural else "person"
    elif lemma in ORG_NOUNS or is_company_noun(lemma):
        stype = "organisation"
    elif is_person_noun(lemma):
        stype = "group" if plural else "person"
    elif (plural and (head.lower_ in GROUP_NOUNS or lemma in GROUP_NOUNS)) or (
        lemma in COLLECTIVE_NOUNS
    ):
        stype = "group"
    else:
        stype = "group" if plural else "unknown"
    if plural and stype == "organisation" and lemma in ("group", "organisation", "organization"):
        stype = "group"  # "rights groups"
    words = [t.text for t in doc[first : last + 1] if t.pos_ != "PRON"]
    mention = Mention(
        first,
        last,
        layout.text_of(first, last),
        "nominal",
        head.i,
        None,
        stype,
        gender=gender_of_words(words),
        definite=doc[first].lower_ in ("the", "this", "that") or doc[first].dep_ == "poss",
        possessed=doc[first].tag_ == "PRP$",
        plural=plural,
        head_lemma=lemma,
        modifiers=_modifiers(doc, first, head.i),
    )
    if stype == "organisation":
        mention.name = _org_name(head, first, last, layout)
    if stype == "person" and not mention.definite and lemma not in GENERIC_PERSON_NOUNS:
        role_first = _skip_determiner(doc, first)
        mention.role = _clean_role(layout.text_of(role_first, last))
        mention.affiliation = _affiliation(doc, role_first, last)
    return mention


def _name_start(head: Token, first: int) -> int:
    """Leftmost token of the proper name ending at ``head`` (titles and roles excluded)."""
    doc = head.doc
    start = _entity_start(head) if head.ent_type_ == "PERSON" else head.i
    j = start
    while j > first:
        prev = doc[j - 1]
        low = prev.lower_.rstrip(".")
        if prev.text in ("-", "‐") or low in _NAME_PARTICLES:
            j -= 1
            continue
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
            break
        if _is_role_word(prev):
            break  # "Majority Leader Dana Whitcombe": the name starts after the title
        if prev.lower_ in ORG_NOUNS and head.ent_type_ == "PERSON":
            break
        j -= 1
    while j < head.i and (
        doc[j].lower_.rstrip(".") in TITLES
        or doc[j].lower_.rstrip(".") in HONORIFICS
        or doc[j].text in ("-", ".")
    ):
        j += 1
    return j


def _entity_start(tok: Token) -> int:
    """First token of the named entity ``tok`` is in (the parse may not connect them)."""
    doc = tok.doc
    j = tok.i
    while j > 0 and doc[j].ent_iob_ == "I":
        j -= 1
    return j


def _is_role_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return (
        low in TITLES
        or expand_title(low) in TITLES
        or is_person_noun(tok.lemma_.lower())
        or low in HONORIFICS
    )


def _named_type(head: Token, name_tokens: Span) -> SpeakerType:
    ent = head.ent_type_
    words = [t.lower_ for t in name_tokens]
    if _described_as_person(head) and not any(w in ORG_NOUNS for w in words):
        return "person"  # "whose housing spokeswoman, Aoife Ní Bhriain," (NER said ORG)
    if len(words) > 1 and words[-1] in COMPANY_NAME_WORDS:
        return "organisation"  # "Kessler Chemie", "Baltvik Airlines" (NER often says PERSON)
    org_word = any(w in ORG_NOUNS or w in COMPANY_NAME_WORDS for w in words[1:] or words)
    if org_word and (ent != "PERSON" or head.lower_ in ORG_NOUNS):
        return "organisation"
    if ent == "PERSON":
        return "person"
    if ent in _ORG_ENTS:
        return "organisation"
    if head.lower_ in ORG_NOUNS or head.lemma_.lower() in ORG_NOUNS:
        return "organisation"
    if len(words) == 1 and head.text.isupper() and len(head.text) > 1:
        return "organisation"  # an acronym: "The FNV"
    return "person"


def _described_as_person(head: Token) -> bool:
    """A name in apposition to a person noun, or with a person title right before it."""
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in head.children):
        return True
    return any(
        c.dep_ == "compound"
        and c.i < head.i
        and c.pos_ == "NOUN"
        and c.lemma_.lower() in PERSON_NOUNS
        for c in head.children
    )


def _appositive_role(head: Token, layout: DocLayout) -> tuple[str, int, int] | None:
    """ "Haidar al-Jubouri, a spokesman for the Iraqi foreign ministry," -> that description."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.pos_ in ("NOUN", "PROPN"):
            if child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                continue
            first, last = np_bounds(child)
            first = _skip_determiner(doc, first)
            if first <= last:
                return _clean_role(layout.text_of(first, last)), first, last
    return None


def _affiliation(doc: Doc, first: int, last: int) -> str | None:
    """The organisation or country in a role: "spokesman for the Iraqi foreign ministry" ->
    "Iraqi foreign ministry"; "Russian foreign ministry spokeswoman" -> "Russian foreign
    ministry"; "Baltvik chief executive" -> "Baltvik"."""
    toks = doc[first : last + 1]
    for tok in toks:
        if tok.lower_ in _AFFILIATION_PREPS and tok.i < last and tok.lower_ != "in":
            start = _skip_determiner(doc, tok.i + 1)
            if start <= last and any(
                t.pos_ == "PROPN" or t.lemma_.lower() in ORG_NOUNS for t in doc[start : last + 1]
            ):
                return _clean_role(doc[start : last + 1].text)
    # Pre-modifiers: up to the last organisation noun, else the proper nouns.
    org_end = -1
    for tok in toks:
        if tok.lemma_.lower() in ORG_NOUNS and tok.i < last:
            org_end = tok.i
    start = first
    if doc[start].dep_ == "poss" or doc[start].lower_ in _DETERMINERS:
        start = _skip_determiner(doc, start)
    if org_end >= start:
        return _clean_role(doc[start : org_end + 1].text)
    # Capitalisation alone is not an organisation ("Foreign Minister"); an entity is.
    proper = [t for t in toks if t.ent_type_ in _ORG_ENTS or t.ent_type_ == "PERSON"]
    proper = [t for t in proper if t.lower_.rstrip(".") not in TITLES]
    if proper:
        a, b = proper[0].i, proper[-1].i
        if all(
            doc[k].pos_ in ("PROPN", "ADJ", "PART", "PUNCT") or doc[k].ent_type_
            for k in range(a, b + 1)
        ):
            return _clean_role(doc[a : b + 1].text)
    return None


def _add_role_words(mention: Mention, doc: Doc, first: int, last: int) -> None:
    words = {expand_title(t.text) for t in doc[first : last + 1] if t.is_alpha or "." in t.text}
    words |= {t.lemma_.lower() for t in doc[first : last + 1] if t.pos_ in ("NOUN", "PROPN")}
    mention.role_words = mention.role_words | frozenset(words)


def _modifiers(doc: Doc, first: int, head_i: int) -> tuple[str, ...]:
    """Content words before the head: "the Belarusian foreign ministry" -> (belarusian, foreign)."""
    out: list[str] = []
    for tok in doc[first:head_i]:
        if tok.pos_ in ("DET", "PRON", "PUNCT", "PART", "ADP", "CCONJ") or tok.is_space:
            continue
        out.append(tok.lower_)
    return tuple(out)


def _skip_determiner(doc: Doc, first: int) -> int:
    if first < len(doc) and doc[first].lower_ in _DETERMINERS:
        return first + 1
    return first


def _strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


_ROLE_LEADS = ("a ", "an ", "the ", "his ", "her ", "its ", "their ")


def _clean_role(text: str) -> str | None:
    """A role or affiliation without edge punctuation or a leading article or possessive
    pronoun ("Her spokesman" -> "spokesman"; "the company's chairman" keeps its owner)."""
    text = text.strip(" ,;:")
    for lead in _ROLE_LEADS:
        if text[: len(lead)].lower() == lead:
            text = text[len(lead) :]
            break
    return text or None
