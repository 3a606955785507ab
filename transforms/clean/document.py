"""The entry point of the Clean stage: one ``RawDoc`` -> one ``Document`` (or ``CleanError``).

Decides which path an input takes (HTML, plain text or Markdown), runs it, caps the length,
reads the language (``language``: the text decides, the page's declaration is a hint) and
gives the document its identity.

Identity: ``doc_id`` is derived from the body text alone, so identical texts collapse into one
article (each input that carried it is recorded as one of its sources by the load) and an
edited text is a new article. A canonical URL, or a seed's ``Original url:`` line, is what a
page *claims*: anyone can claim anyone's address, so it is kept as data (``canonical_url``)
but never decides identity, and no page can replace another article by claiming its URL.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import urlsplit

from transforms.clean.decode import decode, inflate
from transforms.clean.errors import CleanError
from transforms.clean.html import extract_html
from transforms.clean.language import identify_language
from transforms.clean.markdown import looks_like_markdown
from transforms.clean.textdoc import parse_text
from transforms.clean.urls import canonical_url
from transforms.model import Document, Failure, InputFormat, RawDoc, stable_id

#: Longest body accepted, in characters. A long feature is ~60k characters, a very long
#: investigation ~150k; beyond 300k a "page" is a live blog's whole history, a transcript dump
#: or an extraction that swallowed the site. Such pages fail with kind "too_long" instead of
#: being truncated: a silent cut would make half an article look like a whole one, and the
#: failure row tells the operator exactly which input to look at.
MAX_TEXT_CHARS = 300_000

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
_SUFFIX_FORMATS: dict[str, InputFormat] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
#: Bytes looked at when sniffing for HTML markup in a document not declared as HTML.
_SNIFF_BYTES = 1024
#: Bytes searched for any tag before believing a declared HTML type.
_MARKUP_SNIFF_BYTES = 4096
_TAG = re.compile(rb"<[A-Za-z!/?]")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def clean(raw: RawDoc) -> Document:
    """Clean one input. Raises CleanError (with ``.kind``) when it cannot be a Document."""
    body = inflate(raw.body)
    fmt = input_format(raw.content_type, raw.source, body)
    decoded = decode(body, raw.charset, html=fmt == "html")
    if fmt != "html" and _looks_like_html(decoded.text[:_SNIFF_BYTES].encode("utf-8")):
        fmt = "html"  # only reachable for UTF-16/32 text, invisible to the byte sniff
    elif fmt == "text" and looks_like_markdown(decoded.text):
        fmt = "markdown"  # Markdown saved as .txt / served as text/plain

    content = _from_html(decoded.text, raw.url) if fmt == "html" else _from_text(decoded.text, fmt)
    text = content.text
    if len(text) > MAX_TEXT_CHARS:
        raise CleanError(
            "too_long",
            f"The article body is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit; "
            "it is probably not a single article (live blog, transcript or whole-site dump).",
        )

    canonical = canonical_url(content.found_url) or canonical_url(raw.url)
    return Document(
        doc_id=document_id(text),
        source=raw.source,
        text=text,
        content_sha256=raw.sha256,
        url=raw.url or content.found_url,
        canonical_url=canonical,
        title=content.title,
        author=content.author,
        published=content.published,
        site=content.site or _host(canonical),
        language=identify_language(_headed(content.title, text), content.language).code,
        fetched_at=raw.fetched_at,
        origin=raw.origin,
        input_format=fmt,
        decode_errors=decoded.replaced,
    )


def _headed(title: str | None, text: str) -> str:
    """The text the language is read from: the headline counts too (a short report needs it)."""
    return f"{title}\n\n{text}" if title else text


def document_id(text: str) -> str:
    """The identity of an article: its cleaned body text (see the module docstring)."""
    return stable_id("doc", hashlib.sha256(text.encode("utf-8")).hexdigest())


class _Content(NamedTuple):
    """What either path found in a document; ``found_url`` is the address it names itself."""

    text: str
    title: str | None
    author: str | None
    published: date | None
    site: str | None
    language: str | None
    found_url: str | None


def _from_html(html: str, url: str | None) -> _Content:
    page = extract_html(html, url)
    return _Content(
        page.text, page.title, page.author, page.published, page.site, page.language,
        page.canonical_url,
    )  # fmt: skip


def _from_text(text: str, fmt: InputFormat) -> _Content:
    article = parse_text(text, markdown=fmt == "markdown")
    body = article.text
    if not body and article.title:
        # A one-line report ("Police arrest 12 protesters in Dhaka", a wire flash, a row of
        # an event list) has no final punctuation and reads as a headline: it is its own body.
        body = article.title
    if not body:
        raise CleanError("empty", f"The {fmt} file has no text; there is no article body.")
    return _Content(body, article.title, article.author, article.published, None, None, article.url)


def clean_many(raws: Sequence[RawDoc]) -> tuple[list[Document], list[Failure]]:
    """Clean a batch. One bad input becomes one Failure; this never raises for an input.

    Expected problems keep their CleanError kind; anything else is a bug in the cleaner, which
    is recorded as ``clean_error`` (with the exception) so the rest of the batch goes on.
    """
    documents: list[Document] = []
    failures: list[Failure] = []
    for raw in raws:
        try:
            documents.append(clean(raw))
        except CleanError as err:
            failures.append(Failure(raw.source, "clean", err.kind, str(err)))
        except Exception as err:  # one malformed page must not sink the batch
            failures.append(
                Failure(
                    raw.source,
                    "clean",
                    "clean_error",
                    f"Cleaning failed unexpectedly ({type(err).__name__}: {err}); "
                    "this input triggers a bug in the cleaner, please report it.",
                )
            )
    return documents, failures


def input_format(content_type: str | None, source: str, body: bytes) -> InputFormat:
    """Which cleaning path an input takes.

    The declared media type decides, then the file name, but the bytes overrule both where
    they are unambiguous: a document that opens as HTML is HTML (servers label saved pages
    text/plain), and a document "declared" HTML without a single tag in its first kilobytes is
    text (a .txt served as text/html), which trafilatura would otherwise mangle.
    """
    head = body[:_SNIFF_BYTES]
    if _looks_like_html(head):
        return "html"
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared in _MARKDOWN_TYPES:
        return "markdown"
    fmt: InputFormat = "text"
    if declared in _HTML_TYPES:
        fmt = "html"
    else:
        suffixes = [s.lower() for s in PurePosixPath(urlsplit(source).path or source).suffixes]
        fmt = next((_SUFFIX_FORMATS[s] for s in reversed(suffixes) if s in _SUFFIX_FORMATS), "text")
    if fmt == "html" and not _has_markup(body[:_MARKUP_SNIFF_BYTES]):
        return "text"
    return fmt


def _looks_like_html(head: bytes) -> bool:
    """True if the bytes open an HTML document: doctype or <html> tag, after any whitespace,
    BOM, XML declaration and comments. Markup further in (an article *about* HTML) is text."""
    return _HTML_START.match(head) is not None


def _has_markup(head: bytes) -> bool:
    """True if the bytes contain a tag, comment or doctype (UTF-16/32 bytes: assume so)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    return _TAG.search(head) is not None


def _host(url: str | None) -> str | None:
    """The host of a canonical URL without "www.", as a last-resort site name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
