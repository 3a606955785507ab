"""Interrupted runs (issue 13, case 9): a multi-batch ``newsdb run`` killed with SIGKILL, and one
stopped with Ctrl-C (SIGINT to its process group, as a terminal sends it). Either way the next
run finds every committed batch whole, loads the rest once, and the interrupted run is marked:
``interrupted`` by itself after Ctrl-C (exit 130, one line, no traceback), ``crashed`` by the
next run after SIGKILL, with when that was noticed.

The runs are real CLI processes that find this session's Prefect server the way a user's
commands find it: newsdb's managed server, recorded under ``PREFECT_HOME`` (no
``PREFECT_API_URL``). It runs in a session of its own, so neither signal reaches it: after each
stopped run it still answers, with the same process, and nothing the run started (a worker, a
temporary server) outlives it. The articles are short texts written for this test.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows import server
from flows.server import ServerInfo

pytestmark = pytest.mark.flow

ROOT = Path(__file__).resolve().parents[2]
BATCH = 2
N_DOCS = 30

PLACES = ["Arlon", "Bexley", "Corte", "Dinan", "Elgin", "Falun", "Gavle", "Hamar", "Ivrea", "Jesi"]
NAMES = ["Ana Ruiz", "Ben Okafor", "Clara Voss"]


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        place, name = PLACES[i % len(PLACES)], NAMES[i % len(NAMES)]
        (folder / f"{i:03d}.txt").write_text(
            f"Bridge repairs in {place}, part {i}\n\n"
            f"“The bridge in {place} will reopen within {i + 2} weeks,” mayor {name} told "
            f"reporters on Monday, after inspectors found {i + 3} cracked beams.\n\n"
            f"Residents of {place} have driven {i + 10} kilometres around the river since the "
            "spring floods, and shop owners said they had lost half their customers.\n",
            encoding="utf-8",
        )


def _cli(db: Path, folder: Path) -> subprocess.Popen[str]:
    """``newsdb run`` as a user starts it: no PREFECT_API_URL, so it uses the managed server."""
    env = dict(os.environ, PREFECT_LOGGING_LEVEL="INFO")
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(folder), "--db", str(db),
         "--cache-dir", str(db.parent / "raw"), "--batch-size", str(BATCH), "--no-progress"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a job in a terminal
    )  # fmt: skip


def _wait_for_loaded_batch(proc: subprocess.Popen[str]) -> list[str]:
    """Read the run's log until the headline after a batch says documents are loaded."""
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        m = re.search(r"(\d+) new", line)
        if m and int(m.group(1)) >= BATCH:
            return seen
    raise AssertionError("the run ended before loading a batch:\n" + "".join(seen))


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without what differs between runs (ids of runs, load times)."""
    return {
        "documents": _rows(
            db, "SELECT * EXCLUDE (ingested_at, run_id) FROM documents ORDER BY ALL"
        ),
        "quotes": _rows(db, "SELECT * FROM quotes ORDER BY ALL"),
        "events": _rows(db, "SELECT * FROM events ORDER BY ALL"),
        "sources": _rows(db, "SELECT source, doc_id FROM document_sources ORDER BY ALL"),
    }


def _check_committed_batches_whole(db: Path, folder: Path, reference: Path) -> None:
    """What a killed run left: whole batches, in discovery order, each exactly as a clean run
    loads it (the same articles, quotes and events)."""
    stored = [Path(s).name for (s,) in _rows(db, "SELECT source FROM document_sources")]
    names = sorted(p.name for p in folder.iterdir())
    assert stored and len(stored) % BATCH == 0, stored
    assert sorted(stored) == names[: len(stored)]
    assert len(stored) < N_DOCS, "the run finished before it was stopped"
    ref = _content(reference)
    got = _content(db)
    ids = {doc_id for _, doc_id in got["sources"]}
    for table in ("quotes", "events"):
        col = 1  # doc_id is the second column of both
        assert got[table] == [r for r in ref[table] if r[col] in ids], table


def _our_processes() -> set[int]:
    """Processes of this test session's Prefect state (its PREFECT_HOME in their environment):
    the managed server, and anything a CLI run started, whatever its session or group."""
    marker = f"PREFECT_HOME={os.environ['PREFECT_HOME']}".encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone, or a zombie
            continue
        if marker in environ.split(b"\0"):
            found.add(int(entry.name))
    return found


def _server_group(info: ServerInfo) -> set[int]:
    """The managed server's processes: its session (``start_new_session``) is its pid."""
    return {pid for pid in _our_processes() if _session_of(pid) == info.pid}


def _session_of(pid: int) -> int | None:
    try:
        return os.getsid(pid)
    except ProcessLookupError:
        return None


@pytest.fixture
def nothing_left_behind(prefect_server: ServerInfo) -> Iterator[None]:
    """After the test: the managed server survived the signals (same process, still
    answering), and no process a run started is left (no orphaned server or worker)."""
    assert server.status_managed() == prefect_server
    before = _our_processes()
    assert prefect_server.pid in before  # the scan sees what this session started
    yield
    assert server.status_managed() == prefect_server, "the signal reached the Prefect server"
    deadline = time.monotonic() + 10
    while (left := _our_processes() - before - _server_group(prefect_server)) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert not left, {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:200] for pid in left}


@pytest.fixture(scope="module")
def reference(
    prefect_server: ServerInfo, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The articles, and a database a clean, uninterrupted run made of them."""
    root = tmp_path_factory.mktemp("reference")
    folder = root / "in"
    _write_articles(folder)
    db = root / "ref.duckdb"
    proc = _cli(db, folder)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return folder, db


def test_sigkill_keeps_whole_batches_and_the_next_run_marks_the_crash(
    reference: tuple[Path, Path], tmp_path: Path, nothing_left_behind: None
) -> None:
    folder, ref_db = reference
    db = tmp_path / "news.duckdb"
    proc = _cli(db, folder)
    try:
        _wait_for_loaded_batch(proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    assert _rows(db, "SELECT status FROM runs") == [("running",)]
    _check_committed_batches_whole(db, folder, ref_db)

    again = _cli(db, folder)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    runs = _rows(db, "SELECT status, crash_noticed_at IS NOT NULL FROM runs ORDER BY started_at")
    assert runs == [("crashed", True), ("completed", False)]
    assert _content(db) == _content(ref_db)  # the rest loaded once, nothing twice


def test_ctrl_c_stops_at_a_batch_boundary_with_exit_130(
    reference: tuple[Path, Path], tmp_path: Path, nothing_left_behind: None
) -> None:
    folder, ref_db = reference
    db = tmp_path / "news.duckdb"
    proc = _cli(db, folder)
    try:
        _wait_for_loaded_batch(proc)
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.rstrip().splitlines()[-1] == "newsdb: interrupted; batches already loaded are kept"
    assert "interrupted" in out or "new" in out  # the summary of what was loaded

    (run,) = _rows(db, "SELECT status, finished_at IS NOT NULL FROM runs")
    assert run == ("interrupted", True)
    _check_committed_batches_whole(db, folder, ref_db)

    again = _cli(db, folder)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    statuses = _rows(db, "SELECT status FROM runs ORDER BY started_at")
    assert statuses == [("interrupted",), ("completed",)]
    assert _content(db) == _content(ref_db)
