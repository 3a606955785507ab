"""Noun phrases as the actor dictionaries see them: the tokens that make a phrase, its
dictionary words, the PERSON name it holds.

A hyphenated "X-led"/"X-based" modifier names the actor's country ("Saudi-led coalition",
"Iraq-based militia"), so the suffix is cut and "X" is looked up; "X-backed"/"X-funded" names a
patron, not the actor's country ("Iran-backed militias" are not Iranian), so the word is
dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.events.actors import normalise_word
from transforms.events.syntax import words
from transforms.nlp.nouns import HONORIFICS, TITLES

#: Words stripped from the front of a person's name (the layer's titles and honorifics).
_TITLES = TITLES | HONORIFICS

#: Role nouns that say nothing about the sector: the sector comes from what they speak for.
ROLE_NOUNS = words(
    "spokesman spokeswoman spokesperson spokesmen source sources member members head chief "
    "leader leaders representative representatives chairman chairwoman chair director"
)
#: Hyphenated modifiers: "X-led" names the actor's own country, "X-backed" only a patron.
OWN_SUFFIXES = ("-LED", "-BASED", "-RUN", "-CONTROLLED", "-HELD", "-OWNED")
PATRON_SUFFIXES = (
    "-BACKED",
    "-FUNDED",
    "-SUPPORTED",
    "-SPONSORED",
    "-ALIGNED",
    "-ALLIED",
    "-FRIENDLY",
    "-LINKED",
    "-AFFILIATED",
    "-TRAINED",
    "-ARMED",
)
#: Heads that are a quantity of what follows: "thousands of protesters".
QUANTITY_HEADS = words(
    "thousands hundreds dozens scores millions number group crowd crowds handful majority lot "
    "lots bunch series wave units unit"
)
_EXCLUDED_DEPS = frozenset(
    {"relcl", "acl", "appos", "cc", "conj", "advcl", "ccomp", "punct", "prep", "case", "mark"}
)


def np_tokens(head: Token) -> list[Token]:
    """The head's noun phrase without clauses, appositions, conjuncts or most prepositions.

    "of" after a quantity or role ("thousands of protesters", "head of the delegation") and
    "for" after a spokesman are kept: they say who the phrase is.
    """
    keep: list[Token] = []

    def walk(tok: Token) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ in _EXCLUDED_DEPS:
                if child.dep_ == "punct" and child.text in {"-", "–", "'", "’"}:
                    keep.append(child)
                    continue
                if child.dep_ == "case":
                    keep.append(child)
                    continue
                if (
                    child.dep_ == "prep"
                    and tok.i == head.i
                    and (
                        (child.lower_ == "of" and head.lower_ in QUANTITY_HEADS | ROLE_NOUNS)
                        or (child.lower_ == "for" and head.lower_ in ROLE_NOUNS)
                    )
                ):
                    walk(child)
                continue
            walk(child)

    walk(head)
    keep.sort(key=lambda t: t.i)
    # Trim a trailing bracket left by the acronym apposition "Workers' Party (PKK)".
    while keep and keep[-1].is_punct and keep[-1].text not in {")", "’", "'"}:
        keep.pop()
    return keep


def dictionary_words(tokens: list[Token]) -> tuple[list[str], list[int]]:
    """Dictionary words of a phrase (tokens glued without spaces) and their first token index."""
    words: list[str] = []
    starts: list[int] = []
    current = ""
    first = -1
    for k, tok in enumerate(tokens):
        text = tok.text.strip('()[]"“”')
        if not current:
            first = tok.i
        current += text
        glued = not tok.whitespace_ and k + 1 < len(tokens) and tokens[k + 1].i == tok.i + 1
        if glued:
            continue
        if current:
            words.append(current)
            starts.append(first)
        current = ""
    out_words: list[str] = []
    out_starts: list[int] = []
    for word, start in zip(words, starts, strict=True):
        w = normalise_word(word)
        if w.endswith(PATRON_SUFFIXES):
            continue
        for suffix in OWN_SUFFIXES:
            if w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        if w:
            out_words.append(w)
            out_starts.append(start)
    return out_words, out_starts


def title_case(name: str) -> str:
    small = {"of", "the", "and", "for", "al", "el", "de", "du", "bin", "ibn", "van", "von", "da"}
    parts = []
    for i, word in enumerate(name.lower().split()):
        if i and word in small:
            parts.append(word)
        else:
            parts.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(parts)


def entity_at(tok: Token) -> Span | None:
    """The named entity containing ``tok`` (found from its IOB tags, not by scanning)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def person_name(doc: Doc, head: Token) -> str | None:
    """The name of the PERSON entity containing ``head``, without titles."""
    if head.ent_type_ != "PERSON":
        return None
    ent = entity_at(head)
    if ent is None:
        return None
    tokens = [t for t in ent if not t.is_punct or t.text in {"-", "'", "’"}]
    while tokens and tokens[0].lower_.rstrip(".") in _TITLES:
        tokens = tokens[1:]
    if not tokens:
        return None
    return doc[tokens[0].i : ent.end].text.strip(" .,")


def strip_det(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an", "this", "that", "these", "those"}:
        words = words[1:]
    return " ".join(words) or text


def strip_punct(text: str) -> str:
    return text.strip(" ,;:")
