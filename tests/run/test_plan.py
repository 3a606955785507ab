"""Which inputs a re-run skips, and the run summary a person reads. No Prefect."""

from __future__ import annotations

from collections import Counter

import polars as pl
import pytest

from transforms.model import RawDoc
from transforms.run.plan import STORED_SCHEMA, inputs_frame, plan_batch
from transforms.run.summary import RunSummary
from transforms.run.version import PIPELINE_VERSION


def _raw(source: str, body: bytes) -> RawDoc:
    return RawDoc(source=source, body=body, content_type="text/plain")


def _stored(*rows: tuple[str, str, str, str]) -> pl.DataFrame:
    """What the store answers: (source, stored_source, stored_sha256, stored_pipeline_version)."""
    return pl.DataFrame(list(rows), schema=STORED_SCHEMA, orient="row")


def test_plan_splits_new_updated_unchanged() -> None:
    a, b, c = _raw("/a", b"A"), _raw("/b", b"B2"), _raw("/c", b"C")
    stored = _stored(
        ("/a", "/a", a.sha256, PIPELINE_VERSION),
        ("/b", "/b", _raw("/b", b"B1").sha256, PIPELINE_VERSION),
    )
    plan = plan_batch([a, b, c], stored)
    assert plan.status == {"/a": "unchanged", "/b": "updated", "/c": "new"}
    assert [r.source for r in plan.to_process] == ["/b", "/c"]


def test_same_bytes_from_another_source_is_unchanged() -> None:
    """A copy of an already-loaded file is not parsed again."""
    copy = _raw("/copy", b"A")
    stored = _stored(("/copy", "/a", copy.sha256, PIPELINE_VERSION))
    assert plan_batch([copy], stored).status == {"/copy": "unchanged"}


def test_new_pipeline_version_or_reprocess_forces_work() -> None:
    a = _raw("/a", b"A")
    old = _stored(("/a", "/a", a.sha256, "0"))
    assert plan_batch([a], old).status == {"/a": "updated"}
    current = _stored(("/a", "/a", a.sha256, PIPELINE_VERSION))
    assert plan_batch([a], current, refresh=True).status == {"/a": "updated"}


def test_plan_matches_every_stored_row_of_an_input() -> None:
    """An input stored under its own source with old bytes *and* elsewhere with its current
    bytes is unchanged: the store returns both rows and one of them is enough."""
    a = _raw("/a", b"A2")
    stored = _stored(
        ("/a", "/a", _raw("/a", b"A1").sha256, PIPELINE_VERSION),
        ("/a", "/copy-of-a", a.sha256, PIPELINE_VERSION),
    )
    plan = plan_batch([a, _raw("/b", b"B")], stored)
    assert plan.status == {"/a": "unchanged", "/b": "new"}
    assert [r.source for r in plan.to_process] == ["/b"]
    assert (plan.count("unchanged"), plan.count("new"), plan.count("updated")) == (1, 1, 0)


def test_plan_of_an_empty_store_is_all_new() -> None:
    plan = plan_batch([_raw("/a", b"A")], pl.DataFrame(schema=STORED_SCHEMA))
    assert plan.status == {"/a": "new"}


def test_plan_refuses_a_stored_frame_with_other_columns() -> None:
    stored = _stored(("/a", "/a", "x", "1")).drop("stored_source")
    with pytest.raises(ValueError, match="stored inputs must have columns"):
        plan_batch([_raw("/a", b"A")], stored)


def test_inputs_frame_has_hashes() -> None:
    frame = inputs_frame([_raw("/a", b"A")])
    assert frame.columns == ["source", "content_sha256"]
    assert frame["content_sha256"][0] == _raw("/x", b"A").sha256


def test_summary_text_and_markdown() -> None:
    s = RunSummary(run_id="r1", db_path="data/x.duckdb", n_inputs=5, n_new=3, n_failed=2)
    s.n_quotes, s.n_events, s.seconds = 7, 4, 2.5
    s.failure_kinds = Counter({"http_404": 2})
    s.failure_examples = [("http://h/a", "HTTP 404 Not Found"), ("http://h/b", "HTTP 404")]
    text = s.to_text()
    assert "5 inputs in 2.5 s: 3 new, 0 updated, 0 unchanged, 2 failed; 7 quotes, 4 events" in text
    assert "http_404 x2" in text and "http://h/a: HTTP 404 Not Found" in text
    md = s.to_markdown()
    assert "| 3 | 0 | 0 | 2 | 7 | 4 | 2.5 |" in md and "## Failures" in md


def test_summary_counts_only_batch_inputs_that_survived_processing() -> None:
    from transforms.model import FAILURE_SCHEMA

    s = RunSummary(run_id="r1", db_path="x")
    failures = (
        pl.DataFrame(
            {"source": ["/b"], "stage": ["clean"], "error_kind": ["empty"], "message": ["no text"]}
        )
        .with_columns(run_id=pl.lit("r1"), at=pl.lit(None))
        .select(list(FAILURE_SCHEMA))
    )
    s.add_batch({"/a": "new", "/b": "new", "/c": "updated"}, failures, {"nlp": 1.5})
    assert (s.n_new, s.n_updated, s.n_failed) == (1, 1, 1)
    assert s.failure_kinds == Counter({"empty": 1}) and s.stage_seconds == {"nlp": 1.5}
    assert s.to_dict()["failed"] == 1
