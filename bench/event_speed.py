"""How much the event stage adds to spaCy's own time on the same text.

    .venv/bin/python bench/event_speed.py            # devset + seeds, 5 rounds
    .venv/bin/python bench/event_speed.py --rounds 20

The texts (devset and seed articles, as the cleaning stage gives them) are parsed once per
round by the model, read by the language layer (timed apart: it is shared with the quote stage)
and by the quote stage (untimed here: the event stage reads its results), and the events of
every document are coded. Dictionary loading is done before timing, as a long-running worker
would have it done. The budget is an event stage costing at most 30% of the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.fixtures import DEVSET, SEED_GOLD, SEEDS  # noqa: E402
from bench.scoring.pipeline import cleaned_texts  # noqa: E402
from transforms.events import find_events  # noqa: E402
from transforms.nlp import LAYER, load_nlp  # noqa: E402
from transforms.nlp.registry import load_all  # noqa: E402
from transforms.quotes import find_quotes  # noqa: E402

BUDGET = 0.30


def corpus() -> list[str]:
    """The devset and seed articles as the cleaning stage gives them (``documents.text``)."""
    paths = sorted(DEVSET.glob("*.txt"))
    if SEED_GOLD.exists():
        paths += sorted(SEEDS.glob("*.txt"))
    return cleaned_texts(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    nlp = load_nlp()
    layer = [nlp.get_pipe(name) for name in LAYER]
    load_all()
    texts = corpus()
    for doc in nlp.pipe(texts):  # warm-up round, not timed
        find_events(find_quotes(doc))

    parse_time = layer_time = event_time = 0.0
    events = 0
    tokens = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, disable=LAYER))
        t1 = time.perf_counter()
        for doc in docs:
            for component in layer:
                component(doc)
        t2 = time.perf_counter()
        for doc in docs:
            find_quotes(doc)
        t3 = time.perf_counter()
        for doc in docs:
            events += len(find_events(doc)._.events)
        t4 = time.perf_counter()
        parse_time += t1 - t0
        layer_time += t2 - t1
        event_time += t4 - t3
        tokens += sum(len(d) for d in docs)
    ratio = event_time / parse_time if parse_time else 0.0
    print(f"documents:   {len(texts)} x {args.rounds} rounds, {tokens} tokens, {events} events")
    print(f"spaCy parse: {parse_time:.3f} s ({parse_time / tokens * 1e6:.1f} us/token)")
    print(
        f"layer:       {layer_time:.3f} s ({layer_time / tokens * 1e6:.1f} us/token, "
        f"{layer_time / parse_time:.1%} of spaCy time, shared with quotes)"
    )
    print(f"events:      {event_time:.3f} s ({event_time / tokens * 1e6:.1f} us/token)")
    print(f"ratio:       {ratio:.1%} of spaCy time (budget {BUDGET:.0%})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
