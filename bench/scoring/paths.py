"""Where the scorers find their data: the repository, and corpora beside it.

The shared corpora live next to the repository (``../shared/corpora/...`` from its root) and are
read in place. A git worktree sits elsewhere (``/work/wt/<name>``), so a relative path is tried
from the current directory, then from the repository root, then from the main checkout that
the worktree's ``.git`` file points to.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _main_checkout(root: Path) -> Path | None:
    """The main checkout of a worktree (``.git`` is a file "gitdir: <main>/.git/worktrees/x")."""
    marker = root / ".git"
    if not marker.is_file():
        return None
    text = marker.read_text(encoding="utf-8").strip()
    if not text.startswith("gitdir:"):
        return None
    gitdir = Path(text.removeprefix("gitdir:").strip())
    if not gitdir.is_absolute():
        gitdir = (root / gitdir).resolve()
    # <main>/.git/worktrees/<name> -> <main>
    return gitdir.parents[2] if gitdir.parent.name == "worktrees" else None


def find_data(path: Path, root: Path = ROOT) -> Path:
    """``path`` itself if absolute, else the first of: from the current directory, from the
    repository root, from the main checkout's root (see the module docstring).

    When it exists nowhere, the path from the repository root is returned, for the caller's
    error message.
    """
    if path.is_absolute():
        return path
    candidates = [Path.cwd() / path, root / path]
    main = _main_checkout(root)
    if main is not None:
        candidates.append(main / path)
    found = next((c for c in candidates if c.exists()), candidates[1])
    return found.resolve()
