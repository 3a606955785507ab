"""Speaker mentions: the subject of a cue, read off the parse as a name, pronoun or description.

A mention keeps what the article says at that point and nothing else: the surface form
("Russian foreign ministry spokeswoman Maria Zakharova"), the proper name without titles
("Maria Zakharova"), its kind (name, pronoun, description), its type (person, organisation,
group) and the role it states (see ``roles``). Resolving "she" or "the spokeswoman" to an entity
is ``coref``'s job; finding the subject token is ``subjects``'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.nouns import (
    COLLECTIVE_NOUNS,
    COMPANY_NAME_WORDS,
    FEMALE_PRONOUNS,
    GENERIC_PERSON_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
    gender_of_words,
    is_company_noun,
    is_person_noun,
)
from transforms.nlp.phrases import entity_start, np_bounds, skip_determiner, strip_the
from transforms.nlp.roles import (
    AFFILIATION_PREPS,
    affiliation,
    appositive_role,
    clean_role,
    described_as_person,
    is_role_word,
    role_words_of,
)

MentionKind = Literal["name", "surname", "pronoun", "nominal", "none"]

EntityType = Literal["person", "organisation", "group", "unknown"]

_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le"}
)

_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(slots=True)
class Mention:
    """One speaker mention at a cue (see module docstring)."""

    first: int  # token range of the surface form, inclusive
    last: int
    text: str
    kind: MentionKind
    head: int  # token index of the mention's head noun / name / pronoun
    name: str | None  # the proper name without titles, for names
    entity_type: EntityType
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
        start = entity_start(tail)
        if start > first and is_role_word(head.doc[start - 1]):
            head = tail
    name_tok = _appositive_name(head)
    if name_tok is not None:
        # "The ICRC's head of delegation in Yemen, Franz Meier, said": the name is the mention,
        # the description before it is the role.
        nfirst, nlast = np_bounds(name_tok)
        mention = _named(name_tok, nfirst, nlast, layout)
        role_first = skip_determiner(head.doc, first)
        mention.role = mention.role or clean_role(layout.text_of(role_first, last))
        mention.affiliation = mention.affiliation or affiliation(head.doc, role_first, last)
        mention.role_words |= role_words_of(head.doc, role_first, last)
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
    types = {p.entity_type for p in parts}
    stype: EntityType = "organisation" if types == {"organisation"} else "group"
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
    stype: EntityType = (
        "person" if gender else "organisation" if low == "it" else "group" if plural else "unknown"
    )
    return Mention(
        tok.i, tok.i, tok.text, "pronoun", tok.i, None, stype, gender=gender, plural=plural
    )


def _named(head: Token, first: int, last: int, layout: DocLayout) -> Mention:
    """A mention headed by a proper noun: a person's name or an organisation's."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        first = min(first, entity_start(head))
    name_first = _name_start(head, first)
    name_last = head.i
    # A name may continue right of its syntactic head: "Rodrigo Pardo Ruiz" parsed with Pardo as
    # head. Take following proper nouns that belong to the same phrase.
    while name_last < last and doc[name_last + 1].pos_ == "PROPN":
        name_last += 1
    if name_last > name_first and doc[name_last].text in ("'s", "’s"):
        name_last -= 1
    name = layout.text_of(name_first, name_last)
    surface_first = skip_determiner(doc, first)
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
        role_first = skip_determiner(doc, first)
        while role_first <= role_last and doc[role_first].lower_.rstrip(".") in HONORIFICS:
            role_first += 1
        while role_last >= role_first and doc[role_last].lower_.rstrip(".") in HONORIFICS:
            role_last -= 1
        role_parts: list[str] = []
        # Words before a name are a role only if they hold a title or role noun ("Harbour City
        # manager"), not in "an allegation Tan's camp denied".
        if role_first <= role_last and any(
            is_role_word(t) for t in doc[role_first : role_last + 1]
        ):
            role_parts.append(layout.text_of(role_first, role_last))
            mention.affiliation = affiliation(doc, role_first, role_last)
            mention.role_words |= role_words_of(doc, role_first, role_last)
        # "Sarah Whitby of the University of Adelaide": a post-modifier completes the role.
        if last > name_last and doc[name_last + 1].lower_ in AFFILIATION_PREPS:
            role_parts.append(layout.text_of(name_last + 1, last))
            mention.affiliation = mention.affiliation or clean_role(
                layout.text_of(name_last + 2, last)
            )
        mention.role = clean_role(" ".join(role_parts)) if role_parts else None
        appos = appositive_role(head, layout)
        if appos is not None:
            text_role, afirst, alast = appos
            # "Colonel Ivan Petrov, an army spokesman": rank and post are both the role.
            mention.role = f"{mention.role}, {text_role}" if mention.role else text_role
            mention.affiliation = mention.affiliation or affiliation(doc, afirst, alast)
            mention.role_words |= role_words_of(doc, afirst, alast)
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
            # A possessor before the entity belongs to the name ("Turkey’s defence ministry").
            if start > first and doc[start - 1].tag_ == "POS":
                start = skip_determiner(doc, first)
            return strip_the(layout.text_of(start, _with_acronym(doc, end - 1)))
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
    else:
        first = _after_descriptors(doc, first, head.i)
    return strip_the(layout.text_of(first, _with_acronym(doc, end)))


def _with_acronym(doc: Doc, last: int) -> int:
    """Extend a name over a parenthesised acronym right after it: "People’s Defence Forces
    (HPG)"."""
    if (
        last + 3 < len(doc)
        and doc[last + 1].text == "("
        and doc[last + 3].text == ")"
        and doc[last + 2].text.isupper()
        and len(doc[last + 2].text) > 1
    ):
        return last + 3
    return last


def _after_descriptors(doc: Doc, first: int, head_i: int) -> int:
    """Skip describing words before a proper name inside an organisation phrase: "the ruling
    Georgian Dream party" is named "Georgian Dream party", "the state-run Xinhua news agency"
    "Xinhua news agency". Nothing is skipped when no proper name follows ("the health
    ministry") or when the words are not descriptors ("Turkey’s defence ministry")."""
    j = skip_determiner(doc, first)
    k = j
    while (
        k < head_i
        and (
            doc[k].pos_ in ("ADJ", "ADV", "VERB") or doc[k].text == "-" or doc[k].dep_ == "npadvmod"
        )
        and not doc[k].text[:1].isupper()
    ):
        k += 1
    if k > j and k < head_i and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN":
        return k
    return first


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
        stype: EntityType = "group" if plural else "person"
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
        role_first = skip_determiner(doc, first)
        mention.role = clean_role(layout.text_of(role_first, last))
        mention.affiliation = affiliation(doc, role_first, last)
    return mention


def _name_start(head: Token, first: int) -> int:
    """Leftmost token of the proper name ending at ``head`` (titles and roles excluded)."""
    doc = head.doc
    start = entity_start(head) if head.ent_type_ == "PERSON" else head.i
    j = start
    while j > first:
        prev = doc[j - 1]
        low = prev.lower_.rstrip(".")
        if prev.text in ("-", "‐") or low in _NAME_PARTICLES:
            j -= 1
            continue
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
            break
        if is_role_word(prev):
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


def _named_type(head: Token, name_tokens: Span) -> EntityType:
    ent = head.ent_type_
    words = [t.lower_ for t in name_tokens]
    if described_as_person(head) and not any(w in ORG_NOUNS for w in words):
        return "person"  # "whose housing spokeswoman, Aoife Ní Bhriain," (NER said ORG)
    if len(words) > 1 and words[-1] in COMPANY_NAME_WORDS:
        return "organisation"  # "Kessler Chemie", "Baltvik Airlines" (NER often says PERSON)
    before = head.doc[name_tokens.start - 1] if name_tokens.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and (is_company_noun(before.lemma_.lower()) or before.lemma_.lower() in ORG_NOUNS)
    ):
        return "organisation"  # "craft beer maker Glenmoss", "chemicals group Kessler Chemie"
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


def _modifiers(doc: Doc, first: int, head_i: int) -> tuple[str, ...]:
    """Content words before the head: "the Belarusian foreign ministry" -> (belarusian, foreign)."""
    out: list[str] = []
    for tok in doc[first:head_i]:
        if tok.pos_ in ("DET", "PRON", "PUNCT", "PART", "ADP", "CCONJ") or tok.is_space:
            continue
        out.append(tok.lower_)
    return tuple(out)
