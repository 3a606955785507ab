"""Writing a built report to disk, replacing an earlier report in the same folder whole.

A report is a folder of pages; a new one must not leave the pages of people or countries an
earlier run had but this one does not. The new report is written next to the target, then
swapped in. A folder is only ever replaced when it holds newsdb's marker file, so
``--out ~/Documents`` by mistake is refused instead of emptied.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

MARKER = ".newsdb-report"


class SiteError(Exception):
    """The report folder cannot be used (not ours, not writable)."""


def write_site(files: Mapping[str, str | bytes], out_dir: Path) -> Path:
    """Write ``files`` (relative path -> content) as the folder ``out_dir``; return index.html."""
    out_dir = out_dir.resolve()
    if out_dir.exists() and (not out_dir.is_dir() or _foreign(out_dir)):
        raise SiteError(
            f"{out_dir} exists and is not a newsdb report folder; choose a new or empty folder"
        )
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    except OSError as exc:
        raise SiteError(f"cannot write under {out_dir.parent}: {exc.strerror}") from exc
    try:
        for rel, content in files.items():
            target = (staging / rel).resolve()
            if staging not in target.parents:
                raise SiteError(f"refusing to write outside the report folder: {rel!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        (staging / MARKER).write_text("written by `newsdb report`\n", encoding="utf-8")
        staging.chmod(0o755)
        old = None
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}-old-{staging.name[-8:]}")
            out_dir.rename(old)
        staging.rename(out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir / "index.html"


def _foreign(folder: Path) -> bool:
    """True when ``folder`` has content but no marker: something else lives there."""
    return any(folder.iterdir()) and not (folder / MARKER).is_file()
