"""Ctrl-C during a run: stop at the next batch boundary and keep everything already loaded.

A run loads one batch per transaction, so the moment between two batches is a clean place to
stop. The first Ctrl-C (SIGINT) asks the flow to stop there: it loads the batches already being
processed, marks its run ``interrupted`` and returns, and the CLI exits with status 130 and one
line. A second Ctrl-C stops at once (``KeyboardInterrupt``): the batch being loaded rolls back
and everything before it stays.

A terminal sends Ctrl-C to its whole process group, local pool workers included; they ignore it
(``init_worker``) and leave the decision to the flow, instead of dying mid-batch.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: What the CLI prints when a run stopped early (README, "Using it").
INTERRUPTED_LINE = "newsdb: interrupted; batches already loaded are kept"


@contextmanager
def stop_requests() -> Iterator[threading.Event]:
    """An event set by the first Ctrl-C while the block runs; the second one interrupts.

    Signals reach only the main thread, so elsewhere (a flow run by a worker) nothing is
    installed and the event is never set.
    """
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print(
            "newsdb: stopping after the current batch (Ctrl-C again to stop now)",
            file=sys.stderr,
            flush=True,
        )

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def init_worker() -> None:
    """Start a local pool worker: deaf to Ctrl-C (the flow decides), model loaded."""
    from transforms.batch import warm_up

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
