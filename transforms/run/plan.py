"""Decide, before any parsing, which inputs of a batch need work.

An input is *unchanged* when its own ``document_sources`` row holds the same raw-bytes hash for
an article made by the current pipeline version; a *duplicate* when it is a new source whose
bytes another source already served; *updated* when its source is stored with other bytes or an
older pipeline; otherwise *new*. Unchanged and duplicate inputs (and an updated one whose new
bytes another source already served) are neither cleaned nor parsed: that is what makes re-runs
cheap. They still become ``document_sources`` rows (``Plan.links``), so every source of an
article is recorded and its ``last_seen`` moves on. These statuses are the plan; what the load
really did is in its report (``connectors.batchload.LoadReport``), which the summary counts.

The decision is a join of the batch's inputs with what the store holds for them
(``sql/load/known_inputs.sql``), aggregated per input: Polars expressions, no loop over rows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Literal

import polars as pl

from transforms.model import RawDoc, SourceRecord
from transforms.run.version import PIPELINE_VERSION

Status = Literal["new", "updated", "unchanged", "duplicate"]

#: The batch's inputs, as the store is asked about them.
INPUTS_SCHEMA = pl.Schema({"source": pl.String(), "content_sha256": pl.String()})
#: What the store holds for them: one row per stored source that is the input's own or served
#: its bytes (``source`` is the input's, ``stored_source`` the stored one's, ``doc_id`` the
#: article that one carries).
STORED_SCHEMA = pl.Schema(
    {
        "source": pl.String(),
        "stored_source": pl.String(),
        "doc_id": pl.String(),
        "stored_sha256": pl.String(),
        "stored_pipeline_version": pl.String(),
    }
)


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
    own = pl.col("stored_source") == pl.col("source")
    # The article an input can be linked to without parsing: its own row's when that holds
    # the same bytes, else that of another source which served the same bytes.
    preference = pl.when(same_bytes & own).then(0).when(same_bytes).then(1)
    plan = (
        inputs_frame(raws)
        .with_row_index("row")
        .join(stored, on="source", how="left")
        .with_columns(preference=preference)
        .sort("row", "preference", nulls_last=True)
        .group_by("row", maintain_order=True)
        .agg(
            pl.col("source").first(),
            pl.col("doc_id").filter(pl.col("preference").is_not_null()).first().alias("link"),
            (pl.col("preference") == 0).any().alias("own_bytes"),
            own.any().alias("known_source"),
        )
        .with_columns(link=pl.lit(None, pl.String()) if refresh else pl.col("link"))
        .select(
            "source",
            "link",
            status=pl.when(pl.col("link").is_not_null() & ~pl.col("known_source"))
            .then(pl.lit("duplicate"))
            .when(pl.col("own_bytes") & pl.col("link").is_not_null())
            .then(pl.lit("unchanged"))
            .when(pl.col("known_source"))
            .then(pl.lit("updated"))
            .otherwise(pl.lit("new")),
        )
    )
    linked = plan.get_column("link").is_not_null()
    return Plan(
        to_process=list(compress(raws, ~linked)),
        links=[
            SourceRecord(raw.source, doc_id, raw.sha256, raw.url)
            for raw, doc_id in zip(raws, plan["link"], strict=True)
            if doc_id is not None
        ],
        status=dict(zip(plan["source"], plan["status"], strict=True)),
    )


def articles_to_skip(
    articles: Sequence[str], stored: Collection[str], reading: Collection[str]
) -> frozenset[str]:
    """The articles of a cleaned batch that need no parsing: stored already (as the current
    pipeline made them) or being read by a batch still in flight. Their inputs are linked to
    them; the load makes such a link a failure if the article is not stored by then."""
    return frozenset(a for a in articles if a in stored or a in reading)
