"""newsdb's managed Prefect server: reused, stopped without leftovers, never fighting for a port.

Starting a real server costs tens of seconds, so only the session's one (conftest.py) is real;
stopping is checked on a stand-in process group, and the port and PREFECT_API_URL rules need no
server at all.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import server
from flows.cli import main
from flows.server import ServerInfo


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder of its own and no PREFECT_API_URL: as on a fresh machine."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    return tmp_path


@pytest.mark.flow
def test_running_server_is_reused_and_reported(
    prefect_server: ServerInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert prefect_server.managed and prefect_server.api_url.startswith("http://127.0.0.1:")
    assert server.healthy(prefect_server.api_url)
    # Another command finds it instead of starting a second one.
    saved = os.environ.pop("PREFECT_API_URL")
    try:
        assert server.start() == prefect_server
        assert main(["server", "status"]) == 0
    finally:
        os.environ["PREFECT_API_URL"] = saved
    out = capsys.readouterr().out
    assert f"UI {prefect_server.ui_url}" in out and f"pid {prefect_server.pid}" in out


def test_taken_port_is_one_clear_line(
    own_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        monkeypatch.setenv("NEWSDB_SERVER_PORT", str(squatter.getsockname()[1]))
        assert main(["server", "start"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is taken by another program" in err and "NEWSDB_SERVER_PORT" in err
    assert not (own_home / "newsdb-server.json").exists()


def test_explicit_api_url_wins(
    own_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # nothing listens there
    with pytest.raises(server.ServerError, match="does not answer"):
        server.ensure()
    assert main(["run", "seeds", "--db", str(own_home / "x.duckdb"), "--reprocess"]) == 2
    assert "PREFECT_API_URL=http://127.0.0.1:9/api does not answer" in capsys.readouterr().err
    assert not (own_home / "newsdb-server.json").exists()  # newsdb started nothing of its own


def test_stop_ends_the_whole_process_group(own_home: Path) -> None:
    """What `newsdb server stop` does to the server's process and everything it started."""
    group = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, time; subprocess.Popen(['sleep', '60']); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert group.stdout is not None and group.stdout.readline().strip() == "ready"
    (own_home / "newsdb-server.json").write_text(
        json.dumps(
            {"pid": group.pid, "api_url": "http://127.0.0.1:9/api", "ui_url": "http://127.0.0.1:9"}
        )
    )
    started = time.monotonic()
    assert server.stop() == group.pid
    assert time.monotonic() - started < server.STOP_TIMEOUT
    group.wait(timeout=5)
    with pytest.raises(ProcessLookupError):
        os.killpg(group.pid, 0)  # the child `sleep` is gone too: nothing orphaned
    assert not (own_home / "newsdb-server.json").exists()
    assert server.stop() is None  # nothing left to stop
