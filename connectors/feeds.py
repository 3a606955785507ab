"""Sources that change: feeds, sitemaps and site home pages, followed to their new article URLs.

A followed source stands for the articles it lists today:

* ``feed:URL``: an RSS, Atom or JSON Feed;
* ``sitemap:URL``: an XML or text sitemap (a sitemap index is walked into its children), or a
  site's root, whose robots.txt ``Sitemap:`` lines (else ``/sitemap.xml``) are used;
* ``site:URL``: a home page, whose feeds are found from its ``<link rel="alternate">`` tags.

Every document is fetched by ``connectors/http.py``'s fetcher, so robots.txt, per-host delays,
retries, size caps, the raw cache and the address policy (``connectors/addresses.py``) apply
exactly as for articles; only the accepted media types are wider. Every URL a feed, sitemap,
robots.txt or home page names loses any ``user:password@`` before it is fetched or stored.
Parsing is trafilatura's own (``trafilatura.feeds``, ``trafilatura.sitemaps``), kept apart from
the network: we hand it text, it hands back links.

Each run keeps, per source, at most ``limit`` article URLs that no earlier run took (the
``seen_urls`` table), in the order the source lists them (feeds list the newest first), so a
backlog is worked off over several runs and a quiet feed costs one request.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from courlan import get_hostinfo
from trafilatura.feeds import (
    FeedParameters,
    determine_feed,
    find_links,
    handle_link_list,
    is_potential_feed,
)
from trafilatura.sitemaps import SitemapObject, extract_robots_sitemaps
from trafilatura.utils import decode_file

from connectors.discover import FOLLOWED_KINDS
from connectors.fetchconfig import ACCEPTED_TYPES, FetchConfig
from connectors.http import fetch_urls
from transforms.model import Failure, RawDoc, SourceItem
from transforms.safety import strip_userinfo

#: A feed, sitemap or home page fetched this recently is read from the raw cache instead of
#: the network. ``newsdb run`` checks for new articles before it starts Prefect, and the flow it
#: then starts reads the same feed seconds later: one request, not two. Cron schedules are a
#: minute apart at the least, so no scheduled run ever sees a stale feed because of this.
FRESH_SECONDS = 30.0
#: Feeds read per ``site:`` home page (sites list a main feed first, then sections).
MAX_FEEDS_PER_SITE = 5
#: Sitemap documents read per source and run: an index of thousands of children is walked a
#: few at a time, newest articles being what a news schedule wants.
MAX_SITEMAPS_PER_SOURCE = 20

#: Media types of feeds, sitemaps (plain or gzipped) and home pages.
FOLLOW_TYPES = ACCEPTED_TYPES | {
    "application/atom+xml",
    "application/rss+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",  # what many servers call a .xml.gz file
}

#: Fetch outcomes worth another try on the next run; any other outcome settles a URL for good.
_PASSING = frozenset({"timeout", "connection_error", "http_429"})

Role = Literal["feed", "sitemap", "site", "robots"]
SeenLookup = Callable[[Sequence[str]], set[str]]


def label(item: SourceItem) -> str:
    """A followed source as the user wrote it (``feed:https://...``): used in failures and
    ``seen_urls.via``."""
    return f"{item.kind}:{item.location}" if item.kind in FOLLOWED_KINDS else item.location


def follow(
    items: Sequence[SourceItem],
    config: FetchConfig,
    seen: SeenLookup,
    *,
    limit: int,
    pause: Callable[[float], None] = time.sleep,
) -> tuple[list[SourceItem], list[Failure]]:
    """Replace each feed, sitemap or site in ``items`` by its new article URLs.

    Other items pass through in place. Article URLs already taken by an earlier run (``seen``)
    or listed twice are dropped; at most ``limit`` are kept per source. Each round of documents
    (feeds, then the feeds a home page names, or the children of a sitemap index) is one
    ``fetch_urls`` call, so per-host limits apply within it, and ``pause`` waits one per-host
    delay between rounds, because the fetcher's host gates start afresh with each call.
    """
    walks = [_Walk(item, config.max_bytes) for item in items if item.kind in FOLLOWED_KINDS]
    if not walks:
        return list(items), []
    fetch_config = _follow_config(config)
    failures: list[Failure] = []
    rounds = 0
    while any(w.queue for w in walks):
        if rounds:
            pause(config.per_host_delay)
        rounds += 1
        todo = [(w, url, role) for w in walks for url, role in w.take_round()]
        fetched = fetch_urls([url for _, url, _ in todo], fetch_config)
        for (walk, url, role), outcome in zip(todo, fetched, strict=True):
            problem = walk.read(url, role, outcome)
            if problem is not None:
                failures.append(problem)
    if rounds:
        pause(config.per_host_delay)  # the articles' own fetch_urls call comes next

    candidates = [link for w in walks for link in w.links]
    already = seen(list(dict.fromkeys(candidates)))
    taken: set[str] = {i.location for i in items if i.kind not in FOLLOWED_KINDS}
    chosen: dict[int, list[SourceItem]] = {}
    for walk in walks:
        new: list[SourceItem] = []
        for link in walk.links:
            if len(new) >= limit:
                break
            if link in already or link in taken:
                continue
            taken.add(link)
            new.append(SourceItem(kind="url", location=link, via=label(walk.item)))
        chosen[id(walk.item)] = new

    out: list[SourceItem] = []
    for item in items:
        out.extend(chosen.get(id(item), []) if item.kind in FOLLOWED_KINDS else [item])
    return out, failures


def settled(items: Sequence[SourceItem], outcomes: Sequence[object]) -> list[tuple[str, str]]:
    """(url, via) of the followed article URLs in ``items`` that need no further try.

    A page that was fetched (whatever happens to it next) or refused for a lasting reason
    (404, robots.txt, wrong type) is settled; a timeout, a dropped connection, 429 or a 5xx is
    not, so the next run tries it again.
    """
    out = []
    for item, outcome in zip(items, outcomes, strict=True):
        if item.via is None:
            continue
        if isinstance(outcome, Failure) and (
            outcome.error_kind in _PASSING or outcome.error_kind.startswith("http_5")
        ):
            continue
        out.append((item.location, item.via))
    return out


# --- one followed source --------------------------------------------------------------------


@dataclass
class _Walk:
    """What is known about one followed source while its documents come in."""

    item: SourceItem
    max_bytes: int  # decompressed size cap for gzipped sitemaps (the fetcher's size cap)
    links: list[str] = field(default_factory=list)  # article URLs, in the source's order
    queue: list[tuple[str, Role]] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    sitemaps_read: int = 0
    feeds_read: int = 0

    def __post_init__(self) -> None:
        url = self.item.location
        if self.item.kind == "sitemap" and _is_site_root(url):
            self.queue.append((f"{_base(url)}/robots.txt", "robots"))
        else:
            self.queue.append((url, self.item.kind))  # type: ignore[arg-type]

    def take_round(self) -> list[tuple[str, Role]]:
        todo, self.queue = self.queue, []
        fresh = [(u, r) for u, r in dict.fromkeys(todo) if u not in self.visited]
        self.visited.update(u for u, _ in fresh)
        return fresh

    def read(self, url: str, role: Role, outcome: RawDoc | Failure) -> Failure | None:
        """Take in one fetched document; a failure row if it could not be used."""
        if isinstance(outcome, Failure):
            if role == "robots":  # no robots.txt: fall back on the conventional location
                self.queue.append((f"{_base(url)}/sitemap.xml", "sitemap"))
                return None
            message = outcome.message
            if url != self.item.location:  # a feed or child sitemap: say what it belongs to
                message = f"{label(self.item)}: {message}"
            return replace(outcome, source=label(self.item), stage="discover", message=message)
        # Decoded as trafilatura's own downloader does (gzip included, capped).
        text = decode_file(outcome.body, max_size=self.max_bytes)
        base = outcome.url or url
        if role == "feed":
            self.feeds_read += 1
            links = feed_links(text, base)
            if not links and not _looks_like_feed(text):
                return self._problem("not_a_feed", f"{url} is not an RSS, Atom or JSON feed")
            self.links.extend(links)
        elif role == "site":
            feeds = home_page_feeds(text, base)[:MAX_FEEDS_PER_SITE]
            if not feeds:
                return self._problem(
                    "no_feed_found",
                    f"the home page {url} names no RSS or Atom feed; follow its sitemap "
                    f"instead (sitemap:{_base(url)}/)",
                )
            self.queue.extend((f, "feed") for f in feeds)
        elif role == "robots":
            found = _public(extract_robots_sitemaps(text, _base(url))) or [
                f"{_base(url)}/sitemap.xml"
            ]
            self.queue.extend((s, "sitemap") for s in found)
        else:
            self.sitemaps_read += 1
            pages, children = sitemap_links(text, base)
            if not pages and not children and url == self.item.location:
                return self._problem("not_a_sitemap", f"{url} is not an XML or text sitemap")
            self.links.extend(pages)
            room = MAX_SITEMAPS_PER_SOURCE - self.sitemaps_read - len(self.queue)
            self.queue.extend((c, "sitemap") for c in children[: max(0, room)])
        return None

    def _problem(self, kind: str, detail: str) -> Failure:
        return Failure(
            source=label(self.item), stage="discover", error_kind=kind, message=f"{detail}."
        )


# --- parsing (trafilatura; no network) ------------------------------------------------------


def feed_links(text: str, url: str) -> list[str]:
    """Article links of an RSS, Atom or JSON feed, in the feed's own order.

    ``trafilatura.feeds.extract_links`` returns the links sorted alphabetically, which would
    make a per-source limit keep the wrong articles; so its two halves are used in turn: the
    raw links in document order (``find_links``), then its per-link check and normalisation
    (``handle_link_list``: relative links resolved, tracking parameters and non-articles
    dropped), with ``extract_links``'s last filter (not the feed itself, not a bare host).
    """
    params = _feed_params(url)
    out: list[str] = []
    for raw in find_links(text.strip(), params):
        # Credentials cut first: courlan would drop the whole link, losing the article.
        out.extend(handle_link_list([strip_userinfo(raw)], params))
    links = _public(out)
    return [link for link in links if link != url and link.count("/") > 2]


def home_page_feeds(html: str, url: str) -> list[str]:
    """The feed URLs a home page declares (``trafilatura.feeds.determine_feed``)."""
    return _public(determine_feed(html, _feed_params(url)))


def sitemap_links(text: str, url: str) -> tuple[list[str], list[str]]:
    """(article URLs, child sitemap URLs) of one sitemap, via ``trafilatura.sitemaps``."""
    domain, base = get_hostinfo(url)
    sitemap = SitemapObject(base, domain or "", [], target_lang=None, external=False)
    sitemap.current_url = url
    sitemap.content = text
    sitemap.process()
    return _public(sitemap.urls), _public(sitemap.sitemap_urls)


def _public(urls: Sequence[str]) -> list[str]:
    """``urls`` without credentials (``transforms.safety``) and without repeats, in order."""
    return list(dict.fromkeys(strip_userinfo(u) for u in urls))


def _feed_params(url: str) -> FeedParameters:
    domain, base = get_hostinfo(url)
    # external=True: a feed the user chose may link to its publisher's other domains (a wire's
    # feed host is rarely its article host); its links are what it is for.
    return FeedParameters(base, domain or "", url, external=True, target_lang=None)


def _looks_like_feed(text: str) -> bool:
    stripped = text.strip()
    return is_potential_feed(stripped) or stripped.startswith("{")


def _follow_config(config: FetchConfig) -> FetchConfig:
    fresh = FRESH_SECONDS
    if config.max_cache_age is not None:
        fresh = min(fresh, config.max_cache_age)
    return replace(config, accepted_types=frozenset(FOLLOW_TYPES), max_cache_age=fresh)


def _base(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _is_site_root(url: str) -> bool:
    return urlsplit(url).path in ("", "/")
