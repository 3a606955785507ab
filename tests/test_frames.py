"""Frames from records: strict construction (no silent filling) and the batch's table work."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.frames import (
    carried_sources,
    documents_frame,
    failures_frame,
    failures_of,
    first_copies,
    records_frame,
    sources_frame,
)
from transforms.model import (
    DOCUMENTS,
    FAILURES,
    QUOTES,
    BatchFrames,
    Document,
    DocumentStamp,
    Failure,
    FailureStamp,
    QuoteRecord,
    RawDoc,
)

NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
STAMP = DocumentStamp(pipeline_version="1", ingested_at=NOW, run_id="r1")


def _doc(doc_id: str, source: str) -> Document:
    return Document(doc_id=doc_id, source=source, text="Text.", content_sha256="sha-" + source)


def _quote(**changes: object) -> QuoteRecord:
    quote = QuoteRecord(
        quote_id="q1",
        doc_id="d1",
        quote_text="We will stay",
        char_start=1,
        char_end=13,
        quote_type="direct",
    )
    return replace(quote, **changes)


def test_records_become_a_frame_of_exactly_the_table_schema() -> None:
    frame = records_frame(QUOTES, [_quote(), _quote(quote_id="q2", speaker="Ana Ruiz")])
    assert frame.schema == QUOTES.schema
    assert frame["speaker"].to_list() == [None, "Ana Ruiz"]
    assert frame["char_start"].dtype == pl.Int32()


def test_a_stamp_fills_the_load_columns_of_every_row() -> None:
    frame = documents_frame([_doc("d1", "/a"), _doc("d2", "/b")], STAMP)
    assert frame.schema == DOCUMENTS.schema
    assert frame.select("pipeline_version", "ingested_at", "run_id").unique().rows() == [
        ("1", NOW, "r1")
    ]


def test_no_records_give_an_empty_frame_with_the_schema() -> None:
    assert records_frame(QUOTES, []).schema == QUOTES.schema
    assert failures_frame([], "r1", NOW).schema == FAILURES.schema


def test_a_value_of_the_wrong_type_is_an_error_not_a_null_or_a_cast() -> None:
    with pytest.raises(TypeError, match="char_start"):
        records_frame(QUOTES, [_quote(char_start="1")])
    with pytest.raises(TypeError, match="quote_text"):
        records_frame(QUOTES, [_quote(quote_text=7)])


def test_records_of_another_type_are_refused() -> None:
    with pytest.raises(TypeError, match="takes QuoteRecord records, not Document"):
        records_frame(QUOTES, [_doc("d1", "/a")])


def test_load_columns_need_their_stamp_and_only_theirs() -> None:
    with pytest.raises(TypeError, match="needs a DocumentStamp, not NoneType"):
        records_frame(DOCUMENTS, [_doc("d1", "/a")])
    with pytest.raises(TypeError, match="needs a DocumentStamp, not FailureStamp"):
        records_frame(DOCUMENTS, [_doc("d1", "/a")], FailureStamp("r1", NOW))
    with pytest.raises(TypeError, match="no load-time columns"):
        records_frame(QUOTES, [_quote()], STAMP)


def test_batch_frames_refuse_a_missing_extra_or_retyped_column() -> None:
    empty = BatchFrames.empty()
    quotes = records_frame(QUOTES, [_quote()])
    with pytest.raises(ValueError, match="missing speaker"):
        replace(empty, quotes=quotes.drop("speaker"))
    with pytest.raises(ValueError, match="extra section"):
        replace(empty, quotes=quotes.with_columns(section=pl.lit("world")))
    with pytest.raises(ValueError, match="retyped: char_start is Int64, not Int32"):
        replace(empty, quotes=quotes.with_columns(pl.col("char_start").cast(pl.Int64())))


def test_later_copies_of_an_article_are_kept_as_its_sources() -> None:
    docs = [_doc("d1", "/a"), _doc("d2", "/b"), _doc("d1", "/c"), _doc("d1", "/d")]
    assert first_copies(documents_frame(docs, STAMP)).to_list() == [True, True, False, False]
    raws = [RawDoc(s, s.encode(), url=f"https://x.example{s}") for s in ("/a", "/b", "/c", "/d")]
    sources = sources_frame(carried_sources(docs, raws), "r1", NOW)
    assert sources.select("source", "doc_id", "url").rows() == [
        ("/a", "d1", "https://x.example/a"),
        ("/b", "d2", "https://x.example/b"),
        ("/c", "d1", "https://x.example/c"),
        ("/d", "d1", "https://x.example/d"),
    ]
    assert sources["raw_sha256"].to_list() == [r.sha256 for r in raws]
    assert set(sources["first_seen"]) == set(sources["last_seen"]) == {NOW}


def test_no_duplicates_all_first_copies() -> None:
    documents = documents_frame([_doc("d1", "/a"), _doc("d2", "/b")], STAMP)
    assert first_copies(documents).all()


def test_failures_round_trip_through_a_frame() -> None:
    failures = [Failure("/x", "read", "unreadable", "cannot read /x")]
    assert failures_of(failures_frame(failures, "r9", NOW)) == failures


def test_failures_frame_stamps_run_and_time() -> None:
    frame = failures_frame([Failure("/x", "read", "unreadable", "cannot read /x")], "r9", NOW)
    assert frame.rows(named=True) == [
        {
            "source": "/x",
            "stage": "read",
            "error_kind": "unreadable",
            "message": "cannot read /x",
            "run_id": "r9",
            "at": NOW,
        }
    ]
