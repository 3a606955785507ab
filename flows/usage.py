"""What every ``newsdb`` command shares: usage errors, progress lines, checks, the server.

Kept apart from ``flows/cli.py`` so the command modules can share it without importing each
other; like them, it imports nothing heavy at module level.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from flows.server import ServerInfo

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad invocation: reported as one line, exit status 2."""


def say(line: str) -> None:
    """A progress line on stderr (stdout stays the summary, or JSON with --json)."""
    print(line, file=sys.stderr, flush=True)


def precheck_sources(sources: Sequence[str]) -> None:
    from connectors.discover import SourceError, discover

    try:
        discover(sources)
    except SourceError as exc:
        raise UsageError(str(exc)) from exc


def ensure_server() -> ServerInfo:
    """The Prefect server this command reports to, started if need be (usage error if not)."""
    from flows import server

    try:
        return server.ensure(on_start=lambda line: say(f"newsdb: {line}"))
    except server.ServerError as exc:
        raise UsageError(str(exc)) from exc
