"""The store: one TinyDB JSON file, read whole, changed in memory, committed atomically.

Every write holds an exclusive kernel lock on a separate ``<store>.lock`` file across
re-read, change and commit, and commits through `atomicfile.atomic_write` (temp
file, fsync, rename, fsync of the folder): a reader sees the old file or the new
one, never half of either. TinyDB works on the in-memory tables through a storage
that never touches the disk; this module and `atomicfile` alone do the I/O.
A damaged file is reported and never overwritten; an older schema is migrated
(`migrations.py`) in one commit that keeps a copy of the old file.

On disk the file is UTF-8 with Arabic kept as characters, keys sorted, indented by
two spaces: exactly ``json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)``.
orjson produces the same bytes several times faster.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from claimtrack.errors import StoreError
from claimtrack.migrations import fresh_schema, migrate, pending
from claimtrack.model import SCHEMA_VERSION

DEFAULT_LOCK_TIMEOUT = 10.0
VOCAB_TABLES = ("sides", "topics", "rounds")
DATA_TABLES = (*VOCAB_TABLES, "claims")
TABLES = (*DATA_TABLES, "history")
META_TABLE = "meta"

Data = dict[str, dict[str, dict[str, Any]]]


class MissingStoreError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"no store at {path}", "Create it with: claimtrack init")


class _KeyedTable(Table):
    """A TinyDB table whose documents are keyed by claim id or slug, not a counter.

    Natural keys keep the file stable under version control: two copies that add
    different claims never both write a document "11".
    """

    document_id_class = str  # type: ignore[assignment]  # TinyDB types ids as int

    def _get_next_id(self) -> str:
        raise TypeError("claimtrack documents are always inserted with their own key")


class _MemoryStorage(Storage):
    """Hands TinyDB the tables this module loaded; the commit writes them out."""

    def __init__(self, data: Data) -> None:
        self.data = data

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        self.data = data


class _Database(TinyDB):
    table_class = _KeyedTable


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

    def __post_init__(self) -> None:
        self._db = _Database(storage=_MemoryStorage, data=self.data)

    @property
    def _tables(self) -> Data:
        tables: Data = self._db.storage.read()  # type: ignore[assignment]  # never None here
        return tables

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

    # TinyDB's Table.insert/update/remove read the whole table, rebuild it as a dict
    # keyed by document id, apply the change and rebuild it again with string keys:
    # twice O(n) per record, ~90 ms each at 100,000 claims, so a `record` (the claim
    # and its history entry) paid ~190 ms. The single-record changes below do to the
    # same in-memory table dict exactly what TinyDB's updaters do, without the
    # rebuilds; the file stays a TinyDB file, and reads still go through TinyDB.

    def _table(self, table: str) -> dict[str, dict[str, Any]]:
        return self._tables.setdefault(table, {})

    def insert(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        documents = self._table(table)
        if key in documents:  # as Table.insert refuses a Document whose id exists
            raise ValueError(f"Document with ID {key} already exists")
        self.cache.clear()
        documents[key] = dict(record)
        if log:
            self.changes.append(Change(table, key, None, dict(record)))

    def replace(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        before = self.get(table, key)
        if before is None:
            raise KeyError(key)

        # In place, like Table.update with a callable: the record keeps its position.
        document = self._table(table)[key]
        self.cache.clear()
        document.clear()
        document.update(record)
        if log:
            self.changes.append(Change(table, key, before, dict(record)))

    def put_many(self, table: str, records: dict[str, dict[str, Any]]) -> None:
        """Insert or overwrite many records; overwritten ones move to the end.

        The same result as TinyDB's Table.remove then Table.insert_multiple, which
        this used to call, in one pass over `records` rather than over the table.
        """
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
        self._table(table).pop(key, None)  # a missing key is skipped, as by Table.remove
        if log:
            self.changes.append(Change(table, key, before, None))

    @property
    def schema_version(self) -> int:
        version: int = self._tables[META_TABLE]["schema"]["version"]
        return version


# --- reading -------------------------------------------------------------------------


def empty_data() -> Data:
    data: Data = {name: {} for name in TABLES}
    data[META_TABLE] = {"schema": fresh_schema()}
    return data


# orjson's terse reasons, said the way a user can act on them
_JSON_PROBLEMS = {
    "unexpected end of data": "it ends in the middle of the data (cut short?)",
    "unexpected content after document": "it has trailing data after the JSON document",
    "depth limit exceeded": "it is nested too deeply",
}


def decode(raw: bytes, path: Path) -> Data:
    """Parse and check a store file's bytes; a damaged file is an error, never a guess."""
    if raw.startswith(codecs.BOM_UTF8):
        raise StoreError(f"{path} starts with a UTF-8 byte order mark", "Remove the first 3 bytes")
    # Not raw.strip(): that copies the whole file (80 ms at 100,000 claims).
    if not raw or raw.isspace():
        raise StoreError(f"{path} is empty, not a claimtrack store")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path} is not valid JSON ({exc}){_json_problem(raw, exc)}") from None
    except RecursionError:
        raise StoreError(f"{path} is not valid JSON; it is nested too deeply") from None
    _check_shape(data, path)
    return data  # type: ignore[no-any-return]


def _json_problem(raw: bytes, exc: orjson.JSONDecodeError) -> str:
    """What the parser's message means for the file, when that is worth saying."""
    # Checked only once parsing failed, so a healthy store pays nothing for it.
    if b"\x00" in raw:
        return "; it contains NUL bytes, as a file damaged by a crash often does"
    for prefix, meaning in _JSON_PROBLEMS.items():
        if str(exc).startswith(prefix):
            return f"; {meaning}"
    return ""


def _check_shape(data: Any, path: Path) -> None:
    not_a_store = f"{path} is JSON but not a claimtrack store"
    if not isinstance(data, dict) or not isinstance(data.get(META_TABLE), dict):
        raise StoreError(not_a_store, "It has no schema version")
    schema = data[META_TABLE].get("schema")
    version = schema.get("version") if isinstance(schema, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreError(not_a_store, "It has no schema version")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} is from a newer claimtrack (schema version {version}; "
            f"this one reads up to {SCHEMA_VERSION})",
            "Upgrade claimtrack",
        )
    for name, table in data.items():
        # map() rather than a generator: half the time over 100,000 records
        if not isinstance(table, dict) or not all(
            map(isinstance, table.values(), itertools.repeat(dict))
        ):
            raise StoreError(not_a_store, f"Table {name!r} is not a table of records")


def read_store(path: Path) -> Store:
    """Load a store for reading. No lock: commits replace the file atomically.

    A store from an older schema version is migrated in memory; the next commit
    writes the migration (see `write_store`).
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MissingStoreError(path) from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except OSError as exc:
        from claimtrack.atomicfile import reason

        raise StoreError(f"cannot read {path}: {reason(exc)}") from None
    data = decode(raw, path)
    migrated_from = None
    if pending(data):
        migrated_from = _migrate(data, path)
    for name in TABLES:
        data.setdefault(name, {})
    original = raw if migrated_from is not None else None
    return Store(path, data, migrated_from=migrated_from, original=original)


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


def encode(data: Data) -> bytes:
    # OPT_APPEND_NEWLINE rather than `+ b"\n"`, which copies the whole file again.
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(data, option=options)


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
    # The write machinery (fcntl, signal, secrets, glob: ~3.5 ms) loads only here,
    # so that read commands do not import it.
    from claimtrack.atomicfile import (
        atomic_write,
        check_writable,
        interrupts_deferred,
        locked,
        remove_leftover_temp_files,
    )

    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
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
        if not (store.changes or store.created or store.rewrite):
            return
        with interrupts_deferred():
            if store.changes:
                _record_history(store, operation)
            payload = _encode(store.data, path)
            if store.migrated_from is not None and store.original is not None:
                store.backup = _keep_old_version(target, store.original, store.migrated_from)
            atomic_write(target, payload, shown=path)
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


def _record_history(store: Store, operation: str) -> None:
    import secrets  # only writes need it (with hashlib and random, ~3 ms to import)

    now = utc_now()
    # Time first so keys sort chronologically; the random tail keeps two clones apart.
    # `seq` orders entries even if the clock steps back, which undo relies on.
    key = f"{now}-{secrets.token_hex(3)}"
    seq = 1 + max((entry.get("seq", 0) for entry in store.records("history")), default=0)
    entry = {
        "id": key,
        "seq": seq,
        "time": now,
        "user": _current_user(),
        "operation": operation,
        **store.history_note,
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in store.changes
        ],
    }
    store.insert("history", key, entry, log=False)
