"""Score the quote extractor on the seed expectations and the annotated devset.

Usage: .venv/bin/python bench/score_quotes.py [--summary]

Every article goes through the real pipeline (``bench.scoring.pipeline``: cleaning, spaCy,
quotes, events, as ``newsdb run`` does). Prints precision, recall, F1 (a match covers at least
half of the gold span's words, one to one), speaker accuracy on matched quotes, results by
quote type, and every miss, false positive and wrong speaker. The scoring is
``bench.scoring.quotes``, shared with the tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.fixtures import GoldArticle, load_devset, load_seeds  # noqa: E402
from bench.scoring.pipeline import run  # noqa: E402
from bench.scoring.quotes import ArticleScore, format_report, score_article  # noqa: E402


def score(articles: list[GoldArticle]) -> list[ArticleScore]:
    done = run([a.raw for a in articles])
    return [score_article(a.name, done[a.raw.source], a.quotes, a.must_not) for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="totals only, no per-quote lists")
    args = parser.parse_args()
    print(format_report("seeds", score(load_seeds()), details=not args.summary))
    print()
    print(format_report("devset", score(load_devset()), details=not args.summary))


if __name__ == "__main__":
    main()
