"""Outside text made safe to keep and to show: credentials cut from URLs, control characters
escaped for the terminal.

Both are applied where text comes in or goes out, not by each stage in between: URLs lose
their ``user:password@`` wherever newsdb first sees them (command line, @lists, redirects, a
page's own claims), and messages are escaped when printed. No imports beyond the standard
library, so connectors and every stage can use them.
"""

from __future__ import annotations

import re

# "scheme://" then the authority up to its last "@" (userinfo cannot contain "/", "?" or "#").
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#\s]*@")
# C0 and C1 controls (newline and tab included: every message is one line), DEL, and the
# bidirectional overrides that can make a name read differently from what it is.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_userinfo(url: str) -> str:
    """``url`` without any ``user:password@``, and otherwise exactly as given.

    Credentials in a URL would end up in the database, the page cache, failure messages,
    exports and the terminal, so newsdb never keeps (or sends) them. Only the text is edited:
    a URL without userinfo comes back unchanged, an empty "?" included.

    >>> strip_userinfo("https://reader:secret@news.example/a?b=1")
    'https://news.example/a?b=1'
    """
    return _USERINFO.sub(r"\1", url, count=1)


def printable(text: str) -> str:
    """``text`` safe to print: control characters appear as escapes (``\\x1b``), never raw.

    File names, URLs, HTTP headers and page content reach messages unchanged; printed raw, an
    escape sequence in a file name can rewrite the operator's terminal.
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
