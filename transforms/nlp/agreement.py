"""Whether a mention can refer to an entity: agreement in gender, number and type, and the
match of a description against what the article has said of each entity."""

from __future__ import annotations

from transforms.nlp.entities import EntityTable
from transforms.nlp.types import Entity, Mention

#: Role nouns that name the same job: "the spokesman" may refer to a "spokesperson".
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


def best_description_match(table: EntityTable, mention: Mention) -> Entity | None:
    """The entity a description ("the spokeswoman", "the defence ministry") refers to: one
    whose role or name holds the head noun and every modifier, in number and type, ranked by
    head-noun match, name, antecedent and recency (the article may name it further down)."""
    at = mention.head
    head = mention.head_lemma
    heads = _SYNONYMS.get(head, frozenset({head}))
    mods = {m for m in mention.modifiers if m.isalpha()}
    best: Entity | None = None
    best_key: tuple[int, int, int, int] = (-1, -1, -1, -1)
    for entity in table.with_vocabulary(heads):
        # A named person holds a role noun as the head of a description would: "the
        # minister" is Housing Minister Declan Moran sooner than "the embattled minister".
        same_head = (bool(entity.head_lemma) and entity.head_lemma in heads) or (
            entity.is_name and entity.entity_type == "person" and bool(heads & entity.role_words)
        )
        # A person description matches persons, or a group with the same head noun ("the
        # source" -> "Sources close to ...").
        group_match = entity.entity_type == "group" and same_head
        if mention.entity_type == "person" and entity.entity_type != "person" and not group_match:
            continue
        if mention.entity_type == "organisation" and entity.entity_type == "person":
            continue
        if (mention.entity_type == "document") != (entity.entity_type == "document"):
            continue  # "the report" is the report named before, never its author
        # Number agrees: "Analysts at X" is not the analyst named later, "the company" is
        # not "U.S. companies".
        if mention.plural and entity.entity_type == "person":
            continue
        if not mention.plural and entity.plural and not group_match:
            continue
        if entity.joint:
            continue
        vocab = entity.vocabulary()
        missing = mods - vocab - _lemmas(vocab)
        if missing and not missing <= _initials(entity):
            continue  # "the RNC member" is the "Republican National Committee member"
        if not compatible(entity, mention):
            continue
        before = entity.last_before(at)
        # Rank: the head noun is the entity's head ("the ministry" / "Turkey's defence
        # ministry") over a modifier match ("police" / "Hamilton police's crime unit"); a
        # name over a description; an antecedent over a later mention; then recency.
        recency = before if before >= 0 else -entity.first_after(at)
        key = (int(same_head), int(entity.is_name), int(before >= 0), recency)
        if key > best_key:
            best, best_key = entity, key
    return best


def agrees(entity: Entity, mention: Mention) -> bool:
    """A pronoun's antecedent: compatible, and of the type the pronoun wants (a person for
    "he" and "she", not a description of unknown type)."""
    if mention.entity_type == "person" and entity.entity_type != "person":
        return False
    return compatible(entity, mention)


def compatible(entity: Entity, mention: Mention) -> bool:
    if mention.gender and entity.gender and mention.gender != entity.gender:
        return False
    if mention.kind == "pronoun":
        if mention.entity_type == "person":
            return entity.entity_type in ("person", "unknown")
        if mention.entity_type == "organisation":  # "it": a body, or a report speaking
            return entity.entity_type in ("organisation", "document")
        if mention.plural:  # "they"
            return entity.entity_type in ("group", "organisation")
    return True


def _initials(entity: Entity) -> set[str]:
    """Lower-case initials of every run of two to five capitalised words in the entity's name
    and role, for acronyms used as modifiers later ("the RNC member", "the FDIC official")."""
    out: set[str] = set()
    for text in (entity.name, entity.role or ""):
        words = [w for w in text.replace("-", " ").split() if w.lower() not in ("of", "the", "and")]
        caps = [w[0].isupper() for w in words]
        for i in range(len(words)):
            for n in range(2, 6):
                if i + n <= len(words) and all(caps[i : i + n]):
                    out.add("".join(w[0] for w in words[i : i + n]).lower())
    return out


def _lemmas(words: set[str]) -> set[str]:
    return {w[:-1] for w in words if w.endswith("s")}
