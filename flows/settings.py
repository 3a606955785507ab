"""Defaults shared by the flows and the CLI, and the Prefect environment they need.

This module must not import Prefect: ``configure_prefect_env`` has to run before Prefect reads
its settings.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB = "data/newsdb.duckdb"
DEFAULT_SOURCES = ("seeds",)
DEFAULT_CACHE_DIR = "data/raw"
DEFAULT_BATCH_SIZE = 100
#: New article URLs taken per feed, sitemap or site and run; a backlog waits for later runs.
DEFAULT_LIMIT_PER_SOURCE = 100
#: What ``newsdb serve`` with no arguments serves (see newsdb.example.toml).
DEFAULT_CONFIG = "newsdb.toml"
#: Networks the fetcher may reach besides public addresses, comma-separated
#: (e.g. "10.0.0.0/8,192.168.1.20"); ``--allow-address`` adds to them.
ALLOW_ADDRESSES_ENV = "NEWSDB_ALLOW_ADDRESSES"


def allowed_addresses_from_env() -> list[str]:
    """The networks named in ``$NEWSDB_ALLOW_ADDRESSES`` (none when unset)."""
    value = os.environ.get(ALLOW_ADDRESSES_ENV, "")
    return [entry.strip() for entry in value.split(",") if entry.strip()]


def configure_prefect_env() -> None:
    """Sensible defaults for Prefect; explicit settings win.

    Prefect keeps its state under PREFECT_HOME (here ``data/.prefect``, so nothing lands in the
    user's home): the local server newsdb starts (``flows/server.py``) keeps its database and
    log there. Prefect must not try its telemetry lookup on a machine without internet, and a
    temporary server (flows called from Python with no server at all) gets time to start.
    """
    os.environ.setdefault("PREFECT_HOME", str(PROJECT_DIR / "data" / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "60")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
