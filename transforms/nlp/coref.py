"""Within-document coreference for speakers: from a mention to the fullest name the article gives.

Resolution runs in article order against the ``entities`` table, as a short sieve, most precise
rule first (after the multi-pass sieve of Lee et al. 2013, "Deterministic coreference resolution
based on entity-centric, precision-ranked rules", narrowed to speakers):

1. joint speakers ("Mayor Lina Park and Governor Tom Ross"): each part resolved, "A and B";
2. names: a mention whose words are a contiguous part of a known name ("al-Hadithi" ->
   "Saad al-Hadithi", "Pardo" -> "Rodrigo Pardo Ruiz"), or an acronym of one ("the ICRC");
   ambiguous surnames go to the most recent bearer;
3. pronouns: the previous quote's speaker when gender and number allow it and it spoke in the
   last two paragraphs (news style: "he said" continues the last speaker), else the most recent
   compatible mention; none at all gives no speaker rather than a guess;
4. descriptions: "her publisher" (someone new) stays itself; "the companies" in a merger story
   is the two main companies; otherwise the entity whose role or name holds the head noun
   ("the spokeswoman", "the ministry") and every modifier ("the defence ministry" is not
   "Iraq’s foreign ministry"), in number, preferring a head-noun match, a name, an antecedent
   and recency, in that order (the article may name the speaker further down). A person
   description that matches nobody ("the teenager", "the 46-year-old") is the previous speaker
   or the person met last; "the company" is the company the story is about;
5. anything else (indefinites, "Residents of Hodeidah", "Critics") is its own entity, named by
   the phrase itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.nlp.entities import Entity, EntityTable, name_words
from transforms.nlp.mentions import Mention
from transforms.nlp.nouns import is_company_noun

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
class Resolved:
    """A mention resolved to an entity, with how sure the sieve step was."""

    entity: Entity | None
    confidence: float


class Coreference:
    """Resolves speaker mentions against an article's entity table (see the module docstring)."""

    def __init__(self, table: EntityTable) -> None:
        self.table = table

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
            joint = self.table.joint(names, mention.entity_type)
            joint.add_position(mention.head)
            return Resolved(joint, min(p.confidence for p in parts))
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention, recent_previous)
        if mention.kind == "name":
            return self._resolve_name(mention)
        return self._resolve_nominal(mention, recent_previous)

    def _resolve_name(self, mention: Mention) -> Resolved:
        words = name_words(mention.name or mention.text)
        if len(words) == 1 and mention.entity_type != "person":
            acro = self.table.by_acronym(words[0])
            if acro is not None:
                self.table.absorb(acro, mention)
                return Resolved(acro, 0.9)
        entity = self.table.add(mention)
        return Resolved(entity, 0.95 if len(entity.words) > 1 else 0.85)

    def _resolve_pronoun(self, mention: Mention, previous: Entity | None) -> Resolved:
        at = mention.head
        wants_person = mention.entity_type == "person"
        if previous is not None and _compatible(previous, mention):
            if previous.gender is None and mention.gender:
                previous.gender = mention.gender
            previous.add_position(at)
            return Resolved(previous, 0.9)
        best: Entity | None = None
        best_pos = -1
        for entity in self.table.entities:
            if wants_person != (entity.entity_type == "person") or not _compatible(entity, mention):
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
        if mention.possessed and mention.entity_type == "person":
            # "her publisher", "his lawyer": someone new, related to a person already met.
            return Resolved(self.table.add(mention), 0.7)
        if mention.definite and mention.plural and is_company_noun(head):
            joint = self.table.joint_companies()
            if joint is not None:
                joint.add_position(at)
                return Resolved(joint, 0.6)
        if mention.definite or mention.plural or mention.entity_type == "organisation":
            match = self._best_description_match(mention)
            if match is not None:
                self.table.absorb(match, mention)
                return Resolved(match, 0.8)
        if (
            mention.definite
            and mention.entity_type == "person"
            and previous is not None
            and previous.entity_type == "person"
            and _compatible(previous, mention)
        ):
            previous.add_position(at)
            return Resolved(previous, 0.65)
        if mention.definite and mention.entity_type == "person" and not mention.plural:
            # "the 46-year-old", "the Frenchman": the person met last, as a pronoun would be.
            person = self._latest_compatible_person(mention)
            if person is not None:
                person.add_position(at)
                return Resolved(person, 0.55)
        if mention.definite and is_company_noun(head):
            company = self.table.salient_company(at)
            if company is not None:
                company.add_position(at)
                return Resolved(company, 0.6)
        return Resolved(self.table.add(mention), 0.7)

    def _best_description_match(self, mention: Mention) -> Entity | None:
        at = mention.head
        head = mention.head_lemma
        heads = _SYNONYMS.get(head, frozenset({head}))
        mods = {m for m in mention.modifiers if m.isalpha()}
        best: Entity | None = None
        best_key: tuple[int, int, int, int] = (-1, -1, -1, -1)
        for entity in self.table.entities:
            same_head = bool(entity.head_lemma) and entity.head_lemma in heads
            # A person description matches persons, or a group with the same head noun ("the
            # source" -> "Sources close to ...").
            group_match = entity.entity_type == "group" and same_head
            if (
                mention.entity_type == "person"
                and entity.entity_type != "person"
                and not group_match
            ):
                continue
            if mention.entity_type == "organisation" and entity.entity_type == "person":
                continue
            # Number agrees: "Analysts at X" is not the analyst named later, "the company" is
            # not "U.S. companies".
            if mention.plural and entity.entity_type == "person":
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

    def _latest_compatible_person(self, mention: Mention) -> Entity | None:
        best, best_pos = None, -1
        for entity in self.table.entities:
            if entity.entity_type != "person" or not _compatible(entity, mention):
                continue
            pos = entity.last_before(mention.head)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best


def _compatible(entity: Entity, mention: Mention) -> bool:
    if mention.gender and entity.gender and mention.gender != entity.gender:
        return False
    if mention.kind == "pronoun":
        if mention.entity_type == "person":
            return entity.entity_type in ("person", "unknown")
        if mention.entity_type == "organisation":  # "it"
            return entity.entity_type == "organisation"
        if mention.plural:  # "they"
            return entity.entity_type in ("group", "organisation")
    return True


def _plural_match(head: str, entity: Entity) -> bool:
    """ "the source" -> "Sources close to ...": head lemmas match across number."""
    return bool(entity.head_lemma) and head == entity.head_lemma


def _lemmas(words: set[str]) -> set[str]:
    return {w[:-1] for w in words if w.endswith("s")}
