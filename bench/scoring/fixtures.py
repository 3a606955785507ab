"""The project's own annotated articles: the devset and the seed expectations.

Both are files a user could put in a folder (``tests/fixtures/devset/*.txt``, ``seeds/*.txt``),
so each article is read as ``newsdb run`` reads a ``.txt`` file and goes through the whole
pipeline; the gold quotes and events here are then compared with what it produced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.scoring.events import GoldEvent
from bench.scoring.paths import ROOT
from bench.scoring.pipeline import text_file
from bench.scoring.quotes import GoldQuote
from transforms.model import RawDoc

DEVSET = ROOT / "tests" / "fixtures" / "devset"
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "fixtures" / "expectations" / "seeds.json"

# A seed note may accept a second speaker: "'Israel' as speaker is acceptable".
_ACCEPTABLE_NOTE = re.compile(r"'([^']+)' as speaker is acceptable")


@dataclass(slots=True)
class GoldArticle:
    """One annotated article file and its gold quotes and events."""

    name: str
    raw: RawDoc
    published: date | None
    quotes: list[GoldQuote]
    must_not: list[str] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    seed_events: dict[str, Any] | None = None  # a seed's {"required": [...], "optional": [...]}


def load_devset(folder: Path = DEVSET) -> list[GoldArticle]:
    """Every ``NN_slug.txt`` with its ``NN_slug.json`` annotation, in name order."""
    articles: list[GoldArticle] = []
    for gold_path in sorted(folder.glob("*.json")):
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        quotes = [GoldQuote(q["quote"], q["type"], (q["speaker"],)) for q in data["quotes"]]
        articles.append(
            GoldArticle(
                name=gold_path.stem,
                raw=text_file(gold_path.with_suffix(".txt")),
                published=_date(data.get("published")),
                quotes=quotes,
                events=[GoldEvent.from_json(e) for e in data.get("events", [])],
            )
        )
    return articles


def load_seeds(folder: Path = SEEDS, expectations: Path = SEED_GOLD) -> list[GoldArticle]:
    """The seed articles that ``expectations`` describes."""
    data = json.loads(expectations.read_text(encoding="utf-8"))
    articles: list[GoldArticle] = []
    for name, spec in data.items():
        if name.startswith("_"):
            continue
        quotes = spec.get("quotes", {})
        gold = [_seed_quote(q, optional=False) for q in quotes.get("required", [])]
        gold += [_seed_quote(q, optional=True) for q in quotes.get("optional", [])]
        raw = text_file(folder / name)
        text = raw.body.decode("utf-8")
        gold.sort(key=lambda g: text.find(g.text))
        articles.append(
            GoldArticle(
                name=name,
                raw=raw,
                published=_date(spec.get("published")),
                quotes=gold,
                must_not=list(quotes.get("must_not", [])),
                seed_events=spec.get("events", {}),
            )
        )
    return articles


def _seed_quote(item: dict[str, str], *, optional: bool) -> GoldQuote:
    speakers = [item.get("speaker", "")]
    speakers += _ACCEPTABLE_NOTE.findall(item.get("note", ""))
    return GoldQuote(item["quote"], item["type"], tuple(speakers), optional=optional)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
