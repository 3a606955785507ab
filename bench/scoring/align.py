"""Map offsets in the cleaned text (``documents.text``) back to the raw file, and back again.

The cleaner drops the headline and boilerplate lines, joins wrapped lines, collapses whitespace
and applies NFC, so a quote's ``char_start``/``char_end`` do not index the file an annotator
worked on. The two texts are aligned once per article, on whitespace-separated tokens (difflib
on token lists: fast, and robust to every whitespace change); a token the cleaner rewrote in
place (NFC, an invisible character removed) is paired with the raw token it replaced. Offsets
inside a token carry over (clamped to the raw token's length).

``kept`` tells which raw words made it into the cleaned text at all, for the cleaning losses.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from difflib import SequenceMatcher

from bench.scoring.overlap import Range

_TOKEN = re.compile(r"\S+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def _key(token: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", token))


class Alignment:
    """Token alignment of a cleaned text to the raw text it came from."""

    def __init__(self, cleaned: str, raw: str) -> None:
        self._clean = [(m.start(), m.end()) for m in _TOKEN.finditer(cleaned)]
        self._raw = [(m.start(), m.end()) for m in _TOKEN.finditer(raw)]
        self._clean_ends = [e for _, e in self._clean]
        self._clean_starts = [s for s, _ in self._clean]
        self._to_raw: list[int | None] = [None] * len(self._clean)
        clean_keys = [_key(cleaned[s:e]) for s, e in self._clean]
        raw_keys = [_key(raw[s:e]) for s, e in self._raw]
        matcher = SequenceMatcher(None, clean_keys, raw_keys, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):
                    self._to_raw[i1 + k] = j1 + k
        #: Raw token ranges that have a counterpart in the cleaned text, in order.
        self.kept: list[Range] = [self._raw[j] for j in self._to_raw if j is not None]

    def _start(self, offset: int) -> int | None:
        """Raw offset of a cleaned start offset (the next aligned token if it is not aligned)."""
        i = bisect.bisect_right(self._clean_ends, offset)
        while i < len(self._clean):
            j = self._to_raw[i]
            if j is not None:
                start, _ = self._clean[i]
                raw_start, raw_end = self._raw[j]
                return min(raw_start + max(offset - start, 0), raw_end - 1)
            i += 1
        return None

    def _end(self, offset: int) -> int | None:
        """Raw offset of a cleaned end offset (the previous aligned token if it is not aligned)."""
        i = bisect.bisect_left(self._clean_starts, offset) - 1
        while i >= 0:
            j = self._to_raw[i]
            if j is not None:
                start, end = self._clean[i]
                raw_start, raw_end = self._raw[j]
                if offset >= end:
                    return raw_end
                return min(raw_start + (offset - start), raw_end)
            i -= 1
        return None

    def to_raw(self, start: int, end: int) -> Range | None:
        """The raw range of a cleaned range, or None when none of it is aligned."""
        raw_start, raw_end = self._start(start), self._end(end)
        if raw_start is None or raw_end is None or raw_end <= raw_start:
            return None
        return raw_start, raw_end
