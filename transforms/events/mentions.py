"""Actor mentions: a noun phrase coded as an actor (country, sector, canonical name).

``code_phrase`` codes one noun phrase lexically (see actors.py): "Israeli Prime Minister
Benjamin Netanyahu" -> ISR GOV "Benjamin Netanyahu"; "Iraq's foreign ministry" -> IRQ GOV;
"Turkish warplanes" -> TUR MIL. A hyphenated "X-led"/"X-based" modifier names the actor's country
("Saudi-led coalition", "Iraq-based militia"); "X-backed"/"X-funded" names a patron, not the
actor's country ("Iran-backed militias" are not Iranian).

Coreference (who "it", "the ministry" and "Lavrov" are) is ``memory.Memory``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.actors import (
    SECTOR_LABELS,
    actor_lexicon,
    code_at,
    country_name,
    normalise_word,
    parse_code,
)
from transforms.events.places import gazetteer
from transforms.events.syntax import words

#: Role nouns that say nothing about the sector: the sector comes from what they speak for.
ROLE_NOUNS = words(
    "spokesman spokeswoman spokesperson spokesmen source sources member members head chief "
    "leader leaders representative representatives chairman chairwoman chair director"
)
#: Words stripped from the front of a person's name to get a canonical name.
TITLE_WORDS = words(
    "mr mrs ms dr prof professor det sgt sir dame lord lady gen general col colonel lt "
    "lieutenant lieutenant-colonel major captain corporal sergeant bishop senator president "
    "minister king queen prince sheikh ayatollah judge justice rep sen"
)
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
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
#: Definite nominals that stand for the most recent actor of a sector.
SECTOR_NOMINALS = {
    "bloc": "IGO",
    "union": "IGO",
    "alliance": "IGO",
    "group": "REB",
    "militants": "REB",
}
#: "The two sides", "both countries", "the parties": the parties of a dispute.
GROUP_NOMINALS = frozenset({"side", "party", "country", "nation", "government", "delegation"})
#: Person-like generic heads that can be an actor ("two men", "the suspects").
PERSON_HEADS = words(
    "man men woman women person people suspect suspects youth youths attacker attackers "
    "assailant assailants pair two three four five six seven eight nine ten"
)


@dataclass(slots=True)
class Actor:
    """A coded actor mention."""

    text: str
    canonical: str | None
    country: str | None
    sector: str | None
    kind: str  # "state", "person", "organisation", "group" or "generic"
    head: int  # token index of the phrase head
    start: int
    end: int
    named: bool = False  # a proper name, not a generic nominal
    plural: bool = False
    international: bool = False
    explicit_country: bool = False  # the country was stated, not inferred
    head_coded: bool = False  # the head word itself is a dictionary actor or agent
    role: bool = False  # a title or function is stated ("spokeswoman", "minister")
    parts: tuple[Actor, ...] | None = None  # the conjuncts of a compound actor
    proper_modifier: bool = False  # a name we could not code modifies it ("Biden administration")
    national: bool = False  # a country or demonym is named in the phrase ("U.S. Treasury")


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


def _words(tokens: list[Token]) -> tuple[list[str], list[int]]:
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


def _title_case(name: str) -> str:
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
    while tokens and tokens[0].lower_.rstrip(".") in TITLE_WORDS:
        tokens = tokens[1:]
    if not tokens:
        return None
    return doc[tokens[0].i : ent.end].text.strip(" .,")


def code_phrase(tokens: list[Token], head: Token, published: date | None) -> Actor:
    """Lexical coding of one noun phrase (no coreference)."""
    doc = head.doc
    words, starts = _words(tokens)
    lex = actor_lexicon()
    matches = lex.find(words)
    text = doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text
    country: str | None = None
    explicit = False
    sector: str | None = None
    canonical: str | None = None
    international = False
    kind = "generic"
    head_word = max((k for k, s in enumerate(starts) if s <= head.i), default=len(words) - 1)
    named = head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"}
    bare_countries: list[str] = []
    head_match = None
    for m in matches:
        if m.actor is None:
            continue
        code = code_at(m.actor, published)
        parsed = parse_code(code)
        covers_head = m.start <= head_word < m.end
        if parsed.country and code == parsed.country:
            bare_countries.append(parsed.country)
        if covers_head:
            head_match = (m, parsed, code)
    modifier_agents: list[str] = []
    head_agent: str | None = None
    head_coded = any(m.start <= head_word < m.end for m in matches)
    role = any(m.agent is not None for m in matches) or any(w.lower() in ROLE_NOUNS for w in words)
    for m in matches:
        if m.agent is None:
            continue
        parsed = parse_code(m.agent)
        if parsed.international:
            international = True
            sector = parsed.sector
            continue
        role_neutral = words[m.end - 1].lower() in ROLE_NOUNS or words[m.end - 1].startswith(
            "SPOKES"
        )
        if m.start <= head_word < m.end:
            if not role_neutral:
                head_agent = parsed.sector
        elif parsed.sector and not role_neutral:
            modifier_agents.append(parsed.sector)
    if head_match is not None:
        m, parsed, code = head_match
        named = True
        if parsed.international:
            international = True
            sector = parsed.sector
            kind = "organisation"
            canonical = _title_case(m.actor[0].removeprefix("THE ").removeprefix("The "))
        elif parsed.country and code == parsed.country:
            country, explicit = parsed.country, True
            kind = "state"
            canonical = country_name(parsed.country)
            if head.tag_ in {"NNS", "NNPS"} or head.lower_.endswith("ians"):
                # "hundreds of Palestinians": people of a country, not its state
                kind, sector = "group", "CVL"
                canonical = f"{country_name(parsed.country)} civilians"
        else:
            country = parsed.country
            explicit = country is not None
            sector = parsed.sector
            kind = "person" if head.ent_type_ == "PERSON" else "organisation"
            canonical = _title_case(m.actor[0])
    # "UN Secretary-General Antonio Guterres": the office, not the person's old national role.
    if (
        head_match is not None
        and kind == "person"
        and any(
            m.actor is not None
            and m is not head_match[0]
            and parse_code(code_at(m.actor, published)).international
            for m in matches
        )
    ):
        country, international, explicit = None, True, False
        sector = "IGO"
    # "NATO foreign ministers", "UN envoy": an international body's people are international.
    if (
        head_match is None
        and any(
            m.actor is not None and parse_code(code_at(m.actor, published)).international
            for m in matches
        )
        and not bare_countries
    ):
        international = True
        sector = sector or head_agent
    # A stated nationality beats the country an institution's entry carries ("Nigeria's Senate"
    # matches the US Senate entry): modifiers that are bare countries win.
    modifier_countries = [c for c in bare_countries if head_match is None or c != country]
    if modifier_countries and (head_match is None or kind != "state"):
        country, explicit = modifier_countries[0], True
    if sector is None:
        sector = head_agent or (modifier_agents[0] if modifier_agents else None)
    if country is None and not international and head_match is None:
        # "the Biden administration", "Putin's government": a leader's country is the body's.
        for m in matches:
            if m.actor is not None:
                parsed = parse_code(code_at(m.actor, published))
                if parsed.country:
                    country, explicit = parsed.country, True
                    break
    if head_match is not None and kind == "state" and sector is None and head_agent is None:
        sector = modifier_agents[0] if modifier_agents else None
    if country is None and not international:
        country = _gazetteer_country(tokens, head)
        explicit = explicit or country is not None
    name = person_name(doc, head)
    if name is not None:
        kind = "person"
        canonical = canonical if head_match is not None and kind == "person" else name
        named = True
    elif kind == "generic" and head.ent_type_ in {"ORG", "NORP"} and head.pos_ == "PROPN":
        kind = "organisation"
    if canonical is None:
        if head.ent_type_ == "ORG" or (named and kind == "organisation"):
            canonical = _strip_det(text)
        elif country and sector:
            canonical = f"{country_name(country)} {SECTOR_LABELS.get(sector, sector.lower())}"
        elif country:
            canonical = country_name(country)
        else:
            canonical = _strip_det(text)
    if kind == "state" and sector is None and _is_capital(head, country):
        sector = "GOV"  # "Moscow condemned": the capital stands for the government
    plural = head.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "nummod" for t in head.children)
    return Actor(
        text=strip_punct(text),
        canonical=canonical,
        country=country,
        sector=sector,
        kind=kind,
        head=head.i,
        start=tokens[0].i if tokens else head.i,
        end=(tokens[-1].i + 1) if tokens else head.i + 1,
        named=named,
        plural=plural,
        international=international,
        explicit_country=explicit,
        head_coded=head_coded,
        role=role or sector is not None,
        proper_modifier=country is None and _proper_modifier(tokens, head),
        national=bool(bare_countries),
    )


def _strip_det(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an", "this", "that", "these", "those"}:
        words = words[1:]
    return " ".join(words) or text


def strip_punct(text: str) -> str:
    return text.strip(" ,;:")


def _gazetteer_country(tokens: list[Token], head: Token) -> str | None:
    """Country of a place named in the phrase ("Hamilton Police Service", "police in Nairobi")."""
    located = [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in {"in", "from"}
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}
    ]
    for tok in [*tokens, *located]:
        if _patron(tok):
            continue
        if tok.ent_type_ in {"GPE", "LOC"} and tok.ent_iob_ == "B":
            ent = entity_at(tok)
            if ent is not None:
                place = gazetteer().lookup(ent.text)
                if place is not None:
                    return place.country
    return None


def _proper_modifier(tokens: list[Token], head: Token) -> bool:
    """A name other than the head's own ("Biden" in "the Biden administration")."""
    own = entity_at(head)
    inside = range(own.start, own.end) if own is not None else range(head.i, head.i + 1)
    return any(
        t.i not in inside and t.ent_type_ in {"PERSON", "ORG"} and t.pos_ == "PROPN" for t in tokens
    )


def _patron(tok: Token) -> bool:
    """ "Iran" in "Iran-backed": a patron named inside a hyphenated modifier."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
        return False
    return "-" + doc[tok.i + 2].text.upper() in PATRON_SUFFIXES


def _is_capital(head: Token, country: str | None) -> bool:
    if country is None or head.ent_type_ != "GPE":
        return False
    from transforms.events.actors import countries

    record = countries().get(country)
    return bool(record) and str(record.get("capital", "")).lower() == head.text.lower()


def same_mention(a: Actor | None, b: Actor | None) -> bool:
    """Do two mentions name the same actor (same phrase or same canonical name)?"""
    if a is None or b is None:
        return False
    return a.head == b.head or (bool(a.canonical) and a.canonical == b.canonical)


def merge_identity(actor: Actor, extra: Actor) -> Actor:
    return replace(
        actor,
        country=actor.country or extra.country,
        sector=actor.sector or extra.sector,
        explicit_country=actor.explicit_country or extra.explicit_country,
        international=actor.international or extra.international,
        role=actor.role or extra.role,
    )


def definite(head: Token) -> bool:
    """ "the ministry", "its envoy", "both sides", "the two delegations"."""
    return any(
        (
            c.dep_ in {"det", "poss", "predet"}
            and c.lower_ in {"the", "this", "that", "these", "those", "its", "their", "both"}
        )
        for c in head.children
    )


def is_actor_like(actor: Actor, head: Token) -> bool:
    """Could this phrase be an actor at all (not "the timeframe", "snakebites")?

    The head itself must name one: "the government's strategy" is a document even though its
    possessor is an actor.
    """
    if actor.head_coded or actor.kind in {"person", "state", "organisation"}:
        return True
    if head.lower_ in ROLE_NOUNS or head.lower_.startswith("spokes"):
        return True  # "the party's chairman", "a spokesman for the ministry": a person
    if head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or head.pos_ == "PROPN":
        return True
    return head.lower_ in PERSON_HEADS or head.lemma_.lower() in PERSON_HEADS


def conjuncts(head: Token) -> list[Token]:
    """The head and its coordinated phrases: "the government and the Houthi movement"."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.extend(conjuncts(child))
    return out


def combine(actors: Iterable[Actor]) -> Actor | None:
    """One compound actor for a coordination ("X and Y"): shared country if they agree."""
    items = [a for a in actors if a is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    first = items[0]
    return replace(
        first,
        text=" and ".join(a.text for a in items),
        canonical=" and ".join(a.canonical or a.text for a in items),
        # The first conjunct's identity stands for the group; the text keeps them all.
        country=first.country,
        sector=first.sector,
        plural=True,
        start=min(a.start for a in items),
        end=max(a.end for a in items),
        parts=tuple(items),
    )
