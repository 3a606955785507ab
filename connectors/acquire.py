"""From discovered inputs to raw bytes: local files are read, URLs fetched, in one batch call.

A local file may be a saved copy of a web page. Whether it is, and of which page, is a question
about its text, so the caller answers it (``original_url``, in the flow
``transforms.clean.original_url``): this module reads and fetches, and parses nothing. The one
decision made here is which copy of such an article to use: the local bytes, labelled with the
original address, or, with ``fetch_originals``, the live page. That choice lives in
``choose_copy`` alone so the rule can be read (and tested) in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from connectors.fetchconfig import FetchConfig
from connectors.files import read_local
from connectors.http import fetch_urls
from transforms.model import Failure, RawDoc, SourceItem

#: Given a local file's bytes, the web address it is a copy of (None: it is no copy).
OriginalUrl = Callable[[RawDoc], str | None]


def acquire(
    items: Sequence[SourceItem],
    config: FetchConfig,
    *,
    original_url: OriginalUrl | None = None,
    fetch_originals: bool = False,
) -> list[RawDoc | Failure]:
    """Read or fetch every item, returning a ``RawDoc`` or ``Failure`` for each, in order.

    ``original_url`` is asked about each local file read (not given: none is a copy). All URLs
    of the batch, including copies' original addresses when ``fetch_originals`` is on, go to a
    single ``fetch_urls`` call so per-host limits and robots.txt caching span the batch: that is
    why the question is handed in rather than asked by the flow after reading.
    """
    results: dict[int, RawDoc | Failure] = {}
    seeds: dict[int, tuple[RawDoc, str]] = {}  # item index -> (local copy, declared original)
    urls: list[str] = []
    url_slots: list[int] = []

    for i, item in enumerate(items):
        if item.kind == "url":
            urls.append(item.location)
            url_slots.append(i)
            continue
        local = read_local(Path(item.location), max_bytes=config.max_bytes)
        results[i] = local
        if isinstance(local, RawDoc) and original_url is not None:
            original = original_url(local)
            if original is not None:
                seeds[i] = (local, original)

    originals = [original for _, original in seeds.values()] if fetch_originals else []
    fetched = fetch_urls(urls + originals, config)
    results.update(zip(url_slots, fetched[: len(urls)], strict=True))
    live = dict(zip(originals, fetched[len(urls) :], strict=True))

    for i, (local, original) in seeds.items():
        results[i] = choose_copy(local, original, live.get(original))

    return [results[i] for i in range(len(items))]


def choose_copy(local: RawDoc, original_url: str, live: RawDoc | Failure | None) -> RawDoc:
    """The copy of a seed article to process.

    * No live fetch attempted (``live`` is None): the local bytes, with ``url`` set to the
      declared original so the article keeps its real provenance.
    * Live page fetched: its bytes and metadata, but ``source`` stays the local path, because
      that is what the user ingested and what re-runs will match on.
    * Live fetch failed: the local bytes, with a ``note`` saying why the live page was not used,
      so a run over dead links still produces every article instead of a wall of failures.
    """
    if isinstance(live, RawDoc):
        return replace(live, source=local.source, note=None)
    if isinstance(live, Failure):
        return replace(
            local, url=original_url, note=f"Live page not used, local copy kept: {live.message}"
        )
    return replace(local, url=original_url)
