"""``newsdb serve`` and ``newsdb server``: schedules, and the Prefect server they report to."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from flows.settings import DEFAULT_DB, DEFAULT_LIMIT_PER_SOURCE, DEFAULT_SOURCES
from flows.usage import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    allowed_addresses,
    ensure_server,
    precheck_sources,
    public_sources,
    say,
)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve newsdb.toml's schedules, or one ``--cron`` schedule over SOURCES, until Ctrl-C."""
    from flows.config import ConfigError, Schedule, load

    if args.limit_per_source is not None and args.limit_per_source < 1:
        raise UsageError(f"--limit-per-source must be at least 1, got {args.limit_per_source}")
    allow = allowed_addresses(args)  # $NEWSDB_ALLOW_ADDRESSES and --allow-address
    if args.sources or args.cron:
        if not args.cron:
            raise UsageError('give --cron "MIN HOUR DOM MON DOW" with SOURCES, e.g. "0 * * * *"')
        schedules = [
            Schedule(
                name=args.name,
                cron=args.cron,
                timezone="UTC",
                sources=tuple(args.sources or DEFAULT_SOURCES),
                db_path=args.db or DEFAULT_DB,
                limit_per_source=args.limit_per_source or DEFAULT_LIMIT_PER_SOURCE,
                allow_addresses=tuple(allow),
            )
        ]
    else:
        try:
            schedules = load(args.config)
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        overrides: dict[str, Any] = {}
        if args.db:
            overrides["db_path"] = args.db
        if args.limit_per_source:
            overrides["limit_per_source"] = args.limit_per_source
        schedules = [
            replace(s, allow_addresses=(*s.allow_addresses, *allow), **overrides) for s in schedules
        ]
    # Deployment parameters are stored by Prefect: no URL credentials in them.
    schedules = [replace(s, sources=tuple(public_sources(s.sources))) for s in schedules]
    for schedule in schedules:
        precheck_sources(schedule.sources)
    server = ensure_server()
    names = ", ".join(f"ingest/{s.name} ({s.cron})" for s in schedules)
    say(f"newsdb: serving {names}; Prefect UI at {server.ui_url}; Ctrl-C stops")
    serve_schedules(schedules)
    return EXIT_OK


def serve_schedules(schedules: Sequence[Any]) -> None:
    """One deployment per schedule, served by this process (Prefect's ``serve``)."""
    from prefect import serve
    from prefect.deployments.runner import RunnerDeployment
    from prefect.schedules import Cron

    from flows.ingest import ingest

    deployments: list[RunnerDeployment] = [
        ingest.to_deployment(  # type: ignore[misc]  # sync here; typed as maybe-async
            name=s.name,
            schedules=[Cron(s.cron, timezone=s.timezone)],
            parameters=s.parameters(),
            description=f"newsdb: {', '.join(s.sources)} -> {s.db_path}",
        )
        for s in schedules
    ]
    serve(*deployments, print_starting_message=False)


def cmd_server(args: argparse.Namespace) -> int:
    from flows import server

    explicit = server.explicit_api_url()
    if args.action == "stop":
        pid = server.stop()
        print("newsdb's Prefect server: " + ("not running" if pid is None else f"stopped ({pid})"))
        return EXIT_OK
    if args.action == "start":
        info = ensure_server()
    else:
        found = server.status()
        if found is None:
            where = explicit or server.managed_urls()[0]
            print(f"no Prefect server answers at {where}")
            return EXIT_ERROR
        info = found
    if info.managed:
        print(
            f"newsdb's Prefect server: UI {info.ui_url}, API {info.api_url}, pid {info.pid}, "
            f"state in {server.state_dir()}"
        )
    else:
        print(f"Prefect server from PREFECT_API_URL: {info.api_url} (newsdb does not manage it)")
    return EXIT_OK
