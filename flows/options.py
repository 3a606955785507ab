"""The ``newsdb run`` options a user can get wrong, all checked before any work starts.

A bad value found late costs the operator the Prefect start-up (tens of seconds), a database
file created for nothing, a traceback from deep inside the flow, or a hang (a local Dask
cluster of no workers waits forever for one). So the CLI checks every option here first, and
each problem is one line. Nothing heavy is imported: this runs before Prefect is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: Schemes of a Dask scheduler address that ``--dask`` accepts.
DASK_SCHEMES = ("tcp://", "tls://", "ws://", "wss://")


class OptionError(ValueError):
    """One bad option; the message is the line the user reads."""


@dataclass(frozen=True, slots=True)
class DaskTarget:
    """Where ``--dask`` sends the CPU stage: a scheduler address, or a local cluster of N."""

    address: str | None = None
    local_workers: int | None = None


def parse_dask(value: str) -> DaskTarget:
    """``local:N`` (N >= 1) or a scheduler address such as ``tcp://HOST:PORT``."""
    if value.startswith("local:"):
        count = value.split(":", 1)[1]
        if not count.isdigit() or int(count) < 1:
            raise OptionError(
                f"--dask local:N needs a number of workers of at least 1, got {value!r}"
            )
        return DaskTarget(local_workers=int(count))
    if not value.startswith(DASK_SCHEMES) or not value.partition("://")[2].strip("/"):
        raise OptionError(
            f"--dask must be tcp://HOST:PORT (or tls, ws, wss) or local:N, got {value!r}"
        )
    return DaskTarget(address=value)


def check_run_options(
    *,
    batch_size: int,
    workers: int,
    dask: str | None,
    max_cache_age: float | None,
    allow_addresses: Sequence[str],
) -> DaskTarget | None:
    """Raise OptionError for the first bad option; return the parsed ``--dask`` target."""
    if batch_size < 1:
        raise OptionError(f"--batch-size must be at least 1, got {batch_size}")
    if workers < 1:
        raise OptionError(f"--workers must be at least 1, got {workers}")
    if max_cache_age is not None and not (math.isfinite(max_cache_age) and max_cache_age >= 0):
        raise OptionError(f"--max-cache-age must be a number of hours >= 0, got {max_cache_age:g}")
    check_allow_addresses(allow_addresses)
    if dask is None:
        return None
    if workers > 1:
        raise OptionError("--dask and --workers N cannot be combined: Dask has its own workers")
    return parse_dask(dask)


def check_allow_addresses(entries: Sequence[str]) -> None:
    """``--allow-address`` entries must be IP addresses or networks (a host name would be
    resolved once and mean something else later)."""
    from connectors.addresses import parse_networks

    try:
        parse_networks(entries)
    except ValueError as exc:
        raise OptionError(f"--allow-address: {exc}") from exc
