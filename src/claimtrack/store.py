"""The store: one JSON file, read whole, changed in memory, committed atomically.

The command line reads the file directly with orjson, for speed; `api.open_store`
offers the same file to Python code as a read-only TinyDB database. Every write holds
an exclusive lock on a separate ``<store>.lock`` file across re-read, change and
commit, and commits through `atomicfile.atomic_write` (temp file, fsync, rename,
fsync of the folder): a reader sees the old file or the new one, never half of
either. The history of changes lives beside the store (`historyfile`), appended
before each commit. A damaged file is reported and never overwritten; an older
schema is migrated (`migrations.py`) in one commit that keeps a copy of the old file.

The file's format and what may be opened as a store are in `storefile`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from claimtrack import historyfile
from claimtrack.errors import StoreError
from claimtrack.historyfile import Heads
from claimtrack.migrations import fresh_schema, migrate, pending
from claimtrack.model import DATA_TABLES as DATA_TABLES
from claimtrack.model import VOCAB_TABLES as VOCAB_TABLES

# The file's names, also for the modules that know them as the store's.
from claimtrack.storefile import META_TABLE as META_TABLE
from claimtrack.storefile import Data as Data
from claimtrack.storefile import MissingStoreError as MissingStoreError
from claimtrack.storefile import check_store_file, decode_typed, read_regular_file
from claimtrack.storefile import decode as decode
from claimtrack.storefile import encode as encode
from claimtrack.validation import refuse_damaged

DEFAULT_LOCK_TIMEOUT = 10.0
# Where the history was kept before it moved beside the store; read to move it.
OLD_HISTORY_TABLE = "history"


@dataclass
class Change:
    table: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class Store:
    """The tables of one store file, in memory. Mutations are recorded for history."""

    path: Path
    data: Data
    created: bool = False
    changes: list[Change] = field(default_factory=list)
    # The schema version the file had, when it was older and was migrated in memory;
    # the raw bytes are kept so that the commit can leave a copy of the old file.
    migrated_from: int | None = None
    original: bytes | None = None
    backup: Path | None = None  # where that copy went, once committed
    # Extra keys for this transaction's history entry (undo marks what it reverts).
    history_note: dict[str, Any] = field(default_factory=dict)
    rewrite: bool = False  # commit even without changes: an explicit upgrade
    committed: bool = False
    # Indexes other modules build once per process (alias lookups, analysis);
    # dropped whenever the data changes.
    cache: dict[str, Any] = field(default_factory=dict)
    # A history table found inside the file, as older claimtracks kept it: moved to
    # the history file by the next commit (see `history_entries_to_move`).
    old_history: dict[str, Any] | None = None

    @property
    def _tables(self) -> Data:
        return self.data

    @property
    def history_path(self) -> Path:
        return historyfile.history_path(self.path)

    def history_entries_to_move(self) -> list[dict[str, Any]]:
        if not self.old_history:
            return []
        if "old_history_entries" not in self.cache:
            self.cache["old_history_entries"] = historyfile.from_store_table(self.old_history)
        entries: list[dict[str, Any]] = self.cache["old_history_entries"]
        return entries

    def history_heads(self) -> Heads:
        """The latest history entries this store includes."""
        heads = historyfile.heads_of(self._tables[META_TABLE])
        moving = self.history_entries_to_move()
        if moving:
            last = moving[-1]
            return Heads((*heads.ids, last["id"]), max(heads.seq, last["seq"]))
        return heads

    def records(self, table: str) -> list[dict[str, Any]]:
        """All records of a table, as stored. Callers must not change them."""
        return list(self._tables.get(table, {}).values())

    def keys(self, table: str) -> set[str]:
        return set(self._tables.get(table, {}))

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        record = self._tables.get(table, {}).get(key)
        return dict(record) if record is not None else None

    def count(self, table: str) -> int:
        return len(self._tables.get(table, {}))

    def _table(self, table: str) -> dict[str, dict[str, Any]]:
        return self._tables.setdefault(table, {})

    def insert(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        documents = self._table(table)
        if key in documents:
            raise ValueError(f"record {key} already exists")
        self.cache.clear()
        documents[key] = dict(record)
        if log:
            self.changes.append(Change(table, key, None, dict(record)))

    def replace(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        before = self.get(table, key)
        if before is None:
            raise KeyError(key)

        # In place: the record keeps its position.
        document = self._table(table)[key]
        self.cache.clear()
        document.clear()
        document.update(record)
        if log:
            self.changes.append(Change(table, key, before, dict(record)))

    def put_many(self, table: str, records: dict[str, dict[str, Any]]) -> None:
        """Insert or overwrite many records; overwritten ones move to the end."""
        if not records:
            return
        befores = {key: self.get(table, key) for key in records}
        self.cache.clear()
        documents = self._table(table)
        for key, before in befores.items():
            if before is not None:
                del documents[key]
        for key, record in records.items():
            documents[key] = dict(record)
        for key, record in records.items():
            self.changes.append(Change(table, key, befores[key], dict(record)))

    def delete(self, table: str, key: str, *, log: bool = True) -> None:
        before = self.get(table, key)
        self.cache.clear()
        self._table(table).pop(key, None)  # a missing key is skipped
        if log:
            self.changes.append(Change(table, key, before, None))

    @property
    def schema_version(self) -> int:
        version: int = self._tables[META_TABLE]["schema"]["version"]
        return version


# --- reading -------------------------------------------------------------------------


def empty_data() -> Data:
    data: Data = {name: {} for name in DATA_TABLES}
    data[META_TABLE] = {"schema": fresh_schema()}
    return data


def read_store(path: Path, *, whole: bool = True) -> Store:
    """Load a store for reading. No lock: commits replace the file atomically.

    A store from an older schema version is migrated in memory; the next commit
    writes the migration (see `write_store`). A store whose records are not whole
    is refused (see `validation`) unless `whole` is False, as for `check`.
    """
    raw = read_regular_file(path)
    data, claims_typed = decode_typed(raw, path)
    migrated_from = None
    if pending(data):
        migrated_from = _migrate(data, path)
    old_history = data.pop(OLD_HISTORY_TABLE, None)
    for name in DATA_TABLES:
        data.setdefault(name, {})
    if whole:
        refuse_damaged(data, path, claims_typed=claims_typed and migrated_from is None)
    original = raw if migrated_from is not None else None
    return Store(
        path, data, migrated_from=migrated_from, original=original, old_history=old_history
    )


def _migrate(data: Data, path: Path) -> int:
    version: int = data[META_TABLE]["schema"]["version"]
    try:
        return migrate(data)
    except Exception as exc:  # a store a migration cannot handle is damaged: say so, write nothing
        raise StoreError(
            f"{path} cannot be upgraded from schema version {version} ({exc!r})",
            "Run claimtrack check with the claimtrack that wrote it",
        ) from None


# --- writing -------------------------------------------------------------------------


@contextlib.contextmanager
def write_store(
    path: Path,
    *,
    operation: str,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    create: bool = True,
) -> Iterator[Store]:
    """Lock, re-read, hand the store to the caller, and commit if it changed.

    If the body raises, nothing is written. A missing store is created when `create`.
    A store from an older schema version is migrated in the same commit, after a
    copy of the old file is kept beside it as ``<store>.v<N>.bak``.
    """
    # The write machinery loads only here, so that read commands do not import it.
    from claimtrack.atomicfile import (
        atomic_write,
        check_writable,
        interrupts_deferred,
        locked,
        remove_leftover_temp_files,
    )

    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
    check_store_file(path)  # before the lock: a FIFO must not be waited on while held
    target = Path(os.path.realpath(path))  # replace a symlink's target, not the link
    with locked(target, lock_timeout, shown=path):
        remove_leftover_temp_files(target)
        try:
            store = read_store(path)
        except MissingStoreError:
            if not create:
                raise
            store = Store(path, empty_data(), created=True)
        if not store.created:
            check_writable(target, path)
        yield store
        if not (store.changes or store.history_note or store.created or store.rewrite):
            return
        with interrupts_deferred():
            entries = store.history_entries_to_move()
            if store.changes or store.history_note:
                entries = [*entries, _history_entry(store, operation)]
            if entries:
                heads = Heads((entries[-1]["id"],), entries[-1]["seq"])
                store.data[META_TABLE][historyfile.META_RECORD] = heads.as_record()
            payload = _encode(store.data, path)
            if store.migrated_from is not None and store.original is not None:
                store.backup = _keep_old_version(target, store.original, store.migrated_from)
            # History first: a crash before the store's commit leaves an entry that
            # no head reaches, which log and undo know was never applied.
            size = historyfile.append_entries(store.history_path, entries, store=path)
            try:
                atomic_write(target, payload, shown=path)
            except BaseException:
                historyfile.take_back(store.history_path, size)
                raise
            store.committed = True


def _encode(data: Data, path: Path) -> bytes:
    try:
        return encode(data)
    except orjson.JSONEncodeError as exc:
        raise StoreError(f"cannot save {path} ({exc}); nothing was changed") from None


def _keep_old_version(target: Path, raw: bytes, version: int) -> Path:
    """Copy the pre-migration bytes beside the store; an identical copy is reused."""
    for n in itertools.count():
        suffix = f".v{version}.bak" if n == 0 else f".v{version}.{n}.bak"
        backup = target.with_name(target.name + suffix)
        try:
            if backup.read_bytes() == raw:
                return backup
        except FileNotFoundError:
            from claimtrack.atomicfile import atomic_write

            atomic_write(backup, raw, like=target)
            return backup
        except OSError:
            continue
    raise AssertionError("unreachable")


def _current_user() -> str:
    import getpass  # only writes need it

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _history_entry(store: Store, operation: str) -> dict[str, Any]:
    import secrets  # only writes need it

    now = utc_now()
    # Time first so ids sort chronologically; the random tail keeps two clones apart.
    # `seq` orders entries even if the clock steps back, which undo relies on.
    heads = store.history_heads()
    if heads.seq >= historyfile.MAX_SAFE_INTEGER:
        raise StoreError(f"the history of {store.path} has run out of sequence numbers")
    return {
        "id": f"{now}-{secrets.token_hex(3)}",
        "seq": heads.seq + 1,
        "parents": sorted(heads.ids),
        "time": now,
        "user": _current_user(),
        "operation": operation,
        **store.history_note,
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in store.changes
        ],
    }
