"""``newsdb``: run the ingest flow, query the database, serve schedules, manage the Prefect server.

Usage errors (a missing path, an unwritable or locked database, a taken port) exit with status 2
and one clear line, before Prefect starts; a run that completes exits 0 even when some documents
failed (they are in the ``failures`` table and in the summary).

Prefect is imported only when there is work for it: ``newsdb run`` first checks, without it,
whether any input needs processing (``flows/survey.py``), and ``newsdb query`` never needs it.
Runs and schedules report to one long-lived local Prefect server (``flows/server.py``) unless
``PREFECT_API_URL`` names another.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flows import analyst
from flows.interrupt import INTERRUPTED_LINE, init_worker
from flows.memory import large_blocks_mapped
from flows.options import DaskTarget, OptionError, check_run_options, parse_dask
from flows.reading import cmd_export, cmd_query
from flows.serving import cmd_serve, cmd_server
from flows.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CACHE_DIR,
    DEFAULT_CONFIG,
    DEFAULT_DB,
    DEFAULT_LIMIT_PER_SOURCE,
    DEFAULT_SOURCES,
    allowed_addresses_from_env,
    configure_prefect_env,
)
from flows.usage import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_allow_address,
    ensure_server,
    first_line,
    precheck_sources,
    public_sources,
    say,
)
from transforms.safety import printable


def _add_db(p: argparse.ArgumentParser, default: str | None = DEFAULT_DB) -> None:
    p.add_argument("--db", default=default, help=f"DuckDB file (default: {DEFAULT_DB})")


def _add_limit(p: argparse.ArgumentParser, default: int | None) -> None:
    p.add_argument(
        "--limit-per-source",
        type=int,
        default=default,
        metavar="N",
        help="new articles taken per feed:, sitemap: or site: source and run "
        f"(default {DEFAULT_LIMIT_PER_SOURCE})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdb", description="News articles -> events and quotes in DuckDB."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="ingest files, folders, URLs or @lists")
    run.add_argument(
        "sources",
        nargs="*",
        help="file (.txt .md .html .htm .html.gz), folder, http(s) URL, feed:URL, "
        "sitemap:URL, site:URL, or @FILE of them (default: seeds/)",
    )
    _add_db(run)
    _add_limit(run, DEFAULT_LIMIT_PER_SOURCE)
    run.add_argument("--refresh", action="store_true", help="refetch URLs even when cached")
    run.add_argument(
        "--reprocess", action="store_true", help="re-extract inputs whose bytes are unchanged"
    )
    run.add_argument(
        "--fetch-originals",
        action="store_true",
        help="fetch the live page of seed files that name their original URL (local text is "
        "the fallback)",
    )
    run.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    run.add_argument("--cache-dir", default=DEFAULT_CACHE_DIR, help="raw page cache folder")
    run.add_argument(
        "--max-cache-age", type=float, default=None, metavar="HOURS", help="refetch older pages"
    )
    run.add_argument(
        "--workers", type=int, default=1, help="processes for the CPU stages (default 1)"
    )
    run.add_argument(
        "--dask",
        default=None,
        metavar="ADDRESS",
        help="run the CPU stages on Dask: tcp://HOST:PORT, or local:N for a local cluster",
    )
    add_allow_address(run)
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")

    query = sub.add_parser("query", help="run SQL against the database")
    query.add_argument("sql", nargs="?", help="SQL text (or use --file)")
    query.add_argument("--file", type=Path, help="a .sql file, e.g. sql/queries/X.sql")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument(
        "--allow-external",
        action="store_true",
        help="let the SQL read or write other files and load extensions (off by default)",
    )
    _add_db(query)

    serve = sub.add_parser(
        "serve", help="run ingest on schedules: newsdb.toml's, or --cron over SOURCES"
    )
    serve.add_argument("sources", nargs="*", help="sources for one --cron schedule")
    serve.add_argument("--cron", help='cron expression for SOURCES, e.g. "0 * * * *"')
    serve.add_argument("--name", default="newsdb-scheduled", help="deployment name with --cron")
    serve.add_argument(
        "--config",
        type=Path,
        default=Path(DEFAULT_CONFIG),
        help=f"schedules file when no SOURCES are given (default: ./{DEFAULT_CONFIG})",
    )
    _add_db(serve, default=None)
    _add_limit(serve, None)
    add_allow_address(serve)

    server = sub.add_parser(
        "server", help="the local Prefect server runs and schedules report to (127.0.0.1)"
    )
    server.add_argument("action", choices=("start", "stop", "status"))

    export = sub.add_parser("export", help="export tables to Parquet, partitioned by date")
    export.add_argument("--parquet", type=Path, required=True, metavar="DIR")
    _add_db(export)
    analyst.add_commands(sub)  # report, shell, codebook
    return parser


# --- run ------------------------------------------------------------------------------------


def task_runner_for(workers: int, dask: str | None) -> Any:
    """The Prefect task runner for the CPU stage: threads, a process pool, or Dask."""
    try:
        target = parse_dask(dask) if dask else None
    except OptionError as exc:
        raise UsageError(str(exc)) from exc
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if target is None and workers == 1:
        return ThreadPoolTaskRunner(max_workers=1)
    large_blocks_mapped()  # this process now only moves and loads batches (flows/memory.py)
    if target is not None:
        from prefect_dask import DaskTaskRunner

        if target.local_workers is not None:
            return DaskTaskRunner(
                cluster_kwargs={
                    "n_workers": target.local_workers,
                    "threads_per_worker": 1,
                    "processes": True,
                }
            )
        return DaskTaskRunner(address=target.address)
    return ProcessPoolTaskRunner(max_workers=workers, initializer=init_worker)


@contextmanager
def _run_lock(sources: Sequence[str], db: str) -> Iterator[None]:
    """Fail fast on usage errors (sources that cannot be used, a database another run holds or
    that cannot be written; a reader between two batches of another run is waited for), then
    hold the run lock from the check for work to the end of the flow, which joins it."""
    from connectors.dbfile import RunLock, StoreError
    from connectors.duckstore import NewsDB

    precheck_sources(sources)
    lock = RunLock(db)
    try:
        lock.acquire(shared=True)
        NewsDB.open(db, wait=3.0).close()
    except StoreError as exc:
        lock.release()
        raise UsageError(str(exc)) from exc
    try:
        yield
    finally:
        lock.release()


def cmd_run(args: argparse.Namespace) -> int:
    """Every option is checked before anything is imported or created (``flows/options.py``);
    then, holding the run lock, a run with nothing to process is recorded without Prefect,
    and any other run is the ingest flow, reporting to the Prefect server."""
    sources = public_sources(args.sources or DEFAULT_SOURCES)
    allow_addresses = [*allowed_addresses_from_env(), *args.allow_address]
    try:
        dask = check_run_options(
            batch_size=args.batch_size,
            workers=args.workers,
            dask=args.dask,
            max_cache_age=args.max_cache_age,
            allow_addresses=allow_addresses,
        )
    except OptionError as exc:
        raise UsageError(str(exc)) from exc
    if args.limit_per_source < 1:
        raise UsageError(f"--limit-per-source must be at least 1, got {args.limit_per_source}")
    parallel = args.workers if dask is None else _dask_parallelism(dask)
    with _run_lock(sources, args.db):
        # The first line once the sources and the database check out: a usage error stays
        # the only line, and a run says at once what it is doing.
        say(f"newsdb: {_count(len(sources), 'source')} -> {printable(args.db)}")
        return _run(args, sources, allow_addresses, parallel)


def _run(
    args: argparse.Namespace, sources: list[str], allow_addresses: list[str], parallel: int
) -> int:
    import duckdb

    from connectors.dbfile import StoreError
    from connectors.discover import SourceError

    try:
        if not args.refresh and not args.reprocess:
            idle = _run_if_idle(args, sources, allow_addresses)
            if idle is not None:
                say("newsdb: nothing new to process (Prefect not started)")
                return _print_summary(idle, args.json)
        server = ensure_server()
        say(f"newsdb: processing; Prefect UI at {server.ui_url}")
        result = run_ingest(
            task_runner_for(args.workers, args.dask),
            sources=sources,
            db_path=args.db,
            refresh=args.refresh,
            reprocess=args.reprocess,
            fetch_originals=args.fetch_originals,
            batch_size=args.batch_size,
            cache_dir=args.cache_dir,
            max_cache_age_hours=args.max_cache_age,
            max_in_flight=in_flight_for(parallel),
            limit_per_source=args.limit_per_source,
            allow_addresses=allow_addresses,
            show_progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (SourceError, StoreError) as exc:
        raise UsageError(str(exc)) from exc
    except duckdb.Error as exc:  # the file was damaged under a running flow
        raise UsageError(
            f"{args.db} failed during the run ({first_line(exc)}); batches loaded before are "
            "kept, see `newsdb query` or restore a backup"
        ) from exc
    ui = server.flow_run_url(result["run_id"])
    result["prefect_ui"] = ui
    result["text"] += f"\n  Prefect UI: {ui}"
    return _print_summary(result, args.json)


def _run_if_idle(
    args: argparse.Namespace, sources: list[str], allow_addresses: list[str]
) -> dict[str, Any] | None:
    from flows.survey import fetch_config, run_if_idle

    config = fetch_config(
        args.cache_dir,
        refresh=False,
        max_cache_age_hours=args.max_cache_age,
        allow_addresses=allow_addresses,
    )
    summary = run_if_idle(
        sources,
        args.db,
        config,
        fetch_originals=args.fetch_originals,
        batch_size=args.batch_size,
        limit_per_source=args.limit_per_source,
    )
    return None if summary is None else summary.to_dict()


def _print_summary(result: dict[str, Any], as_json: bool) -> int:
    if as_json:
        print(json.dumps({k: v for k, v in result.items() if k != "text"}, indent=2))
    else:
        print(result["text"])
    if result.get("status") == "interrupted":
        print(INTERRUPTED_LINE, file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def run_ingest(runner: Any, **params: Any) -> dict[str, Any]:
    """The ingest flow on ``runner``, imported late so usage errors never wait for Prefect."""
    from flows.ingest import ingest

    summary: dict[str, Any] = ingest.with_options(task_runner=runner)(**params)
    return summary


def in_flight_for(parallel: int) -> int:
    """How many batches to keep submitted: one at a time in a single process (a second one
    would only compete for the GIL), two per worker otherwise, so no worker waits while
    results are loaded in order."""
    return 1 if parallel <= 1 else 2 * parallel


def _dask_parallelism(dask: DaskTarget) -> int:
    if dask.local_workers is not None:
        return dask.local_workers
    return 4  # a remote cluster: keep a few batches queued per round trip


COMMANDS = {
    "run": cmd_run,
    "query": cmd_query,
    "serve": cmd_serve,
    "server": cmd_server,
    "export": cmd_export,
    **analyst.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    configure_prefect_env()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (UsageError, analyst.AnalystUsageError) as exc:
        print(f"newsdb: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(INTERRUPTED_LINE, file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
