"""Reading brat standoff attribution files (PolNeAR's ``attributions/*.ann``).

Only what scoring needs: ``T`` lines give a label and character ranges into the article text
(``T5<TAB>Source 112 135<TAB>surface``; a discontinuous span is ``1948 1958;1974 2071``), ``E``
lines link them into one attribution (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``;
the Source may be missing, and a second content part is ``Content2``). The surface text after
the second tab may run over several lines; offsets are what counts, so it is not read.
Notes (``#``) and spans that no ``E`` line links (PolNeAR's Discuss/Discard marks) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bench.scoring.overlap import Range

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One annotated attribution: where its content, cue and source are (ranges into the text)."""

    ref: str  # the E line's id, "E3"
    content: tuple[Range, ...]
    cue: tuple[Range, ...] = ()
    source: tuple[Range, ...] = ()


def parse_ann(text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file's text, in file order."""
    spans: dict[str, tuple[Range, ...]] = {}
    links: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in m.group(3).split(";"))
            )
        elif m := _E_LINE.match(line):
            args = [tuple(arg.split(":", 1)) for arg in m.group(2).split() if ":" in arg]
            links.append((m.group(1), [(role, tid) for role, tid in args]))
    out: list[Attribution] = []
    for ref, args in links:
        roles: dict[str, list[Range]] = {}
        for role, tid in args:
            key = "content" if role.startswith("Content") else role.lower()
            roles.setdefault(key, []).extend(spans.get(tid, ()))
        content = tuple(sorted(roles.get("content", [])))
        if not content:
            continue  # an attribution with nothing attributed cannot be matched to a quote
        out.append(
            Attribution(
                ref,
                content,
                tuple(sorted(roles.get("cue", []))),
                tuple(sorted(roles.get("source", []))),
            )
        )
    return out


def read_ann(path: Path) -> list[Attribution]:
    return parse_ann(path.read_text(encoding="utf-8"))


def span_text(text: str, ranges: tuple[Range, ...]) -> str:
    """The text of a (possibly discontinuous) span, parts joined by one space."""
    return " ".join(text[a:b] for a, b in ranges)
