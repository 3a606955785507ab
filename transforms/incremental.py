"""Decide, before any parsing, which inputs of a batch need work.

An input is *unchanged* when its own source row holds the same raw-bytes hash for an article
made by the current pipeline; a *duplicate* when it is a new source whose bytes another source
already served (its article is linked, not extracted again); *updated* when its source is stored
with other bytes or an older pipeline; otherwise *new*. Unchanged and duplicate inputs are
neither cleaned nor parsed: that is what makes re-runs cheap. They still become a
``document_sources`` row (``Plan.links``), so every source of an article is recorded and its
``last_seen`` moves on. The statuses here are the plan; what the load really did is in its
report (``connectors.batchload.LoadReport``), which is what the run summary counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import polars as pl

from transforms.model import PIPELINE_VERSION, RawDoc, SourceRecord

Status = Literal["new", "updated", "unchanged", "duplicate"]


class Stored(Protocol):
    source: str
    stored_source: str
    doc_id: str
    stored_sha256: str
    stored_pipeline_version: str


@dataclass(slots=True)
class Plan:
    """The batch split by what must happen to each input."""

    to_process: list[RawDoc] = field(default_factory=list)
    links: list[SourceRecord] = field(default_factory=list)  # skipped: their article is stored
    status: dict[str, Status] = field(default_factory=dict)

    def count(self, status: Status) -> int:
        return sum(1 for s in self.status.values() if s == status)


def inputs_frame(raws: Sequence[RawDoc]) -> pl.DataFrame:
    """(source, content_sha256) of a batch: what the store is asked about."""
    return pl.DataFrame(
        {"source": [r.source for r in raws], "content_sha256": [r.sha256 for r in raws]},
        schema={"source": pl.String(), "content_sha256": pl.String()},
    )


def plan_batch(
    raws: Sequence[RawDoc],
    stored: Iterable[Stored],
    *,
    refresh: bool = False,
    pipeline_version: str = PIPELINE_VERSION,
) -> Plan:
    """Split ``raws`` into work to do and inputs to skip. ``refresh`` re-processes everything."""
    by_source: dict[str, list[Stored]] = {}
    for row in stored:
        by_source.setdefault(row.source, []).append(row)
    plan = Plan()
    for raw in raws:
        rows = by_source.get(raw.source, [])
        own = next((r for r in rows if r.stored_source == raw.source), None)
        same = [
            r
            for r in rows
            if r.stored_sha256 == raw.sha256 and r.stored_pipeline_version == pipeline_version
        ]
        if same and not refresh:
            match = own if own in same else same[0]
            plan.links.append(SourceRecord(raw.source, match.doc_id, raw.sha256, raw.url))
            if own is None:
                plan.status[raw.source] = "duplicate"
            else:
                plan.status[raw.source] = "unchanged" if own is match else "updated"
            continue
        plan.status[raw.source] = "updated" if own is not None else "new"
        plan.to_process.append(raw)
    return plan
