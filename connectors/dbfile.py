"""How several processes share one DuckDB file: one writer per run, readers in between its batches.

DuckDB lets one process hold a file open for writing, and then no other process may open it at
all, not even to read. Holding it for a whole run would lock analysts out for hours, so a run
holds two different things:

* the *run lock*, an ``flock`` on ``<database>.lock`` for the whole run: it keeps two writers
  apart (the second is told which process holds it) and disappears with its process, so a
  crashed run never leaves a stale lock behind;
* the *file* itself only per step (open, one transaction, close), so a reader waits for at most
  the current batch's transaction, never for the run.

Both sides retry opening for a while when the other holds the file. This module imports only
DuckDB and the standard library: ``newsdb query`` uses it and must start fast.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

#: How long ``newsdb query`` waits for a batch's transaction to finish before giving up.
READ_WAIT_SECONDS = 60.0
#: How long a run waits for readers to close the file before a step fails; long, because a
#: failed load costs the batch, and an analyst's query may take a while.
WRITE_WAIT_SECONDS = 300.0
_POLL_FIRST, _POLL_MAX = 0.02, 0.25
_LOCK_CONFLICT = re.compile(r"could not set lock|conflicting lock", re.IGNORECASE)

#: DuckDB settings that confine a connection to its own database file: for SQL someone typed
#: (``newsdb query``), which then cannot read or write other files, install or load extensions,
#: or turn any of that back on (the configuration is locked).
NO_EXTERNAL_ACCESS: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class StoreError(Exception):
    """A database problem a user can act on (locked, unwritable, too new)."""


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait: float = 0.0,
    config: dict[str, Any] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying for up to ``wait`` seconds while another process holds it.

    Raises ``StoreError`` with a one-line explanation: a lock still held after ``wait`` says
    who holds it when DuckDB tells us; a truncated or damaged file says so. ``config`` is
    DuckDB's connection configuration (``NewsDB.open`` uses it to shut external access off).
    """
    p = str(path)
    deadline = time.monotonic() + wait
    delay = _POLL_FIRST
    while True:
        try:
            return duckdb.connect(p, read_only=read_only, config=config or {})
        except duckdb.Error as exc:  # locked, unwritable, truncated or damaged
            if not is_lock_conflict(exc) or time.monotonic() + delay > deadline:
                raise StoreError(explain_open_error(p, exc)) from exc
        time.sleep(delay)
        delay = min(delay * 2, _POLL_MAX)


def is_lock_conflict(exc: BaseException) -> bool:
    """DuckDB's "Could not set lock on file ... Conflicting lock is held" error (and not, say,
    a damaged *block*)."""
    return isinstance(exc, duckdb.IOException) and _LOCK_CONFLICT.search(str(exc)) is not None


def explain_open_error(path: str, exc: BaseException) -> str:
    msg = str(exc)
    first = (msg.strip().splitlines() or [type(exc).__name__])[0]
    if is_lock_conflict(exc):
        holder = re.search(r"\(PID (\d+)\)", msg)
        who = f" (process {holder.group(1)})" if holder else ""
        return (
            f"{path} is locked by another newsdb run or DuckDB session{who}; "
            "wait for it to finish, or use --db to write elsewhere"
        )
    if "permission" in msg.lower() or "read-only" in msg.lower():
        return f"cannot write {path}: permission denied"
    if "corrupt" in msg.lower() or "not a valid duckdb" in msg.lower() or "read enough" in msg:
        return (
            f"{path} is damaged or not a DuckDB file ({first}); "
            "restore a backup or use --db to start a new one"
        )
    return f"cannot open {path}: {first}"


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.lock")


class RunLock:
    """The one-writer-per-database rule across processes: an exclusive ``flock`` held by a run.

    Non-blocking: a second run is refused at once with the holder's process id (written into
    the lock file), rather than queued behind a run that may take hours.

    ``newsdb run`` checks for work before it starts the flow, and the flow runs in the same
    process: it takes the lock with ``shared=True`` around both, so no other run can slip in
    between them, and the flow's own ``RunLock`` joins it. Any other second lock in the
    process is refused like one from another process.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.path = lock_path(db_path)
        self._handle: int | None = None
        self._joined = False

    def acquire(self, *, shared: bool = False) -> None:
        if self.path.name == ":memory:.lock":  # an in-memory database has one process anyway
            return
        key = os.path.abspath(self.path)
        with _SHARED_GUARD:
            if key in _SHARED:
                _SHARED[key] += 1
                self._joined = True
                return
            self._take()
            if shared:
                _SHARED[key] = 1

    def _take(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror}") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", errors="replace").strip()
            os.close(handle)
            who = f" (process {holder})" if holder.isdigit() else ""
            raise StoreError(
                f"{str(self.path).removesuffix('.lock')} is locked by another newsdb run{who}; "
                "wait for it to finish, or use --db to write elsewhere"
            ) from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode("ascii"), 0)
        self._handle = handle

    def release(self) -> None:
        key = os.path.abspath(self.path)
        with _SHARED_GUARD:
            if self._joined:
                _SHARED[key] -= 1
                self._joined = False
                return
            if self._handle is not None:
                _SHARED.pop(key, None)
                with contextlib.suppress(OSError):
                    os.ftruncate(self._handle, 0)
                fcntl.flock(self._handle, fcntl.LOCK_UN)
                os.close(self._handle)
                self._handle = None

    @contextlib.contextmanager
    def held(self, *, shared: bool = False) -> Iterator[RunLock]:
        self.acquire(shared=shared)
        try:
            yield self
        finally:
            self.release()


#: Lock files this process holds with ``shared=True`` -> how many ``RunLock``s joined them.
_SHARED: dict[str, int] = {}
_SHARED_GUARD = threading.Lock()
