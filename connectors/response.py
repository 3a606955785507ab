"""One HTTP response read the way the fetcher needs it: checked before and while its body
comes in, and turned into a ``Reply`` (a response we got to the end of) or a ``Problem`` (why
there is none). Media type from the headers (a PDF is refused before a byte of it is read),
the size cap while streaming (Content-Length can lie or be missing, and is checked after
Content-Encoding is undone, in bounded steps), the overall time limit, and an empty body.
No character set is decoded.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from http import HTTPStatus

import httpx

from connectors.backoff import parse_retry_after
from connectors.fetchconfig import ACCEPTED_TYPES, FetchConfig
from connectors.files import format_size
from connectors.inflate import EncodingError, Inflater, parse_codings
from connectors.robots import MAX_ROBOTS_BYTES

_SNIFF_BYTES = 1024


@dataclass
class Reply:
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
class Problem:
    """Why a hop produced no usable response. ``detail`` is a clause, not a sentence."""

    kind: str
    detail: str
    url: str
    retryable: bool = False
    status: int | None = None  # set for HTTP-status problems (robots.txt rules depend on it)
    retry_after: float | None = None
    attempts: int = 1


def read_response(
    url: str, resp: httpx.Response, cfg: FetchConfig, *, page: bool, started: float
) -> Reply | Problem:
    """What one response amounts to. Only a 2xx body is read, and only when the media type and
    the declared size allow it (a robots.txt body is read up to the RFC's limit, whatever its
    type)."""
    content_type, charset = parse_content_type(resp.headers.get("content-type"))
    reply = Reply(
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
        body = _read_body(url, resp, MAX_ROBOTS_BYTES, started, cfg.total_timeout, truncate=True)
        return body if isinstance(body, Problem) else replace(reply, body=body)

    if content_type is not None and content_type not in cfg.accepted_types:
        wanted = "HTML or text"
        if cfg.accepted_types != ACCEPTED_TYPES:
            wanted = "a feed, sitemap or web page"
        return Problem(
            "unsupported_type",
            f"the server sent {content_type}, not {wanted} (body not downloaded)",
            url,
        )
    declared = _content_length(resp)
    if declared is not None and declared > cfg.max_bytes:
        return Problem(
            "too_large",
            f"Content-Length is {format_size(declared)}, over the "
            f"{format_size(cfg.max_bytes)} size cap (body not downloaded)",
            url,
        )
    body = _read_body(url, resp, cfg.max_bytes, started, cfg.total_timeout, truncate=False)
    if isinstance(body, Problem):
        return body
    if not body.strip():
        return Problem("empty", "the server sent an empty body", url)
    if content_type is None:
        # No Content-Type at all: look at the bytes, as browsers do, but only to tell
        # markup and text from binary; a wrong guess here is caught by cleaning.
        content_type = _sniff(body)
        if content_type is None:
            return Problem("unsupported_type", "no Content-Type and the body looks binary", url)
    return replace(reply, body=body, content_type=content_type)


def _read_body(
    url: str,
    resp: httpx.Response,
    limit: int,
    started: float,
    total_timeout: float,
    *,
    truncate: bool,
) -> bytes | Problem:
    """Stream the body, stopping at ``limit`` bytes and at ``total_timeout`` seconds overall.

    The raw bytes are decoded here, through ``Inflater``, not by httpx: it inflates whole
    chunks, so a few hundred bytes of ``gzip, gzip`` became gigabytes before any cap could be
    checked. Here no step produces more than 64 KiB, and the cap applies after decoding.
    """
    try:
        inflater = Inflater(parse_codings(resp.headers.get("content-encoding")), None)
    except EncodingError as exc:
        return Problem("unsupported_encoding", f"the server sent {exc}", url)

    def decoded() -> Iterator[bytes]:
        for raw in resp.iter_raw():
            yield from inflater.feed(raw)
        yield from inflater.finish()

    parts: list[bytes] = []
    size = 0
    try:
        for chunk in decoded():
            size += len(chunk)
            if size > limit:
                if truncate:
                    parts.append(chunk[: len(chunk) - (size - limit)])
                    break
                return Problem(
                    "too_large",
                    f"the body passed the {format_size(limit)} size cap while downloading",
                    url,
                )
            parts.append(chunk)
            if time.monotonic() - started > total_timeout:
                return Problem(
                    "timeout",
                    f"the response was still incomplete after {total_timeout:g} s",
                    url,
                    retryable=True,
                )
    except EncodingError as exc:
        return Problem("decode_error", f"the body could not be decompressed ({exc})", url)
    return b"".join(parts)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``'text/html; charset="UTF-8"'`` -> ``('text/html', 'utf-8')``; missing parts are None."""
    if not value:
        return None, None
    declared, *params = value.split(";")
    media = declared.strip().lower() or None
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").strip().lower() or None
    return media, charset


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
