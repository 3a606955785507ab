"""Entity keys (transforms/entities/names.py, keys.py): which names are one entity across
articles, and which never are. Names are written for these tests."""

from __future__ import annotations

import pytest

from transforms.entities.keys import Named, entity_record
from transforms.entities.names import match_words
from transforms.model import EntityRecord, stable_id


def key(
    name: str, entity_type: str = "person", doc_id: str = "d1", *, proper: bool = True
) -> EntityRecord:
    record = entity_record(Named(name, entity_type, proper), doc_id)  # type: ignore[arg-type]
    assert record is not None
    return record


def test_the_lavrov_pair_is_one_dictionary_entity() -> None:
    quotes, events = key("Sergei Lavrov", doc_id="d1"), key("Sergey Lavrov", doc_id="d2")
    assert quotes.entity_id == events.entity_id
    assert (quotes.scope, quotes.dictionary_entry, quotes.dictionary_code) == (
        "global",
        "SERGEY LAVROV",
        "RUSGOV",
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Dmitry Halvorsen", "Dmitriy Halvorsen"),  # й / и written y, iy, ii
        ("Dmitrii Halvorsen", "Dmitry Halvorsen"),
        ("Yevgenia Brandt", "Evgenia Brandt"),  # initial Е
        ("Aleksei Brandt", "Alexei Brandt"),  # кс
        ("Mohammed Qarani", "Mohamed Qarani"),  # doubled letters
        ("José Ángel Ruíz", "Jose Angel Ruiz"),  # accents
        ("Bashar al-Qarani", "Bashar Qarani"),  # the Arabic article
        ("Sean O'Hallorhan", "Sean OHallorhan"),
        ("President Ana Reyes", "Ana Reyes"),  # titles and honorifics
        ("Mr. Tomas Vidal", "Dr Tomas Vidal"),
        ("TOMAS VIDAL", "Tomas Vidal"),
        ("Tomas Vidal's", "Tomas Vidal"),  # a possessive the parse left on the name
    ],
)
def test_spelling_variants_of_a_full_name_meet(one: str, other: str) -> None:
    a, b = key(one, doc_id="d1"), key(other, doc_id="d2")
    assert a.entity_id == b.entity_id and a.scope == "global", (a.entity_key, b.entity_key)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("George W. Barrow", "George Barrow"),  # an initial tells people apart
        ("Jan Kowalczyk", "Ian Kowalczyk"),  # different first names
        ("Donald Hargrove Jr.", "Donald Hargrove"),  # son and father
        ("Alexander Petrenko", "Aleksandr Petrenko"),  # a sound differs: no rule covers it
    ],
)
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert key(one).entity_id != key(other).entity_id


def test_a_surname_alone_stays_in_its_article() -> None:
    d1, d2 = key("Halvorsen", doc_id="d1"), key("Halvorsen", doc_id="d2")
    assert d1.scope == d2.scope == "document"
    assert d1.entity_id != d2.entity_id
    # Even where the dictionary lists the bare surname ("+LAVROV"), one word is not a match.
    lavrov = key("Lavrov")
    assert lavrov.scope == "document" and lavrov.dictionary_entry is None


@pytest.mark.parametrize(
    ("speaker", "entity_type"),
    [
        ("Analysts", "group"),
        ("a spokesperson", "person"),
        ("sources", "group"),
        ("officials", "group"),
        ("Residents", "group"),
    ],
)
def test_generic_speakers_are_not_merged_across_articles(speaker: str, entity_type: str) -> None:
    d1 = key(speaker, entity_type, "d1", proper=False)
    d2 = key(speaker, entity_type, "d2", proper=False)
    assert d1.scope == d2.scope == "document"
    assert d1.entity_id != d2.entity_id
    # Within one article the same words are the same entity.
    assert key(speaker, entity_type, "d1", proper=False).entity_id == d1.entity_id


def test_a_country_is_not_its_cities_or_regions() -> None:
    """The country dictionary files cities and regions under their country; as entities they
    are themselves."""
    assert key("Russia", "organisation").dictionary_entry == "RUSSIAN FEDERATION"
    assert key("Florida", "organisation").dictionary_entry is None
    assert key("Aleppo", "organisation").dictionary_entry is None
    # The capital speaks for its government, as the events coder reads it.
    assert key("Moscow", "organisation").dictionary_entry == "RUSSIAN FEDERATION"


def test_organisation_names_keep_words_that_are_titles_elsewhere() -> None:
    assert match_words("General Motors", person=False) == ("general", "motors")
    assert key("General Motors", "organisation").entity_key == "name:general motors"
    # A one-word organisation name is a name, matched across articles.
    assert (
        key("Norvexa", "organisation", "d1").entity_id
        == key("Norvexa", "organisation", "d2").entity_id
    )


def test_ids_are_a_hash_of_the_key() -> None:
    record = key("Ana Reyes")
    assert record.entity_key == "name:ana reies"
    assert record.entity_id == stable_id("ent", record.entity_key)
    assert key("Ana Reyes").entity_id == record.entity_id


def test_empty_names_are_nobody() -> None:
    assert entity_record(Named(" - ", "person", True), "d1") is None
