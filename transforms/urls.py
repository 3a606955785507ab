"""One canonical spelling per article URL, so the same story read twice gets the same doc_id.

Used for ``Document.canonical_url`` and hence ``doc_id``; the flow can call it too, to match an
input URL against what is already stored. Only changes that cannot point to a different page
are made: the scheme and host are case-insensitive, fragments never reach the server, default
ports are implicit, and tracking parameters are added by whoever shared the link, not by the
publisher. Path case and the order of the remaining query parameters are kept, because servers
may treat them as significant.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the referrer or campaign. utm_* is matched as a prefix.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# "scheme://" then the authority up to its last "@" (userinfo cannot contain "/", "?" or "#").
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#\s]*@")


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in _TRACKING_PARAMS


def canonical_url(url: str | None) -> str | None:
    """The normalised form of an absolute http(s) URL, or None if ``url`` is not one.

    >>> canonical_url("HTTPS://Example.COM:443/News/Story/?utm_source=tw&id=7#comments")
    'https://example.com/News/Story?id=7'
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # e.g. a non-numeric port or an unbalanced IPv6 bracket
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")  # .hostname is already lower-case
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal: brackets were stripped by .hostname
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # "/a/" and "/a" are one page on virtually every news CMS; the bare root stays "".
    path = parts.path.rstrip("/")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def strip_userinfo(url: str) -> str:
    """``url`` without any ``user:password@``, and otherwise exactly as given.

    Credentials in a URL would end up in the database, the page cache, failure messages,
    exports and the terminal; newsdb drops them wherever a URL comes in (command line, @lists,
    redirects, a page's own claims) and never sends them. Only the text is edited, so a URL
    without userinfo comes back unchanged (an empty "?" included).

    >>> strip_userinfo("https://reader:secret@news.example/a?b=1")
    'https://news.example/a?b=1'
    """
    return _USERINFO.sub(r"\1", url, count=1)
