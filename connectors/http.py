"""Fetch a batch of article URLs politely, and turn every way that can go wrong into data.

``fetch_urls`` is called once per batch (hundreds of URLs) from inside a Prefect task. It runs a
synchronous ``httpx.Client`` on a thread pool rather than an asyncio loop: threads work the same
whether or not the caller already runs an event loop (Prefect does, in another thread), and the
work is network-bound, so the GIL costs nothing.

What one URL goes through, in order:

1. the raw cache (``rawcache.py``): a fresh record answers without any request;
2. robots.txt of the URL's origin (``robots.py``), fetched once per origin per call;
3. the request itself, inside its host's gate (``throttle.py``: per-host concurrency and spacing),
   retried with backoff on timeouts, connection errors, 429 and 5xx (``backoff.py``);
4. redirects, followed by hand so that each hop is checked against *its* host's robots.txt and
   gated like any other request, with loop detection;
5. content checks before and while reading the body: media type from the headers (a PDF is
   refused before a byte of it is read), the size cap while streaming (Content-Length can lie
   or be missing), and an empty body.

Nothing is decoded: ``RawDoc.body`` is the entity exactly as served (after Content-Encoding), and
the header's charset rides along in ``RawDoc.charset`` for the cleaning stage to weigh against
the page's own ``<meta charset>``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin

import httpx

from connectors.backoff import backoff_delay, parse_retry_after
from connectors.files import format_size
from connectors.rawcache import CacheRecord, RawCache
from connectors.robots import MAX_ROBOTS_BYTES, RobotsPolicy, product_token
from connectors.throttle import HostGates, map_by_host
from transforms.model import Failure, RawDoc

log = logging.getLogger(__name__)

try:
    NEWSDB_VERSION = version("newsdb")
except PackageNotFoundError:  # running from a source tree that was never installed
    NEWSDB_VERSION = "0.0.0"

DEFAULT_USER_AGENT = f"newsdb/{NEWSDB_VERSION} (+https://github.com/newsdb/newsdb)"

#: Media types the cleaning stage can turn into text. Anything else is refused unread.
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})

_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1"
_REDIRECT_STATUSES = frozenset({300, 301, 302, 303, 307, 308})
_SNIFF_BYTES = 1024


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


def fetch_urls(urls: Sequence[str], config: FetchConfig) -> list[RawDoc | Failure]:
    """Fetch every URL, returning a ``RawDoc`` or a ``Failure`` for each, in input order.

    Never raises for a per-URL problem. Duplicate URLs are fetched once. All URLs should come
    in one call: per-host limits and robots.txt caching only work within a call.
    """
    if not urls:
        return []
    with _Fetcher(config) as fetcher:
        return fetcher.fetch_all(urls)


# --- one exchange's outcome ---------------------------------------------------------------------


@dataclass
class _Reply:
    """A response we got to the end of: a non-2xx status, or a 2xx whose body passed the checks."""

    url: str
    status: int
    reason: str
    location: str | None = None
    content_type: str | None = None
    charset: str | None = None
    body: bytes = b""
    retry_after: float | None = None


@dataclass
class _Problem:
    """Why a hop produced no usable response. ``detail`` is a clause, not a sentence."""

    kind: str
    detail: str
    url: str
    retryable: bool = False
    status: int | None = None  # set for HTTP-status problems (robots.txt rules depend on it)
    retry_after: float | None = None
    attempts: int = 1


class _Fetcher:
    """State shared by one ``fetch_urls`` call: HTTP client, cache, host gates, robots policies."""

    def __init__(self, config: FetchConfig) -> None:
        self.cfg = config
        self.agent = product_token(config.user_agent)
        self.cache = RawCache(config.cache_dir) if config.cache_dir is not None else None
        self.gates = HostGates(config.per_host_concurrency, config.per_host_delay)
        self.client = httpx.Client(
            headers={"User-Agent": config.user_agent, "Accept": _ACCEPT},
            timeout=httpx.Timeout(
                connect=config.connect_timeout,
                read=config.read_timeout,
                write=config.read_timeout,
                pool=config.connect_timeout,
            ),
            follow_redirects=False,  # followed by hand: robots and gates apply to every hop
            # Each worker holds at most one connection at a time, so this never makes one wait.
            limits=httpx.Limits(
                max_connections=config.total_concurrency,
                max_keepalive_connections=config.total_concurrency,
            ),
        )
        self._robots: dict[str, RobotsPolicy] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_errors: dict[str, str] = {}  # origin -> kind, when robots.txt was unreachable
        self._lock = threading.Lock()

    def __enter__(self) -> _Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.client.close()

    def fetch_all(self, urls: Sequence[str]) -> list[RawDoc | Failure]:
        results: dict[str, RawDoc | Failure] = {}
        todo: list[str] = []
        for url in dict.fromkeys(urls):
            cached = self._from_cache(url)
            if cached is not None:
                results[url] = cached
            else:
                todo.append(url)
        fetched = map_by_host(
            todo,
            self._fetch_safely,
            host_of=_host_key,
            per_host=self.cfg.per_host_concurrency,
            total=self.cfg.total_concurrency,
        )
        results.update(zip(todo, fetched, strict=True))
        return [results[url] for url in urls]

    # --- cache ---------------------------------------------------------------------------------

    def _from_cache(self, source: str) -> RawDoc | None:
        if self.cache is None or self.cfg.refresh:
            return None
        try:
            hit = self.cache.lookup(_request_url(source), max_age=self.cfg.max_cache_age)
        except Exception:  # a damaged cache costs a refetch, never the batch
            log.warning("raw cache lookup failed for %s", source, exc_info=True)
            return None
        if hit is None:
            return None
        record, body = hit
        if body is None or not 200 <= record.status < 300:
            return None
        return RawDoc(
            source=source,
            body=body,
            url=record.final_url,
            content_type=record.content_type,
            charset=record.charset,
            fetched_at=record.fetched_at,
            origin="cache",
        )

    def _remember(self, urls: list[str], reply: _Reply, fetched_at: datetime) -> None:
        """Store a response under every URL of its chain's ends (asked-for and final)."""
        if self.cache is None:
            return
        sha = hashlib.sha256(reply.body).hexdigest() if reply.body else None
        try:
            for url in dict.fromkeys(urls):
                self.cache.store(
                    CacheRecord(
                        url=url,
                        final_url=reply.url,
                        status=reply.status,
                        content_type=reply.content_type,
                        charset=reply.charset,
                        fetched_at=fetched_at,
                        body_sha256=sha,
                    ),
                    reply.body if sha else None,
                )
        except OSError:  # disk full, read-only cache: the fetch itself still succeeded
            log.warning("could not write %s to the raw cache", reply.url, exc_info=True)

    # --- one URL -------------------------------------------------------------------------------

    def _fetch_safely(self, source: str) -> RawDoc | Failure:
        try:
            return self._fetch(source)
        except Exception as exc:  # the contract: a per-URL problem never escapes fetch_urls
            log.exception("unexpected error fetching %s", source)
            return Failure(
                source=source,
                stage="fetch",
                error_kind="fetch_error",
                message=f"Fetching {source} failed unexpectedly: {type(exc).__name__}: {exc}.",
            )

    def _fetch(self, source: str) -> RawDoc | Failure:
        url = _request_url(source)
        if not _is_http_url(url):
            return _failure(source, _Problem("bad_url", "not a valid http(s) URL", url))
        reply = self._follow(url, page=True)
        if isinstance(reply, _Problem):
            return _failure(source, reply)
        if not 200 <= reply.status < 300:
            detail = f"HTTP {reply.status} {reply.reason}"
            if reply.status in _REDIRECT_STATUSES:
                detail += " without a Location header"
            return _failure(source, _Problem(f"http_{reply.status}", detail, reply.url))
        fetched_at = datetime.now(UTC)
        self._remember([url, reply.url], reply, fetched_at)
        return RawDoc(
            source=source,
            body=reply.body,
            url=reply.url,
            content_type=reply.content_type,
            charset=reply.charset,
            fetched_at=fetched_at,
            origin="live",
        )

    def _follow(self, url: str, *, page: bool) -> _Reply | _Problem:
        """Request ``url`` and follow redirects by hand, at most ``max_redirects`` of them.

        For pages, every hop is checked against its own origin's robots.txt before it is
        requested; a disallowed hop is never requested at all.
        """
        chain = [url]
        while True:
            current = chain[-1]
            if page and self.cfg.respect_robots:
                refusal = self._robots_refusal(current)
                if refusal is not None:
                    return refusal
            result = self._with_retries(current, page=page)
            if isinstance(result, _Problem):
                return result
            if result.status not in _REDIRECT_STATUSES or not result.location:
                return result  # result.url is the final URL
            target = _request_url(urljoin(current, result.location.strip()))
            if not _is_http_url(target):
                return _Problem(
                    "bad_redirect",
                    f"redirected to {target!r}, which is not an http(s) URL",
                    current,
                )
            if target in chain:
                loop = " -> ".join([*chain[chain.index(target) :], target])
                return _Problem("too_many_redirects", f"redirect loop ({loop})", current)
            if len(chain) > self.cfg.max_redirects:
                return _Problem(
                    "too_many_redirects",
                    f"more than {self.cfg.max_redirects} redirects (the last one to {target})",
                    current,
                )
            chain.append(target)

    def _with_retries(self, url: str, *, page: bool) -> _Reply | _Problem:
        """One hop, retried on transient trouble: timeouts, broken connections, 429 and 5xx."""
        attempts = self.cfg.max_retries + 1
        for attempt in range(attempts):
            result = self._exchange(url, page=page)
            if isinstance(result, _Reply):
                if result.status != 429 and not 500 <= result.status < 600:
                    return result
                result = _Problem(
                    f"http_{result.status}",
                    f"HTTP {result.status} {result.reason}",
                    url,
                    retryable=True,
                    status=result.status,
                    retry_after=result.retry_after,
                )
            result.attempts = attempt + 1
            if not result.retryable or attempt + 1 == attempts:
                return result
            if result.retry_after is not None:
                if result.retry_after > self.cfg.max_retry_after:
                    result.detail += (
                        f", and its Retry-After asks for {result.retry_after:g} s, "
                        f"more than the {self.cfg.max_retry_after:g} s limit"
                    )
                    return result
                delay = result.retry_after
            else:
                delay = backoff_delay(attempt, base=self.cfg.backoff_base, cap=self.cfg.backoff_max)
            log.info("retrying %s in %.2f s after %s", url, delay, result.detail)
            time.sleep(delay)
        raise AssertionError("unreachable: the loop returns on its last attempt")

    def _exchange(self, url: str, *, page: bool) -> _Reply | _Problem:
        """One request inside its host's gate. The body is read only for a 2xx that passes
        the media-type and Content-Length checks; everything else is closed unread.
        """
        with self.gates.slot(_host_key(url)):
            started = time.monotonic()
            try:
                with self.client.stream("GET", url) as resp:
                    return self._read_response(url, resp, page=page, started=started)
            except httpx.TimeoutException as exc:
                return _Problem("timeout", self._describe_timeout(exc), url, retryable=True)
            except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
                text = str(exc) or type(exc).__name__
                if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
                    return _Problem("tls_error", f"TLS handshake failed ({text})", url)
                return _Problem(
                    "connection_error", f"connection failed ({text})", url, retryable=True
                )
            except httpx.DecodingError as exc:
                return _Problem("decode_error", f"the body could not be decompressed ({exc})", url)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                return _Problem("bad_url", f"not a valid http(s) URL ({exc})", url)

    def _read_response(
        self, url: str, resp: httpx.Response, *, page: bool, started: float
    ) -> _Reply | _Problem:
        content_type, charset = parse_content_type(resp.headers.get("content-type"))
        reply = _Reply(
            url=url,
            status=resp.status_code,
            # The standard phrase, not the server's: servers shout ("NOT FOUND"), localise or
            # (over HTTP/2) send none, and messages read better when they are all alike.
            reason=_phrase(resp.status_code) or resp.reason_phrase or "(no reason given)",
            location=resp.headers.get("location"),
            content_type=content_type,
            charset=charset,
            retry_after=parse_retry_after(resp.headers.get("retry-after")),
        )
        if not 200 <= resp.status_code < 300:
            return reply

        if not page:  # robots.txt: any type, and past the RFC's 500 KiB we just stop reading
            body = self._read_body(url, resp, MAX_ROBOTS_BYTES, started, truncate=True)
            return body if isinstance(body, _Problem) else replace(reply, body=body)

        if content_type is not None and content_type not in self.cfg.accepted_types:
            wanted = "HTML or text"
            if self.cfg.accepted_types != ACCEPTED_TYPES:
                wanted = "a feed, sitemap or web page"
            return _Problem(
                "unsupported_type",
                f"the server sent {content_type}, not {wanted} (body not downloaded)",
                url,
            )
        declared = _content_length(resp)
        if declared is not None and declared > self.cfg.max_bytes:
            return _Problem(
                "too_large",
                f"Content-Length is {format_size(declared)}, over the "
                f"{format_size(self.cfg.max_bytes)} size cap (body not downloaded)",
                url,
            )
        body = self._read_body(url, resp, self.cfg.max_bytes, started, truncate=False)
        if isinstance(body, _Problem):
            return body
        if not body.strip():
            return _Problem("empty", "the server sent an empty body", url)
        if content_type is None:
            # No Content-Type at all: look at the bytes, as browsers do, but only to tell
            # markup and text from binary; a wrong guess here is caught by cleaning.
            content_type = _sniff(body)
            if content_type is None:
                return _Problem(
                    "unsupported_type", "no Content-Type and the body looks binary", url
                )
        return replace(reply, body=body, content_type=content_type)

    def _read_body(
        self, url: str, resp: httpx.Response, limit: int, started: float, *, truncate: bool
    ) -> bytes | _Problem:
        """Stream the body, stopping at ``limit`` bytes (after Content-Encoding, so a
        compressed bomb is caught too) and at ``total_timeout`` seconds overall."""
        parts: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                if truncate:
                    parts.append(chunk[: len(chunk) - (size - limit)])
                    break
                return _Problem(
                    "too_large",
                    f"the body passed the {format_size(limit)} size cap while downloading",
                    url,
                )
            parts.append(chunk)
            if time.monotonic() - started > self.cfg.total_timeout:
                return _Problem(
                    "timeout",
                    f"the response was still incomplete after {self.cfg.total_timeout:g} s",
                    url,
                    retryable=True,
                )
        return b"".join(parts)

    def _describe_timeout(self, exc: httpx.TimeoutException) -> str:
        if isinstance(exc, httpx.ConnectTimeout):
            return f"connect timeout after {self.cfg.connect_timeout:g} s"
        if isinstance(exc, httpx.ReadTimeout):
            return f"read timeout after {self.cfg.read_timeout:g} s"
        if isinstance(exc, httpx.WriteTimeout):
            return f"write timeout after {self.cfg.read_timeout:g} s"
        return f"no free connection after {self.cfg.connect_timeout:g} s"

    # --- robots.txt ----------------------------------------------------------------------------

    def _robots_refusal(self, url: str) -> _Problem | None:
        """None if robots.txt lets us fetch ``url``, else why not."""
        origin = _origin(url)
        policy = self._robots_policy(origin)
        if policy.allows(url):
            return None
        robots_url = f"{origin}/robots.txt"
        if policy.reason is None:
            detail = f"robots.txt at {robots_url} disallows {url} for user agent {self.agent!r}"
            return _Problem("robots_disallow", detail, url)
        detail = (
            f"robots.txt at {robots_url} could not be fetched ({policy.reason}), "
            "so nothing on the site was requested"
        )
        # An unreachable host is a network problem first; say so in the kind, so that a dead
        # site is not filed under "robots" by someone querying the failures table.
        kind = self._robots_errors.get(origin, "robots_disallow")
        return _Problem(kind, detail, url)

    def _robots_policy(self, origin: str) -> RobotsPolicy:
        # One lock per origin: concurrent URLs of one site wait for a single robots.txt fetch.
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            policy = self._robots.get(origin)
            if policy is None:
                policy = self._load_robots(origin)
                self._robots[origin] = policy
                if policy.crawl_delay:
                    delay = min(policy.crawl_delay, self.cfg.max_crawl_delay)
                    self.gates.slow_down(_host_key(origin), delay)
        return policy

    def _load_robots(self, origin: str) -> RobotsPolicy:
        """The policy from the raw cache if fresh, else fetched, following RFC 9309 §2.3.1:
        2xx -> parse; 4xx -> no restrictions; 5xx or no answer -> disallow everything."""
        robots_url = f"{origin}/robots.txt"
        max_age = self.cfg.robots_max_age
        if self.cfg.max_cache_age is not None:
            max_age = min(max_age, self.cfg.max_cache_age)
        if self.cache is not None and not self.cfg.refresh:
            hit = self.cache.lookup(robots_url, max_age=max_age)
            if hit is not None:
                record, body = hit
                if 200 <= record.status < 300 and body is not None:
                    return RobotsPolicy.parse(body, self.agent)
                if 400 <= record.status < 500:
                    return RobotsPolicy.allow_all()

        reply = self._follow(robots_url, page=False)
        if isinstance(reply, _Problem):
            # 429 is a 4xx, but it means "too busy", not "no robots.txt": treat it like 5xx
            # (as Google does) rather than reading it as permission to crawl everything.
            unavailable = reply.status is not None or reply.kind in {
                "timeout",
                "connection_error",
                "tls_error",
            }
            if unavailable:
                if reply.status is None:
                    self._robots_errors[origin] = reply.kind
                return RobotsPolicy.disallow_all(reply.detail)
            return RobotsPolicy.allow_all()  # e.g. a redirect loop: no file, so no rules

        now = datetime.now(UTC)
        if 200 <= reply.status < 300:
            self._remember([robots_url], reply, now)
            return RobotsPolicy.parse(reply.body, self.agent)
        if 400 <= reply.status < 500:
            self._remember([robots_url], replace(reply, body=b""), now)
        return RobotsPolicy.allow_all()


# --- helpers ------------------------------------------------------------------------------------


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``'text/html; charset="UTF-8"'`` -> ``('text/html', 'utf-8')``; missing parts are None."""
    if not value:
        return None, None
    raw_media, *params = value.split(";")
    media = raw_media.strip().lower() or None
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").strip().lower() or None
    return media, charset


def _failure(source: str, problem: _Problem) -> Failure:
    tries = f"gave up after {problem.attempts} attempts" if problem.attempts > 1 else "failed"
    where = f" (at {problem.url})" if problem.url != _request_url(source) else ""
    return Failure(
        source=source,
        stage="fetch",
        error_kind=problem.kind,
        message=f"Fetching {source} {tries}: {problem.detail}{where}.",
    )


def _request_url(source: str) -> str:
    """What we actually request: the URL without surrounding space or a fragment."""
    return source.strip().split("#", 1)[0]


def _is_http_url(url: str) -> bool:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.host)


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port is not None else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def _host_key(url: str) -> str:
    """The unit of politeness: host and port (``example.com:443``)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url  # fails fast in _fetch; its own queue keeps it out of real hosts' way
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme, 0)
    return f"{parsed.host}:{port}"


def _content_length(resp: httpx.Response) -> int | None:
    try:
        return int(resp.headers["content-length"])
    except (KeyError, ValueError):
        return None


def _sniff(body: bytes) -> str | None:
    head = body[:_SNIFF_BYTES]
    if b"\x00" in head:
        return None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    markers = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<p>", b"<div")
    return "text/html" if any(m in lowered for m in markers) else "text/plain"


def _phrase(status: int) -> str | None:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return None
