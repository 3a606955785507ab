"""Safe HTML pieces the templates cannot make alone: file names, outbound links, anchored text.

Everything that came from an article (titles, names, quote text, URLs) is hostile input. The
templates escape text (Jinja2 autoescaping); this module adds what escaping does not cover:

* a link's *scheme*: an article's URL of ``javascript:...`` escapes to itself and still runs, so
  only http(s) URLs become links (:func:`safe_url`);
* file names built from names and ids (:func:`slug`): a speaker called ``../../etc`` must not
  become a path;
* the article text with its quotes and event triggers wrapped in anchored spans
  (:func:`anchored_text`), built piece by piece from escaped text.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def slug(key: str, max_len: int = 48) -> str:
    """A file-name-safe, collision-free name for ``key``: readable part plus a short hash.

    Two keys that read the same ("O'Neil" / "O Neil") still get different names.
    """
    readable = _NON_SLUG.sub("-", key.lower()).strip("-")[:max_len].strip("-") or "x"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}"


def country_file(iso3: str) -> str:
    """``country/SYR.html`` for an ISO alpha-3 code; any other string is slugged."""
    return f"country/{iso3 if _ISO3.match(iso3) else slug(iso3)}.html"


def person_file(person_key: str, name: str = "") -> str:
    """A person's page: readable by name, unique by entity id (two people may share a name)."""
    readable = _NON_SLUG.sub("-", name.lower()).strip("-")[:40].strip("-")
    return f"person/{readable + '-' if readable else ''}{slug(person_key, max_len=24)}.html"


def article_file(doc_id: str) -> str:
    return f"article/{slug(doc_id, max_len=40)}.html"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (never link to it)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def anchor_id(kind: str, mark_id: str) -> str:
    """The HTML id of a quote (``q-...``) or event (``e-...``) in an article page."""
    return f"{kind[0]}-{_NON_SLUG.sub('-', mark_id.lower())}"


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the article text to wrap: ``kind`` is "quote" or "event"."""

    kind: str
    mark_id: str
    start: int
    end: int


def anchored_text(text: str, marks: Iterable[Mark]) -> Markup:
    """The article text, escaped, with each mark wrapped in ``<span class=kind id=...>``.

    Marks may nest (a trigger inside a quote) or cross (two overlapping quotes). At every
    boundary the open spans are closed and the ones still running reopened, so the HTML stays
    well-formed; only a mark's first piece carries its id, so each anchor is unique. Marks with
    offsets outside the text are skipped rather than trusted.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    started: set[Mark] = set()
    out: list[str] = []
    for left, right in itertools.pairwise(cuts):
        active = sorted(
            (m for m in valid if m.start <= left and right <= m.end),
            key=lambda m: (m.start, -m.end, m.kind),
        )
        for m in active:
            attrs = f'class="{m.kind}"'
            if m not in started:
                attrs += f' id="{anchor_id(m.kind, m.mark_id)}"'
                started.add(m)
            out.append(f"<span {attrs}>")
        out.append(str(escape(text[left:right])))
        out.append("</span>" * len(active))
    return Markup("".join(out))
