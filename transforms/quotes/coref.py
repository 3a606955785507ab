"""Within-document coreference for speakers: from a mention to the fullest name the article gives.

The entity table is built once per document from spaCy's PERSON and ORG entities and from
organisation descriptions ("Turkey’s defence ministry", "the Saudi-led coalition"), each with
the role, affiliation and gender its context states (pre-modifier titles, appositives,
gendered role nouns). Mentions inside direct quotes are left out: a name a speaker utters is
not a candidate for "he said".

Resolution is a short sieve, most precise rule first (after the multi-pass sieve of Lee et al.
2013, "Deterministic coreference resolution based on entity-centric, precision-ranked rules",
narrowed to speakers):

1. names: a mention whose words are a contiguous part of a known name ("al-Hadithi" ->
   "Saad al-Hadithi", "Pardo" -> "Rodrigo Pardo Ruiz"), or an acronym of one ("the ICRC");
   ambiguous surnames go to the most recent bearer;
2. pronouns: the previous quote's speaker when gender and number allow it and it spoke in the
   last two paragraphs (news style: "he said" continues the last speaker), else the most recent
   compatible mention;
3. definite descriptions: the entity whose role or name holds the head noun ("the spokeswoman",
   "the ministry") and every modifier ("the defence ministry" is not "Iraq’s foreign ministry"),
   preceding mentions first, then later ones (the article may name the speaker further down);
   a person description that matches nobody ("the teenager") is the previous speaker;
4. anything else (indefinites, "her publisher", "Residents of Hodeidah") is its own entity,
   named by the phrase itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from transforms.quotes.layout import DocLayout
from transforms.quotes.nouns import (
    COMPANY_NAME_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SOURCE_DOCUMENT_NOUNS,
    expand_title,
    is_company_noun,
)
from transforms.quotes.speakers import Mention, SpeakerType, mention_at

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la"})
# Role nouns that name the same job: "the spokesman" may refer to a "spokesperson".
_SYNONYMS: dict[str, frozenset[str]] = {
    "spokesman": frozenset({"spokesperson", "spokeswoman", "spokesman"}),
    "spokeswoman": frozenset({"spokesperson", "spokeswoman", "spokesman"}),
    "spokesperson": frozenset({"spokesperson", "spokeswoman", "spokesman"}),
    "union": frozenset({"union", "association", "federation", "confederation", "guild"}),
    "executive": frozenset({"executive", "ceo"}),
    "chief": frozenset({"chief", "head", "ceo"}),
    "head": frozenset({"head", "chief"}),
    "leader": frozenset({"leader", "head", "chief"}),
    "minister": frozenset({"minister", "secretary"}),
    "envoy": frozenset({"envoy", "ambassador"}),
}


@dataclass(slots=True)
class Entity:
    """One speaker candidate: a person, organisation or group, with what the article says of it."""

    name: str
    speaker_type: SpeakerType
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


@dataclass(slots=True)
class Resolved:
    """A mention resolved to an entity, with how sure the sieve step was."""

    entity: Entity | None
    confidence: float


class EntityTable:
    """The speakers an article can refer back to, and the sieve that resolves mentions."""

    def __init__(self, layout: DocLayout, walls: list[bool]) -> None:
        self.layout = layout
        self.entities: list[Entity] = []
        self._by_word: dict[str, list[Entity]] = {}
        self._walls = walls
        self._collect()

    # --- building -----------------------------------------------------------------------------

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
                if mention.speaker_type == "organisation" and _names_something(
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
            words = _name_words(mention.name)
            # NER's PERSON/ORG labels are unreliable; a bare name ("Van Rijn") with no title or
            # role may belong to an organisation ("Van Rijn Coatings").
            loose = mention.role is None and mention.gender is None
            entity = self._match_name(words, mention.head, mention.speaker_type, loose=loose)
            if entity is None:
                entity = Entity(
                    mention.name,
                    mention.speaker_type,
                    words,
                    head_lemma=mention.head_lemma,
                    acronym=_acronym(mention.name),
                )
                entity.is_company = _is_company_name(words) or any(
                    is_company_noun(w) for w in mention.role_words
                )
                entity.is_name = True
                self._register(entity)
            elif len(words) > len(entity.words) and _contains(words, entity.words):
                entity.name, entity.words = mention.name, words  # a fuller name
                entity.acronym = entity.acronym or _acronym(mention.name)
                self._index(entity)
        else:
            name = mention.name or _phrase_name(mention)
            entity = Entity(
                name, mention.speaker_type, _name_words(name), head_lemma=mention.head_lemma
            )
            entity.is_company = is_company_noun(mention.head_lemma)
            entity.plural = mention.plural
            self._register(entity)
        self._absorb(entity, mention)
        return entity

    def _register(self, entity: Entity) -> None:
        self.entities.append(entity)
        self._index(entity)

    def _index(self, entity: Entity) -> None:
        for word in entity.words:
            bucket = self._by_word.setdefault(word, [])
            if not any(e is entity for e in bucket):
                bucket.append(entity)

    def _absorb(self, entity: Entity, mention: Mention) -> None:
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
        if entity.speaker_type == "unknown" and mention.speaker_type != "unknown":
            entity.speaker_type = mention.speaker_type
        if mention.head_lemma and not entity.head_lemma:
            entity.head_lemma = mention.head_lemma

    def _match_name(
        self, words: tuple[str, ...], at: int, stype: SpeakerType, *, loose: bool = False
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
            cross_type = stype == "person" and entity.speaker_type not in ("person", "unknown")
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

    # --- resolution ---------------------------------------------------------------------------

    def resolve(
        self, mention: Mention, previous: Entity | None, previous_block: int, block: int
    ) -> Resolved:
        recent_previous = previous if previous is not None and block - previous_block <= 2 else None
        if mention.conjuncts:
            parts = [self.resolve(p, previous, previous_block, block) for p in mention.conjuncts]
            names = [
                p.entity.name if p.entity is not None else c.text
                for p, c in zip(parts, mention.conjuncts, strict=True)
            ]
            if len(set(names)) == 1 and parts[0].entity is not None:
                return parts[0]  # NER named the pair as one organisation already
            joint = self._joint(names, mention.speaker_type)
            joint.add_position(mention.head)
            return Resolved(joint, min(p.confidence for p in parts))
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention, recent_previous)
        if mention.kind == "name":
            return self._resolve_name(mention)
        return self._resolve_nominal(mention, recent_previous)

    def _resolve_name(self, mention: Mention) -> Resolved:
        words = _name_words(mention.name or mention.text)
        if len(words) == 1 and mention.speaker_type != "person":
            acro = self._by_acronym(words[0])
            if acro is not None:
                self._absorb(acro, mention)
                return Resolved(acro, 0.9)
        entity = self.add(mention)
        return Resolved(entity, 0.95 if len(entity.words) > 1 else 0.85)

    def _by_acronym(self, word: str) -> Entity | None:
        target = word.upper()
        for entity in self.entities:
            if entity.acronym == target and len(entity.words) > 1:
                return entity
        return None

    def _resolve_pronoun(self, mention: Mention, previous: Entity | None) -> Resolved:
        at = mention.head
        wants_person = mention.speaker_type == "person"
        if previous is not None and _compatible(previous, mention):
            if previous.gender is None and mention.gender:
                previous.gender = mention.gender
            previous.add_position(at)
            return Resolved(previous, 0.9)
        best: Entity | None = None
        best_pos = -1
        for entity in self.entities:
            if wants_person != (entity.speaker_type == "person") or not _compatible(
                entity, mention
            ):
                continue
            pos = entity.last_before(at)
            if pos > best_pos:
                best, best_pos = entity, pos
        if best is None:
            return Resolved(None, 0.3)  # "she said" with no one to be she: no speaker
        if best.gender is None and mention.gender:
            best.gender = mention.gender
        best.add_position(at)
        return Resolved(best, 0.75)

    def _resolve_nominal(self, mention: Mention, previous: Entity | None) -> Resolved:
        at = mention.head
        head = mention.head_lemma
        if mention.possessed and mention.speaker_type == "person":
            # "her publisher", "his lawyer": someone new, related to a person already met.
            return Resolved(self.add(mention), 0.7)
        if mention.definite and mention.plural and is_company_noun(head):
            joint = self._joint_companies()
            if joint is not None:
                joint.add_position(at)
                return Resolved(joint, 0.6)
        if mention.definite or mention.plural or mention.speaker_type == "organisation":
            match = self._best_description_match(mention)
            if match is not None:
                self._absorb(match, mention)
                return Resolved(match, 0.8)
        if (
            mention.definite
            and mention.speaker_type == "person"
            and previous is not None
            and previous.speaker_type == "person"
            and _compatible(previous, mention)
        ):
            previous.add_position(at)
            return Resolved(previous, 0.65)
        if mention.definite and mention.speaker_type == "person" and not mention.plural:
            # "the 46-year-old", "the Frenchman": the person met last, as a pronoun would be.
            person = self._latest_compatible_person(mention)
            if person is not None:
                person.add_position(at)
                return Resolved(person, 0.55)
        if mention.definite and is_company_noun(head):
            company = self._salient_company(at)
            if company is not None:
                company.add_position(at)
                return Resolved(company, 0.6)
        return Resolved(self.add(mention), 0.7)

    def _best_description_match(self, mention: Mention) -> Entity | None:
        at = mention.head
        head = mention.head_lemma
        heads = _SYNONYMS.get(head, frozenset({head}))
        mods = {m for m in mention.modifiers if m.isalpha()}
        best: Entity | None = None
        best_key: tuple[int, int, int, int] = (-1, -1, -1, -1)
        for entity in self.entities:
            same_head = bool(entity.head_lemma) and entity.head_lemma in heads
            # A person description matches persons, or a group with the same head noun ("the
            # source" -> "Sources close to ...").
            group_match = entity.speaker_type == "group" and same_head
            if (
                mention.speaker_type == "person"
                and entity.speaker_type != "person"
                and not group_match
            ):
                continue
            if mention.speaker_type == "organisation" and entity.speaker_type == "person":
                continue
            # Number agrees: "Analysts at X" is not the analyst named later, "the company" is
            # not "U.S. companies".
            if mention.plural and entity.speaker_type == "person":
                continue
            if not mention.plural and entity.plural and not group_match:
                continue
            if entity.joint:
                continue
            vocab = set(entity.words) | entity.role_words | {entity.head_lemma}
            if not (heads & vocab or _plural_match(head, entity)):
                continue
            if not mods <= vocab | _lemmas(vocab):
                continue
            if not _compatible(entity, mention):
                continue
            before = entity.last_before(at)
            # Rank: the head noun is the entity's head ("the ministry" / "Turkey’s defence
            # ministry") over a modifier match ("police" / "Hamilton police's crime unit"); a
            # name over a description; an antecedent over a later mention; then recency.
            recency = before if before >= 0 else -entity.first_after(at)
            key = (int(same_head), int(entity.is_name), int(before >= 0), recency)
            if key > best_key:
                best, best_key = entity, key
        return best

    def _joint_companies(self) -> Entity | None:
        """ "the companies" in a merger story: the two most-mentioned companies, "A and B"."""
        companies = [
            e
            for e in self.entities
            if e.is_company and e.is_name and e.speaker_type == "organisation"
        ]
        if len(companies) < 2:
            return None
        top = sorted(companies, key=lambda e: (-len(e.positions), e.positions[0]))[:2]
        top.sort(key=lambda e: e.positions[0])
        return self._joint([top[0].name, top[1].name], "organisation")

    def _joint(self, names: list[str], speaker_type: SpeakerType) -> Entity:
        """The entity for several speakers together, named "A and B"."""
        name = " and ".join(names)
        for entity in self.entities:
            if entity.joint and entity.name == name:
                return entity
        joint = Entity(name, speaker_type, _name_words(name), joint=True, is_name=True)
        joint.plural = True
        self._register(joint)
        return joint

    def _latest_compatible_person(self, mention: Mention) -> Entity | None:
        best, best_pos = None, -1
        for entity in self.entities:
            if entity.speaker_type != "person" or not _compatible(entity, mention):
                continue
            pos = entity.last_before(mention.head)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best

    def latest_organisation(self, at: int) -> Entity | None:
        """The organisation mentioned last before token ``at`` ("issued a statement. '...,'
        the statement said")."""
        best, best_pos = None, -1
        for entity in self.entities:
            if entity.speaker_type != "organisation" or entity.joint:
                continue
            pos = entity.last_before(at)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best

    def _salient_company(self, at: int) -> Entity | None:
        """ "the company" with no antecedent by its head noun: the most-mentioned named company
        (in a business story, the one the story is about)."""
        companies = [
            e
            for e in self.entities
            if e.is_company and e.is_name and not e.plural and e.speaker_type == "organisation"
        ]
        if not companies:
            return None
        return max(
            companies, key=lambda e: (len(e.positions), -e.positions[0] if e.positions else at)
        )

    def issuer_of(self, tok: Token) -> tuple[Token, tuple[int, int] | None] | None:
        """The issuer of a source document and, when it is a bare modifier, its token range:
        "a statement from the ICRC" -> ICRC; "the department’s own figures" -> department;
        "military intelligence estimates" -> intelligence, (military, intelligence). None when
        the phrase names no issuer ("a joint statement")."""
        if tok.lemma_.lower() not in SOURCE_DOCUMENT_NOUNS:
            return None
        # "from X" / "by X" / "published by X" name the issuer; "of X" only when nothing else
        # does ("a summary of the budget published by the council" is the council's).
        by_prep: dict[str, Token] = {}
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    by_prep.setdefault(child.lower_, pobj)
        for node in tok.subtree:
            if node.dep_ == "acl":
                agent = next((c for c in node.children if c.dep_ == "agent"), None)
                pobj = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                )
                if pobj is not None:
                    by_prep.setdefault("by", pobj)
        for prep in ("from", "by", "of"):
            if prep in by_prep:
                return by_prep[prep], None
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
                return child, None
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
        nouns = [c for c in mods if c.pos_ in ("NOUN", "PROPN")]
        if not nouns:
            return None
        first = min(c.left_edge.i for c in mods)
        while first < tok.i and tok.doc[first].lower_ in ("the", "a", "an", "its", "their", "own"):
            first += 1
        return nouns[-1], (first, tok.i - 1)


def _names_something(modifiers: Span) -> bool:
    """Whether an organisation description is specific: "Turkey’s defence ministry", "the
    Saudi-led coalition" (a proper noun or nationality), not "a new shadow cabinet"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG") for t in modifiers)


def _compatible(entity: Entity, mention: Mention) -> bool:
    if mention.gender and entity.gender and mention.gender != entity.gender:
        return False
    if mention.kind == "pronoun":
        if mention.speaker_type == "person":
            return entity.speaker_type in ("person", "unknown")
        if mention.speaker_type == "organisation":  # "it"
            return entity.speaker_type == "organisation"
        if mention.plural:  # "they"
            return entity.speaker_type in ("group", "organisation")
    return True


def _plural_match(head: str, entity: Entity) -> bool:
    """ "the source" -> "Sources close to ...": head lemmas match across number."""
    return bool(entity.head_lemma) and head == entity.head_lemma


def _lemmas(words: set[str]) -> set[str]:
    return {w[:-1] for w in words if w.endswith("s")}


def _name_words(name: str) -> tuple[str, ...]:
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


def _is_company_name(words: tuple[str, ...]) -> bool:
    return len(words) > 1 and words[-1] in COMPANY_NAME_WORDS


def _phrase_name(mention: Mention) -> str:
    """A description used as a speaker name: the phrase without a leading "the"."""
    text = mention.text
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


__all__ = ["PERSON_NOUNS", "Entity", "EntityTable", "Resolved"]
