"""Score the quotes table on PolNeAR's annotated election news (read in place, never copied).

    .venv/bin/python bench/score_polnear.py                       # all 840 articles
    .venv/bin/python bench/score_polnear.py --limit 100           # the first 100 by name
    .venv/bin/python bench/score_polnear.py --articles names.txt  # one article name a line
    .venv/bin/python bench/score_polnear.py --named               # the articles with names
    .venv/bin/python bench/score_polnear.py --details             # every miss and error
    .venv/bin/python bench/score_polnear.py --half study          # or check; with --named too

``--half`` splits the articles by a hash of their names, so that rules are studied on one half
(``study``) and checked on the other (``check``) they were never fitted to: all 840 by the
parity of SHA-1(name); the named articles (``--named --half``) as the first 20 and the last 20
by SHA-1("named:" + name).

Each article is read as ``newsdb run`` reads a ``.txt`` file and goes through the real
pipeline; the figures and their definitions are in ``bench/scoring/polnear.py``. Resolved
speaker names come from ``bench/polnear_speakers.json`` when it exists (only the articles it
covers are scored for speakers; ``--named`` scores only those). All 840 articles take four to
seven minutes on this project's two-core machine, depending on what else runs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.paths import find_data  # noqa: E402
from bench.scoring.pipeline import run, stderr_progress, text_file  # noqa: E402
from bench.scoring.polnear import corpus_articles, format_report, score_article  # noqa: E402
from bench.scoring.speakers import load_speakers  # noqa: E402

CORPUS = Path("../shared/corpora/polnear")
SPEAKERS = ROOT / "bench" / "polnear_speakers.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=CORPUS,
        help=f"the PolNeAR folder (default {CORPUS}, from the repository root)",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, help="score only the first N articles by name")
    parser.add_argument("--articles", type=Path, help="a file of article names, one a line")
    parser.add_argument("--speakers", type=Path, default=SPEAKERS)
    parser.add_argument(
        "--named", action="store_true", help="only the articles the speakers file covers"
    )
    parser.add_argument("--details", action="store_true", help="list every miss and error")
    parser.add_argument(
        "--half", choices=("study", "check"), help="one half of a split by name hash"
    )
    args = parser.parse_args(argv)

    corpus = find_data(args.corpus)
    if not (corpus / "text").is_dir():
        parser.error(f"{corpus} has no text/ folder: is it the PolNeAR corpus?")
    names = None
    if args.articles:
        lines = args.articles.read_text(encoding="utf-8").splitlines()
        names = [n.strip().removesuffix(".txt") for n in lines if n.strip()]
    speakers = load_speakers(args.speakers)
    if args.named:
        if not speakers.articles:
            parser.error(f"{args.speakers} names no article")
        names = sorted(speakers.articles & set(names)) if names else sorted(speakers.articles)
    articles = corpus_articles(corpus, names)
    if args.half is not None:
        keep = _half([a.name for a in articles], args.half, named=args.named)
        articles = [a for a in articles if a.name in keep]
    if args.limit is not None:
        articles = articles[: args.limit]

    raws = [text_file(a.text_path) for a in articles]
    done = run(raws, progress=stderr_progress("pipeline"))
    results = [
        score_article(a, done[raw.source], speakers) for a, raw in zip(articles, raws, strict=True)
    ]
    print(format_report(results, speakers, details=args.details))
    return 0


def _half(names: list[str], half: str, *, named: bool) -> set[str]:
    """The articles of one half (see the module docstring)."""
    if named:
        ordered = sorted(names, key=lambda n: hashlib.sha1(f"named:{n}".encode()).hexdigest())
        cut = len(ordered) // 2
        return set(ordered[:cut] if half == "study" else ordered[cut:])
    parity = 0 if half == "study" else 1
    return {n for n in names if int(hashlib.sha1(n.encode()).hexdigest(), 16) % 2 == parity}


if __name__ == "__main__":
    raise SystemExit(main())
