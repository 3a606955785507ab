"""Decide, before any parsing, which inputs of a batch need work.

An input is *unchanged* when the database already holds a document with the same raw-bytes hash
made by the current pipeline version (from this source, or from another source carrying the same
bytes); *updated* when its source is stored with other bytes or an older pipeline; otherwise *new*.
Unchanged inputs are neither cleaned nor parsed: that is what makes re-runs cheap.

The decision is a join of the batch's inputs with what the store holds for them
(``sql/load/known_inputs.sql``), aggregated per input: Polars expressions, no loop over rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Literal

import polars as pl

from transforms.model import RawDoc
from transforms.run.version import PIPELINE_VERSION

Status = Literal["new", "updated", "unchanged"]

#: The batch's inputs, as the store is asked about them.
INPUTS_SCHEMA = pl.Schema({"source": pl.String(), "content_sha256": pl.String()})
#: What the store holds for them: one row per stored document that shares an input's source or
#: its bytes (``source`` is the input's, ``stored_source`` the stored document's).
STORED_SCHEMA = pl.Schema(
    {
        "source": pl.String(),
        "stored_source": pl.String(),
        "stored_sha256": pl.String(),
        "stored_pipeline_version": pl.String(),
    }
)


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
        schema=INPUTS_SCHEMA,
    )


def plan_batch(
    raws: Sequence[RawDoc],
    stored: pl.DataFrame,
    *,
    refresh: bool = False,
    pipeline_version: str = PIPELINE_VERSION,
) -> Plan:
    """Split ``raws`` into work to do and inputs to skip. ``refresh`` re-processes everything.

    ``stored`` has ``STORED_SCHEMA``'s columns (any others are an error, not ignored).
    """
    if stored.schema != STORED_SCHEMA:
        raise ValueError(f"stored inputs must have columns {STORED_SCHEMA}, got {stored.schema}")
    same_bytes = (pl.col("stored_sha256") == pl.col("content_sha256")) & (
        pl.col("stored_pipeline_version") == pipeline_version
    )
    known_source = pl.col("stored_source") == pl.col("source")
    statuses = (
        inputs_frame(raws)
        .with_row_index("row")
        .join(stored, on="source", how="left")
        .group_by("row", maintain_order=True)
        .agg(
            pl.col("source").first(),
            same_bytes.any().alias("same_bytes"),
            known_source.any().alias("known_source"),
        )
        .select(
            "source",
            status=pl.when(pl.col("same_bytes") & (not refresh))
            .then(pl.lit("unchanged"))
            .when(pl.col("known_source"))
            .then(pl.lit("updated"))
            .otherwise(pl.lit("new")),
        )
    )
    work = statuses.get_column("status") != "unchanged"
    return Plan(
        to_process=list(compress(raws, work)),
        status=dict(zip(statuses["source"], statuses["status"], strict=True)),
    )
