"""Per-article coreference: who "it", "the ministry", "Lavrov" and "the two sides" are.

``Memory`` remembers coded mentions in reading order so that a surname ("Lavrov"), a pronoun
("it", "she"), a definite nominal ("the ministry", "the envoy", "the bloc"), a group nominal
("the two sides") or an apposition ("Davit Sulaberidze, the party's chairman") can borrow the
identity of an earlier mention. It also knows the article's dominant country, which generic
actors ("gunmen", "officers", "protesters") take when the article is plainly about one country.

Pronouns: a subject pronoun in a reported clause is the speaker ("the ministry said it had
..."); an object pronoun is never its own clause's subject ("she warned him"); otherwise the
most recent compatible subject, then mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.events.actors import (
    actor_lexicon,
    code_at,
    country_name,
    normalise_word,
    parse_code,
)
from transforms.events.mentions import (
    GROUP_NOMINALS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    QUANTITY_HEADS,
    SECTOR_LABELS,
    SECTOR_NOMINALS,
    THING_PRONOUNS,
    Actor,
    code_phrase,
    combine,
    definite,
    is_actor_like,
    merge_identity,
    np_tokens,
    person_name,
    strip_punct,
)
from transforms.events.places import gazetteer


class Memory:
    """What the article has said so far about who is who."""

    def __init__(self, doc: Doc, published: date | None) -> None:
        self.doc = doc
        self.published = published
        self.mentions: list[Actor] = []
        self.names: dict[str, Actor] = {}
        self.subjects: list[Actor] = []
        self.cache: dict[int, Actor | None] = {}
        self.pending: set[int] = set()
        self.dominant = dominant_country(doc, published)
        self.mentioned_countries: set[str] = set()

    # ---- registration ----------------------------------------------------------------

    def remember(self, actor: Actor, *, subject: bool = False) -> None:
        if actor.kind == "generic" and not actor.country and not actor.sector:
            return
        self.mentions.append(actor)
        if subject:
            self.subjects.append(actor)
        if actor.country:
            self.mentioned_countries.add(actor.country)
        if actor.kind == "person" and actor.canonical:
            parts = actor.canonical.split()
            for k, part in enumerate(parts):
                if k == 0 and len(parts) > 1:
                    continue  # the first name alone is not how news refers back to a person
                known = self.names.get(part.lower())
                if known is None or not known.country:
                    self.names[part.lower()] = actor
            self.names[actor.canonical.lower()] = actor

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
            if low not in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
                return None  # "we", "anyone", "which": nobody in particular to resolve
            return self._pronoun(head)
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
        if head.pos_ == "PROPN":
            known = self._known_person(head, actor)
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
            earlier = self._nominal(head)
            if earlier is not None:
                return replace(
                    earlier, text=actor.text, head=actor.head, start=actor.start, end=actor.end
                )
        if not is_actor_like(actor, head):
            return None
        return actor

    def _known_person(self, head: Token, actor: Actor) -> Actor | None:
        name = person_name(self.doc, head) or (head.text if head.pos_ == "PROPN" else None)
        if not name:
            return None
        key = name.lower()
        known = self.names.get(key) or self.names.get(key.split()[-1])
        if known is None or known.head == head.i:
            return None
        if actor.explicit_country and known.country and known.country != actor.country:
            return None
        if len(name.split()) > len((known.canonical or "").split()):
            return None  # a fuller name than the one remembered is a different person
        return known

    def _pronoun(self, pron: Token) -> Actor | None:
        low = pron.lower_
        want_person = low in PERSON_PRONOUNS
        want_plural = low in PLURAL_PRONOUNS

        def fits(a: Actor) -> bool:
            if a.start >= pron.i and a.head >= pron.i:
                return False
            if want_person:
                # "her Iranian counterpart ... warned him": a singular role noun is a person.
                role_person = a.kind == "generic" and a.head_coded and a.role and not a.plural
                return a.kind == "person" or role_person
            if want_plural:
                return a.kind != "person" or a.plural
            return (a.kind != "person" and not a.plural) or a.kind in {"state", "organisation"}

        if pron.dep_ in {"dobj", "dative", "pobj"}:
            # An object pronoun is not its own clause's subject ("she warned him"): take the
            # nearest earlier phrase of the sentence that fits, then earlier sentences.
            subjects = {
                c.i for t in (pron.head, pron.head.head) for c in t.children if c.dep_ == "nsubj"
            }
            sent = pron.sent
            for tok in reversed(list(sent)[: pron.i - sent.start]):
                phrase = tok.dep_ in {"nsubj", "dobj", "pobj", "appos", "dative"}
                if phrase and tok.i not in subjects and tok.pos_ in {"NOUN", "PROPN"}:
                    cand = self.actor(tok)
                    if cand is not None and fits(cand):
                        return cand
            for a in reversed(self.mentions):
                if a.head < sent.start and fits(a):
                    return a
            return None
        # The speaker of the clause the pronoun sits in: "the ministry said it had ...".
        tok = pron
        seen = 0
        while tok.head is not tok and seen < 8:
            tok = tok.head
            seen += 1
            if tok.pos_ not in {"VERB", "AUX"}:
                continue
            for child in tok.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.i < pron.i and child.i != pron.i:
                    cand = self.actor(child)
                    if cand is not None and fits(cand):
                        return cand
        for a in reversed(self.subjects):
            if a.head < pron.i and fits(a):
                return a
        for a in reversed(self.mentions):
            if a.head < pron.i and fits(a):
                return a
        return None

    def _nominal(self, head: Token) -> Actor | None:
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
        for a in reversed(self.mentions):
            if a.head >= head.i or not (a.named or a.explicit_country):
                continue
            span_words = {t.lemma_.lower() for t in self.doc[a.start : a.end]}
            if lemma in span_words:
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


def dominant_country(doc: Doc, published: date | None) -> str | None:
    """The country an article is plainly about, if one clearly dominates its mentions.

    The top country needs at least 40% of the country mentions (the lead sentence counting
    double) and half as many again as the runner-up.
    """
    counts: Counter[str] = Counter()
    lead_end = next(iter(doc.sents)).end if len(doc) else 0
    for ent in doc.ents:
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
