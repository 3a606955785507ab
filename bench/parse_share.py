"""Where spaCy's time goes, and how much of a text selective parsing could skip.

    .venv/bin/python bench/parse_share.py                # 60 PolNeAR articles, read in place
    .venv/bin/python bench/parse_share.py --pages 60     # 60 generated pages (bench/corpus)

Two questions decide whether parsing only some sentences pays:

* what each component of the model costs (CPU seconds per component over the same texts,
  each run over the whole batch in pipeline order);
* which share of sentences (and of tokens) could hold a quote or an event: a sentence with a
  quote mark, a number (a casualty count), or a word the extractors' own lexicons list (the
  speech cues of ``transforms.nlp.speech``, the CAMEO verb forms and event nouns of the
  events lexicons, read through their registry declarations). Those sentences must be parsed;
  only the rest could be skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run_bench import ensure_corpus, polnear_texts  # noqa: E402
from transforms.clean import clean_many  # noqa: E402
from transforms.events.nouns import noun_lexicon  # noqa: E402
from transforms.events.verbs import verb_dictionary  # noqa: E402
from transforms.model import RawDoc  # noqa: E402
from transforms.nlp import LAYER, load_nlp  # noqa: E402
from transforms.nlp.speech import CUE_VERBS, PHRASAL_CUES  # noqa: E402


def _texts(args: argparse.Namespace) -> list[str]:
    if args.pages:
        from connectors.files import read_local

        raws = [read_local(p, max_bytes=50_000_000) for p in ensure_corpus(args.corpus, args.pages)]
        docs, _ = clean_many([r for r in raws if isinstance(r, RawDoc)])
        return [d.text for d in docs]
    return [p.read_text(encoding="utf-8") for p in polnear_texts(args.n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="PolNeAR articles (default 60)")
    parser.add_argument("--pages", type=int, help="generated pages instead of PolNeAR")
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    args = parser.parse_args()

    nlp = load_nlp()
    texts = _texts(args)
    words = set(CUE_VERBS) | {verb for verb, _ in PHRASAL_CUES}
    words |= set(verb_dictionary().by_form) | set(noun_lexicon().by_head)

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
