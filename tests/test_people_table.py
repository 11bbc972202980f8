"""People are a table like sides, topics and rounds: the one definition of the
vocabularies, `check`, the load-time shape check, history, and side removal.
(Exports, import and the API: test_people_files.py; merges: test_merge_driver.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.model import PERSON_FIELDS, ROUND_FIELDS, SIDE_FIELDS, TOPIC_FIELDS, VOCAB_FIELDS
from helpers import Fails, Run, ok
from test_people import LAVROV


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
