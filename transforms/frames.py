"""Records -> the Arrow-backed Polars frames a batch loads, and the table work done on them.

Frames are built strictly, from the tables declared in ``transforms.model``: every record must
be of the table's record type, a table with load-time columns must be given its stamp, and a
value of the wrong type is an error (Polars' strict construction), never a NULL or a silent
cast. What a batch does to whole tables (dropping later copies of one article) is written as
Polars expressions over the frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING

import polars as pl

from transforms.model import (
    DOCUMENTS,
    FAILURES,
    Document,
    DocumentStamp,
    Failure,
    FailureStamp,
    Table,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def records_frame(
    table: Table, records: Sequence[DataclassInstance], stamp: DataclassInstance | None = None
) -> pl.DataFrame:
    """``records`` as a frame with exactly ``table``'s columns; ``stamp`` fills its load columns.

    Raises TypeError for a record of another type, a missing, unexpected or wrong stamp, or a
    value that does not fit its column's type.
    """
    for record in records:
        if type(record) is not table.record:
            raise TypeError(
                f"table {table.name!r} takes {table.record.__name__} records, "
                f"not {type(record).__name__}"
            )
    if table.stamp is None and stamp is not None:
        raise TypeError(f"table {table.name!r} has no load-time columns to stamp")
    if table.stamp is not None and type(stamp) is not table.stamp:
        raise TypeError(
            f"table {table.name!r} needs a {table.stamp.__name__}, not {type(stamp).__name__}"
        )
    data = {f.name: [getattr(r, f.name) for r in records] for f in fields(table.record)}
    if stamp is not None:
        data |= {f.name: [getattr(stamp, f.name)] * len(records) for f in fields(stamp)}
    try:
        return pl.DataFrame(data, schema=table.schema, strict=True)
    except (TypeError, pl.exceptions.PolarsError) as exc:
        raise TypeError(f"table {table.name!r}: {exc}") from exc


def documents_frame(docs: Sequence[Document], stamp: DocumentStamp) -> pl.DataFrame:
    return records_frame(DOCUMENTS, docs, stamp)


def failures_frame(failures: Sequence[Failure], run_id: str, at: datetime) -> pl.DataFrame:
    return records_frame(FAILURES, failures, FailureStamp(run_id=run_id, at=at))


def first_copies(documents: pl.DataFrame) -> pl.Series:
    """True for the first document of each ``doc_id`` in a batch, False for later copies.

    Two inputs with the same canonical URL or the same body text are one article: loading both
    would make the second silently overwrite the first, so only the first is kept.
    """
    return documents.select(pl.col("doc_id").is_first_distinct()).to_series()


def duplicate_failures(documents: pl.DataFrame, run_id: str, at: datetime) -> pl.DataFrame:
    """One ``failures`` row for each later copy of an article, naming the copy that was kept."""
    kept_source = pl.col("source").first().over("doc_id")
    return (
        documents.with_columns(kept_source=kept_source)
        .filter(~pl.col("doc_id").is_first_distinct())
        .select(
            source="source",
            stage=pl.lit("clean"),
            error_kind=pl.lit("duplicate"),
            message=pl.format(
                "same article as {} (doc_id {}); kept that one", "kept_source", "doc_id"
            ),
            run_id=pl.lit(run_id),
            at=pl.lit(at, dtype=FAILURES.schema["at"]),
        )
    )
