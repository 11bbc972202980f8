"""claimtrack: a command-line tracker of diplomatic claims.

From Python, `open_store(path)` gives a store as a read-only TinyDB database and
`records(path, table)` its records as dicts (see `claimtrack.api`). They are loaded
on first use, so that the command line does not pay for TinyDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimtrack.api import open_store, records

# The one place the version is written: pyproject.toml reads it from here.
__version__ = "0.1.0"

__all__ = ["open_store", "records"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from claimtrack import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
