"""One canonical spelling per article URL, so the same story read twice names one address.

Used for ``Document.canonical_url``, which analysts group by; it is what a page claims, so it
never decides ``doc_id`` (the text does, see ``transforms.clean.document``). It names a story;
it is never fetched (``RawDoc.url`` keeps the address as it was), so it may reorder what a
server would not care about. A story shared through different links gets one spelling:

* scheme and host case, default ports, punycode hosts, doubled slashes, non-ASCII and unsafe
  characters percent-encoded:
  courlan's ``normalize_url``, the normaliser trafilatura itself uses;
* the fragment (never sent to a server) and a trailing slash ("/a/" and "/a" are one page on
  virtually every news CMS) go;
* tracking and share parameters (``utm_*``, ``fbclid``, ``smid``, ``CMP``...) go; the rest are
  sorted, so their order does not matter.

What courlan cannot do for us is the tracker list. Its pattern matches name *prefixes* and
fragments ("cid", "gallery", "game", "source_id" all match), which is harmless for a crawler
deduplicating links but not for an identity: a site whose articles differ only by ``?cid=``
would have every article collapse into one doc_id, each overwriting the last. So the list
below is of exact names and underscore families, and courlan only sees what it leaves.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

#: Parameter families that only carry campaign or analytics data (name starts with one of these).
_TRACKING_PREFIXES = (
    "utm_", "mc_", "pk_", "mtm_", "itm_", "oly_", "vero_", "mkt_", "ga_", "gs_", "ads_",
    "at_", "ns_",
)  # fmt: skip
#: Exact names: ad-click ids, analytics, and the share/referrer tags news sites add to links
#: posted on social media ("smid" NYT, "CMP" Guardian, "ocid" MSN, "ito" BBC, ...).
_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "twclid", "yclid", "ysclid",
    "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
    "ref", "ref_src", "ref_url", "referrer", "referer", "xtor", "spm",
    "smid", "smtyp", "cmp", "cmpid", "ocid", "ito", "taid", "share", "__twitter_impression",
    "guccounter", "guce_referrer", "guce_referrer_sig", "sh", "src", "fromref", "rss",
})  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in _TRACKING_NAMES or name.startswith(_TRACKING_PREFIXES)


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
    host = (parts.hostname or "").rstrip(".")  # .hostname is lower-case, without user info
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal: brackets were stripped by .hostname
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = normalize_url(urlunsplit((scheme, netloc, parts.path, "", "")))
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return path.rstrip("/") + (f"?{urlencode(query)}" if query else "")
