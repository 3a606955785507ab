"""Score the event coder on the devset and the seed expectations.

    .venv/bin/python bench/score_events.py              # devset + seeds, with error lists
    .venv/bin/python bench/score_events.py --quiet      # figures only

Every article goes through the real pipeline (``bench.scoring.pipeline``), so the publication
date is the one the cleaner reads from the article's date line, as in a user's run; a date that
differs from the annotated one is printed. The scoring is ``bench.scoring.events``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.events import check_seeds, format_report, score  # noqa: E402
from bench.scoring.fixtures import DEVSET, GoldArticle, load_devset, load_seeds  # noqa: E402
from bench.scoring.pipeline import Processed, run  # noqa: E402


def processed(articles: list[GoldArticle]) -> dict[str, Processed]:
    """Each article's pipeline output by name; warns when its date is not the annotated one."""
    done = run([a.raw for a in articles])
    out = {a.name: done[a.raw.source] for a in articles}
    for a in articles:
        got = out[a.name]
        if got.failure:
            print(f"  FAILED {a.name}: {got.failure}")
        elif got.published != a.published:
            print(f"  {a.name}: publication date {got.published}, annotated {a.published}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--quiet", action="store_true", help="figures only, no error lists")
    parser.add_argument("--no-seeds", action="store_true")
    args = parser.parse_args(argv)

    articles = load_devset(args.devset)
    done = processed(articles)
    report = score((a.name, done[a.name].events, a.events) for a in articles)
    print(f"DEVSET ({len(articles)} articles, {sum(len(a.events) for a in articles)} gold events)")
    print(format_report(report, details=not args.quiet))

    if args.no_seeds:
        return 0
    seeds = load_seeds()
    seed_done = processed(seeds)
    print("\nSEEDS")
    for seed in seeds:
        predicted = seed_done[seed.name].events
        checks = check_seeds(predicted, seed.seed_events or {})
        req = [c for c in checks if c.required]
        opt = [c for c in checks if not c.required]
        print(
            f"  {seed.name}: required {sum(c.ok for c in req)}/{len(req)}, "
            f"optional {sum(c.ok for c in opt)}/{len(opt)}, predicted {len(predicted)}"
        )
        if args.quiet:
            continue
        for c in checks:
            mark = "ok " if c.ok else "MISS"
            kind = "required" if c.required else "optional"
            e = c.expected
            print(
                f"    {mark} {kind} {e['type']} {e.get('actor1')} ({e.get('actor1_country')}) "
                f"-> {e.get('actor2')} ({e.get('actor2_country')}) {e.get('date')}"
            )
        for p in predicted:
            print(
                f"      pred {p.event_type} '{p.trigger_text}' {p.actor1} "
                f"({p.actor1_country}) -> {p.actor2} ({p.actor2_country}) {p.event_date}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
