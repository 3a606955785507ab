"""``newsdb``: run the ingest flow, query the database, serve a schedule, export Parquet.

Usage errors (a missing path, an unwritable or locked database) exit with status 2 and one clear
line, before Prefect starts; a run that completes exits 0 even when some documents failed (they
are in the ``failures`` table and in the summary).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flows import analyst
from flows.interrupt import INTERRUPTED_LINE, init_worker
from flows.options import (
    DaskTarget,
    OptionError,
    check_allow_addresses,
    check_run_options,
    parse_dask,
)
from flows.settings import (
    ALLOW_ADDRESSES_ENV,
    DEFAULT_BATCH_SIZE,
    DEFAULT_CACHE_DIR,
    DEFAULT_DB,
    DEFAULT_SOURCES,
    allowed_addresses_from_env,
    configure_prefect_env,
)
from transforms.safety import printable

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """Bad invocation: reported as one line, exit status 2."""


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default: {DEFAULT_DB})")


def _add_allow_address(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-address",
        action="append",
        default=[],
        metavar="CIDR",
        help="let the fetcher reach this private/loopback address or network (repeatable; "
        f"also ${ALLOW_ADDRESSES_ENV}, comma-separated); public addresses need no listing",
    )


def _allowed_addresses(args: argparse.Namespace) -> list[str]:
    """The env setting plus the flags, checked now so a typo is a usage error."""
    entries = [*allowed_addresses_from_env(), *args.allow_address]
    try:
        check_allow_addresses(entries)
    except OptionError as exc:
        raise UsageError(str(exc)) from exc
    return entries


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdb", description="News articles -> events and quotes in DuckDB."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="ingest files, folders, URLs or @lists")
    run.add_argument(
        "sources",
        nargs="*",
        help="file (.txt .md .html .htm .html.gz), folder, http(s) URL, or @FILE of them "
        "(default: seeds/)",
    )
    _add_db(run)
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
    _add_allow_address(run)
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

    serve = sub.add_parser("serve", help="run ingest on a cron schedule (needs a Prefect server)")
    serve.add_argument("sources", nargs="*")
    serve.add_argument("--cron", required=True, help='cron expression, e.g. "0 * * * *"')
    serve.add_argument("--name", default="newsdb-scheduled")
    _add_allow_address(serve)
    _add_db(serve)

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
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers, initializer=init_worker)
    return ThreadPoolTaskRunner(max_workers=1)


@contextmanager
def shared_api_server(parallel: bool) -> Iterator[None]:
    """One temporary Prefect server for the flow *and* its worker processes.

    With no PREFECT_API_URL, every process that runs a Prefect task starts its own temporary
    server (about 10 s of CPU each); spawned pool or Dask workers would each do so. Starting it
    once here and handing its URL down, through the settings context and the environment that
    workers inherit, lets them all report to the same one.
    """
    if not parallel or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(
        timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 60))
    )
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _precheck_run(sources: Sequence[str], db: str) -> None:
    """Fail fast on usage errors, before the few seconds Prefect needs to start."""
    from connectors.discover import SourceError, discover
    from connectors.duckstore import NewsDB, StoreError

    try:
        discover(sources)
    except SourceError as exc:
        raise UsageError(str(exc)) from exc
    try:
        NewsDB.open(db).close()
    except StoreError as exc:
        raise UsageError(str(exc)) from exc


def _sources(args: argparse.Namespace) -> list[str]:
    """The sources to ingest, without URL credentials: they become flow parameters, which
    Prefect stores, and rows of ``runs``."""
    from connectors.discover import public_source

    return [public_source(s) for s in args.sources or DEFAULT_SOURCES]


def cmd_run(args: argparse.Namespace) -> int:
    sources = _sources(args)
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
    _precheck_run(sources, args.db)
    runner = task_runner_for(args.workers, args.dask)
    import duckdb

    from connectors.discover import SourceError
    from connectors.duckstore import StoreError

    parallel = args.workers if dask is None else _dask_parallelism(dask)
    try:
        with shared_api_server(parallel=args.workers > 1 or bool(args.dask)):
            result = run_ingest(
                runner,
                sources=sources,
                db_path=args.db,
                refresh=args.refresh,
                reprocess=args.reprocess,
                fetch_originals=args.fetch_originals,
                batch_size=args.batch_size,
                cache_dir=args.cache_dir,
                max_cache_age_hours=args.max_cache_age,
                max_in_flight=in_flight_for(parallel),
                allow_addresses=allow_addresses,
                show_progress=not args.no_progress and sys.stderr.isatty(),
            )
    except (SourceError, StoreError) as exc:
        raise UsageError(str(exc)) from exc
    except duckdb.Error as exc:  # the file was damaged under a running flow
        raise UsageError(
            f"{args.db} failed during the run ({_first_line(exc)}); batches loaded before are "
            "kept, see `newsdb query` or restore a backup"
        ) from exc
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "text"}, indent=2))
    else:
        print(result["text"])
    if result.get("status") == "interrupted":
        print(INTERRUPTED_LINE, file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


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


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# --- query ----------------------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    import polars as pl

    from connectors.duckstore import NewsDB, StoreError

    if args.file is not None:
        if not args.file.is_file():
            raise UsageError(f"no such SQL file: {args.file}")
        sql = args.file.read_text(encoding="utf-8")
    elif args.sql:
        sql = args.sql
    else:
        raise UsageError('give SQL text or --file FILE, e.g. newsdb query "SELECT * FROM runs"')
    try:
        db = NewsDB.open(args.db, read_only=True, external_access=args.allow_external)
    except StoreError as exc:
        raise UsageError(str(exc)) from exc
    with db:
        try:
            frame = db.query(sql)
        except Exception as exc:  # DuckDB's own message says what is wrong with the SQL
            hint = ""
            if not args.allow_external and _needs_external_access(exc):
                hint = (
                    " (files, extensions and settings are off limits; --allow-external lifts that)"
                )
            raise UsageError(f"query on {args.db} failed: {_first_line(exc)}{hint}") from exc
    if args.format == "csv":
        sys.stdout.write(_flat(frame).write_csv())
    elif args.format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        with pl.Config(tbl_rows=200, tbl_cols=-1, fmt_str_lengths=120, tbl_width_chars=200):
            print(frame)
    return EXIT_OK


def _needs_external_access(exc: Exception) -> bool:
    """True when DuckDB refused a query for what the sandbox of ``newsdb query`` forbids."""
    import duckdb

    return isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in str(
        exc
    )


def _flat(frame: Any) -> Any:
    """``frame`` with list and struct columns as JSON text, which CSV can hold."""
    import json as _json

    import polars as pl

    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(
            name,
            [None if v is None else _json.dumps(v, default=str) for v in frame[name].to_list()],
            dtype=pl.String(),
        )
        for name in nested
    )


# --- serve ----------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    if not os.environ.get("PREFECT_API_URL"):
        raise UsageError(
            "scheduled runs need a Prefect server: start one with `prefect server start` and "
            "set PREFECT_API_URL=http://127.0.0.1:4200/api (see README, Scheduling)"
        )
    sources = _sources(args)
    allow_addresses = _allowed_addresses(args)
    _precheck_run(sources, args.db)
    from flows.ingest import ingest

    ingest.serve(
        name=args.name,
        cron=args.cron,
        parameters={"sources": sources, "db_path": args.db, "allow_addresses": allow_addresses},
    )
    return EXIT_OK


# --- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    import duckdb

    from connectors.duckstore import NewsDB, StoreError
    from connectors.export import ExportError, check_target, export_parquet

    try:
        check_target(args.parquet)
        db = NewsDB.open(args.db, read_only=True)
    except (ExportError, StoreError) as exc:
        raise UsageError(str(exc)) from exc
    with db:
        try:
            written = export_parquet(db, args.parquet)
        except duckdb.Error as exc:
            raise UsageError(f"exporting {args.db} failed: {_first_line(exc)}") from exc
    for table, n in written.items():
        print(f"{table}: {n} rows")
    print(f"written under {args.parquet}")
    return EXIT_OK


COMMANDS = {
    "run": cmd_run,
    "query": cmd_query,
    "serve": cmd_serve,
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
