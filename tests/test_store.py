"""store.py by plain calls: the file format, reading, locked atomic commits, history."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.errors import LockTimeoutError, StoreError
from claimtrack.migrations import fresh_schema
from claimtrack.model import SCHEMA_VERSION
from claimtrack.store import (
    MissingStoreError,
    Store,
    empty_data,
    encode,
    read_store,
    write_store,
)
from helpers import EMPTY_STORE, raises_error

SIDE = {"slug": "russia", "name": "Russia", "aliases": ["روسيا", "RU"]}
ARABIC = "ضمانات أمنية ملزمة قانونيا"


def canonical(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "claims.json"


@pytest.fixture
def saved(path: Path) -> Path:
    """A store holding one side and one claim-like record."""
    with write_store(path, operation="seed") as store:
        store.insert("sides", "russia", dict(SIDE))
        store.insert("claims", "abcdefghij", {"id": "abcdefghij", "text": ARABIC, "tags": []})
    return path


@pytest.fixture
def held_lock(saved: Path) -> Iterator[None]:
    """Another writer holding the saved store's lock (a separate open file description)."""
    fd = os.open(saved.with_name(saved.name + ".lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield
    os.close(fd)


# --- the file format -----------------------------------------------------------------


def test_file_is_exactly_sorted_indented_json_with_arabic_as_characters(saved: Path) -> None:
    raw = saved.read_bytes()
    assert raw == canonical(json.loads(raw))
    assert ARABIC.encode() in raw
    assert b"\\u" not in raw
    assert raw.endswith(b"}\n")


def test_encode_matches_json_dumps_on_awkward_characters() -> None:
    texts = ["\x01\x1f\x7f", "\t\n\r", '"\\/', "\u2028\u2029", "\u200f\u202e\ufeff", "😀", ARABIC]
    data = empty_data()
    data["claims"] = {f"k{i}": {"text": t, "tags": [t], "n": None} for i, t in enumerate(texts)}
    data["sides"] = {"ب": {"slug": "ب"}, "a": {"slug": "a"}, "Z": {"slug": "Z"}}
    assert encode(data) == canonical(data)


def test_empty_store_layout(path: Path) -> None:
    with write_store(path, operation="init"):
        pass
    assert path.read_text(encoding="utf-8") == EMPTY_STORE


def test_schema_version_is_recorded(saved: Path) -> None:
    data = json.loads(saved.read_bytes())
    assert data["meta"] == {"schema": fresh_schema()}
    assert data["meta"]["schema"]["version"] == SCHEMA_VERSION
    assert read_store(saved).schema_version == SCHEMA_VERSION


def test_records_are_keyed_by_their_natural_key(saved: Path) -> None:
    data = json.loads(saved.read_bytes())
    assert data["sides"] == {"russia": SIDE}
    assert list(data["claims"]) == ["abcdefghij"]


def test_same_content_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target, order in ((first, ("us", "russia")), (second, ("russia", "us"))):
        with write_store(target, operation="seed") as store:
            for slug in order:
                store.insert("sides", slug, {"slug": slug, "name": slug, "aliases": []})
    a, b = json.loads(first.read_bytes()), json.loads(second.read_bytes())
    assert a["sides"] == b["sides"]
    a.pop("history"), b.pop("history")
    assert canonical(a) == canonical(b)


# --- reading -------------------------------------------------------------------------


def test_missing_store_names_the_path_and_init(path: Path) -> None:
    with raises_error(f"no store at {path}", "Create it with: claimtrack init", MissingStoreError):
        read_store(path)
    assert MissingStoreError(path).exit_code == 3
    assert isinstance(MissingStoreError(path), StoreError)
    assert not path.exists()


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with raises_error(f"{tmp_path} is a folder, not a store file", cls=StoreError):
        read_store(tmp_path)


@pytest.mark.parametrize(
    ("raw", "message", "hint"),
    [
        (b"", "{path} is empty, not a claimtrack store", None),
        (b"  \n", "{path} is empty, not a claimtrack store", None),
        (
            b"\xef\xbb\xbf{}",
            "{path} starts with a UTF-8 byte order mark",
            "Remove the first 3 bytes",
        ),
        (b"[]", "{path} is JSON but not a claimtrack store", "It has no schema version"),
        (b"{}", "{path} is JSON but not a claimtrack store", "It has no schema version"),
        (
            b'{"meta": {"schema": {"version": true}}}',
            "{path} is JSON but not a claimtrack store",
            "It has no schema version",
        ),
        (
            b'{"meta": {"schema": {"version": "1"}}}',
            "{path} is JSON but not a claimtrack store",
            "It has no schema version",
        ),
        (
            b'{"meta": {"schema": {"version": 1}}, "claims": []}',
            "{path} is JSON but not a claimtrack store",
            "Table 'claims' is not a table of records",
        ),
        (
            b'{"meta": {"schema": {"version": 1}}, "sides": {"x": 1}}',
            "{path} is JSON but not a claimtrack store",
            "Table 'sides' is not a table of records",
        ),
        (
            f'{{"meta": {{"schema": {{"version": {SCHEMA_VERSION + 1}}}}}}}'.encode(),
            f"{{path}} is from a newer claimtrack (schema version {SCHEMA_VERSION + 1}; "
            f"this one reads up to {SCHEMA_VERSION})",
            "Upgrade claimtrack",
        ),
    ],
)
def test_damaged_stores_are_refused(path: Path, raw: bytes, message: str, hint: str | None) -> None:
    path.write_bytes(raw)
    with raises_error(message.format(path=path), hint, StoreError):
        read_store(path)
    assert path.read_bytes() == raw


def test_invalid_json_is_refused_with_the_parser_message(path: Path) -> None:
    path.write_bytes(b'{"meta": ')
    with pytest.raises(StoreError) as info:
        read_store(path)
    assert info.value.message.startswith(f"{path} is not valid JSON (")
    assert info.value.exit_code == 3


def test_deeply_nested_json_is_refused(path: Path) -> None:
    path.write_bytes(b"[" * 100_000)
    with pytest.raises(StoreError):
        read_store(path)


def test_missing_tables_are_filled_in_on_read(path: Path) -> None:
    path.write_bytes(b'{"meta": {"schema": {"version": 1}}}')
    store = read_store(path)
    for table in ("sides", "topics", "rounds", "claims", "history"):
        assert store.records(table) == []


def test_write_to_a_damaged_store_fails_and_leaves_it(path: Path) -> None:
    path.write_bytes(b"not json")
    with pytest.raises(StoreError), write_store(path, operation="x") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
    assert path.read_bytes() == b"not json"


# --- Store in memory -------------------------------------------------------------------


def test_get_returns_a_copy(saved: Path) -> None:
    store = read_store(saved)
    side = store.get("sides", "russia")
    assert side == SIDE
    assert side is not None
    side["name"] = "changed"
    assert store.get("sides", "russia") == SIDE


def test_keys_count_and_missing(saved: Path) -> None:
    store = read_store(saved)
    assert store.keys("sides") == {"russia"}
    assert store.count("claims") == 1
    assert store.get("sides", "us") is None
    assert store.records("topics") == []
    assert store.keys("nonexistent") == set()


def test_insert_replace_delete_in_memory(path: Path) -> None:
    store = Store(path, empty_data())
    store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
    store.replace("sides", "us", {"slug": "us", "name": "United States", "aliases": []})
    assert store.get("sides", "us") == {"slug": "us", "name": "United States", "aliases": []}
    store.delete("sides", "us")
    assert store.get("sides", "us") is None
    assert [(c.key, c.before is None, c.after is None) for c in store.changes] == [
        ("us", True, False),
        ("us", False, False),
        ("us", False, True),
    ]
    assert not path.exists()


def test_replace_of_a_missing_key_raises(path: Path) -> None:
    store = Store(path, empty_data())
    with pytest.raises(KeyError):
        store.replace("sides", "us", {"slug": "us"})


def test_cache_is_dropped_on_every_change(path: Path) -> None:
    store = Store(path, empty_data())
    for change in (
        lambda: store.insert("sides", "us", {"slug": "us"}),
        lambda: store.replace("sides", "us", {"slug": "us", "name": "x"}),
        lambda: store.delete("sides", "us"),
    ):
        store.cache["index"] = {"x": "y"}
        change()
        assert store.cache == {}


# --- writing -------------------------------------------------------------------------


def test_write_creates_a_missing_store(path: Path) -> None:
    with write_store(path, operation="init") as store:
        assert store.created
    assert read_store(path).schema_version == SCHEMA_VERSION


def test_write_without_create_refuses_a_missing_store(path: Path) -> None:
    with (
        raises_error(f"no store at {path}", "Create it with: claimtrack init", MissingStoreError),
        write_store(path, operation="rm", create=False),
    ):
        pass
    assert not path.exists()


def test_write_into_a_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "claims.json"
    message = f"cannot create {path}: folder {path.parent} does not exist"
    with raises_error(message, cls=StoreError), write_store(path, operation="init"):
        pass
    assert not path.parent.exists()


def test_body_that_raises_writes_nothing(saved: Path) -> None:
    before = saved.read_bytes()
    with pytest.raises(RuntimeError), write_store(saved, operation="x") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
        store.delete("sides", "russia")
        raise RuntimeError("boom")
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["claims.json", "claims.json.lock"]


def test_body_that_raises_creates_no_store(path: Path) -> None:
    with pytest.raises(RuntimeError), write_store(path, operation="x") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
        raise RuntimeError("boom")
    assert not path.exists()


def test_a_write_without_changes_leaves_the_file_alone(saved: Path) -> None:
    before = saved.stat()
    with write_store(saved, operation="noop") as store:
        assert store.get("sides", "russia") == SIDE
    after = saved.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_each_write_sees_the_previous_one(saved: Path) -> None:
    with write_store(saved, operation="one") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
    with write_store(saved, operation="two") as store:
        assert store.keys("sides") == {"russia", "us"}
        store.delete("sides", "russia")
    assert read_store(saved).keys("sides") == {"us"}


def test_commit_replaces_the_file_and_keeps_its_mode(saved: Path) -> None:
    saved.chmod(0o600)
    inode = saved.stat().st_ino
    with write_store(saved, operation="x") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
    assert saved.stat().st_ino != inode  # renamed over, never rewritten in place
    assert saved.stat().st_mode & 0o777 == 0o600


def test_the_lock_is_a_separate_file(saved: Path) -> None:
    lock = saved.with_name("claims.json.lock")
    assert lock.is_file()
    assert lock.read_bytes() == b""
    assert sorted(p.name for p in saved.parent.iterdir()) == ["claims.json", "claims.json.lock"]


def test_the_lock_is_held_while_the_body_runs(saved: Path) -> None:
    with write_store(saved, operation="x"):
        fd = os.open(saved.with_name("claims.json.lock"), os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    fd = os.open(saved.with_name("claims.json.lock"), os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released after the commit
    os.close(fd)


@pytest.mark.usefixtures("held_lock")
def test_a_held_lock_times_out_without_writing(saved: Path) -> None:
    before = saved.read_bytes()
    with (
        raises_error(
            f"another claimtrack process holds the store {saved} (waited 0s)",
            "Try again when it has finished, or raise --lock-timeout",
            LockTimeoutError,
        ),
        write_store(saved, operation="x", lock_timeout=0) as store,
    ):
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
    assert saved.read_bytes() == before
    assert LockTimeoutError("x").exit_code == 3


@pytest.mark.usefixtures("held_lock")
def test_reading_needs_no_lock(saved: Path) -> None:
    assert read_store(saved).keys("sides") == {"russia"}


def test_no_temp_files_are_left(saved: Path) -> None:
    for n in range(5):
        with write_store(saved, operation="x") as store:
            store.insert("sides", f"s{n}", {"slug": f"s{n}", "name": "S", "aliases": []})
    assert sorted(p.name for p in saved.parent.iterdir()) == ["claims.json", "claims.json.lock"]


def test_leftover_temp_files_of_a_killed_writer_are_removed(saved: Path) -> None:
    leftover = saved.with_name(".claims.json.k1ll3d.tmp")
    leftover.write_bytes(b"half a store")
    unrelated = saved.with_name("notes.tmp")
    unrelated.write_bytes(b"mine")
    with write_store(saved, operation="x"):
        pass
    assert not leftover.exists()
    assert unrelated.read_bytes() == b"mine"


# --- history -------------------------------------------------------------------------


def history(path: Path) -> list[dict[str, Any]]:
    return sorted(read_store(path).records("history"), key=lambda e: e["id"])


def test_each_commit_records_one_history_entry(saved: Path) -> None:
    with write_store(saved, operation="side edit") as store:
        store.replace("sides", "russia", {**SIDE, "name": "Russian Federation"})
    with write_store(saved, operation="side add") as store:
        store.insert("sides", "us", {"slug": "us", "name": "US", "aliases": []})
        store.delete("claims", "abcdefghij")
    entries = history(saved)
    assert [e["operation"] for e in entries] == ["seed", "side edit", "side add"]
    assert entries[1]["changes"] == [
        {
            "table": "sides",
            "key": "russia",
            "before": SIDE,
            "after": {**SIDE, "name": "Russian Federation"},
        }
    ]
    assert entries[2]["changes"] == [
        {
            "table": "sides",
            "key": "us",
            "before": None,
            "after": {"slug": "us", "name": "US", "aliases": []},
        },
        {
            "table": "claims",
            "key": "abcdefghij",
            "before": {"id": "abcdefghij", "text": ARABIC, "tags": []},
            "after": None,
        },
    ]


def test_history_entry_layout(saved: Path) -> None:
    (entry,) = history(saved)
    assert set(entry) == {"id", "seq", "time", "user", "operation", "changes"}
    assert entry["seq"] == 1  # orders entries even if the clock steps back (undo needs it)
    assert entry["id"].startswith(entry["time"] + "-")
    assert entry["time"].endswith("Z") and entry["time"][10] == "T"
    assert isinstance(entry["user"], str) and entry["user"]
    assert [c["key"] for c in entry["changes"]] == ["russia", "abcdefghij"]


def test_history_keys_sort_chronologically(saved: Path) -> None:
    for n in range(3):
        with write_store(saved, operation=f"op{n}") as store:
            store.insert("sides", f"s{n}", {"slug": f"s{n}", "name": "S", "aliases": []})
    data = json.loads(saved.read_bytes())
    ordered = [data["history"][key]["operation"] for key in sorted(data["history"])]
    assert ordered == ["seed", "op0", "op1", "op2"]


def test_no_history_without_changes(saved: Path) -> None:
    with write_store(saved, operation="nothing"):
        pass
    assert [e["operation"] for e in history(saved)] == ["seed"]


def test_creating_an_empty_store_records_no_history(path: Path) -> None:
    with write_store(path, operation="init"):
        pass
    assert history(path) == []
