"""Scoring coded events against PLOVER gold-standard records (one sentence, one event each).

A record is one sentence coded with one event: its type (older names mapped to today's,
``OLD_NAMES``), its source and target actors (CAMEO-style codes; a few known typos fixed,
``CODE_TYPOS``), sometimes its dead. The pipeline codes the sentence as a document, possibly
with several events, so a record is scored on the *set* of predicted types:

* the record is a true positive when one predicted event has the gold type, a false negative
  otherwise; every other predicted type in it is one false positive (so a sentence reported as
  AGREE and AID costs a false positive for AID; several events of one type count once);
* the confusions are (gold type -> predicted type) for records that miss the gold type, with
  "none" for a record with no event at all;
* actor1 and actor2 country accuracy are measured where the type is right and the gold names
  that actor, on the predicted event of the gold type that fits the gold actors best: right when
  it fits any of the gold codes (``events.country_ok``: IGO/NGO/IMG against the sector);
* deaths, where the gold has ``dead``: right when the largest predicted fatality count among
  all the record's events equals it;
* the share of records with no event at all (a record whose document the cleaner rejected is
  one of them, with the failure as its cause).

Records that code the same sentence (two events in one sentence) are scored each on its own,
on the events of that sentence.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.scoring.events import GoldEvent, country_ok, type_table
from bench.scoring.metrics import PRF, Tally, ratio
from bench.scoring.pipeline import Event, Processed, text_document
from transforms.model import RawDoc

#: Event names of the older PLOVER draft the records use -> today's types.
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: CAMEO country-code typos in the records.
CODE_TYPOS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    date: date | None
    gold: GoldEvent
    dead: int | None = None


def _actor_codes(actors: Any) -> tuple[str, ...]:
    """The codes of a record's ``source`` or ``target`` (a list, or "" / None for none)."""
    if not isinstance(actors, list):
        return ()
    codes = (CODE_TYPOS.get(a.get("code", ""), a.get("code", "")) for a in actors)
    return tuple(dict.fromkeys(c for c in codes if c))


def _actor_text(actors: Any) -> str | None:
    if not isinstance(actors, list) or not actors:
        return None
    return " / ".join(str(a.get("actorText", "")) for a in actors)


def parse_record(item: dict[str, Any]) -> PloverRecord:
    """One JSON line of ``records.jsonl``."""
    event_type = OLD_NAMES.get(item["event"], item["event"])
    dead = item.get("dead")
    gold = GoldEvent(
        event_type=event_type,
        actor1=_actor_text(item.get("source")),
        actor1_countries=_actor_codes(item.get("source")),
        actor2=_actor_text(item.get("target")),
        actor2_countries=_actor_codes(item.get("target")),
        fatalities=int(dead) if dead not in (None, "") else None,
        sentence=item["text"],
    )
    when = date.fromisoformat(item["date"]) if item.get("date") else None
    return PloverRecord(item["id"], item["text"], when, gold, gold.fatalities)


def load_records(path: Path) -> list[PloverRecord]:
    with path.open(encoding="utf-8") as fh:
        return [parse_record(json.loads(line)) for line in fh if line.strip()]


def record_half(record: PloverRecord) -> int:
    """1 or 2: the record's half by a stable hash of its id (develop on 1, check on 2).

    Looking at errors in one half only and reporting both shows whether a change generalises:
    a rule that gains on half 1 and not on half 2 fits sentences, not news.
    """
    digest = hashlib.sha1(record.id.encode("utf-8")).digest()
    return 1 + digest[0] % 2


def record_source(record: PloverRecord) -> str:
    return f"plover-gsr/{record.id}.txt"


def record_document(record: PloverRecord, *, dated: bool = True) -> RawDoc:
    """The record as a user's ``.txt`` file: the date line, a blank line, the sentence.

    ``dated=False`` gives the bare sentence, a file of one line (the cleaner then sees no date,
    and would read a line without final punctuation as a headline with no body).
    """
    body = record.text.strip() + "\n"
    if dated and record.date is not None:
        body = f"{record.date.isoformat()}\n\n{body}"
    return text_document(record_source(record), body)


@dataclass(slots=True)
class RecordResult:
    record: PloverRecord
    processed: Processed
    types: set[str]
    event: Event | None = None  # the predicted event of the gold type scored for actors
    actor1_ok: bool | None = None  # None: not scored (wrong type, or no gold actor)
    actor2_ok: bool | None = None
    deaths_ok: bool | None = None

    @property
    def hit(self) -> bool:
        return self.record.gold.event_type in self.types

    @property
    def no_event(self) -> bool:
        return not self.processed.events


def score_record(record: PloverRecord, processed: Processed) -> RecordResult:
    gold = record.gold
    result = RecordResult(record, processed, {e.event_type for e in processed.events})
    if gold.fatalities is not None:
        counts = [e.fatalities for e in processed.events if e.fatalities is not None]
        result.deaths_ok = bool(counts) and max(counts) == gold.fatalities
    candidates = [e for e in processed.events if e.event_type == gold.event_type]
    if not candidates:
        return result

    def fit(e: Event) -> tuple[bool, bool]:
        return (
            country_ok(e.actor1_country, e.actor1_sector, gold.actor1_countries),
            country_ok(e.actor2_country, e.actor2_sector, gold.actor2_countries),
        )

    best = max(candidates, key=lambda e: (sum(fit(e)), fit(e)))
    a1, a2 = fit(best)
    result.event = best
    result.actor1_ok = a1 if gold.actor1_countries else None
    result.actor2_ok = a2 if gold.actor2_countries else None
    return result


@dataclass(slots=True)
class Totals:
    records: int = 0
    counts: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    extras: Counter[tuple[str, str]] = field(default_factory=Counter)  # on records that hit
    actor1: Tally = field(default_factory=Tally)
    actor2: Tally = field(default_factory=Tally)
    actor1_missing: int = 0  # wrong because the predicted actor has no country nor sector
    actor2_missing: int = 0
    deaths: Tally = field(default_factory=Tally)
    no_event: int = 0
    failed: int = 0

    @property
    def no_event_share(self) -> float:
        return ratio(self.no_event, self.records)


def total(results: Iterable[RecordResult]) -> Totals:
    t = Totals()
    for r in results:
        gold = r.record.gold.event_type
        t.records += 1
        t.no_event += r.no_event
        t.failed += r.processed.failure is not None
        extra = r.types - {gold}
        if r.hit:
            t.counts.tp += 1
            t.per_type.setdefault(gold, PRF()).tp += 1
            t.extras.update((gold, other) for other in extra)
        else:
            t.counts.fn += 1
            t.per_type.setdefault(gold, PRF()).fn += 1
            t.confusions.update((gold, other) for other in extra or {"none"})
        for other in extra:
            t.counts.fp += 1
            t.per_type.setdefault(other, PRF()).fp += 1
        for tally, ok, side in ((t.actor1, r.actor1_ok, 1), (t.actor2, r.actor2_ok, 2)):
            if ok is None:
                continue
            tally.add(ok)
            if not ok and r.event is not None and _actor_missing(r.event, side):
                if side == 1:
                    t.actor1_missing += 1
                else:
                    t.actor2_missing += 1
        if r.deaths_ok is not None:
            t.deaths.add(r.deaths_ok)
    return t


def _actor_missing(event: Event, side: int) -> bool:
    if side == 1:
        return event.actor1_country is None and event.actor1_sector is None
    return event.actor2_country is None and event.actor2_sector is None


def format_report(results: Sequence[RecordResult], *, details: bool = False) -> str:
    t = total(results)
    lines = [
        f"PLOVER records: {t.records} ({t.failed} rejected by the pipeline)",
        f"  event type      {t.counts.line()}",
        f"  no event at all {t.no_event}/{t.records} {t.no_event_share:.3f}",
        f"  actor1 country  {t.actor1.line()}  (where the type is right; "
        f"{t.actor1_missing} wrong ones have no actor country or sector)",
        f"  actor2 country  {t.actor2.line()}  (where the type is right; "
        f"{t.actor2_missing} wrong ones have no actor country or sector)",
        f"  deaths          {t.deaths.line()}  (largest predicted fatality count = gold dead)",
        *type_table(t.per_type),
        "confusions (gold -> predicted, records missing the gold type):",
        *(f"  {g:9} -> {p:9} {n}" for (g, p), n in t.confusions.most_common()),
        "extra types beside the right one:",
        *(f"  {g:9} +  {p:9} {n}" for (g, p), n in t.extras.most_common()),
    ]
    if details:
        lines.append("records with no event:")
        for r in results:
            if r.no_event:
                cause = r.processed.failure or "no event coded"
                lines.append(f"  {r.record.id} [{r.record.gold.event_type}] {cause}")
        lines.append("records with the wrong type or wrong actors/deaths:")
        for r in results:
            if r.no_event:
                continue
            wrong = []
            if not r.hit:
                wrong.append(f"type {sorted(r.types)}")
            if r.actor1_ok is False and r.event is not None:
                wrong.append(
                    f"actor1 {r.event.actor1!r} {r.event.actor1_country}/{r.event.actor1_sector}"
                    f" for {'/'.join(r.record.gold.actor1_countries)}"
                )
            if r.actor2_ok is False and r.event is not None:
                wrong.append(
                    f"actor2 {r.event.actor2!r} {r.event.actor2_country}/{r.event.actor2_sector}"
                    f" for {'/'.join(r.record.gold.actor2_countries)}"
                )
            if r.deaths_ok is False:
                got = [e.fatalities for e in r.processed.events]
                wrong.append(f"deaths {got} for {r.record.dead}")
            if wrong:
                lines.append(f"  {r.record.id} [{r.record.gold.event_type}] " + "; ".join(wrong))
    return "\n".join(lines)
