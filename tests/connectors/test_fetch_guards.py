"""What a hostile web server can try against the fetcher: decompression bombs, stacked or
unknown Content-Encodings, and addresses it has no business reaching (loopback, private,
link-local cloud metadata), directly or through a redirect.

Everything is served from pytest-httpserver on 127.0.0.1 (and 127.0.0.2 for a second "host").
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from connectors.fetchconfig import FetchConfig
from connectors.http import fetch_urls
from transforms.model import Failure, RawDoc

HTML = b"<!doctype html><html><head><title>Story</title></head><body><p>News.</p></body></html>"
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def httpserver(server: HTTPServer) -> HTTPServer:
    server.clear()
    return server


def config(tmp_path: Path, **overrides: Any) -> FetchConfig:
    knobs: dict[str, Any] = {
        # Timeouts generous enough for a loaded CI machine; the timeout tests set their own.
        "connect_timeout": 5.0,
        "read_timeout": 5.0,
        "total_timeout": 30.0,
        "max_retries": 0,
        "per_host_delay": 0.0,
        "respect_robots": False,
        "cache_dir": tmp_path / "raw",
        "allowed_networks": ("127.0.0.1",),
    }
    knobs.update(overrides)
    return FetchConfig(**knobs)


def fetch_one(url: str, cfg: FetchConfig) -> RawDoc | Failure:
    (result,) = fetch_urls([url], cfg)
    return result


def _gzip_of_zeros(n_mib: int) -> bytes:
    """gzip of ``n_mib`` MiB of zero bytes, compressed piece by piece (never held inflated)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MIB)
    return b"".join(packer.compress(zeros) for _ in range(n_mib)) + packer.flush()


# --- case 1: decoded size is capped while decoding ------------------------------------------


@pytest.mark.parametrize("encoding", ["gzip, gzip", "gzip"])
def test_compression_bomb_costs_no_more_than_the_cap(
    httpserver: HTTPServer, tmp_path: Path, encoding: str
) -> None:
    """256 MiB of zeros, gzipped twice, is a few hundred bytes on the wire. The fetcher must
    stop at the cap without ever holding the inflated body: peak memory stays near the cap."""
    inner = _gzip_of_zeros(256)
    body = gzip.compress(inner) if encoding == "gzip, gzip" else inner
    httpserver.expect_request("/bomb").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": encoding}
    )
    httpserver.expect_request("/warm").respond_with_data(HTML, content_type="text/html")
    cap = MIB
    cfg = config(tmp_path, max_bytes=cap)
    fetch_one(httpserver.url_for("/warm"), cfg)  # one-time imports and TLS setup: not the bomb's
    tracemalloc.start()
    try:
        result = fetch_one(httpserver.url_for("/bomb"), cfg)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, Failure), result
    assert result.error_kind == "too_large"
    # The margin is the request itself: a plain fetch of a tiny page with a fresh client
    # already peaks at up to ~10 MiB here (connection set-up, the in-process test server).
    assert peak < cap + 16 * MIB, f"peak {peak / MIB:.1f} MiB"


def test_stacked_encodings_that_fit_are_decoded(httpserver: HTTPServer, tmp_path: Path) -> None:
    body = zlib.compress(gzip.compress(HTML))
    httpserver.expect_request("/twice").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": "gzip, deflate"}
    )
    doc = fetch_one(httpserver.url_for("/twice"), config(tmp_path))
    assert isinstance(doc, RawDoc) and doc.body == HTML


def test_raw_deflate_is_decoded(httpserver: HTTPServer, tmp_path: Path) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # no zlib header, as IIS sends
    body = packer.compress(HTML) + packer.flush()
    httpserver.expect_request("/raw").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": "deflate"}
    )
    doc = fetch_one(httpserver.url_for("/raw"), config(tmp_path))
    assert isinstance(doc, RawDoc) and doc.body == HTML


def test_unknown_content_encoding_is_refused(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/br").respond_with_data(
        b"\x1b\x03\x00\xf8\xff", content_type="text/html", headers={"Content-Encoding": "br"}
    )
    result = fetch_one(httpserver.url_for("/br"), config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "unsupported_encoding"
    assert "br" in result.message


def test_corrupt_gzip_body_is_a_decode_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/bad").respond_with_data(
        b"\x1f\x8b\x08\x00garbage-garbage", content_type="text/html",
        headers={"Content-Encoding": "gzip"},
    )  # fmt: skip
    result = fetch_one(httpserver.url_for("/bad"), config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "decode_error"


def test_only_encodings_we_decode_are_offered(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/story").respond_with_data(HTML, content_type="text/html")
    fetch_one(httpserver.url_for("/story"), config(tmp_path))
    assert httpserver.log[0][0].headers["Accept-Encoding"] == "gzip, deflate"


# --- case 6: addresses the fetcher refuses unless allowed -------------------------------------


@pytest.fixture(scope="module")
def other_host() -> Iterator[HTTPServer]:
    """A second local "host" on 127.0.0.2 (all of 127/8 is loopback on Linux)."""
    srv = HTTPServer(host="127.0.0.2", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


def test_loopback_is_refused_by_default(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/story").respond_with_data(HTML, content_type="text/html")
    cfg = config(tmp_path, allowed_networks=())
    for url in (httpserver.url_for("/story"), f"http://localhost:{httpserver.port}/story"):
        result = fetch_one(url, cfg)
        assert isinstance(result, Failure), url
        assert result.error_kind == "blocked_address"
        assert "127.0.0.1" in result.message and "loopback" in result.message
        assert "--allow-address" in result.message
    assert len(httpserver.log) == 0  # refused before connecting, never retried


def test_robots_check_does_not_reach_a_refused_host(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    cfg = config(tmp_path, allowed_networks=(), respect_robots=True)
    result = fetch_one(httpserver.url_for("/story"), cfg)
    assert isinstance(result, Failure) and result.error_kind == "blocked_address"
    assert len(httpserver.log) == 0


def test_redirect_to_a_refused_address_is_not_followed(
    httpserver: HTTPServer, other_host: HTTPServer, tmp_path: Path
) -> None:
    other_host.clear()
    other_host.expect_request("/admin").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": other_host.url_for("/admin")}
    )
    result = fetch_one(httpserver.url_for("/hop"), config(tmp_path))
    assert isinstance(result, Failure) and result.error_kind == "blocked_address"
    assert "127.0.0.2" in result.message
    assert len(other_host.log) == 0


def test_redirect_to_cloud_metadata_is_refused(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/hop").respond_with_data(
        "", status=301, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    result = fetch_one(httpserver.url_for("/hop"), config(tmp_path, connect_timeout=5.0))
    assert isinstance(result, Failure) and result.error_kind == "blocked_address"
    assert "169.254.169.254" in result.message and "link-local" in result.message


def test_allowed_network_is_fetched(
    httpserver: HTTPServer, other_host: HTTPServer, tmp_path: Path
) -> None:
    other_host.clear()
    other_host.expect_request("/admin").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": other_host.url_for("/admin")}
    )
    doc = fetch_one(httpserver.url_for("/hop"), config(tmp_path, allowed_networks=("127.0.0.0/8",)))
    assert isinstance(doc, RawDoc) and doc.body == HTML


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "not publicly routable"),
        ("93.184.215.14", None),
        ("2606:4700::6810:84e5", None),
    ],
)
def test_address_policy(address: str, kind: str | None) -> None:
    from connectors.addresses import AddressPolicy

    assert AddressPolicy().refusal(address) == kind
    assert AddressPolicy(["0.0.0.0/0", "::/0"]).refusal(address) is None


@pytest.mark.parametrize("entry", ["example.com", "10.0.0.0/33", "", "1.2.3"])
def test_bad_allow_entries_are_refused(entry: str) -> None:
    with pytest.raises(ValueError, match="allow"):
        FetchConfig(allowed_networks=(entry,))
