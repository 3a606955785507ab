"""PLOVER record scoring (bench/scoring/plover.py), on records written for this test."""

from __future__ import annotations

from datetime import date
from typing import Any

from bench.scoring.pipeline import Event, Processed, run
from bench.scoring.plover import (
    format_report,
    parse_record,
    record_document,
    score_record,
    total,
)

SENTENCE = "Freedonian troops shelled a border village in Sylvania on Monday, killing four people."


def item(event: str = "FIGHT", **kw: Any) -> dict[str, Any]:
    record = {
        "id": f"TEST-{event}-0001",
        "date": "2000-01-01",
        "event": event,
        "text": SENTENCE,
        "source": [{"actorText": "Freedonian troops", "code": "JAP", "sector": "MIL"}],
        "target": [{"actorText": "Sylvania", "code": "ITA"}],
        "dead": "4",
    }
    record.update(kw)
    return record


def processed(*events: Event) -> Processed:
    return Processed("x.txt", text=SENTENCE, events=list(events))


def test_records_map_old_names_and_code_typos() -> None:
    record = parse_record(item())
    assert record.gold.event_type == "ASSAULT"
    assert record.gold.actor1_countries == ("JPN",)
    assert record.gold.actor2_countries == ("ITA",)
    assert record.dead == 4 and record.date == date(2000, 1, 1)
    assert parse_record(item("DEMAND")).gold.event_type == "REQUEST"
    assert parse_record(item("DISAPPROVE")).gold.event_type == "ACCUSE"
    assert parse_record(item("INVESTIGATE")).gold.event_type == "ACCUSE"
    no_targets: tuple[Any, ...] = ("", None, [])
    for no_target in no_targets:
        assert parse_record(item(target=no_target)).gold.actor2_countries == ()


def test_a_record_is_a_dated_text_file() -> None:
    record = parse_record(item())
    assert record_document(record).body.decode() == f"2000-01-01\n\n{SENTENCE}\n"
    assert record_document(record, dated=False).body.decode() == f"{SENTENCE}\n"


def test_the_date_line_becomes_the_publication_date_and_twins_share_a_document() -> None:
    record = parse_record(item())
    twin = parse_record(item("COERCE", id="TEST-COERCE-0002"))  # same sentence, second event
    done = run([record_document(record), record_document(twin)])
    first, second = done.values()
    assert first.failure is None and second.failure is None
    assert first.text == second.text == SENTENCE and first.published == date(2000, 1, 1)
    assert first.events == second.events and first.source != second.source


def test_type_hit_extra_types_actors_and_deaths() -> None:
    record = parse_record(item())
    wrong_actor = Event("ASSAULT", actor1_country="USA", fatalities=2)
    right_actor = Event("ASSAULT", actor1_country="JPN", actor2_country="ITA", fatalities=4)
    other = Event("COERCE", fatalities=1)
    result = score_record(record, processed(wrong_actor, right_actor, other))
    assert result.hit and result.event is right_actor
    assert result.actor1_ok and result.actor2_ok and result.deaths_ok
    t = total([result])
    assert (t.counts.tp, t.counts.fp, t.counts.fn) == (1, 1, 0)
    assert t.extras == {("ASSAULT", "COERCE"): 1}


def test_misses_confusions_and_records_with_no_event() -> None:
    record = parse_record(item())
    confused = score_record(record, processed(Event("COERCE"), Event("COERCE")))
    nothing = score_record(record, Processed("y.txt", failure="clean/empty: no body"))
    assert not confused.hit and confused.actor1_ok is None and confused.deaths_ok is False
    t = total([confused, nothing])
    assert (t.counts.tp, t.counts.fp, t.counts.fn) == (0, 1, 2)  # COERCE counted once
    assert t.confusions == {("ASSAULT", "COERCE"): 1, ("ASSAULT", "none"): 1}
    assert t.no_event == 1 and t.failed == 1 and t.no_event_share == 0.5
    report = format_report([confused, nothing], details=True)
    assert "clean/empty: no body" in report and "TEST-FIGHT-0001" in report


def test_actor2_missing_is_counted_apart() -> None:
    record = parse_record(item())
    result = score_record(record, processed(Event("ASSAULT", actor1_country="JPN")))
    assert result.actor1_ok and result.actor2_ok is False
    t = total([result])
    assert t.actor2.total == 1 and t.actor2_missing == 1
