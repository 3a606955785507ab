"""Every knob of the fetcher, in one frozen value the flow builds and passes down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from connectors.addresses import parse_networks
from transforms.run.version import NEWSDB_VERSION

DEFAULT_USER_AGENT = f"newsdb/{NEWSDB_VERSION} (+https://github.com/newsdb/newsdb)"

#: Media types the cleaning stage can turn into text. Anything else is refused unread.
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})


@dataclass(frozen=True)
class FetchConfig:
    """Every knob of the fetcher. Defaults are polite for production; tests set them small.

    Times are in seconds. ``max_retries`` counts retries, so a URL gets ``max_retries + 1``
    attempts at most. ``cache_dir=None`` disables the on-disk cache entirely.
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 5.0
    read_timeout: float = 20.0  # longest silence while waiting for headers or body bytes
    total_timeout: float = 60.0  # whole response: stops servers that trickle a byte at a time
    max_retries: int = 3
    backoff_base: float = 0.5  # first retry waits ~0.5 s, then ~1 s, ~2 s ... (with jitter)
    backoff_max: float = 30.0
    max_retry_after: float = 120.0  # a Retry-After longer than this gives up instead of waiting
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    per_host_delay: float = 1.0  # minimum spacing between request starts on one host
    per_host_concurrency: int = 2
    total_concurrency: int = 8
    respect_robots: bool = True
    robots_max_age: float = 24 * 3600.0  # RFC 9309 §2.4: don't trust a cached copy over a day
    max_crawl_delay: float = 10.0  # honour robots.txt Crawl-delay up to this many seconds
    cache_dir: Path | None = Path("data/raw")
    refresh: bool = False  # ignore cached copies (pages and robots.txt) and fetch again
    max_cache_age: float | None = None  # None: a cached page never expires
    # Media types read; anything else is refused unread. Feeds and sitemaps widen it.
    accepted_types: frozenset[str] = ACCEPTED_TYPES
    # Networks reachable besides public addresses, e.g. ("10.0.0.0/8",); see addresses.py.
    allowed_networks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.cache_dir is not None and not isinstance(self.cache_dir, Path):
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchConfig.{name} must be positive")
        for name in ("backoff_base", "backoff_max", "max_retry_after", "per_host_delay"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchConfig.{name} must not be negative")
        if self.max_retries < 0 or self.max_redirects < 0:
            raise ValueError("FetchConfig.max_retries and max_redirects must not be negative")
        if self.max_bytes < 1 or self.per_host_concurrency < 1 or self.total_concurrency < 1:
            raise ValueError("FetchConfig sizes and concurrency limits must be at least 1")
        if self.max_cache_age is not None and self.max_cache_age < 0:
            raise ValueError("FetchConfig.max_cache_age must be None or non-negative")
        object.__setattr__(self, "allowed_networks", tuple(self.allowed_networks))
        parse_networks(self.allowed_networks)  # ValueError naming a bad entry
