"""The Clean stage: ``RawDoc`` (bytes + provenance) -> ``Document`` (metadata + body text).

One entry point, ``clean`` (``clean_many`` is the same for a batch, turning each input that
cannot be cleaned into a ``Failure``). Pure functions, no I/O and no Prefect. Inside, one
module per concern, in the order an input meets them:

* ``decode``: bytes to text (gzip, BOM, header charset, meta charset, UTF-8, detection);
* ``document``: the entry point: which path an input takes, identity, size limit;
* ``html``: HTML pages through trafilatura (body, title, author, date, site...);
* ``textdoc`` (+ ``markdown``): saved text and Markdown articles;
* ``language``: the language an article is written in (text first, declaration as a hint);
* ``datelines``: a line that is only a publication date, and dates written in a span of text;
* ``boilerplate``: the one table of non-article lines;
* ``normalize``: the one Unicode/whitespace normalisation of body text;
* ``urls``: the canonical URL a document claims (kept as data, never its identity);
* ``errors``: ``CleanError``, the reason an input is not a document;
* ``original``: before any fetching, the web page a saved local file says it copies.
"""

from transforms.clean.document import (
    MAX_TEXT_CHARS,
    clean,
    clean_many,
    document_id,
    input_format,
)
from transforms.clean.errors import CleanError, CleanErrorKind
from transforms.clean.original import original_url

__all__ = [
    "MAX_TEXT_CHARS",
    "CleanError",
    "CleanErrorKind",
    "clean",
    "clean_many",
    "document_id",
    "input_format",
    "original_url",
]
