"""Lexical coding of one noun phrase as an actor: country, sector, kind and canonical name.

``code_phrase`` reads a phrase with the actor dictionaries (``actors``): "Israeli Prime Minister
Benjamin Netanyahu" -> ISR GOV "Benjamin Netanyahu"; "Iraq's foreign ministry" -> IRQ GOV;
"Turkish warplanes" -> TUR MIL. It is a short pipeline of readings, each a small function from
what is known so far (an ``_Identity``) to what the next clue adds:

1. the dictionary entry covering the head word, if any (a country, an international body, a
   person or institution with a dated code);
2. an international office held by a named person ("UN Secretary-General Antonio Guterres") or
   the people of an international body ("NATO foreign ministers");
3. a stated nationality, which beats the country an institution's entry carries ("Nigeria's
   Senate" matches the US Senate entry);
4. the sector of the role nouns (agents: "police", "warplanes", "!minist!"), and the country
   of a leader named in the phrase ("the Biden administration");
5. the country of a place named in or right after the phrase ("police in Nairobi");
6. a PERSON name, and the canonical name the row will carry.

No coreference happens here: who "it" or "the ministry" is comes from the language layer
(``memory``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from spacy.tokens import Token

from transforms.events.actor import Actor
from transforms.events.actors import ActorRecord, LexMatch, actor_lexicon, code_at
from transforms.events.codes import SECTOR_LABELS, ParsedCode, countries, country_name, parse_code
from transforms.events.phrases import (
    PATRON_SUFFIXES,
    ROLE_NOUNS,
    dictionary_words,
    entity_at,
    person_name,
    strip_det,
    strip_punct,
    title_case,
)
from transforms.events.places import gazetteer

_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: Titles of state office, in the dictionary's upper case ("PRESIDENT", "PRIME", "EMIR").
STATE_TITLES = frozenset(
    {"PRESIDENT", "PREMIER", "PRIME", "CHANCELLOR", "KING", "QUEEN", "EMIR", "SULTAN"}
    | {"MINISTER", "VICE-PRESIDENT", "GOVERNOR", "AMBASSADOR", "ENVOY", "SHEIKH"}
)
#: Generic heads of a named body ("the Hamas movement", "the APEC forum").
ORG_HEADS = frozenset(
    {"movement", "network", "group", "organisation", "organization", "party", "front"}
    | {"faction", "militia", "forum", "alliance", "coalition", "union", "council", "bloc"}
)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the dictionaries say about a phrase: its words, the matches with their codes (on
    the publication date), and which match covers the head word."""

    words: list[str]
    head_word: int
    matches: list[LexMatch]
    coded: list[tuple[LexMatch, str | None, ParsedCode]]  # actor matches with their codes
    head_match: tuple[LexMatch, str | None, ParsedCode] | None
    bare_countries: list[str]  # matches that are a country and nothing more ("Turkish")
    head_agent: str | None  # the sector of a role noun at the head ("police")
    modifier_agents: list[str]  # sectors of role nouns before it ("army spokesman")

    def any_international(self, *, besides: LexMatch | None = None) -> bool:
        return any(p.international for m, _, p in self.coded if m is not besides)


class _Identity(NamedTuple):
    """What is known of the actor so far (a named tuple: every phrase of every article goes
    through a chain of small updates, and ``_replace`` costs a fraction of a dataclass
    ``replace``)."""

    kind: str = "generic"
    country: str | None = None
    explicit: bool = False  # the country was stated, not inferred
    sector: str | None = None
    canonical: str | None = None
    international: bool = False
    named: bool = False


def code_phrase(tokens: list[Token], head: Token, published: date | None) -> Actor:
    """Lexical coding of one noun phrase (no coreference); see the module docstring."""
    reading = _read(tokens, head, published)
    identity = _Identity(named=head.pos_ == "PROPN" or head.ent_type_ in _NAMED_LABELS)
    identity = _from_international_agents(identity, reading)
    identity = _from_head_match(identity, reading, head)
    identity = _with_international_office(identity, reading)
    identity = _with_stated_nationality(identity, reading)
    identity = _with_agent_sector(identity, reading)
    identity = _with_place(identity, tokens, head)
    identity = _with_person(identity, reading, head)
    identity = _with_state_title(identity, reading)
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text
    identity = identity._replace(canonical=_canonical(identity, head, text))
    if identity.kind == "state" and identity.sector is None and _is_capital(head, identity.country):
        identity = identity._replace(sector="GOV")  # "Moscow condemned": the government
    role = any(m.agent is not None for m in reading.matches) or any(
        w.lower() in ROLE_NOUNS for w in reading.words
    )
    return Actor(
        text=strip_punct(text),
        canonical=identity.canonical,
        country=identity.country,
        sector=identity.sector,
        kind=identity.kind,
        head=head.i,
        start=tokens[0].i if tokens else head.i,
        end=(tokens[-1].i + 1) if tokens else head.i + 1,
        named=identity.named,
        plural=head.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "nummod" for t in head.children),
        international=identity.international,
        explicit_country=identity.explicit,
        head_coded=any(m.start <= reading.head_word < m.end for m in reading.matches),
        role=role or identity.sector is not None,
        proper_modifier=identity.country is None and _proper_modifier(tokens, head),
        national=bool(reading.bare_countries),
    )


def _read(tokens: list[Token], head: Token, published: date | None) -> _Reading:
    words, starts = dictionary_words(tokens)
    matches = actor_lexicon().find(words)
    head_word = max((k for k, s in enumerate(starts) if s <= head.i), default=len(words) - 1)
    coded: list[tuple[LexMatch, str | None, ParsedCode]] = []
    for m in matches:
        if m.actor is not None:
            code = code_at(m.actor, published)
            parsed = parse_code(code)
            country_only = parsed.country is not None and code == parsed.country
            if (
                country_only
                and head.ent_type_ == "PERSON"
                and m.start <= head_word < m.end
                and _longer_name(head)
            ):
                continue  # "Benjamin J. Rhodes" is a man, not the island's country
            coded.append((m, code, parsed))
    # The last match covering the head wins, as a scan left to right leaves it.
    covering = [c for c in coded if c[0].start <= head_word < c[0].end]
    if not covering and head.lemma_.lower() in ORG_HEADS:
        # "the Palestinian Islamic Jihad movement", "the al-Qaeda terror network": a named
        # body before a generic head is the head's name.
        covering = [
            c for c in coded if c[0].end <= head_word <= c[0].end + 2 and c[1] != c[2].country
        ]
    head_agent: str | None = None
    modifier_agents: list[str] = []
    for m in matches:
        if m.agent is None:
            continue
        parsed = parse_code(m.agent)
        last = words[m.end - 1]
        if parsed.international or last.lower() in ROLE_NOUNS or last.startswith("SPOKES"):
            continue  # "spokesman", "head": the sector comes from what they speak for
        if m.start <= head_word < m.end:
            head_agent = parsed.sector
        elif parsed.sector:
            modifier_agents.append(parsed.sector)
    return _Reading(
        words=words,
        head_word=head_word,
        matches=matches,
        coded=coded,
        head_match=covering[-1] if covering else None,
        bare_countries=[p.country for _, code, p in coded if p.country and code == p.country],
        head_agent=head_agent,
        modifier_agents=modifier_agents,
    )


def _from_international_agents(identity: _Identity, reading: _Reading) -> _Identity:
    """A role noun of an international body ("IAEA inspectors"): international, its sector."""
    for m in reading.matches:
        if m.agent is not None:
            parsed = parse_code(m.agent)
            if parsed.international:
                identity = identity._replace(international=True, sector=parsed.sector)
    return identity


def _from_head_match(identity: _Identity, reading: _Reading, head: Token) -> _Identity:
    """The dictionary entry covering the head word: a body, a country, a person."""
    if reading.head_match is None:
        return identity
    m, code, parsed = reading.head_match
    record: ActorRecord = m.actor  # type: ignore[assignment]  # coded matches have an actor
    if parsed.international:
        name = record[0].removeprefix("THE ").removeprefix("The ")
        return identity._replace(
            named=True,
            international=True,
            sector=parsed.sector,
            kind="organisation",
            canonical=title_case(name),
        )
    if parsed.country and code == parsed.country:
        if head.tag_ in {"NNS", "NNPS"} or head.lower_.endswith("ians"):
            # "hundreds of Palestinians": people of a country, not its state
            return identity._replace(
                named=True,
                country=parsed.country,
                explicit=True,
                kind="group",
                sector="CVL",
                canonical=f"{country_name(parsed.country)} civilians",
            )
        return identity._replace(
            named=True,
            country=parsed.country,
            explicit=True,
            kind="state",
            canonical=country_name(parsed.country),
        )
    return identity._replace(
        named=True,
        country=parsed.country,
        explicit=parsed.country is not None,
        sector=parsed.sector,
        kind="person" if head.ent_type_ == "PERSON" else "organisation",
        canonical=title_case(record[0]),
    )


def _with_international_office(identity: _Identity, reading: _Reading) -> _Identity:
    """ "UN Secretary-General Antonio Guterres": the office, not the person's old national
    role; "NATO foreign ministers", "UN envoy": an international body's people."""
    head_match = reading.head_match
    if head_match is not None:
        if identity.kind == "person" and reading.any_international(besides=head_match[0]):
            return identity._replace(country=None, international=True, explicit=False, sector="IGO")
        return identity
    if reading.any_international() and not reading.bare_countries:
        return identity._replace(international=True, sector=identity.sector or reading.head_agent)
    return identity


def _with_stated_nationality(identity: _Identity, reading: _Reading) -> _Identity:
    """Modifiers that are bare countries win over an institution's own country."""
    head_match = reading.head_match
    stated = [c for c in reading.bare_countries if head_match is None or c != identity.country]
    if stated and (head_match is None or identity.kind != "state"):
        return identity._replace(country=stated[0], explicit=True)
    return identity


def _with_agent_sector(identity: _Identity, reading: _Reading) -> _Identity:
    """The sector of the role nouns ("Turkish army"); a leader's country for the body they
    lead ("the Biden administration", "Putin's government")."""
    if identity.sector is None:
        first_modifier = reading.modifier_agents[0] if reading.modifier_agents else None
        identity = identity._replace(sector=reading.head_agent or first_modifier)
    if identity.country is None and not identity.international and reading.head_match is None:
        leader = next((p.country for _, _, p in reading.coded if p.country), None)
        if leader is not None:
            identity = identity._replace(country=leader, explicit=True)
    return identity


def _with_place(identity: _Identity, tokens: list[Token], head: Token) -> _Identity:
    """Country of a place named in the phrase ("Hamilton Police Service", "police in
    Nairobi"), when nothing else gave one."""
    if identity.country is not None or identity.international:
        return identity
    country = _gazetteer_country(tokens, head)
    return identity._replace(country=country, explicit=identity.explicit or country is not None)


def _with_person(identity: _Identity, reading: _Reading, head: Token) -> _Identity:
    """A PERSON name: a person, called by the dictionary's name when it knows them."""
    name = person_name(head.doc, head)
    if name is not None:
        canonical = identity.canonical if reading.head_match is not None else name
        return identity._replace(kind="person", canonical=canonical, named=True)
    if identity.kind == "generic" and head.ent_type_ in {"ORG", "NORP"} and head.pos_ == "PROPN":
        return identity._replace(kind="organisation")
    return identity


def _with_state_title(identity: _Identity, reading: _Reading) -> _Identity:
    """A person with a state office and a nationality ("Russian President Boris Yeltsin",
    "Japanese Prime Minister X") is the government's, even when the dictionary's entry for
    the name has no code at the publication date."""
    if identity.kind != "person" or identity.sector or not identity.country:
        return identity
    if not reading.bare_countries or not STATE_TITLES & set(reading.words):
        return identity
    return identity._replace(sector="GOV")


def _canonical(identity: _Identity, head: Token, text: str) -> str:
    """The name the events table carries: the dictionary's or the person's, else the
    organisation's own words, else "<country> <sector>"."""
    if identity.canonical is not None:
        return identity.canonical
    country, sector = identity.country, identity.sector
    if head.ent_type_ == "ORG" or (identity.named and identity.kind == "organisation"):
        return strip_det(text)
    if country and sector:
        return f"{country_name(country)} {SECTOR_LABELS.get(sector, sector.lower())}"
    if country:
        return country_name(country)
    return strip_det(text)


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
        if patron(tok):
            continue
        if tok.ent_type_ in {"GPE", "LOC"} and tok.ent_iob_ == "B":
            ent = entity_at(tok)
            if ent is not None:
                place = gazetteer().lookup(ent.text)
                if place is not None:
                    return place.country
    return None


def _longer_name(head: Token) -> bool:
    """Is ``head`` part of a person's name of several words? A lone country name the small
    model tags as a person ("aid to Mali", "talks with Chad") is still the country."""
    ent = entity_at(head)
    return ent is not None and len([t for t in ent if not t.is_punct]) > 1


def _proper_modifier(tokens: list[Token], head: Token) -> bool:
    """A name other than the head's own ("Biden" in "the Biden administration")."""
    own = entity_at(head)
    inside = range(own.start, own.end) if own is not None else range(head.i, head.i + 1)
    return any(
        t.i not in inside and t.ent_type_ in {"PERSON", "ORG"} and t.pos_ == "PROPN" for t in tokens
    )


def patron(tok: Token) -> bool:
    """ "Iran" in "Iran-backed": a patron named inside a hyphenated modifier."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
        return False
    return "-" + doc[tok.i + 2].text.upper() in PATRON_SUFFIXES


def _is_capital(head: Token, country: str | None) -> bool:
    if country is None or head.ent_type_ != "GPE":
        return False
    record = countries().get(country)
    return record is not None and str(record.get("capital", "")).lower() == head.text.lower()
