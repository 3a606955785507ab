"""robots.txt as RFC 9309 defines it: parsing, group selection and longest-match rules.

The standard library's ``urllib.robotparser`` predates RFC 9309 and differs where it matters for
news sites: it applies the *first* matching rule instead of the *longest*, and it knows neither
the ``*`` nor the ``$`` wildcard, so ``Disallow: /*?share=`` or ``Allow: /news/$`` are misread.
This module implements the RFC's matching; fetching (and the status-code rules: 4xx means allow
all, 5xx or unreachable means disallow all) lives in ``http.py``, which builds policies with
``RobotsPolicy.allow_all`` / ``disallow_all`` / ``parse``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

#: RFC 9309 §2.5: crawlers must parse at least 500 KiB; content past that may be ignored.
MAX_ROBOTS_BYTES = 500 * 1024

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")


@dataclass(frozen=True, slots=True)
class _Rule:
    allow: bool
    pattern: str  # normalised, as written (length decides precedence)
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class RobotsPolicy:
    """What one origin's robots.txt lets our user agent fetch.

    ``default_allow`` applies when no rule matches: True for a parsed file (and for a missing
    one), False when robots.txt could not be fetched, per RFC 9309 §2.3.1.4.
    """

    rules: tuple[_Rule, ...] = ()
    default_allow: bool = True
    crawl_delay: float | None = None
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
        return _parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"), agent)

    def allows(self, url: str) -> bool:
        """Whether ``url`` (absolute, on this policy's origin) may be fetched."""
        parts = urlsplit(url)
        path = parts.path or "/"
        if path == "/robots.txt":  # §2.2.2: the file itself is always allowed
            return True
        target = _normalise(path + (f"?{parts.query}" if parts.query else ""))
        best: _Rule | None = None
        for rule in self.rules:
            if not rule.regex.match(target):
                continue
            # §2.2.2: the most specific (longest) match wins; on a tie, allow wins.
            if (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow and not best.allow)
            ):
                best = rule
        return best.allow if best is not None else self.default_allow


def product_token(user_agent: str) -> str:
    """``newsdb/0.1.0 (+https://...)`` -> ``newsdb``: the name robots.txt groups refer to."""
    m = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return m.group(0).lower() if m else user_agent.strip().lower()


def _parse(text: str, agent: str) -> RobotsPolicy:
    agent = agent.lower()
    # Groups as (user agents, rules, crawl-delay). A run of user-agent lines opens one group;
    # the first rule line after them closes the header, so the next user-agent opens another.
    groups: list[tuple[list[str], list[tuple[bool, str]], float | None]] = []
    in_header = False
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].strip()
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        value = value.strip()
        if key == "user-agent":
            if not in_header:
                groups.append(([], [], None))
                in_header = True
            groups[-1][0].append(product_token(value) if value != "*" else "*")
        elif key in ("allow", "disallow"):
            in_header = False
            if groups:  # rules before any user-agent line belong to no group (§2.1)
                groups[-1][1].append((key == "allow", value))
        elif key == "crawl-delay":
            # Not in RFC 9309, but widely published and cheap to honour; it can only slow us.
            in_header = False
            if groups:
                try:
                    delay = float(value)
                except ValueError:
                    continue
                if delay >= 0:
                    agents, rules, _ = groups[-1]
                    groups[-1] = (agents, rules, delay)
        # Sitemap and unknown keys neither open nor close a group.

    # §2.2.1: all groups naming our token are merged; failing that, all "*" groups.
    chosen = [g for g in groups if agent in g[0]] or [g for g in groups if "*" in g[0]]
    rules: list[_Rule] = []
    delays: list[float] = []
    for _, group_rules, delay in chosen:
        if delay is not None:
            delays.append(delay)
        for allow, pattern in group_rules:
            if not pattern:  # "Disallow:" with no path matches nothing
                continue
            norm = _normalise(pattern)
            rules.append(_Rule(allow, norm, _compile(norm)))
    return RobotsPolicy(rules=tuple(rules), crawl_delay=max(delays) if delays else None)


def _compile(pattern: str) -> re.Pattern[str]:
    """A robots path pattern as an anchored-at-start regex: ``*`` any run, final ``$`` = end."""
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(piece) for piece in body.split("*"))
    return re.compile(regex + (r"\Z" if anchored else ""), re.DOTALL)


def _normalise(s: str) -> str:
    """Percent-encoding in one canonical form so ``/caf%c3%a9``, ``/café`` and ``/caf%C3%A9``
    compare equal (§2.2.2): non-ASCII as UTF-8 %XX, hex upper-case, unreserved chars decoded.
    """

    def fix(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED else f"%{m.group(1).upper()}"

    s = "".join(c if ord(c) < 128 else "".join(f"%{b:02X}" for b in c.encode()) for c in s)
    return _PCT.sub(fix, s)
