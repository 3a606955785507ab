"""Followed sources: feeds, sitemaps and home pages turned into new article URLs.

Everything is served by a local HTTP server. Its pages are addressed as ``*.localhost`` names,
which RFC 6761 reserves for the loopback address: trafilatura's URL checks (courlan) drop links
on bare IP addresses and on plain ``localhost``, as they would on the open web, and this
machine's resolver does not implement RFC 6761, so ``local_names`` resolves those names here.
"""

from __future__ import annotations

import gzip
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request

from connectors.feeds import feed_links, follow, home_page_feeds, settled, sitemap_links
from connectors.fetchconfig import FetchConfig
from transforms.model import Failure, RawDoc, SourceItem

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>{base}/</link>
{items}
</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link></item>"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<link rel="self" href="{base}/atom.xml"/>
<entry><title>Two</title><link href="{base}/news/two.html"/></entry>
<entry><title>One</title><link rel="alternate" href="/news/one.html"/></entry>
</feed>"""

HOME = """<!doctype html><html><head><title>Example Wire</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" type="application/rss+xml" href="/comments/feed">
</head><body><h1>Example Wire</h1></body></html>"""

URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{locs}
</urlset>"""
INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""


@pytest.fixture
def local_names(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """``http://wire.localhost:PORT``: a name for the local server that courlan accepts."""
    real = socket.getaddrinfo
    target = httpserver.host

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host.endswith(".localhost"):
            host = target
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return f"http://wire.localhost:{httpserver.port}"


def _config(tmp_path: Path, *, allowed: tuple[str, ...] = ("127.0.0.0/8",)) -> FetchConfig:
    """The fetcher's settings; the local server is reachable only because loopback is allowed
    (``*.localhost`` resolves to it, and newsdb refuses loopback by default)."""
    return FetchConfig(
        cache_dir=tmp_path / "raw",
        per_host_delay=0.0,
        max_retries=0,
        connect_timeout=2.0,
        read_timeout=2.0,
        allowed_networks=allowed,
    )


def _rss(base: str, paths: Sequence[str]) -> str:
    items = "\n".join(ITEM.format(title=p, link=f"{base}{p}") for p in paths)
    return RSS.format(base=base, items=items)


def _requests(httpserver: HTTPServer, path: str) -> list[Request]:
    return [req for req, _ in httpserver.log if req.path == path]


def _no_pause(_: float) -> None:
    return None


def _never_seen(urls: Sequence[str]) -> set[str]:
    return set()


# --- parsing --------------------------------------------------------------------------------


def test_feed_links_keep_the_feeds_order_and_resolve_relative_links() -> None:
    base = "https://wire.example"
    rss = _rss(base, ["/news/c.html", "/news/a.html", "/news/b.html?utm_source=rss"])
    # Newest first, as the feed lists them (not alphabetical), tracking parameters gone, the
    # channel's own link to the home page dropped.
    assert feed_links(rss, f"{base}/rss.xml") == [
        f"{base}/news/c.html",
        f"{base}/news/a.html",
        f"{base}/news/b.html",
    ]
    atom = ATOM.format(base=base)
    assert feed_links(atom, f"{base}/atom.xml") == [
        f"{base}/news/two.html",
        f"{base}/news/one.html",
    ]
    json_feed = '{"version": "https://jsonfeed.org/version/1.1", "items": ['
    json_feed += f'{{"url": "{base}/news/j.html"}}]}}'
    assert feed_links(json_feed, f"{base}/feed.json") == [f"{base}/news/j.html"]


def test_home_page_names_its_feeds_but_not_comment_feeds() -> None:
    assert home_page_feeds(HOME, "https://wire.example/") == ["https://wire.example/rss.xml"]


def test_sitemap_index_and_urlset() -> None:
    base = "https://wire.example"
    pages, children = sitemap_links(INDEX.format(base=base), f"{base}/sitemap.xml")
    assert (pages, children) == ([], [f"{base}/sitemap-news.xml"])
    urlset = URLSET.format(locs=f"<url><loc>{base}/news/s1.html</loc></url>")
    assert sitemap_links(urlset, f"{base}/sitemap-news.xml") == ([f"{base}/news/s1.html"], [])


def test_credentials_in_listed_urls_are_cut_not_kept() -> None:
    """A feed, sitemap or home page that lists ``user:password@`` URLs: the article is kept,
    its credentials never reach the fetcher, the database or a message."""
    base = "https://wire.example"
    rss = _rss(base, ["/news/d.html"]).replace(
        "</channel>",
        ITEM.format(title="c", link="https://reader:secret@wire.example/news/c.html")
        + "</channel>",
    )
    assert feed_links(rss, f"{base}/rss.xml") == [f"{base}/news/d.html", f"{base}/news/c.html"]
    urlset = URLSET.format(locs="<url><loc>https://u:secret@wire.example/news/s.html</loc></url>")
    assert sitemap_links(urlset, f"{base}/sitemap.xml") == ([f"{base}/news/s.html"], [])
    home = HOME.replace('href="/rss.xml"', 'href="https://u:secret@wire.example/rss.xml"')
    assert home_page_feeds(home, f"{base}/") == [f"{base}/rss.xml"]


# --- following ------------------------------------------------------------------------------


def test_followed_sources_obey_the_address_policy(
    httpserver: HTTPServer, local_names: str, tmp_path: Path
) -> None:
    """A feed on a loopback (or private) address is refused unless allowed, like any page:
    a scheduled run must not be pointed at this machine by a name in a configuration file."""
    httpserver.expect_request("/rss.xml").respond_with_data(
        _rss(local_names, ["/news/1.html"]), content_type="application/rss+xml"
    )
    feed = SourceItem("feed", f"{local_names}/rss.xml")
    items, failures = follow(
        [feed], _config(tmp_path, allowed=()), _never_seen, limit=5, pause=_no_pause
    )
    assert items == []
    assert [(f.source, f.error_kind) for f in failures] == [
        (f"feed:{local_names}/rss.xml", "blocked_address")
    ]
    assert "loopback" in failures[0].message
    assert not httpserver.log, "the refused address was reached"


def test_feed_gives_new_urls_up_to_the_limit_through_the_fetcher(
    httpserver: HTTPServer, local_names: str, tmp_path: Path
) -> None:
    base = local_names
    httpserver.expect_request("/rss.xml").respond_with_data(
        _rss(base, ["/news/3.html", "/news/2.html", "/news/1.html"]),
        content_type="application/rss+xml",
    )
    other = SourceItem("file", "/data/a.txt")
    feed = SourceItem("feed", f"{base}/rss.xml")
    items, failures = follow(
        [other, feed],
        _config(tmp_path),
        lambda urls: {u for u in urls if u.endswith("/3.html")},  # an earlier run took 3
        limit=1,
        pause=_no_pause,
    )
    assert failures == []
    # The file stays where it was; the feed stands for its newest article not yet taken.
    assert items == [other, SourceItem("url", f"{base}/news/2.html", via=f"feed:{base}/rss.xml")]
    (request,) = _requests(httpserver, "/rss.xml")
    assert request.headers["User-Agent"].startswith("newsdb/")  # connectors/http.py fetched it
    assert _requests(httpserver, "/robots.txt")  # ... and asked robots.txt first


def test_feed_fetched_seconds_ago_comes_from_the_cache(
    httpserver: HTTPServer, local_names: str, tmp_path: Path
) -> None:
    httpserver.expect_request("/rss.xml").respond_with_data(
        _rss(local_names, ["/news/1.html"]), content_type="application/rss+xml"
    )
    feed = SourceItem("feed", f"{local_names}/rss.xml")
    for _ in range(2):
        items, _ = follow([feed], _config(tmp_path), _never_seen, limit=5, pause=_no_pause)
        assert [i.location for i in items] == [f"{local_names}/news/1.html"]
    assert len(_requests(httpserver, "/rss.xml")) == 1


def test_site_home_page_leads_to_its_feed(
    httpserver: HTTPServer, local_names: str, tmp_path: Path
) -> None:
    httpserver.expect_request("/").respond_with_data(HOME, content_type="text/html")
    httpserver.expect_request("/rss.xml").respond_with_data(
        _rss(local_names, ["/news/h.html"]), content_type="text/xml"
    )
    pauses: list[float] = []
    site = SourceItem("site", f"{local_names}/")
    items, failures = follow([site], _config(tmp_path), _never_seen, limit=5, pause=pauses.append)
    assert failures == []
    assert items == [SourceItem("url", f"{local_names}/news/h.html", via=f"site:{local_names}/")]
    assert not _requests(httpserver, "/comments/feed")
    assert len(pauses) == 2  # between the home page and its feed, and before the articles


def test_sitemap_root_uses_robots_then_walks_the_index(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: real(httpserver.host if host == "maps.localhost" else host, *a, **k),
    )
    base = f"http://maps.localhost:{httpserver.port}"
    httpserver.expect_request("/robots.txt").respond_with_data(
        f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap_index.xml\n", content_type="text/plain"
    )
    httpserver.expect_request("/sitemap_index.xml").respond_with_data(
        INDEX.format(base=base), content_type="application/xml"
    )
    locs = "".join(f"<url><loc>{base}/news/s{i}.html</loc></url>" for i in range(3))
    httpserver.expect_request("/sitemap-news.xml").respond_with_data(
        URLSET.format(locs=locs), content_type="application/xml"
    )
    items, failures = follow(
        [SourceItem("sitemap", f"{base}/")],
        _config(tmp_path),
        _never_seen,
        limit=2,
        pause=_no_pause,
    )
    assert failures == []
    assert [i.location for i in items] == [f"{base}/news/s0.html", f"{base}/news/s1.html"]
    assert {i.via for i in items} == {f"sitemap:{base}/"}


def test_unusable_sources_become_failures_and_the_rest_goes_on(
    httpserver: HTTPServer, local_names: str, tmp_path: Path
) -> None:
    httpserver.expect_request("/gone.xml").respond_with_data("no", status=404)
    httpserver.expect_request("/page.html").respond_with_data(
        "<html><body><p>Just a page.</p></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/bare").respond_with_data(
        "<html><head></head><body>No feeds here.</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/rss.xml").respond_with_data(
        _rss(local_names, ["/news/ok.html"]), content_type="application/rss+xml"
    )
    sources = [
        SourceItem("feed", f"{local_names}/gone.xml"),
        SourceItem("feed", f"{local_names}/page.html"),
        SourceItem("site", f"{local_names}/bare"),
        SourceItem("feed", f"{local_names}/rss.xml"),
    ]
    items, failures = follow(sources, _config(tmp_path), _never_seen, limit=5, pause=_no_pause)
    assert [i.location for i in items] == [f"{local_names}/news/ok.html"]
    kinds = {f.source: f.error_kind for f in failures}
    assert kinds == {
        f"feed:{local_names}/gone.xml": "http_404",
        f"feed:{local_names}/page.html": "not_a_feed",
        f"site:{local_names}/bare": "no_feed_found",
    }
    assert all(f.stage == "discover" and len(f.message) > 20 for f in failures)


def test_robots_txt_applies_to_feeds(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: real(httpserver.host if host == "shy.localhost" else host, *a, **k),
    )
    base = f"http://shy.localhost:{httpserver.port}"
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /feeds/\n", content_type="text/plain"
    )
    items, failures = follow(
        [SourceItem("feed", f"{base}/feeds/rss.xml")],
        _config(tmp_path),
        _never_seen,
        limit=5,
        pause=_no_pause,
    )
    assert items == []
    assert [f.error_kind for f in failures] == ["robots_disallow"]
    assert not _requests(httpserver, "/feeds/rss.xml")


def test_settled_urls_leave_out_passing_failures() -> None:
    via = "feed:https://wire.example/rss.xml"
    items = [SourceItem("url", f"https://wire.example/{n}", via=via) for n in "abcde"]
    items.append(SourceItem("url", "https://elsewhere.example/z"))  # named directly: not followed
    outcomes: list[Any] = [
        RawDoc(source=items[0].location, body=b"<p>x</p>"),
        Failure(items[1].location, "fetch", "http_404", "gone"),
        Failure(items[2].location, "fetch", "timeout", "slow"),
        Failure(items[3].location, "fetch", "http_503", "busy"),
        Failure(items[4].location, "fetch", "robots_disallow", "no"),
        RawDoc(source=items[5].location, body=b"<p>y</p>"),
    ]
    assert settled(items, outcomes) == [
        ("https://wire.example/a", via),
        ("https://wire.example/b", via),
        ("https://wire.example/e", via),
    ]


def test_gzipped_sitemap_is_read(httpserver: HTTPServer, local_names: str, tmp_path: Path) -> None:
    locs = f"<url><loc>{local_names}/news/z.html</loc></url>"
    httpserver.expect_request("/sitemap.xml.gz").respond_with_data(
        gzip.compress(URLSET.format(locs=locs).encode("utf-8")),
        content_type="application/x-gzip",
    )
    items, failures = follow(
        [SourceItem("sitemap", f"{local_names}/sitemap.xml.gz")],
        _config(tmp_path),
        _never_seen,
        limit=5,
        pause=_no_pause,
    )
    assert failures == []
    assert [i.location for i in items] == [f"{local_names}/news/z.html"]
