"""The offline gazetteer (transforms/events/places.py)."""

from __future__ import annotations

import pytest

from transforms.events.places import fold, gazetteer


def test_folding_ignores_accents_case_and_punctuation() -> None:
    assert fold("Ālbū-Kamāl") == "albu kamal"
    assert fold("  Hakkâri ") == "hakkari"


@pytest.mark.parametrize("name", ["Albu Kamal", "Abu Kamal", "Al-Bukamal", "Ālbū Kamāl"])
def test_spellings_of_one_town_meet(name: str) -> None:
    place = gazetteer().lookup(name)
    assert place is not None
    assert (place.country, place.kind) == ("SYR", "city")
    assert place.latitude == pytest.approx(34.45, abs=0.01)


def test_largest_city_wins_unless_the_article_names_another_country() -> None:
    assert gazetteer().lookup("Hamilton").country == "CAN"
    assert gazetteer().lookup("Hamilton", prefer={"GBR"}).country == "GBR"


def test_capitals_are_cities_and_countries_have_a_centre() -> None:
    moscow = gazetteer().lookup("Moscow")
    assert (moscow.kind, moscow.country) == ("city", "RUS")
    syria = gazetteer().lookup("Syria")
    assert syria.kind == "country" and syria.country == "SYR"
    # The population-weighted centre of Syria's cities lies inside Syria.
    assert 32 < syria.latitude < 37.5 and 35.5 < syria.longitude < 42.5


def test_regions_and_kind_words_are_stripped() -> None:
    assert gazetteer().lookup("northern Iraq").country == "IRQ"
    assert gazetteer().lookup("Hakkari province").country == "TUR"


def test_demonyms_and_old_names_name_countries() -> None:
    assert gazetteer().lookup("Iranian").country == "IRN"
    assert gazetteer().lookup("Persia").country == "IRN"


def test_unknown_places_are_not_guessed() -> None:
    assert gazetteer().lookup("Rustaveli Avenue") is None
