"""Markdown markup stripped to plain text, one line at a time.

Article files saved as Markdown (by "save as Markdown" extensions or HTML-to-Markdown tools)
carry headings, emphasis, links and images; downstream extraction wants the words only. This
is not a Markdown renderer: it removes the syntax and keeps the text in place, so that every
sentence of the article stays a verbatim substring of the result. Paragraph structure is left
to the caller (``transforms.clean.textdoc``).

* ``[text](url)`` / ``[text][ref]`` / ``<https://...>`` become ``text`` / ``text`` / the URL;
* images are removed entirely: their alt text is a caption, not part of the story;
* ``**bold**``, ``*em*``, ``__bold__``, ``_em_``, ``~~strike~~`` and ```code``` lose the markers;
* backslash escapes (``\\(``, ``\\*``, ``\\_``) become the literal character, and an escaped
  character never takes part in emphasis or link syntax;
* headings, block quotes and list markers lose their prefix; rules, fences and reference
  definitions disappear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CommonMark: any ASCII punctuation character may be backslash-escaped.
_ESCAPABLE = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
# Escaped characters are parked in the Private Use Area while the syntax is stripped.
_PUA_BASE = 0xE000
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PARKED = re.compile(f"[{chr(_PUA_BASE)}-{chr(_PUA_BASE + len(_ESCAPABLE) - 1)}]")

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")

# A link target: no spaces, balanced parentheses allowed one level deep, optional "title".
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
_IMAGE = re.compile(r"!\[[^\]]*\](?:" + _TARGET + r"|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:" + _TARGET + r"|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"`+([^`]+?)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Single * or _ emphasis; an underscore inside a word (snake_case) is not emphasis.
_EM_STAR = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# Inline HTML that Markdown converters leave behind; a generic <...> pattern would eat "a < b".
_INLINE_HTML = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|sup|sub|small|mark|br|abbr|cite|del|ins|s)\b[^>]*>", re.I
)


# Constructs that plain prose practically never contains, for sniffing Markdown in .txt files.
_SNIFF_CONSTRUCTS = (
    re.compile(r"^\s{0,3}#{1,6}\s+\S", re.M),  # ATX heading
    re.compile(r"!?\[[^\]\n]+\]\([^)\s]*\)"),  # link or image
    re.compile(r"(\*\*|__)\S[^\n]*?\S\1"),  # strong emphasis
    re.compile(r"\\[" + re.escape(_ESCAPABLE) + r"]"),  # backslash escape
    re.compile(r"^\s{0,3}(?:=+|-{3,})\s*$", re.M),  # setext underline or rule
)


@dataclass(frozen=True, slots=True)
class MarkdownLine:
    """A line without its Markdown syntax, and whether it was a heading (and of which level)."""

    text: str
    heading_level: int = 0
    #: True for lines that only carry syntax (rules, fences, reference definitions, "===").
    syntax_only: bool = False


def strip_inline(text: str) -> str:
    """Remove inline Markdown (images, links, emphasis, code, escapes) from one line."""
    text = _ESCAPE.sub(lambda m: chr(_PUA_BASE + _ESCAPABLE.index(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _INLINE_HTML.sub("", text)
    # Strong before emphasis, repeated for nesting such as ***both*** or **a *b* c**.
    for _ in range(3):
        before = text
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
        text = _STRIKE.sub(r"\1", text)
        if text == before:
            break
    return _PARKED.sub(lambda m: _ESCAPABLE[ord(m.group(0)) - _PUA_BASE], text)


def strip_line(line: str) -> MarkdownLine:
    """One source line of a Markdown document as plain text (block syntax, then inline)."""
    if _RULE.match(line) or _FENCE.match(line) or _REF_DEFINITION.match(line):
        return MarkdownLine("", syntax_only=True)
    if _SETEXT_H1.match(line):
        return MarkdownLine("", heading_level=1, syntax_only=True)
    heading = _HEADING.match(line)
    if heading:
        return MarkdownLine(strip_inline(heading.group(2)), heading_level=len(heading.group(1)))
    line = _BLOCKQUOTE.sub("", line)
    line = _LIST_MARKER.sub("", line)
    return MarkdownLine(strip_inline(line))


def looks_like_markdown(text: str) -> bool:
    """True if a text declared as plain is really Markdown ("save as Markdown" with .txt).

    It is when its first line is an ATX heading ("# Title") or when at least two different
    Markdown constructs appear in it: one "**" or "[x](y)" may be a typo, two kinds are markup.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    if _SNIFF_CONSTRUCTS[0].match(first):
        return True
    return sum(1 for rx in _SNIFF_CONSTRUCTS if rx.search(text)) >= 2
