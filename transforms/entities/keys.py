"""Which entity a name is across articles: the key, and the id derived from it.

The key is a pure function of what one article says, so the same input always gives the same
id, whatever was loaded before and in whatever order (re-runs, re-processing, parallel
batches): nothing is numbered, everything is hashed.

1. a full name that spells a Phoenix actor entry (``dictionary``) is that entry:
   ``dict:SERGEY LAVROV`` for "Sergei Lavrov" and "Sergey Lavrov" alike;
2. else a person's full name (two words or more) or an organisation's name is its matching
   key (``names.match_words``): ``name:anna kowalska``;
3. anything else stays inside its article, ``doc:<doc_id>:<words>``: a person known only by one
   word ("Lavrov", who could be anybody of that name in another article), a description
   ("analysts", "a spokesperson", "sources", "officials"), a group ("Palestinians",
   "residents") and a joint speaker ("A and B"). Such speakers keep their quotes but are never
   merged with the same words in another article.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.entities.dictionary import dictionary_index
from transforms.entities.names import match_words
from transforms.model import EntityRecord, EntityScope, stable_id
from transforms.nlp.types import EntityType


@dataclass(frozen=True, slots=True)
class Named:
    """What an article says of an entity: its fullest name there, its type, and whether that
    is a proper name ("Sergei Lavrov", "the Red Cross") or a description ("analysts")."""

    name: str
    entity_type: EntityType
    proper: bool


def entity_record(named: Named, doc_id: str) -> EntityRecord | None:
    """The entity ``named`` is (see the module docstring); None for an empty name."""
    person = named.entity_type == "person"
    words = match_words(named.name, person=person)
    if not words:
        return None
    # A proper name is matched across articles, but a person never on one word.
    across = named.proper and named.entity_type != "group" and (len(words) > 1 or not person)
    entry = dictionary_index().lookup(words) if across else None
    scope: EntityScope = "global" if across else "document"
    if entry is not None:
        key = f"dict:{entry.entry}"
    elif across:
        key = f"name:{' '.join(words)}"
    else:
        key = f"doc:{doc_id}:{' '.join(words)}"
    return EntityRecord(
        doc_id=doc_id,
        entity_id=stable_id("ent", key),
        entity_key=key,
        scope=scope,
        name=named.name,
        entity_type=named.entity_type,
        dictionary_entry=entry.entry if entry is not None else None,
        dictionary_code=entry.code if entry is not None else None,
    )
