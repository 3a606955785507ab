"""The entity table: the people, organisations and groups an article can attribute quotes to.

Built once per document from spaCy's PERSON and ORG entities and from specific organisation
descriptions ("Turkey’s defence ministry", "the Saudi-led coalition"), each with the role,
affiliation and gender its context states (pre-modifier titles, appositives, gendered role
nouns), and its mentions' token positions for recency. Mentions inside direct quotes are left
out: a name a speaker utters is not a candidate for "he said".

Name mentions merge by word runs ("al-Hadithi" joins "Saad al-Hadithi", "Rachel Tan" upgrades
"Tan"); a word index keeps that linear in the length of the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Span

from transforms.nlp.layout import DocLayout
from transforms.nlp.mentions import EntityType, Mention, mention_at
from transforms.nlp.nouns import COMPANY_NAME_WORDS, ORG_NOUNS, expand_title, is_company_noun

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})

_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la"})


@dataclass(slots=True)
class Entity:
    """One speaker candidate: a person, organisation or group, with what the article says of it."""

    name: str
    entity_type: EntityType
    words: tuple[str, ...]  # lower-case name words, for name matching
    role: str | None = None
    affiliation: str | None = None
    role_words: set[str] = field(default_factory=set)
    gender: str | None = None
    positions: list[int] = field(default_factory=list)  # token indices of its mentions
    head_lemma: str = ""
    is_company: bool = False
    is_name: bool = False  # named ("Hamilton Police Service"), not described ("the unit")
    joint: bool = False  # "A and B", speaking together
    plural: bool = False  # described by a plural noun ("U.S. companies", "residents")
    acronym: str = ""

    def add_position(self, i: int) -> None:
        insort(self.positions, i)  # kept sorted: recency questions are binary searches

    def last_before(self, i: int) -> int:
        """Latest mention before token ``i``, or -1."""
        k = bisect_left(self.positions, i)
        return self.positions[k - 1] if k else -1

    def first_after(self, i: int) -> int:
        """Earliest mention after token ``i``, or -1."""
        k = bisect_right(self.positions, i)
        return self.positions[k] if k < len(self.positions) else -1


class EntityTable:
    """The speakers an article can refer back to, and the queries the resolver asks of them."""

    def __init__(self, layout: DocLayout, walls: list[bool]) -> None:
        self.layout = layout
        self.entities: list[Entity] = []
        self._by_word: dict[str, list[Entity]] = {}
        self._walls = walls
        self._collect()

    def _collect(self) -> None:
        doc = self.layout.doc
        for ent in doc.ents:
            root = ent.root
            if self._walls[root.i]:
                continue
            if ent.label_ == "PERSON" or (ent.label_ in _ORG_LABELS and ent.label_ != "GPE"):
                if ent.label_ == "NORP" and root.pos_ != "PROPN":
                    continue
                mention = mention_at(root, self.layout)
                if mention.kind == "name":
                    self._add_parts(mention)
        for tok in doc:
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and tok.lemma_.lower() in ORG_NOUNS
                and not tok.ent_type_
                and not self._walls[tok.i]
                and tok.dep_ not in ("compound", "amod")
            ):
                mention = mention_at(tok, self.layout)
                if mention.entity_type == "organisation" and _names_something(
                    doc[mention.first : tok.i]
                ):
                    self._add_parts(mention)

    def _add_parts(self, mention: Mention) -> None:
        """Collect a mention; a joint one ("the Church and the Red Cross") as its parts."""
        for part in mention.conjuncts or [mention]:
            if part.kind == "name" or not mention.conjuncts:
                self.add(part)

    def add(self, mention: Mention) -> Entity:
        """Merge ``mention`` into the entity it names, or start a new one."""
        if mention.kind == "name" and mention.name:
            words = name_words(mention.name)
            # NER's PERSON/ORG labels are unreliable; a bare name ("Van Rijn") with no title or
            # role may belong to an organisation ("Van Rijn Coatings").
            loose = mention.role is None and mention.gender is None
            entity = self._match_name(words, mention.head, mention.entity_type, loose=loose)
            if entity is None:
                entity = Entity(
                    mention.name,
                    mention.entity_type,
                    words,
                    head_lemma=mention.head_lemma,
                    acronym=_acronym(mention.name),
                )
                entity.is_company = _is_company_name(words) or (
                    mention.entity_type == "organisation"
                    and any(_describes_company(w) for w in mention.role_words)
                )
                entity.is_name = True
                self._register(entity)
            elif len(words) > len(entity.words) and _contains(words, entity.words):
                entity.name, entity.words = mention.name, words  # a fuller name
                entity.acronym = entity.acronym or _acronym(mention.name)
                self._index(entity)
                entity.is_name = True
                if (
                    mention.entity_type == "organisation"
                    and entity.entity_type == "person"
                    and not entity.role
                ):
                    # "Hamilton" (a city NER took for a person) inside "Hamilton Police
                    # Service": the fuller name says what the entity is.
                    entity.entity_type = "organisation"
        else:
            name = mention.name or _phrase_name(mention)
            words = name_words(name)
            # "the Hamilton police" is the "Hamilton Police Service" named elsewhere (a fuller
            # name only: "UN refugee agency" is not the "UN").
            entity = (
                self._match_name(words, mention.head, mention.entity_type)
                if mention.entity_type == "organisation" and name[:1].isupper()
                else None
            )
            if entity is not None and not (
                len(entity.words) > len(words) and _contains(entity.words, words)
            ):
                entity = None
            if entity is None:
                entity = Entity(name, mention.entity_type, words, head_lemma=mention.head_lemma)
                entity.is_company = is_company_noun(mention.head_lemma)
                entity.plural = mention.plural
                self._register(entity)
        self.absorb(entity, mention)
        return entity

    def _register(self, entity: Entity) -> None:
        self.entities.append(entity)
        self._index(entity)

    def _index(self, entity: Entity) -> None:
        for word in entity.words:
            bucket = self._by_word.setdefault(word, [])
            if not any(e is entity for e in bucket):
                bucket.append(entity)

    def absorb(self, entity: Entity, mention: Mention) -> None:
        entity.add_position(mention.head)
        if mention.role and not entity.role:
            entity.role = mention.role
        if mention.affiliation and not entity.affiliation:
            entity.affiliation = mention.affiliation
        entity.role_words |= mention.role_words
        if mention.role:
            entity.role_words |= {expand_title(w) for w in mention.role.lower().split()}
        if mention.gender and not entity.gender:
            entity.gender = mention.gender
        if entity.entity_type == "unknown" and mention.entity_type != "unknown":
            entity.entity_type = mention.entity_type
        if mention.head_lemma and not entity.head_lemma:
            entity.head_lemma = mention.head_lemma

    def _match_name(
        self, words: tuple[str, ...], at: int, stype: EntityType, *, loose: bool = False
    ) -> Entity | None:
        best: Entity | None = None
        best_key = (-1, -1)
        # Only entities sharing a word can match; the index keeps long articles linear.
        seen: set[int] = set()
        candidates: list[Entity] = []
        for word in words:
            for entity in self._by_word.get(word, ()):
                if id(entity) not in seen:
                    seen.add(id(entity))
                    candidates.append(entity)
        for entity in candidates:
            if not entity.words or entity.joint:
                continue
            cross_type = stype == "person" and entity.entity_type not in ("person", "unknown")
            if cross_type and not (loose and entity.is_name and _contains(entity.words, words)):
                continue
            if not (_contains(entity.words, words) or _contains(words, entity.words)):
                continue
            # Prefer the most recent bearer of an ambiguous surname, then the fullest name.
            recent = entity.last_before(at)
            key = (recent, len(entity.words))
            if key > best_key:
                best, best_key = entity, key
        return best

    def by_acronym(self, word: str) -> Entity | None:
        target = word.upper()
        for entity in self.entities:
            if entity.acronym == target and len(entity.words) > 1:
                return entity
        return None

    def joint(self, names: list[str], entity_type: EntityType) -> Entity:
        """The entity for several speakers together, named "A and B"."""
        name = " and ".join(names)
        for entity in self.entities:
            if entity.joint and entity.name == name:
                return entity
        joint = Entity(name, entity_type, name_words(name), joint=True, is_name=True)
        joint.plural = True
        self._register(joint)
        return joint

    def joint_companies(self) -> Entity | None:
        """ "the companies" in a merger story: the two most-mentioned companies, "A and B"."""
        companies = [
            e
            for e in self.entities
            if e.is_company and e.is_name and e.entity_type == "organisation"
        ]
        if len(companies) < 2:
            return None
        top = sorted(companies, key=lambda e: (-len(e.positions), e.positions[0]))[:2]
        top.sort(key=lambda e: e.positions[0])
        return self.joint([top[0].name, top[1].name], "organisation")

    def latest_organisation(self, at: int) -> Entity | None:
        """The organisation mentioned last before token ``at`` ("issued a statement. '...,'
        the statement said")."""
        best, best_pos = None, -1
        for entity in self.entities:
            if entity.entity_type != "organisation" or entity.joint:
                continue
            pos = entity.last_before(at)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best

    def salient_company(self, at: int) -> Entity | None:
        """ "the company" with no antecedent by its head noun: the most-mentioned named company
        (in a business story, the one the story is about)."""
        companies = [
            e
            for e in self.entities
            if e.is_company and e.is_name and not e.plural and e.entity_type == "organisation"
        ]
        if not companies:
            return None
        return max(
            companies, key=lambda e: (len(e.positions), -e.positions[0] if e.positions else at)
        )


def _names_something(modifiers: Span) -> bool:
    """Whether an organisation description is specific: "Turkey’s defence ministry", "the
    Saudi-led coalition" (a proper noun or nationality), not "a new shadow cabinet"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG") for t in modifiers)


def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, hyphens split, possessive clitics dropped."""
    out: list[str] = []
    for raw in name.replace("-", " ").replace("‐", " ").split():
        w = raw.lower().strip(".,()[]\"“”'")
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        if w and w not in ("the", "a", "an"):
            out.append(w)
    return tuple(out)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``."""
    n, m = len(longer), len(shorter)
    if m == 0 or m > n:
        return False
    return any(longer[i : i + m] == shorter for i in range(n - m + 1))


def _acronym(name: str) -> str:
    """Initials of a multi-word name: "International Committee of the Red Cross" -> "ICRC"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def _describes_company(noun: str) -> bool:
    """A descriptor that makes an organisation a company: a company noun ("group", "maker"),
    or an agentive one, since an organisation that brews, lends or ships is a business
    ("Danish brewer Nordhavn Bryg", "mortgage lender X")."""
    return is_company_noun(noun) or (len(noun) > 4 and noun.endswith(("er", "or")))


def _is_company_name(words: tuple[str, ...]) -> bool:
    return len(words) > 1 and words[-1] in COMPANY_NAME_WORDS


def _phrase_name(mention: Mention) -> str:
    """A description used as a speaker name: the phrase without a leading "the"."""
    text = mention.text
    if text[:4].lower() == "the ":
        text = text[4:]
    return text
