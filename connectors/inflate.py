"""Undo gzip and deflate, stacked or not, without ever producing more than a size cap.

A compressed body is the cheapest attack on a fetcher: a few hundred bytes of ``gzip, gzip``
inflate to gigabytes, and a decoder that inflates whole chunks (as httpx's does) has spent the
memory before any cap can be checked. Here every layer inflates at most ``STEP`` bytes per call
and hands them on at once, so a body costs at most its cap plus a few ``STEP``-sized buffers,
however it is encoded. The HTTP fetcher (``Content-Encoding``) and the local ``.html.gz``
reader both decode through ``Inflater``.

Only codings we can bound are accepted: ``gzip`` (multi-member too), ``deflate`` (with or
without its zlib header, as servers differ) and ``identity``. Anything else (``br``, ``zstd``,
``compress``) raises ``EncodingError`` rather than handing compressed bytes on as text.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

#: What the fetcher offers in Accept-Encoding: exactly what ``Inflater`` can decode.
ACCEPT_ENCODING = "gzip, deflate"
#: Most bytes any layer produces per call.
STEP = 64 * 1024
#: More layers than this is no real server's doing.
MAX_LAYERS = 3

_GZIP = 16 + zlib.MAX_WBITS  # expect a gzip header
_KNOWN = frozenset({"gzip", "x-gzip", "deflate", "identity"})


class EncodingError(Exception):
    """A coding we do not decode, or bytes that are not what their coding says."""


class TooLarge(Exception):
    """The decoded bytes passed the cap; nothing past it was produced."""


def parse_codings(header: str | None) -> list[str]:
    """``"gzip, gzip"`` -> ``["gzip", "gzip"]`` in the order they were applied; identity and
    empty entries dropped. Raises EncodingError for codings we do not decode."""
    codings = [c.strip().lower() for c in (header or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    unknown = [c for c in codings if c not in _KNOWN]
    if unknown:
        raise EncodingError(f"unsupported Content-Encoding {', '.join(unknown)!s}")
    if len(codings) > MAX_LAYERS:
        raise EncodingError(f"{len(codings)} stacked Content-Encodings (at most {MAX_LAYERS})")
    return codings


class _Layer:
    """One coding, inflated in bounded steps."""

    def __init__(self, coding: str) -> None:
        self.coding = "gzip" if coding == "x-gzip" else coding
        self.started = False
        self.inflater = self._new()

    def _new(self, raw: bool = False) -> zlib._Decompress:
        if self.coding == "gzip":
            return zlib.decompressobj(_GZIP)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.inflater.eof:
            if self.coding != "gzip" or not data.strip(b"\x00"):
                return  # padding after the end of the stream: ignored, as gzip(1) does
            self.inflater = self._new()  # the next member of a multi-member gzip
        while True:
            try:
                out = self.inflater.decompress(data, STEP)
            except zlib.error as exc:
                if self.coding == "deflate" and not self.started:
                    # Some servers send raw deflate without the zlib header: retry as raw.
                    self.inflater = self._new(raw=True)
                    self.started = True
                    continue
                raise EncodingError(f"corrupt {self.coding} data ({exc})") from exc
            self.started = True
            if out:
                yield out
            if self.inflater.eof:
                rest = self.inflater.unused_data
                if self.coding != "gzip" or not rest.strip(b"\x00"):
                    return
                self.inflater, data = self._new(), rest
                continue
            data = self.inflater.unconsumed_tail
            if not data and len(out) < STEP:
                return  # input used up and zlib holds no more output

    def finish(self, *, strict: bool) -> Iterator[bytes]:
        tail = self.inflater.flush()
        if tail:
            yield tail
        if strict and self.started and not self.inflater.eof:
            raise EncodingError(f"truncated {self.coding} data: the stream ends early")


class Inflater:
    """Decode a body given as raw chunks, yielding decoded pieces of at most ``STEP`` bytes.

    ``codings`` are in the order they were applied (as ``Content-Encoding`` lists them); they
    are undone last first. ``TooLarge`` is raised as soon as the output passes ``limit``
    (None: no cap here, for callers that count and stop themselves, piece by piece).
    ``strict`` makes a stream that ends before its end marker an error (a truncated file);
    HTTP bodies are lenient, since a page cut short is still worth reading.
    """

    def __init__(self, codings: Iterable[str], limit: int | None, *, strict: bool = False) -> None:
        self.layers = [_Layer(c) for c in reversed(list(codings))]
        self.limit = limit
        self.strict = strict
        self.size = 0

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        yield from self._counted(self._through(0, chunk))

    def finish(self) -> Iterator[bytes]:
        """Flush every layer in turn (what one layer flushes still goes through the next)."""

        def flushed(i: int) -> Iterator[bytes]:
            if i == len(self.layers):
                return
            for piece in self.layers[i].finish(strict=self.strict):
                yield from self._through(i + 1, piece)
            yield from flushed(i + 1)

        yield from self._counted(flushed(0))

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i == len(self.layers):
            if data:
                yield data
            return
        for piece in self.layers[i].feed(data):
            yield from self._through(i + 1, piece)

    def _counted(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.size += len(piece)
            if self.limit is not None and self.size > self.limit:
                raise TooLarge(f"decodes to more than {self.limit} bytes")
            yield piece


def inflate_all(chunks: Iterable[bytes], codings: Iterable[str], limit: int, **kw: bool) -> bytes:
    """Every chunk through one ``Inflater``: the whole decoded body, at most ``limit`` bytes."""
    inflater = Inflater(codings, limit, **kw)
    parts: list[bytes] = []
    for chunk in chunks:
        parts.extend(inflater.feed(chunk))
    parts.extend(inflater.finish())
    return b"".join(parts)
