"""Test-wide settings: Prefect state in a temp folder, one real Prefect server per session.

Prefect reads its settings at import, so the environment is set here before any test module
imports it. Only tests that run flows ask for ``prefect_server`` (or ``prefect_harness``, the
same thing); transform tests never start Prefect at all.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from flows.server import ServerInfo


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_PREFECT_HOME = tempfile.mkdtemp(prefix="newsdb-test-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "60"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)
# newsdb's managed server, when a test starts one, never takes the real 4200.
os.environ["NEWSDB_SERVER_PORT"] = str(free_port())
# Scheduled runs within seconds of being due: the server's scheduler looks every 5 s (default
# 60), and served deployments poll for due runs every 2 s (default 10).
os.environ["PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS"] = "5"
os.environ["PREFECT_RUNNER_POLL_FREQUENCY"] = "2"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[ServerInfo]:
    """newsdb's own managed Prefect server (``flows/server.py``), started once per session on
    127.0.0.1 with its state in the session's temp folder, and stopped at the end.

    Flows run in this process, the CLI, served deployments and workers in subprocesses all
    report to it: ``PREFECT_API_URL`` is set in the environment they inherit and in Prefect's
    settings here (Prefect may already be imported)."""
    from flows import server

    info = server.start()
    os.environ["PREFECT_API_URL"] = info.api_url
    try:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: info.api_url}):
            yield info
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


@pytest.fixture(scope="session")
def prefect_harness(prefect_server: ServerInfo) -> Iterator[None]:
    """What flow tests ask for: the session's one Prefect server."""
    yield


@pytest.fixture(scope="session", autouse=True)
def no_server_left_behind() -> Iterator[None]:
    """Whatever starts newsdb's managed server in this session's PREFECT_HOME (the fixture
    above, or a command under test), it is stopped when the session ends: tests leave no
    server running."""
    yield
    from flows import server

    server.stop()
