"""A content-addressed store of raw HTTP responses, safe for several processes at once.

Layout under the cache root::

    objects/<sha[:2]>/<sha>          response bodies, named by their SHA-256
    urls/<key[:2]>/<key>.json        one record per requested URL, key = SHA-256 of the URL

Bodies are shared: two URLs that serve identical bytes (a redirect target and its alias) store
them once. Every write goes to a temporary file in the destination folder and is then renamed
with ``os.replace``, which is atomic on POSIX and Windows, so a reader in another process sees the
old file or the new one, never half of either. The body is written before the record that points
to it, so a record never names a missing object. We do not fsync: after a power cut an object
may be empty or short, which ``lookup`` detects by re-hashing and treats as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from transforms.model import RawDoc

if TYPE_CHECKING:
    from connectors.response import Reply

#: What a body's name must look like. Records are files anyone with write access to the cache
#: can edit, so the name is checked before it becomes part of a path.
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class CacheRecord:
    """What we knew about one URL when we fetched it. ``body_sha256`` is None for bodiless
    records (a robots.txt that answered 404 is worth remembering too)."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    charset: str | None
    fetched_at: datetime
    body_sha256: str | None


class RawCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def lookup(
        self, url: str, *, max_age: float | None, now: datetime | None = None
    ) -> tuple[CacheRecord, bytes | None] | None:
        """The stored record and body for ``url``, or None if absent, stale or damaged.

        ``max_age`` is in seconds; None means a record never expires.
        """
        try:
            data = json.loads(self._record_path(url).read_text(encoding="utf-8"))
            record = CacheRecord(
                url=data["url"],
                final_url=data["final_url"],
                status=int(data["status"]),
                content_type=data.get("content_type"),
                charset=data.get("charset"),
                fetched_at=datetime.fromisoformat(data["fetched_at"]),
                body_sha256=data.get("body_sha256"),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if record.url != url:  # a hash collision is implausible, but the check is free
            return None
        sha = record.body_sha256
        if sha is not None and not (isinstance(sha, str) and _SHA256.fullmatch(sha)):
            return None
        if record.fetched_at.tzinfo is None:
            return None
        if max_age is not None:
            age = ((now or datetime.now(UTC)) - record.fetched_at).total_seconds()
            if age > max_age:
                return None
        if record.body_sha256 is None:
            return record, None
        body = self._read_object(record.body_sha256)
        return None if body is None else (record, body)

    def store(self, record: CacheRecord, body: bytes | None) -> None:
        """Save ``body`` (if any) and then ``record``; later stores of the same URL win."""
        if record.body_sha256 is not None and not _SHA256.fullmatch(record.body_sha256):
            raise ValueError("record.body_sha256 is not a SHA-256 hex digest")
        if body is not None:
            sha = hashlib.sha256(body).hexdigest()
            if record.body_sha256 != sha:
                raise ValueError("record.body_sha256 does not match the body being stored")
            path = self._object_path(sha)
            if not path.exists():  # content-addressed: an existing object is already right
                _atomic_write(path, body)
        data = asdict(record)
        data["fetched_at"] = record.fetched_at.isoformat()
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        _atomic_write(self._record_path(record.url), text.encode("utf-8"))

    def page(self, source: str, url: str, *, max_age: float | None) -> RawDoc | None:
        """``source`` answered from the cache (requested as ``url``): a fresh 2xx record with
        its body, or None."""
        hit = self.lookup(url, max_age=max_age)
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

    def store_reply(self, urls: list[str], reply: Reply, fetched_at: datetime) -> None:
        """Store one response under each of ``urls`` (a redirect chain's asked-for and final
        ends); a bodiless answer (a robots.txt 404) is stored as a record alone."""
        sha = hashlib.sha256(reply.body).hexdigest() if reply.body else None
        for url in dict.fromkeys(urls):
            record = CacheRecord(
                url=url,
                final_url=reply.url,
                status=reply.status,
                content_type=reply.content_type,
                charset=reply.charset,
                fetched_at=fetched_at,
                body_sha256=sha,
            )
            self.store(record, reply.body if sha else None)

    def _read_object(self, sha: str) -> bytes | None:
        if not _SHA256.fullmatch(sha):
            return None  # a tampered or damaged record: a miss, and nothing is touched
        path = self._object_path(sha)
        try:
            body = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(body).hexdigest() != sha:
            # Damaged (see module docstring). Remove it so the next store rewrites it.
            path.unlink(missing_ok=True)
            return None
        return body

    def _object_path(self, sha: str) -> Path:
        """Where the body named ``sha`` lives; ``sha`` must already have passed ``_SHA256``,
        which is what keeps this path (and any unlink of it) inside ``objects/``."""
        return self.root / "objects" / sha[:2] / sha

    def _record_path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / "urls" / key[:2] / f"{key}.json"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
