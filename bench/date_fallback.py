"""How often, and at what cost, dates fall back to dateparser (transforms/clean/datelines.py).

    .venv/bin/python bench/date_fallback.py              # PolNeAR (read in place) + devset
    .venv/bin/python bench/date_fallback.py --parse 100  # also the event dates of 100 articles

dateparser is only the fallback for what the date patterns miss, so it must stay rare: this
counts its calls and their time in the cleaning stage (every article's header lines) and,
with ``--parse N``, in the event stage (every time expression of N parsed articles), next to
the stage's own time. The texts are read in place, never copied; only counts are printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import transforms.clean.datelines as datelines  # noqa: E402
from bench.scoring.fixtures import DEVSET, SEEDS  # noqa: E402
from bench.scoring.paths import find_data  # noqa: E402
from bench.scoring.pipeline import text_file  # noqa: E402
from transforms.clean import clean_many  # noqa: E402

CORPUS = Path("../shared/corpora/polnear")


class Counted:
    """Wraps the dateparser call to count it and time it."""

    def __init__(self) -> None:
        self.calls = 0
        self.seconds = 0.0
        self.inner = datelines._dateparser

    def __call__(self, *args: object) -> object:
        self.calls += 1
        t0 = time.perf_counter()
        try:
            return self.inner(*args)
        finally:
            self.seconds += time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--parse", type=int, default=0, help="also time N articles' event dates")
    args = parser.parse_args(argv)
    corpus = find_data(args.corpus)
    paths = sorted((corpus / "text").glob("*.txt")) + sorted(DEVSET.glob("*.txt"))
    paths += sorted(SEEDS.glob("*.txt"))
    raws = [text_file(p) for p in paths]

    counted = Counted()
    datelines._dateparser = counted  # type: ignore[assignment]
    t0 = time.perf_counter()
    docs, _ = clean_many(raws)
    clean_s = time.perf_counter() - t0
    dated = sum(d.published is not None for d in docs)
    print(
        f"clean: {len(docs)} articles in {clean_s:.2f} s, {dated} with a publication date; "
        f"dateparser {counted.calls} calls, {counted.seconds:.3f} s"
    )
    if args.parse:
        from transforms.events.dates import resolve, time_expressions
        from transforms.nlp import parse

        sample = docs[: args.parse]
        counted.calls, counted.seconds = 0, 0.0
        n_expr = 0
        t0 = time.perf_counter()
        for doc, parsed in zip(sample, parse(d.text for d in sample), strict=True):
            for sent in parsed.sents:
                for expr in time_expressions(sent):
                    n_expr += 1
                    resolve(expr.text, doc.published)
        total = time.perf_counter() - t0
        print(
            f"events: {len(sample)} articles parsed and dated in {total:.1f} s, "
            f"{n_expr} time expressions; dateparser {counted.calls} calls, "
            f"{counted.seconds:.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
