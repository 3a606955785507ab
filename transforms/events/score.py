"""Scoring coded events against hand-coded gold (the devset and the seed expectations).

Predicted and gold events are matched one to one: a pair needs the same PLOVER type and
overlapping sentences (at least ``SENTENCE_OVERLAP`` of the shorter sentence's words are shared,
so a cleaner that cuts a sentence differently still matches).
Among the candidates, pairs that also agree on the actor's country and the date are taken first.

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

Everything here is pure: callers read the files (see ``bench/score_events.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from transforms.events.plover import PLOVER_TYPES
from transforms.model import EventRecord

SENTENCE_OVERLAP = 0.6
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    actor1: str | None
    actor1_country: str | None
    actor2: str | None
    actor2_country: str | None
    event_date: date | None
    date_text: str | None
    location: str | None
    fatalities: int | None
    injured: int | None
    negated: bool
    modality: str
    sentence: str | None

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> GoldEvent:
        return cls(
            event_type=item["type"],
            actor1=item.get("actor1"),
            actor1_country=item.get("actor1_country"),
            actor2=item.get("actor2"),
            actor2_country=item.get("actor2_country"),
            event_date=parse_gold_date(item.get("date")),
            date_text=item.get("date_text"),
            location=item.get("location"),
            fatalities=item.get("fatalities"),
            injured=item.get("injured"),
            negated=bool(item.get("negated", False)),
            modality=item.get("modality") or "asserted",
            sentence=item.get("sentence"),
        )


def parse_gold_date(value: str | None) -> date | None:
    """ "2020-09-01" -> date; a bare year "2015" -> 1 January of it; None -> None."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1)
    return date.fromisoformat(value)


def cleaned_text(source: str, body: bytes) -> str:
    """The body text the pipeline would see for a saved article (bytes of a .txt file).

    Uses the real cleaning stage (``transforms.clean``); ``article_body`` is the fallback for a
    checkout without it.
    """
    try:
        from transforms.clean import clean
    except ImportError:  # pragma: no cover - the cleaning stage is part of the project
        return article_body(body.decode("utf-8"))
    from transforms.model import RawDoc

    return clean(RawDoc(source=source, body=body, content_type="text/plain")).text


def article_body(raw_text: str) -> str:
    """A devset/seed file's body without headline, dateline and byline.

    Used only when the cleaning stage is not available: line 1 is the headline, a line that
    is only a date is the dateline, and a "By NAME" line the byline.
    """
    lines = raw_text.splitlines()
    body: list[str] = []
    for k, line in enumerate(lines):
        stripped = line.strip().strip("#*_ ").strip()
        if k == 0:
            continue
        if k < 8 and (_is_dateline(stripped) or stripped.startswith("By ")):
            continue
        body.append(line)
    return "\n".join(body).strip()


def _is_dateline(line: str) -> bool:
    return bool(
        re.fullmatch(r"(\d{1,2} \w+,? \d{4}|\w+ \d{1,2},? \d{4})", line)
        and any(
            m in line.lower()
            for m in (
                "jan",
                "feb",
                "mar",
                "apr",
                "may",
                "jun",
                "jul",
                "aug",
                "sep",
                "oct",
                "nov",
                "dec",
            )
        )
    )


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def sentence_overlap(gold: str | None, predicted: str) -> float:
    """Shared words over the shorter sentence's words (0 when fewer than four are shared).

    The overlap coefficient tolerates a cleaner or splitter that cuts a sentence differently
    from the annotator; the four-word minimum keeps short boilerplate from matching anything.
    """
    gw, pw = _words(gold), _words(predicted)
    shared = len(gw & pw)
    if shared < 4:
        return 0.0
    return shared / min(len(gw), len(pw))


def match(
    predicted: Sequence[EventRecord], gold: Sequence[GoldEvent]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one pairs (gold index, predicted index), unmatched gold, unmatched predictions."""
    scored: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if p.event_type != g.event_type:
                continue
            overlap = sentence_overlap(g.sentence, p.sentence_text)
            if overlap < SENTENCE_OVERLAP:
                continue
            bonus = 0.1 * (p.actor1_country == g.actor1_country) + 0.05 * (
                p.event_date == g.event_date
            )
            scored.append((overlap + bonus, gi, pi))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    missed = [i for i in range(len(gold)) if i not in used_g]
    spurious = [i for i in range(len(predicted)) if i not in used_p]
    return pairs, missed, spurious


@dataclass(slots=True)
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class Report:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_type: dict[str, Counter[str]] = field(default_factory=dict)
    actor1_country: Tally = field(default_factory=Tally)
    actor2_country: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    dated: Tally = field(default_factory=Tally)
    fatalities: Tally = field(default_factory=Tally)
    injured: Tally = field(default_factory=Tally)
    polarity: Tally = field(default_factory=Tally)
    modality: Tally = field(default_factory=Tally)
    misses: list[tuple[str, GoldEvent]] = field(default_factory=list)
    false_positives: list[tuple[str, EventRecord]] = field(default_factory=list)
    wrong: list[tuple[str, str, GoldEvent, EventRecord]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(articles: Iterable[tuple[str, Sequence[EventRecord], Sequence[GoldEvent]]]) -> Report:
    """Score every article: (name, predicted events, gold events)."""
    report = Report()
    for name, predicted, gold in articles:
        pairs, missed, spurious = match(predicted, gold)
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            _type(report, g.event_type)["tp"] += 1
            report.tp += 1
            checks = {
                "actor1_country": p.actor1_country == g.actor1_country,
                "actor2_country": p.actor2_country == g.actor2_country,
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
            for what, ok in checks.items():
                if not ok:
                    report.wrong.append((name, what, g, p))
        for gi in missed:
            _type(report, gold[gi].event_type)["fn"] += 1
            report.fn += 1
            report.misses.append((name, gold[gi]))
        for pi in spurious:
            _type(report, predicted[pi].event_type)["fp"] += 1
            report.fp += 1
            report.false_positives.append((name, predicted[pi]))
    return report


def _type(report: Report, event_type: str) -> Counter[str]:
    return report.per_type.setdefault(event_type, Counter())


def format_report(report: Report, *, details: bool = True) -> str:
    lines = [
        f"events: tp={report.tp} fp={report.fp} fn={report.fn}  "
        f"precision={report.precision:.3f} recall={report.recall:.3f} F1={report.f1:.3f}",
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
    lines.append("per type:            tp  fp  fn     P     R    F1")
    for etype in PLOVER_TYPES:
        c = report.per_type.get(etype)
        if not c:
            continue
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"  {etype:16} {tp:4}{fp:4}{fn:4}  {p:.2f}  {r:.2f}  {f:.2f}")
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
            want = _attr(g, what)
            got = _attr(p, what)
            lines.append(
                f"  [{name}] {g.event_type} {what}: gold={want} got={got} ('{p.trigger_text}')"
            )
    return "\n".join(lines)


def _attr(event: GoldEvent | EventRecord, what: str) -> object:
    if what == "date":
        return event.event_date
    if what == "polarity":
        return event.negated if isinstance(event, GoldEvent) else event.polarity
    return getattr(event, what)


@dataclass(frozen=True, slots=True)
class SeedCheck:
    required: bool
    expected: dict[str, Any]
    found: EventRecord | None

    @property
    def ok(self) -> bool:
        return self.found is not None


def check_seeds(predicted: Sequence[EventRecord], expected: dict[str, Any]) -> list[SeedCheck]:
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


def _seed_fits(p: EventRecord, item: dict[str, Any]) -> bool:
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
