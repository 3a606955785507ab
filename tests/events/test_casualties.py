"""Deaths and injuries (transforms/events/casualties.py)."""

from __future__ import annotations

import pytest

from transforms.events.casualties import find_casualties, parse_number
from transforms.nlp import load_nlp


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["11"], 11),
        (["1,068"], 1068),
        (["twenty-three"], 23),
        (["two", "dozen"], 24),
        (["a", "dozen"], 12),
        (["dozens"], 24),
        (["hundreds"], 200),
        (["three", "hundred"], 300),
        (["several"], None),
    ],
)
def test_parse_number(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


def casualties(text: str) -> list[tuple[str, int, str]]:
    doc = load_nlp()(text)
    return [(c.kind, c.count, c.text) for s in doc.sents for c in find_casualties(s)]


def test_active_passive_and_intransitive() -> None:
    assert casualties("Gunmen killed at least 23 people.") == [("fatalities", 23, "at least 23")]
    assert casualties("Two soldiers were killed.") == [("fatalities", 2, "Two")]
    assert casualties("Two dozen people were wounded.") == [("injured", 24, "Two dozen")]
    assert casualties("More than 40 civilians died in the fighting.") == [
        ("fatalities", 40, "More than 40")
    ]


def test_a_single_named_victim_counts_one() -> None:
    assert casualties("A 62-year-old employee was pistol-whipped.") == [
        ("injured", 1, "A 62-year-old employee")
    ]


def test_numbers_without_a_casualty_word_are_ignored() -> None:
    assert casualties("The group has about 1,500 fighters.") == []
    assert casualties("The camp is home to about 12,000 people.") == []


def test_elided_counted_and_toll_forms() -> None:
    assert casualties("At least 30 people were killed and 50 wounded.") == [
        ("fatalities", 30, "At least 30"),
        ("injured", 50, "50"),
    ]
    assert casualties("The fighters stormed the village, leaving 17 dead.") == [
        ("fatalities", 17, "17")
    ]
    assert casualties("Gunmen shot dead three police officers.") == [("fatalities", 3, "three")]
    assert casualties("The death toll from the attack rose to 21.") == [("fatalities", 21, "21")]
