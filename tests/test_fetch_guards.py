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

from connectors.http import FetchConfig, fetch_urls
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
        "connect_timeout": 0.5,
        "read_timeout": 0.5,
        "total_timeout": 20.0,
        "max_retries": 0,
        "per_host_delay": 0.0,
        "respect_robots": False,
        "cache_dir": tmp_path / "raw",
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
