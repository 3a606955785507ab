"""newsdb's own version, recorded with every run."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    NEWSDB_VERSION = version("newsdb")
except PackageNotFoundError:  # running from a source tree that was never installed
    NEWSDB_VERSION = "0+unknown"
