"""Date resolution against the dateline (transforms/events/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events.dates import fallback, resolve, time_expressions
from transforms.nlp import load_nlp

FRIDAY = date(2021, 2, 26)  # Friday 26 February 2021


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Thursday", date(2021, 2, 25)),
        ("late on Thursday", date(2021, 2, 25)),
        ("on Friday", FRIDAY),  # the dateline's own weekday is that day
        ("on Saturday", date(2021, 2, 20)),
        ("on Monday evening", date(2021, 2, 22)),
        ("last Tuesday", date(2021, 2, 23)),
    ],
)
def test_weekday_is_the_most_recent_such_day(text: str, expected: date) -> None:
    resolved = resolve(text, FRIDAY)
    assert (resolved.value, resolved.precision, resolved.method) == (expected, "day", "weekday")


def test_forward_tense_takes_the_next_such_day() -> None:
    assert resolve("on Sunday", date(2017, 8, 12), forward=True).value == date(2017, 8, 13)
    assert resolve("on Friday", FRIDAY, forward=True).value == date(2021, 3, 5)
    assert resolve("next Monday", FRIDAY).value == date(2021, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("April 9", date(2020, 4, 9), "day"),  # 9 April 2021 would be after the dateline
        ("on 9 February", date(2021, 2, 9), "day"),
        ("May 14, 2018", date(2018, 5, 14), "day"),
        ("in March 2019", date(2019, 3, 1), "month"),
        ("in 2015", date(2015, 1, 1), "year"),
        ("in January", date(2021, 1, 1), "month"),
        ("in December", date(2020, 12, 1), "month"),
    ],
)
def test_explicit_dates(text: str, expected: date, precision: str) -> None:
    resolved = resolve(text, FRIDAY)
    assert (resolved.value, resolved.precision, resolved.method) == (
        expected,
        precision,
        "explicit",
    )


def test_explicit_date_ahead_in_a_future_clause_keeps_the_year() -> None:
    assert resolve("on May 22", date(2021, 4, 14), forward=True).value == date(2021, 5, 22)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("yesterday", date(2021, 2, 25), "day"),
        ("last night", date(2021, 2, 25), "day"),
        ("today", FRIDAY, "day"),
        ("two days ago", date(2021, 2, 24), "day"),
        ("last month", date(2021, 1, 1), "month"),
        ("last year", date(2020, 1, 1), "year"),
    ],
)
def test_relative_dates(text: str, expected: date, precision: str) -> None:
    resolved = resolve(text, FRIDAY)
    assert (resolved.value, resolved.precision, resolved.method) == (
        expected,
        precision,
        "relative",
    )


@pytest.mark.parametrize("text", ["last week", "this year", "next week", "by June", "since August"])
def test_vague_expressions_have_no_date(text: str) -> None:
    resolved = resolve(text, FRIDAY)
    assert (resolved.value, resolved.text, resolved.method) == (None, text, "vague")


def test_fallback_is_the_dateline_and_says_so() -> None:
    assert fallback(FRIDAY).value == FRIDAY and fallback(FRIDAY).method == "published_fallback"
    assert fallback(None).value is None


def test_without_a_dateline_only_calendar_dates_resolve() -> None:
    assert resolve("on Thursday", None).value is None
    assert resolve("May 14, 2018", None).value == date(2018, 5, 14)


def test_time_expressions_widen_to_the_preposition_and_skip_durations() -> None:
    doc = load_nlp()(
        "The army suspended operations for 72 hours from Wednesday, and troops returned late on "
        "Thursday after three days of talks."
    )
    texts = [e.text for e in time_expressions(next(iter(doc.sents)))]
    assert "from Wednesday" in texts
    assert any(t.endswith("on Thursday") for t in texts)
    assert not any("72 hours" in t or "three days" in t for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 2021-02-24", date(2021, 2, 24)),  # ISO: the day, not the year
        ("on 14/02/2021", date(2021, 2, 14)),
        ("on 03.02.2021", date(2021, 2, 3)),
        ("on 05/02/2021", date(2021, 2, 5)),  # ambiguous: the reading nearer the dateline
        ("on February the 24th", date(2021, 2, 24)),  # dateparser, the dateline's year
    ],
)
def test_numeric_and_other_calendar_dates_keep_the_day(text: str, expected: date) -> None:
    resolved = resolve(text, FRIDAY)
    assert (resolved.value, resolved.precision, resolved.method) == (expected, "day", "explicit")


def test_numeric_dates_the_tagger_misses_are_time_expressions() -> None:
    doc = load_nlp()("Troops entered the town on 03.11.2020, officials said.")
    (found,) = time_expressions(next(iter(doc.sents)))
    assert found.text == "on 03.11.2020"
    assert resolve(found.text, date(2020, 11, 5)).value == date(2020, 11, 3)
