"""Recognise a line that is nothing but a publication date, as printed under a headline.

Text and Markdown articles carry their date as a line of its own ("May 10, 2018",
"26 February, 2021", "2021-02-26", "Thursday, May 10, 2018 10:30 GMT", "Published: Sept. 3,
2020"). The whole line must be a date: a sentence that merely contains one is body text.
Purely numeric day/month forms (03/04/2020) are not accepted: they are ambiguous between the
US and everyone else, and a wrong date is worse than none.

This is newsdb's one spelling of a written date: ``MONTH``, ``DAY`` and ``YEAR`` are the regex
pieces (without groups, so a caller wraps them in its own) and ``month_number`` /
``day_number`` read what they matched, for code that finds dates inside sentences.
"""

from __future__ import annotations

import re
from datetime import date

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
_PREFIX = r"(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*)"
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


def month_number(name: str) -> int:
    """1-12 for a text ``MONTH`` matched: the first three letters decide."""
    return _MONTHS[name.strip().lower()[:3]]


def day_number(text: str) -> int:
    """The day of a text ``DAY`` matched ("3rd" -> 3)."""
    return int(re.sub(r"\D", "", text))


def parse_date_line(line: str) -> date | None:
    """The date a line consists of, or None if the line is anything more than a date."""
    m = _DATE_LINE.match(line)
    if m is None:
        return None
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        form = "1" if m.group("y1") else "2"
        month = month_number(m.group(f"m{form}"))
        return date(int(m.group(f"y{form}")), month, day_number(m.group(f"d{form}")))
    except ValueError:  # February 30 and friends
        return None
