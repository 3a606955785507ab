"""Which inputs a re-run skips, and the run summary a person reads. No Prefect."""

from __future__ import annotations

from collections import Counter

import polars as pl
import pytest

from transforms.model import Failure, RawDoc, SourceRecord
from transforms.run.plan import STORED_SCHEMA, articles_to_skip, inputs_frame, plan_batch
from transforms.run.summary import RunSummary
from transforms.run.version import PIPELINE_VERSION


def _raw(source: str, body: bytes) -> RawDoc:
    return RawDoc(source=source, body=body, content_type="text/plain")


def _stored(*rows: tuple[str, str, str, str, str]) -> pl.DataFrame:
    """What the store answers: (source, stored_source, doc_id, stored_sha256,
    stored_pipeline_version)."""
    return pl.DataFrame(list(rows), schema=STORED_SCHEMA, orient="row")


def test_plan_splits_new_updated_unchanged() -> None:
    a, b, c = _raw("/a", b"A"), _raw("/b", b"B2"), _raw("/c", b"C")
    stored = _stored(
        ("/a", "/a", "d-a", a.sha256, PIPELINE_VERSION),
        ("/b", "/b", "d-b", _raw("/b", b"B1").sha256, PIPELINE_VERSION),
    )
    plan = plan_batch([a, b, c], stored)
    assert plan.status == {"/a": "unchanged", "/b": "updated", "/c": "new"}
    assert [r.source for r in plan.to_process] == ["/b", "/c"]
    assert plan.links == [SourceRecord("/a", "d-a", a.sha256)]  # its last_seen moves on


def test_same_bytes_from_another_source_is_linked_not_parsed() -> None:
    """A copy of an already-loaded file is not parsed again, but it is recorded as a source."""
    copy = _raw("/copy", b"A")
    stored = _stored(("/copy", "/a", "d-a", copy.sha256, PIPELINE_VERSION))
    plan = plan_batch([copy], stored)
    assert plan.status == {"/copy": "duplicate"} and not plan.to_process
    assert plan.links == [SourceRecord("/copy", "d-a", copy.sha256)]


def test_new_pipeline_version_or_reprocess_forces_work() -> None:
    a = _raw("/a", b"A")
    old = _stored(("/a", "/a", "d-a", a.sha256, "0"))
    assert plan_batch([a], old).status == {"/a": "updated"}
    current = _stored(("/a", "/a", "d-a", a.sha256, PIPELINE_VERSION))
    refreshed = plan_batch([a], current, refresh=True)
    assert refreshed.status == {"/a": "updated"} and not refreshed.links


def test_plan_matches_every_stored_row_of_an_input() -> None:
    """An input stored under its own source with old bytes *and* elsewhere with its current
    bytes moves to the article those bytes made, without being parsed: the store returns
    both rows and one of them is enough."""
    a = _raw("/a", b"A2")
    stored = _stored(
        ("/a", "/a", "d-a1", _raw("/a", b"A1").sha256, PIPELINE_VERSION),
        ("/a", "/copy-of-a", "d-a2", a.sha256, PIPELINE_VERSION),
    )
    plan = plan_batch([a, _raw("/b", b"B")], stored)
    assert plan.status == {"/a": "updated", "/b": "new"}
    assert [r.source for r in plan.to_process] == ["/b"]
    assert plan.links == [SourceRecord("/a", "d-a2", a.sha256)]
    assert (plan.count("unchanged"), plan.count("new"), plan.count("updated")) == (0, 1, 1)


def test_own_row_wins_over_another_source_with_the_same_bytes() -> None:
    a = _raw("/a", b"A")
    stored = _stored(
        ("/a", "/other", "d-other", a.sha256, PIPELINE_VERSION),
        ("/a", "/a", "d-a", a.sha256, PIPELINE_VERSION),
    )
    plan = plan_batch([a], stored)
    assert plan.status == {"/a": "unchanged"}
    assert plan.links == [SourceRecord("/a", "d-a", a.sha256)]


def test_plan_of_an_empty_store_is_all_new() -> None:
    plan = plan_batch([_raw("/a", b"A")], pl.DataFrame(schema=STORED_SCHEMA))
    assert plan.status == {"/a": "new"}


def test_plan_refuses_a_stored_frame_with_other_columns() -> None:
    stored = _stored(("/a", "/a", "d", "x", "1")).drop("stored_source")
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
    assert (
        "5 inputs in 2.5 s: 3 new, 0 updated, 0 unchanged, 0 duplicate, 2 failed; "
        "7 quotes, 4 events" in text
    )
    assert "http_404 x2" in text and "http://h/a: HTTP 404 Not Found" in text
    md = s.to_markdown()
    assert "| 3 | 0 | 0 | 0 | 2 | 7 | 4 | 2.5 |" in md and "## Failures" in md


def test_summary_counts_what_the_load_reports() -> None:
    s = RunSummary(run_id="r1", db_path="x")
    statuses = {"/a": "new", "/c": "updated", "/d": "duplicate", "/e": "unchanged"}
    s.add_load(statuses, [Failure("/b", "clean", "empty", "no text")], 5, 2, {"nlp": 1.5})
    assert (s.n_new, s.n_updated, s.n_duplicate, s.n_unchanged, s.n_failed) == (1, 1, 1, 1, 1)
    assert (s.n_quotes, s.n_events) == (5, 2)
    assert s.failure_kinds == Counter({"empty": 1}) and s.stage_seconds == {"nlp": 1.5}
    assert s.to_dict()["failed"] == 1 and s.to_dict()["duplicate"] == 1


def test_summary_counts_a_notice_apart_from_failures() -> None:
    s = RunSummary(run_id="r1", db_path="x", n_inputs=2)
    notice = Failure("/fr.txt", "extract", "unsupported_language", "in 'fr': no extraction ran")
    s.add_load({"/fr.txt": "new", "/en.txt": "new"}, [notice], 3, 1)
    assert (s.n_new, s.n_failed, s.n_not_extracted) == (2, 0, 1)
    assert not s.failure_kinds
    assert s.headline().endswith("3 quotes, 1 events (1 stored without extraction)")
    text = s.to_text()
    assert "stored without extraction: unsupported_language x1" in text
    assert "/fr.txt: in 'fr': no extraction ran" in text
    assert "## Stored without extraction" in s.to_markdown()
    assert s.to_dict()["not_extracted"] == 1 and s.to_dict()["failed"] == 0


def test_summary_escapes_control_characters() -> None:
    s = RunSummary(run_id="r1", db_path="x")
    hostile = Failure("/in/\x1b[2J\x1b]0;pwned\x07name\u202e.txt", "read", "empty", "bad\rline\n2")
    s.add_failures([hostile])
    for text in (s.to_text(), s.to_markdown()):
        assert not any(c in text for c in "\x1b\x07\r\u202e")
        assert "\\x1b[2J" in text and "\\u202e" in text and "bad\\rline\\n2" in text


def test_summary_names_links_followed_out_of_the_folders() -> None:
    s = RunSummary(run_id="r1", db_path="x")
    s.links_out = [("/in/out.txt", "/home/me/private.txt")]
    assert "links followed out of the input folders: 1" in s.to_text()
    assert "/in/out.txt -> /home/me/private.txt" in s.to_text()
    assert "| /in/out.txt | /home/me/private.txt |" in s.to_markdown()


def test_articles_stored_or_being_read_are_not_parsed_again() -> None:
    skip = articles_to_skip(["d1", "d2", "d3", "d1"], stored={"d1"}, reading={"d3", "d9"})
    assert skip == {"d1", "d3"}
    assert articles_to_skip(["d2"], stored=set(), reading=set()) == frozenset()
