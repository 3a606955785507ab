"""Named mentions: a person's name with the titles and roles around it, or an organisation's.

"Russian foreign ministry spokeswoman Maria Zakharova" is the person "Maria Zakharova" with the
role "Russian foreign ministry spokeswoman" and the affiliation "Russian foreign ministry";
"the ruling Georgian Dream party" is the organisation "Georgian Dream party". NER's PERSON and
ORG labels are unreliable on the small model, so the type also reads titles, company words and
the nouns around the name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from transforms.nlp.gender import first_name_gender
from transforms.nlp.layout import DocLayout
from transforms.nlp.nouns import (
    COMPANY_NAME_WORDS,
    HONORIFICS,
    ORG_NOUNS,
    TITLES,
    gender_of_words,
    is_company_noun,
)
from transforms.nlp.phrases import entity_start, skip_determiner, strip_the
from transforms.nlp.roles import (
    AFFILIATION_PREPS,
    affiliation,
    appositive_role,
    clean_role,
    described_as_person,
    is_role_word,
    role_words_of,
)
from transforms.nlp.types import EntityType, Mention

_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le"}
)

#: Parties and political camps written before a name as part of the role.
PARTY_WORDS = frozenset(
    {
        "republican", "republicans", "democrat", "democrats", "democratic", "gop",
        "conservative", "labour", "liberal", "independent", "libertarian", "socialist",
        "tory", "progressive",
    }
)  # fmt: skip

#: Words of photo credits and agency bylines that a caption can glue to a name ("Getty Images
#: John Roe", "The Canadian Press Ann Lee"): never the start of a person's name.
CREDIT_WORDS = frozenset(
    {"getty", "images", "reuters", "ap", "afp", "epa", "press", "photo", "via", "the", "xinhua"}
)

ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "across", "outside", "inside"})


def named_mention(head: Token, first: int, last: int, layout: DocLayout) -> Mention:
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
    # Gender from the title and name only: "Daniel Ferrante and his wife" is not a woman.
    words = [t.text for t in doc[first : name_last + 1]]
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
        if mention.gender is None and name_last > name_first:
            # "Nina Patel": the first name's usual gender, when the words around say none.
            mention.gender = first_name_gender(doc[name_first].text)
        role_last = name_first - 1
        role_first = skip_determiner(doc, first)
        while role_first <= role_last and doc[role_first].lower_.rstrip(".") in HONORIFICS:
            role_first += 1
        while role_last >= role_first and doc[role_last].lower_.rstrip(".") in HONORIFICS:
            role_last -= 1
        role_parts: list[str] = []
        # Words before a name are a role only if they hold a title or role noun ("Harbour City
        # manager"), not in "an allegation Tan's camp denied".
        before = doc[role_first : role_last + 1]
        credit = any(t.lower_ in CREDIT_WORDS and t.lower_ != "the" for t in before)
        if (
            role_first <= role_last
            and not credit
            and any(is_role_word(t) or is_affiliation_word(t) for t in before)
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
        mention.name = org_name(head, surface_first, last, layout)
        mention.modifiers = modifiers_of(doc, surface_first, head.i)
        # "Dutch equipment maker Veldhoven Lithography": the description says what it is.
        mention.role_words = frozenset(
            t.lemma_.lower() for t in doc[surface_first : head.i] if t.pos_ == "NOUN"
        )
    return mention


def org_name(head: Token, first: int, last: int, layout: DocLayout) -> str:
    """An organisation's name: its entity span when NER has one ("International Committee of the
    Red Cross", not "... in the eastern province"), else the phrase ("Turkey’s defence ministry")
    without a trailing prepositional phrase that names nothing ("coalition of violating ...")."""
    doc = head.doc
    bounds = layout.entity_bounds[head.i]
    if head.ent_type_ in ORG_ENTS and head.ent_type_ != "NORP" and bounds is not None:
        start, end = bounds
        if start >= first - 1 and end - 1 <= last and end - start > 1:
            # A possessor before the entity belongs to the name ("Turkey’s defence ministry").
            if start > first and doc[start - 1].tag_ == "POS":
                start = skip_determiner(doc, first)
            return strip_the(layout.text_of(start, _with_acronym(doc, end - 1)))
    end = last
    for j in range(head.i + 1, last + 1):
        if doc[j].pos_ == "ADP":
            # "Committee on Foreign Relations" keeps its phrase; "Sanders in California" and
            # "police in Nairobi" are located by theirs.
            places = doc[j].lower_ in _LOCATIVE_PREPS
            if places or not any(t.pos_ == "PROPN" for t in doc[j + 1 : last + 1]):
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
        if head.ent_type_ == "PERSON" and prev.ent_type_ in ("NORP", "GPE", "ORG"):
            break  # "Democrat Clinton", "Russian Lavrov": a party or country, not a forename
        j -= 1
    while j < head.i and (
        doc[j].lower_.rstrip(".") in TITLES
        or doc[j].lower_.rstrip(".") in HONORIFICS
        or doc[j].text in ("-", ".")
        or is_affiliation_word(doc[j])
        or doc[j].lower_ in CREDIT_WORDS
    ):
        j += 1
    return j


def is_affiliation_word(tok: Token) -> bool:
    """A party or nationality written before a name ("Republican Marco Rubio", "French
    President ..."): part of the role, never of the name."""
    return tok.lower_ in PARTY_WORDS or (tok.ent_type_ == "NORP" and not tok.text.isupper())


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
    if ent in ORG_ENTS:
        return "organisation"
    if head.lower_ in ORG_NOUNS or head.lemma_.lower() in ORG_NOUNS:
        return "organisation"
    if len(words) == 1 and head.text.isupper() and len(head.text) > 1:
        return "organisation"  # an acronym: "The FNV"
    return "person"


def modifiers_of(doc: Doc, first: int, head_i: int) -> tuple[str, ...]:
    """Content words before the head: "the Belarusian foreign ministry" -> (belarusian, foreign)."""
    out: list[str] = []
    for tok in doc[first:head_i]:
        if tok.pos_ in ("DET", "PRON", "PUNCT", "PART", "ADP", "CCONJ") or tok.is_space:
            continue
        out.append(tok.lower_)
    return tuple(out)


# ---- comparing names ----------------------------------------------------------------------

_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la"})


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, hyphens split, possessive clitics dropped.

    Memoised: the resolver compares the same few names of an article many times over; the
    answer is a tuple of strings, which no caller can change.
    """
    out: list[str] = []
    for raw in name.replace("-", " ").replace("‐", " ").split():
        w = raw.lower().strip(".,()[]\"“”'")
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        if w and w not in ("the", "a", "an"):
            out.append(w)
    return tuple(out)


def possessor_only(name: str, words: tuple[str, ...]) -> bool:
    """Whether ``words`` are just the possessor of ``name``: "Colombia" in "Colombia's
    National Liberation Army" names the country, not the army."""
    head, sep, rest = name.replace("’", "'").partition("'s ")
    return bool(sep and rest) and name_words(head) == words


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``."""
    n, m = len(longer), len(shorter)
    if m == 0 or m > n:
        return False
    return any(longer[i : i + m] == shorter for i in range(n - m + 1))


def first_name_only(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` occur in a longer person ``name`` only as its opening words."""
    n, m = len(name), len(words)
    if m >= n:
        return False
    return all(name[i : i + m] != words for i in range(1, n - m + 1))


def acronym_of(name: str) -> str:
    """Initials of a multi-word name: "International Committee of the Red Cross" -> "ICRC"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()
