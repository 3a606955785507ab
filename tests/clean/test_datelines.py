"""Numeric and written dates (transforms/clean/datelines.py): the day/month rule, the site's
locale, the reference date, and dateparser as the fallback that never reads the wall clock.

Every line and sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from transforms.clean import clean
from transforms.clean.datelines import (
    date_order,
    is_date_line,
    numeric_date_spans,
    parse_date_line,
    read_date,
    read_numeric_date,
)
from transforms.model import RawDoc

# --- the day/month rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-11-03", date(2020, 11, 3)),  # year first: always year, month, day
        ("2020/11/03", date(2020, 11, 3)),
        ("signed on 2021-02-14T09:30:00Z in Geneva", date(2021, 2, 14)),
        ("14/02/2021", date(2021, 2, 14)),  # a first number over 12 is the day
        ("02/14/2021", date(2021, 2, 14)),  # a second number over 12: month first
        ("03.11.2020", date(2020, 11, 3)),  # dots: day first
        ("5.5.2019", date(2019, 5, 5)),  # the same either way
        ("03/11/2020", None),  # ambiguous, nothing to decide by
        ("31/31/2020", None),
        ("30.02.2020", None),
        ("1/2/20", None),  # two-digit years are not read
        ("2020-13-45", None),
        ("version 1.2.2020.5", None),
    ],
)
def test_numeric_dates_without_a_hint(text: str, expected: date | None) -> None:
    assert read_numeric_date(text) == expected


def test_the_site_locale_decides_an_ambiguous_date() -> None:
    assert read_numeric_date("03/11/2020", order="DMY") == date(2020, 11, 3)
    assert read_numeric_date("03/11/2020", order="MDY") == date(2020, 3, 11)
    # the digits overrule the locale, dots are day first whatever the locale
    assert read_numeric_date("14/02/2021", order="MDY") == date(2021, 2, 14)
    assert read_numeric_date("03.11.2020", order="MDY") == date(2020, 11, 3)


def test_the_reference_date_decides_when_nothing_else_does() -> None:
    assert read_numeric_date("03/11/2020", anchor=date(2020, 11, 5)) == date(2020, 11, 3)
    assert read_numeric_date("03/11/2020", anchor=date(2020, 3, 12)) == date(2020, 3, 11)
    assert read_numeric_date("03/11/2020", order="DMY", anchor=date(2020, 3, 12)) == date(
        2020, 11, 3
    )


@pytest.mark.parametrize(
    ("locales", "url", "order"),
    [
        (["en-US"], None, "MDY"),
        (["en_GB"], "https://news.example.com/a", "DMY"),
        (["en"], "https://www.example.co.uk/news/1", "DMY"),
        (["en"], "https://example.com.au/story", "DMY"),
        ([], "https://daily.example.us/story", "MDY"),
        (["en"], "https://example.com/story", None),
        ([], None, None),
        (["de"], "https://example.com/artikel", "DMY"),  # a language other than English
        (["en-CA"], None, None),  # Canada writes both
        (["en", "en-PH"], None, "MDY"),  # the first tag with a region decides
        (["en-Latn-IE"], None, "DMY"),
    ],
)
def test_date_order_from_locale_and_address(
    locales: list[str], url: str | None, order: str | None
) -> None:
    assert date_order(locales, url) == order


# --- date lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "order", "expected"),
    [
        ("14/02/2021", None, date(2021, 2, 14)),
        ("Published: 03.11.2020", None, date(2020, 11, 3)),
        ("Updated 03/11/2020 10:45", "MDY", date(2020, 3, 11)),
        ("Updated 03/11/2020 10:45", "DMY", date(2020, 11, 3)),
        ("03/11/2020", None, None),
        # written forms the patterns miss go to dateparser
        ("Sat, 10 May 2018 10:30:00 +0100", None, date(2018, 5, 10)),
        ("10-May-2018", None, date(2018, 5, 10)),
        ("Last modified on Thu 10 May 2018 10.30 BST", None, date(2018, 5, 10)),
        # ... but never a sentence, a relative date or a date without a year
        ("The 10 May 2018 vote was close", None, None),
        ("Posted by Jane Doe on 10 May 2018", None, None),
        ("Updated 3 hours ago", None, None),
        ("Today", None, None),
        ("Thursday, May 10", None, None),
        ("Brexit 2020: the deal explained", None, None),
    ],
)
def test_date_lines_numeric_and_fallback(
    line: str, order: str | None, expected: date | None
) -> None:
    assert parse_date_line(line, order) == expected  # type: ignore[arg-type]


def test_a_line_in_the_page_language_is_read_in_that_language() -> None:
    assert parse_date_line("3 novembre 2020", languages=["fr", "en"]) == date(2020, 11, 3)
    assert parse_date_line("3 novembre 2020") is None  # English only unless told


def test_an_ambiguous_numeric_line_is_still_a_date_line() -> None:
    assert is_date_line("03/11/2020") and is_date_line("Published: 03/11/2020 | 10:45")
    assert not is_date_line("Prices rose 03/11/2020 percent")


# --- dates inside sentences (the event stage's reading) -----------------------------------------


def test_read_date_reads_numeric_dates_at_day_precision() -> None:
    anchor = date(2020, 11, 5)
    assert read_date("on 2020-11-03", anchor=anchor) == (date(2020, 11, 3), "day")
    assert read_date("on 14/02/2021", anchor=anchor) == (date(2021, 2, 14), "day")
    assert read_date("on 03/11/2020", anchor=anchor) == (date(2020, 11, 3), "day")
    assert read_date("on 03/11/2020") is None


def test_read_date_falls_back_to_dateparser_with_the_anchor_year() -> None:
    assert read_date("on november the 3rd", anchor=date(2019, 12, 1)) == (
        date(2019, 11, 3),
        "day",
    )
    assert read_date("on november the 3rd") is None  # no year and no anchor: not the clock
    assert read_date("on november the 3rd, 2018") == (date(2018, 11, 3), "day")


def test_read_date_never_reads_relative_words() -> None:
    for text in ("today", "yesterday", "two days ago", "this morning", "last week", "on Monday"):
        assert read_date(text, anchor=date(2020, 11, 5)) is None, text
    assert read_date("in 2019", anchor=date(2020, 11, 5)) is None  # the caller's bare year


def test_numeric_date_spans() -> None:
    text = "Talks began on 03.11.2020 and ended on 2020-11-09, not 1.2.3."
    assert [text[a:b] for a, b in numeric_date_spans(text)] == ["03.11.2020", "2020-11-09"]


# --- through the cleaning stage --------------------------------------------------------------


def _text(body: str, name: str = "a.txt") -> RawDoc:
    return RawDoc(source=f"/in/{name}", body=body.encode("utf-8"), content_type="text/plain")


def test_a_saved_article_reads_its_numeric_dateline_by_its_address() -> None:
    body = (
        "Council approves new bridge\n\n{date}\n\n"
        "The city council approved the new bridge on a vote of nine to two.\n\n"
        "Original url: https://www.{host}/news/bridge\n"
    )
    uk = clean(_text(body.format(date="03/04/2020", host="example.co.uk")))
    assert uk.published == date(2020, 4, 3)
    us = clean(_text(body.format(date="03/04/2020", host="example.us")))
    assert us.published == date(2020, 3, 4)
    unknown = clean(_text(body.format(date="03/04/2020", host="example.com")))
    assert unknown.published is None
    assert "03/04/2020" not in unknown.text  # still a header line, not body text
    iso = clean(_text(body.format(date="2020-04-03", host="example.com")))
    assert iso.published == date(2020, 4, 3)


def test_an_html_page_reads_its_dateline_by_its_declared_locale() -> None:
    page = (
        '<!doctype html><html lang="en-US"><head><title>Storm closes schools</title></head>'
        "<body><article><h1>Storm closes schools</h1><p>04/05/2021</p>"
        "<p>Schools across the county closed on Tuesday as a winter storm brought heavy snow "
        "and strong winds to the region, officials said.</p><p>The district said classes "
        "would resume once the roads had been cleared and power restored to all buildings."
        "</p></article></body></html>"
    )
    raw = RawDoc(source="/in/storm.html", body=page.encode(), content_type="text/html")
    assert clean(raw).published == date(2021, 4, 5)
    gb = RawDoc(
        source="/in/storm-gb.html",
        body=page.replace('lang="en-US"', 'lang="en-GB"').encode(),
        content_type="text/html",
    )
    assert clean(gb).published == date(2021, 5, 4)
