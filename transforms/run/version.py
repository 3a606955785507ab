"""The two versions a run records: newsdb's own, and the version of what it extracts."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    NEWSDB_VERSION = version("newsdb")
except PackageNotFoundError:  # running from a source tree that was never installed
    NEWSDB_VERSION = "0+unknown"

#: Bumped whenever cleaning or extraction changes in a way that should re-process unchanged
#: inputs: stored with each document, compared by the incremental plan (``transforms.run.plan``).
PIPELINE_VERSION = "3"
