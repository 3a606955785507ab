"""Markdown articles as plain text lines, parsed by markdown-it-py (CommonMark).

Article files saved as Markdown (by "save as Markdown" extensions or HTML-to-Markdown tools)
carry headings, emphasis, links and images; downstream extraction wants the words only. The
document is parsed once and each source line is replaced by its text, so the caller
(``transforms.clean.textdoc``) still reads headlines, header lines and paragraphs line by line,
and every sentence of the article stays a verbatim substring of the result:

* links and autolinks keep their text (the URL, for an autolink); emphasis, strikethrough and
  code spans lose their markers; escapes and entities become the character they stand for;
* images go entirely: their alt text is a caption, not part of the story;
* headings, block quotes and list markers lose their prefix; rules, fence lines and reference
  definitions become blank lines; inline HTML tags go, and block HTML keeps its text.

Two departures from CommonMark, both because the input is news text: indented code blocks are
off (wire copy indents paragraphs with spaces; nobody quotes code in a news story), and no
typographic replacement is made (quote characters are evidence for quote detection).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"typographer": False}).enable("strikethrough").disable("code")
# Tags in a block of raw HTML; its text stays (converters wrap paragraphs in <div> or <p>).
_TAG = re.compile(r"<[^>]*>")
# Blocks of raw HTML that hold no article text.
_NON_TEXT_HTML = re.compile(r"\s*<(?:script|style|!--)", re.IGNORECASE)
# A backslash escape of ASCII punctuation (CommonMark's definition), for sniffing only.
_ESCAPE = re.compile(r"\\[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")
# Inline tokens whose content is text of the article.
_TEXT_TOKENS = frozenset({"text", "code_inline", "text_special"})


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """One plain line per source line ("" for blank and syntax-only lines), and the level of
    each heading, by the index of its first line."""

    lines: list[str]
    headings: dict[int, int] = field(default_factory=dict)


def plain_lines(lines: list[str]) -> MarkdownText:
    """The Markdown document made of ``lines``, line for line as plain text."""
    out = [""] * len(lines)
    headings: dict[int, int] = {}
    tokens = _PARSER.parse("\n".join(lines))
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "heading_open":
            headings[start] = int(token.tag[1:])
        elif token.type == "inline":
            _place(out, start, end, _inline_lines(token))
        elif token.type == "fence":
            _place(out, start + 1, end, token.content.splitlines())
        elif token.type == "html_block" and not _NON_TEXT_HTML.match(token.content):
            _place(out, start, end, [_TAG.sub("", ln) for ln in token.content.splitlines()])
    return MarkdownText(out, headings)


def looks_like_markdown(text: str) -> bool:
    """True if a text declared as plain is really Markdown ("save as Markdown" with .txt).

    It is when it opens with an ATX heading ("# Title") or when at least two different
    Markdown constructs appear in it: one "**" or "[x](y)" may be a typo, two kinds are markup.
    """
    tokens = _PARSER.parse(text)
    if tokens and tokens[0].type == "heading_open" and tokens[0].markup.startswith("#"):
        return True
    kinds: set[str] = set()
    for token in tokens:
        if token.type == "heading_open":
            kinds.add("atx_heading" if token.markup.startswith("#") else "rule_or_setext")
        elif token.type == "hr":
            kinds.add("rule_or_setext")
        for child in token.children or ():
            if child.type in ("link_open", "image") and child.markup != "autolink":
                kinds.add("link")
            elif child.type == "strong_open":
                kinds.add("strong")
        if token.type == "inline" and _ESCAPE.search(token.content):
            kinds.add("escape")
    return len(kinds) >= 2


def _inline_lines(token: Token) -> list[str]:
    """The text of an inline token, split where the source broke lines."""
    lines = [""]
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in _TEXT_TOKENS:
            lines[-1] += child.content
        # Markers (link, emphasis, strikethrough), images and inline HTML add no text.
    return lines


def _place(out: list[str], start: int, end: int, lines: list[str]) -> None:
    """Write a block's lines over its source lines ``start..end``; a block that came out
    shorter (a code span across a line break) leaves blank lines after it, one that came out
    longer is joined onto its last line."""
    room = max(end - start, 1)
    if len(lines) > room:
        lines = [*lines[: room - 1], " ".join(lines[room - 1 :])]
    out[start : start + len(lines)] = lines
