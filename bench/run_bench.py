"""End-to-end benchmark: newsdb's ingest flow against the bare-minimum floor on the same pages.

    .venv/bin/python bench/run_bench.py --n 500             # generated pages (bench/corpus)
    .venv/bin/python bench/run_bench.py --polnear           # PolNeAR's 840 articles, read in place
    .venv/bin/python bench/run_bench.py --n 10000 --workers 2 --no-floor   # memory at scale
    .venv/bin/python bench/run_bench.py --n 543 --variants 3   # 181 articles, 3 copies each
    .venv/bin/python bench/run_bench.py --n 500 --rounds 3     # interleaved, medians

It reports, in one run on one set of inputs (generated news HTML from ``bench/make_corpus.py``,
or the real articles of ``../shared/corpora/polnear/text``; nothing is fetched or copied):

* the floor: the text of each input (trafilatura for HTML, the file itself for text) and the
  full spaCy pipeline over it as the model ships it, in one process, nothing else;
* the ingest flow with 1 worker and with 2 worker processes;
* for each: wall time, and CPU time (user + sys) of the flow process, of its workers and of the
  Prefect server it talks to, so a shared machine's load shows as the gap between the two;
* peak memory (RSS high-water mark) of the flow process and of every worker, each on its own;
* the ratio of the 1-worker flow to the floor and the 1 -> 2 worker speed-up, in wall and CPU.

Prefect's API server and the first flow run cost seconds once per process; a warm-up run on no
input absorbs that, and it is reported on its own line rather than hidden in the ratio. The
model and the dictionaries are *not* warmed up: each timed run loads them as a user's run does
(in-line with 1 worker, in every worker process with 2), so the two runs pay the same start-up.
The last lines are the README's table row.

This machine's speed drifts by a quarter or more over minutes (other guests on its host), so
a ratio of two runs made minutes apart can say more about the moment than about the code.
``--rounds R`` runs the floor and the flows R times, each ratio taken within its round and the
order reversed every other round (floor, 1, 2 workers; then 2, 1, floor), and reports the
medians: the figures to quote.

``--variants K`` runs on pages that hold each article K times, on K site templates
(``bench/corpus_v{K}``, generated when missing; see ``make_corpus.py``), as a crawl of many
sites holds copies of one story; the output says how many distinct articles the pages hold.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import page_ids, read_manifest  # noqa: E402
from bench.scoring.paths import find_data  # noqa: E402
from flows.settings import DEFAULT_BATCH_SIZE  # noqa: E402

POLNEAR_TEXT = Path("../shared/corpora/polnear/text")
PAGE_SUFFIXES = (".html", ".htm", ".html.gz")


def ensure_corpus(corpus: Path, n: int, variants: int = 1) -> list[Path]:
    """``n`` pages of the generated corpus in ``corpus``, generated there when it has too few.

    With ``variants`` K > 1 they are the copies of the folder's first ``ceil(n / K)`` articles,
    so a folder written for a larger ``n`` still gives K copies of each article, not the first
    ``n`` pages in file order (which are all of variant 0).
    """
    pages = corpus_pages(corpus)
    if len(pages) < n:
        command = [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus)]
        command += ["--n", str(n), "--variants", str(variants)]
        subprocess.run(command, check=True)
        pages = corpus_pages(corpus)
    if (corpus / "MANIFEST.tsv").is_file():
        held = 1 + max((page_ids(p.name)[0] for p in pages), default=0)
        # N pages in K variants fill the variants 0 .. (N - 1) // ceil(N / K) (make_corpus).
        if pages and held != 1 + (len(pages) - 1) // -(-len(pages) // variants):
            raise SystemExit(f"{corpus} holds pages in {held} variants, not in {variants}")
    elif variants > 1:
        raise SystemExit(f"{corpus} has no MANIFEST.tsv: it is not a generated corpus")
    if variants > 1:
        articles = -(-n // variants)
        pages = [p for p in pages if page_ids(p.name)[1] < articles]
    return pages[:n]


def corpus_pages(corpus: Path) -> list[Path]:
    """The pages of a corpus folder in file order: those its MANIFEST.tsv lists when it has one
    (a folder generated again for another ``n`` still holds the earlier run's pages, under
    other names), else every page file under it."""
    if (corpus / "MANIFEST.tsv").is_file():
        return sorted(corpus / row["file"] for row in read_manifest(corpus))
    return sorted(p for p in corpus.rglob("*") if p.name.endswith(PAGE_SUFFIXES))


def what_pages_hold(corpus: Path, pages: list[Path]) -> str:
    """How many distinct generated articles ``pages`` hold, and how many are bad pages, from
    the folder's MANIFEST.tsv. A devset article the generator drew twice counts twice."""
    if not (corpus / "MANIFEST.tsv").is_file():
        return "not generated: no MANIFEST.tsv"
    good = {row["file"] for row in read_manifest(corpus) if row["kind"] == "good"}
    articles = {page_ids(p.name)[1] for p in pages if p.name in good}
    bad = sum(p.name not in good for p in pages)
    return f"{len(articles)} distinct articles, {bad} bad pages"


def polnear_texts(n: int | None) -> list[Path]:
    folder = find_data(POLNEAR_TEXT)
    if not folder.is_dir():
        raise SystemExit(f"no PolNeAR texts at {folder} (see ../shared/corpora/README)")
    return sorted(folder.glob("*.txt"))[:n]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def floor(pages: list[Path]) -> dict[str, float]:
    """The text of each input, then the full spaCy pipeline as the model ships it (every
    component, stock): the least work any tool doing this job with this model must do."""
    import gzip

    import spacy
    import trafilatura

    from transforms.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    nlp("Warm-up.")
    t0, c0 = time.perf_counter(), _cpu()
    texts: list[str] = []
    for p in pages:
        raw = p.read_bytes()
        if p.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8") if p.suffix == ".txt" else trafilatura.extract(raw)
        if text:
            texts.append(text)
    t1, c1 = time.perf_counter(), _cpu()
    words = 0
    for doc in nlp.pipe(texts, batch_size=16):  # the model alone, every component
        words += len(doc)
    t2, c2 = time.perf_counter(), _cpu()
    return {
        "extract_s": t1 - t0,
        "spacy_s": t2 - t1,
        "wall_s": t2 - t0,
        "cpu_s": c2 - c0,
        "spacy_cpu_s": c2 - c1,
        "tokens": words,
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


#: The child that runs one flow. It samples its worker processes' peak RSS (``VmHWM``) while
#: they live, and reads the server's CPU time from /proc before and after the timed run.
CHILD = """
import json, os, resource, sys, threading, time
sys.path.insert(0, {root!r})
from flows.settings import configure_prefect_env
configure_prefect_env()
from flows import server
from flows.cli import in_flight_for, task_runner_for
import tempfile, pathlib
import psutil

def tree_cpu(pid):
    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.Error:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total

def hwm_mb(pid):
    try:
        with open(f"/proc/{{pid}}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0

def is_helper(proc):
    # multiprocessing's resource tracker is a child too, but no worker
    try:
        return any("resource_tracker" in part for part in proc.cmdline())
    except psutil.Error:
        return True

tmp = pathlib.Path(tempfile.mkdtemp())
ours = server.explicit_api_url() is None and server.status_managed() is None
info = server.ensure()  # newsdb's managed server in this bench's PREFECT_HOME
server_pids = set()
if info.pid:
    server_pids = {{info.pid}}
    server_pids |= {{c.pid for c in psutil.Process(info.pid).children(recursive=True)}}
workers = {{}}
done = threading.Event()

timeline = []  # (seconds into the run, flow RSS, largest worker RSS), every quarter second

def rss_mb(proc):
    try:
        return proc.memory_info().rss / 2**20
    except psutil.Error:
        return 0.0

def sample():
    me = psutil.Process()
    start = time.perf_counter()
    while not done.wait(0.25):
        now = 0.0
        for child in me.children(recursive=True):
            if child.pid in server_pids or is_helper(child):
                continue
            workers[child.pid] = max(workers.get(child.pid, 0.0), hwm_mb(child.pid))
            now = max(now, rss_mb(child))
        timeline.append((time.perf_counter() - start, rss_mb(me), now))

try:
    from flows.ingest import ingest
    # Warm-up: the server's first flow run, on no input, so neither run starts with the model
    # loaded: the 1-worker flow loads it in-line and each worker in its own process, as a user's
    # `newsdb run` does.
    t0 = time.perf_counter()
    (tmp / 'empty').mkdir()
    ingest(sources=[str(tmp / 'empty')], db_path=str(tmp / 'warm.duckdb'),
           cache_dir=str(tmp / 'raw'))
    warm = time.perf_counter() - t0
    runner = task_runner_for({workers}, None)
    threading.Thread(target=sample, daemon=True).start()
    s0 = tree_cpu(info.pid) if info.pid else 0.0
    self0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = ingest.with_options(task_runner=runner)(
        sources=[{pages!r}], db_path=str(tmp / 'bench.duckdb'),
        cache_dir=str(tmp / 'raw'), batch_size={batch_size},
        max_in_flight=in_flight_for({workers}))
    total = time.perf_counter() - t0
    self1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    s1 = tree_cpu(info.pid) if info.pid else 0.0
    done.set()
finally:
    if ours:  # started for this bench: leave no server behind
        server.stop()
res.pop('text')
res['wall_s'] = total
res['warmup_s'] = warm
res['cpu_flow_s'] = (self1.ru_utime + self1.ru_stime) - (self0.ru_utime + self0.ru_stime)
res['cpu_workers_s'] = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime + kids0.ru_stime)
res['cpu_server_s'] = s1 - s0
res['peak_rss_mb'] = self1.ru_maxrss / 1024
res['worker_rss_mb'] = sorted(workers.values(), reverse=True)
res['timeline'] = timeline
print('BENCH' + json.dumps(res))
"""


def flow_run(pages_dir: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """One ingest run into a fresh database, in a child process so memory is measured cleanly."""
    code = CHILD.format(
        root=str(ROOT),
        pages=str(pages_dir),
        workers=workers,
        batch_size=batch_size,
    )
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


def rss_by_tenth(timeline: list[list[float]]) -> str:
    """The highest RSS of the flow and of any one worker in each tenth of the run: flat
    figures from the first tenth to the last are what "memory flat in the number of
    documents" means."""
    if not timeline:
        return "no samples"
    end = timeline[-1][0] or 1.0
    tenths: list[tuple[float, float]] = [(0.0, 0.0)] * 10
    for t, flow, worker in timeline:
        k = min(9, int(10 * t / end))
        tenths[k] = (max(tenths[k][0], flow), max(tenths[k][1], worker))
    return ", ".join(f"{f:.0f}/{w:.0f}" if w else f"{f:.0f}" for f, w in tenths)


def _cpu_of(r: dict[str, Any]) -> float:
    """The CPU a flow run cost: its own process and its workers (the server is shown apart)."""
    return float(r["cpu_flow_s"] + r["cpu_workers_s"])


def print_floor(fl: dict[str, float], n: int) -> None:
    print(
        f"floor (text + full spaCy, 1 process): {fl['wall_s']:.1f} s wall, "
        f"{fl['cpu_s']:.1f} s CPU (extract {fl['extract_s']:.1f} s, spaCy "
        f"{fl['spacy_cpu_s']:.1f} s CPU, {fl['tokens'] / fl['spacy_cpu_s']:.0f} tokens per "
        f"CPU second) = {n / fl['wall_s']:.2f} docs/s"
    )


def print_flow(w: int, r: dict[str, Any], n: int) -> None:
    stages = r["stage_seconds"]
    busy = sum(stages.values()) or 1.0
    share = ", ".join(f"{k} {100 * v / busy:.0f}%" for k, v in sorted(stages.items()))
    peaks = ", ".join(f"{mb:.0f}" for mb in r["worker_rss_mb"]) or "none (in-process)"
    print(
        f"ingest flow, {w} worker(s): {r['wall_s']:.1f} s wall = {n / r['wall_s']:.2f} docs/s; "
        f"CPU {_cpu_of(r):.1f} s (flow {r['cpu_flow_s']:.1f} s, workers "
        f"{r['cpu_workers_s']:.1f} s; Prefect server {r['cpu_server_s']:.1f} s more); "
        f"{r['new']} loaded, {r['failed']} failed, {r['quotes']} quotes, {r['events']} events"
    )
    print(
        f"  peak RSS: flow {r['peak_rss_mb']:.0f} MB, workers {peaks} MB; Prefect start-up "
        f"+ warm-up {r['warmup_s']:.1f} s (not counted)"
    )
    print(f"  RSS by tenth of the run, MB (flow/largest worker): {rss_by_tenth(r['timeline'])}")
    print(
        f"  CPU time by stage: {share} ({busy:.1f} s in the stages; the rest is start-up, "
        "acquire, loads and Prefect)"
    )


@dataclass
class Round:
    """One floor and one flow per worker count, run back to back on the same pages."""

    floor: dict[str, float] | None = None
    flows: dict[int, dict[str, Any]] = field(default_factory=dict)

    def ratio(self) -> float | None:
        """The 1-worker flow's wall time over the floor's, in this round."""
        one = self.flows.get(1)
        return one["wall_s"] / self.floor["wall_s"] if one and self.floor else None

    def cpu_ratio(self) -> float | None:
        one = self.flows.get(1)
        return _cpu_of(one) / self.floor["cpu_s"] if one and self.floor else None

    def speedup(self) -> float | None:
        """The 1 -> 2 worker speed-up in wall time, in this round."""
        one, two = self.flows.get(1), self.flows.get(2)
        return one["wall_s"] / two["wall_s"] if one and two else None


def run_round(k: int, pages: list[Path], run_dir: Path, args: argparse.Namespace) -> Round:
    """One round. Odd rounds run in reverse order (2 workers, 1 worker, floor), so a machine
    whose speed drifts during the rounds favours no side of a ratio."""
    n = len(pages)
    steps: list[int | None] = ([] if args.no_floor else [None]) + list(args.workers)
    if k % 2:
        steps.reverse()
    rnd = Round()
    for step in steps:
        if step is None:
            rnd.floor = floor(pages)
            print_floor(rnd.floor, n)
        else:
            rnd.flows[step] = flow_run(run_dir, step, args.batch_size)
            print_flow(step, rnd.flows[step], n)
    for label, value, unit in (
        ("1-worker flow / floor", rnd.ratio(), ""),
        ("speed-up 1 -> 2 workers", rnd.speedup(), "x"),
    ):
        if value is not None:
            print(f"{label}: {value:.2f}{unit} wall")
    return rnd


def _med(values: list[float]) -> float:
    return statistics.median(values)


def _times(walls: list[float], cpus: list[float]) -> str:
    """A table cell: median wall and CPU seconds of some runs."""
    return f"{_med(walls):.1f} s ({_med(cpus):.1f} s CPU)" if walls else "-"


def summary(rounds: list[Round], n: int, label: str) -> None:
    """Medians over the rounds (one round: its figures), and the README's table row."""
    floors = [r.floor for r in rounds if r.floor]
    counts = sorted({w for r in rounds for w in r.flows})
    ratios = [x for x in (r.ratio() for r in rounds) if x is not None]
    cpu_ratios = [x for x in (r.cpu_ratio() for r in rounds) if x is not None]
    speedups = [x for x in (r.speedup() for r in rounds) if x is not None]
    if len(rounds) > 1:
        print(f"\nmedians of {len(rounds)} rounds (each ratio is taken within its round):")
        if floors:
            print(f"  floor {_times([f['wall_s'] for f in floors], [f['cpu_s'] for f in floors])}")
        for w in counts:
            runs = [r.flows[w] for r in rounds if w in r.flows]
            walls, cpus = [x["wall_s"] for x in runs], [_cpu_of(x) for x in runs]
            print(f"  {w} worker(s) {_times(walls, cpus)}")
    if ratios:
        each = ", ".join(f"{x:.2f}" for x in ratios)
        print(
            f"ratio 1-worker flow / floor: {_med(ratios):.2f} wall ({each}), "
            f"{_med(cpu_ratios):.2f} CPU"
        )
    if speedups:
        each = ", ".join(f"{x:.2f}" for x in speedups)
        print(f"speed-up 1 -> 2 workers: {_med(speedups):.2f}x wall ({each})")
    print(
        "\n| inputs | floor | flow, 1 worker | flow, 2 workers | 1 worker / floor | 2 vs 1 "
        "| peak RSS flow / workers |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    cells = [f"{n} {label}" + (f", median of {len(rounds)} rounds" if len(rounds) > 1 else "")]
    cells.append(_times([f["wall_s"] for f in floors], [f["cpu_s"] for f in floors]))
    for w in (1, 2):
        runs = [r.flows[w] for r in rounds if w in r.flows]
        cells.append(_times([x["wall_s"] for x in runs], [_cpu_of(x) for x in runs]))
    cells.append(f"{_med(ratios):.2f}" if ratios else "-")
    cells.append(f"{_med(speedups):.2f}x" if speedups else "-")
    last = [r.flows[max(r.flows)] for r in rounds if r.flows]
    if last:
        flow_peak = max(x["peak_rss_mb"] for x in last)
        worker_peak = max((max(x["worker_rss_mb"], default=0) for x in last), default=0)
        cells.append(f"{flow_peak:.0f} / {worker_peak:.0f} MB")
    print("| " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=None, help="inputs (default 500; PolNeAR: all)")
    parser.add_argument(
        "--corpus", type=Path, help="generated pages (default bench/corpus, bench/corpus_vK)"
    )
    parser.add_argument("--polnear", action="store_true", help="PolNeAR's texts, read in place")
    parser.add_argument(
        "--variants",
        type=int,
        default=1,
        metavar="K",
        help="generated pages hold each article K times, on K site templates (default 1)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help="articles per batch (default: the CLI's, so the runs are what a user's are)",
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-floor", action="store_true", help="the flow runs only")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the floor and the flows this many times, interleaved, and give medians",
    )
    args = parser.parse_args()
    if args.polnear and args.variants != 1:
        parser.error("--variants is for generated pages, not --polnear")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    if args.polnear:
        pages, label = polnear_texts(args.n), "PolNeAR articles (text, read in place)"
    else:
        folder = "corpus" if args.variants == 1 else f"corpus_v{args.variants}"
        corpus = args.corpus or ROOT / "bench" / folder
        pages = ensure_corpus(corpus, args.n or 500, args.variants)
        label = f"generated pages ({corpus}; {what_pages_hold(corpus, pages)})"
    run_dir = Path(tempfile.mkdtemp(prefix="newsdb-bench-pages-"))
    for p in pages:  # exactly n inputs, whatever else the folder holds (links, never copies)
        (run_dir / p.name).symlink_to(p)
    n = len(pages)
    print(f"{n} {label}; wall times are this machine's at the moment, CPU times are user + sys")

    rounds = []
    for k in range(args.rounds):
        if args.rounds > 1:
            print(f"\nround {k + 1} of {args.rounds}")
        rounds.append(run_round(k, pages, run_dir, args))
    summary(rounds, n, "PolNeAR texts" if args.polnear else "pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
