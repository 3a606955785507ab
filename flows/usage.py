"""What every ``newsdb`` command shares: usage errors, progress lines, checks, the server.

Kept apart from ``flows/cli.py`` so the command modules can share it without importing each
other; like them, it imports nothing heavy at module level.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from flows.server import ServerInfo
from flows.settings import ALLOW_ADDRESSES_ENV, allowed_addresses_from_env

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """Bad invocation: reported as one line, exit status 2."""


def say(line: str) -> None:
    """A progress line on stderr (stdout stays the summary, or JSON with --json)."""
    print(line, file=sys.stderr, flush=True)


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (DuckDB's go on for several)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def public_sources(sources: Sequence[str]) -> list[str]:
    """Sources without URL credentials: they become flow parameters, which Prefect stores,
    and rows of ``runs``."""
    from connectors.discover import public_source

    return [public_source(s) for s in sources]


def add_allow_address(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-address",
        action="append",
        default=[],
        metavar="CIDR",
        help="let the fetcher reach this private/loopback address or network (repeatable; "
        f"also ${ALLOW_ADDRESSES_ENV}, comma-separated); public addresses need no listing",
    )


def allowed_addresses(args: argparse.Namespace) -> list[str]:
    """``$NEWSDB_ALLOW_ADDRESSES`` plus the ``--allow-address`` flags, checked now so a typo
    is a usage error."""
    from flows.options import OptionError, check_allow_addresses

    entries = [*allowed_addresses_from_env(), *args.allow_address]
    try:
        check_allow_addresses(entries)
    except OptionError as exc:
        raise UsageError(str(exc)) from exc
    return entries


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
