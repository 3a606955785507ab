"""The analyst's commands of ``newsdb``: ``report``, ``shell`` and ``codebook``.

Kept apart from ``flows/cli.py`` (which registers them with :func:`add_commands`) so the CLI
module stays about running the pipeline. None of these starts Prefect.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from flows.settings import DEFAULT_DB, PROJECT_DIR

DEFAULT_REPORT_DIR = "data/report"
CODEBOOK = PROJECT_DIR / "docs" / "codebook.md"


class AnalystUsageError(Exception):
    """Bad invocation; ``flows/cli.py`` reports it like its own usage errors (exit 2)."""


def add_commands(sub: Any) -> None:
    """Add ``report``, ``shell`` and ``codebook`` to the ``newsdb`` sub-parsers."""
    report = sub.add_parser("report", help="write a static HTML report (opens from disk)")
    report.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default: {DEFAULT_DB})")
    report.add_argument(
        "--out", type=Path, default=Path(DEFAULT_REPORT_DIR), help="report folder (replaced)"
    )
    report.add_argument("--since", help="only events and articles from DATE (YYYY-MM-DD) on")
    report.add_argument("--country", help="only events involving this ISO alpha-3 country")
    report.add_argument("--speaker", help="only this speaker's quotes and events (part of a name)")

    shell = sub.add_parser("shell", help="interactive SQL prompt on the database")
    shell.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default: {DEFAULT_DB})")
    shell.add_argument("--write", action="store_true", help="open read-write (default read-only)")

    codebook = sub.add_parser("codebook", help="write docs/codebook.md from the schema's comments")
    codebook.add_argument("--out", type=Path, default=CODEBOOK, help=f"default: {CODEBOOK}")
    codebook.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs from what would be written"
    )


# --- report -----------------------------------------------------------------------------------


def report_filters(args: argparse.Namespace) -> Any:
    from transforms.report.model import ReportFilters

    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError as exc:
            raise AnalystUsageError(
                f"--since wants a date as YYYY-MM-DD, got {args.since!r}"
            ) from exc
    country = None
    if args.country:
        country = args.country.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", country):
            raise AnalystUsageError(
                f"--country wants an ISO alpha-3 code such as SYR or USA, got {args.country!r}"
            )
    speaker = args.speaker.strip() if args.speaker and args.speaker.strip() else None
    return ReportFilters(since=since, country=country, speaker=speaker)


def _open_current(path: str) -> Any:
    """The database read-only, or migrated first when an older newsdb wrote it. During a run,
    like ``newsdb query``, it waits for the batch being loaded (``connectors/dbfile.py``)."""
    from connectors.dbfile import READ_WAIT_SECONDS
    from connectors.duckstore import SCHEMA_VERSION, NewsDB, StoreError

    try:
        db = NewsDB.open(path, read_only=True, wait=READ_WAIT_SECONDS)
        if db.schema_version() < SCHEMA_VERSION:
            db.close()
            NewsDB.open(path).close()  # migrates, like the next `newsdb run` would
            db = NewsDB.open(path, read_only=True, wait=READ_WAIT_SECONDS)
    except StoreError as exc:
        raise AnalystUsageError(str(exc)) from exc
    return db


def cmd_report(args: argparse.Namespace) -> int:
    from connectors.reportdb import read_report
    from connectors.sitefiles import SiteError, write_site
    from transforms.report.site import build_site

    filters = report_filters(args)
    with _open_current(args.db) as db:
        data = read_report(db, filters)
    files = build_site(data)
    try:
        index = write_site(files, args.out)
    except SiteError as exc:
        raise AnalystUsageError(str(exc)) from exc
    print(
        f"{data.events.height} events, {data.quotes.height} quotes, {data.people.height} "
        f"speakers, {data.documents.height} articles"
        + (f" ({', '.join(filters.describe())})" if filters.describe() else "")
    )
    print(f"open {index.as_uri()}")
    return 0


# --- shell ------------------------------------------------------------------------------------


def cmd_shell(args: argparse.Namespace) -> int:
    from connectors.duckstore import NewsDB, StoreError
    from flows.shell import Shell

    try:
        db = NewsDB.open(args.db) if args.write else _open_current(args.db)
    except StoreError as exc:
        raise AnalystUsageError(str(exc)) from exc
    with db:
        return Shell(db).run(interactive=sys.stdin.isatty())


# --- codebook ---------------------------------------------------------------------------------


def codebook_text() -> str:
    from connectors.catalog import fresh_schema, schema_docs
    from transforms.codebook import code_lists, render

    with fresh_schema() as db:
        return render(schema_docs(db), code_lists())


def cmd_codebook(args: argparse.Namespace) -> int:
    text = codebook_text()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out} is stale: run `newsdb codebook`", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"written {args.out}")
    return 0


COMMANDS = {"report": cmd_report, "shell": cmd_shell, "codebook": cmd_codebook}
