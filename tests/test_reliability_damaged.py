"""Requirement 5: a damaged store is never overwritten; an older one is migrated."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from claimtrack.migrations import MIGRATIONS, Migration
from claimtrack.model import SCHEMA_VERSION
from claimtrack.store import encode, read_store
from reliability_helpers import folder_state, ok, run

GOOD = encode(
    {
        "claims": {},
        "history": {},
        "meta": {"schema": {"version": SCHEMA_VERSION}},  # migrations named: none needed
        "rounds": {},
        "sides": {"russia": {"aliases": [], "name": "Russia", "slug": "russia"}},
        "topics": {},
    }
)


CURRENT = f'"version": {SCHEMA_VERSION}'.encode()


def orjson_says(content: bytes) -> str:
    """The parser's own account of where it stopped, which the message passes on."""
    try:
        orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        return str(exc)
    raise AssertionError("parses")


NO_VERSION = "is JSON but not a claimtrack store. It has no schema version"

# name -> (file bytes, what the error says after "Error: <path> ")
DAMAGED = {
    "empty": (b"", "is empty, not a claimtrack store"),
    "blank": (b" \n\n", "is empty, not a claimtrack store"),
    "truncated": (
        GOOD[:60],
        f"is not valid JSON ({orjson_says(GOOD[:60])}); "
        "it ends in the middle of the data (cut short?)",
    ),
    "trailing garbage": (
        GOOD + b"}\n",
        f"is not valid JSON ({orjson_says(GOOD + b'}')}); "
        "it has trailing data after the JSON document",
    ),
    "utf-8 bom": (
        b"\xef\xbb\xbf" + GOOD,
        "starts with a UTF-8 byte order mark. Remove the first 3 bytes",
    ),
    "nul bytes": (
        GOOD[:40] + b"\x00" * 40,
        f"is not valid JSON ({orjson_says(GOOD[:40] + bytes(40))}); "
        "it contains NUL bytes, as a file damaged by a crash often does",
    ),
    "deeply nested": (
        b"[" * 100_000 + b"]" * 100_000,
        "is not valid JSON (depth limit exceeded: line 1 column 1026 (char 1025)); "
        "it is nested too deeply",
    ),
    "plain tinydb": (b'{"_default": {"1": {"text": "hi"}}}', NO_VERSION),
    "json array": (b"[1, 2, 3]\n", NO_VERSION),
    "version as text": (GOOD.replace(CURRENT, b'"version": "1"'), NO_VERSION),
    "negative version": (GOOD.replace(CURRENT, b'"version": -1'), NO_VERSION),
    "bad table": (
        b'{"meta": {"schema": {"version": 1}}, "claims": [1]}',
        "is JSON but not a claimtrack store. Table 'claims' is not a table of records",
    ),
    "newer schema": (
        GOOD.replace(f'"version": {SCHEMA_VERSION}'.encode(), b'"version": 99'),
        f"is from a newer claimtrack (schema version 99; this one reads up to {SCHEMA_VERSION}). "
        "Upgrade claimtrack",
    ),
}

COMMANDS = [
    ("init",),
    ("list",),
    ("list", "--format", "json"),
    ("show", "abcd"),
    ("record", "-s", "russia", "-T", "t", "-k", "demand", "-d", "2022-01-10", "text"),
    ("edit", "abcd", "--note", "x"),
    ("rm", "--yes", "abcd"),
    ("side", "add", "us", "--name", "US"),
    ("side", "list"),
    ("side", "edit", "russia", "--name", "R"),
    ("side", "rm", "russia"),
    ("topic", "add", "t", "--title", "T"),
    ("topic", "list"),
    ("round", "add", "r", "--date", "2022-01-10", "--name", "R"),
    ("round", "list"),
    ("round", "show", "r"),
    ("check",),
    ("log",),
    ("undo",),
]


@pytest.mark.parametrize("case", list(DAMAGED))
def test_every_command_refuses_a_damaged_store(isolated_store: Path, case: str) -> None:
    content, problem = DAMAGED[case]
    isolated_store.write_bytes(content)
    for args in COMMANDS:
        result = run(*args)
        assert (result.exit_code, result.stdout) == (3, ""), args
        assert result.stderr == f"Error: {isolated_store} {problem}\n", args
        assert isolated_store.read_bytes() == content, args
    assert {p.name for p in isolated_store.parent.iterdir()} <= {"claims.json", "claims.json.lock"}


def test_a_missing_store(isolated_store: Path) -> None:
    result = run("list")
    assert (result.exit_code, result.stderr) == (
        3,
        f"Error: no store at {isolated_store}. Create it with: claimtrack init\n",
    )
    assert not isolated_store.exists()


# --- migrations ---------------------------------------------------------------------------

# Schema version 0 (claimtrack's first prototype; see migrations.py): no history table,
# and claims without `verbatim`, `grade` or `responds_to`. Written by hand, as that
# prototype wrote it.
VERSION_0 = (
    json.dumps(
        {
            "claims": {
                "abcdefghij": {
                    "id": "abcdefghij",
                    "side": "russia",
                    "to": ["us"],
                    "speaker": "Sergei Ryabkov",
                    "round": None,
                    "date": "2022-01-10",
                    "topic": "nato-expansion",
                    "kind": "demand",
                    "text": "لا توسع للناتو شرقا",
                    "translation": "No NATO expansion eastwards",
                    "source": "TASS",
                    "url": None,
                    "published": None,
                    "tags": ["guarantees"],
                    "note": None,
                    "created": "2022-01-10T12:00:00.000000Z",
                    "updated": "2022-01-10T12:00:00.000000Z",
                }
            },
            "meta": {"schema": {"version": 0}},
            "rounds": {},
            "sides": {
                "russia": {"aliases": ["روسيا"], "name": "Russia", "slug": "russia"},
                "us": {"aliases": [], "name": "United States", "slug": "us"},
            },
            "topics": {
                "nato-expansion": {
                    "aliases": [],
                    "description": None,
                    "slug": "nato-expansion",
                    "title": "No further NATO expansion",
                }
            },
        },
        indent=1,
        ensure_ascii=False,
    )
    + "\n"
).encode()


def test_migrations_are_named_once_and_reach_the_schema_version() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names == ["sourcing-and-history", "topics-and-attribution"]
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_reading_an_older_store_migrates_in_memory_only(isolated_store: Path) -> None:
    isolated_store.write_bytes(VERSION_0)
    claims = json.loads(ok("list", "--format", "json").stdout)
    assert [(c["id"], c["attribution"], c["grade"], c["responds_to"]) for c in claims] == [
        ("abcdefghij", "quote", None, None)
    ]
    assert claims[0]["topics"] == ["nato-expansion"] and "topic" not in claims[0]
    ok("check")
    assert ok("log", "--format", "json").stdout == "[]\n"
    assert isolated_store.read_bytes() == VERSION_0
    assert sorted(p.name for p in isolated_store.parent.iterdir()) == ["claims.json"]


def test_the_first_change_migrates_in_one_step_keeping_the_old_file(isolated_store: Path) -> None:
    isolated_store.write_bytes(VERSION_0)
    result = ok("side", "add", "nato", "--name", "NATO")
    backup = isolated_store.with_name("claims.json.v0.bak")
    assert result.stderr == (
        f"Upgraded {isolated_store} from schema version 0 to {SCHEMA_VERSION}; "
        f"the old file is kept as {backup}\n"
        "Added side nato\n"
    )
    assert backup.read_bytes() == VERSION_0
    data = orjson.loads(isolated_store.read_bytes())
    assert data["meta"]["schema"]["version"] == SCHEMA_VERSION
    claim = data["claims"]["abcdefghij"]
    assert (claim["attribution"], claim["grade"], claim["responds_to"]) == ("quote", None, None)
    assert data["meta"]["schema"]["migrations"] == [m.name for m in MIGRATIONS]
    assert [e["operation"] for e in data["history"].values()] == ["side add"]
    # Undo reverts the change, not the migration.
    ok("undo")
    assert read_store(isolated_store).keys("sides") == {"russia", "us"}
    assert orjson.loads(isolated_store.read_bytes())["meta"]["schema"]["version"] == SCHEMA_VERSION
    assert ok("side", "add", "nato", "--name", "NATO").stderr == "Added side nato\n"


def test_a_failed_command_leaves_an_older_store_alone(isolated_store: Path) -> None:
    isolated_store.write_bytes(VERSION_0)
    result = run("side", "add", "Bad Slug", "--name", "x")
    assert result.exit_code == 1
    assert folder_state(isolated_store.parent) == {
        "claims.json": VERSION_0,
        "claims.json.lock": b"",
    }


def test_init_upgrades_an_older_store(isolated_store: Path) -> None:
    isolated_store.write_bytes(VERSION_0)
    assert "Upgraded" in ok("init").stderr
    assert ok("init").stderr == f"Store already exists at {isolated_store}\n"
    assert read_store(isolated_store).schema_version == SCHEMA_VERSION
    assert isolated_store.with_name("claims.json.v0.bak").read_bytes() == VERSION_0


def test_a_second_upgrade_keeps_both_old_files(isolated_store: Path) -> None:
    isolated_store.with_name("claims.json.v0.bak").write_bytes(b"an older copy\n")
    isolated_store.write_bytes(VERSION_0)
    ok("init")
    assert isolated_store.with_name("claims.json.v0.bak").read_bytes() == b"an older copy\n"
    assert isolated_store.with_name("claims.json.v0.1.bak").read_bytes() == VERSION_0


def test_a_store_a_migration_cannot_handle_is_refused(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(data: dict[str, object]) -> None:
        raise KeyError("speaker")

    monkeypatch.setattr("claimtrack.migrations.MIGRATIONS", [Migration("broken", 1, broken)])
    isolated_store.write_bytes(VERSION_0)
    for args in (("list",), ("side", "add", "nato", "--name", "NATO")):
        result = run(*args)
        assert result.exit_code == 3
        assert result.stderr == (
            f"Error: {isolated_store} cannot be upgraded from schema version 0 "
            "(KeyError('speaker')). Run claimtrack check with the claimtrack that wrote it\n"
        )
    assert isolated_store.read_bytes() == VERSION_0
