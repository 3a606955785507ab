"""Dates as news writes them: a line that is only a publication date, and a date in a span of text.

Text and Markdown articles carry their date as a line of its own ("May 10, 2018",
"26 February, 2021", "2021-02-26", "Thursday, May 10, 2018 10:30 GMT", "Published: Sept. 3,
2020", "14/02/2021"). The whole line must be a date: a sentence that merely contains one is body
text. The event stage reads the dates inside sentences with ``read_date`` and the regex pieces
``MONTH``, ``DAY`` and ``YEAR`` (without groups, so a caller wraps them in its own) with
``month_number`` / ``day_number``. This is newsdb's one reading of a written date.

Numeric dates (``read_numeric_date``). Year first (2020-11-03, 2020/11/03) is always year,
month, day. Year last is day and month in an order the digits do not always show; the rule:

1. a first number over 12 is a day (14/02/2021), a second number over 12 makes the first
   the month (02/14/2021); both over 12 is no date;
2. dots are day first (03.11.2020): the dotted form is European, no month-first usage writes it;
3. otherwise the site's locale decides (``date_order``): a region in its declared language tag
   (en-US, en_GB) or a country-code domain (.co.uk, .de, .us). The United States and the few
   places that follow it (``_MONTH_FIRST_REGIONS``) write month first, every other region day
   first; a language other than English with no region also means day first;
4. otherwise, where there is a reference date (an event's publication date), the reading
   nearer to it;
5. otherwise the date is not read: a wrong date is worse than none. The line is still a date
   line (``is_date_line``), so it stays out of the body.

Only four-digit years are read in numeric dates ("03/11/20" could be any of three dates).

dateparser is the fallback for the written forms the patterns miss ("Sat, 10 May 2018
10:30:00 +0100", "3-Nov-2020", "November the 3rd", "3 novembre 2020"). It is only asked about
a text with a digit and a month name that the patterns did not read, in the article's language
(English unless told), with absolute dates only: relative words ("today", "3 hours ago") are
never read by it, and the year, when the text lacks one, comes from the reference date, never
from the wall clock. A date line without a year is not read at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

Precision = Literal["day", "month", "year"]
#: The order of day and month in a numeric date with the year last.
DateOrder = Literal["DMY", "MDY"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: A month name or abbreviation ("January", "Jan", "Jan.", "Sept", "Sept."); match ignoring case.
MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
#: A day of the month, with an optional ordinal suffix: "3", "03", "3rd".
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: A four-digit year of the 20th or 21st century.
YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)"
_PREFIX = r"(?:(?:(?:first|last)\s+)?(?:published|posted|updated|modified|date)(?:\s+on)?\s*:?\s*)"
# A trailing clock time, optionally with am/pm and a zone: ", 10:30 GMT", " | 3:45 p.m. ET".
_TIME = (
    r"(?:\s*(?:[,|·•]|\s-|\s–|\s—|\bat\b)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
)
# One named group set per form (Python forbids reusing a group name across alternatives).
_FORMS = (
    rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})",  # May 10, 2018 / Sept. 3 2020
    rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})",  # 26 February, 2021
    rf"(?P<y3>{YEAR})[-/](?P<m3>\d{{1,2}})[-/](?P<d3>\d{{1,2}})"  # 2021-02-26, ISO time optional
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
)
_DATE_LINE = re.compile(
    rf"^\s*{_PREFIX}?{_WEEKDAY}?(?:{'|'.join(f'(?:{f})' for f in _FORMS)}){_TIME}\.?\s*$",
    re.IGNORECASE,
)
#: A numeric date with the year last: day and month in either order, one separator throughout.
_NUMERIC = re.compile(
    rf"(?<![\d./-])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?![\d]|[./-]\d)"
)
#: A numeric date with the year first (ISO 8601 and its slashed or dotted spellings).
_NUMERIC_YEAR_FIRST = re.compile(
    rf"(?<![\d./-])(?P<y>{YEAR})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d]|[./-]\d)"
)
_NUMERIC_LINE = re.compile(
    rf"^\s*{_PREFIX}?{_WEEKDAY}?(?P<date>\d{{1,2}}([./-])\d{{1,2}}\2{YEAR}){_TIME}\.?\s*$",
    re.IGNORECASE,
)
_MONTH_WORD = re.compile(rf"\b{MONTH}(?![a-z])", re.IGNORECASE)
_HAS_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
#: A line longer than this, in words, is not a date line even for dateparser.
_DATE_LINE_MAX_WORDS = 12

#: Regions that write a numeric date month first: the United States, the territories and
#: freely associated states that follow its usage, and the Philippines. Canada mixes both and
#: is left undecided.
_MONTH_FIRST_REGIONS = frozenset({"us", "as", "gu", "mp", "pr", "um", "vi", "fm", "mh", "pw", "ph"})
_MIXED_REGIONS = frozenset({"ca"})
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(?:[-_](?P<rest>[a-z0-9-_]+))?$", re.IGNORECASE)


def month_number(name: str) -> int:
    """1-12 for a text ``MONTH`` matched: the first three letters decide."""
    return _MONTHS[name.strip().lower()[:3]]


def day_number(text: str) -> int:
    """The day of a text ``DAY`` matched ("3rd" -> 3)."""
    return int(re.sub(r"\D", "", text))


class DateReading(NamedTuple):
    """A date read from text, and how much of it the text gave."""

    value: date
    precision: Precision


def date_order(locales: Sequence[str | None] = (), url: str | None = None) -> DateOrder | None:
    """How the site writes numeric dates, from its declared locales and its address.

    ``locales`` are the language tags the page declares, in order of trust ("en-GB", "en_US",
    "de"); the first with a region decides, then the country-code domain of ``url``, then a
    language other than English. None when nothing says (see the module docstring).
    """
    tags = [m for m in (_LOCALE.match((t or "").strip()) for t in locales) if m]
    for tag in tags:
        region = _region(tag.group("rest"))
        if region is not None:
            return _order_of_region(region)
    host = urlsplit(url).hostname if url and "://" in url else None
    if host:
        tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
        if len(tld) == 2 and tld.isalpha():
            return _order_of_region(tld)
    if any(tag.group("lang").lower() != "en" for tag in tags):
        return "DMY"
    return None


def _region(rest: str | None) -> str | None:
    """The two-letter region subtag of what follows a language ("Latn-GB" -> "gb")."""
    for part in re.split(r"[-_]", rest or ""):
        if len(part) == 2 and part.isalpha():
            return part.lower()
    return None


def _order_of_region(region: str) -> DateOrder | None:
    if region in _MIXED_REGIONS:
        return None
    return "MDY" if region in _MONTH_FIRST_REGIONS else "DMY"


def read_numeric_date(
    text: str, *, order: DateOrder | None = None, anchor: date | None = None
) -> date | None:
    """The first numeric date in ``text`` (2020-11-03, 14/02/2021, 03.11.2020), by the rule
    of the module docstring; None when there is none or its reading stays ambiguous."""
    first = _NUMERIC_YEAR_FIRST.search(text)
    other = _NUMERIC.search(text)
    if first is not None and (other is None or first.start() < other.start()):
        return _date(int(first.group("y")), int(first.group("m")), int(first.group("d")))
    if other is None:
        return None
    a, b, year = int(other.group("a")), int(other.group("b")), int(other.group("y"))
    return _day_and_month(a, b, year, dotted=other.group("sep") == ".", order=order, anchor=anchor)


def _day_and_month(
    a: int, b: int, year: int, *, dotted: bool, order: DateOrder | None, anchor: date | None
) -> date | None:
    day_first, month_first = _date(year, b, a), _date(year, a, b)
    if a > 12 or b > 12 or a == b or day_first is None or month_first is None:
        return day_first or month_first  # the digits decide (or there is one reading)
    if dotted or order == "DMY":
        return day_first
    if order == "MDY":
        return month_first
    if anchor is not None:
        return min((day_first, month_first), key=lambda d: abs((d - anchor).days))
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # February 30, month 13 and friends
        return None


def numeric_date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the numeric dates in ``text``, for a caller whose tagger missed them
    (spaCy's small English model takes "03.11.2020" for a title and "03/11/2020" for nothing)."""
    spans = [m.span() for m in _NUMERIC_YEAR_FIRST.finditer(text)]
    spans += [m.span() for m in _NUMERIC.finditer(text)]
    return sorted(spans)


def read_date(
    text: str,
    *,
    anchor: date | None = None,
    order: DateOrder | None = None,
    languages: Sequence[str] = ("en",),
) -> DateReading | None:
    """A calendar date written in ``text`` that the callers' own patterns did not read.

    Numeric dates first (day precision, see the module docstring), then dateparser for a text
    with a digit and a month name: a missing year is ``anchor``'s (and without an anchor the
    text must give one). Relative words are never read here; the caller counts them from its
    own reference date.
    """
    numeric = read_numeric_date(text, order=order, anchor=anchor)
    if numeric is not None:
        return DateReading(numeric, "day")
    if not (_MONTH_WORD.search(text) and any(c.isdigit() for c in text)):
        return None
    if _NUMERIC.search(text) or _NUMERIC_YEAR_FIRST.search(text):
        return None  # an ambiguous numeric date: dateparser would guess, we do not
    found = _dateparser(" ".join(text.split()), anchor, tuple(languages))
    return None if found is None else DateReading(found, "day")


def is_date_line(line: str) -> bool:
    """True if the line is nothing but a date, even one whose day and month stay ambiguous."""
    return (
        _DATE_LINE.match(line) is not None
        or _NUMERIC_LINE.match(line) is not None
        or _parse_written_line(line, ("en",)) is not None
    )


def parse_date_line(
    line: str, order: DateOrder | None = None, languages: Sequence[str] = ("en",)
) -> date | None:
    """The date a line consists of, or None if the line is anything more than a date (or its
    numeric day and month stay ambiguous). ``order`` is the site's ``date_order``;
    ``languages`` those dateparser may read the line in."""
    numeric = _NUMERIC_LINE.match(line)
    if numeric is not None:
        return read_numeric_date(numeric.group("date"), order=order)
    m = _DATE_LINE.match(line)
    if m is None:
        return _parse_written_line(line, tuple(languages))
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        form = "1" if m.group("y1") else "2"
        month = month_number(m.group(f"m{form}"))
        return date(int(m.group(f"y{form}")), month, day_number(m.group(f"d{form}")))
    except ValueError:  # February 30 and friends
        return None


def _parse_written_line(line: str, languages: tuple[str, ...]) -> date | None:
    """dateparser's reading of a short line with a year, a month name and nothing else."""
    text = " ".join(line.split())
    if (
        len(text.split()) > _DATE_LINE_MAX_WORDS
        or not _HAS_YEAR.search(text)
        or not any(c.isalpha() for c in text)
        or _NUMERIC.search(text)
    ):
        return None
    prefix = re.match(_PREFIX, text, re.IGNORECASE)
    return _dateparser(text[prefix.end() :] if prefix else text, None, languages)


@lru_cache(maxsize=4096)
def _dateparser(text: str, anchor: date | None, languages: tuple[str, ...]) -> date | None:
    """dateparser on one text: absolute dates only, every missing part from ``anchor``.

    Cached: a header line is asked about more than once (is it a date line? which date?).
    """
    if not text:
        return None
    settings: dict[str, object] = {
        "PARSERS": ["absolute-time"],  # no "today", no "3 hours ago", no Unix timestamps
        "REQUIRE_PARTS": ["day", "month"] if anchor else ["day", "month", "year"],
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    from dateparser.date import DateDataParser  # 0.3 s to import; most runs never need it

    found = DateDataParser(languages=list(languages), settings=settings).get_date_data(text)
    return found.date_obj.date() if found.date_obj is not None else None
