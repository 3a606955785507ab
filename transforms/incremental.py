"""Decide, before any parsing, which inputs of a batch need work.

An input is *unchanged* when the database already holds a document with the same raw-bytes hash
made by the current pipeline version (from this source, or from another source carrying the same
bytes); *updated* when its source is stored with other bytes or an older pipeline; otherwise *new*.
Unchanged inputs are neither cleaned nor parsed: that is what makes re-runs cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import polars as pl

from transforms.model import PIPELINE_VERSION, RawDoc

Status = Literal["new", "updated", "unchanged"]


class Stored(Protocol):
    """What the store knows about an input (read-only, so frozen records qualify)."""

    @property
    def source(self) -> str: ...
    @property
    def stored_source(self) -> str: ...
    @property
    def stored_sha256(self) -> str: ...
    @property
    def stored_pipeline_version(self) -> str: ...


@dataclass(slots=True)
class Plan:
    """The batch split by what must happen to each input."""

    to_process: list[RawDoc] = field(default_factory=list)
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
        same_bytes = any(
            r.stored_sha256 == raw.sha256 and r.stored_pipeline_version == pipeline_version
            for r in rows
        )
        if same_bytes and not refresh:
            plan.status[raw.source] = "unchanged"
            continue
        known_source = any(r.stored_source == raw.source for r in rows)
        plan.status[raw.source] = "updated" if known_source else "new"
        plan.to_process.append(raw)
    return plan
