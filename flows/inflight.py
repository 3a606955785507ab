"""The batches of a run between reading and loading: cleaned, checked, extracted, loaded.

Each batch makes two trips to the task runner. ``clean`` turns its raw pages into texts; back
in the flow, its articles (ids of those texts) are compared with the database and with the
batches still being extracted; ``extract`` then parses only the articles nobody has read yet.
So a page re-fetched with other bytes around the same story, or a story carried by several
addresses, costs cleaning only, wherever the copies fall in the run.

Loads keep the order in which extractions were submitted: an input linked to an article that
an earlier batch is extracting is loaded after it (and if that extraction failed, the load
makes the link a failure row and the next run reads the input again). The flow waits only for
whichever comes first, the oldest cleaning or the oldest extraction, so a cleaned batch moves
on to extraction while an older one is still being read, and no worker waits on the flow.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from prefect.futures import PrefectFuture, as_completed

from flows.survey import Seen
from transforms.batch import CleanedBatch
from transforms.model import BatchFrames
from transforms.run.plan import articles_to_skip

#: Submits the extraction of a cleaned batch, leaving out the articles in the set.
StartExtract = Callable[[CleanedBatch, frozenset[str]], PrefectFuture[BatchFrames]]
#: The articles of a cleaned batch the database already holds (as the current pipeline).
Stored = Callable[[list[str]], Collection[str]]
#: Loads a batch's frames; gets the followed URLs it settles and its number of inputs.
Load = Callable[[BatchFrames, Seen, int], None]


@dataclass(slots=True)
class _Batch:
    future: PrefectFuture[Any]
    n_inputs: int
    seen: Seen
    reading: frozenset[str] = field(default_factory=frozenset)  # articles being extracted


class InFlight:
    """At most ``limit`` batches between submission and load, cleaning or extracting."""

    def __init__(self, start_extract: StartExtract, stored: Stored, load: Load) -> None:
        self._start_extract = start_extract
        self._stored = stored
        self._load = load
        self._cleaning: deque[_Batch] = deque()
        self._extracting: deque[_Batch] = deque()

    def __len__(self) -> int:
        return len(self._cleaning) + len(self._extracting)

    def add(self, cleaning: PrefectFuture[CleanedBatch], n_inputs: int, seen: Seen) -> None:
        """A batch whose ``clean`` task was just submitted."""
        self._cleaning.append(_Batch(cleaning, n_inputs, seen))

    def settle(self, limit: int) -> None:
        """Move batches on until fewer than ``limit`` are in flight."""
        while len(self) >= max(1, limit):
            self._step()

    def finish(self) -> None:
        """Extract and load every batch still in flight (also when the run is stopped)."""
        self.settle(1)

    def _step(self) -> None:
        heads = [queue[0].future for queue in (self._cleaning, self._extracting) if queue]
        first = next(as_completed(heads))
        if self._cleaning and first is self._cleaning[0].future:
            self._extract(self._cleaning.popleft())
        else:
            batch = self._extracting.popleft()
            self._load(batch.future.result(), batch.seen, batch.n_inputs)

    def _extract(self, batch: _Batch) -> None:
        cleaned: CleanedBatch = batch.future.result()
        articles = cleaned.doc_ids()
        reading = frozenset().union(*(b.reading for b in self._extracting))
        stored = self._stored(articles)
        skip = articles_to_skip(articles, stored, reading)
        future = self._start_extract(cleaned, skip)
        self._extracting.append(
            _Batch(future, batch.n_inputs, batch.seen, frozenset(articles) - skip)
        )
