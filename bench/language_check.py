"""How often the language rules call real English news foreign, and how fast they are.

    .venv/bin/python bench/language_check.py            # PolNeAR and PLOVER, read in place

Every PolNeAR article is English, and so is every PLOVER sentence; any text called another
language is an article that would lose its quotes and events. Five kinds of text are checked:
whole articles (as ``documents.text`` is read: headline plus body), headlines alone, headline
plus first paragraph (a one-paragraph report), every body paragraph of eight words or more
(a one-sentence report), and the PLOVER sentences. Shorter paragraphs ("Photo: AP") are no
article on their own and are not counted. The texts are read in place, never copied; only
counts and rates are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.paths import find_data  # noqa: E402
from transforms.clean.language import identify_language  # noqa: E402

CORPORA = Path("../shared/corpora")
#: Shortest paragraph counted as a one-sentence report, in words.
MIN_REPORT_WORDS = 8


def texts_by_kind(corpora: Path) -> dict[str, list[str]]:
    """The English texts to check, by kind (see the module docstring)."""
    kinds: dict[str, list[str]] = {
        "article": [],
        "headline": [],
        "headline + first paragraph": [],
        f"paragraph of {MIN_REPORT_WORDS}+ words": [],
        "PLOVER sentence": [],
    }
    for path in sorted((corpora / "polnear" / "text").glob("*.txt")):
        lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        if not lines:
            continue
        kinds["article"].append("\n\n".join(lines))
        kinds["headline"].append(lines[0])
        kinds["headline + first paragraph"].append("\n\n".join(lines[:2]))
        kinds[f"paragraph of {MIN_REPORT_WORDS}+ words"] += [
            x for x in lines[1:] if len(x.split()) >= MIN_REPORT_WORDS
        ]
    records = corpora / "plover-gsr-dev" / "records.jsonl"
    with records.open(encoding="utf-8") as jsonl:
        kinds["PLOVER sentence"] = [json.loads(x)["text"] for x in jsonl if x.strip()]
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="?", type=Path, default=CORPORA)
    args = parser.parse_args(argv)
    corpora = find_data(args.corpora)
    if not (corpora / "polnear" / "text").is_dir():
        parser.error(f"{corpora} has no polnear/text folder")

    identify_language("Warm-up: the model loads once per process.")
    print(f"{'kind':32s} {'texts':>6s} {'foreign':>8s} {'rate':>7s} {'ms/text':>8s}  called")
    for kind, texts in texts_by_kind(corpora).items():
        t0 = time.perf_counter()
        codes = [identify_language(t).code for t in texts]
        ms = (time.perf_counter() - t0) / max(1, len(texts)) * 1e3
        foreign = Counter(c for c in codes if c not in ("en", None))
        n = sum(foreign.values())
        called = ", ".join(f"{c} x{k}" for c, k in foreign.most_common(5))
        rate = n / max(1, len(texts))
        print(f"{kind:32s} {len(texts):6d} {n:8d} {rate:7.2%} {ms:8.2f}  {called}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
