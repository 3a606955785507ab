"""Score the event coder on the PLOVER gold-standard records (read in place, never copied).

    .venv/bin/python bench/score_plover.py                 # figures, per-type table, confusions
    .venv/bin/python bench/score_plover.py --details       # + the records with no event or wrong
    .venv/bin/python bench/score_plover.py --half 1 --details   # errors of the develop half
    .venv/bin/python bench/score_plover.py --bare          # each record as a one-line file

Each record is one sentence. It is fed as a user's ``.txt`` file would be read, through the
real pipeline: the record's ``date`` (a placeholder) as the file's date line, a blank line,
the sentence; so the date is the document's publication date. ``--bare`` drops the date line,
leaving a file of one line, to see what the cleaner does with a folder of one-line reports.
How a record is scored is in ``bench/scoring/plover.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scoring.paths import find_data  # noqa: E402
from bench.scoring.pipeline import run, stderr_progress  # noqa: E402
from bench.scoring.plover import (  # noqa: E402
    format_report,
    load_records,
    record_document,
    record_half,
    score_record,
)

RECORDS = Path("../shared/corpora/plover-gsr-dev/records.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "records", nargs="?", type=Path, default=RECORDS,
        help=f"the records file (default {RECORDS}, from the repository root)",
    )  # fmt: skip
    parser.add_argument("--details", action="store_true", help="list the records with errors")
    parser.add_argument("--bare", action="store_true", help="no date line: one-line files")
    parser.add_argument(
        "--half", type=int, choices=(1, 2),
        help="details for one half only (records split by a hash of the id); "
        "the summary lines of both halves are always printed",
    )  # fmt: skip
    args = parser.parse_args(argv)

    path = find_data(args.records)
    if not path.is_file():
        parser.error(f"{path} does not exist: pass the PLOVER records.jsonl")
    records = load_records(path)
    raws = [record_document(r, dated=not args.bare) for r in records]
    done = run(raws, progress=stderr_progress("pipeline"))
    results = [score_record(r, done[raw.source]) for r, raw in zip(records, raws, strict=True)]
    shown = [r for r in results if args.half in (None, record_half(r.record))]
    print(format_report(shown, details=args.details))
    for half in (1, 2):
        part = [r for r in results if record_half(r.record) == half]
        print(f"--- half {half} ---")
        print("\n".join(format_report(part).splitlines()[:7]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
