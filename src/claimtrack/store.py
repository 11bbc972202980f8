"""The store: one TinyDB JSON file, read whole, changed in memory, committed atomically.

Every write holds an exclusive kernel lock on a separate ``<store>.lock`` file across
re-read, change and commit (the data file itself is replaced on every commit, so it
cannot carry the lock). The commit writes a temporary file in the same folder,
fsyncs it, renames it over the store and fsyncs the folder: a reader sees the old
file or the new one, never half of either. TinyDB works on the in-memory tables
through a storage that never touches the disk; this module alone does the I/O.

On disk the file is UTF-8 with Arabic kept as characters, keys sorted, indented by
two spaces: exactly ``json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)``.
orjson produces the same bytes several times faster.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import errno
import fcntl
import getpass
import os
import secrets
import tempfile
import time
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from claimtrack.errors import LockTimeoutError, StoreError
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

    def insert(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        self.cache.clear()
        self._db.table(table).insert(Document(record, doc_id=key))  # type: ignore[arg-type]
        if log:
            self.changes.append(Change(table, key, None, dict(record)))

    def replace(self, table: str, key: str, record: dict[str, Any], *, log: bool = True) -> None:
        before = self.get(table, key)
        if before is None:
            raise KeyError(key)

        def overwrite(document: MutableMapping[str, Any]) -> None:
            document.clear()
            document.update(record)

        self.cache.clear()
        self._db.table(table).update(overwrite, doc_ids=[key])  # type: ignore[list-item]
        if log:
            self.changes.append(Change(table, key, before, dict(record)))

    def put_many(self, table: str, records: dict[str, dict[str, Any]]) -> None:
        """Insert or overwrite many records in two passes over the table.

        TinyDB copies the whole table on every insert or update, so a loop of
        `insert` over an import of 10,000 claims would take minutes.
        """
        if not records:
            return
        befores = {key: self.get(table, key) for key in records}
        self.cache.clear()
        present: list[Any] = [key for key, before in befores.items() if before is not None]
        documents = [Document(record, doc_id=key) for key, record in records.items()]  # type: ignore[arg-type]
        target = self._db.table(table)
        target.remove(doc_ids=present)
        target.insert_multiple(documents)
        for key, record in records.items():
            self.changes.append(Change(table, key, befores[key], dict(record)))

    def delete(self, table: str, key: str, *, log: bool = True) -> None:
        before = self.get(table, key)
        self.cache.clear()
        self._db.table(table).remove(doc_ids=[key])  # type: ignore[list-item]
        if log:
            self.changes.append(Change(table, key, before, None))

    @property
    def schema_version(self) -> int:
        version: int = self._tables[META_TABLE]["schema"]["version"]
        return version


# --- reading -------------------------------------------------------------------------


def empty_data() -> Data:
    data: Data = {name: {} for name in TABLES}
    data[META_TABLE] = {"schema": {"version": SCHEMA_VERSION}}
    return data


def decode(raw: bytes, path: Path) -> Data:
    """Parse and check a store file's bytes; a damaged file is an error, never a guess."""
    if raw.startswith(codecs.BOM_UTF8):
        raise StoreError(f"{path} starts with a UTF-8 byte order mark", "Remove the first 3 bytes")
    if not raw.strip():
        raise StoreError(f"{path} is empty, not a claimtrack store")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path} is not valid JSON ({exc})") from None
    except RecursionError:
        raise StoreError(f"{path} is nested too deeply to be a claimtrack store") from None
    _check_shape(data, path)
    return data  # type: ignore[no-any-return]


def _check_shape(data: Any, path: Path) -> None:
    not_a_store = f"{path} is JSON but not a claimtrack store"
    if not isinstance(data, dict) or not isinstance(data.get(META_TABLE), dict):
        raise StoreError(not_a_store, "It has no schema version")
    schema = data[META_TABLE].get("schema")
    version = schema.get("version") if isinstance(schema, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(not_a_store, "It has no schema version")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} is from a newer claimtrack (schema version {version}; "
            f"this one reads up to {SCHEMA_VERSION})",
            "Upgrade claimtrack",
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise StoreError(not_a_store, f"Table {name!r} is not a table of records")
    for name in TABLES:
        data.setdefault(name, {})


def read_store(path: Path) -> Store:
    """Load a store for reading. No lock: commits replace the file atomically."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MissingStoreError(path) from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    return Store(path, decode(raw, path))


# --- writing -------------------------------------------------------------------------


def encode(data: Data) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


@contextlib.contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot lock {path}: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeoutError(
                        f"another claimtrack process holds the store {path} (waited {timeout:g}s)",
                        "Try again when it has finished, or raise --lock-timeout",
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock, as does the death of the process


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _remove_leftover_temp_files(path: Path) -> None:
    """A writer killed between creating and renaming its temp file leaves it behind."""
    for leftover in path.parent.glob(_temp_prefix(path) + "*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror}") from None
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write {path}: {exc.strerror}; nothing was changed") from None
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # The rename happened; only its durability across a power cut is in doubt.
        if exc.errno not in (errno.EINVAL, errno.EBADF):
            raise StoreError(f"cannot sync the folder of {folder}: {exc.strerror}") from None
    finally:
        os.close(fd)


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
    """
    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
    with _locked(path, lock_timeout):
        _remove_leftover_temp_files(path)
        try:
            store = read_store(path)
        except MissingStoreError:
            if not create:
                raise
            store = Store(path, empty_data(), created=True)
        yield store
        if store.changes:
            _record_history(store, operation)
        if store.changes or store.created:
            atomic_write(path, encode(store.data))


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _record_history(store: Store, operation: str) -> None:
    now = utc_now()
    # Time first so keys sort chronologically; the random tail keeps two clones apart.
    key = f"{now}-{secrets.token_hex(3)}"
    entry = {
        "id": key,
        "time": now,
        "user": _current_user(),
        "operation": operation,
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in store.changes
        ],
    }
    store.insert("history", key, entry, log=False)
