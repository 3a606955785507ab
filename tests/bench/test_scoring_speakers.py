"""The loader of bench/polnear_speakers.json (resolved speaker names of PolNeAR sources)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.scoring.speakers import load_speakers


def entry(**kw: Any) -> dict[str, Any]:
    item = {
        "ann": "site_2016-01-01_slug_ab12.ann",
        "attribution": "E3",
        "source": [10, 25],
        "speech": True,
        "name": "Jane Q. Example",
        "named": True,
        "type": "person",
    }
    item.update(kw)
    return item


def write(tmp_path: Path, articles: dict[str, list[dict[str, Any]]]) -> Path:
    path = tmp_path / "speakers.json"
    path.write_text(json.dumps({"about": "test", "articles": articles}), encoding="utf-8")
    return path


def test_an_absent_file_is_an_empty_set(tmp_path: Path) -> None:
    speakers = load_speakers(tmp_path / "nothing.json")
    assert speakers.entries == {} and speakers.articles == set()


def test_entries_by_article_and_attribution(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "site_2016-01-01_slug": [
                entry(),
                entry(attribution="E4", name="a senior aide", named=False, from_context=True),
            ],
            "site_2016-01-02_other": [],  # covered, with no attribution that has a source
        },
    )
    speakers = load_speakers(path)
    assert speakers.about == "test"
    assert speakers.articles == {"site_2016-01-01_slug", "site_2016-01-02_other"}
    first = speakers.get("site_2016-01-01_slug", "E3")
    assert first is not None and first.name == "Jane Q. Example" and first.source == (10, 25)
    second = speakers.get("site_2016-01-01_slug", "E4")
    assert second is not None and not second.named and second.from_context
    assert speakers.get("site_2016-01-02_other", "E1") is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"source": [25, 10]}, "source"),
        ({"source": [1]}, "source"),
        ({"type": "robot"}, "type"),
        ({"name": " "}, "name"),
        ({"ann": None, "attribution": None}, None),
    ],
)
def test_malformed_entries_name_the_entry(
    tmp_path: Path, bad: dict[str, Any], message: str | None
) -> None:
    item = entry(**bad)
    if message is None:  # keys missing altogether
        del item["ann"], item["attribution"]
        message = "lacks ann, attribution"
    path = write(tmp_path, {"site_2016-01-01_slug": [item]})
    with pytest.raises(ValueError, match=message) as err:
        load_speakers(path)
    assert "site_2016-01-01_slug" in str(err.value)


def test_duplicates_and_broken_json_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, {"a": [entry(), entry()]})
    with pytest.raises(ValueError, match="twice"):
        load_speakers(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_speakers(path)
    path.write_text(json.dumps({"about": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="'articles'"):
        load_speakers(path)
