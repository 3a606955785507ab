"""How much the event stage adds to spaCy's own time on the same text.

    .venv/bin/python bench/event_speed.py            # devset + seeds, 5 rounds
    .venv/bin/python bench/event_speed.py --rounds 20

The texts (devset and seed articles, as the cleaning stage gives them) are parsed once per
round with the shared pipeline, and the events of every parsed document are coded. Dictionary
loading is done before timing, as a long-running worker would have it done. The budget is an
event stage costing at most 30% of the parse.
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
from transforms.events import extract_events  # noqa: E402
from transforms.events.actors import actor_lexicon  # noqa: E402
from transforms.events.nouns import noun_lexicon  # noqa: E402
from transforms.events.places import gazetteer  # noqa: E402
from transforms.events.scope import discards  # noqa: E402
from transforms.events.verbs import verb_dictionary  # noqa: E402
from transforms.nlp import load_nlp  # noqa: E402

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
    for warm in (verb_dictionary, actor_lexicon, noun_lexicon, gazetteer, discards):
        warm()
    texts = corpus()
    docs = list(nlp.pipe(texts))  # warm-up round, not timed
    for doc in docs:
        extract_events(doc, doc_id="warm", published=None, quotes=[])

    parse_time = 0.0
    event_time = 0.0
    events = 0
    tokens = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        for k, doc in enumerate(docs):
            events += len(extract_events(doc, doc_id=str(k), published=None, quotes=[]))
        t2 = time.perf_counter()
        parse_time += t1 - t0
        event_time += t2 - t1
        tokens += sum(len(d) for d in docs)
    ratio = event_time / parse_time if parse_time else 0.0
    print(f"documents:   {len(texts)} x {args.rounds} rounds, {tokens} tokens, {events} events")
    print(f"spaCy parse: {parse_time:.3f} s ({parse_time / tokens * 1e6:.1f} us/token)")
    print(f"events:      {event_time:.3f} s ({event_time / tokens * 1e6:.1f} us/token)")
    print(f"ratio:       {ratio:.1%} of spaCy time (budget {BUDGET:.0%})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
