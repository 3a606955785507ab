"""Local article files into ``RawDoc``s, with the same guards the network side has.

A local folder is just as untrusted as the web: a stray multi-gigabyte dump, an empty placeholder
or a truncated ``.html.gz`` must become one ``Failure`` row, not a crash or an OOM half-way through
a batch of hundreds. So the size cap applies to the bytes we would hand on, which for gzip means
the *decompressed* size, checked while inflating.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from connectors.inflate import EncodingError, TooLarge, inflate_all
from transforms.model import Failure, RawDoc

#: Supported name endings -> (media type, gzip-compressed?). Longest endings first so that
#: ``.html.gz`` wins over any shorter match. ``discover`` uses the same table.
SUPPORTED_SUFFIXES: dict[str, tuple[str, bool]] = {
    ".html.gz": ("text/html", True),
    ".html": ("text/html", False),
    ".htm": ("text/html", False),
    ".txt": ("text/plain", False),
    ".md": ("text/markdown", False),
}

_CHUNK = 64 * 1024


def media_type_for(path: Path) -> tuple[str, bool] | None:
    """``(content_type, gzipped)`` for a supported file name (case-insensitive), else None."""
    name = path.name.lower()
    for suffix, kind in SUPPORTED_SUFFIXES.items():
        # A bare ".txt" is a hidden file with no name, not a text article.
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    return None


def read_local(path: Path, *, max_bytes: int) -> RawDoc | Failure:
    """Read one article file as raw bytes plus provenance, or say why it cannot be used.

    ``max_bytes`` caps the returned body (decompressed, for ``.html.gz``). The bytes are not
    decoded: charset detection belongs to the cleaning stage, which sees HTML meta tags too.
    """
    path = path.absolute()
    source = str(path)

    def fail(kind: str, message: str) -> Failure:
        return Failure(source=source, stage="read", error_kind=kind, message=message)

    kind = media_type_for(path)
    if kind is None:
        return fail(
            "unsupported_type",
            f"{source} is not a supported article file "
            f"(expected one of {', '.join(SUPPORTED_SUFFIXES)}).",
        )
    content_type, gzipped = kind

    try:
        # One open file for stat and read, so the size we check is the file we read.
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if not gzipped and st.st_size > max_bytes:
                return fail("too_large", _too_large(source, st.st_size, max_bytes))
            body = _inflate(fh, max_bytes) if gzipped else fh.read(max_bytes + 1)
    except FileNotFoundError:
        return fail("not_found", f"{source} does not exist (it may have been moved or deleted).")
    except IsADirectoryError:
        return fail("unreadable", f"{source} is a directory, not an article file.")
    except PermissionError:
        return fail("unreadable", f"{source} cannot be read: permission denied.")
    except _TooLarge as exc:
        return fail("too_large", str(exc).replace("<path>", source, 1))
    except EncodingError as exc:
        return fail("corrupt_gzip", f"{source} is not a valid gzip file ({exc}).")
    except OSError as exc:
        return fail("unreadable", f"{source} cannot be read: {exc.strerror or exc}.")

    if len(body) > max_bytes:
        # The file grew between fstat and read; the cap is about what we hand on, so still refuse.
        return fail("too_large", _too_large(source, len(body), max_bytes))
    if not body.strip():
        what = "decompresses to nothing" if gzipped and body == b"" else "is empty"
        if body:
            what = "contains only whitespace"
        return fail("empty", f"{source} {what}.")

    return RawDoc(
        source=source,
        body=body,
        url=None,
        content_type=content_type,
        charset=None,
        fetched_at=datetime.fromtimestamp(st.st_mtime, tz=UTC),
        origin="local",
    )


class _TooLarge(Exception):
    """Raised from inside decompression when the inflated size passes the cap."""


def _inflate(fh: BinaryIO, max_bytes: int) -> bytes:
    """Decompress a gzip file, refusing to produce more than ``max_bytes``.

    ``Inflater`` inflates in bounded steps, so a bomb (a few KiB expanding to gigabytes) costs
    at most ``max_bytes`` plus a step of memory before we stop. It also reads multi-member
    files, which some archivers produce by concatenation, and calls a stream that ends early
    truncated.
    """
    try:
        return inflate_all(iter(lambda: fh.read(_CHUNK), b""), ["gzip"], max_bytes, strict=True)
    except TooLarge as exc:
        raise _TooLarge(
            f"<path> decompresses to more than {format_size(max_bytes)} "
            f"(the size cap); refusing to inflate further."
        ) from exc


def _too_large(source: str, size: int, max_bytes: int) -> str:
    return f"{source} is {format_size(size)}, over the {format_size(max_bytes)} size cap."


def format_size(n: int) -> str:
    """Byte counts as people read them in messages: ``512 B``, ``1.5 KiB``, ``10 MiB``."""
    size = float(n)
    for unit in ("B", "KiB", "MiB"):
        if size < 1024 or unit == "MiB":
            return f"{int(size)} {unit}" if size == int(size) else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
