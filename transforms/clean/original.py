"""Which web page a saved article says it is a copy of, read before anything is fetched.

Seed files saved from the web name their original address in a header line (``Original url:
<https://...>``). The acquire step asks this of every local file it reads, so that a local copy
keeps its real provenance and, with ``--fetch-originals``, the live page is fetched in the same
call as the batch's other URLs. ``connectors/`` only reads and fetches: this decision, which
needs the text, is made here.
"""

from __future__ import annotations

from transforms.clean.decode import decode
from transforms.clean.errors import CleanError
from transforms.clean.textdoc import find_original_url
from transforms.model import RawDoc

#: Local formats whose text may name an original URL. HTML carries its own <link rel=canonical>,
#: which cleaning reads; guessing at it here would be a second, weaker parser.
_SEED_TYPES = frozenset({"text/plain", "text/markdown"})


def original_url(raw: RawDoc) -> str | None:
    """The address a local text or Markdown file declares as its original, if any."""
    if raw.content_type not in _SEED_TYPES:
        return None
    try:
        text = decode(raw.body, raw.charset, html=False).text
    except CleanError:  # not text at all: cleaning will say so, with the reason
        return None
    return find_original_url(text)
