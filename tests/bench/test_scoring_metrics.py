"""P/R/F1, tallies and the one matcher (bench/scoring/metrics.py, overlap.py)."""

from __future__ import annotations

import pytest

from bench.scoring.metrics import PRF, Tally, f1, ratio
from bench.scoring.overlap import bag_overlap, covered, one_to_one, word_ranges


def test_prf_figures_and_empty_denominators() -> None:
    counts = PRF(tp=3, fp=1, fn=3)
    assert counts.precision == 0.75
    assert counts.recall == 0.5
    assert counts.f1 == pytest.approx(0.6)
    assert "P 0.750  R 0.500  F1 0.600" in counts.line()
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    assert ratio(1, 0) == 0.0 and f1(0.0, 0.0) == 0.0


def test_tally() -> None:
    tally = Tally()
    for ok in (True, False, True, True):
        tally.add(ok)
    assert (tally.correct, tally.total, tally.rate) == (3, 4, 0.75)
    assert tally.line() == "3/4 0.750"


def test_coverage_is_positional_and_handles_discontinuous_spans() -> None:
    text = "the mayor said the bridge will close, and the bridge will close"
    first = text.index("the bridge")
    words = word_ranges(text, [(first, first + len("the bridge will close"))])
    assert len(words) == 4
    second = text.rindex("the bridge")
    assert covered(words, [(second, len(text))]) == 0.0  # same words, elsewhere
    assert covered(words, [(first, first + len("the bridge"))]) == 0.5
    split = [(first, first + 3), (first + 4, first + len("the bridge will close"))]
    assert covered(words, split) == 1.0
    assert covered([], [(0, 10)]) == 0.0


def test_bag_overlap_needs_shared_words() -> None:
    assert bag_overlap("Troops crossed the river at dawn", "troops crossed the river") == 1.0
    assert bag_overlap("a b c", "a b d", min_shared=4) == 0.0


def test_one_to_one_takes_the_best_pairs_first() -> None:
    candidates = [(0.6, 0, 0), (0.9, 1, 0), (0.7, 0, 1), (0.5, 1, 1)]
    assert one_to_one(candidates) == [(0, 1), (1, 0)]
    assert one_to_one([(0.5, 0, 0), (0.5, 0, 1)]) == [(0, 0)]  # ties: earlier prediction
