"""A loaded batch is freed by the flow itself, not whenever Python's collector gets round to it.

Prefect's finished futures are reference cycles (``flows/memory.py``), so without the flow's own
collection a batch's frames outlive its load until a full pass of the cyclic collector. The
automatic collector is switched off here, so nothing but the flow can free them.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from connectors.runwriter import RunWriter

pytestmark = pytest.mark.flow

STORIES = (
    "Police in the capital arrested twelve protesters on Monday, a spokesman said.",
    "The finance minister resigned on Tuesday after a vote in parliament.",
    "Two soldiers were killed when a roadside bomb exploded near the border on Wednesday.",
    "The mayor said on Thursday that the city would reopen its schools next week.",
)


@pytest.fixture
def no_automatic_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def test_a_loaded_batch_is_freed_by_the_next_load(
    prefect_harness: None,
    no_automatic_gc: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows.ingest import ingest

    pages = tmp_path / "pages"
    pages.mkdir()
    for i, story in enumerate(STORIES):
        (pages / f"story_{i}.txt").write_text(story + "\n", encoding="utf-8")

    loaded: list[weakref.ref[pl.DataFrame]] = []
    alive_at_load: list[int] = []
    load = RunWriter.load

    def watched_load(self: RunWriter, frames: Any, **kw: Any) -> Any:
        if frames.documents.height:  # a processed batch, not a load of failures alone
            # When batch k is loaded, batch k-1's future has only just been dropped; every
            # batch before it must be gone already.
            alive_at_load.append(sum(ref() is not None for ref in loaded[:-1]))
            loaded.append(weakref.ref(frames.documents))
        return load(self, frames, **kw)

    monkeypatch.setattr(RunWriter, "load", watched_load)
    result = ingest(
        sources=[str(pages)],
        db_path=str(tmp_path / "news.duckdb"),
        cache_dir=str(tmp_path / "raw"),
        batch_size=1,
    )

    assert result["new"] == len(STORIES)
    assert len(loaded) == len(STORIES)
    assert alive_at_load == [0] * len(STORIES)
    assert not gc.get_freeze_count()  # the run's freeze is undone when it returns
