"""claimtrack from Python: a store as a read-only TinyDB database, or as plain dicts.

    >>> from tinydb import Query
    >>> db = open_store("claims.json")
    >>> db.table("claims").search(Query().side == "russia")

The store is read the way every claimtrack command reads it (checked, and migrated
in memory if it is from an older claimtrack), once, when it is opened. TinyDB then
works on that snapshot through a storage that refuses to write: changes go through
the `claimtrack` commands, which lock the store, validate and keep the history.
The command line does not use this module; it reads the file directly, for speed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from claimtrack.errors import InputError
from claimtrack.store import DATA_TABLES, read_store

Record = dict[str, Any]


class _ReadOnlyStorage(Storage):
    """Hands TinyDB the tables of one store, as loaded; every write is refused."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        data = read_store(Path(path)).data
        self._tables = {name: data.get(name, {}) for name in DATA_TABLES}

    def read(self) -> dict[str, dict[str, Record]]:
        return self._tables

    def write(self, data: dict[str, dict[str, Record]]) -> None:
        raise PermissionError("a store opened with claimtrack.open_store is read-only")


class _KeyedTable(Table):
    """Documents keyed by claim id or slug, as in the file, rather than by a counter."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB types ids as int

    def _get_next_id(self) -> str:
        raise PermissionError("a store opened with claimtrack.open_store is read-only")


class StoreDatabase(TinyDB):
    table_class = _KeyedTable
    default_table_name = "claims"


def open_store(path: str | os.PathLike[str]) -> StoreDatabase:
    """The store at `path` as a read-only TinyDB database.

    Its tables are `claims`, `sides`, `topics`, `rounds` and `people`; a document's `doc_id` is
    its claim id or slug. Raises `claimtrack.errors.StoreError` for a missing or
    damaged store, and PermissionError on any attempt to change it.
    """
    return StoreDatabase(path, storage=_ReadOnlyStorage)


def records(path: str | os.PathLike[str], table: str = "claims") -> list[Record]:
    """The records of one table as plain dicts, in the store's order (copies)."""
    if table not in DATA_TABLES:
        raise InputError(f"no table {table!r}", f"Tables: {', '.join(DATA_TABLES)}")
    return [dict(record) for record in read_store(Path(path)).records(table)]
