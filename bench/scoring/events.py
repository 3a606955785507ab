"""Scoring coded events against hand-coded gold events (the devset and the seed expectations).

Predicted and gold events are matched one to one: a pair needs the same PLOVER type and
overlapping sentences (at least ``SENTENCE_OVERLAP`` of the shorter sentence's words shared, so
a cleaner that cuts a sentence differently still matches). Among the candidates, pairs that also
agree on the actor's country and the date are taken first.

Reported figures:

* type precision, recall and F1 over all events, and per type;
* among matched pairs: actor1 and actor2 country accuracy, date accuracy (exact, NULL = NULL
  counts), date accuracy where the gold has a date, deaths and injuries exact where the gold
  states them, polarity and modality accuracy;
* the gold events missed and the predicted events matching no gold event.

The seed expectations have no sentences; ``check_seeds`` looks, for every expected event, for a
predicted event of the same type with the same actor country and date, and the same recipient
country where the gold names one (a NULL recipient country in the gold means "not a country"
or "unknown", which a coder that knows better is not penalised for).

An actor's gold is a tuple of acceptable codes (PLOVER records name several actors per side):
ISO alpha-3 countries, or the CAMEO roots of bodies with no country, which are compared with the
predicted actor's sector instead (``country_ok``). An empty tuple means "no country".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bench.scoring.metrics import PRF, Tally
from bench.scoring.overlap import bag_overlap, one_to_one
from bench.scoring.pipeline import Event

#: Share of the shorter sentence's words a predicted and a gold event must share to match.
SENTENCE_OVERLAP = 0.6
#: Words two sentences must share before their overlap counts at all.
MIN_SHARED_WORDS = 4
#: CAMEO roots of actors with no country -> the sectors that stand for them in a prediction.
#: IMG (international militarised group) is a non-state armed group, sector REB in newsdb.
SECTOR_ROOTS: dict[str, frozenset[str]] = {
    "IGO": frozenset({"IGO"}),
    "NGO": frozenset({"NGO"}),
    "IMG": frozenset({"IMG", "REB"}),
}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    actor1: str | None = None
    actor1_countries: tuple[str, ...] = ()
    actor2: str | None = None
    actor2_countries: tuple[str, ...] = ()
    event_date: date | None = None
    date_text: str | None = None
    location: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    negated: bool = False
    modality: str = "asserted"
    sentence: str | None = None

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> GoldEvent:
        """One event of a devset annotation file (``tests/fixtures/devset/README.md``)."""
        return cls(
            event_type=item["type"],
            actor1=item.get("actor1"),
            actor1_countries=_codes(item.get("actor1_country")),
            actor2=item.get("actor2"),
            actor2_countries=_codes(item.get("actor2_country")),
            event_date=parse_gold_date(item.get("date")),
            date_text=item.get("date_text"),
            location=item.get("location"),
            fatalities=item.get("fatalities"),
            injured=item.get("injured"),
            negated=bool(item.get("negated", False)),
            modality=item.get("modality") or "asserted",
            sentence=item.get("sentence"),
        )


def _codes(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def parse_gold_date(value: str | None) -> date | None:
    """ "2020-09-01" -> date; a bare year "2015" -> 1 January of it; None -> None."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1)
    return date.fromisoformat(value)


def country_ok(country: str | None, sector: str | None, gold: tuple[str, ...]) -> bool:
    """Does a predicted actor (country, sector) fit the gold codes? No codes: no country."""
    if not gold:
        return country is None
    for code in gold:
        if code in SECTOR_ROOTS:
            if sector in SECTOR_ROOTS[code]:
                return True
        elif country == code:
            return True
    return False


def sentence_overlap(gold: str | None, predicted: str) -> float:
    """Overlap coefficient of the two sentences' words (0 below ``MIN_SHARED_WORDS`` shared)."""
    return bag_overlap(gold, predicted, min_shared=MIN_SHARED_WORDS)


def match(
    predicted: Sequence[Event], gold: Sequence[GoldEvent]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one pairs (gold index, predicted index), unmatched gold, unmatched predictions."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if p.event_type != g.event_type:
                continue
            similar = sentence_overlap(g.sentence, p.sentence_text)
            if similar < SENTENCE_OVERLAP:
                continue
            agree = country_ok(p.actor1_country, p.actor1_sector, g.actor1_countries)
            bonus = 0.1 * agree + 0.05 * (p.event_date == g.event_date)
            candidates.append((similar + bonus, gi, pi))
    pairs = one_to_one(candidates)
    used_gold = {gi for gi, _ in pairs}
    used_pred = {pi for _, pi in pairs}
    missed = [i for i in range(len(gold)) if i not in used_gold]
    spurious = [i for i in range(len(predicted)) if i not in used_pred]
    return pairs, missed, spurious


@dataclass(slots=True)
class Report:
    counts: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    actor1_country: Tally = field(default_factory=Tally)
    actor2_country: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    dated: Tally = field(default_factory=Tally)
    fatalities: Tally = field(default_factory=Tally)
    injured: Tally = field(default_factory=Tally)
    polarity: Tally = field(default_factory=Tally)
    modality: Tally = field(default_factory=Tally)
    misses: list[tuple[str, GoldEvent]] = field(default_factory=list)
    false_positives: list[tuple[str, Event]] = field(default_factory=list)
    wrong: list[tuple[str, str, GoldEvent, Event]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1

    def of_type(self, event_type: str) -> PRF:
        return self.per_type.setdefault(event_type, PRF())


def score(articles: Iterable[tuple[str, Sequence[Event], Sequence[GoldEvent]]]) -> Report:
    """Score every article: (name, predicted events, gold events)."""
    report = Report()
    for name, predicted, gold in articles:
        pairs, missed, spurious = match(predicted, gold)
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            report.of_type(g.event_type).tp += 1
            report.counts.tp += 1
            checks = {
                "actor1_country": country_ok(p.actor1_country, p.actor1_sector, g.actor1_countries),
                "actor2_country": country_ok(p.actor2_country, p.actor2_sector, g.actor2_countries),
                "date": p.event_date == g.event_date,
                "polarity": (p.polarity == "negative") == g.negated,
                "modality": p.modality == g.modality,
            }
            report.actor1_country.add(checks["actor1_country"])
            report.actor2_country.add(checks["actor2_country"])
            report.date.add(checks["date"])
            if g.event_date is not None:
                report.dated.add(checks["date"])
            if g.fatalities is not None:
                checks["fatalities"] = p.fatalities == g.fatalities
                report.fatalities.add(checks["fatalities"])
            if g.injured is not None:
                checks["injured"] = p.injured == g.injured
                report.injured.add(checks["injured"])
            report.polarity.add(checks["polarity"])
            report.modality.add(checks["modality"])
            report.wrong += [(name, what, g, p) for what, ok in checks.items() if not ok]
        for gi in missed:
            report.of_type(gold[gi].event_type).fn += 1
            report.counts.fn += 1
            report.misses.append((name, gold[gi]))
        for pi in spurious:
            report.of_type(predicted[pi].event_type).fp += 1
            report.counts.fp += 1
            report.false_positives.append((name, predicted[pi]))
    return report


def type_table(per_type: dict[str, PRF]) -> list[str]:
    """One line per event type: tp, fp, fn, P, R, F1."""
    lines = ["per type:            tp  fp  fn     P     R    F1"]
    for etype in sorted(per_type):
        c = per_type[etype]
        lines.append(
            f"  {etype:16} {c.tp:4}{c.fp:4}{c.fn:4}  {c.precision:.2f}  {c.recall:.2f}  {c.f1:.2f}"
        )
    return lines


def format_report(report: Report, *, details: bool = True) -> str:
    c = report.counts
    lines = [
        f"events: tp={c.tp} fp={c.fp} fn={c.fn}  "
        f"precision={c.precision:.3f} recall={c.recall:.3f} F1={c.f1:.3f}",
    ]
    for label, tally in (
        ("actor1 country", report.actor1_country),
        ("actor2 country", report.actor2_country),
        ("date (exact, NULL=NULL)", report.date),
        ("date (gold dated)", report.dated),
        ("fatalities exact", report.fatalities),
        ("injured exact", report.injured),
        ("polarity", report.polarity),
        ("modality", report.modality),
    ):
        lines.append(f"  {label:26} {tally.correct:3}/{tally.total:<3} {tally.rate:.3f}")
    lines += type_table(report.per_type)
    if details:
        lines.append("misses (gold events not found):")
        for name, g in report.misses:
            lines.append(f"  [{name}] {g.event_type} {g.actor1} -> {g.actor2} | {g.sentence}")
        lines.append("false positives (predicted events matching no gold event):")
        for name, p in report.false_positives:
            lines.append(
                f"  [{name}] {p.event_type} '{p.trigger_text}' {p.actor1} -> {p.actor2} "
                f"| {p.sentence_text[:120]}"
            )
        lines.append("attribute errors on matched events:")
        for name, what, g, p in report.wrong:
            lines.append(
                f"  [{name}] {g.event_type} {what}: gold={_attr(g, what)} got={_attr(p, what)} "
                f"('{p.trigger_text}')"
            )
    return "\n".join(lines)


def _attr(event: GoldEvent | Event, what: str) -> object:
    if isinstance(event, GoldEvent):
        if what in ("actor1_country", "actor2_country"):
            codes = getattr(event, what.replace("country", "countries"))
            return "/".join(codes) or None
        if what == "polarity":
            return event.negated
    if what == "date":
        return event.event_date
    return getattr(event, what)


# --- seed expectations -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeedCheck:
    required: bool
    expected: dict[str, Any]
    found: Event | None

    @property
    def ok(self) -> bool:
        return self.found is not None


def check_seeds(predicted: Sequence[Event], expected: dict[str, Any]) -> list[SeedCheck]:
    """Each required and optional seed event, with the predicted event that satisfies it."""
    checks: list[SeedCheck] = []
    used: set[int] = set()
    for required, items in (
        (True, expected.get("required", [])),
        (False, expected.get("optional", [])),
    ):
        for item in items:
            found = None
            for pi, p in enumerate(predicted):
                if pi in used or not _seed_fits(p, item):
                    continue
                found = p
                used.add(pi)
                break
            checks.append(SeedCheck(required, item, found))
    return checks


def _seed_fits(p: Event, item: dict[str, Any]) -> bool:
    if p.event_type != item["type"] or p.actor1_country != item.get("actor1_country"):
        return False
    if item.get("actor2_country") and p.actor2_country != item["actor2_country"]:
        return False
    want = parse_gold_date(item.get("date"))
    if want is None:
        return True
    if item.get("date") and re.fullmatch(r"\d{4}", item["date"]):
        return p.event_date is not None and p.event_date.year == want.year
    return p.event_date == want


def type_counts(events: Iterable[Event]) -> Counter[str]:
    """How many predicted events of each type."""
    return Counter(e.event_type for e in events)
