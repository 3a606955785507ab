"""Speakers and actors keyed through the mention table (transforms/entities/linking.py), on
articles written for these tests, through the same extraction a run does."""

from __future__ import annotations

from collections import defaultdict

import pytest

from transforms.batch import extract_all
from transforms.model import Document, EntityRecord, EventRecord, QuoteRecord

ARTICLES = {
    "lavrov-a": (
        "Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on Tuesday. "
        '"The talks were useful," Lavrov told reporters afterwards.\n\n'
        "Analysts said the meeting changed little."
    ),
    "lavrov-b": (
        'Sergey Lavrov criticised NATO on Friday. "This is a provocation," he said.\n\n'
        "Analysts said the dispute would last."
    ),
    "mayor-a": (
        "Yevgeny Tarasov, the mayor of the town, said on Monday that the bridge would reopen. "
        "Tarasov praised the engineers.\n\nOfficials said repairs had cost more than planned."
    ),
    "mayor-b": (
        "Evgeny Tarasov visited the hospital on Friday, the regional administration said. "
        '"We will rebuild the ward," Tarasov said.\n\nA spokesperson said funding was secured.'
    ),
}

Extracted = tuple[list[QuoteRecord], list[EventRecord], dict[str, EntityRecord]]


@pytest.fixture(scope="module")
def extracted() -> Extracted:
    docs = [Document(doc_id=k, source=k, text=v, content_sha256=k) for k, v in ARTICLES.items()]
    quotes, events, failures, entities = extract_all(docs, defaultdict(float))
    assert failures == []
    return quotes, events, {e.entity_id: e for e in entities}


def _speaker(quotes: list[QuoteRecord], doc_id: str, name: str) -> str:
    ids = {q.speaker_entity_id for q in quotes if q.doc_id == doc_id and q.speaker == name}
    assert len(ids) == 1 and None not in ids, [(q.doc_id, q.speaker) for q in quotes]
    return ids.pop()  # type: ignore[return-value]


def test_speaker_and_actor_in_one_article_are_one_entity(extracted: Extracted) -> None:
    quotes, events, entities = extracted
    lavrov = _speaker(quotes, "lavrov-a", "Sergei Lavrov")
    met = [e for e in events if e.doc_id == "lavrov-a" and e.event_type == "CONSULT"]
    assert [e.actor1_entity_id for e in met] == [lavrov]
    # "Tarasov praised": a surname the mention table resolved to the article's full name.
    tarasov = _speaker(quotes, "mayor-a", "Yevgeny Tarasov")
    praised = [e for e in events if e.doc_id == "mayor-a" and e.actor1 == "Tarasov"]
    assert praised and all(e.actor1_entity_id == tarasov for e in praised)
    assert entities[tarasov].scope == "global"


def test_the_lavrov_pair_across_quotes_and_events(extracted: Extracted) -> None:
    quotes, events, entities = extracted
    in_quotes = _speaker(quotes, "lavrov-a", "Sergei Lavrov")
    in_events = [e.actor1_entity_id for e in events if e.actor1 == "Sergey Lavrov"]
    assert in_events == [in_quotes]
    assert entities[in_quotes].dictionary_code == "RUSGOV"


def test_two_articles_naming_one_person_differently(extracted: Extracted) -> None:
    quotes, _, entities = extracted
    a = _speaker(quotes, "mayor-a", "Yevgeny Tarasov")
    b = _speaker(quotes, "mayor-b", "Evgeny Tarasov")
    assert a == b
    assert entities[a].dictionary_entry is None  # matched on the normalised full name


def test_generic_speakers_stay_in_their_article(extracted: Extracted) -> None:
    quotes, _, entities = extracted
    a = _speaker(quotes, "lavrov-a", "Analysts")
    b = _speaker(quotes, "lavrov-b", "Analysts")
    assert a != b
    assert (entities[a].scope, entities[a].entity_type) == ("document", "group")
    spokesperson = _speaker(quotes, "mayor-b", "A spokesperson")
    assert entities[spokesperson].scope == "document"


def test_generic_actors_point_to_no_entity(extracted: Extracted) -> None:
    _, events, _ = extracted
    met = next(e for e in events if e.doc_id == "lavrov-a" and e.event_type == "CONSULT")
    assert met.actor2 == "Turkish officials" and met.actor2_entity_id is None


def test_the_extractors_leave_keys_to_the_entity_stage() -> None:
    """Quotes and events know nothing of entity keys: they leave the speaker and actors they
    resolved on the Doc, and ``newsdb_entities`` keys the rows of both, one key per person."""
    from transforms.entities.linking import entity_refs, link_entities
    from transforms.events.component import find_events
    from transforms.nlp import new_doc, parse
    from transforms.quotes.component import find_quotes

    (doc,) = parse([new_doc(ARTICLES["lavrov-a"], doc_id="lavrov-a")])
    find_events(find_quotes(doc))
    assert doc._.quotes and doc._.events
    assert all(q.speaker_entity_id is None for q in doc._.quotes)
    assert all(e.actor1_entity_id is None for e in doc._.events)
    link_entities(doc)
    spoke = {q.speaker_entity_id for q in doc._.quotes if q.speaker == "Sergei Lavrov"}
    met = {e.actor1_entity_id for e in doc._.events if e.event_type == "CONSULT"}
    assert len(spoke) == 1 and spoke == met and None not in spoke
    assert spoke <= {r.entity_id for r in entity_refs(doc)}
