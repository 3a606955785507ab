"""HTTP fetching against a local server: retries, robots.txt, redirects, content checks, cache,
politeness limits, and ``acquire``'s choice between a seed file and its live original.

No test touches the internet: pages come from pytest-httpserver on 127.0.0.1. The server here is
threaded so that slow handlers and concurrency tests do not serialise on one request thread.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from connectors.acquire import acquire, choose_copy
from connectors.backoff import backoff_delay, parse_retry_after
from connectors.fetchconfig import DEFAULT_USER_AGENT, FetchConfig
from connectors.http import fetch_urls
from connectors.rawcache import RawCache
from connectors.response import parse_content_type
from connectors.robots import RobotsPolicy, product_token
from transforms.clean import original_url
from transforms.model import Failure, RawDoc, SourceItem

HTML = b"<!doctype html><html><head><title>Story</title></head><body><p>News.</p></body></html>"


@pytest.fixture(scope="module")
def _threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def httpserver(_threaded_server: HTTPServer) -> HTTPServer:
    """pytest-httpserver's fixture, but threaded (see module docstring)."""
    _threaded_server.clear()
    return _threaded_server


def make_config(tmp_path: Path, **overrides: Any) -> FetchConfig:
    """Every knob small so failures are fast; robots off unless a test is about robots."""
    knobs: dict[str, Any] = {
        # Timeouts generous enough for a loaded CI machine; the timeout tests set their own.
        "connect_timeout": 5.0,
        "read_timeout": 5.0,
        "total_timeout": 30.0,
        "max_retries": 2,
        "backoff_base": 0.01,
        "backoff_max": 0.05,
        "max_retry_after": 2.0,
        "per_host_delay": 0.0,
        "respect_robots": False,
        "cache_dir": tmp_path / "raw",
        "allowed_networks": ("127.0.0.1",),  # the local test server (refused by default)
    }
    knobs.update(overrides)
    return FetchConfig(**knobs)


def hits(server: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in server.log if request.path == path)


def fetch_one(url: str, config: FetchConfig) -> RawDoc | Failure:
    (result,) = fetch_urls([url], config)
    return result


# --- success and HTTP errors --------------------------------------------------------------------


def test_200_returns_raw_bytes_with_provenance(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/story").respond_with_data(
        HTML, content_type="text/html; charset=UTF-8"
    )
    url = httpserver.url_for("/story")
    before = datetime.now(UTC)
    doc = fetch_one(url + "#comments", make_config(tmp_path))
    assert isinstance(doc, RawDoc)
    assert doc.source == url + "#comments"
    assert doc.url == url
    assert doc.body == HTML
    assert (doc.content_type, doc.charset, doc.origin) == ("text/html", "utf-8", "live")
    assert doc.fetched_at is not None and doc.fetched_at.tzinfo is not None
    assert before <= doc.fetched_at <= datetime.now(UTC)
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("newsdb/")


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "Not Found"), (410, "Gone"), (403, "Forbidden")]
)
def test_client_errors_fail_once_without_retry(
    httpserver: HTTPServer, tmp_path: Path, status: int, reason: str
) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=status)
    url = httpserver.url_for("/missing")
    result = fetch_one(url, make_config(tmp_path, max_retries=3))
    assert isinstance(result, Failure)
    assert (result.stage, result.error_kind, result.source) == ("fetch", f"http_{status}", url)
    assert result.message == f"Fetching {url} failed: HTTP {status} {reason}."
    assert hits(httpserver, "/missing") == 1


def test_500_then_200_is_retried_and_succeeds(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    httpserver.expect_request("/flaky").respond_with_data(HTML, content_type="text/html")
    doc = fetch_one(httpserver.url_for("/flaky"), make_config(tmp_path))
    assert isinstance(doc, RawDoc) and doc.body == HTML
    assert hits(httpserver, "/flaky") == 2


def test_persistent_503_gives_up_after_all_attempts(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    url = httpserver.url_for("/down")
    result = fetch_one(url, make_config(tmp_path, max_retries=2))
    assert isinstance(result, Failure) and result.error_kind == "http_503"
    assert result.message == (
        f"Fetching {url} gave up after 3 attempts: HTTP 503 Service Unavailable."
    )
    assert hits(httpserver, "/down") == 3


def test_429_retry_after_is_honoured(httpserver: HTTPServer, tmp_path: Path) -> None:
    seen: list[float] = []

    def handler(request: Request) -> Response:
        seen.append(time.monotonic())
        if len(seen) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(HTML, content_type="text/html")

    httpserver.expect_request("/limited").respond_with_handler(handler)
    doc = fetch_one(httpserver.url_for("/limited"), make_config(tmp_path))
    assert isinstance(doc, RawDoc)
    assert len(seen) == 2
    assert seen[1] - seen[0] >= 0.95  # the 0.01 s backoff alone would have retried at once


def test_429_with_retry_after_over_the_cap_gives_up_at_once(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    httpserver.expect_request("/limited").respond_with_data(
        "come back later", status=429, headers={"Retry-After": later}
    )
    result = fetch_one(httpserver.url_for("/limited"), make_config(tmp_path, max_retry_after=5))
    assert isinstance(result, Failure) and result.error_kind == "http_429"
    assert "Retry-After asks for" in result.message and "5 s limit" in result.message
    assert hits(httpserver, "/limited") == 1


def test_response_slower_than_read_timeout_fails_after_retries(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    calls: list[float] = []  # counted on arrival: the server logs a request only once answered

    def slow(request: Request) -> Response:
        calls.append(time.monotonic())
        time.sleep(1.0)
        return Response(HTML, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    result = fetch_one(url, make_config(tmp_path, read_timeout=0.3, max_retries=1))
    assert isinstance(result, Failure) and result.error_kind == "timeout"
    assert result.message == f"Fetching {url} gave up after 2 attempts: read timeout after 0.3 s."
    assert len(calls) == 2
    # The abandoned handlers are still sleeping: let them answer now, so their log entries do
    # not land in the next test's server log.
    deadline = time.monotonic() + 5
    while len([r for r, _ in httpserver.log if r.path == "/slow"]) < 2:
        assert time.monotonic() < deadline, "slow handlers never finished"
        time.sleep(0.05)


def test_connection_refused_is_retried_then_reported(tmp_path: Path) -> None:
    with socket.socket() as sock:  # grab a free port, then close it so nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    result = fetch_one(url, make_config(tmp_path, max_retries=1))
    assert isinstance(result, Failure) and result.error_kind == "connection_error"
    assert result.message.startswith(f"Fetching {url} gave up after 2 attempts: connection")


# --- redirects ----------------------------------------------------------------------------------


def test_redirect_chain_records_the_final_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/mid"}
    )
    final = httpserver.url_for("/new/story")
    httpserver.expect_request("/mid").respond_with_data("", status=302, headers={"Location": final})
    httpserver.expect_request("/new/story").respond_with_data(HTML, content_type="text/html")
    doc = fetch_one(httpserver.url_for("/old"), make_config(tmp_path))
    assert isinstance(doc, RawDoc)
    assert doc.source == httpserver.url_for("/old")
    assert doc.url == final


def test_redirect_loop_is_detected(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    result = fetch_one(httpserver.url_for("/a"), make_config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "too_many_redirects"
    assert "redirect loop" in result.message
    assert (hits(httpserver, "/a"), hits(httpserver, "/b")) == (1, 1)


def test_too_many_redirects(httpserver: HTTPServer, tmp_path: Path) -> None:
    for i in range(10):
        httpserver.expect_request(f"/r{i}").respond_with_data(
            "", status=307, headers={"Location": f"/r{i + 1}"}
        )
    result = fetch_one(httpserver.url_for("/r0"), make_config(tmp_path, max_redirects=3))
    assert isinstance(result, Failure) and result.error_kind == "too_many_redirects"
    assert "more than 3 redirects" in result.message
    assert len(httpserver.log) == 4  # the first request plus three followed redirects


# --- robots.txt ---------------------------------------------------------------------------------


def test_robots_disallowed_page_is_never_requested(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/private/memo").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/public").respond_with_data(HTML, content_type="text/html")
    private, public = httpserver.url_for("/private/memo"), httpserver.url_for("/public")
    results = fetch_urls([private, public], make_config(tmp_path, respect_robots=True))
    assert isinstance(results[0], Failure) and results[0].error_kind == "robots_disallow"
    assert f"robots.txt at {httpserver.url_for('/robots.txt')} disallows" in results[0].message
    assert isinstance(results[1], RawDoc)
    assert hits(httpserver, "/private/memo") == 0
    assert hits(httpserver, "/robots.txt") == 1


def test_robots_group_for_our_agent_overrides_the_star_group(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /\n\nUser-agent: newsdb\nAllow: /\nDisallow: /drafts\n"
    )
    httpserver.expect_request("/news").respond_with_data(HTML, content_type="text/html")
    news, drafts = httpserver.url_for("/news"), httpserver.url_for("/drafts/1")
    results = fetch_urls([news, drafts], make_config(tmp_path, respect_robots=True))
    assert isinstance(results[0], RawDoc)
    assert isinstance(results[1], Failure) and results[1].error_kind == "robots_disallow"


def test_redirect_into_a_disallowed_path_is_not_followed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /x/\n")
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": "/x/1"})
    httpserver.expect_request("/x/1").respond_with_data(HTML, content_type="text/html")
    result = fetch_one(httpserver.url_for("/go"), make_config(tmp_path, respect_robots=True))
    assert isinstance(result, Failure) and result.error_kind == "robots_disallow"
    assert hits(httpserver, "/x/1") == 0


def test_robots_4xx_allows_everything(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/page").respond_with_data(HTML, content_type="text/html")
    doc = fetch_one(httpserver.url_for("/page"), make_config(tmp_path, respect_robots=True))
    assert isinstance(doc, RawDoc)


def test_robots_5xx_disallows_everything(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_request("/page").respond_with_data(HTML, content_type="text/html")
    result = fetch_one(
        httpserver.url_for("/page"), make_config(tmp_path, respect_robots=True, max_retries=1)
    )
    assert isinstance(result, Failure) and result.error_kind == "robots_disallow"
    assert "could not be fetched (HTTP 503 Service Unavailable)" in result.message
    assert hits(httpserver, "/page") == 0
    assert hits(httpserver, "/robots.txt") == 2  # retried like any 5xx, then given up


def test_robots_txt_is_cached_on_disk_between_calls(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /no\n")
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/b").respond_with_data(HTML + b" ", content_type="text/html")
    config = make_config(tmp_path, respect_robots=True)
    assert isinstance(fetch_one(httpserver.url_for("/a"), config), RawDoc)
    assert isinstance(fetch_one(httpserver.url_for("/b"), config), RawDoc)
    assert hits(httpserver, "/robots.txt") == 1


# --- content checks -----------------------------------------------------------------------------


def test_pdf_is_refused(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.7" + b"\0" * 1000, content_type="application/pdf"
    )
    result = fetch_one(httpserver.url_for("/report.pdf"), make_config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "unsupported_type"
    assert "application/pdf" in result.message


@pytest.mark.parametrize("ctype", ["application/xhtml+xml", "text/plain", "text/markdown"])
def test_other_text_types_are_accepted(httpserver: HTTPServer, tmp_path: Path, ctype: str) -> None:
    httpserver.expect_request("/doc").respond_with_data(b"# Title\n\nBody.\n", content_type=ctype)
    doc = fetch_one(httpserver.url_for("/doc"), make_config(tmp_path))
    assert isinstance(doc, RawDoc) and doc.content_type == ctype


def test_over_the_cap_with_content_length(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/html")
    result = fetch_one(httpserver.url_for("/big"), make_config(tmp_path, max_bytes=4096))
    assert isinstance(result, Failure) and result.error_kind == "too_large"
    assert "Content-Length" in result.message and "4 KiB" in result.message


def test_over_the_cap_without_content_length(httpserver: HTTPServer, tmp_path: Path) -> None:
    def stream(request: Request) -> Response:
        # A generator body has no Content-Length: only counting while reading can catch it.
        return Response((b"x" * 1024 for _ in range(64)), content_type="text/html")

    httpserver.expect_request("/big").respond_with_handler(stream)
    result = fetch_one(httpserver.url_for("/big"), make_config(tmp_path, max_bytes=4096))
    assert isinstance(result, Failure) and result.error_kind == "too_large"
    assert "while downloading" in result.message


def test_cap_applies_after_content_encoding(httpserver: HTTPServer, tmp_path: Path) -> None:
    bomb = gzip.compress(b" " * 200_000)
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    result = fetch_one(httpserver.url_for("/bomb"), make_config(tmp_path, max_bytes=50_000))
    assert isinstance(result, Failure) and result.error_kind == "too_large"


def test_windows_1252_without_charset_arrives_untouched(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = "<p>Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve</p>".encode("cp1252")
    httpserver.expect_request("/legacy").respond_with_data(body, content_type="text/html")
    doc = fetch_one(httpserver.url_for("/legacy"), make_config(tmp_path))
    assert isinstance(doc, RawDoc)
    assert doc.body == body
    assert doc.charset is None


def test_empty_body_is_a_failure(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/blank").respond_with_data(b"", content_type="text/html")
    result = fetch_one(httpserver.url_for("/blank"), make_config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "empty"


def test_missing_content_type_is_sniffed(httpserver: HTTPServer, tmp_path: Path) -> None:
    def untyped(body: bytes) -> Response:
        response = Response(body)
        del response.headers["Content-Type"]  # werkzeug adds text/plain by default
        return response

    httpserver.expect_request("/page").respond_with_response(untyped(HTML))
    httpserver.expect_request("/blob").respond_with_response(untyped(b"\x89PNG\r\n\x1a\n\0\0\0"))
    page, blob = fetch_urls(
        [httpserver.url_for("/page"), httpserver.url_for("/blob")], make_config(tmp_path)
    )
    assert isinstance(page, RawDoc) and page.content_type == "text/html"
    assert isinstance(blob, Failure) and blob.error_kind == "unsupported_type"


def test_invalid_url_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    (result,) = fetch_urls(["http://"], make_config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "bad_url"


def test_unexpected_exception_becomes_fetch_error(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(httpx.Client, "stream", broken)
    (result,) = fetch_urls([httpserver.url_for("/x")], make_config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "fetch_error"
    assert "simulated bug" in result.message


# --- raw cache ----------------------------------------------------------------------------------


def test_second_call_is_served_from_the_cache_and_refresh_refetches(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/s"})
    httpserver.expect_request("/s").respond_with_data(HTML, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/old")
    config = make_config(tmp_path)
    live = fetch_one(url, config)
    assert isinstance(live, RawDoc) and live.origin == "live"
    requests_after_first = len(httpserver.log)

    cached = fetch_one(url, config)
    assert len(httpserver.log) == requests_after_first
    assert isinstance(cached, RawDoc) and cached.origin == "cache"
    assert (cached.body, cached.url, cached.content_type, cached.charset) == (
        live.body,
        live.url,
        live.content_type,
        live.charset,
    )
    assert cached.fetched_at == live.fetched_at
    assert (tmp_path / "raw" / "objects" / live.sha256[:2] / live.sha256).read_bytes() == HTML

    refreshed = fetch_one(url, make_config(tmp_path, refresh=True))
    assert isinstance(refreshed, RawDoc) and refreshed.origin == "live"
    assert len(httpserver.log) == requests_after_first + 2


def test_stale_cache_entry_is_refetched(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/s").respond_with_data(HTML, content_type="text/html")
    url = httpserver.url_for("/s")
    fetch_one(url, make_config(tmp_path))
    fresh = fetch_one(url, make_config(tmp_path, max_cache_age=3600))
    stale = fetch_one(url, make_config(tmp_path, max_cache_age=0))
    assert isinstance(fresh, RawDoc) and fresh.origin == "cache"
    assert isinstance(stale, RawDoc) and stale.origin == "live"
    assert hits(httpserver, "/s") == 2


def test_failures_are_not_cached(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    config = make_config(tmp_path)
    fetch_one(httpserver.url_for("/gone"), config)
    fetch_one(httpserver.url_for("/gone"), config)
    assert hits(httpserver, "/gone") == 2


def test_damaged_cache_object_is_a_miss(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/s").respond_with_data(HTML, content_type="text/html")
    url = httpserver.url_for("/s")
    first = fetch_one(url, make_config(tmp_path))
    assert isinstance(first, RawDoc)
    (tmp_path / "raw" / "objects" / first.sha256[:2] / first.sha256).write_bytes(b"trunc")
    again = fetch_one(url, make_config(tmp_path))
    assert isinstance(again, RawDoc) and again.origin == "live" and again.body == HTML
    assert RawCache(tmp_path / "raw").lookup(url, max_age=None) is not None


# --- batches and politeness ---------------------------------------------------------------------


def test_results_keep_input_order_and_duplicates_are_fetched_once(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    for name in ("a", "b", "c"):
        httpserver.expect_request(f"/{name}").respond_with_data(
            f"<p>{name}</p>", content_type="text/html"
        )
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    urls = [httpserver.url_for(p) for p in ("/c", "/gone", "/a", "/c", "/b")]
    results = fetch_urls(urls, make_config(tmp_path))
    assert [r.source for r in results] == urls
    assert [r.body if isinstance(r, RawDoc) else None for r in results] == [
        b"<p>c</p>",
        None,
        b"<p>a</p>",
        b"<p>c</p>",
        b"<p>b</p>",
    ]
    assert hits(httpserver, "/c") == 1


def test_per_host_concurrency_is_respected(httpserver: HTTPServer, tmp_path: Path) -> None:
    lock = threading.Lock()
    active = 0
    peak = 0

    def handler(request: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.15)
        with lock:
            active -= 1
        return Response(HTML, content_type="text/html")

    httpserver.expect_request("/p").respond_with_handler(handler)
    urls = [httpserver.url_for(f"/p?n={i}") for i in range(6)]
    config = make_config(tmp_path, per_host_concurrency=2, total_concurrency=8)
    results = fetch_urls(urls, config)
    assert all(isinstance(r, RawDoc) for r in results)
    assert peak == 2  # never more than the limit, and the limit was actually used


def test_per_host_delay_spaces_request_starts(httpserver: HTTPServer, tmp_path: Path) -> None:
    starts: list[float] = []

    def handler(request: Request) -> Response:
        starts.append(time.monotonic())
        return Response(HTML, content_type="text/html")

    httpserver.expect_request("/p").respond_with_handler(handler)
    urls = [httpserver.url_for(f"/p?n={i}") for i in range(4)]
    fetch_urls(urls, make_config(tmp_path, per_host_delay=0.2, per_host_concurrency=2))
    gaps = [b - a for a, b in zip(sorted(starts), sorted(starts)[1:], strict=False)]
    assert len(starts) == 4
    assert min(gaps) >= 0.15  # 0.2 s nominal, minus scheduling jitter on a busy machine


def test_works_while_an_event_loop_is_running(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/s").respond_with_data(HTML, content_type="text/html")

    async def inside_a_loop() -> RawDoc | Failure:
        return fetch_one(httpserver.url_for("/s"), make_config(tmp_path))

    assert isinstance(asyncio.run(inside_a_loop()), RawDoc)


# --- acquire ------------------------------------------------------------------------------------


def _seed(tmp_path: Path, original: str) -> Path:
    path = tmp_path / "seed.txt"
    path.write_text(f"Headline\n\nBody text.\n\nOriginal url:\n\n<{original}>\n", encoding="utf-8")
    return path


def test_acquire_mixes_files_and_urls_in_order(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/s").respond_with_data(HTML, content_type="text/html")
    plain = tmp_path / "plain.md"
    plain.write_text("# Title\n\nText.\n", encoding="utf-8")
    items = [
        SourceItem("file", str(plain)),
        SourceItem("url", httpserver.url_for("/s")),
        SourceItem("file", str(tmp_path / "vanished.txt")),
    ]
    results = acquire(items, make_config(tmp_path))
    assert isinstance(results[0], RawDoc) and results[0].content_type == "text/markdown"
    assert results[0].url is None
    assert isinstance(results[1], RawDoc) and results[1].origin == "live"
    assert isinstance(results[2], Failure) and results[2].stage == "read"


def test_seed_gets_its_original_url_without_a_request(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    original = httpserver.url_for("/article")
    seed = _seed(tmp_path, original)
    (doc,) = acquire(
        [SourceItem("file", str(seed))], make_config(tmp_path), original_url=original_url
    )
    assert isinstance(doc, RawDoc)
    assert (doc.source, doc.url, doc.origin) == (str(seed), original, "local")
    assert httpserver.log == []


def test_fetch_originals_uses_the_live_page(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/article").respond_with_data(
        "", status=301, headers={"Location": "/article/"}
    )
    httpserver.expect_request("/article/").respond_with_data(HTML, content_type="text/html")
    seed = _seed(tmp_path, httpserver.url_for("/article"))
    (doc,) = acquire(
        [SourceItem("file", str(seed))],
        make_config(tmp_path),
        original_url=original_url,
        fetch_originals=True,
    )
    assert isinstance(doc, RawDoc)
    assert doc.source == str(seed)
    assert doc.url == httpserver.url_for("/article/")
    assert (doc.content_type, doc.origin, doc.body, doc.note) == ("text/html", "live", HTML, None)


def test_fetch_originals_falls_back_to_the_local_copy(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/article").respond_with_data("", status=404)
    original = httpserver.url_for("/article")
    seed = _seed(tmp_path, original)
    (doc,) = acquire(
        [SourceItem("file", str(seed))],
        make_config(tmp_path),
        original_url=original_url,
        fetch_originals=True,
    )
    assert isinstance(doc, RawDoc)
    assert (doc.source, doc.url, doc.origin, doc.content_type) == (
        str(seed),
        original,
        "local",
        "text/plain",
    )
    assert doc.body == seed.read_bytes()
    assert doc.note is not None and "HTTP 404 Not Found" in doc.note


def test_without_a_finder_no_file_is_a_copy(httpserver: HTTPServer, tmp_path: Path) -> None:
    """acquire parses nothing: a seed file is only a copy when the caller says so."""
    seed = _seed(tmp_path, httpserver.url_for("/article"))
    (doc,) = acquire([SourceItem("file", str(seed))], make_config(tmp_path), fetch_originals=True)
    assert isinstance(doc, RawDoc)
    assert (doc.url, doc.origin) == (None, "local")
    assert httpserver.log == []


def test_choose_copy_rules() -> None:
    local = RawDoc(source="/s.txt", body=b"local", content_type="text/plain")
    live = RawDoc(source="https://x/a", body=b"<p>live</p>", url="https://x/a/", origin="live")
    failed = Failure("https://x/a", "fetch", "timeout", "Fetching https://x/a failed: timeout.")
    assert choose_copy(local, "https://x/a", None).url == "https://x/a"
    chosen = choose_copy(local, "https://x/a", live)
    assert (chosen.source, chosen.body, chosen.url) == ("/s.txt", b"<p>live</p>", "https://x/a/")
    fallback = choose_copy(local, "https://x/a", failed)
    assert fallback.body == b"local" and fallback.note is not None and "timeout" in fallback.note


# --- pure helpers: robots rules, backoff, headers ----------------------------------------------


def _policy(text: str) -> RobotsPolicy:
    return RobotsPolicy.parse(text.encode(), "newsdb")


def test_robots_longest_match_wins_and_allow_wins_ties() -> None:
    policy = _policy(
        "User-agent: *\nDisallow: /news/\nAllow: /news/public\nDisallow: /a\nAllow: /a\n"
    )
    assert not policy.allows("https://x/news/secret")
    assert policy.allows("https://x/news/public/1")
    assert policy.allows("https://x/a")  # equal length: allow wins
    assert policy.allows("https://x/other")


def test_robots_wildcards_and_end_anchor() -> None:
    policy = _policy(
        "User-agent: *\nDisallow: /*?share=\nDisallow: /*.pdf$\nAllow: /$\nDisallow: /\n"
    )
    assert not policy.allows("https://x/story?share=fb")
    assert not policy.allows("https://x/files/report.pdf")
    assert policy.allows("https://x/")
    assert not policy.allows("https://x/files/report.pdf.html")  # "Disallow: /" still applies
    assert not policy.allows("https://x/anything")


def test_robots_group_selection_merges_our_groups_and_ignores_others() -> None:
    text = (
        "User-agent: googlebot\nDisallow: /\n\n"
        "User-agent: NewsDB\nDisallow: /one\n\n"
        "User-agent: other\nUser-agent: newsdb\nDisallow: /two\n\n"
        "User-agent: *\nDisallow: /three\n"
    )
    policy = _policy(text)
    assert not policy.allows("https://x/one") and not policy.allows("https://x/two")
    assert policy.allows("https://x/three") and policy.allows("https://x/four")


def test_robots_percent_encoding_is_normalised_and_robots_txt_always_allowed() -> None:
    policy = _policy("User-agent: *\nDisallow: /caf\u00e9\nDisallow: /%7Euser\nDisallow: /\n")
    assert not policy.allows("https://x/caf%C3%A9/menu")
    assert not policy.allows("https://x/~user/page")
    assert policy.allows("https://x/robots.txt")


def test_robots_empty_disallow_and_crawl_delay() -> None:
    policy = _policy("User-agent: newsdb\nDisallow:\nCrawl-delay: 2.5\n")
    assert policy.allows("https://x/anything")
    assert policy.crawl_delay == 2.5
    assert not RobotsPolicy.disallow_all("HTTP 500").allows("https://x/a")


def test_robots_rules_outside_groups_are_ignored_and_our_group_overrides_star() -> None:
    policy = _policy(
        "Disallow: /\nUser-agent: *\nDisallow: /x\n\nUser-agent: newsdb\nCrawl-delay: 3\n"
    )
    assert policy.allows("https://x/a") and policy.allows("https://x/x")
    assert policy.crawl_delay == 3.0
    star = _policy("User-agent: *\nDisallow: /x\nCrawl-delay: 1\n")
    assert not star.allows("https://x/x/1") and star.crawl_delay == 1.0


def test_robots_a_closed_site_still_lets_robots_txt_through() -> None:
    closed = RobotsPolicy.disallow_all("connection refused")
    assert not closed.allows("https://x/") and closed.allows("https://x/robots.txt")
    assert closed.crawl_delay is None and RobotsPolicy.allow_all().allows("https://x/a")


def test_product_token() -> None:
    assert product_token(DEFAULT_USER_AGENT) == "newsdb"
    assert product_token("Googlebot/2.1 (+http://www.google.com/bot.html)") == "googlebot"


def test_parse_retry_after_seconds_dates_and_garbage() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120.0
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Wed, 01 May 2024 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    for attempt, nominal in [(0, 0.5), (1, 1.0), (2, 2.0), (10, 30.0)]:
        delays = [backoff_delay(attempt, base=0.5, cap=30.0) for _ in range(50)]
        assert all(nominal / 2 <= d <= nominal for d in delays)
        assert len(set(delays)) > 1  # jittered, so a batch does not retry in lock-step


def test_parse_content_type() -> None:
    assert parse_content_type('Text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert parse_content_type("text/plain") == ("text/plain", None)
    assert parse_content_type(None) == (None, None)


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="per_host_delay"):
        FetchConfig(per_host_delay=-1)
    with pytest.raises(ValueError, match="read_timeout"):
        FetchConfig(read_timeout=0)
    assert FetchConfig(cache_dir="x").cache_dir == Path("x")  # type: ignore[arg-type]
