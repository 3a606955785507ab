"""Where spaCy's time goes, and how much of a text selective parsing could skip.

    .venv/bin/python bench/parse_share.py                # 60 PolNeAR articles, read in place
    .venv/bin/python bench/parse_share.py --pages 60     # 60 generated pages (bench/corpus)
    .venv/bin/python bench/parse_share.py --rounds 3     # beside the stock model, interleaved

Two questions decide whether parsing only some sentences pays:

* what each component of the model costs (CPU seconds per component over the same texts,
  each run over the whole batch in pipeline order);
* which share of sentences (and of tokens) could hold a quote or an event: a sentence with a
  quote mark, a number (a casualty count), or a word the extractors' own lexicons list (the
  speech cues of ``transforms.nlp.speech``, the CAMEO verb forms and event nouns of the
  events lexicons, read through their registry declarations). Those sentences must be parsed;
  only the rest could be skipped.

``--rounds R`` also runs the model as it ships (``spacy.load``, every component stock: the
floor of ``run_bench.py``) over the same texts, alternating with newsdb's model R times, and
gives each component's median. The ratio of the two totals bounds what newsdb can reach
against that floor while it parses every text: everything after the model comes on top.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run_bench import ensure_corpus, polnear_texts  # noqa: E402
from transforms.clean import clean_many  # noqa: E402
from transforms.events.nouns import noun_lexicon  # noqa: E402
from transforms.events.verbs import verb_dictionary  # noqa: E402
from transforms.model import RawDoc  # noqa: E402
from transforms.nlp import LAYER, load_nlp  # noqa: E402
from transforms.nlp.pipeline import MODEL_NAME  # noqa: E402
from transforms.nlp.speech import CUE_VERBS, PHRASAL_CUES  # noqa: E402


def _texts(args: argparse.Namespace) -> list[str]:
    if args.pages:
        from connectors.files import read_local

        raws = [read_local(p, max_bytes=50_000_000) for p in ensure_corpus(args.corpus, args.pages)]
        docs, _ = clean_many([r for r in raws if isinstance(r, RawDoc)])
        return [d.text for d in docs]
    return [p.read_text(encoding="utf-8") for p in polnear_texts(args.n)]


def component_costs(nlp: Language, texts: list[str]) -> tuple[dict[str, float], list[Doc]]:
    """CPU seconds of each model component over the texts, run in pipeline order (the language
    layer's components, which newsdb runs per document after the model, left out), and the
    parsed texts."""
    docs = [nlp.make_doc(t) for t in texts]
    cost: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        if name in LAYER:
            continue
        t0 = time.thread_time()
        docs = (
            list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else list(map(proc, docs))
        )
        cost[name] = time.thread_time() - t0
    return cost, docs


def against_stock(nlp: Language, texts: list[str], rounds: int) -> None:
    """newsdb's model beside the stock one, alternately, ``rounds`` times; medians."""
    import spacy

    stock = spacy.load(MODEL_NAME)
    ours: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for k in range(rounds):
        pair = [(ours, nlp), (theirs, stock)]
        for runs, model in pair if k % 2 == 0 else reversed(pair):
            runs.append(component_costs(model, texts)[0])
    ratios = [sum(o.values()) / sum(t.values()) for o, t in zip(ours, theirs, strict=True)]
    print(
        f"\nthe stock model (every component as shipped) and newsdb's, {rounds} rounds, medians:"
    )
    for name in dict.fromkeys([*theirs[0], *ours[0]]):
        t = statistics.median(r.get(name, 0.0) for r in theirs)
        o = statistics.median(r.get(name, 0.0) for r in ours)
        print(f"  {name:26s} stock {t:6.2f} s   newsdb {o:6.2f} s")
    each = ", ".join(f"{x:.2f}" for x in ratios)
    t = statistics.median(sum(r.values()) for r in theirs)
    o = statistics.median(sum(r.values()) for r in ours)
    print(f"  {'total':26s} stock {t:6.2f} s   newsdb {o:6.2f} s")
    print(f"newsdb's model / the stock model: {statistics.median(ratios):.2f} ({each})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="PolNeAR articles (default 60)")
    parser.add_argument("--pages", type=int, help="generated pages instead of PolNeAR")
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument(
        "--rounds", type=int, default=0, help="also time the stock model, interleaved, R times"
    )
    args = parser.parse_args()

    nlp = load_nlp()
    texts = _texts(args)
    words = set(CUE_VERBS) | {verb for verb, _ in PHRASAL_CUES}
    words |= set(verb_dictionary().by_form) | set(noun_lexicon().by_head)

    cost, docs = component_costs(nlp, texts)
    total = sum(cost.values())
    print(f"{len(docs)} texts, {sum(len(d) for d in docs)} tokens; spaCy {total:.1f} s CPU:")
    for name, secs in cost.items():
        print(f"  {name:26s} {secs:6.2f} s  {100 * secs / total:4.0f}%")

    n_sents = n_tokens = cand_sents = cand_tokens = 0
    for doc in docs:
        for sent in doc.sents:
            n_sents += 1
            n_tokens += len(sent)
            if any(
                t.is_quote or t.like_num or t.lower_ in words or t.lemma_.lower() in words
                for t in sent
            ):
                cand_sents += 1
                cand_tokens += len(sent)
    print(
        f"sentences that could hold a quote or an event: {cand_sents}/{n_sents} "
        f"({100 * cand_sents / n_sents:.1f}%), {100 * cand_tokens / n_tokens:.1f}% of tokens"
    )
    if args.rounds:
        against_stock(nlp, texts, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
