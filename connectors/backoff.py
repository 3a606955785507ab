"""How long to wait before trying a request again.

Kept apart from the HTTP code so the arithmetic (and its edge cases: HTTP-date ``Retry-After``
values, clocks in the past, absurd numbers) can be tested without a server.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def backoff_delay(
    attempt: int, *, base: float, cap: float, rng: random.Random | None = None
) -> float:
    """Seconds to sleep after failed attempt number ``attempt`` (0 = the first try).

    Exponential (``base * 2**attempt``, capped) with "equal jitter": half the delay is fixed and
    half random, so a batch of URLs that failed together (one host hiccup) does not retry in
    lock-step, yet every retry still waits at least half the nominal delay.
    """
    nominal = min(cap, base * 2.0**attempt)
    r = (rng or random).random()
    return nominal / 2 + r * nominal / 2


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for, or None if absent or unparseable.

    RFC 9110 allows either delay-seconds (``120``) or an HTTP-date; a date in the past means
    "now" (0 s). Garbage is ignored rather than trusted, so the caller falls back to backoff.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" dates parse naive; HTTP dates are always GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
