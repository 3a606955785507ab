"""Politeness and fairness for a batch of fetches: per-host limits and a host-aware scheduler.

Two mechanisms, because one is not enough:

* ``HostGates`` is the hard rule, applied around every single request (pages, redirect hops,
  robots.txt): at most N requests in flight per host, and request starts spaced at least
  ``min_interval`` apart. Redirects can land on any host, so only a per-request gate can
  guarantee the limit.
* ``map_by_host`` is the scheduler that keeps the worker pool busy. With a plain thread pool,
  a batch of 300 URLs from one slow site would fill every worker with threads blocked on that
  site's gate while other sites' URLs wait behind them. Submitting work per host, round-robin,
  never more than the host's share at once, keeps the other workers on other hosts.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import httpx

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class _Gate:
    slots: threading.BoundedSemaphore
    interval: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0  # monotonic time before which no new request may start


class HostGates:
    """Per-host concurrency limit plus minimum spacing between request starts."""

    def __init__(
        self,
        concurrency: int,
        min_interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._concurrency = concurrency
        self._min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._gates: dict[str, _Gate] = {}
        self._lock = threading.Lock()

    def _gate(self, host: str) -> _Gate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = _Gate(threading.BoundedSemaphore(self._concurrency), self._min_interval)
                self._gates[host] = gate
            return gate

    def slow_down(self, host: str, interval: float) -> None:
        """Widen a host's spacing (robots.txt ``Crawl-delay``); never narrows it."""
        gate = self._gate(host)
        with gate.lock:
            gate.interval = max(gate.interval, interval)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s request slots for the duration of one request.

        Start times are *reserved* under the lock and slept on outside it, so two threads
        never pick the same instant, and a thread waiting out the delay does not block
        others from reserving later starts.
        """
        gate = self._gate(host)
        gate.slots.acquire()
        try:
            with gate.lock:
                now = self._clock()
                start = max(now, gate.next_start)
                gate.next_start = start + gate.interval
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            gate.slots.release()


def map_by_host(
    items: Sequence[T],
    fn: Callable[[T], R],
    *,
    host_of: Callable[[T], str],
    per_host: int,
    total: int,
    thread_name: str = "newsdb-fetch",
) -> list[R]:
    """``[fn(item) for item in items]`` on a thread pool, at most ``per_host`` per host at once.

    Hosts are served round-robin so one big host cannot starve the rest. ``fn`` should not
    raise: an exception propagates out of the whole batch (the HTTP fetcher wraps its work so
    that per-URL problems come back as values).
    """
    if not items:
        return []
    queues: dict[str, deque[int]] = {}
    for i, item in enumerate(items):
        queues.setdefault(host_of(item), deque()).append(i)

    results: dict[int, R] = {}
    running: dict[Future[R], tuple[int, str]] = {}
    in_flight: Counter[str] = Counter()
    workers = max(1, min(total, len(items)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=thread_name) as pool:
        while queues or running:
            submitted = True
            while submitted and len(running) < workers:
                submitted = False
                for host in list(queues):  # one item per host per pass = round-robin
                    if len(running) >= workers:
                        break
                    if in_flight[host] >= per_host:
                        continue
                    i = queues[host].popleft()
                    if not queues[host]:
                        del queues[host]
                    running[pool.submit(fn, items[i])] = (i, host)
                    in_flight[host] += 1
                    submitted = True
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                i, host = running.pop(fut)
                in_flight[host] -= 1
                results[i] = fut.result()
    return [results[i] for i in range(len(items))]


def host_key(url: str) -> str:
    """The unit of politeness: host and port (``example.com:443``)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url  # the fetcher fails it fast; its own queue keeps it out of real hosts' way
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme, 0)
    return f"{parsed.host}:{port}"
