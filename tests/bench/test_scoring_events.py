"""The event scorer (bench/scoring/events.py): matching, figures, actor codes and seed checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from bench.scoring.events import (
    GoldEvent,
    check_seeds,
    country_ok,
    format_report,
    match,
    parse_gold_date,
    score,
    sentence_overlap,
)
from bench.scoring.pipeline import Event

SENTENCE = "Turkish warplanes struck hideouts in northern Iraq late on Tuesday, the ministry said."


def predicted(event_type: str, sentence: str = SENTENCE, **kw: Any) -> Event:
    return Event(event_type, trigger_text="struck", sentence_text=sentence, **kw)


def gold(event_type: str, sentence: str = SENTENCE, **kw: Any) -> GoldEvent:
    item = {"type": event_type, "sentence": sentence, "actor1_country": "TUR", "date": "2020-09-01"}
    item.update(kw)
    return GoldEvent.from_json(item)


def test_matching_needs_type_and_sentence_overlap() -> None:
    pairs, missed, spurious = match(
        [predicted("ASSAULT"), predicted("ACCUSE"), predicted("ASSAULT", "Something else.")],
        [gold("ASSAULT")],
    )
    assert pairs == [(0, 0)] and missed == [] and spurious == [1, 2]


def test_trimmed_sentences_still_match() -> None:
    assert sentence_overlap(SENTENCE, SENTENCE.split(",")[0]) > 0.6
    assert sentence_overlap(SENTENCE, "Nothing in common.") == 0.0


def test_one_to_one_prefers_agreeing_pairs() -> None:
    good = predicted("ASSAULT", actor1_country="TUR", event_date=date(2020, 9, 1))
    bad = predicted("ASSAULT", actor1_country="IRQ")
    pairs, _, spurious = match([bad, good], [gold("ASSAULT")])
    assert pairs == [(0, 1)] and spurious == [0]


def test_figures() -> None:
    report = score(
        [
            (
                "a",
                [
                    predicted(
                        "ASSAULT", actor1_country="TUR", event_date=date(2020, 9, 1), fatalities=11
                    ),
                    predicted("PROTEST"),
                ],
                [gold("ASSAULT", fatalities=11), gold("ACCUSE")],
            )
        ]
    )
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (1, 1, 1)
    assert report.precision == report.recall == report.f1 == 0.5
    assert report.actor1_country.rate == report.date.rate == report.fatalities.rate == 1.0
    text = format_report(report)
    assert "F1=0.500" in text and "false positives" in text


def test_actor_codes_countries_none_and_bodies_without_country() -> None:
    assert country_ok("TUR", "MIL", ("TUR",))
    assert country_ok("TUR", None, ("IRQ", "TUR"))  # any of several gold actors
    assert not country_ok("IRQ", None, ("TUR",))
    assert country_ok(None, None, ())  # the devset's NULL = NULL
    assert not country_ok("TUR", None, ())
    assert country_ok(None, "IGO", ("IGO",))  # compared with the sector
    assert not country_ok(None, "GOV", ("IGO",))
    assert country_ok(None, "REB", ("IMG",))


def test_gold_dates() -> None:
    assert parse_gold_date("2015") == date(2015, 1, 1)
    assert parse_gold_date(None) is None


def test_seed_checks() -> None:
    expected = {
        "required": [
            {
                "type": "ASSAULT",
                "actor1_country": "TUR",
                "actor2_country": None,
                "date": "2020-09-01",
            }
        ],
        "optional": [{"type": "SUPPORT", "actor1_country": "RUS", "date": "2015"}],
    }
    checks = check_seeds(
        [
            predicted(
                "ASSAULT", actor1_country="TUR", actor2_country="IRQ", event_date=date(2020, 9, 1)
            )
        ],
        expected,
    )
    assert [c.ok for c in checks] == [True, False]
