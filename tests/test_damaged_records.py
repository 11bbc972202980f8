"""Stores that parse but hold records that are not whole: refused at load, listed by
`check`, rescued by `export --salvage`; never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.migrations import fresh_schema
from claimtrack.validation import (
    claims_look_whole,
    history_entry_problems,
    history_looks_whole,
    shape_problems,
)
from helpers import Run, ok

TEXT = "Legally binding guarantees"
READS = [
    ("list",),
    ("list", "--format", "json"),
    ("export",),
    ("gaps",),
    ("cite", "aaaaaaaaaa"),
    ("show", "aaaaaaaaaa"),
    ("diff", "geneva", "geneva"),
    ("matrix",),
    ("timeline", "missiles"),
    ("log",),
]
WRITES = [
    ("record", "-s", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-10", "x"),
    ("edit", "aaaaaaaaaa", "--note", "n"),
    ("rm", "aaaaaaaaaa", "--yes"),
    ("undo",),
    ("side", "add", "eu", "--name", "EU"),
]


def claim(claim_id: str = "aaaaaaaaaa", **fields: Any) -> dict[str, Any]:
    stamp = "2022-02-01T00:00:00.000000Z"
    return {
        "id": claim_id, "side": "russia", "to": ["us"], "speaker": None, "round": "geneva",
        "date": "2022-01-10", "topics": ["missiles"], "kind": "demand", "text": TEXT,
        "translation": None, "attribution": "quote", "source": None, "url": None,
        "published": None, "grade": None, "responds_to": None, "tags": [], "note": None,
        "created": stamp, "updated": stamp, **fields,
    }  # fmt: skip


def store(**claims: dict[str, Any]) -> dict[str, Any]:
    return {
        "meta": {"schema": fresh_schema()},
        "sides": {
            "russia": {"slug": "russia", "name": "Russia", "aliases": []},
            "us": {"slug": "us", "name": "US", "aliases": []},
        },
        "topics": {"missiles": {"slug": "missiles", "title": "M", "description": None, "aliases": []}},  # noqa: E501
        "rounds": {
            "geneva": {
                "slug": "geneva", "name": "Geneva", "date": "2022-01-10", "end": None,
                "venue": None, "parties": ["russia", "us"], "note": None, "aliases": [],
            }
        },
        "claims": claims or {"aaaaaaaaaa": claim()},
        "history": {},
    }  # fmt: skip


def write(path: Path, data: dict[str, Any]) -> bytes:
    raw = json.dumps(data, ensure_ascii=False).encode()
    path.write_bytes(raw)
    return raw


DAMAGE = {
    "missing date": ({"date": None}, "claim aaaaaaaaaa: date is empty"),
    "to is a number": ({"to": 5}, "claim aaaaaaaaaa: to should be a list of texts, not 5"),
    "text is a number": ({"text": 123}, "claim aaaaaaaaaa: text should be text, not 123"),
    "unknown kind": ({"kind": "plea"}, "claim aaaaaaaaaa: kind 'plea' is not one of"),
    "impossible date": ({"date": "2022-02-31"}, "claim aaaaaaaaaa: date '2022-02-31' is not"),
    "topic of version 1": ({"topics": "missiles"}, "claim aaaaaaaaaa: topics should be"),
}


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_claim_is_refused_by_every_command(
    run: Run, isolated_store: Path, name: str
) -> None:
    change, problem = DAMAGE[name]
    raw = write(isolated_store, store(aaaaaaaaaa=claim(**change)))
    for args in READS + WRITES:
        result = run(*args)
        assert result.exit_code == 3, (args, result.stderr)
        assert result.stderr.startswith(f"Error: {isolated_store} is damaged: {problem}"), args
        assert f"claimtrack --db {isolated_store} check" in result.stderr
        assert isolated_store.read_bytes() == raw


def test_check_lists_every_problem_of_a_damaged_store(run: Run, isolated_store: Path) -> None:
    bad = claim("bbbbbbbbbb", to=5, text=[[["deep"]]])
    del bad["created"]
    write(isolated_store, store(aaaaaaaaaa=claim(), bbbbbbbbbb=bad))
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "claim bbbbbbbbbb: missing field created",
        "claim bbbbbbbbbb: to should be a list of texts, not 5",
        'claim bbbbbbbbbb: text should be text, not [[["deep"]]]',
    ]


def test_export_salvage_rescues_the_whole_records(
    run: Run, isolated_store: Path, tmp_path: Path
) -> None:
    write(isolated_store, store(aaaaaaaaaa=claim(), bbbbbbbbbb=claim("bbbbbbbbbb", to=5)))
    result = run("export", "--format", "json", "--salvage")
    assert result.exit_code == 0
    assert result.stderr == "Left out 1 damaged record(s): claim bbbbbbbbbb\n"
    dump = json.loads(result.stdout)
    assert [c["id"] for c in dump["claims"]] == ["aaaaaaaaaa"]
    rescued = tmp_path / "rescued.json"
    (tmp_path / "dump.json").write_text(result.stdout, encoding="utf-8")
    ok(run, "--db", str(rescued), "import", str(tmp_path / "dump.json"))
    assert ok(run, "--db", str(rescued), "list", "--format", "ids").stdout == "aaaaaaaaaa\n"
    assert run("export", "--format", "csv", "--salvage").exit_code == 1


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ({"seq": "x"}, 'seq "x" is not a whole number from 0 to 2**53 - 1'),
        ({"changes": "x"}, "changes"),
    ],
)
def test_a_damaged_history_is_reported_and_refused(
    run: Run, isolated_store: Path, damage: dict[str, Any], problem: str
) -> None:
    ok(run, "side", "add", "us", "--name", "US")
    history = isolated_store.with_name(isolated_store.name + ".history.jsonl")
    entry = json.loads(history.read_text(encoding="utf-8").splitlines()[-1])
    history.write_text(json.dumps({**entry, **damage}) + "\n{}\n", encoding="utf-8")
    raw = isolated_store.read_bytes()
    result = run("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"history {history.name}, line 1: ")
    assert problem in lines[0]
    assert lines[1] == (
        f"history {history.name}, line 2: not a history entry (an empty or non-object line)"
    )
    result = run("log")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: the history file {history} is damaged: line 1:")
    assert isolated_store.read_bytes() == raw


# --- randomised ----------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)
FIELD_NAMES = st.sampled_from(list(claim()))


def deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def damaged_claims(draw: st.DrawFn) -> dict[str, Any]:
    record = claim()
    for name in draw(st.lists(FIELD_NAMES, min_size=1, max_size=4, unique=True)):
        action = draw(st.sampled_from(["drop", "replace", "deep"]))
        if action == "drop":
            del record[name]
        elif action == "replace":
            record[name] = draw(JSON_VALUES)
        else:
            record[name] = deep(draw(st.integers(50, 400)))
    return record


def randomised(examples: int) -> Callable[[Any], Any]:
    """A slow hypothesis test of `examples` cases, with no deadline, reusing `run`."""
    chosen = settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    return lambda test: pytest.mark.slow(chosen(test))


def every_command_survives(run: Run, path: Path, data: dict[str, Any]) -> bool:
    """Every command on `data` exits 0, 1 or 3 without a traceback; a damaged store is
    refused (3) by all but check and export --salvage, and left as it was. Whole?"""
    raw = write(path, data)
    whole = not list(shape_problems(json.loads(raw)))
    for args in [*READS, *WRITES, ("check",), ("export", "--salvage")]:
        result = run(*args)
        assert result.exit_code in (0, 1, 3), (args, result.stderr)
        assert "Traceback" not in result.stderr
        if not whole and args[0] not in ("check", "export"):
            assert result.exit_code == 3, args
    if not whole:
        assert path.read_bytes() == raw
    return whole


@randomised(40)
@given(damaged=damaged_claims())
def test_damaged_stores_never_crash_a_command_nor_change_the_file(
    run: Run, isolated_store: Path, damaged: dict[str, Any]
) -> None:
    data = store(aaaaaaaaaa=damaged)
    whole = every_command_survives(run, isolated_store, data)
    if claims_look_whole(data["claims"]):  # its quick answer is never wrong
        assert whole


@randomised(25)
@given(damaged=damaged_claims())
def test_the_merge_driver_refuses_a_damaged_side_and_leaves_ours_alone(
    run: Run, tmp_path: Path, damaged: dict[str, Any]
) -> None:
    base, ours, theirs = (tmp_path / name for name in ("O", "A", "B"))
    write(base, store())
    before = write(ours, store())
    data = store(aaaaaaaaaa=claim(), cccccccccc=damaged)
    write(theirs, data)
    result = run("merge-driver", str(base), str(ours), str(theirs))
    assert "Traceback" not in result.stderr
    if list(shape_problems(data)):
        assert result.exit_code == 3
        assert result.stderr.startswith(f"Error: {theirs} is damaged: claim cccccccccc: ")
        assert ours.read_bytes() == before
    else:
        assert result.exit_code == 0, result.stderr


def test_a_claim_with_an_extra_field_or_keys_in_another_order_is_still_whole(
    run: Run, isolated_store: Path
) -> None:
    shuffled = dict(reversed(list(claim("bbbbbbbbbb").items())))
    data = store(aaaaaaaaaa=claim(extra="kept"), bbbbbbbbbb=shuffled)
    assert not claims_look_whole(data["claims"])  # not sure: checked claim by claim
    assert list(shape_problems(data)) == []
    write(isolated_store, data)
    assert ok(run, "list", "--format", "ids").stdout == "aaaaaaaaaa\nbbbbbbbbbb\n"


def test_the_quick_history_check_agrees_with_the_entry_by_entry_one() -> None:
    whole = {"id": "h1", "seq": 1, "time": "t", "user": "u", "operation": "o", "changes": []}
    change = {"table": "claims", "key": "k", "before": None, "after": {"id": "k"}}
    good = {"h1": whole, "h2": {**whole, "id": "h2", "changes": [change]}}
    assert history_looks_whole(good)
    for damage in ({"seq": "x"}, {"seq": True}, {"changes": "x"}, {"changes": [{"key": "k"}]}):
        bad = {**good, "h3": {**whole, **damage}}
        assert not history_looks_whole(bad)
        assert history_entry_problems(bad["h3"])
    assert not history_looks_whole({**good, "h3": {}})


VOCAB_RECORDS = {
    **{
        table: next(iter(records.values()))
        for table, records in store().items()
        if table in ("sides", "topics", "rounds")
    },
    "people": {"slug": "lavrov", "name": "L", "side": "russia", "role": None, "aliases": []},
}


@st.composite
def damaged_entries(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    table = draw(st.sampled_from(sorted(VOCAB_RECORDS)))
    record = dict(VOCAB_RECORDS[table])
    for name in draw(st.lists(st.sampled_from(list(record)), min_size=1, max_size=3, unique=True)):
        if draw(st.booleans()):
            del record[name]
        else:
            record[name] = draw(JSON_VALUES)
    return table, record


@randomised(30)
@given(damaged=damaged_entries())
def test_damaged_sides_topics_rounds_and_people_never_crash_a_command_nor_change_the_file(
    run: Run, isolated_store: Path, damaged: tuple[str, dict[str, Any]]
) -> None:
    table, record = damaged
    data = store()
    key = record.get("slug") if isinstance(record.get("slug"), str) else "x"
    data.setdefault(table, {})[key] = record
    every_command_survives(run, isolated_store, data)


def test_check_compares_aliases_with_an_entry_whose_aliases_are_damaged(
    run: Run, isolated_store: Path
) -> None:
    data = store()
    data["topics"]["old"] = {"slug": "old", "title": "O", "description": None, "aliases": None}
    data["topics"]["missiles"]["aliases"] = ["rockets"]
    write(isolated_store, data)
    result = run("check")
    assert (result.exit_code, result.stdout) == (
        1,
        "topic old: aliases should be a list of texts, not null\n",
    )
