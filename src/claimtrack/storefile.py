"""The store file on disk: what may be opened as a store, and its JSON format.

Only a regular file (or a symlink to one) up to `MAX_STORE_BYTES` is opened: a FIFO
would hang a command, a device such as /dev/zero would be read without end. On disk
the file is UTF-8 with Arabic kept as characters, keys sorted, indented by two
spaces: exactly ``json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)``.
orjson produces the same bytes several times faster.
"""

from __future__ import annotations

import codecs
import itertools
import os
import stat
from pathlib import Path
from typing import Any

import orjson

from claimtrack import historyfile
from claimtrack.errors import StoreError
from claimtrack.model import SCHEMA_VERSION
from claimtrack.portable import NONBLOCK, OPEN_FLAGS

META_TABLE = "meta"
# A store of 100,000 claims is about 130 MiB; past this size a file is refused rather
# than read into memory (some five times its size) on the chance that it is a store.
MAX_STORE_BYTES = 512 * 2**20

Data = dict[str, dict[str, dict[str, Any]]]


class MissingStoreError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"no store at {path}", "Create it with: claimtrack init")


_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def refuse_special_file(info: os.stat_result, path: Path) -> None:
    """Only a regular file can be a store: a FIFO would hang, a device never end."""
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise StoreError(f"{path} is {kind}, not a store file", "Give --db a regular file")
    if info.st_size > MAX_STORE_BYTES:
        raise StoreError(
            f"{path} is {info.st_size / 2**20:.0f} MiB, larger than a store may be "
            f"({MAX_STORE_BYTES >> 20} MiB)",
            "Is it really a claimtrack store?",
        )


def check_store_file(path: Path) -> None:
    """Refuse `path` if it exists and is not a regular file of a store's size."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    refuse_special_file(info, path)


def read_regular_file(path: Path) -> bytes:
    """The bytes of the store file, checked to be a regular file before it is read."""
    try:
        check_store_file(path)
        # O_NONBLOCK: if a FIFO took the file's place since the check, open returns.
        fd = os.open(path, os.O_RDONLY | NONBLOCK | OPEN_FLAGS)
    except FileNotFoundError:
        raise MissingStoreError(path) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    with open(fd, "rb") as file:
        try:
            refuse_special_file(os.fstat(fd), path)
            return file.read()
        except OSError as exc:
            raise _cannot_read(path, exc) from None


def _cannot_read(path: Path, exc: OSError) -> StoreError:
    from claimtrack.atomicfile import reason  # the write machinery loads only on error

    return StoreError(f"cannot read {path}: {reason(exc)}")


# orjson's terse reasons, said the way a user can act on them
_JSON_PROBLEMS = {
    "unexpected end of data": "it ends in the middle of the data (cut short?)",
    "unexpected content after document": "it has trailing data after the JSON document",
    "depth limit exceeded": "it is nested too deeply",
}


def decode(raw: bytes, path: Path) -> Data:
    """Parse and check a store file's bytes; a damaged file is an error, never a guess."""
    return decode_typed(raw, path)[0]


def decode_typed(raw: bytes, path: Path) -> tuple[Data, bool]:
    """`decode`, and whether the claims' shapes were checked on the way (`typeddecode`)."""
    if raw.startswith(codecs.BOM_UTF8):
        raise StoreError(f"{path} starts with a UTF-8 byte order mark", "Remove the first 3 bytes")
    # Not raw.strip(): that copies the whole file.
    if not raw or raw.isspace():
        raise StoreError(f"{path} is empty, not a claimtrack store")
    from claimtrack.typeddecode import decode_checked

    typed = decode_checked(raw)
    if typed is not None:
        _check_shape(typed, path)
        return typed, True
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path} is not valid JSON ({exc}){_json_problem(raw, exc)}") from None
    except RecursionError:
        raise StoreError(f"{path} is not valid JSON; it is nested too deeply") from None
    _check_shape(data, path)
    return data, False


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
    if historyfile.META_RECORD in data[META_TABLE]:
        problem = historyfile.heads_problem(data[META_TABLE][historyfile.META_RECORD])
        if problem:
            raise StoreError(f"{path} is damaged: {problem}", "Run: claimtrack check")


def encode(data: Data) -> bytes:
    # OPT_APPEND_NEWLINE rather than `+ b"\n"`, which copies the whole file again.
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(data, option=options)
