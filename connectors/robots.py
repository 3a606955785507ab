"""robots.txt as RFC 9309 defines it, read by protego (the parser Scrapy maintains).

The standard library's ``urllib.robotparser`` predates RFC 9309 and differs where it matters for
news sites: it applies the *first* matching rule instead of the *longest*, and it knows neither
the ``*`` nor the ``$`` wildcard, so ``Disallow: /*?share=`` or ``Allow: /news/$`` are misread.
protego implements the RFC's matching: longest match wins, allow wins a tie, both wildcards,
percent-encoding compared in one canonical form, groups naming the same agent merged, rules
outside any group ignored, ``/robots.txt`` itself always allowed.

What protego does not do, and this module adds:

* a policy for an origin with no readable file (RFC 9309 §2.3.1: 4xx means allow all; 5xx or
  unreachable means disallow all, and the failure message says why): ``policy_for_status``
  reads the status of a fetched or cached answer; fetching itself lives in ``http.py``;
* the 500 KiB parsing limit of §2.5, and decoding the bytes;
* our product token, taken from the User-Agent header (``product_token``).

One difference from the RFC is accepted: protego also applies a group whose token is the start
of ours ("User-agent: news" would bind newsdb when no "newsdb" group exists), because it is
written for crawlers that hand it a whole User-Agent header. The exact group, when present,
still wins (the longest token matches best).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

#: RFC 9309 §2.5: crawlers must parse at least 500 KiB; content past that may be ignored.
MAX_ROBOTS_BYTES = 500 * 1024


@dataclass(frozen=True, slots=True)
class RobotsPolicy:
    """What one origin's robots.txt lets our user agent fetch.

    ``rules`` is the parsed file (None when there is none to apply); ``default_allow`` applies
    without one: True for a missing file, False when it could not be fetched (§2.3.1.4).
    """

    rules: Protego | None = None
    agent: str = "*"
    default_allow: bool = True
    reason: str | None = None  # why everything is disallowed, for failure messages

    @classmethod
    def allow_all(cls) -> RobotsPolicy:
        return cls()

    @classmethod
    def disallow_all(cls, reason: str) -> RobotsPolicy:
        return cls(default_allow=False, reason=reason)

    @classmethod
    def parse(cls, body: bytes, agent: str) -> RobotsPolicy:
        """Parse a robots.txt body for ``agent`` (our product token, e.g. ``newsdb``)."""
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return cls(rules=Protego.parse(text), agent=agent)

    def allows(self, url: str) -> bool:
        """Whether ``url`` (absolute, on this policy's origin) may be fetched."""
        if self.rules is not None:
            return self.rules.can_fetch(url, self.agent)
        # §2.2.2: the file itself is always allowed, even when the site is closed to us.
        return self.default_allow or (urlsplit(url).path or "/") == "/robots.txt"

    @property
    def crawl_delay(self) -> float | None:
        """Seconds between requests the file asks of us. Not in RFC 9309, but widely published
        and cheap to honour: it can only slow us down."""
        return self.rules.crawl_delay(self.agent) if self.rules is not None else None


def product_token(user_agent: str) -> str:
    """``newsdb/0.1.0 (+https://...)`` -> ``newsdb``: the name robots.txt groups refer to."""
    m = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return m.group(0).lower() if m else user_agent.strip().lower()


def policy_for_status(status: int, body: bytes | None, agent: str) -> RobotsPolicy | None:
    """The policy an answer for robots.txt gives (RFC 9309 §2.3.1): a 2xx body's rules, or no
    restrictions for a 4xx (there is no file). None for anything else: whether a 5xx or no
    answer means "disallow everything" or "ask again" is the fetcher's call."""
    if 200 <= status < 300 and body is not None:
        return RobotsPolicy.parse(body, agent)
    if 400 <= status < 500:
        return RobotsPolicy.allow_all()
    return None


def origin_of(url: str) -> str:
    """Scheme, host and port: the unit one robots.txt governs (``https://example.com:8443``)."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port is not None else ""
    return f"{parts.scheme}://{parts.hostname}{port}"
