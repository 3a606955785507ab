"""Score the quote extractor on the seed expectations and the annotated devset.

Usage: .venv/bin/python bench/score_quotes.py [--summary]

Prints precision, recall, F1 (a match covers at least half of the gold span's words, one to
one), speaker accuracy on matched quotes, results by quote type, and every miss, false positive
and wrong speaker. The scoring logic lives in ``transforms.quotes.score`` so tests share it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.nlp import new_doc, parse  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402
from transforms.quotes.score import (  # noqa: E402
    Article,
    ArticleScore,
    format_report,
    load_devset,
    load_seeds,
    score_article,
)


def run(articles: list[Article]) -> list[ArticleScore]:
    docs = parse(new_doc(a.text, doc_id=a.name) for a in articles)
    return [score_article(a, extract_quotes(doc)) for a, doc in zip(articles, docs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="totals only, no per-quote lists")
    args = parser.parse_args()
    fixtures = ROOT / "tests" / "fixtures"
    seeds = load_seeds(ROOT / "seeds", fixtures / "expectations" / "seeds.json")
    devset = load_devset(fixtures / "devset")
    print(format_report("seeds", run(seeds), details=not args.summary))
    print()
    print(format_report("devset", run(devset), details=not args.summary))


if __name__ == "__main__":
    main()
