"""The history file: ``<store>.history.jsonl``, append-only, beside the store.

Reads never open it: only `log`, `undo` and `check` do, so a store's history costs
`list` and the analysis commands nothing. A write appends one entry per command
(one JSON object per line) and fsyncs it *before* it commits the store, then records
the entry's id in the store as the new head (``meta.history``: ``heads`` and the
highest ``seq``). Each entry names its ``parents``, the heads it was written on, so
the entries that happened are those reachable from the store's heads; an entry that
is not (the writer died between the two commits) is known to be not applied and is
ignored. After a git merge (the file merges with ``merge=union``; the store's heads
are the union of both sides') entries from two clones are ordered by ``seq``, which
is one more than the highest of the parents', then by time and id: the same order
whatever order the lines ended up in.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from claimtrack.errors import StoreError
from claimtrack.model import DATA_TABLES
from claimtrack.portable import NOFOLLOW, NONBLOCK, OPEN_FLAGS, read_at

Entry = dict[str, Any]

SUFFIX = ".history.jsonl"
META_RECORD = "history"
# Beyond 2**53 a JSON number may come back as a float, and the next seq repeats it.
MAX_SAFE_INTEGER = 2**53 - 1


def history_path(store_path: Path) -> Path:
    """Beside the file the store really is, so every name for it shares one history."""
    target = Path(os.path.realpath(store_path))
    return target.with_name(target.name + SUFFIX)


def is_safe_integer(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MAX_SAFE_INTEGER


@dataclass(frozen=True)
class Heads:
    """What the store file says about its history: the latest entries, and their seq."""

    ids: tuple[str, ...] = ()
    seq: int = 0

    def as_record(self) -> dict[str, Any]:
        return {"heads": sorted(self.ids), "seq": self.seq}


def heads_problem(record: Any) -> str | None:
    """Why a store's ``meta.history`` record cannot be used, or None."""
    if not isinstance(record, dict):
        return "meta.history is not an object"
    ids, seq = record.get("heads"), record.get("seq")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return "meta.history.heads is not a list of entry ids"
    if not is_safe_integer(seq):
        return f"meta.history.seq {_show(seq)} is not a whole number from 0 to 2**53 - 1"
    return None


def heads_of(meta: dict[str, Any]) -> Heads:
    record = meta.get(META_RECORD)
    if record is None:
        return Heads()
    return Heads(tuple(record["heads"]), record["seq"])


# --- entries ---------------------------------------------------------------------------


def entry_problem(entry: Any) -> str | None:
    """Why `entry` is not a usable history entry, or None."""
    if not isinstance(entry, dict) or not entry:
        return "not a history entry (an empty or non-object line)"
    for name in ("id", "time", "user", "operation"):
        if not isinstance(entry.get(name), str):
            return f"{name} is missing or not text"
    if not is_safe_integer(entry.get("seq")):
        return f"seq {_show(entry.get('seq'))} is not a whole number from 0 to 2**53 - 1"
    parents = entry.get("parents", [])
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        return "parents is not a list of entry ids"
    for name in ("undoes", "skips"):
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f"{name} is not an entry id"
    changes = entry.get("changes")
    if not isinstance(changes, list):
        return "changes is not a list"
    for change in changes:
        problem = _change_problem(change)
        if problem:
            return problem
    return None


def _change_problem(change: Any) -> str | None:
    if not isinstance(change, dict):
        return "a change is not an object"
    if change.get("table") not in DATA_TABLES or not isinstance(change.get("key"), str):
        return "a change names no table and key"
    for name in ("before", "after"):
        if name not in change or not isinstance(change[name], dict | None):
            return f"a change's {name} is not a record or null"
    return None


def order_key(entry: Entry) -> tuple[int, str, str]:
    return (entry["seq"], entry["time"], entry["id"])


def applied_entries(entries: Iterable[Entry], heads: Heads) -> tuple[list[Entry], list[Entry]]:
    """(entries the store includes, oldest first; entries it does not)."""
    by_id: dict[str, Entry] = {}
    for entry in entries:
        by_id.setdefault(entry["id"], entry)  # a line repeated by a merge counts once
    reached: set[str] = set()
    waiting = [i for i in heads.ids if i in by_id]
    while waiting:
        entry_id = waiting.pop()
        if entry_id in reached:
            continue
        reached.add(entry_id)
        waiting.extend(p for p in by_id[entry_id].get("parents", []) if p in by_id)
    applied = sorted((by_id[i] for i in reached), key=order_key)
    unapplied = sorted((e for i, e in by_id.items() if i not in reached), key=order_key)
    return applied, unapplied


def chain_old_entries(table: dict[str, Any]) -> list[tuple[str, Entry]]:
    """(key, entry) for a history kept inside the store file, as one chain.

    Oldest first by their old ``seq`` (repeated after merges), time and key, then
    renumbered so that each follows the one before. Nothing is checked here: a
    damaged entry is refused when it is read or moved (`from_store_table`); a seq
    that is there but not a safe integer is kept as it was, so that it is refused too.
    """

    def old_order(item: tuple[str, Any]) -> tuple[int, str, str]:
        entry = item[1] if isinstance(item[1], dict) else {}
        seq: int = entry["seq"] if is_safe_integer(entry.get("seq")) else 0
        return (seq, str(entry.get("time")), item[0])

    chained: list[tuple[str, Entry]] = []
    for key, old in sorted(table.items(), key=old_order):
        entry = dict(old) if isinstance(old, dict) else {}
        if "seq" not in entry or is_safe_integer(entry["seq"]):
            entry["seq"] = len(chained) + 1
        previous = [chained[-1][1].get("id", chained[-1][0])] if chained else []
        entry["parents"] = previous
        chained.append((key, entry))
    return chained


def from_store_table(table: dict[str, Any]) -> list[Entry]:
    """The entries of a history kept inside the store file, checked, to be moved out."""
    entries: list[Entry] = []
    for key, entry in chain_old_entries(table):
        problem = entry_problem(entry)
        if problem:
            raise StoreError(
                f"the store's old history entry {key!r} cannot be moved to its own file: {problem}",
                "Run: claimtrack check",
            )
        entries.append(entry)
    return entries


# --- the file --------------------------------------------------------------------------


@dataclass
class HistoryFile:
    path: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line N: why"
    torn: bool = False  # the last line was cut short by a crash while appending


def read_history(path: Path, limit: int) -> HistoryFile:
    """Every readable entry of the history file; a missing file is an empty history."""
    result = HistoryFile(path)
    raw = _read_regular_file(path, limit)
    if raw is None:
        return result
    lines = raw.split(b"\n")
    last = len(lines) - 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            if number - 1 == last:  # no newline after it: the append never finished
                result.torn = True
                continue
            result.problems.append(f"line {number}: not valid JSON")
            continue
        problem = entry_problem(entry)
        if problem:
            result.problems.append(f"line {number}: {problem}")
        else:
            result.entries.append(entry)
    return result


def _read_regular_file(path: Path, limit: int) -> bytes | None:
    try:
        # O_NONBLOCK: a FIFO put in the file's place must not hang the command.
        fd = os.open(path, os.O_RDONLY | NONBLOCK | OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read the history file {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"the history file {path} is not a regular file")
        if info.st_size > limit:
            raise StoreError(f"the history file {path} is larger than {limit >> 20} MiB")
        return file.read()


def append_entries(path: Path, entries: list[Entry], *, store: Path) -> int:
    """Add `entries`, one line each, and make them durable before the store's commit.

    Returns the file's size before, for `take_back`. Errors name `store`: to the
    user, this is part of writing the store.
    """
    if not entries:
        return -1
    options = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    lines = b"".join(orjson.dumps(entry, option=options) for entry in entries)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | NONBLOCK | NOFOLLOW | OPEN_FLAGS
    try:
        fd = os.open(path, flags, _mode_like(store))
    except OSError as exc:
        raise _cannot_write(store, exc) from None
    size = None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(
                f"cannot write {store}: its history file {path} is not a regular file; "
                "nothing was changed"
            )
        size = info.st_size
        if size and read_at(fd, 1, size - 1) != b"\n":
            # A line torn by a crash while appending: its store commit never came.
            size = _end_of_last_line(fd, size)
            os.ftruncate(fd, size)
        _write_all(fd, lines)
        os.fsync(fd)
        return size
    except BaseException as exc:
        if size is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)  # take back a partial line (disk full, Ctrl-C)
        if isinstance(exc, OSError):
            raise _cannot_write(store, exc) from None
        raise
    finally:
        os.close(fd)


def take_back(path: Path, size: int) -> None:
    """Remove what `append_entries` added, when the store's commit then failed.

    Best effort: if this fails too, the entries stay, known as not applied.
    """
    if size < 0:
        return
    with contextlib.suppress(OSError):
        if size == 0:
            os.unlink(path)
        else:
            os.truncate(path, size)


def _cannot_write(store: Path, exc: OSError) -> StoreError:
    return StoreError(f"cannot write {store}: {exc.strerror}; nothing was changed")


def _end_of_last_line(fd: int, size: int) -> int:
    """The offset just after the file's last newline (0 if it has none)."""
    chunk = 1 << 20
    end = size
    while end > 0:
        start = max(0, end - chunk)
        found = read_at(fd, end - start, start).rfind(b"\n")
        if found >= 0:
            return start + found + 1
        end = start
    return 0


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _mode_like(store: Path) -> int:
    """A new history file is as readable and writable as its store."""
    with contextlib.suppress(OSError):
        return store.stat().st_mode & 0o666
    return 0o666


def _show(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()[:40]
    except TypeError:
        return repr(value)[:40]
