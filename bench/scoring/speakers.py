"""The resolved speaker names of PolNeAR attributions (``bench/polnear_speakers.json``).

PolNeAR's sources are surface mentions ("he", "the senator"); the names behind them are
annotated by hand for a subset of the articles, in a file that holds only names and offsets,
never text::

    {"about": "how it was made",
     "articles": {"<article name without .txt>": [
        {"ann": "<the .ann file used>", "attribution": "E3", "source": [start, end],
         "speech": true, "name": "Hillary Clinton", "named": true, "type": "person"}]}}

``source`` are raw-file offsets of the Source span (first start, last end); ``name`` is the
fullest name the article gives, or a short description when ``named`` is false. Extra keys
(``from_context``) are allowed. The file may be absent or cover only some articles: the
scorer scores what is there, so a malformed entry is an error that names the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.scoring.overlap import Range

SPEAKER_TYPES = frozenset({"person", "organisation", "group", "document", "unknown"})
_REQUIRED = ("ann", "attribution", "source", "name", "named", "type")


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    article: str
    ann: str
    attribution: str
    source: Range
    speech: bool
    name: str
    named: bool
    type: str
    from_context: bool = False


@dataclass(slots=True)
class Speakers:
    """Entries by (article, attribution id), and what the file says about itself."""

    about: str = ""
    entries: dict[tuple[str, str], SpeakerEntry] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)

    def get(self, article: str, attribution: str) -> SpeakerEntry | None:
        return self.entries.get((article, attribution))


def load_speakers(path: Path) -> Speakers:
    """Read the file; an absent file is an empty set, a malformed one a ``ValueError``."""
    if not path.exists():
        return Speakers()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise ValueError(f"{path}: expected an object with an 'articles' object")
    speakers = Speakers(about=str(data.get("about", "")))
    for article, items in data["articles"].items():
        if not isinstance(items, list):
            raise ValueError(f"{path}: articles[{article!r}] must be a list")
        speakers.articles.add(article)
        for k, item in enumerate(items):
            entry = _entry(article, item, f"{path}: articles[{article!r}][{k}]")
            key = (article, entry.attribution)
            if key in speakers.entries:
                raise ValueError(f"{path}: {article} {entry.attribution} appears twice")
            speakers.entries[key] = entry
    return speakers


def _entry(article: str, item: Any, where: str) -> SpeakerEntry:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object")
    missing = [k for k in _REQUIRED if k not in item]
    if missing:
        raise ValueError(f"{where} lacks {', '.join(missing)}")
    source = item["source"]
    if (
        not isinstance(source, list)
        or len(source) != 2
        or not all(isinstance(x, int) for x in source)
        or not 0 <= source[0] < source[1]
    ):
        raise ValueError(f"{where}: source must be [start, end] with 0 <= start < end")
    if item["type"] not in SPEAKER_TYPES:
        raise ValueError(f"{where}: type {item['type']!r} is not one of {sorted(SPEAKER_TYPES)}")
    if not isinstance(item["name"], str) or not item["name"].strip():
        raise ValueError(f"{where}: name must be a non-empty string")
    return SpeakerEntry(
        article=article,
        ann=str(item["ann"]),
        attribution=str(item["attribution"]),
        source=(source[0], source[1]),
        speech=bool(item.get("speech", True)),
        name=item["name"],
        named=bool(item["named"]),
        type=item["type"],
        from_context=bool(item.get("from_context", False)),
    )
