"""Precision, recall and F1, written once for every scorer.

A scorer decides what a true positive is (a matched quote, a record with the right event type);
these helpers only turn its counts into figures. An empty denominator gives 0.0, never an error,
so a scorer run on a subset with no predictions still prints a line.
"""

from __future__ import annotations

from dataclasses import dataclass


def ratio(part: int | float, whole: int | float) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives, with their figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def line(self) -> str:
        """``P 0.870  R 0.840  F1 0.855  (tp 84, fp 13, fn 16)``."""
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


@dataclass(slots=True)
class Tally:
    """How many of ``total`` checks came out right."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def rate(self) -> float:
        return ratio(self.correct, self.total)

    def line(self) -> str:
        """``45/47 0.957``."""
        return f"{self.correct}/{self.total} {self.rate:.3f}"
