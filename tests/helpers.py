"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from claimtrack.errors import ClaimtrackError, InputError


@contextlib.contextmanager
def raises_error(
    message: str, hint: str | None = None, cls: type[ClaimtrackError] = InputError
) -> Iterator[Any]:
    """Expect a claimtrack error of `cls` whose message and hint are exactly these."""
    with pytest.raises(cls) as info:
        yield info
    assert (info.value.message, info.value.hint) == (message, hint)
