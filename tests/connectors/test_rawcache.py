"""The raw page cache treats its own files as untrusted: a tampered record cannot make it read
or delete anything outside the cache folder. No network."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from connectors.rawcache import CacheRecord, RawCache

URL = "https://news.example/story"


def _record(cache: RawCache, body: bytes) -> Path:
    sha = hashlib.sha256(body).hexdigest()
    record = CacheRecord(URL, URL, 200, "text/html", None, datetime.now(UTC), sha)
    cache.store(record, body)
    (path,) = (cache.root / "urls").rglob("*.json")
    return path


@pytest.mark.parametrize(
    "tampered",
    ["../../victim.txt", "../../../victim.txt", "/tmp/x", "AB" * 32, "0" * 63, "", 7, ["x"]],
)
def test_tampered_body_hash_is_a_miss_and_deletes_nothing(tmp_path: Path, tampered: object) -> None:
    root = tmp_path / "cache" / "raw"
    cache = RawCache(root)
    record_path = _record(cache, b"<p>page</p>")
    victim = tmp_path / "cache" / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "victim.txt").write_text("keep me too")
    data = json.loads(record_path.read_text())
    data["body_sha256"] = tampered
    record_path.write_text(json.dumps(data))

    assert cache.lookup(URL, max_age=None) is None
    assert victim.read_text() == "keep me"
    assert (tmp_path / "victim.txt").read_text() == "keep me too"


def test_damaged_object_inside_the_cache_is_still_removed(tmp_path: Path) -> None:
    cache = RawCache(tmp_path / "raw")
    _record(cache, b"<p>page</p>")
    (obj,) = [p for p in (tmp_path / "raw" / "objects").rglob("*") if p.is_file()]
    obj.write_bytes(b"damaged")
    assert cache.lookup(URL, max_age=None) is None
    assert not obj.exists()


def test_store_refuses_a_record_naming_another_body(tmp_path: Path) -> None:
    cache = RawCache(tmp_path / "raw")
    record = CacheRecord(URL, URL, 200, None, None, datetime.now(UTC), "../../x")
    with pytest.raises(ValueError):
        cache.store(record, b"body")
