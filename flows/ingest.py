"""The ``ingest`` flow: sources -> documents, quotes and events in DuckDB.

Orchestration only. Each stage is one coarse task per *batch* (a task run costs the API server
about 25 ms, so never one per article), and the work itself lives in ``connectors/`` (I/O) and
``transforms/`` (pure CPU work):

    discover (1 task) -> follow (feeds, sitemaps, sites -> their new article URLs; 1 task)
                      -> for each batch: acquire (network/disk, in this process)
                                         -> clean (CPU: pages -> texts, on the task runner)
                                         -> extract (CPU: NLP + quotes + events, task runner)
                                         -> load (single DuckDB writer, in this process)

Network I/O and parsing are separate tasks so each can be retried on its own, and only ``clean``
and ``extract`` go to the task runner: a local process pool (``--workers N``) or a Dask cluster
(``--dask``). Between the two, the flow checks which articles are stored already or being read
by another batch (``flows/inflight.py``): those are linked, not parsed again. A bounded number of
batches is in flight at once, so memory stays flat on any input size.

The run holds the database's run lock throughout but opens the file only per step
(``connectors/runwriter.py``), so analysts can query between batches. Ctrl-C stops it at the
next batch boundary (``flows/interrupt.py``): batches in flight are loaded, and the run is
recorded as ``interrupted``.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run

from connectors.acquire import acquire
from connectors.batchload import LoadReport
from connectors.discover import FOLLOWED_KINDS, discover, public_source
from connectors.fetchconfig import FetchConfig
from connectors.runwriter import RunWriter
from flows.artifacts import publish_highlights
from flows.inflight import InFlight
from flows.interrupt import stop_requests
from flows.memory import free_finished_batches, run_objects_frozen
from flows.progress import RunProgress
from flows.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CACHE_DIR,
    DEFAULT_DB,
    DEFAULT_LIMIT_PER_SOURCE,
    DEFAULT_SOURCES,
)
from flows.survey import (
    Seen,
    batches,
    failures_only,
    fetch_config,
    follow_sources,
    links_out,
    survey,
)
from transforms.batch import CleanedBatch, clean_batch, extract_batch
from transforms.clean import original_url
from transforms.frames import failures_of
from transforms.model import BatchFrames, Failure, RawDoc, SourceItem
from transforms.run.summary import RunSummary
from transforms.run.version import NEWSDB_VERSION, PIPELINE_VERSION
from transforms.safety import printable


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(sources: list[str]) -> tuple[list[SourceItem], list[Failure]]:
    """Expand files, folders, URLs and @lists into a deduplicated list of inputs."""
    return discover(sources)


@task(name="follow", cache_policy=NO_CACHE)
def follow_task(
    items: list[SourceItem], config: FetchConfig, db: RunWriter, limit: int
) -> tuple[list[SourceItem], list[Failure]]:
    """Fetch feeds, sitemaps and home pages; keep up to ``limit`` new article URLs each."""
    return follow_sources(items, config, db, limit)


@task(name="acquire", cache_policy=NO_CACHE)
def acquire_task(
    items: list[SourceItem], config: FetchConfig, fetch_originals: bool
) -> list[RawDoc | Failure]:
    """Read or fetch one batch (network I/O; per-URL retries happen inside the fetcher).

    A local file that names the page it was saved from keeps that address (and, with
    ``fetch_originals``, is replaced by the live page): ``original_url`` reads the name.
    """
    return acquire(items, config, original_url=original_url, fetch_originals=fetch_originals)


@task(name="clean", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def clean_task(raws: list[RawDoc]) -> CleanedBatch:
    """Clean one batch: raw pages -> texts (CPU; runs on the flow's task runner)."""
    return clean_batch(raws)


@task(name="extract", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def extract_task(
    cleaned: CleanedBatch, run_id: str, ingested_at: datetime, skip: frozenset[str]
) -> BatchFrames:
    """Parse and extract the articles of a cleaned batch not in ``skip`` (CPU; task runner)."""
    return extract_batch(cleaned, run_id, ingested_at, skip=skip)


@task(name="load", cache_policy=NO_CACHE)
def load_task(
    db: RunWriter, frames: BatchFrames, reprocess: bool, seen: Seen, run_id: str, at: datetime
) -> LoadReport:
    """Merge one batch into DuckDB in a single transaction (the only writer), then remember
    the followed URLs it settled, and free the batches finished before it (``flows/memory.py``)."""
    report = db.load(frames, reprocess=reprocess, seen=seen, run_id=run_id, at=at)
    free_finished_batches()
    return report


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
    limit_per_source: int = DEFAULT_LIMIT_PER_SOURCE,
    allow_addresses: list[str] | None = None,
) -> dict[str, Any]:
    """Run the whole pipeline over ``sources`` (default: ``seeds/``) into ``db_path``.

    ``refresh`` refetches URLs even when cached; ``reprocess`` re-extracts inputs whose bytes
    are unchanged (after an extractor change); ``max_in_flight`` bounds how many batches are
    being processed at once (set it to the number of workers); ``limit_per_source`` caps the
    new article URLs taken from each feed, sitemap or site per run; ``allow_addresses`` lists
    the private or loopback networks the fetcher may reach (public addresses need no listing).
    """
    logger = get_run_logger()
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    source_list = [public_source(s) for s in sources or DEFAULT_SOURCES]
    config = fetch_config(
        cache_dir,
        refresh=refresh,
        max_cache_age_hours=max_cache_age_hours,
        allow_addresses=allow_addresses or (),
    )
    summary = RunSummary(run_id=run_id, db_path=db_path)

    with RunWriter.hold(db_path) as db, stop_requests() as stop, run_objects_frozen():
        for dead in db.start_run(run_id, started_at, source_list, NEWSDB_VERSION):
            logger.warning("run %s never finished (killed?); marked crashed", dead)
        status = "crashed"
        try:
            items, discover_failures = discover_task(source_list)
            if any(i.kind in FOLLOWED_KINDS for i in items):
                items, follow_failures = follow_task(items, config, db, limit_per_source)
                discover_failures += follow_failures
            summary.n_inputs = len(items) + len(discover_failures)
            summary.add_failures(discover_failures)
            summary.links_out = links_out(items)
            for link, target in summary.links_out:
                logger.warning(
                    "followed %s out of its folder, to %s", printable(link), printable(target)
                )
            if discover_failures:
                db.load(failures_only(discover_failures, run_id))
            planned = list(batches(items, batch_size, in_flight=max_in_flight))
            logger.info("%d inputs in %d batches", len(items), len(planned))

            with RunProgress(len(items), enabled=show_progress) as progress:

                def load(frames: BatchFrames, seen: Seen, n_inputs: int = 0) -> None:
                    report = load_task(db, frames, reprocess, seen, run_id, started_at)
                    summary.add_load(
                        report.status,
                        [*failures_of(frames.failures), *report.failures],
                        report.n_quotes,
                        report.n_events,
                        frames.stage_seconds,
                    )
                    progress.advance(n_inputs)

                def stored(articles: list[str]) -> set[str]:
                    # A re-extracting run reads each article once: what it wrote itself.
                    only = run_id if reprocess else None
                    return db.stored_articles(articles, PIPELINE_VERSION, run_id=only)

                def start_extract(
                    cleaned: CleanedBatch, skip: frozenset[str]
                ) -> PrefectFuture[BatchFrames]:
                    return extract_task.submit(cleaned, run_id, started_at, skip)

                in_flight = InFlight(start_extract, stored, load)
                for batch in planned:
                    if stop.is_set():  # Ctrl-C: stop here, between two batches
                        break
                    acquired = acquire_task(batch, config, fetch_originals)
                    found = survey(batch, acquired, db, reprocess=reprocess)
                    plan = found.plan
                    if found.failed or plan.links or found.settled_now():
                        # Loaded at once: the articles the links point to are stored right now,
                        # and the followed URLs settled here need nothing more from this run.
                        load(found.settled_frames(run_id), found.settled_now())
                    skipped = len(batch) - len(plan.to_process)
                    if skipped:
                        progress.advance(skipped)
                    if plan.to_process:
                        in_flight.settle(max_in_flight)
                        cleaning = clean_task.submit(plan.to_process)
                        in_flight.add(cleaning, len(plan.to_process), found.settled_with_load())
                    logger.info(summary.headline())
                in_flight.finish()  # batches already being processed are loaded, not lost
            status = "interrupted" if stop.is_set() else "completed"
        except KeyboardInterrupt:  # a second Ctrl-C: the batch being loaded rolled back
            status = "interrupted"
            raise
        finally:
            summary.seconds = time.perf_counter() - started
            summary.status = status
            db.finish_run(run_id, datetime.now(UTC), status, **summary.run_counts())
        publish_highlights(db, run_id)  # table artifacts: top events and speakers

    logger.info(summary.headline())
    create_markdown_artifact(
        markdown=summary.to_markdown(), key="ingest-summary", description=summary.headline()
    )
    return summary.to_dict()
