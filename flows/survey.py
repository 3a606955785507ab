"""The cheap first half of a run, shared by the flow and by ``newsdb run``'s check for work.

For each batch: inputs read or fetched, and compared with the database by hash before anything
is parsed. The ingest flow does this per batch inside Prefect tasks; ``newsdb run`` does it
first on its own, without Prefect (importing Prefect and reaching its server costs seconds, and
a scheduled run over sources that have not changed is the common case):

* the first batch with something to process ends the check, and the flow takes over from the
  start (files are read again, fetched pages come from the raw cache, feeds from their fresh
  copy, see ``connectors/feeds.py``);
* when nothing needs processing, the run is recorded here exactly as the flow would record it
  (a ``runs`` row, its failures, the ``document_sources`` links of unchanged and duplicate
  inputs, the followed URLs it settled), and Prefect is never started.

No Prefect import here: that is the point.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from connectors.acquire import OriginalUrl, acquire
from connectors.discover import FOLLOWED_KINDS, discover, public_source
from connectors.fetchconfig import FetchConfig
from connectors.runwriter import RunWriter
from transforms.frames import failures_frame, failures_of, sources_frame
from transforms.model import BatchFrames, Failure, RawDoc, SourceItem, SourceRecord
from transforms.run.plan import Plan, inputs_frame, plan_batch
from transforms.run.summary import RunSummary
from transforms.run.version import NEWSDB_VERSION

Seen = list[tuple[str, str]]  # (article url, followed source it came from)


@dataclass(slots=True)
class BatchSurvey:
    """One batch after reading and planning: what to process, what failed, what is settled."""

    raws: list[RawDoc]
    failed: list[Failure]
    plan: Plan
    settled: Seen = field(default_factory=list)

    def settled_now(self) -> Seen:
        """Followed URLs to record at once: nothing more will happen to them in this run."""
        later = {r.source for r in self.plan.to_process}
        return [s for s in self.settled if s[0] not in later]

    def settled_with_load(self) -> Seen:
        """Followed URLs to record with their processed batch, never before it is loaded."""
        later = {r.source for r in self.plan.to_process}
        return [s for s in self.settled if s[0] in later]

    def settled_frames(self, run_id: str) -> BatchFrames:
        """What this batch settles without processing, as one load: its failures, and the
        ``document_sources`` links of inputs whose article is already stored."""
        return settled_frames(self.failed, self.plan.links, run_id)


def survey(
    batch: Sequence[SourceItem],
    acquired: Sequence[RawDoc | Failure],
    db: RunWriter,
    *,
    reprocess: bool,
) -> BatchSurvey:
    raws = [r for r in acquired if isinstance(r, RawDoc)]
    failed = [r for r in acquired if isinstance(r, Failure)]
    plan = plan_batch(raws, db.stored_inputs(inputs_frame(raws)), refresh=reprocess)
    settled: Seen = []
    if any(item.via is not None for item in batch):
        from connectors.feeds import settled as settled_urls

        settled = settled_urls(batch, acquired)
    return BatchSurvey(raws, failed, plan, settled)


def follow_sources(
    items: list[SourceItem], config: FetchConfig, db: RunWriter, limit: int
) -> tuple[list[SourceItem], list[Failure]]:
    """Feeds, sitemaps and sites replaced by their new article URLs (a no-op without any)."""
    if not any(item.kind in FOLLOWED_KINDS for item in items):
        return items, []
    from connectors.feeds import follow

    return follow(items, config, db.seen_urls, limit=limit)


def fetch_config(
    cache_dir: str,
    *,
    refresh: bool,
    max_cache_age_hours: float | None,
    allow_addresses: Sequence[str] = (),
) -> FetchConfig:
    """The fetcher's settings for a run, from the flow's (and the CLI's) parameters."""
    return FetchConfig(
        cache_dir=Path(cache_dir),
        refresh=refresh,
        max_cache_age=None if max_cache_age_hours is None else max_cache_age_hours * 3600,
        allowed_networks=tuple(allow_addresses),
    )


def links_out(items: Sequence[SourceItem]) -> list[tuple[str, str]]:
    """(symlink, file) of the inputs reached through a link out of their input folder."""
    return [(i.link, i.location) for i in items if i.link is not None]


def copies_of(fetch_originals: bool) -> OriginalUrl | None:
    """What tells a saved local file's original address, when the check needs it: only with
    ``fetch_originals``, where the live page replaces the local bytes. Otherwise the address
    only labels a document's ``url``, which decides nothing here, and asking would import the
    whole cleaning stage (trafilatura) into a run that may have nothing to clean."""
    if not fetch_originals:
        return None
    from transforms.clean import original_url

    return original_url


def batches(
    items: Sequence[SourceItem], size: int, *, in_flight: int = 1
) -> Iterator[list[SourceItem]]:
    """``items`` in batches of ``size``, smaller towards the end when batches run in parallel.

    With ``in_flight`` batches at once on several workers, the last full-size batches would
    leave some workers idle while one finishes: a run's time is its slowest worker's. So once
    the inputs left no longer fill ``in_flight`` batches, each batch takes an equal share of them
    (``ceil(left / in_flight)``, at least ``size // MIN_SHARE``), as guided self-scheduling does.
    A run with one batch at a time keeps full batches: nothing waits on a tail.
    """
    smallest = max(1, size // MIN_SHARE)
    start = 0
    while start < len(items):
        left = len(items) - start
        take = size if in_flight <= 1 else max(smallest, min(size, -(-left // in_flight)))
        if in_flight > 1 and left - take < smallest:  # no last batch of a few inputs alone
            take = left if left < 2 * smallest else -(-left // 2)
        yield list(items[start : start + take])
        start += take


#: The smallest batch of a parallel run's tail is ``size // MIN_SHARE`` (each batch costs two
#: tasks and a load, so a tail of single inputs would cost more than the idle time it saves).
MIN_SHARE = 8


def failures_only(failures: Sequence[Failure], run_id: str) -> BatchFrames:
    """A batch that adds failure rows only (``transforms.frames`` needs no NLP, so a run with
    no work for spaCy never imports it)."""
    return BatchFrames.empty(failures=failures_frame(failures, run_id, datetime.now(UTC)))


def settled_frames(
    failures: Sequence[Failure], links: Sequence[SourceRecord], run_id: str
) -> BatchFrames:
    """Failure rows and ``document_sources`` links, loaded together without processing."""
    now = datetime.now(UTC)
    return BatchFrames.empty(
        failures=failures_frame(failures, run_id, now), sources=sources_frame(links, run_id, now)
    )


def run_if_idle(
    sources: Sequence[str],
    db_path: str,
    config: FetchConfig,
    *,
    fetch_originals: bool,
    batch_size: int,
    limit_per_source: int,
) -> RunSummary | None:
    """Record and summarise the run if none of its inputs needs processing; else None.

    Holds the run lock while it looks, so what it finds cannot change under it; the caller
    starts the flow (which takes the lock again) only after this returns. Nothing is written
    until the whole run is known to need no processing; then the run is one load.
    """
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    run_id = str(uuid.uuid4())
    source_list = [public_source(s) for s in sources]
    with RunWriter.hold(db_path) as db:
        items, failures = discover(source_list)
        items, follow_failures = follow_sources(items, config, db, limit_per_source)
        failures += follow_failures
        summary = RunSummary(run_id=run_id, db_path=db_path)
        summary.n_inputs = len(items) + len(failures)
        summary.links_out = links_out(items)
        links: list[SourceRecord] = []
        settled: Seen = []
        copies = copies_of(fetch_originals)
        for batch in batches(items, batch_size):
            acquired = acquire(batch, config, original_url=copies, fetch_originals=fetch_originals)
            found = survey(batch, acquired, db, reprocess=False)
            if found.plan.to_process:
                return None
            failures += found.failed
            links += found.plan.links
            settled += found.settled

        db.start_run(run_id, started_at, source_list, NEWSDB_VERSION)
        status = "crashed"
        try:
            frames = settled_frames(failures, links, run_id)
            report = db.load(frames, seen=settled, run_id=run_id, at=started_at)
            summary.add_load(
                report.status,
                [*failures_of(frames.failures), *report.failures],
                report.n_quotes,
                report.n_events,
            )
            status = "completed"
        except KeyboardInterrupt:  # Ctrl-C: the load rolled back, nothing else was written
            status = "interrupted"
            raise
        finally:
            summary.seconds = time.perf_counter() - started
            summary.status = status
            db.finish_run(run_id, datetime.now(UTC), status, **summary.run_counts())
    return summary
