"""Time expressions in a sentence, resolved against the article's publication date.

News dates events relative to the dateline: "on Thursday" in an article of Friday
26 February 2021 is 2021-02-25, the most recent Thursday on or before the dateline, unless the
tense points forward ("troops would return on Sunday" is the coming Sunday). "April 9" takes the
dateline's year, or the year before if that would put it well after the dateline. "Yesterday",
"last night", "two days ago", "last month", "last year" are counted back from the dateline.

Vague spans ("last week", "this year", "next week", "by June", "recently") are kept as
``date_text`` with a NULL date, following the gold annotation's convention
(``tests/fixtures/devset/README.md``): a week-long window is not a day, and "this year" dates
nothing the publication year does not already say. An event with no time expression at all falls
back to the publication date (``date_method = "published_fallback"``), which is what most wire
copy means by an undated past-tense report.

``date_method`` is one of :data:`DateMethod` ("vague" and "no_dateline" leave the date NULL);
``date_precision`` is "day", "month" or "year".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from transforms.clean.datelines import numeric_date_spans, read_date
from transforms.events.casualties import UNIT_WORDS
from transforms.nlp.layout import DocLayout

Precision = Literal["day", "month", "year"]
#: How ``events.date_method`` says the date was found (the codebook lists these).
DateMethod = Literal[
    "explicit", "weekday", "relative", "vague", "no_dateline", "published_fallback"
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)} | _MONTH_ABBR
_NUMBER_WORDS = {"a": 1, "an": 1} | UNIT_WORDS

_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b(?:,?\s+(\d{{4}}))?"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}\s+(\d{{4}})\b")
_MONTH_ONLY = re.compile(
    rf"^(?:in|during|on|early|late|mid|since|from|until|by|of)?[\s-]*{_MONTH_RE}$"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(rf"\b(\d+|{'|'.join(_NUMBER_WORDS)})\s+(day|week)s?\s+ago\b")
_VAGUE = re.compile(
    r"\b(last|this|next|coming|past|previous)\s+(week|weekend|year|month|decade|century|season)\b"
    r"|\b(recently|recent\s+(days|weeks|months|years)|earlier|later|soon|shortly|lately)\b"
    r"|^(by|since|until|till|before|after|within)\b"
)
_DURATION = re.compile(
    r"\b(for|over|during|within)\b|\b(hours?|days?|weeks?|months?|years?)\s*(long|old)\b"
    r"|^(about|nearly|almost|some|more than|less than|up to)?\s*(\d+|a|an|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|many|few)\s+(minutes?|hours?|days?|nights?|weeks?|"
    r"months?|years?|decades?)$"
    r"|^(the\s+)?(minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|time|day)$"
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    text: str | None
    value: date | None
    precision: Precision | None
    method: DateMethod


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression in a sentence: its tokens [start, end) and the token it hangs from."""

    start: int
    end: int
    text: str
    anchor: Token


def time_expressions(sent: Span) -> list[TimeExpression]:
    """DATE/TIME entities of the sentence, widened to "late on Tuesday" and "from Wednesday".

    Durations ("for 72 hours", "three days of talks"), ages and decades are left out: they are
    not when the event happened.
    """
    doc = sent.doc
    out: list[TimeExpression] = []
    for ent in _joined_entities(sent):
        start, end = ent.start, ent.end
        head = ent.root if ent.root.dep_ != "compound" else ent.root.head
        # Extend left over the governing preposition and "late"/"early" ("late on Tuesday").
        if head.dep_ == "pobj" and head.head.i == start - 1 and head.head.dep_ == "prep":
            start -= 1
            prep = doc[start]
            lefts = [t for t in prep.lefts if t.lower_ in {"late", "early"}]
            if lefts and lefts[0].i == start - 1:
                start -= 1
            head = prep
        elif start > sent.start and doc[start - 1].lower_ in {"late", "early"}:
            start -= 1
        # "on Monday evening": spaCy sometimes stops the entity before the part of day.
        if end < sent.end and doc[end].lower_ in {"morning", "afternoon", "evening", "night"}:
            end += 1
        text = doc[start:end].text
        low = text.lower()
        core = ent.text.lower()
        if (_DURATION.search(low) or _DURATION.search(core)) and not (
            _WEEKDAY.search(low) or _MONTH_DAY.search(low)
        ):
            continue  # "for 72 hours", "after three days of talks": a span, not a date
        if "year-old" in low or re.search(r"\b\d{4}s\b|\bthe \d+s\b", low):
            continue
        out.append(TimeExpression(start, end, text, head))
    return out


def _joined_entities(sent: Span) -> list[Span]:
    """DATE/TIME entities, with "Monday" + "evening" (split by the NER) joined into one."""
    doc = sent.doc
    layout: DocLayout = doc._.layout
    ents = [e for e in layout.entities_in(sent) if e.label_ in {"DATE", "TIME"}]
    ents = sorted(ents + _untagged_numeric_dates(sent, ents), key=lambda e: e.start)
    joined: list[Span] = []
    for ent in ents:
        if joined and joined[-1].end == ent.start:
            joined[-1] = doc[joined[-1].start : ent.end]
        else:
            joined.append(ent)
    return joined


def _untagged_numeric_dates(sent: Span, ents: list[Span]) -> list[Span]:
    """Numeric dates the entity tagger missed ("03.11.2020" is no DATE to the small model)."""
    tagged = {i for e in ents for i in range(e.start, e.end)}
    found: list[Span] = []
    for start, end in numeric_date_spans(sent.text):
        span = sent.char_span(start, end, alignment_mode="expand")
        if span is not None and tagged.isdisjoint(range(span.start, span.end)):
            found.append(span)
    return found


def resolve(text: str, published: date | None, *, forward: bool = False) -> ResolvedDate:
    """Resolve one time expression; ``forward`` when the clause is in a future tense."""
    low = " ".join(text.lower().split())
    if _VAGUE.search(low) and not _WEEKDAY.search(low) and not _MONTH_DAY.search(low):
        relative = _relative(low, published)
        if relative is not None:
            return ResolvedDate(text, relative[0], relative[1], "relative")
        return ResolvedDate(text, None, None, "vague")
    if published is None:
        explicit = _explicit(low, None, forward=forward)
        if explicit is not None and explicit[0].year > 1:
            return ResolvedDate(text, explicit[0], explicit[1], "explicit")
        return ResolvedDate(text, None, None, "no_dateline")
    explicit = _explicit(low, published, forward=forward)
    if explicit is not None:
        return ResolvedDate(text, explicit[0], explicit[1], "explicit")
    wd = _WEEKDAY.search(low)
    if wd:
        return ResolvedDate(text, _weekday(wd.group(1), published, low, forward), "day", "weekday")
    relative = _relative(low, published)
    if relative is not None:
        return ResolvedDate(text, relative[0], relative[1], "relative")
    return ResolvedDate(text, None, None, "vague")


def fallback(published: date | None) -> ResolvedDate:
    """No time expression: the publication date, flagged as a fallback."""
    if published is None:
        return ResolvedDate(None, None, None, "published_fallback")
    return ResolvedDate(None, published, "day", "published_fallback")


def _weekday(name: str, published: date, low: str, forward: bool) -> date:
    target = WEEKDAYS.index(name)
    if "last" in low.split() or "previous" in low.split():
        forward = False
    if "next" in low.split() or "coming" in low.split():
        forward = True
    if forward:
        delta = (target - published.weekday()) % 7 or 7
        return published + timedelta(days=delta)
    return published - timedelta(days=(published.weekday() - target) % 7)


def _month(text: str) -> int:
    key = text.rstrip(".").lower()
    return _MONTH_NUM.get(key) or _MONTH_ABBR[key[:3]]


def _explicit(low: str, published: date | None, *, forward: bool) -> tuple[date, Precision] | None:
    """Calendar dates: "April 9", "9 April 2018", "March 2019", "in March", "in 2015"."""
    m = _MONTH_DAY.search(low)
    day_first = False
    if not m:
        m = _DAY_MONTH.search(low)
        day_first = True
    if m:
        if day_first:
            day, month = int(m.group(1)), _month(m.group(2))
        else:
            month, day = _month(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        if year is None:
            if published is None:
                return None
            year = _infer_year(month, day, published, forward)
        try:
            return date(year, month, day), "day"
        except ValueError:
            return None
    m = _MONTH_YEAR.search(low)
    if m:
        return date(int(m.group(2)), _month(m.group(1)), 1), "month"
    m = _MONTH_ONLY.search(low)
    if m and published is not None:
        month = _month(m.group(1))
        year = published.year
        if not forward and month > published.month:
            year -= 1
        elif forward and month < published.month:
            year += 1
        return date(year, month, 1), "month"
    # Numeric dates (2020-11-03, 14/02/2021) and written forms the patterns above miss: one
    # reading for the whole project (transforms.clean.datelines), before the bare year.
    found = read_date(low, anchor=published)
    if found is not None:
        return found
    m = _YEAR.search(low)
    if m and not re.search(r"\d{1,2}:\d\d|\bp\.?m\b|\ba\.?m\b", low):
        return date(int(m.group(1)), 1, 1), "year"
    return None


def _infer_year(month: int, day: int, published: date, forward: bool) -> int:
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if not forward and candidate > published + timedelta(days=7):
        return year - 1
    if forward and candidate < published - timedelta(days=7):
        return year + 1
    return year


def _relative(low: str, published: date | None) -> tuple[date, Precision] | None:
    if published is None:
        return None
    words = low.split()
    if "yesterday" in words or "last night" in low or "overnight" in words:
        return published - timedelta(days=1), "day"
    if any(w in words for w in ("today", "tonight")) or re.search(
        r"\bthis (morning|afternoon|evening)\b", low
    ):
        return published, "day"
    if "tomorrow" in words:
        return published + timedelta(days=1), "day"
    m = _AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1)]
        return published - timedelta(days=n * (7 if m.group(2) == "week" else 1)), "day"
    if re.search(r"\b(last|previous) month\b", low):
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if re.search(r"\b(last|previous) year\b", low):
        return date(published.year - 1, 1, 1), "year"
    return None
