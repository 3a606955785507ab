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
5. content checks before and while reading the body (``response.py``): media type from the
   headers (a PDF is refused before a byte of it is read), the size cap while streaming
   (Content-Length can lie or be missing), and an empty body.

Nothing is decoded: ``RawDoc.body`` is the entity exactly as served (after Content-Encoding), and
the header's charset rides along in ``RawDoc.charset`` for the cleaning stage to weigh against
the page's own ``<meta charset>``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin

import httpx

from connectors.addresses import AddressPolicy, blocked_reason, guarded_transport
from connectors.backoff import backoff_delay
from connectors.fetchconfig import FetchConfig
from connectors.inflate import ACCEPT_ENCODING
from connectors.rawcache import RawCache
from connectors.response import Problem, Reply, read_response
from connectors.robots import RobotsPolicy, origin_of, policy_for_status, product_token
from connectors.throttle import HostGates, host_key, map_by_host
from transforms.model import Failure, RawDoc
from transforms.safety import strip_userinfo

log = logging.getLogger(__name__)

_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1"
_REDIRECT_STATUSES = frozenset({300, 301, 302, 303, 307, 308})


def fetch_urls(urls: Sequence[str], config: FetchConfig) -> list[RawDoc | Failure]:
    """Fetch every URL, returning a ``RawDoc`` or a ``Failure`` for each, in input order.

    Never raises for a per-URL problem. Duplicate URLs are fetched once. All URLs should come
    in one call: per-host limits and robots.txt caching only work within a call. Sources come
    back without any ``user:password@`` they were given with.
    """
    if not urls:
        return []
    with _Fetcher(config) as fetcher:
        # Credentials are neither sent nor kept (see transforms.safety.strip_userinfo).
        return fetcher.fetch_all([strip_userinfo(url) for url in urls])


class _Fetcher:
    """State shared by one ``fetch_urls`` call: HTTP client, cache, host gates, robots policies."""

    def __init__(self, config: FetchConfig) -> None:
        self.cfg = config
        self.agent = product_token(config.user_agent)
        self.cache = RawCache(config.cache_dir) if config.cache_dir is not None else None
        self.gates = HostGates(config.per_host_concurrency, config.per_host_delay)
        # Each worker holds at most one connection at a time, so this never makes one wait.
        limits = httpx.Limits(
            max_connections=config.total_concurrency,
            max_keepalive_connections=config.total_concurrency,
        )
        self.client = httpx.Client(
            # Every connection goes through the address policy. Proxies from the environment
            # are not used: through a proxy, the address reached could not be checked.
            transport=guarded_transport(AddressPolicy(config.allowed_networks), limits),
            trust_env=False,
            headers={
                "User-Agent": config.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=httpx.Timeout(
                connect=config.connect_timeout,
                read=config.read_timeout,
                write=config.read_timeout,
                pool=config.connect_timeout,
            ),
            follow_redirects=False,  # followed by hand: robots and gates apply to every hop
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
            host_of=host_key,
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
            return self.cache.page(source, _request_url(source), max_age=self.cfg.max_cache_age)
        except Exception:  # a damaged cache costs a refetch, never the batch
            log.warning("raw cache lookup failed for %s", source, exc_info=True)
            return None

    def _remember(self, urls: list[str], reply: Reply, fetched_at: datetime) -> None:
        if self.cache is None:
            return
        try:
            self.cache.store_reply(urls, reply, fetched_at)
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
            return _failure(source, Problem("bad_url", "not a valid http(s) URL", url))
        reply = self._follow(url, page=True)
        if isinstance(reply, Problem):
            return _failure(source, reply)
        if not 200 <= reply.status < 300:
            detail = f"HTTP {reply.status} {reply.reason}"
            if reply.status in _REDIRECT_STATUSES:
                detail += " without a Location header"
            return _failure(source, Problem(f"http_{reply.status}", detail, reply.url))
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

    def _follow(self, url: str, *, page: bool) -> Reply | Problem:
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
            if isinstance(result, Problem):
                return result
            if result.status not in _REDIRECT_STATUSES or not result.location:
                return result  # result.url is the final URL
            target = _request_url(strip_userinfo(urljoin(current, result.location.strip())))
            if not _is_http_url(target):
                return Problem(
                    "bad_redirect",
                    f"redirected to {target!r}, which is not an http(s) URL",
                    current,
                )
            if target in chain:
                loop = " -> ".join([*chain[chain.index(target) :], target])
                return Problem("too_many_redirects", f"redirect loop ({loop})", current)
            if len(chain) > self.cfg.max_redirects:
                return Problem(
                    "too_many_redirects",
                    f"more than {self.cfg.max_redirects} redirects (the last one to {target})",
                    current,
                )
            chain.append(target)

    def _with_retries(self, url: str, *, page: bool) -> Reply | Problem:
        """One hop, retried on transient trouble: timeouts, broken connections, 429 and 5xx."""
        attempts = self.cfg.max_retries + 1
        for attempt in range(attempts):
            result = self._exchange(url, page=page)
            if isinstance(result, Reply):
                if result.status != 429 and not 500 <= result.status < 600:
                    return result
                result = Problem(
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

    def _exchange(self, url: str, *, page: bool) -> Reply | Problem:
        """One request inside its host's gate. The body is read only for a 2xx that passes
        the media-type and Content-Length checks; everything else is closed unread.
        """
        with self.gates.slot(host_key(url)):
            started = time.monotonic()
            try:
                with self.client.stream("GET", url) as resp:
                    return read_response(url, resp, self.cfg, page=page, started=started)
            except httpx.TimeoutException as exc:
                return Problem("timeout", self._describe_timeout(exc), url, retryable=True)
            except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
                refused = blocked_reason(exc)
                if refused is not None:
                    return Problem("blocked_address", refused, url)
                text = str(exc) or type(exc).__name__
                if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
                    return Problem("tls_error", f"TLS handshake failed ({text})", url)
                return Problem(
                    "connection_error", f"connection failed ({text})", url, retryable=True
                )
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                return Problem("bad_url", f"not a valid http(s) URL ({exc})", url)

    def _describe_timeout(self, exc: httpx.TimeoutException) -> str:
        if isinstance(exc, httpx.ConnectTimeout):
            return f"connect timeout after {self.cfg.connect_timeout:g} s"
        if isinstance(exc, httpx.ReadTimeout):
            return f"read timeout after {self.cfg.read_timeout:g} s"
        if isinstance(exc, httpx.WriteTimeout):
            return f"write timeout after {self.cfg.read_timeout:g} s"
        return f"no free connection after {self.cfg.connect_timeout:g} s"

    # --- robots.txt ----------------------------------------------------------------------------

    def _robots_refusal(self, url: str) -> Problem | None:
        """None if robots.txt lets us fetch ``url``, else why not."""
        origin = origin_of(url)
        policy = self._robots_policy(origin)
        if policy.allows(url):
            return None
        robots_url = f"{origin}/robots.txt"
        if policy.reason is None:
            detail = f"robots.txt at {robots_url} disallows {url} for user agent {self.agent!r}"
            return Problem("robots_disallow", detail, url)
        detail = (
            f"robots.txt at {robots_url} could not be fetched ({policy.reason}), "
            "so nothing on the site was requested"
        )
        # An unreachable host is a network problem first; say so in the kind, so that a dead
        # site is not filed under "robots" by someone querying the failures table.
        kind = self._robots_errors.get(origin, "robots_disallow")
        return Problem(kind, detail, url)

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
                    self.gates.slow_down(host_key(origin), delay)
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
                cached = policy_for_status(record.status, body, self.agent)
                if cached is not None:
                    return cached

        reply = self._follow(robots_url, page=False)
        if isinstance(reply, Problem):
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

        if 200 <= reply.status < 300 or 400 <= reply.status < 500:
            kept = reply if reply.status < 300 else replace(reply, body=b"")
            self._remember([robots_url], kept, datetime.now(UTC))
        return policy_for_status(reply.status, reply.body, self.agent) or RobotsPolicy.allow_all()


# --- helpers ------------------------------------------------------------------------------------


def _failure(source: str, problem: Problem) -> Failure:
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
