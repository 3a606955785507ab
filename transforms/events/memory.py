"""Actors in context: a coded mention with the identity the article gave it earlier.

Who "it", "the ministry", "she" and "Lavrov" are is the language layer's answer
(``transforms.nlp.coref``, the same mention table the quote stage reads speakers from). This
module codes each mention lexically (``mentions.code_phrase``) and, for a pronoun, surname or
description the layer resolved to an entity mentioned earlier, takes the identity (country,
sector, canonical name) of that entity's latest coded mention: "Lavrov" is Russian Foreign
Minister Sergei Lavrov, "the ministry" is Iran's foreign ministry.

Two readings need event codes, so they stay here: "the two sides" / "both countries" are the
last two parties with a country, and "the bloc" / "the alliance" the last named international
body (``_parties``, ``SECTOR_NOMINALS``). ``Memory`` also knows the article's dominant country,
which generic actors ("gunmen", "officers", "protesters") take when the article is plainly about
one country.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.actor import Actor, combine, definite, is_actor_like, merge_identity
from transforms.events.actors import actor_lexicon, code_at, normalise_word
from transforms.events.codes import SECTOR_LABELS, country_name, parse_code
from transforms.events.coding import code_phrase
from transforms.events.phrases import QUANTITY_HEADS, np_tokens, strip_punct
from transforms.events.places import gazetteer
from transforms.nlp.coref import MentionTable
from transforms.nlp.layout import DocLayout
from transforms.nlp.nouns import ANAPHORS

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


class Memory:
    """What the article has said so far about who is who, coded for events."""

    def __init__(self, doc: Doc, published: date | None, mentions: MentionTable) -> None:
        self.doc = doc
        self.published = published
        self.table = mentions
        self.mentions: list[Actor] = []  # coded actors in reading order, for the two readings
        self.cache: dict[int, Actor | None] = {}
        self.pending: set[int] = set()
        self.dominant = dominant_country(doc, published)
        self.mentioned_countries: set[str] = set()

    # ---- registration ----------------------------------------------------------------

    def remember(self, actor: Actor) -> None:
        if actor.kind == "generic" and not actor.country and not actor.sector:
            return
        self.mentions.append(actor)
        if actor.country:
            self.mentioned_countries.add(actor.country)

    # ---- resolution ------------------------------------------------------------------

    def actor(self, head: Token) -> Actor | None:
        """The actor a phrase headed by ``head`` refers to, or None if it is not one."""
        if head.i in self.cache:
            return self.cache[head.i]
        if head.i in self.pending:
            return None  # an apposition pointing back at the phrase being resolved
        self.pending.add(head.i)
        try:
            result = self._resolve(head)
        finally:
            self.pending.discard(head.i)
        self.cache[head.i] = result
        return result

    def _resolve(self, head: Token) -> Actor | None:
        low = head.lower_
        if head.pos_ == "PRON" or head.tag_ in {"PRP", "PRP$"}:
            if low not in ANAPHORS:
                return None  # "we", "anyone", "which": nobody in particular to resolve
            return self._earlier_actor(head)
        if head.pos_ == "NUM" and not any(c.dep_ == "prep" for c in head.children):
            return self._nominal(head) if definite(head) else None
        if head.pos_ not in {"NOUN", "PROPN", "NUM"} and head.ent_type_ != "NORP":
            return None  # a demonym adjective ("Turkish air strikes") still names a country
        tokens = np_tokens(head)
        if head.lower_ in QUANTITY_HEADS:
            inner = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner else None
            if pobj is not None:
                found = self.actor(pobj)
                if found is not None:
                    return replace(
                        found, text=strip_punct(self.doc[tokens[0].i : pobj.right_edge.i + 1].text)
                    )
        actor = code_phrase(tokens, head, self.published)
        # Surnames and other references to a person named earlier.
        if head.pos_ == "PROPN" and self.table.entity_type(head.i) == "person":
            known = self._known(head, actor)
            if known is not None:
                return replace(
                    known, text=actor.text, head=actor.head, start=actor.start, end=actor.end
                )
        # "Kamran Ghaffari, a spokesman for Iran's foreign ministry": the apposition codes him,
        # and "the government's peace commissioner, Rodrigo Pardo Ruiz" codes Pardo.
        if not actor.country or not actor.sector or not actor.role:
            related = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                related.append(head.head)
            for other in related:
                extra = self.actor(other)
                if extra is None and other.pos_ == "NOUN":
                    # A role phrase is not an actor by itself but still says who he is.
                    extra = code_phrase(np_tokens(other), other, self.published)
                if extra is not None:
                    actor = merge_identity(actor, extra)
        # Definite nominals and role nouns point back to an earlier actor.
        if not actor.named and definite(head):
            earlier = self._nominal(head) or self._known(head, actor)
            if earlier is None and not actor.explicit_country:
                earlier = self._earlier_actor(head)  # "the ministry", "the envoy"
            if earlier is not None:
                return replace(
                    earlier, text=actor.text, head=actor.head, start=actor.start, end=actor.end
                )
        if not is_actor_like(actor, head):
            return None
        return actor

    def _earlier_actor(self, head: Token) -> Actor | None:
        """A pronoun's or description's actor: the coded actor of the latest earlier mention
        of the entity the layer resolved it to, an apposition only when nothing else came
        before ("the Nigerian Union of Teachers (NUT) ... it": the union, not the bare
        acronym); None when it resolved to nobody mentioned before."""
        entity = self.table.entity(head.i)
        if entity is None:
            return None
        apposition: Actor | None = None
        for pos in reversed(entity.positions):
            if pos >= head.i or pos in self.pending:
                continue
            found = self.actor(self.doc[pos])
            if found is None:
                continue
            if self.doc[pos].dep_ != "appos":
                return found
            apposition = apposition or found
        return apposition

    def _known(self, head: Token, actor: Actor) -> Actor | None:
        """The identity of the entity the layer resolved a name or description to, as its
        earlier named mentions give it: the first that says where it is from ("Russian Foreign
        Minister Sergei Lavrov" for "Lavrov", "the Saudi-led coalition" for "the coalition"),
        else the fullest. None when this mention codes a country itself, or names the entity
        more fully than any earlier one."""
        entity = self.table.entity(head.i)
        if entity is None or actor.country:
            return None
        fullest: Actor | None = None
        for pos in entity.positions:
            if pos >= head.i:
                break
            mention = self.table.mention(pos)
            if pos in self.pending or mention is None or mention.kind != "name":
                continue
            found = self.actor(self.doc[pos])
            if found is None or (entity.entity_type == "person") != (found.kind == "person"):
                continue
            if found.country or found.international:
                return found
            if fullest is None or _words(found) > _words(fullest):
                fullest = found
        if fullest is None or _words(fullest) < len(actor.text.split()):
            return None
        return fullest

    def _nominal(self, head: Token) -> Actor | None:
        """The readings of a definite nominal that need event codes: "the two sides" (the last
        two parties), "the bloc" (the last named body of that sector), "the two men" (the last
        plural people)."""
        lemma = head.lemma_.lower()
        low = head.lower_
        if lemma in GROUP_NOMINALS and head.tag_ == "NNS":
            return self._parties(head)
        if low in SECTOR_NOMINALS or lemma in SECTOR_NOMINALS:
            sector = SECTOR_NOMINALS.get(low) or SECTOR_NOMINALS[lemma]
            for a in reversed(self.mentions):
                if a.head < head.i and a.sector == sector and a.named:
                    return a
        if head.pos_ == "NUM" or low in {"pair", "two", "men", "suspects"}:
            for a in reversed(self.mentions):
                if a.head < head.i and a.plural and a.kind in {"person", "generic", "group"}:
                    return a
        return None

    def _parties(self, head: Token) -> Actor | None:
        """ "The two sides", "both countries": the last two distinct parties mentioned."""
        seen: list[Actor] = []
        for a in reversed(self.mentions):
            if a.head >= head.i or not a.country or a.international or a.kind == "person":
                continue
            if any(same.canonical == a.canonical for same in seen):
                continue
            seen.append(a)
            if len(seen) == 2:
                break
        if len(seen) == 2:
            group = combine([seen[1], seen[0]])
            if group is not None:
                return replace(group, head=head.i, kind="group")
        # Nobody to point back to: the parties of a dispute are still political actors.
        return Actor(
            text=head.doc[head.left_edge.i : head.i + 1].text,
            canonical=None,
            country=None,
            sector=None,
            kind="group",
            head=head.i,
            start=head.left_edge.i,
            end=head.i + 1,
            plural=True,
        )

    def with_fallback_country(self, actor: Actor, location_country: str | None) -> Actor:
        """Generic actors and people of unknown nationality take the article's country."""
        if actor.country or actor.international:
            return actor
        if (actor.named and actor.kind == "organisation") or actor.proper_modifier:
            return actor  # an unknown named group or "the Biden administration": do not guess
        country = self.dominant or location_country
        if country is None:
            return actor
        canonical = actor.canonical
        if actor.kind == "generic" and actor.sector:
            canonical = f"{country_name(country)} {SECTOR_LABELS.get(actor.sector, actor.sector)}"
        return replace(actor, country=country, canonical=canonical)


def _words(actor: Actor) -> int:
    return len((actor.canonical or "").split())


def dominant_country(doc: Doc, published: date | None) -> str | None:
    """The country an article is plainly about, if one clearly dominates its mentions.

    The top country needs at least 40% of the country mentions (the lead sentence counting
    double) and half as many again as the runner-up.
    """
    counts: Counter[str] = Counter()
    lead_end = next(iter(doc.sents)).end if len(doc) else 0
    layout: DocLayout = doc._.layout
    for ent in layout.ents:
        if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"}:
            continue
        country = _country_of_entity(ent, published)
        if country:
            # The lead sentence says what the story is about: count it double.
            counts[country] += 2 if ent.start < lead_end else 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    total = sum(counts.values())
    if (n >= 2 or second == 0) and n >= 0.4 * total and n >= 1.5 * second:
        return top
    return None


def _country_of_entity(ent: Span, published: date | None) -> str | None:
    """The country an entity belongs to: a dictionary actor, or a place it is named after."""
    lex = actor_lexicon()
    words = [normalise_word(t.text) for t in ent if not t.is_punct]
    for m in lex.find(words):
        if m.actor is None:
            continue
        parsed = parse_code(code_at(m.actor, published))
        if parsed.country:
            return parsed.country
    text = ent.text
    if ent.label_ == "ORG":
        # "Hamilton Police Service": a body named after its city.
        kept = [
            t.text for t in ent if normalise_word(t.text) not in lex.agents and t.pos_ == "PROPN"
        ]
        if not kept:
            return None
        place = gazetteer().lookup(" ".join(kept)) or gazetteer().lookup(kept[0])
        # A body named after a city, not a company named after a country ("Air France").
        return place.country if place is not None and place.kind == "city" else None
    place = gazetteer().lookup(text)
    return place.country if place is not None else None
