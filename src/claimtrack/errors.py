"""The errors claimtrack raises; ``cli.py`` turns them into ``Error: ...`` and an exit code.

Exit codes are part of the contract with scripts:
0 success, 1 invalid input or not found, 2 usage error (click's own),
3 the store cannot be read or written.
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class: a message for the user, an optional hint, an exit code."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}. {self.hint}"
        return self.message


class InputError(ClaimtrackError):
    """What the user typed cannot be accepted (bad value, unknown slug, duplicate)."""


class NotFoundError(InputError):
    """An id, slug or alias names nothing in the store."""


class DateError(InputError):
    """A date that cannot be read without guessing."""


class StoreError(ClaimtrackError):
    """The store cannot be read or written; nothing was changed."""

    exit_code = 3


class LockTimeoutError(StoreError):
    """Another claimtrack process held the store's lock for too long."""


class OutputError(ClaimtrackError):
    """Output could not be written (a full disk, a closed stdout); exit 1."""
