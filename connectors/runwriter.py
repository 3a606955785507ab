"""The database as one run writes it: the run lock held throughout, the file opened per step.

``RunWriter`` offers the few operations a run needs (start and finish the run row, look up
stored inputs, load a batch, remember followed URLs), each in a connection of its own that is
closed at once, so ``newsdb query`` in another process can read between batches and sees every
batch committed so far. The lock that keeps two runs apart is ``dbfile.RunLock``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import polars as pl

from connectors.batchload import LoadReport, load_batch
from connectors.dbfile import WRITE_WAIT_SECONDS, RunLock, connect
from connectors.duckstore import NewsDB
from transforms.model import BatchFrames
from transforms.run.plan import STORED_SCHEMA

#: How many distinct keys a hash join's build side may have and still be pushed into the
#: scan of the other side as an IN filter (DuckDB's default is 50). A load's statements pick
#: the stored rows of the batch's articles (``doc_id IN (SELECT doc_id FROM staged_...)``),
#: a few hundred keys against tables that grow with the database. Pushed down, the scan tests
#: the key first and skips the other columns where nothing matches; joined afterwards, it read
#: every column of every row into the buffer pool, so each load's memory grew with the tables.
#: A batch with more articles than this loads the same, only without the pushdown.
JOIN_FILTER_KEYS = 1000


class RunWriter:
    """Per-step connections to one database file, for a run that holds its ``RunLock``.

    An in-memory database (``:memory:``) cannot be reopened, so it keeps one connection.
    """

    def __init__(self, path: str | Path, *, wait: float = WRITE_WAIT_SECONDS) -> None:
        self.path = str(path)
        self.wait = wait
        self._memory = NewsDB.open(self.path) if self.path == ":memory:" else None
        if self._memory is not None:
            _tune(self._memory)

    @classmethod
    @contextmanager
    def hold(cls, path: str | Path, *, wait: float = WRITE_WAIT_SECONDS) -> Iterator[RunWriter]:
        """Take the run lock, check the file opens (and migrate it), and hand out the writer."""
        if str(path) == ":memory:":
            writer = cls(path, wait=wait)
            try:
                yield writer
            finally:
                writer.close()
            return
        with RunLock(path).held():
            writer = cls(path, wait=wait)
            # Opening migrates: fail here, before any work, if the file cannot be used.
            NewsDB.open(path, wait=wait).close()
            yield writer

    @contextmanager
    def session(self) -> Iterator[NewsDB]:
        """One short-lived connection; readers wait at most for what happens inside it."""
        if self._memory is not None:
            yield self._memory
            return
        # Not NewsDB.open: the schema was brought up to date when the run took the lock, and
        # checking it again on every step would cost each batch two more queries.
        db = NewsDB(connect(self.path, wait=self.wait), self.path)
        try:
            _tune(db)
            yield db
        finally:
            db.close()

    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
            self._memory = None

    # -- what a run does -------------------------------------------------------------------

    def start_run(
        self, run_id: str, started_at: datetime, sources: Sequence[str], version: str
    ) -> list[str]:
        """``NewsDB.start_run``: the ids of earlier runs found dead and marked ``crashed``."""
        with self.session() as db:
            return db.start_run(run_id, started_at, sources, version)

    def finish_run(self, run_id: str, finished_at: datetime, status: str, **counts: int) -> None:
        with self.session() as db:
            db.finish_run(run_id, finished_at, status, **counts)

    def stored_inputs(self, inputs: pl.DataFrame) -> pl.DataFrame:
        """``NewsDB.stored_inputs``; no connection at all for a batch with nothing read."""
        if inputs.is_empty():
            return pl.DataFrame(schema=STORED_SCHEMA)
        with self.session() as db:
            return db.stored_inputs(inputs)

    def stored_articles(
        self, doc_ids: Sequence[str], pipeline_version: str, *, run_id: str | None = None
    ) -> set[str]:
        """``NewsDB.stored_articles``; no connection for a batch with no article."""
        if not doc_ids:
            return set()
        with self.session() as db:
            return db.stored_articles(doc_ids, pipeline_version, run_id=run_id)

    def seen_urls(self, urls: Sequence[str]) -> set[str]:
        if not urls:
            return set()
        with self.session() as db:
            return db.seen_urls(urls)

    def load(
        self,
        frames: BatchFrames,
        *,
        reprocess: bool = False,
        seen: Sequence[tuple[str, str]] = (),
        run_id: str = "",
        at: datetime | None = None,
    ) -> LoadReport:
        """Load one batch (one transaction, ``load_batch``), then remember the followed URLs
        it settled; return what the load did to each input.

        The URLs are recorded after their documents are in, so a crash in between costs a
        refetch of unchanged pages, never a page that is marked seen but was not loaded.
        """
        with self.session() as db:
            report = load_batch(db, frames, reprocess=reprocess)
            if seen and at is not None:
                db.mark_seen(seen, run_id, at)
        return report


def _tune(db: NewsDB) -> None:
    """The writer's settings (``JOIN_FILTER_KEYS``), on each connection it opens."""
    db.execute(f"SET dynamic_or_filter_threshold = {JOIN_FILTER_KEYS}")
