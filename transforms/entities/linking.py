"""One key per entity for a quote's speaker and an event's actors, read off the mention table.

Within an article the language layer's coreference pass (``transforms.nlp.coref``) already
gathers every mention of one person, organisation or group into one ``Entity``; a speaker and an
actor resolved to that entity get its key (``keys``), so "Lavrov said" and "Lavrov met" in one
article are one entity even where neither mention is a full name. An actor the pass did not
resolve (a phrase whose head is no mention of its own) is keyed by what the events coder read:
the person's name without titles, else the canonical name, for named people, organisations
and states only; a generic actor ("troops", "two men") points to no entity.

This is a stage of its own after both extractors (``link_entities``, the spaCy component
``newsdb_entities``): they leave what they resolved on the Doc (``doc._.quote_speakers``,
``doc._.event_actors``) and know nothing of keys; this stage fills ``speaker_entity_id`` and
``actor1_entity_id`` / ``actor2_entity_id`` on their rows and collects the entity each id stands
for on ``doc._.entity_refs`` (one ``EntityRecord`` per id), which the batch stages for the load
to merge into ``entities``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from transforms.entities.keys import Named, entity_record
from transforms.events.actor import Actor
from transforms.model import EntityRecord, EventRecord, QuoteRecord
from transforms.nlp.coref import MentionTable
from transforms.nlp.types import Entity, EntityType

if not Doc.has_extension("entity_refs"):
    Doc.set_extension("entity_refs", default=None)

#: Kinds of coded actor that are somebody in particular when named.
_NAMED_KINDS: dict[str, EntityType] = {
    "person": "person",
    "organisation": "organisation",
    "state": "organisation",
}


@Language.component(
    "newsdb_entities",
    requires=["doc._.mentions", "doc._.quotes", "doc._.events"],
    assigns=["doc._.quotes", "doc._.events", "doc._.entity_refs"],
)
def link_entities(doc: Doc) -> Doc:
    """Key every quote's speaker and every event's actors (quotes first, then events, so the
    entities are collected in the order a reader meets them)."""
    speakers: dict[str, Entity | None] = doc._.quote_speakers or {}
    quotes: list[QuoteRecord] = doc._.quotes or []
    doc._.quotes = [
        replace(q, speaker_entity_id=speaker_entity_id(doc, speakers.get(q.quote_id)))
        for q in quotes
    ]
    actors: dict[str, tuple[Actor | None, Actor | None]] = doc._.event_actors or {}
    keyed: list[EventRecord] = []
    for event in doc._.events or []:
        actor, recipient = actors.get(event.event_id, (None, None))
        keyed.append(
            replace(
                event,
                actor1_entity_id=actor_entity_id(doc, actor),
                actor2_entity_id=actor_entity_id(doc, recipient),
            )
        )
    doc._.events = keyed
    return doc


def entity_refs(doc: Doc) -> list[EntityRecord]:
    """The entities the article's rows point to so far, in the order they were first met."""
    refs: dict[str, EntityRecord] | None = doc._.entity_refs
    return list(refs.values()) if refs else []


def speaker_entity_id(doc: Doc, entity: Entity | None) -> str | None:
    """The entity id of a quote's speaker as the mention table resolved it (None: unknown)."""
    if entity is None:
        return None
    return _register(doc, _named(entity))


def actor_entity_id(doc: Doc, actor: Actor | None) -> str | None:
    """The entity id of an event's actor: the mention table's entity for its head, else the
    coder's name for a named person, organisation or state; None for a generic actor or a
    coordination ("the government and the rebels" is two entities, not one)."""
    if actor is None or actor.parts:
        return None
    mentions: MentionTable | None = doc._.mentions
    entity = mentions.entity(actor.head) if mentions is not None else None
    if entity is not None:
        return _register(doc, _named(entity))
    entity_type = _NAMED_KINDS.get(actor.kind)
    if not actor.named or entity_type is None:
        return None
    name = _person_name(doc, actor.head) if actor.kind == "person" else None
    return _register(doc, Named(name or actor.canonical or actor.text, entity_type, True))


def _person_name(doc: Doc, i: int) -> str | None:
    """The PERSON name around token ``i`` as written ("Sergei Lavrov" in "Foreign Minister
    Sergei Lavrov"; its titles are dropped by the key): what the article calls the person,
    where the coder's canonical name may be the dictionary's."""
    if doc[i].ent_type_ != "PERSON":
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _named(entity: Entity) -> Named:
    proper = entity.is_name and not entity.joint and not entity.plural
    return Named(entity.name, entity.entity_type, proper)


def _register(doc: Doc, named: Named) -> str | None:
    record = entity_record(named, doc._.doc_id or "")
    if record is None:
        return None
    refs: dict[str, EntityRecord] | None = doc._.entity_refs
    if refs is None:
        refs = doc._.entity_refs = {}
    refs.setdefault(record.entity_id, record)
    return record.entity_id
