"""How long an analyst's query waits while a run writes the same database.

    .venv/bin/python bench/reader_wait.py --n 300 --batch-size 100

Starts ``newsdb run`` over generated news pages (bench/make_corpus.py, nothing fetched) into a
fresh database, and meanwhile opens the file read-only every ``--every`` seconds, as
``newsdb query`` does, timing how long each open waits for the run's current step (a batch's
load, a lookup) and how many documents each query sees. Reports the worst and typical waits and
how many queries ran; the run itself must report to a Prefect server (``newsdb server start``,
which the run starts on first use anyway).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run_bench import ensure_corpus  # noqa: E402
from connectors.dbfile import READ_WAIT_SECONDS, connect  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="pages in the run (default 300)")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--every", type=float, default=0.2, help="seconds between queries")
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    args = parser.parse_args()

    pages = ensure_corpus(args.corpus, args.n)
    with tempfile.TemporaryDirectory(prefix="newsdb-reader-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for page in pages:
            (folder / page.name).symlink_to(page)
        db = Path(tmp) / "news.duckdb"
        run = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "newsdb"),
                "run",
                str(folder),
                "--db",
                str(db),
                "--cache-dir",
                str(Path(tmp) / "raw"),
                "--batch-size",
                str(args.batch_size),
                "--no-progress",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started = time.monotonic()
        waits: list[float] = []
        seen: list[int] = []
        while run.poll() is None:
            if db.exists():
                t0 = time.monotonic()
                try:
                    con = connect(db, read_only=True, wait=READ_WAIT_SECONDS)
                except Exception as exc:  # a failed open is the result we are here to find
                    print(f"query could not open the database: {exc}")
                    break
                waits.append(time.monotonic() - t0)
                try:
                    tables = con.execute(
                        "SELECT count(*) FROM information_schema.tables "
                        "WHERE table_name = 'documents'"
                    ).fetchall()[0][0]
                    if tables:
                        seen.append(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
                finally:
                    con.close()
            time.sleep(args.every)
        out, err = run.communicate()
        seconds = time.monotonic() - started
    if run.returncode != 0:
        sys.exit(f"the run failed:\n{err}")
    print(out.strip())
    print(f"run: {seconds:.1f} s for {len(pages)} pages in batches of {args.batch_size}")
    if not waits:
        sys.exit("no query ran during the run")
    waits.sort()
    p95 = waits[min(len(waits) - 1, int(0.95 * len(waits)))]
    print(
        f"queries during the run: {len(waits)}; wait to open: "
        f"median {statistics.median(waits) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"worst {waits[-1] * 1000:.0f} ms"
    )
    print(f"documents seen by successive queries: {sorted(set(seen))}")


if __name__ == "__main__":
    main()
