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
from flows.serving import cmd_serve, cmd_server
from flows.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CACHE_DIR,
    DEFAULT_CONFIG,
    DEFAULT_DB,
    DEFAULT_LIMIT_PER_SOURCE,
    DEFAULT_SOURCES,
    configure_prefect_env,
)
from flows.usage import EXIT_OK, EXIT_USAGE, UsageError, ensure_server, precheck_sources, say


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
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")

    query = sub.add_parser("query", help="run SQL against the database")
    query.add_argument("sql", nargs="?", help="SQL text (or use --file)")
    query.add_argument("--file", type=Path, help="a .sql file, e.g. sql/queries/X.sql")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
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


def parallelism(workers: int, dask: str | None) -> int:
    """How many processes will run the CPU stage; usage errors before anything is imported."""
    if dask:
        if dask.startswith("local:"):
            try:
                return int(dask.split(":", 1)[1])
            except ValueError as exc:
                raise UsageError(f"--dask local:N needs a number, got {dask!r}") from exc
        if not dask.startswith(("tcp://", "tls://", "ws://", "wss://")):
            raise UsageError(f"--dask must be tcp://HOST:PORT or local:N, got {dask!r}")
        return 4  # a remote cluster: keep a few batches queued per round trip
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    return workers


def task_runner_for(workers: int, dask: str | None) -> Any:
    """The Prefect task runner for the CPU stage: threads, a process pool, or Dask."""
    n = parallelism(workers, dask)
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if dask:
        from prefect_dask import DaskTaskRunner

        if dask.startswith("local:"):
            return DaskTaskRunner(
                cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True}
            )
        return DaskTaskRunner(address=dask)
    if workers > 1:
        from transforms.batch import warm_up

        return ProcessPoolTaskRunner(max_workers=workers, initializer=warm_up)
    return ThreadPoolTaskRunner(max_workers=1)


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
    sources = list(args.sources or DEFAULT_SOURCES)
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.limit_per_source < 1:
        raise UsageError("--limit-per-source must be at least 1")
    parallel = parallelism(args.workers, args.dask)
    say(f"newsdb: {_count(len(sources), 'source')} -> {args.db}")
    with _run_lock(sources, args.db):
        return _run(args, sources, parallel)


def _run(args: argparse.Namespace, sources: list[str], parallel: int) -> int:
    from connectors.discover import SourceError
    from connectors.duckstore import StoreError

    try:
        if not args.refresh and not args.reprocess:
            idle = _run_if_idle(args, sources)
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
            show_progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (SourceError, StoreError) as exc:
        raise UsageError(str(exc)) from exc
    ui = server.flow_run_url(result["run_id"])
    result["prefect_ui"] = ui
    result["text"] += f"\n  Prefect UI: {ui}"
    return _print_summary(result, args.json)


def _run_if_idle(args: argparse.Namespace, sources: list[str]) -> dict[str, Any] | None:
    from flows.survey import fetch_config, run_if_idle

    summary = run_if_idle(
        sources,
        args.db,
        fetch_config(args.cache_dir, refresh=False, max_cache_age_hours=args.max_cache_age),
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


# --- query ----------------------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    """Read-only, and fast to start: no Prefect, no Polars (``flows/output.py``). During a run
    it waits for the batch being loaded, then sees every batch committed so far."""
    import duckdb

    from connectors.dbfile import READ_WAIT_SECONDS, StoreError, connect
    from flows.output import render

    if args.file is not None:
        if not args.file.is_file():
            raise UsageError(f"no such SQL file: {args.file}")
        sql = args.file.read_text(encoding="utf-8")
    elif args.sql:
        sql = args.sql
    else:
        raise UsageError('give SQL text or --file FILE, e.g. newsdb query "SELECT * FROM runs"')
    if args.db != ":memory:" and not Path(args.db).exists():
        raise UsageError(f"no database at {args.db} (run `newsdb run` first)")
    try:
        con = connect(args.db, read_only=True, wait=READ_WAIT_SECONDS)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc
    try:
        text = render(con, sql, args.format)
    except duckdb.Error as exc:  # DuckDB's own message says what is wrong with the SQL
        raise UsageError(f"query failed: {str(exc).splitlines()[0]}") from exc
    finally:
        con.close()  # before printing: a run waiting to load its next batch goes on at once
    sys.stdout.write(text)
    return EXIT_OK


# --- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from connectors.dbfile import READ_WAIT_SECONDS
    from connectors.duckstore import NewsDB, StoreError
    from connectors.export import export_parquet

    try:
        db = NewsDB.open(args.db, read_only=True, wait=READ_WAIT_SECONDS)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc
    with db:
        written = export_parquet(db, args.parquet)
    for table, n in written.items():
        print(f"{table}: {n} rows")
    print(f"written under {args.parquet}")
    return EXIT_OK


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
        print(f"newsdb: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsdb: interrupted; batches already loaded are kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
