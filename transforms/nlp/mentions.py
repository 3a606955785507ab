"""Mentions read off the parse: a name (``names``), a pronoun or a description, from its head.

``mention_at`` is the one reading of a noun phrase that speakers and event actors share: the
subject of a cue, an event's subject or object, any noun phrase the coreference pass visits.
Resolving "she" or "the spokeswoman" to an entity is ``coref``'s job.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.nlp.layout import DocLayout
from transforms.nlp.names import modifiers_of, named_mention, org_name
from transforms.nlp.nouns import (
    ANAPHORS,
    COLLECTIVE_NOUNS,
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    GENERIC_PERSON_NOUNS,
    GROUP_NOUNS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    RELATIVE_PRONOUNS,
    could_be_someone,
    gender_of_words,
    is_company_noun,
    is_person_noun,
)
from transforms.nlp.phrases import entity_start, np_bounds, skip_determiner
from transforms.nlp.roles import (
    affiliation,
    clean_role,
    is_role_word,
    role_words_of,
)
from transforms.nlp.types import EntityType, Mention

_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_IT_PRONOUNS = frozenset({"it", "its", "itself"})


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
        mention = named_mention(name_tok, nfirst, nlast, layout)
        role_first = skip_determiner(head.doc, first)
        mention.role = mention.role or clean_role(layout.text_of(role_first, last))
        mention.affiliation = mention.affiliation or affiliation(head.doc, role_first, last)
        mention.role_words |= role_words_of(head.doc, role_first, last)
        if mention.gender is None:
            mention.gender = gender_of_words([t.text for t in head.doc[first : last + 1]])
        return mention
    if _is_described_by_age(layout, first, last):
        return _nominal(head, first, last, layout)
    demonym = any(c.dep_ == "det" for c in head.children) and (
        head.ent_type_ == "NORP" or head.lower_.endswith(("man", "woman"))
    )
    if not demonym and (
        head.pos_ == "PROPN"
        or (head.text[:1].isupper() and (head.ent_type_ or _capitalised_mid_sentence(head)))
    ):
        return named_mention(head, first, last, layout)
    return _nominal(head, first, last, layout)


def _is_described_by_age(layout: DocLayout, first: int, last: int) -> bool:
    """ "the 46-year-old said": a person described by age (the parse splits it variously)."""
    words = layout.lowers
    return any(
        words[k] == "year" and words[k + 1] == "-" and words[k + 2] == "old"
        for k in range(max(first - 1, 0), min(last + 4, len(words)) - 2)
    )


def _conjoined_name(head: Token, last: int) -> tuple[int, Token] | None:
    """A second name coordinated with a named head inside its phrase, and the "and" between."""
    if head.pos_ != "PROPN" or is_role_word(head):
        return None  # "former Gov. and party Chairman Ed Rendell": two titles of one person
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
    if not could_be_someone(head):
        return None  # "At a shelter in a school gym, Linda Cho said": a place, not her
    person_description = is_person_noun(head.lemma_.lower())
    has_det = any(c.dep_ == "det" for c in head.children)
    doc = head.doc
    for child in head.children:
        if child.i <= head.i or child.pos_ != "PROPN":
            continue
        if doc[child.left_edge.i - 1].lower_ in ("or", "and"):
            continue
        if child.ent_type_ == "PERSON" and not person_description:
            continue  # a person's name is not the name of "the evacuation centre"
        if child.dep_ == "appos" or (
            child.dep_ == "conj" and not has_det and child.ent_type_ == "PERSON"
        ):
            return child
    found = _name_between_commas(head)
    return found if found is None or person_description else None


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
    plural = low in _PLURAL_PRONOUNS
    stype: EntityType = (
        "person"
        if gender
        else "organisation"
        if low in _IT_PRONOUNS
        else "group"
        if plural
        else "unknown"
    )
    return Mention(
        tok.i, tok.i, tok.text, "pronoun", tok.i, None, stype, gender=gender, plural=plural
    )


def _nominal(head: Token, first: int, last: int, layout: DocLayout) -> Mention:
    """A description: "the spokeswoman", "an army spokesman", "Residents of Hodeidah"."""
    doc = head.doc
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    by_age = _is_described_by_age(layout, first, last)
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
    elif lemma in DOCUMENT_NOUNS:
        stype = "document"
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
        modifiers=modifiers_of(doc, first, head.i),
    )
    if stype == "organisation":
        mention.name = org_name(head, first, bare_end(head, last), layout)
    else:
        bare = bare_end(head, last)
        if bare < last:
            # "a senior aide who spoke on condition of anonymity": named without the clause.
            mention.name = layout.text_of(skip_determiner(doc, first), bare)
    if stype == "person" and not mention.definite and lemma not in GENERIC_PERSON_NOUNS:
        role_first = skip_determiner(doc, first)
        role_last = bare_end(head, last)
        mention.role = clean_role(layout.text_of(role_first, role_last))
        mention.affiliation = affiliation(doc, role_first, role_last)
    return mention


_DASHES = frozenset({"-", "–", "—", "("})


def bare_end(head: Token, last: int) -> int:
    """Where a description ends without what trails its head: a relative or participial clause
    ("mutual fund managers who think ...", "a memo seen by reporters"), a time ("a report on
    Wednesday") or an aside after a dash or bracket ("a coalition of groups - including X")."""
    doc = head.doc
    end = last
    for child in head.children:
        if child.i <= head.i or child.i > last:
            continue
        timed = child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if child.dep_ in ("relcl", "acl") or timed:
            end = min(end, child.left_edge.i - 1)
    for j in range(head.i + 1, end + 1):
        if doc[j].text in _DASHES and (doc[j - 1].whitespace_ or doc[j].text == "("):
            end = j - 1  # a spaced dash, not the hyphen of "Iraq-based"
            break
    while end > head.i and (doc[end].is_punct or doc[end].lower_ in ("and", "or")):
        end -= 1
    return end


#: NER labels of words that are never a mention ("March 2022", "14 votes").
NOT_MENTIONS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_mention_head(i: int, layout: DocLayout) -> bool:
    """Whether token ``i`` heads a noun phrase the pass resolves: a noun or name that is not
    part of a larger name or compound, an anaphoric pronoun, or a relative pronoun as subject
    (which stands for its antecedent). Asked of every noun of an article, so the layout's
    columns answer first and a Token is built only for the nouns that pass them."""
    pos, dep = layout.pos[i], layout.deps[i]
    if pos == "PRON":
        low = layout.lowers[i]
        if low in RELATIVE_PRONOUNS:
            return dep in SUBJECT_DEPS
        return low in ANAPHORS
    if pos not in ("NOUN", "PROPN") or layout.ent_types[i] in NOT_MENTIONS:
        return False
    if dep in ("compound", "flat", "amod"):
        return False
    tok = layout.doc[i]
    if _hyphen_modifier(tok):
        return False
    if layout.entity_roots[i] != i and dep == "pobj":
        return False  # "Teachers" in "the Nigerian Union of Teachers": part of a name
    # A common noun matters as a subject, or when it can name a person, organisation or group
    # ("the envoy", "the ministry", "protesters"); "the ballot" in passing is nobody.
    return pos == "PROPN" or dep in SUBJECT_DEPS or could_be_someone(tok)


def _hyphen_modifier(tok: Token) -> bool:
    """ "Saudi" in "the Saudi-led coalition", "Iran" in "Iran-backed militias": part of a
    modifier, not a mention of its own."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].text[:1].islower()
