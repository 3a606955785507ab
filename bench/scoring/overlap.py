"""The one matcher: how much of one span's words another span covers, and one-to-one pairing.

Quotes are compared by position, not by wording: a predicted quote elsewhere in the article that
happens to share words with a gold quote does not count. A span is a list of ``(start, end)``
character ranges (end exclusive) so that discontinuous annotations (brat's ``12 20;31 40``) are
one span. A word counts as covered when it lies wholly inside one of the covering ranges.

Events are compared by sentence instead (``bag_overlap``): the gold gives the sentence text, and
a cleaner or sentence splitter that cuts differently must still match.

``one_to_one`` turns scored candidate pairs into a matching, best score first, so one prediction
never counts for two gold items nor two predictions for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

WORD = re.compile(r"\w+")

#: A character range ``(start, end)``, end exclusive.
Range = tuple[int, int]


def word_ranges(text: str, ranges: Iterable[Range]) -> list[Range]:
    """The ranges of the words of ``text`` that lie inside ``ranges``."""
    return [(m.start(), m.end()) for a, b in ranges for m in WORD.finditer(text, a, b)]


def covered(words: Sequence[Range], by: Iterable[Range]) -> float:
    """Share of ``words`` lying wholly inside one of the ranges ``by`` (0.0 for no words)."""
    cover = list(by)
    if not words:
        return 0.0
    inside = sum(1 for s, e in words if any(a <= s and e <= b for a, b in cover))
    return inside / len(words)


def words_of(text: str | None) -> list[str]:
    """Lower-cased words of a text, in order."""
    return [w.lower() for w in WORD.findall(text or "")]


def bag_overlap(gold: str | None, predicted: str | None, *, min_shared: int = 0) -> float:
    """Shared distinct words over the smaller text's distinct words (the overlap coefficient).

    0.0 when fewer than ``min_shared`` words are shared, so short boilerplate cannot match.
    """
    gw, pw = set(words_of(gold)), set(words_of(predicted))
    shared = len(gw & pw)
    if shared < max(min_shared, 1):
        return 0.0
    return shared / min(len(gw), len(pw))


def one_to_one(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """``(score, gold index, predicted index)`` candidates -> pairs, best score first.

    Ties go to the earlier gold item, then the earlier prediction; the pairs come back sorted.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)
