"""The ``ingest`` flow: sources -> documents, quotes and events in DuckDB.

Orchestration only. Each stage is one coarse task per *batch* (a task run costs the API server
about 25 ms, so never one per article), and the work itself lives in ``connectors/`` (I/O) and
``transforms/`` (pure CPU work):

    discover (1 task) -> for each batch: acquire (network/disk, in this process)
                                         -> process (CPU: clean + NLP + extract, on the task runner)
                                         -> load (single DuckDB writer, in this process)

Network I/O and parsing are separate tasks so each can be retried on its own, and only ``process``
goes to the task runner: a local process pool (``--workers N``) or a Dask cluster (``--dask``).
A bounded number of batches is in flight at once, so memory stays flat on any input size.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from connectors.acquire import acquire
from connectors.batchload import LoadReport
from connectors.discover import discover, public_source
from connectors.duckstore import NewsDB
from connectors.fetchconfig import FetchConfig
from flows.artifacts import publish_highlights
from flows.interrupt import stop_requests
from flows.progress import RunProgress
from flows.settings import DEFAULT_BATCH_SIZE, DEFAULT_CACHE_DIR, DEFAULT_DB, DEFAULT_SOURCES
from transforms.batch import process_batch
from transforms.clean import original_url
from transforms.frames import failures_frame, failures_of, sources_frame
from transforms.model import BatchFrames, Failure, RawDoc, SourceItem
from transforms.run.plan import Plan, inputs_frame, plan_batch
from transforms.run.summary import RunSummary
from transforms.run.version import NEWSDB_VERSION
from transforms.safety import printable


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(sources: list[str]) -> tuple[list[SourceItem], list[Failure]]:
    """Expand files, folders, URLs and @lists into a deduplicated list of inputs."""
    return discover(sources)


@task(name="acquire", cache_policy=NO_CACHE)
def acquire_task(
    items: list[SourceItem], config: FetchConfig, fetch_originals: bool
) -> list[RawDoc | Failure]:
    """Read or fetch one batch (network I/O; per-URL retries happen inside the fetcher).

    A local file that names the page it was saved from keeps that address (and, with
    ``fetch_originals``, is replaced by the live page): ``original_url`` reads the name.
    """
    return acquire(items, config, original_url=original_url, fetch_originals=fetch_originals)


@task(name="process", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def process_task(raws: list[RawDoc], run_id: str, ingested_at: datetime) -> BatchFrames:
    """Clean, parse and extract one batch (CPU; runs on the flow's task runner)."""
    return process_batch(raws, run_id, ingested_at)


@task(name="load", cache_policy=NO_CACHE)
def load_task(db: NewsDB, frames: BatchFrames, reprocess: bool) -> LoadReport:
    """Merge one batch into DuckDB in a single transaction (the only writer)."""
    return db.load(frames, reprocess=reprocess)


def _batches(items: Sequence[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@flow(name="ingest", description="Ingest news files and URLs into the newsdb DuckDB database.")
def ingest(
    sources: list[str] | None = None,
    db_path: str = DEFAULT_DB,
    refresh: bool = False,
    reprocess: bool = False,
    fetch_originals: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache_dir: str = DEFAULT_CACHE_DIR,
    max_cache_age_hours: float | None = None,
    max_in_flight: int = 2,
    show_progress: bool = False,
    allow_addresses: list[str] | None = None,
) -> dict[str, Any]:
    """Run the whole pipeline over ``sources`` (default: ``seeds/``) into ``db_path``.

    ``refresh`` refetches URLs even when cached; ``reprocess`` re-extracts inputs whose bytes
    are unchanged (after an extractor change); ``max_in_flight`` bounds how many batches are
    being processed at once (set it to the number of workers); ``allow_addresses`` lists the
    private or loopback networks the fetcher may reach (public addresses need no listing).
    """
    logger = get_run_logger()
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    source_list = [public_source(s) for s in sources or DEFAULT_SOURCES]
    config = FetchConfig(
        cache_dir=Path(cache_dir),
        refresh=refresh,
        max_cache_age=None if max_cache_age_hours is None else max_cache_age_hours * 3600,
        allowed_networks=tuple(allow_addresses or ()),
    )
    summary = RunSummary(run_id=run_id, db_path=db_path)

    with NewsDB.open(db_path) as db, stop_requests() as stop:
        for dead in db.start_run(run_id, started_at, source_list, NEWSDB_VERSION):
            logger.warning("run %s never finished (killed?); marked crashed", dead)
        status = "crashed"
        try:
            items, discover_failures = discover_task(source_list)
            summary.n_inputs = len(items) + len(discover_failures)
            summary.add_failures(discover_failures)
            summary.links_out = [(i.link, i.location) for i in items if i.link is not None]
            for link, target in summary.links_out:
                logger.warning(
                    "followed %s out of its folder, to %s", printable(link), printable(target)
                )
            db.load(_failures_only(discover_failures, run_id))
            logger.info("%d inputs in %d batches", len(items), -(-len(items) // batch_size))

            in_flight: deque[Any] = deque()
            with RunProgress(len(items), enabled=show_progress) as progress:

                def load(frames: BatchFrames) -> None:
                    report = load_task(db, frames, reprocess)
                    summary.add_load(
                        report.status,
                        [*failures_of(frames.failures), *report.failures],
                        report.n_quotes,
                        report.n_events,
                        frames.stage_seconds,
                    )

                def drain_one() -> None:
                    future, n_docs = in_flight.popleft()
                    load(future.result())
                    progress.advance(n_docs)

                for batch in _batches(items, batch_size):
                    if stop.is_set():  # Ctrl-C: stop here, between two batches
                        break
                    acquired = acquire_task(batch, config, fetch_originals)
                    raws = [r for r in acquired if isinstance(r, RawDoc)]
                    failed = [r for r in acquired if isinstance(r, Failure)]
                    summary.add_failures(failed)
                    if failed:
                        db.load(_failures_only(failed, run_id))
                    plan = _plan(db, raws, reprocess)
                    if plan.links:
                        # Loaded at once: the articles they link to are stored right now.
                        links = sources_frame(plan.links, run_id, datetime.now(UTC))
                        load(BatchFrames.empty(sources=links))
                    skipped = len(batch) - len(plan.to_process)
                    if skipped:
                        progress.advance(skipped)
                    if plan.to_process:
                        future = process_task.submit(plan.to_process, run_id, started_at)
                        in_flight.append((future, len(plan.to_process)))
                    while len(in_flight) >= max(1, max_in_flight):
                        drain_one()
                    logger.info(summary.headline())
                while in_flight:  # batches already being processed are loaded, not lost
                    drain_one()
            status = "interrupted" if stop.is_set() else "completed"
        except KeyboardInterrupt:  # a second Ctrl-C: the batch being loaded rolled back
            status = "interrupted"
            raise
        finally:
            summary.seconds = time.perf_counter() - started
            summary.status = status
            db.finish_run(
                run_id,
                datetime.now(UTC),
                status,
                n_new=summary.n_new,
                n_updated=summary.n_updated,
                n_unchanged=summary.n_unchanged,
                n_duplicate=summary.n_duplicate,
                n_failed=summary.n_failed,
                n_quotes=summary.n_quotes,
                n_events=summary.n_events,
            )
        publish_highlights(db, run_id)  # table artifacts: top events and speakers

    logger.info(summary.headline())
    create_markdown_artifact(
        markdown=summary.to_markdown(), key="ingest-summary", description=summary.headline()
    )
    return summary.to_dict()


def _plan(db: NewsDB, raws: list[RawDoc], reprocess: bool) -> Plan:
    return plan_batch(raws, db.stored_inputs(inputs_frame(raws)), refresh=reprocess)


def _failures_only(failures: Sequence[Failure], run_id: str) -> BatchFrames:
    return BatchFrames.empty(failures=failures_frame(failures, run_id, datetime.now(UTC)))
