"""Time quote extraction against the spaCy parse it reads, on the devset and seed articles.

Usage: .venv/bin/python bench/quote_speed.py [--repeat N] [--scale K]

The budget is that quote extraction adds at most 30% to the model's own time on the same text.
All are timed on the same documents: the model's parse with ``nlp.pipe`` (one process, as the
flow runs it), then the language layer's components (layout, quote marks, mention table: shared
with the event stage, reported apart), then the quote component on the parsed docs.
``--scale K`` also joins K copies of every article into one long document, to show that
extraction time grows linearly with length.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.fixtures import DEVSET, SEEDS  # noqa: E402
from bench.scoring.pipeline import cleaned_texts  # noqa: E402
from transforms.nlp import LAYER, load_nlp  # noqa: E402
from transforms.quotes import find_quotes  # noqa: E402


def load_texts() -> list[str]:
    """The devset and seed articles as the cleaning stage gives them (``documents.text``)."""
    return cleaned_texts(sorted(DEVSET.glob("*.txt")) + sorted(SEEDS.glob("*.txt")))


def time_round(texts: list[str]) -> tuple[float, float, float, int]:
    """Seconds for the model, the language layer and the quote stage, and the quotes found."""
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16, disable=LAYER))
    t1 = time.perf_counter()
    layer = [nlp.get_pipe(name) for name in LAYER]
    for doc in docs:
        for component in layer:
            component(doc)
    t2 = time.perf_counter()
    n_quotes = 0
    for doc in docs:
        n_quotes += len(find_quotes(doc)._.quotes)
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, n_quotes


def report(label: str, texts: list[str], repeat: int) -> None:
    words = sum(len(t.split()) for t in texts)
    parse_times, layer_times, quote_times = [], [], []
    n_quotes = 0
    for _ in range(repeat):
        p, lay, q, n_quotes = time_round(texts)
        parse_times.append(p)
        layer_times.append(lay)
        quote_times.append(q)
    p, q = statistics.median(parse_times), statistics.median(quote_times)
    lay = statistics.median(layer_times)
    print(
        f"{label}: {len(texts)} docs, {words} words, {n_quotes} quotes | spaCy {p * 1000:.0f} ms, "
        f"language layer {lay * 1000:.1f} ms ({lay / p:.1%}), "
        f"quotes {q * 1000:.1f} ms ({q / len(texts) * 1000:.2f} ms/doc) | ratio {q / p:.1%} "
        f"(budget 30%) | median of {repeat}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the median is reported")
    parser.add_argument("--scale", type=int, default=8, help="copies per long document")
    args = parser.parse_args()
    texts = load_texts()
    load_nlp()  # load outside the timings
    time_round(texts[:2])  # warm caches
    report("articles", texts, args.repeat)
    if args.scale > 1:
        long_doc = ["\n\n".join(texts) for _ in range(1)]
        long_doc = ["\n\n".join([long_doc[0]] * args.scale)]
        report(f"one long document (x{args.scale})", long_doc, max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
