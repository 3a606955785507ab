"""The CPU stage of one batch, without Prefect: clean -> parse -> extract -> frames."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import transforms.batch as batch
from transforms.model import DOCUMENT_SCHEMA, EVENT_SCHEMA, QUOTE_SCHEMA, RawDoc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _seed_raws() -> list[RawDoc]:
    return [
        RawDoc(source=str(p), body=p.read_bytes(), content_type="text/plain")
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def test_process_batch_gives_frames_with_table_schemas() -> None:
    out = batch.process_batch(_seed_raws(), "run-1", NOW)
    assert out.documents.height == 2
    assert dict(out.documents.schema) == DOCUMENT_SCHEMA
    assert dict(out.quotes.schema) == QUOTE_SCHEMA
    assert dict(out.events.schema) == EVENT_SCHEMA
    assert out.failures.is_empty()
    assert set(out.documents["run_id"]) == {"run-1"}
    assert {"clean", "nlp", "quotes", "events"} <= set(out.stage_seconds)
    texts = dict(zip(out.documents["doc_id"], out.documents["text"], strict=True))
    for q in out.quotes.iter_rows(named=True):  # offsets index the stored text
        assert texts[q["doc_id"]][q["char_start"] : q["char_end"]] == q["quote_text"]


def test_duplicate_articles_in_a_batch_are_extracted_once_and_kept_as_sources() -> None:
    raws = _seed_raws()
    copy = RawDoc(source="/elsewhere/copy.txt", body=raws[1].body, content_type="text/plain")
    out = batch.process_batch([*raws, copy], "run-1", NOW)
    assert out.documents.height == 2
    assert out.failures.is_empty()
    carried = dict(zip(out.sources["source"], out.sources["doc_id"], strict=True))
    assert carried[copy.source] == carried[raws[1].source]
    assert set(carried) == {r.source for r in [*raws, copy]}
    assert set(out.sources["raw_sha256"]) == {r.sha256 for r in raws}


def test_extractor_crash_costs_one_document_not_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = batch.extract_events

    def flaky(doc, *, doc_id, published, quotes):  # type: ignore[no-untyped-def]
        if "Lavrov" in doc.text:
            raise ValueError("boom")
        return real(doc, doc_id=doc_id, published=published, quotes=quotes)

    monkeypatch.setattr(batch, "extract_events", flaky)
    out = batch.process_batch(_seed_raws(), "run-1", NOW)
    assert out.documents.height == 1
    fail = out.failures.rows(named=True)
    assert [(f["stage"], f["error_kind"]) for f in fail] == [("extract", "extract_error")]
    assert "ValueError: boom" in fail[0]["message"]
