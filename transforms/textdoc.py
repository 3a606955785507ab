"""Plain-text and Markdown articles into the same document model as HTML pages.

(Owned by the cleaning stage; only ``find_original_url`` exists so far.)
"""

from __future__ import annotations

import re

# "Original url:" followed, on the same or a later line, by a URL optionally in <...>.
_ORIGINAL_URL = re.compile(r"(?im)^\s*original\s+url\s*:\s*(?:\n\s*)*<?(https?://[^\s>]+)>?")


def find_original_url(text: str) -> str | None:
    """The address a seed file declares as its original (``Original url: <https://...>``)."""
    m = _ORIGINAL_URL.search(text)
    return m.group(1) if m else None
