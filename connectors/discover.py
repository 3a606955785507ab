"""Turn what the user names on the command line into a deduplicated list of inputs.

Two kinds of mistakes are kept apart on purpose. A top-level name that does not exist, or that
could never be an article (``ftp:``, ``report.pdf``), is a *usage* error: nothing has run yet,
so we raise ``SourceError`` and the CLI exits with code 2 before touching the database. An entry
inside an ``@list`` file is *data*: one bad line among hundreds must not stop the other inputs,
so it becomes a ``Failure(stage="discover")`` row the user can query later.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from connectors.files import SUPPORTED_SUFFIXES, media_type_for
from transforms.model import Failure, SourceItem, SourceKind
from transforms.safety import strip_userinfo

_URL_SCHEMES = ("http", "https")
#: Prefixes of sources that are followed rather than ingested: ``feed:URL`` (RSS, Atom or JSON
#: Feed), ``sitemap:URL`` (a sitemap, or a site whose robots.txt names its sitemaps) and
#: ``site:URL`` (a home page whose feeds are found for you). See ``connectors/feeds.py``.
FOLLOWED_KINDS: tuple[SourceKind, ...] = ("feed", "sitemap", "site")
# Files that document a folder rather than belong to it. A folder of articles kept in a repository
# or a data set usually carries a README (the devset does); ingesting it would invent quotes and
# events from the documentation. Only skipped while walking: naming one explicitly still works.
_FOLDER_META_STEMS = frozenset(
    {"readme", "license", "licence", "changelog", "changes", "contributing", "authors", "notice"}
)
# A URI scheme per RFC 3986. Two letters minimum so a Windows drive ("C:\\...") reads as a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):")


class SourceError(Exception):
    """A top-level source that cannot be used at all; the message is one line for the user."""


def discover(
    sources: Sequence[str], *, cwd: Path | None = None
) -> tuple[list[SourceItem], list[Failure]]:
    """Expand files, folders, http(s) URLs, followed sources (``feed:``, ``sitemap:``,
    ``site:`` URLs) and ``@list`` files into ``SourceItem``s.

    Relative paths resolve against ``cwd`` (default: the process's working directory), or
    against the list file's folder for entries of an ``@list``. Folders are walked recursively
    in sorted order, skipping hidden entries, unsupported extensions and folder documentation
    (README, LICENSE, ...), so two runs over the same tree see the same items in the same
    order. The first occurrence of a duplicate wins.

    Raises ``SourceError`` for a top-level source that is missing, has an unsupported scheme,
    or is a file with an unsupported extension.
    """
    state = _Walk()
    base = (cwd or Path.cwd()).absolute()
    for raw in sources:
        entry = raw.strip()
        if not entry:
            raise SourceError("An empty source was given; name a file, folder, URL or @list.")
        problem = _expand(entry, base, state)
        if problem is not None:
            raise SourceError(problem.message)
    return state.items, state.failures


@dataclass
class _Walk:
    """Accumulates results across all sources so duplicates are dropped globally."""

    items: list[SourceItem] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seen: set[SourceItem] = field(default_factory=set)
    open_lists: list[Path] = field(default_factory=list)  # @lists being read, to catch cycles

    def add(self, item: SourceItem) -> None:
        if item not in self.seen:
            self.seen.add(item)
            self.items.append(item)


@dataclass(frozen=True)
class _Problem:
    kind: str  # becomes Failure.error_kind when the entry came from an @list
    message: str


def _expand(entry: str, base: Path, state: _Walk) -> _Problem | None:
    """Add what ``entry`` names to ``state``; return a one-line problem instead of raising.

    The caller decides whether a problem is a usage error (top level) or a failure row (list).
    """
    if entry.startswith("@"):
        return _expand_list(entry[1:].strip(), base, state)

    m = _SCHEME.match(entry)
    kind = next((k for k in FOLLOWED_KINDS if m and k == m.group(1).lower()), None)
    if m is not None and kind is not None:
        target = entry[m.end() :].strip()
        inner = _SCHEME.match(target)
        url = _clean_url(target) if inner and inner.group(1).lower() in _URL_SCHEMES else None
        if url is None:
            return _Problem(
                "bad_url",
                f"{entry!r}: {kind}: must be followed by an http(s) URL, "
                f"e.g. {kind}:https://example.org/{'rss.xml' if kind == 'feed' else ''}",
            )
        state.add(SourceItem(kind=kind, location=url))
        return None
    if m and m.group(1).lower() in _URL_SCHEMES:
        url = _clean_url(entry)
        if url is None:
            return _Problem("bad_url", f"{entry!r} is not a usable URL (no host, or a bad port).")
        state.add(SourceItem(kind="url", location=url))
        return None

    path = Path(entry).expanduser()
    path = path if path.is_absolute() else base / path
    # A name like "notes:v2.txt" looks like a scheme, so only call it one if no such file exists.
    if m and not path.exists():
        return _Problem(
            "unsupported_scheme",
            f"{entry!r} uses the unsupported scheme {m.group(1)!r}: "
            "only http(s) URLs, feed:, sitemap: and site: URLs, local files, folders and "
            "@lists can be ingested.",
        )
    if not path.exists():
        where = f" (relative to {base})" if not Path(entry).expanduser().is_absolute() else ""
        return _Problem("not_found", f"{entry!r} does not exist{where}.")
    path = path.resolve()
    if path.is_dir():
        _walk_folder(path, state)
        return None
    if not path.is_file():
        return _Problem("bad_source", f"{entry!r} is neither a regular file nor a folder.")
    if media_type_for(path) is None:
        return _Problem(
            "unsupported_type",
            f"{entry!r} has an unsupported file type; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}.",
        )
    state.add(SourceItem(kind="file", location=str(path)))
    return None


def _expand_list(name: str, base: Path, state: _Walk) -> _Problem | None:
    """Read an ``@list``: one URL or path per line, ``#`` comments and blank lines ignored.

    Lists may include other lists (``@more.txt``); a list that includes itself, directly or
    not, is reported once instead of recursing forever.
    """
    if not name:
        return _Problem("bad_source", "'@' must be followed by the name of a list file.")
    path = Path(name).expanduser()
    path = (path if path.is_absolute() else base / path).resolve()
    if path in state.open_lists:
        return _Problem(
            "list_cycle", f"The list {path} includes itself (via {state.open_lists[-1]})."
        )
    try:
        # utf-8-sig: lists saved by Windows editors start with a BOM that would break line 1.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return _Problem("not_found", f"The list file {path} does not exist.")
    except IsADirectoryError:
        return _Problem(
            "bad_source", f"The list file {path} is a folder; name the folder itself, without '@'."
        )
    except (OSError, UnicodeDecodeError) as exc:
        return _Problem("unreadable", f"The list file {path} cannot be read: {exc}.")

    state.open_lists.append(path)
    try:
        for lineno, line in enumerate(text.splitlines(), start=1):
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            problem = _expand(entry, path.parent, state)
            if problem is not None:
                state.failures.append(
                    Failure(
                        source=entry,
                        stage="discover",
                        error_kind=problem.kind,
                        message=f"{path} line {lineno}: {problem.message}",
                    )
                )
    finally:
        state.open_lists.pop()
    return None


def _walk_folder(root: Path, state: _Walk) -> None:
    """Add every supported, non-hidden file under ``root`` in a stable order.

    Symlinked folders are not followed (a link back up the tree would loop); symlinked files
    are kept and recorded by their resolved target, which also dedupes two links to one file.
    A link whose target lies outside ``root`` is followed too, and the item names the link
    (``SourceItem.link``) so the run can say so. A broken or looping link, or one to something
    that is not a regular file, becomes a failure row, as does an unreadable subfolder: the
    input never shrinks silently.
    """
    found: list[tuple[tuple[str, ...], Path]] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename or root
        state.failures.append(
            Failure(
                source=str(where),
                stage="discover",
                error_kind="unreadable",
                message=f"Folder {where} cannot be listed: {exc.strerror or exc}.",
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        here = Path(dirpath)
        for name in filenames:
            if name.startswith(".") or name.split(".", 1)[0].lower() in _FOLDER_META_STEMS:
                continue
            path = here / name
            # Links are kept whatever they point to: a broken one must become a failure row.
            if media_type_for(path) is not None and (path.is_symlink() or path.is_file()):
                found.append((path.relative_to(root).parts, path))

    # Sort on path components, not the joined string: "a/b.txt" must come before "a-z.txt".
    for _, path in sorted(found, key=lambda pair: pair[0]):
        if not path.is_symlink():
            state.add(SourceItem(kind="file", location=str(path.resolve())))
            continue
        target, problem = _follow_link(path)
        if problem is not None:
            kind, why = problem
            state.failures.append(
                Failure(str(path), "discover", kind, f"{path} (in {root}) {why}; skipped.")
            )
            continue
        outside = not target.is_relative_to(root)
        state.add(SourceItem("file", str(target), link=str(path) if outside else None))


def _follow_link(link: Path) -> tuple[Path, tuple[str, str] | None]:
    """A symlink's final target, or ``(error_kind, clause)`` saying why it cannot be read."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return link, ("broken_link", f"is a link to {os.readlink(link)}, which does not exist")
    except (RuntimeError, OSError) as exc:  # RuntimeError: a loop, on Python 3.11
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return link, ("link_loop", "is a link that loops back on itself")
        return link, ("unreadable", f"is a link that cannot be followed ({exc.strerror})")
    if not target.is_file():
        return target, ("not_a_file", f"is a link to {target}, which is not a regular file")
    return target, None


def _clean_url(entry: str) -> str | None:
    """The URL as given minus its fragment (which never reaches a server) and any credentials
    (which must not be stored or printed); None if unusable.

    Cut at the first "#" rather than round-tripping through ``urlunsplit``, which would also
    drop an empty "?" and so change the URL the user gave.
    """
    url = strip_userinfo(entry.split("#", 1)[0])
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a non-numeric or out-of-range port
    except ValueError:
        return None
    return url if parts.hostname else None


def public_source(entry: str) -> str:
    """A source as it may be stored or shown: an http(s) URL, also after ``feed:``,
    ``sitemap:`` or ``site:``, loses ``user:password@``; paths and @lists are left alone
    (their entries are cleaned when read)."""
    m = _SCHEME.match(entry.strip())
    if m is None:
        return entry
    scheme = m.group(1).lower()
    if scheme in _URL_SCHEMES:
        return strip_userinfo(entry)
    if scheme in FOLLOWED_KINDS:
        prefix, target = entry[: m.end()], entry[m.end() :]
        return prefix + strip_userinfo(target.strip())
    return entry
