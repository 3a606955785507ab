"""Compile a parsed dictionary once and reload it quickly in later processes.

Parsing the Phoenix actor files takes about a second, paid again by every worker process. The
first process to need a dictionary pickles the parsed form next to the sources, under
``lexicons/.compiled/``, named by a hash of the source files, of the module that parses them
and of ``FORMAT``. Later processes
load that (a few tens of milliseconds). If the directory is read-only the parsed form is simply
not saved; nothing outside the package is read or written. The pickles are produced by this
code from files shipped in the package, so loading them trusts nothing the code does not.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bump when the shape of any compiled object changes, so stale pickles are ignored.
FORMAT = "3"

COMPILED_DIR = Path(__file__).parent / "lexicons" / ".compiled"


def _key(name: str, sources: Sequence[Path], build: Callable[[], object]) -> str:
    h = hashlib.sha1(f"{name}\x1f{FORMAT}".encode())
    # The builder's own module is a source too: changing the parser invalidates the cache.
    module = sys.modules.get(build.__module__)
    module_file = getattr(module, "__file__", None)
    for path in (*sources, *([Path(module_file)] if module_file else [])):
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:16]


def load_compiled(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the compiled cache when the sources have not changed."""
    path = COMPILED_DIR / f"{name}-{_key(name, sources, build)}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    value = build()
    try:
        COMPILED_DIR.mkdir(parents=True, exist_ok=True)
        for stale in COMPILED_DIR.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=COMPILED_DIR, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; other users' processes read it too
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        pass
    return value
