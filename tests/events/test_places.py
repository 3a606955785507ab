"""The offline gazetteer (transforms/events/places.py)."""

from __future__ import annotations

from datetime import date

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


@pytest.mark.parametrize(
    ("text", "precision", "source"),
    [
        ("Aleppo", "city", "Aleppo"),
        ("the city of Mosul", "city", "Mosul"),
        ("Idlib province", "admin1", "Idlib"),  # a province named after its capital
        ("Texas", "admin1", "Texas"),
        ("northern Texas", "admin1", "Texas"),
        ("eastern Syria", "country", "Syria"),
        ("Syria", "country", "Syria"),
    ],
)
def test_places_say_how_precise_they_are_and_what_they_were_read_from(
    text: str, precision: str, source: str
) -> None:
    place = gazetteer().lookup(text)
    assert place is not None
    assert (place.precision, place.source_text) == (precision, source)


def test_us_states_have_a_centre_inside_them() -> None:
    texas = gazetteer().lookup("Texas")
    assert texas.latitude is not None and 26 < texas.latitude < 36.5
    assert texas.longitude is not None and -106.6 < texas.longitude < -93.5


def test_events_carry_their_place_precision() -> None:
    from transforms.events import extract_events
    from transforms.nlp import new_doc, parse
    from transforms.quotes import extract_quotes

    text = (
        "Rebels attacked an army checkpoint in Idlib province on Sunday. Troops shelled "
        "villages in eastern Syria on Monday. An air strike hit a convoy near Aleppo on Tuesday."
    )
    (doc,) = parse([new_doc(text, doc_id="t", published=date(2021, 2, 26))])
    extract_quotes(doc)
    events = extract_events(doc)
    places = {(e.location_source_text, e.location_precision) for e in events if e.location}
    assert {("Idlib", "admin1"), ("Syria", "country"), ("Aleppo", "city")} <= places, places
