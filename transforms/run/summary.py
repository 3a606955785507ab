"""The short, human-readable account a run ends with (terminal text and Prefect markdown)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from transforms.model import Failure


@dataclass(slots=True)
class RunSummary:
    run_id: str
    db_path: str
    n_inputs: int = 0
    n_new: int = 0
    n_updated: int = 0
    n_unchanged: int = 0
    n_failed: int = 0
    n_quotes: int = 0
    n_events: int = 0
    seconds: float = 0.0
    failure_kinds: Counter[str] = field(default_factory=Counter)
    failure_examples: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_failures(self, failures: Iterable[Failure]) -> None:
        for f in failures:
            self.add_failure(f.source, f.error_kind, f.message)

    def add_failure(self, source: str, error_kind: str, message: str) -> None:
        self.n_failed += 1
        self.failure_kinds[error_kind] += 1
        self.failure_examples.append((source, message))

    def add_batch(
        self, statuses: Mapping[str, str], failures: pl.DataFrame, timings: dict[str, float]
    ) -> None:
        """Count one processed batch: its inputs were planned new or updated, and count as such
        only if they did not fail while being cleaned or extracted."""
        planned = pl.DataFrame(
            {"source": list(statuses), "status": list(statuses.values())},
            schema={"source": pl.String(), "status": pl.String()},
        )
        done = planned.filter(~pl.col("source").is_in(failures["source"].implode()))
        self.n_new += done.filter(pl.col("status") == "new").height
        self.n_updated += done.filter(pl.col("status") == "updated").height
        for source, error_kind, message in failures.select(
            "source", "error_kind", "message"
        ).iter_rows():
            self.add_failure(source, error_kind, message)
        self.add_stage_seconds(timings)

    def add_stage_seconds(self, timings: dict[str, float]) -> None:
        for stage, secs in timings.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + secs

    @property
    def docs_per_second(self) -> float:
        return self.n_inputs / self.seconds if self.seconds > 0 else 0.0

    def headline(self) -> str:
        return (
            f"{self.n_inputs} inputs in {self.seconds:.1f} s: {self.n_new} new, "
            f"{self.n_updated} updated, {self.n_unchanged} unchanged, {self.n_failed} failed; "
            f"{self.n_quotes} quotes, {self.n_events} events"
        )

    def to_text(self, max_examples: int = 5) -> str:
        lines = [f"newsdb run {self.run_id} -> {self.db_path}", "  " + self.headline()]
        if self.failure_kinds:
            kinds = ", ".join(f"{k} x{n}" for k, n in self.failure_kinds.most_common())
            lines.append(f"  failures by kind: {kinds}")
            for source, message in self.failure_examples[:max_examples]:
                lines.append(f"    - {source}: {message}")
            more = self.n_failed - min(max_examples, len(self.failure_examples))
            if more > 0:
                lines.append(f"    ... and {more} more (SELECT * FROM failures)")
        return "\n".join(lines)

    def to_markdown(self, max_examples: int = 20) -> str:
        rows = [
            "| new | updated | unchanged | failed | quotes | events | seconds |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {self.n_new} | {self.n_updated} | {self.n_unchanged} | {self.n_failed} "
            f"| {self.n_quotes} | {self.n_events} | {self.seconds:.1f} |",
        ]
        md = [f"# newsdb run `{self.run_id}`", "", f"Database: `{self.db_path}`", "", *rows]
        if self.stage_seconds:
            md += ["", "| stage | seconds |", "|---|---:|"]
            md += [f"| {k} | {v:.2f} |" for k, v in sorted(self.stage_seconds.items())]
        if self.failure_examples:
            md += ["", "## Failures", "", "| source | why |", "|---|---|"]
            md += [
                f"| {s} | {m.replace('|', '/')} |" for s, m in self.failure_examples[:max_examples]
            ]
        return "\n".join(md)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly: the flow's return value and what `newsdb run --json` prints."""
        return {
            "run_id": self.run_id,
            "db_path": self.db_path,
            "inputs": self.n_inputs,
            "new": self.n_new,
            "updated": self.n_updated,
            "unchanged": self.n_unchanged,
            "failed": self.n_failed,
            "quotes": self.n_quotes,
            "events": self.n_events,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "text": self.to_text(),
        }
