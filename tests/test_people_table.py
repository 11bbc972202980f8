"""People are a table like sides, topics and rounds: in every export, in import, in
`check` and the load-time shape check, in the merge driver and the Python API."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack.merge import merge
from claimtrack.model import PERSON_FIELDS, ROUND_FIELDS, SIDE_FIELDS, TOPIC_FIELDS, VOCAB_FIELDS
from helpers import Fails, Record, Run, ok
from test_merge_driver import base_store
from test_people import LAVROV

PERSON = {
    "slug": "lavrov",
    "name": "Sergei Lavrov",
    "side": "russia",
    "role": "Foreign Minister",
    "aliases": ["لافروف", "Лавров", "Lavrov"],
}


@pytest.fixture
def with_lavrov(run: Run, vocab_store: Path) -> Path:
    ok(run, *LAVROV)
    return vocab_store


def test_the_record_types_mirror_the_one_definition_of_the_vocabularies() -> None:
    assert VOCAB_FIELDS == {
        "sides": SIDE_FIELDS,
        "topics": TOPIC_FIELDS,
        "rounds": ROUND_FIELDS,
        "people": PERSON_FIELDS,
    }


def test_a_json_dump_carries_people_and_import_brings_them_back(
    run: Run, with_lavrov: Path, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.json"
    ok(run, "export", "--output", str(dump))
    assert json.loads(dump.read_bytes())["people"] == [PERSON]
    fresh = tmp_path / "fresh.json"
    result = ok(run, "--db", str(fresh), "import", str(dump))
    assert result.stderr.endswith(f"Imported {dump}: 9 added, 0 updated, 0 skipped\n")
    assert json.loads(fresh.read_bytes())["people"] == {"lavrov": PERSON}


def test_a_filtered_dump_carries_the_people_who_speak_and_their_sides(
    run: Run, record: Record, with_lavrov: Path
) -> None:
    record("x", "--speaker", "لافروف", "-T", "missiles", "-k", "demand", "-d", "2022-01-21")
    record("y", "-s", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-21")
    dump = json.loads(ok(run, "export", "--format", "json", "--grep", "x").stdout)
    assert dump["people"] == [PERSON]
    assert [side["slug"] for side in dump["sides"]] == ["russia"]
    unspoken = json.loads(ok(run, "export", "--format", "json", "--side", "us").stdout)
    assert unspoken["people"] == []


def test_import_refuses_a_person_of_an_unknown_side(
    run: Run, vocab_store: Path, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps({"people": [{**PERSON, "side": "mars"}]}), encoding="utf-8")
    before = vocab_store.read_bytes()
    result = run("import", str(dump))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{dump}: people[0]: side: unknown side 'mars'\n"
        f"Error: 1 problem in {dump}; nothing was imported\n"
    )
    assert vocab_store.read_bytes() == before


def test_check_names_a_person_of_an_unknown_side(run: Run, with_lavrov: Path) -> None:
    data = json.loads(with_lavrov.read_bytes())
    data["people"]["lavrov"]["side"] = "mars"
    with_lavrov.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "person lavrov: side names unknown side 'mars'"


def test_adding_and_undoing_a_person_keeps_history_and_check_clean(
    run: Run, isolated_store: Path
) -> None:
    ok(run, "side", "add", "russia", "--name", "Russia")
    ok(run, "person", "add", "lavrov", "--name", "Sergei Lavrov", "--side", "russia")
    assert ok(run, "check").stdout == ""
    log = ok(run, "log", "lavrov", "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[4:7] for line in log[1:]] == [["person add", "people", "lavrov"]]
    assert ok(run, "undo").stderr.startswith("Undid person add of ")
    assert json.loads(isolated_store.read_bytes())["people"] == {}


def test_a_damaged_person_is_refused_at_load(run: Run, with_lavrov: Path) -> None:
    data = json.loads(with_lavrov.read_bytes())
    data["people"]["lavrov"]["aliases"] = "Lavrov"
    raw = json.dumps(data, ensure_ascii=False).encode()
    with_lavrov.write_bytes(raw)
    result = run("list")
    assert result.exit_code == 3
    assert result.stderr.startswith(
        f"Error: {with_lavrov} is damaged: person lavrov: aliases 'Lavrov' is not valid"
    )
    assert with_lavrov.read_bytes() == raw


def test_a_side_a_person_speaks_for_cannot_be_removed(fails: Fails, with_lavrov: Path) -> None:
    result = fails("side", "rm", "russia", code=1)
    assert result.stderr.startswith(
        "Error: side 'russia' is still used by round geneva, round nrc, person lavrov."
    )


def test_the_merge_keeps_both_sides_people_and_the_side_they_need() -> None:
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["people"]["lavrov"] = PERSON
    theirs["people"]["blinken"] = {**PERSON, "slug": "blinken", "name": "Antony Blinken",
                                   "side": "us", "aliases": []}  # fmt: skip
    del ours["sides"]["us"]  # ours removed a side that theirs' new person speaks for
    result = merge(base, ours, theirs)
    assert sorted(result.data["people"]) == ["blinken", "lavrov"]
    assert "us" in result.data["sides"]
    assert [str(c) for c in result.conflicts] == [
        "conflict: side us: deleted on one side, but person blinken uses it; kept it"
    ]


def test_xlsx_sqlite_and_the_python_api_have_people(
    run: Run, with_lavrov: Path, tmp_path: Path
) -> None:
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    ok(run, "export", "--output", str(tmp_path / "talks.xlsx"))
    sheet = load_workbook(tmp_path / "talks.xlsx")["people"]
    assert [cell.value for cell in sheet[1]] == list(PERSON_FIELDS)
    assert sheet["B2"].value == "Sergei Lavrov"
    ok(run, "export", "--output", str(tmp_path / "talks.sqlite"))
    with sqlite3.connect(tmp_path / "talks.sqlite") as connection:
        rows = connection.execute("select slug, side from people").fetchall()
    assert rows == [("lavrov", "russia")]
    people: list[dict[str, Any]] = claimtrack.open_store(with_lavrov).table("people").all()
    assert [dict(person) for person in people] == [PERSON]
