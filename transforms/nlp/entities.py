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

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Span, Token

from transforms.nlp.gender import first_name_gender
from transforms.nlp.layout import DocLayout
from transforms.nlp.names import (
    acronym_of,
    contains_run,
    first_name_only,
    name_words,
    possessor_only,
)
from transforms.nlp.nouns import COMPANY_NAME_WORDS, ORG_NOUNS, expand_title, is_company_noun
from transforms.nlp.types import Entity, EntityType, Mention

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})


class EntityTable:
    """The speakers an article can refer back to, and the queries the resolver asks of them."""

    def __init__(
        self,
        layout: DocLayout,
        walls: Sequence[bool],
        mention_at: Callable[[Token], Mention],
    ) -> None:
        self.layout = layout
        self.entities: list[Entity] = []
        self._by_word: dict[str, list[Entity]] = {}
        self._by_vocabulary: dict[str, list[Entity]] = {}
        self._timeline: list[tuple[int, int]] = []  # (token, entity order), sorted
        self._walls = walls
        self._mention_at = mention_at
        self._collect()

    def _collect(self) -> None:
        doc = self.layout.doc
        for ent in self.layout.ents:
            root = ent.root
            if self._walls[root.i]:
                continue
            if ent.label_ == "PERSON" or (ent.label_ in _ORG_LABELS and ent.label_ != "GPE"):
                if ent.label_ == "NORP" and root.pos_ != "PROPN":
                    continue
                mention = self._mention_at(root)
                if mention.kind == "name":
                    self._add_parts(mention)
        layout = self.layout
        for i, pos in enumerate(layout.pos):
            # The layout's columns first: a Token only for the unnamed nouns outside quotations.
            if (
                pos not in ("NOUN", "PROPN")
                or layout.ent_types[i]
                or self._walls[i]
                or layout.deps[i] in ("compound", "amod")
            ):
                continue
            tok = doc[i]
            if tok.lemma_.lower() in ORG_NOUNS:
                mention = self._mention_at(tok)
                if mention.entity_type == "organisation" and _names_something(
                    doc[mention.first : tok.i]
                ):
                    self._add_parts(mention)

    def _add_parts(self, mention: Mention) -> None:
        """Collect a mention; a joint one ("the Church and the Red Cross") as its parts."""
        for part in mention.conjuncts or [mention]:
            if part.kind == "name" or not mention.conjuncts:
                self.add(part)

    def find(self, mention: Mention) -> Entity | None:
        """The entity ``mention`` names, if the table has it (the table is not changed)."""
        if mention.kind == "name" and mention.name:
            # NER's PERSON/ORG labels are unreliable; a bare name ("Van Rijn") with no title or
            # role may belong to an organisation ("Van Rijn Coatings").
            loose = mention.role is None and mention.gender is None
            words = name_words(mention.name)
            return self._match_name(
                words, mention.head, mention.entity_type, loose=loose, gender=mention.gender
            )
        name = mention.name or _phrase_name(mention)
        words = name_words(name)
        # "the Hamilton police" is the "Hamilton Police Service" named elsewhere (a fuller name
        # only: "UN refugee agency" is not the "UN").
        if mention.entity_type != "organisation" or not name[:1].isupper():
            return None
        entity = self._match_name(words, mention.head, mention.entity_type)
        if (
            entity is not None
            and len(entity.words) > len(words)
            and contains_run(entity.words, words)
        ):
            return entity
        return None

    def detached(self, mention: Mention) -> Entity:
        """The entity ``mention`` would start, outside the table (nobody can refer to it)."""
        entity = self._new_entity(mention)
        self.absorb(entity, mention)
        return entity

    def _new_entity(self, mention: Mention) -> Entity:
        if mention.kind == "name" and mention.name:
            words = name_words(mention.name)
            entity = Entity(
                mention.name,
                mention.entity_type,
                words,
                head_lemma=mention.head_lemma,
                acronym=acronym_of(mention.name),
                is_name=True,
            )
            entity.is_company = _is_company_name(words) or (
                mention.entity_type == "organisation"
                and any(_describes_company(w) for w in mention.role_words)
            )
            return entity
        name = mention.name or _phrase_name(mention)
        entity = Entity(name, mention.entity_type, name_words(name), head_lemma=mention.head_lemma)
        entity.is_company = is_company_noun(mention.head_lemma)
        entity.plural = mention.plural
        return entity

    def add(self, mention: Mention) -> Entity:
        """Merge ``mention`` into the entity it names, or start a new one."""
        entity = self.find(mention)
        if entity is None:
            entity = self._new_entity(mention)
            self._register(entity)
        elif mention.kind == "name" and mention.name:
            words = name_words(mention.name)
            if len(words) > len(entity.words) and contains_run(words, entity.words):
                entity.name, entity.words = mention.name, words  # a fuller name
                entity.acronym = entity.acronym or acronym_of(mention.name)
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
        self.absorb(entity, mention)
        return entity

    def _register(self, entity: Entity) -> None:
        entity.order = len(self.entities)
        self.entities.append(entity)
        for position in entity.positions:
            insort(self._timeline, (position, entity.order))
        self._index(entity)

    def _index(self, entity: Entity) -> None:
        for word in entity.words:
            _put(self._by_word, word, entity)
        self._index_vocabulary(entity)

    def _index_vocabulary(self, entity: Entity) -> None:
        if entity.order >= 0:
            for word in entity.vocabulary():
                _put(self._by_vocabulary, word, entity)

    def note(self, entity: Entity, i: int) -> None:
        """Record a mention of ``entity`` at token ``i`` (for recency questions)."""
        entity.add_position(i)
        if entity.order >= 0:
            insort(self._timeline, (i, entity.order))

    def with_vocabulary(self, words: Iterable[str]) -> list[Entity]:
        """Entities whose vocabulary holds one of ``words``, in table order."""
        found = {e.order: e for w in words for e in self._by_vocabulary.get(w, ())}
        return [found[k] for k in sorted(found)]

    def latest(self, before: int, accept: Callable[[Entity], bool]) -> Entity | None:
        """The entity mentioned last before token ``before`` that ``accept`` takes."""
        k = bisect_left(self._timeline, (before, -1))
        seen: set[int] = set()
        found: Entity | None = None
        found_at = -1
        while k > 0:
            k -= 1
            position, order = self._timeline[k]
            if found is not None and position < found_at:
                break  # of several entities mentioned at one token, the first in the table
            if order in seen:
                continue
            seen.add(order)
            entity = self.entities[order]
            if accept(entity) and (found is None or order < found.order):
                found, found_at = entity, position
        return found

    def absorb(self, entity: Entity, mention: Mention) -> None:
        self.note(entity, mention.head)
        vocabulary = len(entity.role_words), entity.head_lemma
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
        if (len(entity.role_words), entity.head_lemma) != vocabulary:
            self._index_vocabulary(entity)

    def _match_name(
        self,
        words: tuple[str, ...],
        at: int,
        stype: EntityType,
        *,
        loose: bool = False,
        gender: str | None = None,
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
            if not entity.is_name and entity.entity_type != "organisation":
                continue  # "a statement from the Red Cross" does not name the Red Cross
            cross_type = stype == "person" and entity.entity_type not in ("person", "unknown")
            if cross_type and not (loose and entity.is_name and contains_run(entity.words, words)):
                continue
            if not (contains_run(entity.words, words) or contains_run(words, entity.words)):
                continue
            if (
                entity.entity_type == "person"
                and first_name_only(entity.words, words)
                and not (stype == "person" and _is_first_name(words))
            ):
                continue  # "Israel" is not "Israel Katz"; a person called "Hillary" may be
            if possessor_only(entity.name, words):
                continue
            if gender and entity.gender and gender != entity.gender:
                continue  # "Mrs. Clinton" is not Bill Clinton: relatives share a surname
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

    def find_joint(self, names: list[str]) -> Entity | None:
        name = " and ".join(names)
        return next((e for e in self.entities if e.joint and e.name == name), None)

    def joint(self, names: list[str], entity_type: EntityType) -> Entity:
        """The entity for several speakers together, named "A and B"."""
        found = self.find_joint(names)
        if found is not None:
            return found
        name = " and ".join(names)
        joint = Entity(name, entity_type, name_words(name), joint=True, is_name=True)
        joint.plural = True
        self._register(joint)
        return joint

    def joint_companies(self, *, create: bool = True) -> Entity | None:
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
        names = [top[0].name, top[1].name]
        return self.joint(names, "organisation") if create else self.find_joint(names)

    def latest_organisation(self, at: int) -> Entity | None:
        """The organisation mentioned last before token ``at`` ("issued a statement. '...,'
        the statement said")."""
        return self.latest(at, lambda e: e.entity_type == "organisation" and not e.joint)

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


def _is_first_name(words: tuple[str, ...]) -> bool:
    """A lone word that is a common first name of clear gender ("Hillary", "Bernie" is not):
    a person so called is the person of that first name met before."""
    return len(words) == 1 and first_name_gender(words[0].capitalize()) is not None


def _put(index: dict[str, list[Entity]], word: str, entity: Entity) -> None:
    bucket = index.setdefault(word, [])
    if not any(e is entity for e in bucket):
        bucket.append(entity)


def _names_something(modifiers: Span) -> bool:
    """Whether an organisation description is specific: "Turkey’s defence ministry", "the
    Saudi-led coalition" (a proper noun or nationality), not "a new shadow cabinet"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG") for t in modifiers)


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
