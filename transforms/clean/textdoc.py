"""Plain-text and Markdown articles into the same document model as HTML pages.

Saved articles come as a headline, a few header lines and paragraphs, for example::

    US warned Russia of Syria strikes minutes ahead of operation: Lavrov      <- headline

    US warned Russia of Syria strikes minutes ahead of operation: Lavrov      <- repeated
    Russia's top diplomat urged the US to renew contacts with Moscow on Syria. <- standfirst
    2 min read
    26 February, 2021                                                          <- date line
    The US strikes targeted Iran-backed militia groups in Syria [Getty]        <- caption

    Russian Foreign Minister Sergei Lavrov said ...                            <- body

or ``# Headline`` / date / ``By NAME`` / paragraphs in Markdown. The reading is:

1. **Headline.** The first line is the title only when it reads as one: short, without
   sentence-final punctuation or written in headline style (Title Case, or short with no
   article, weekday or past tense: many sites end headlines with a period), followed by a
   blank line, a date line or a byline, and with body text after it (or it is a Markdown
   heading). Otherwise the file is all body: a plain file of paragraphs must not lose its
   first paragraph, and a one-line report is its own text.
2. **Header.** The first few short lines after the headline, up to the last date line or
   byline among them, are the header: the date and the author are read from it and the rest
   (standfirst, repeated headline, reading time) is dropped. The header never reaches past a
   blank-separated block that holds a sentence but no date or byline: that block is the first
   body paragraph. Without a headline only date and byline lines at the very top are header.
3. **Body.** Every other line goes through the boilerplate table (``transforms.clean.boilerplate``);
   repeats of the headline and the ``Original url:`` block are dropped as well. A line that
   is cut mid-sentence (hard-wrapped text, Markdown soft breaks) is joined to the next one;
   each remaining line is a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from transforms.clean.boilerplate import headline_key, is_boilerplate
from transforms.clean.datelines import DateOrder, date_order, is_date_line, parse_date_line
from transforms.clean.markdown import plain_lines
from transforms.clean.normalize import join_paragraphs, split_lines
from transforms.safety import strip_userinfo

#: A headline has at most this many words (news headlines rarely pass 20).
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
#: A headline ending with a period and not in Title Case has at most this many words.
HEADLINE_STYLE_MAX_WORDS = 14
_OPENING_ARTICLES = frozenset({"the", "a", "an", "this", "these", "those", "it", "he", "she"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
#: The header is searched in this many non-blank lines after the headline...
HEADER_MAX_LINES = 8
#: ...and stops at the first line longer than this (a standfirst is one sentence, a lead more).
HEADER_LINE_MAX_WORDS = 40
#: A line of at least this many words that does not end a sentence continues on the next line.
WRAPPED_MIN_WORDS = 8

# "Original url:" followed, on the same or a later line, by a URL optionally in <...>.
_ORIGINAL_URL = re.compile(r"(?im)^\s*original\s+url\s*:\s*(?:\n\s*)*<?(https?://[^\s>]+)>?")
_ORIGINAL_URL_LABEL = re.compile(r"^original\s+url\s*:", re.I)
_BARE_URL_LINE = re.compile(r"^<?https?://\S+?>?$")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*$")
# A line that cannot be continued on the next one.
_LINE_END = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
_BYLINE = re.compile(
    r"^(?:by|(?:written|words|story|text|reporting)\s+by)\s*:?\s+(?P<names>\S.*)$", re.I
)
# What may follow the names in a byline: ", Reuters", " | Political editor", " in Kyiv".
_BYLINE_TAIL = re.compile(r"\s*(?:,|\||\s[-–—]\s|\sin\s).*$")
# Lower-case particles of personal names (and the "and" joining co-authors).
_NAME_PARTICLES = frozenset({
    "and", "&", "de", "da", "das", "del", "della", "der", "den", "di", "do", "dos", "du", "el",
    "la", "le", "van", "von", "al", "bin", "ibn", "ben", "y",
})  # fmt: skip


def find_original_url(text: str) -> str | None:
    """The address a seed file declares as its original (``Original url: <https://...>``)."""
    m = _ORIGINAL_URL.search(text)
    return strip_userinfo(m.group(1)) if m else None  # never stored with credentials


@dataclass(frozen=True, slots=True)
class TextArticle:
    """What a text or Markdown file says about itself, and its body text."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """Metadata read from the lines under a headline; body lines start at ``end``."""

    end: int
    published: date | None = None
    author: str | None = None


def parse_text(text: str, *, markdown: bool = False) -> TextArticle:
    """Read a decoded text (or Markdown) article: headline, header, body paragraphs.

    The body is normalised (``transforms.clean.normalize``) with paragraphs separated by "\\n\\n".
    It may be empty; deciding whether that is an error is the caller's business.
    """
    url = find_original_url(text)
    lines = split_lines(text)
    headings: set[int] = set()
    if markdown:
        lines, headings = _strip_markdown(lines)
    lines = _drop_original_url_block(lines)

    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return TextArticle(text="", url=url)
    title: str | None = None
    start = first
    if first in headings or _starts_with_headline(lines, first):
        title = lines[first]
        start = first + 1
    elif is_headline(lines[first]) and not _starts_with_headline(lines, first):
        # A one-line report, perhaps with its date or byline under it: the line is the text.
        header = read_header(lines, first + 1, after_headline=True, order=date_order((), url))
        if all(not line for line in lines[header.end :]):
            return TextArticle(
                text=join_paragraphs(body_paragraphs([lines[first]], [])),
                author=header.author,
                published=header.published,
                url=url,
            )
    header = read_header(lines, start, after_headline=title is not None, order=date_order((), url))
    body = body_paragraphs(lines[header.end :], [title])
    return TextArticle(
        text=join_paragraphs(body),
        title=title,
        author=header.author,
        published=header.published,
        url=url,
    )


def is_headline(line: str) -> bool:
    """True if ``line`` is shaped like a headline: short, and either without sentence-final
    punctuation or written as headlines are (``_headline_style``)."""
    words = line.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and any(c.isalpha() for c in line)
        and (not _SENTENCE_END.search(line) or _headline_style(words))
        and not line.endswith((",", ";", ":"))
        and not is_date_line(line)
        and parse_byline(line) is None
        and not is_boilerplate(line)
    )


def _headline_style(words: list[str]) -> bool:
    """A line ending like a sentence that is still a headline, as many sites and archives end
    theirs with a period ("Senator Quits Race Over Leak.", "Mayor seeks third term, eyes
    budget."): Title Case, or the compressed style of headlines: short, no article to open it,
    no one-word sentence, no weekday and no past-tense verb (a lead says "The minister resigned
    on Tuesday."; a headline "Minister resigns")."""
    letters = [w for w in words if w[:1].isalpha()]
    if len(letters) < 2:
        return False
    capitalised = sum(1 for w in letters if w[:1].isupper())
    if capitalised >= 0.75 * len(letters) and len(letters) >= 3:
        return True
    if len(words) > HEADLINE_STYLE_MAX_WORDS or words[0].lower() in _OPENING_ARTICLES:
        return False
    lowered = [w.lower().strip(".,;:!?'\"’”") for w in words]
    if any(w in _WEEKDAYS for w in lowered):
        return False
    return not any(w.endswith("ed") and len(w) > 4 for w in lowered[1:])


def parse_byline(line: str) -> str | None:
    """The author names of a ``By NAME`` line ("By Jane Doe, Reuters" -> "Jane Doe"), or None.

    Only for header lines: in a body, "By Tuesday, police had ..." is a sentence.
    """
    m = _BYLINE.match(line)
    if m is None or len(line.split()) > 12 or _SENTENCE_END.search(line):
        return None
    names = _BYLINE_TAIL.sub("", m.group("names")).strip()
    words = names.split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return None
    if all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return names
    return None


def read_header(
    lines: Sequence[str],
    start: int,
    *,
    after_headline: bool,
    order: DateOrder | None = None,
    languages: Sequence[str] = ("en",),
) -> Header:
    """Find the header that starts at ``lines[start]`` (see the module docstring).

    ``order`` is how the site writes numeric dates and ``languages`` those its date lines may
    be written in (``transforms.clean.datelines``). A date line whose date cannot be read (day
    and month ambiguous) still belongs to the header.

    After a headline the header may span several blank-separated blocks; it ends before the
    first block with a sentence and no date or byline, which is the first body paragraph.
    Non-signal lines before a block's last date/byline (standfirst, repeated headline) are
    part of the header; the lines after it are left to the body's boilerplate filter.
    """
    end = start
    published: date | None = None
    author: str | None = None
    seen = 0
    block_has_signal = block_has_sentence = False
    for i in range(start, len(lines)):
        line = lines[i]
        if not line:
            if block_has_sentence and not block_has_signal:
                break
            block_has_signal = block_has_sentence = False
            continue
        seen += 1
        if seen > HEADER_MAX_LINES or len(line.split()) > HEADER_LINE_MAX_WORDS:
            break
        day = parse_date_line(line, order, languages)
        dated = day is not None or is_date_line(line)
        byline = None if dated else parse_byline(line)
        if not dated and byline is None:
            if not after_headline:
                break
            block_has_sentence = block_has_sentence or bool(_SENTENCE_END.search(line))
            continue
        block_has_signal = True
        end = i + 1
        published = published or day
        author = author or byline
    return Header(end=end, published=published, author=author)


def body_paragraphs(
    lines: Sequence[str], headlines: Sequence[str | None] = (), *, join_wrapped: bool = True
) -> list[str]:
    """Body lines into paragraphs: boilerplate and headline repeats out, wrapped lines joined.

    ``headlines`` are the article's headline and any variant of it the page shows (an HTML
    page's <h1> may differ from its og:title); lines repeating one of them are dropped.
    ``join_wrapped=False`` keeps every line a paragraph of its own, for text whose line
    structure is already the paragraph structure (the blocks trafilatura extracts from HTML).
    """
    headline_keys = {headline_key(h) for h in headlines if h}
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line or is_boilerplate(line) or headline_key(line) in headline_keys:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not (join_wrapped and _continues(current[-1])):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _starts_with_headline(lines: Sequence[str], i: int) -> bool:
    """The headline rule: headline-shaped, followed by a blank, date or byline line, and with
    a body after it. A file of one line (or one line and a date) is a one-line report, whose
    line is its text, not a headline over nothing."""
    if not is_headline(lines[i]):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if following and not is_date_line(following) and not parse_byline(following):
        return False
    return any(
        line and not is_date_line(line) and parse_byline(line) is None for line in lines[i + 1 :]
    )


def _continues(line: str) -> bool:
    """True if ``line`` was cut mid-sentence, so the next line belongs to the same paragraph."""
    return len(line.split()) >= WRAPPED_MIN_WORDS and not _LINE_END.search(line)


def _strip_markdown(lines: list[str]) -> tuple[list[str], set[int]]:
    """Markdown to plain lines; return them and the indices of headline-level headings (# / ##)."""
    md = plain_lines(lines)
    headings = {i for i, level in md.headings.items() if level <= 2}
    return [line.strip() for line in md.lines], headings


def _drop_original_url_block(lines: list[str]) -> list[str]:
    """Remove the ``Original url:`` line and, when the URL sits on a later line, that line too."""
    out: list[str] = []
    expecting_url = False
    for line in lines:
        if _ORIGINAL_URL_LABEL.match(line):
            expecting_url = "http" not in line
            continue
        if expecting_url:
            if not line:
                continue
            expecting_url = False
            if _BARE_URL_LINE.match(line):
                continue
        out.append(line)
    return out
