"""Records -> the Arrow-backed Polars frames a batch loads, and the table work done on them.

Frames are built strictly, from the tables declared in ``transforms.model``: every record must
be of the table's record type, a table with load-time columns must be given its stamp, and a
value of the wrong type is an error (Polars' strict construction), never a NULL or a silent
cast. What a batch does to whole tables (keeping one copy of each article) is written as
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
    SOURCES,
    Document,
    DocumentStamp,
    Failure,
    FailureStamp,
    RawDoc,
    SourceRecord,
    SourceStamp,
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


def failures_of(frame: pl.DataFrame) -> list[Failure]:
    """The ``Failure`` records of a failures frame (what the run summary counts)."""
    return [
        Failure(*row)
        for row in frame.select("source", "stage", "error_kind", "message").iter_rows()
    ]


def sources_frame(records: Sequence[SourceRecord], run_id: str, seen_at: datetime) -> pl.DataFrame:
    """``document_sources`` rows read by this run now (first and last seen, until the load
    keeps an older ``first_seen`` for an input still carrying the same article)."""
    return records_frame(SOURCES, records, SourceStamp(seen_at, seen_at, run_id))


def first_copies(documents: pl.DataFrame) -> pl.Series:
    """True for the first document of each ``doc_id`` in a batch, False for later copies.

    Two inputs with the same body text are one article: it is extracted once, and every
    input that carried it becomes one of its sources (``carried_sources``).
    """
    return documents.select(pl.col("doc_id").is_first_distinct()).to_series()


def carried_sources(docs: Sequence[Document], raws: Sequence[RawDoc]) -> list[SourceRecord]:
    """One ``document_sources`` record per cleaned document of a batch (later copies of an
    article included): its input, the article it carries, and the bytes and address it was
    read from."""
    read = {r.source: r for r in raws}
    return [
        SourceRecord(d.source, d.doc_id, read[d.source].sha256, read[d.source].url) for d in docs
    ]
