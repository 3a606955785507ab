"""End-to-end benchmark: newsdb's ingest flow against the bare-minimum floor on the same pages.

    .venv/bin/python bench/run_bench.py --n 500            # generates bench/corpus if needed

It reports, on one set of local news HTML pages (made by bench/make_corpus.py, nothing fetched):

* the floor: trafilatura extraction + the spaCy model over each text, in one process, nothing else;
* the ingest flow with 1 worker and with 2 worker processes: documents per second, the share of
  time per stage, and peak memory (this process and, separately, the largest worker);
* the ratio of the 1-worker flow to the floor (goal: <= 1.3) and the 1 -> 2 worker speed-up.

Prefect's temporary API server takes several seconds to start once per process; a warm-up run
absorbs that, and it is reported on its own line rather than hidden in the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def ensure_corpus(corpus: Path, n: int) -> list[Path]:
    pages = sorted(p for p in corpus.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))
    if len(pages) < n:
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus), "--n", str(n)],
            check=True,
        )
        pages = sorted(
            p for p in corpus.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz"))
        )
    return pages[:n]


def floor(pages: list[Path]) -> dict[str, float]:
    """trafilatura + spaCy only: the least work any tool doing this job must do."""
    import gzip

    import trafilatura

    from transforms.nlp import LAYER, load_nlp

    nlp = load_nlp()
    t0 = time.perf_counter()
    texts: list[str] = []
    for p in pages:
        raw = p.read_bytes()
        if p.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        text = trafilatura.extract(raw)
        if text:
            texts.append(text)
    t1 = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=16, disable=LAYER):  # the model alone
        words += len(doc)
    t2 = time.perf_counter()
    return {"extract_s": t1 - t0, "spacy_s": t2 - t1, "total_s": t2 - t0, "tokens": words}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def flow_run(pages_dir: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """One ingest run into a fresh database, in a child process so memory is measured cleanly."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
from flows.settings import configure_prefect_env
configure_prefect_env()
from flows import server
from flows.cli import in_flight_for, task_runner_for
import tempfile, pathlib
tmp = pathlib.Path(tempfile.mkdtemp())
ours = server.explicit_api_url() is None and server.status_managed() is None
server.ensure()  # newsdb's managed server in this bench's PREFECT_HOME, for flow and workers
try:
    from flows.ingest import ingest
    # Warm-up: the first flow run against the server, and the model loaded once.
    t0 = time.perf_counter()
    ingest(sources=[{str(ROOT / "seeds")!r}], db_path=str(tmp / 'warm.duckdb'),
           cache_dir=str(tmp / 'raw'))
    warm = time.perf_counter() - t0
    runner = task_runner_for({workers}, None)
    t0 = time.perf_counter()
    res = ingest.with_options(task_runner=runner)(
        sources=[{str(pages_dir)!r}], db_path=str(tmp / 'bench.duckdb'),
        cache_dir=str(tmp / 'raw'), batch_size={batch_size},
        max_in_flight=in_flight_for({workers}))
    total = time.perf_counter() - t0
finally:
    if ours:  # started for this bench: leave no server behind
        server.stop()
res.pop('text')
res['wall_s'] = total
res['warmup_s'] = warm
res['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
res['peak_worker_rss_mb'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print('BENCH' + json.dumps(res))
"""
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="newsdb-bench-prefect-"))
    env.setdefault("NEWSDB_SERVER_PORT", str(_free_port()))  # never the user's server's port
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    for line in out.stdout.splitlines():
        if line.startswith("BENCH"):
            result: dict[str, Any] = json.loads(line[5:])
            return result
    raise RuntimeError(f"flow run failed:\n{out.stderr[-3000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="number of pages (default 500)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    pages = ensure_corpus(args.corpus, args.n)
    run_dir = Path(tempfile.mkdtemp(prefix="newsdb-bench-pages-"))
    for p in pages:  # exactly n pages, whatever else the corpus folder holds
        (run_dir / p.name).symlink_to(p)
    print(f"{len(pages)} pages from {args.corpus}")

    fl = floor(pages)
    print(
        f"floor (trafilatura + spaCy, 1 process): {fl['total_s']:.1f} s "
        f"(extract {fl['extract_s']:.1f} s, spaCy {fl['spacy_s']:.1f} s, "
        f"{fl['tokens'] / fl['spacy_s']:.0f} tokens/s) = {len(pages) / fl['total_s']:.2f} docs/s"
    )
    results: dict[int, dict[str, Any]] = {}
    for w in args.workers:
        r = flow_run(run_dir, w, args.batch_size)
        results[w] = r
        stages = r["stage_seconds"]
        busy = sum(stages.values()) or 1.0
        share = ", ".join(f"{k} {100 * v / busy:.0f}%" for k, v in sorted(stages.items()))
        print(
            f"ingest flow, {w} worker(s): {r['wall_s']:.1f} s = {len(pages) / r['wall_s']:.2f} "
            f"docs/s; {r['new']} loaded, {r['failed']} failed, {r['quotes']} quotes, "
            f"{r['events']} events; peak RSS flow {r['peak_rss_mb']:.0f} MB, "
            f"largest worker {r['peak_worker_rss_mb']:.0f} MB; Prefect start-up + warm-up "
            f"{r['warmup_s']:.1f} s (not counted)"
        )
        print(f"  CPU time by stage: {share}")
    if 1 in results:
        print(
            f"ratio 1-worker flow / floor: {results[1]['wall_s'] / fl['total_s']:.2f} (goal <= 1.3)"
        )
    if 1 in results and 2 in results:
        print(f"speed-up 1 -> 2 workers: {results[1]['wall_s'] / results[2]['wall_s']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
