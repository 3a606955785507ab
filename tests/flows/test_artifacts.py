"""The ingest flow's table artifacts: the run's top events and most quoted speakers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flows.artifacts import TOP_EVENTS_KEY, TOP_SPEAKERS_KEY

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _artifact(key: str, run_id: str) -> dict[str, Any] | None:
    """The run's artifact ``key``, asked of the API directly: Prefect 3.8's ``Artifact.get`` and
    client ``read_artifacts`` send null filter fields, which its server rejects (HTTP 422)."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    body = {
        "artifacts": {"key": {"any_": [key]}, "flow_run_id": {"any_": [run_id]}},
        "limit": 1,
        "offset": 0,
        "sort": "UPDATED_DESC",
    }
    resp = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter", json=body, timeout=30)
    resp.raise_for_status()
    found = resp.json()
    return found[0] if found else None


def test_ingest_publishes_top_events_and_speakers(prefect_harness: None, tmp_path: Path) -> None:
    from flows.ingest import ingest

    result = ingest(
        sources=[str(SEEDS)], db_path=str(tmp_path / "a.duckdb"), cache_dir=str(tmp_path / "raw")
    )
    events = _artifact(TOP_EVENTS_KEY, result["run_id"])
    speakers = _artifact(TOP_SPEAKERS_KEY, result["run_id"])
    assert events is not None and speakers is not None
    assert events["type"] == "table" and speakers["type"] == "table"
    event_rows = json.loads(events["data"])
    speaker_rows = json.loads(speakers["data"])
    assert 0 < len(event_rows) <= 10 and 0 < len(speaker_rows) <= 10
    # The seeds' strikes are there, the deadliest first among equally reported events.
    assert event_rows[0]["event_type"] == "ASSAULT" and event_rows[0]["fatalities"]
    names = [r["speaker"] for r in speaker_rows]
    assert "Benjamin Netanyahu" in names and "Maria Zakharova" in names
    assert speaker_rows[0]["quotes"] >= speaker_rows[-1]["quotes"]
