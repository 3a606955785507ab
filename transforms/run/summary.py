"""The short, human-readable account a run ends with (terminal text and Prefect markdown)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from transforms.model import NOTICE_KINDS, Failure
from transforms.safety import printable


@dataclass(slots=True)
class RunSummary:
    run_id: str
    db_path: str
    status: str = "completed"  # or "interrupted" (Ctrl-C stopped it between two batches)
    n_inputs: int = 0
    n_new: int = 0
    n_updated: int = 0
    n_unchanged: int = 0
    n_duplicate: int = 0
    n_failed: int = 0
    n_not_extracted: int = 0  # loaded without extraction (a notice, e.g. unsupported_language)
    n_quotes: int = 0
    n_events: int = 0
    seconds: float = 0.0
    failure_kinds: Counter[str] = field(default_factory=Counter)
    failure_examples: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    notice_kinds: Counter[str] = field(default_factory=Counter)
    notice_examples: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    links_out: list[tuple[str, str]] = field(default_factory=list)  # (link, target) outside
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_failures(self, failures: Iterable[Failure]) -> None:
        for f in failures:
            self.add_failure(f.source, f.error_kind, f.message)

    def add_failure(self, source: str, error_kind: str, message: str) -> None:
        """Count one failure row; a notice (``NOTICE_KINDS``) is an input that was loaded, so it
        is counted apart and not as failed."""
        if error_kind in NOTICE_KINDS:
            self.n_not_extracted += 1
            self.notice_kinds[error_kind] += 1
            self.notice_examples.append((source, message))
            return
        self.n_failed += 1
        self.failure_kinds[error_kind] += 1
        self.failure_examples.append((source, message))

    def add_load(
        self,
        statuses: Mapping[str, str],
        failures: Iterable[Failure],
        n_quotes: int,
        n_events: int,
        timings: Mapping[str, float] | None = None,
    ) -> None:
        """Count one loaded batch as the database saw it: what happened to each input that was
        loaded (new, updated, unchanged, duplicate), the inputs that failed, and the quotes and
        events written. Counting the load, not the plan, keeps the summary equal to the
        tables (an article carried by two inputs is one new row, not two)."""
        counts = Counter(statuses.values())
        self.n_new += counts["new"]
        self.n_updated += counts["updated"]
        self.n_unchanged += counts["unchanged"]
        self.n_duplicate += counts["duplicate"]
        self.n_quotes += n_quotes
        self.n_events += n_events
        self.add_failures(failures)
        self.add_stage_seconds(timings or {})

    def add_stage_seconds(self, timings: Mapping[str, float]) -> None:
        for stage, secs in timings.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + secs

    def run_counts(self) -> dict[str, int]:
        """The counts the ``runs`` table keeps for this run (``finish_run``'s keywords)."""
        return {
            "n_new": self.n_new,
            "n_updated": self.n_updated,
            "n_unchanged": self.n_unchanged,
            "n_duplicate": self.n_duplicate,
            "n_failed": self.n_failed,
            "n_quotes": self.n_quotes,
            "n_events": self.n_events,
        }

    @property
    def docs_per_second(self) -> float:
        return self.n_inputs / self.seconds if self.seconds > 0 else 0.0

    def headline(self) -> str:
        not_extracted = (
            f" ({self.n_not_extracted} stored without extraction)" if self.n_not_extracted else ""
        )
        return (
            f"{self.n_inputs} inputs in {self.seconds:.1f} s: {self.n_new} new, "
            f"{self.n_updated} updated, {self.n_unchanged} unchanged, "
            f"{self.n_duplicate} duplicate, {self.n_failed} failed; "
            f"{self.n_quotes} quotes, {self.n_events} events{not_extracted}"
        )

    def to_text(self, max_examples: int = 5) -> str:
        state = "" if self.status == "completed" else f" ({self.status})"
        first = f"newsdb run {self.run_id} -> {printable(self.db_path)}{state}"
        lines = [first, "  " + self.headline()]
        if self.failure_kinds:
            kinds = ", ".join(f"{k} x{n}" for k, n in self.failure_kinds.most_common())
            lines.append(f"  failures by kind: {kinds}")
            for source, message in self.failure_examples[:max_examples]:
                lines.append(f"    - {printable(source)}: {printable(message)}")
            more = self.n_failed - min(max_examples, len(self.failure_examples))
            if more > 0:
                lines.append(f"    ... and {more} more (SELECT * FROM failures)")
        if self.notice_kinds:
            kinds = ", ".join(f"{k} x{n}" for k, n in self.notice_kinds.most_common())
            lines.append(f"  stored without extraction: {kinds}")
            for source, message in self.notice_examples[:max_examples]:
                lines.append(f"    - {printable(source)}: {printable(message)}")
            if self.n_not_extracted > max_examples:
                lines.append(f"    ... and {self.n_not_extracted - max_examples} more")
        if self.links_out:
            lines.append(f"  links followed out of the input folders: {len(self.links_out)}")
            for link, target in self.links_out[:max_examples]:
                lines.append(f"    - {printable(link)} -> {printable(target)}")
            if len(self.links_out) > max_examples:
                lines.append(f"    ... and {len(self.links_out) - max_examples} more")
        return "\n".join(lines)

    def to_markdown(self, max_examples: int = 20) -> str:
        rows = [
            "| new | updated | unchanged | duplicate | failed | quotes | events | seconds |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {self.n_new} | {self.n_updated} | {self.n_unchanged} | {self.n_duplicate} "
            f"| {self.n_failed} | {self.n_quotes} | {self.n_events} | {self.seconds:.1f} |",
        ]
        database = f"Database: `{printable(self.db_path)}`"
        md = [f"# newsdb run `{self.run_id}`", "", database, "", *rows]
        if self.stage_seconds:
            md += ["", "| stage | CPU seconds |", "|---|---:|"]
            md += [f"| {k} | {v:.2f} |" for k, v in sorted(self.stage_seconds.items())]
        if self.failure_examples:
            md += ["", "## Failures", "", "| source | why |", "|---|---|"]
            md += [
                f"| {printable(s)} | {printable(m).replace('|', '/')} |"
                for s, m in self.failure_examples[:max_examples]
            ]
        if self.notice_examples:
            md += ["", "## Stored without extraction", "", "| source | why |", "|---|---|"]
            md += [
                f"| {printable(s)} | {printable(m).replace('|', '/')} |"
                for s, m in self.notice_examples[:max_examples]
            ]
        if self.links_out:
            md += ["", "## Links followed out of the input folders", "", "| link | file |"]
            md += ["|---|---|"]
            md += [f"| {printable(a)} | {printable(b)} |" for a, b in self.links_out[:max_examples]]
        return "\n".join(md)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly: the flow's return value and what `newsdb run --json` prints."""
        return {
            "run_id": self.run_id,
            "db_path": self.db_path,
            "status": self.status,
            "inputs": self.n_inputs,
            "new": self.n_new,
            "updated": self.n_updated,
            "unchanged": self.n_unchanged,
            "duplicate": self.n_duplicate,
            "failed": self.n_failed,
            "not_extracted": self.n_not_extracted,
            "quotes": self.n_quotes,
            "events": self.n_events,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "text": self.to_text(),
        }
