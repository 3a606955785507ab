"""The event scorer (transforms/events/score.py): matching, figures and seed checks."""

from __future__ import annotations

from datetime import date

from transforms.events.score import (
    GoldEvent,
    article_body,
    check_seeds,
    format_report,
    match,
    parse_gold_date,
    score,
    sentence_overlap,
)
from transforms.model import EventRecord

SENTENCE = "Turkish warplanes struck hideouts in northern Iraq late on Tuesday, the ministry said."


def predicted(event_type: str, sentence: str = SENTENCE, **kw: object) -> EventRecord:
    fields = {
        "event_id": "e",
        "doc_id": "d",
        "event_type": event_type,
        "trigger_text": "struck",
        "trigger_start": 0,
        "trigger_end": 6,
        "sentence_text": sentence,
        "sentence_index": 0,
    }
    fields.update(kw)
    return EventRecord(**fields)  # type: ignore[arg-type]


def gold(event_type: str, sentence: str = SENTENCE, **kw: object) -> GoldEvent:
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
    assert (report.tp, report.fp, report.fn) == (1, 1, 1)
    assert report.precision == report.recall == report.f1 == 0.5
    assert report.actor1_country.rate == report.date.rate == report.fatalities.rate == 1.0
    text = format_report(report)
    assert "F1=0.500" in text and "false positives" in text


def test_gold_dates() -> None:
    assert parse_gold_date("2015") == date(2015, 1, 1)
    assert parse_gold_date(None) is None


def test_article_body_drops_headline_dateline_and_byline() -> None:
    raw = "Headline here\nSeptember 3, 2020\nBy Someone\n\nFirst paragraph.\n\nSecond."
    assert article_body(raw) == "First paragraph.\n\nSecond."


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
