"""Requirement 7: every change is in the history; `log` shows it; `undo` reverts it."""

from __future__ import annotations

import csv
import getpass
import io
import json
from pathlib import Path

import orjson
import pytest

from claimtrack.model import DATA_TABLES
from claimtrack.store import read_store
from reliability_helpers import ok, record, run, seed


def data_tables(path: Path) -> bytes:
    """The data tables, exactly as on disk: what undo must restore byte for byte."""
    data = orjson.loads(path.read_bytes())
    return orjson.dumps(
        {name: data[name] for name in DATA_TABLES},
        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS,
    )


def log_json(*args: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(ok("log", *args, "--format", "json").stdout)
    return rows


def test_every_kind_of_change_is_logged(isolated_store: Path) -> None:
    seed()
    claim_id = record("first")
    ok("edit", claim_id, "--kind", "warning")
    ok("side", "edit", "us", "--alias", "USA")
    ok("rm", "--yes", claim_id)
    rows = log_json()
    assert [(r["operation"], r["table"], r["key"]) for r in rows] == [
        ("rm", "claims", claim_id),
        ("side edit", "sides", "us"),
        ("edit", "claims", claim_id),
        ("record", "claims", claim_id),
        ("round add", "rounds", "geneva"),
        ("topic add", "topics", "missiles"),
        ("topic add", "topics", "nato-expansion"),
        ("side add", "sides", "nato"),
        ("side add", "sides", "us"),
        ("side add", "sides", "russia"),
    ]
    assert {r["user"] for r in rows} == {getpass.getuser()}
    assert [r["seq"] for r in rows] == list(range(10, 0, -1))
    removed, edited = rows[0], rows[2]
    assert removed["after"] is None and removed["before"]["kind"] == "warning"  # type: ignore[index]
    assert edited["before"]["kind"] == "demand"  # type: ignore[index]
    assert edited["after"]["kind"] == "warning"  # type: ignore[index]
    assert all(str(r["time"]).endswith("Z") for r in rows)


def test_log_of_one_record_even_after_it_was_removed(isolated_store: Path) -> None:
    seed()
    claim_id = record("first")
    other = record("second")
    ok("edit", claim_id, "--note", "checked")
    ok("rm", "--yes", claim_id)
    for ref in (claim_id, claim_id[:4].upper()):
        assert [r["operation"] for r in log_json(ref)] == ["rm", "edit", "record"]
    assert [r["operation"] for r in log_json("us")] == ["side add"]
    assert [r["key"] for r in log_json(other)] == [other]
    assert len(log_json("-n", "2")) == 2
    result = run("log", "nothing-here")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no record 'nothing-here' in the store or its history. "
        "See every change with: claimtrack log\n",
    )


def test_log_in_text_formats(isolated_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per change in the table
    seed()
    claim_id = record("first")
    ok("edit", claim_id, "--kind", "warning")
    tsv = ok("log", claim_id, "--format", "tsv").stdout.splitlines()
    assert (
        tsv[0] == "entry\tseq\ttime\tuser\toperation\ttable\tkey\tbefore\tafter\tundoes\tundone_by"
    )
    assert [line.split("\t")[4] for line in tsv[1:]] == ["edit", "record"]
    rows = list(csv.DictReader(io.StringIO(ok("log", claim_id, "--format", "csv").stdout)))
    assert json.loads(rows[0]["after"])["kind"] == "warning" and rows[1]["before"] == ""
    md = ok("log", claim_id, "--format", "md").stdout.splitlines()
    assert md[0] == "| time | user | operation | record | change |"
    assert md[2].endswith(f"| edit | claim {claim_id} | kind: demand → warning |")
    table = ok("log", "--format", "table").stdout
    assert f"claim {claim_id}" in table and "kind: demand → warning" in table


def test_undo_step_by_step_returns_the_store_to_its_first_state(isolated_store: Path) -> None:
    ok("init")
    states = [data_tables(isolated_store)]
    seed()
    states.append(data_tables(isolated_store))  # seed's six changes count as one step here
    first = record("first")
    states.append(data_tables(isolated_store))
    reply = record("reply", "--responds-to", first, "-k", "rejection", "-s", "us")
    states.append(data_tables(isolated_store))
    changes = [
        ("edit", first, "--note", "checked", "--tag", "t1", "--grade", "B2"),
        ("rm", "--yes", "--force", first),  # unlinks the reply: two records in one change
        ("side", "edit", "us", "--alias", "USA", "--name", "USA"),
        ("topic", "add", "sanctions", "--title", "Sanctions"),
        ("topic", "rm", "sanctions"),
        ("round", "edit", "geneva", "--venue", "Geneva", "--party", "us"),
        ("person", "add", "lavrov", "--name", "Sergei Lavrov", "--side", "russia"),
        ("person", "edit", "lavrov", "--role", "Foreign Minister", "--alias", "Лавров"),
        ("edit", reply, "--text", "changed reply"),
    ]
    for args in changes:
        ok(*args)
        states.append(data_tables(isolated_store))
    undos = len(changes) + 2 + 6
    expected = states[:-1][::-1]
    for step in range(undos):
        ok("undo")
        state = data_tables(isolated_store)
        if step < len(changes) + 2:
            assert state == expected[step], f"undo #{step + 1}"
    assert data_tables(isolated_store) == states[0]
    result = run("undo")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: nothing to undo. See the history with: claimtrack log\n",
    )
    assert data_tables(isolated_store) == states[0]


def test_undo_is_logged_but_never_undone(isolated_store: Path) -> None:
    seed()
    first = record("first")
    ok("edit", first, "--note", "n")
    assert ok("undo").stderr.startswith("Undid edit of ")
    rows = log_json()
    assert rows[0]["operation"] == "undo" and rows[0]["undoes"] == rows[1]["entry"]
    assert rows[1]["operation"] == "edit" and rows[1]["undone_by"] == rows[0]["entry"]
    second = record("second")
    ok("undo")  # the newest change: the second record
    assert read_store(isolated_store).get("claims", second) is None
    ok("undo")  # then the first record: the edit was undone already
    assert read_store(isolated_store).get("claims", first) is None
    ok("undo")  # then the round; undo entries themselves are skipped
    assert read_store(isolated_store).keys("rounds") == set()


def test_undo_refuses_when_a_record_changed_behind_its_back(isolated_store: Path) -> None:
    seed()
    claim_id = record("first")
    data = orjson.loads(isolated_store.read_bytes())
    data["claims"][claim_id]["note"] = "edited by hand"
    isolated_store.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    before = isolated_store.read_bytes()
    result = run("undo")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot undo the record of ")
    assert result.stderr.endswith(
        f": claims record '{claim_id}' has changed since outside claimtrack's history "
        "(by a merge, or by hand). Pass over it with: claimtrack undo --skip "
        f"(see: claimtrack log {claim_id})\n"
    )
    assert isolated_store.read_bytes() == before


def test_a_failed_command_adds_no_history(isolated_store: Path) -> None:
    seed()
    before = isolated_store.read_bytes()
    assert run("side", "add", "russia", "--name", "Again").exit_code == 1
    assert run("undo", "--help").exit_code == 0
    assert isolated_store.read_bytes() == before
