"""The one exception type of the Clean stage.

Every module of the package may raise it; ``transforms.clean`` re-exports it for callers.
"""

from __future__ import annotations

from typing import Literal

#: Why a document could not be cleaned. Each value becomes ``Failure.error_kind``.
CleanErrorKind = Literal["empty", "not_article", "bad_encoding", "too_long"]


class CleanError(Exception):
    """An input that cannot become a Document, for a reason a person can act on.

    ``kind`` is a short machine-friendly tag (see ``CleanErrorKind``); ``str(err)`` is one
    sentence saying what was wrong with the input.
    """

    def __init__(self, kind: CleanErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind: CleanErrorKind = kind
        self.message = message

    def __reduce__(self) -> tuple[type[CleanError], tuple[str, str]]:
        # Keep the two-argument signature across pickling (Prefect/Dask ship task errors
        # between processes; the default would call CleanError(message) and fail).
        return (type(self), (self.kind, self.message))
