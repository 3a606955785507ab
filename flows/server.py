"""newsdb's own Prefect server: started on first use, kept between commands, stopped on request.

Without a server, every process that runs a flow starts a temporary Prefect server of its own
(tens of seconds per command on a small machine) and throws its history away, and cron schedules
never fire because nothing outlives the command. So ``newsdb run`` and ``newsdb serve`` start one
real server the first time they need it and leave it running for the next command; its state
(the SQLite database behind the UI, a log, a pid file) stays under ``PREFECT_HOME``, which
``flows/settings.py`` points at ``data/.prefect``.

An explicit ``PREFECT_API_URL`` wins: a team's own Prefect server is used as it is and never
started or stopped here. The managed server always listens on 127.0.0.1 (never on a public
address); its port is 4200, or ``NEWSDB_SERVER_PORT``.

This module must stay cheap to import (no Prefect): it runs before the CLI decides whether
Prefect is needed at all.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 4200
#: First start on a busy two-core machine: importing Prefect and migrating its database.
STARTUP_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0


class ServerError(Exception):
    """The server cannot be reached, started or stopped; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    api_url: str
    ui_url: str
    pid: int | None  # None for a server newsdb does not manage (an explicit PREFECT_API_URL)

    @property
    def managed(self) -> bool:
        return self.pid is not None

    def flow_run_url(self, flow_run_id: str) -> str:
        return f"{self.ui_url}/runs/flow-run/{flow_run_id}"


def state_dir() -> Path:
    """Where the managed server keeps its database, log and pid file (``PREFECT_HOME``)."""
    home = os.environ.get("PREFECT_HOME")
    if not home:
        raise ServerError("PREFECT_HOME is not set (flows.settings.configure_prefect_env sets it)")
    return Path(home)


def port() -> int:
    raw = os.environ.get("NEWSDB_SERVER_PORT", str(DEFAULT_PORT))
    try:
        value = int(raw)
    except ValueError:
        raise ServerError(f"NEWSDB_SERVER_PORT must be a port number, got {raw!r}") from None
    if not 0 < value < 65536:
        raise ServerError(f"NEWSDB_SERVER_PORT must be between 1 and 65535, got {value}")
    return value


def managed_urls(server_port: int | None = None) -> tuple[str, str]:
    base = f"http://{HOST}:{server_port or port()}"
    return f"{base}/api", base


def explicit_api_url() -> str | None:
    """The user's own Prefect server, if they named one."""
    return os.environ.get("PREFECT_API_URL") or None


# --- status ---------------------------------------------------------------------------------


def status() -> ServerInfo | None:
    """The server runs and newsdb will use (the explicit one or the managed one), or None."""
    explicit = explicit_api_url()
    if explicit is not None:
        return _explicit_info(explicit) if healthy(explicit) else None
    record = _read_pidfile()
    if record is None:
        return None
    pid, api_url, ui_url = record
    if _alive(pid) and healthy(api_url):
        return ServerInfo(api_url, ui_url, pid)
    return None


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when ``GET {api_url}/health`` answers 200 (Prefect's own liveness endpoint)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return bool(resp.status == 200)
    except (OSError, urllib.error.URLError, ValueError):
        return False


# --- start ----------------------------------------------------------------------------------


def ensure(on_start: Callable[[str], None] | None = None) -> ServerInfo:
    """The server to use, starting the managed one if it is not running yet.

    ``on_start`` is told (one line) when a start begins, so the user knows why they wait.
    Sets ``PREFECT_API_URL`` in this process's environment, which Prefect reads when it is
    imported and which worker processes inherit, so every process reports to this one server.
    """
    explicit = explicit_api_url()
    if explicit is not None:
        if not healthy(explicit, timeout=5.0):
            raise ServerError(
                f"PREFECT_API_URL={explicit} does not answer; start that server, or unset "
                "PREFECT_API_URL to let newsdb run its own on 127.0.0.1"
            )
        return _explicit_info(explicit)
    info = start(on_start)
    os.environ["PREFECT_API_URL"] = info.api_url
    return info


def start(on_start: Callable[[str], None] | None = None) -> ServerInfo:
    """Start the managed server unless it already runs; wait until it answers."""
    home = state_dir()
    home.mkdir(parents=True, exist_ok=True)
    with _start_lock(home):  # two commands starting at once: the second finds the first's
        running = status_managed()
        if running is not None:
            return running
        _remove_pidfile()
        server_port = port()
        api_url, ui_url = managed_urls(server_port)
        if not _port_free(server_port):
            raise ServerError(
                f"{HOST}:{server_port} is taken by another program, so newsdb cannot start its "
                "Prefect server there; stop that program, pick another port with "
                f"NEWSDB_SERVER_PORT, or set PREFECT_API_URL to a Prefect server you run"
            )
        if on_start is not None:
            on_start(f"starting the local Prefect server on {ui_url} (first use; state in {home})")
        proc = _spawn(server_port, api_url, home)
        _write_pidfile(proc.pid, api_url, ui_url, server_port)
        try:
            _wait_healthy(proc, api_url)
        except BaseException:  # a timeout, a crash, or Ctrl-C: leave nothing running behind
            _terminate_group(proc.pid)
            proc.wait()
            _remove_pidfile()
            raise
        return ServerInfo(api_url, ui_url, proc.pid)


def status_managed() -> ServerInfo | None:
    record = _read_pidfile()
    if record is None:
        return None
    pid, api_url, ui_url = record
    return ServerInfo(api_url, ui_url, pid) if _alive(pid) and healthy(api_url) else None


def _spawn(server_port: int, api_url: str, home: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=api_url,  # the server's own services talk to itself, never to another
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_API_URL=api_url,
    )
    log = open(_logfile(home), "ab")  # noqa: SIM115 - handed to the child, closed below
    try:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "prefect",
                "server",
                "start",
                "--host",
                HOST,
                "--port",
                str(server_port),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            # Its own session: Ctrl-C in the terminal that started it does not reach it (it is
            # meant to outlive the command), and `stop` ends the whole group at once.
            start_new_session=True,
        )
    finally:
        log.close()


def _wait_healthy(proc: subprocess.Popen[bytes], api_url: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(
                f"the Prefect server exited while starting ({_last_log_line()}); "
                f"see {_logfile(state_dir())}"
            )
        if healthy(api_url, timeout=1.0):
            return
        time.sleep(0.25)
    raise ServerError(
        f"the Prefect server did not answer within {STARTUP_TIMEOUT:g} s; "
        f"see {_logfile(state_dir())}"
    )


# --- stop -----------------------------------------------------------------------------------


def stop() -> int | None:
    """Stop the managed server and everything it started; the pid it had, or None."""
    record = _read_pidfile()
    if record is None:
        return None
    pid = record[0]
    if _alive(pid):
        _terminate_group(pid)
    _remove_pidfile()
    return pid


def _terminate_group(pid: int) -> None:
    """SIGTERM the server's process group (uvicorn shuts down cleanly), SIGKILL if it lingers."""
    for sig, grace in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            _reap(pid)
            if not _group_alive(pid):
                return
            time.sleep(0.1)


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child (else it stays a zombie)."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- files and helpers ----------------------------------------------------------------------


def _pidfile(home: Path | None = None) -> Path:
    return (home or state_dir()) / "newsdb-server.json"


def _logfile(home: Path) -> Path:
    return home / "newsdb-server.log"


def _write_pidfile(pid: int, api_url: str, ui_url: str, server_port: int) -> None:
    record = {
        "pid": pid,
        "port": server_port,
        "api_url": api_url,
        "ui_url": ui_url,
        "started_at": datetime.now(UTC).isoformat(),
    }
    _pidfile().write_text(json.dumps(record), encoding="utf-8")


def _read_pidfile() -> tuple[int, str, str] | None:
    try:
        record = json.loads(_pidfile().read_text(encoding="utf-8"))
        return int(record["pid"]), str(record["api_url"]), str(record["ui_url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remove_pidfile() -> None:
    with contextlib.suppress(FileNotFoundError):
        _pidfile().unlink()


@contextlib.contextmanager
def _start_lock(home: Path) -> Iterator[None]:
    with open(home / "newsdb-server.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    _reap(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_free(server_port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, server_port))
        except OSError:
            return False
    return True


def _explicit_info(api_url: str) -> ServerInfo:
    base = api_url.rstrip("/")
    return ServerInfo(base, base.removesuffix("/api"), None)


def _last_log_line() -> str:
    try:
        lines = _logfile(state_dir()).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "no log"
    meaningful = [ln.strip() for ln in lines if ln.strip()]
    return meaningful[-1][:200] if meaningful else "empty log"
