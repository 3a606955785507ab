"""Score the event coder on the devset and the seed expectations.

    .venv/bin/python bench/score_events.py              # devset + seeds, with error lists
    .venv/bin/python bench/score_events.py --quiet      # figures only

Each article goes through the real cleaning stage (``transforms.clean``) when it is there, else
through ``score.article_body`` (the file minus headline, dateline and byline); the publication
date is always the gold one. The scoring itself is ``transforms.events.score``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.events import extract_events  # noqa: E402
from transforms.events.score import (  # noqa: E402
    GoldEvent,
    check_seeds,
    cleaned_text,
    format_report,
    score,
)
from transforms.model import EventRecord  # noqa: E402
from transforms.nlp import load_nlp  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402

DEVSET = ROOT / "tests" / "fixtures" / "devset"
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "fixtures" / "expectations" / "seeds.json"


def article_text(path: Path) -> str:
    """The body text the pipeline would see for this file."""
    return cleaned_text(str(path.resolve()), path.read_bytes())


def code_texts(items: Sequence[tuple[str, str, date | None]]) -> dict[str, list[EventRecord]]:
    """Parse each (name, text, published) once and code its events (with its quotes, as the
    pipeline does)."""
    nlp = load_nlp()
    out: dict[str, list[EventRecord]] = {}
    docs = nlp.pipe([text for _, text, _ in items])
    for (name, _, published), doc in zip(items, docs, strict=True):
        quotes = extract_quotes(doc, doc_id=name)
        out[name] = extract_events(doc, doc_id=name, published=published, quotes=quotes)
    return out


def devset(directory: Path = DEVSET) -> tuple[list[tuple[str, str, date | None]], dict]:
    items = []
    gold = {}
    for txt in sorted(directory.glob("*.txt")):
        spec = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        published = date.fromisoformat(spec["published"]) if spec.get("published") else None
        items.append((txt.stem, article_text(txt), published))
        gold[txt.stem] = [GoldEvent.from_json(e) for e in spec.get("events", [])]
    return items, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--quiet", action="store_true", help="figures only, no error lists")
    parser.add_argument("--no-seeds", action="store_true")
    args = parser.parse_args(argv)

    items, gold = devset(args.devset)
    predicted = code_texts(items)
    report = score((name, predicted[name], gold[name]) for name, _, _ in items)
    print(f"DEVSET ({len(items)} articles, {sum(len(g) for g in gold.values())} gold events)")
    print(format_report(report, details=not args.quiet))

    if not args.no_seeds and SEED_GOLD.exists():
        spec = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
        seed_items = []
        for name, expected in spec.items():
            if name.startswith("_"):
                continue
            published = date.fromisoformat(expected["published"])
            seed_items.append((name, article_text(SEEDS / name), published))
        seed_pred = code_texts(seed_items)
        print("\nSEEDS")
        for name, _, _ in seed_items:
            checks = check_seeds(seed_pred[name], spec[name]["events"])
            req = [c for c in checks if c.required]
            opt = [c for c in checks if not c.required]
            print(
                f"  {name}: required {sum(c.ok for c in req)}/{len(req)}, "
                f"optional {sum(c.ok for c in opt)}/{len(opt)}, predicted {len(seed_pred[name])}"
            )
            if not args.quiet:
                for c in checks:
                    mark = "ok " if c.ok else "MISS"
                    kind = "required" if c.required else "optional"
                    e = c.expected
                    print(
                        f"    {mark} {kind} {e['type']} {e.get('actor1')} "
                        f"({e.get('actor1_country')}) -> {e.get('actor2')} "
                        f"({e.get('actor2_country')}) {e.get('date')}"
                    )
                for p in seed_pred[name]:
                    print(
                        f"      pred {p.event_type} '{p.trigger_text}' {p.actor1} "
                        f"({p.actor1_country}) -> {p.actor2} ({p.actor2_country}) {p.event_date}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
