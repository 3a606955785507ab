"""Unicode and whitespace normalisation shared by the HTML and the text paths.

Quote and event offsets index ``Document.text`` directly, so this is the *only* place the body
text is rewritten, and it is deliberately conservative:

* NFC, never NFKC: NFKC would fold "…" into "...", superscripts into digits and so on, and
  "smart" quote characters must survive untouched because quote detection keys on them
  (“ ” ‘ ’ « » are all NFC-stable, so NFC leaves them as they are).
* Exotic *spaces* become a plain space, exotic *line breaks* a newline; invisible format
  characters (zero-width space, soft hyphen, BOM) are removed because they split words for the
  tokenizer without being visible to a reader.
* Paragraphs are separated by exactly one blank line ("\\n\\n"); inside a paragraph runs of
  spaces and tabs collapse to one space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Every horizontal space that is not U+0020: NBSP, the U+2000 block (en/em/thin/hair...),
# narrow NBSP, medium math space, ideographic space, Ogham space mark, plus tab and the
# form-feed / vertical-tab controls that old wire copy still carries.
_ODD_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Line separators that are not "\n": CRLF / CR line endings, NEL, LINE and PARAGRAPH SEPARATOR.
_LINE_BREAKS = re.compile(r"\r\n?|[\u0085\u2028\u2029]")
# Invisible characters with no place in article text: zero-width space / non-joiner / joiner,
# word joiner, BOM (also used as ZWNBSP), soft hyphen. ZWJ (U+200D) is dropped too: it only
# matters inside emoji sequences, which never carry quote or event content.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Remaining C0/C1 control characters (newline excluded) are debris from bad conversions.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_line(line: str) -> str:
    """One line of text: NFC, odd spaces to " ", invisibles dropped, spaces collapsed, trimmed."""
    line = unicodedata.normalize("NFC", line)
    line = _ODD_SPACES.sub(" ", line)
    line = _INVISIBLE.sub("", line)
    line = _CONTROLS.sub("", line)
    return _SPACE_RUN.sub(" ", line).strip()


def split_lines(text: str) -> list[str]:
    """Split on every kind of line break (CRLF, CR, NEL, U+2028/9), normalising each line."""
    return [normalize_line(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Normalise each paragraph and join the non-empty ones with exactly one blank line."""
    return "\n\n".join(p for p in (normalize_line(p) for p in paragraphs) if p)


def normalize_text(text: str) -> str:
    """A whole text: every line normalised, blank-line runs collapsed to one, ends trimmed.

    Single newlines (line breaks inside a paragraph) are kept; use ``join_paragraphs`` to build
    a body whose paragraphs are one line each.
    """
    text = "\n".join(split_lines(text))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")
