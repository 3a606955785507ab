"""The gender a first name usually carries, for pronoun agreement ("Nina Patel ... she said").

A person's gender is otherwise known only from what the article says (an honorific, a gendered
role noun, a pronoun resolved with confidence), and a "she" after two named people agrees with
both when neither has one. The first name settles most of these. The table is nomquamgender's
(MIT): per name, the number of sources, the count of people and the share of them who are
women, compiled from national name registers. Only names that are both common (enough people,
several sources) and clear (at least nine in ten of one gender) are kept: "Chris", "Kim" and
"Jordan" stay unknown, and so stay compatible with either pronoun.

The package's own module imports pandas and parses the whole JSON file; the table is instead
read with one pattern and compiled once per machine by the lexicon registry.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from transforms.nlp.registry import Lexicon

#: A name must be this clear (share of one gender) to carry a gender.
CLEAR = 0.9
#: ... and this common: people counted, and registers that have it.
MIN_COUNT = 100
MIN_SOURCES = 3

# One entry of the table: "name": [sources, count, share female, ...].
_ENTRY = re.compile(r'"([a-z]+)": \[(\d+), (\d+), ([0-9.]+)[,\]]')


def _data_file() -> Path:
    """The package's table, located without importing the package (its import parses it)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("nomquamgender is not installed (see pyproject.toml)")
    return Path(spec.origin).parent / "name_data.json"


def _build(_paths: tuple[Path, ...]) -> dict[str, str]:
    text = _data_file().read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for match in _ENTRY.finditer(text):
        sources, count, female = int(match[2]), int(match[3]), float(match[4])
        if sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if female >= CLEAR:
            table[match[1]] = "f"
        elif female <= 1 - CLEAR:
            table[match[1]] = "m"
    return table


FIRST_NAMES = Lexicon("first_names", _build, compiled=True, extra_sources=lambda: (_data_file(),))


def first_name_gender(word: str) -> str | None:
    """ "f" or "m" for a first name that clearly carries one ("Nina", "Donald"), else None."""
    return FIRST_NAMES.get().get(word.lower().strip(".")) if word[:1].isupper() else None
