"""person add/list/edit/rm, `record --speaker` by alias, `list --speaker` across scripts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimtrack.presets import load
from helpers import Fails, Record, Run

LAVROV = (
    "person",
    "add",
    "lavrov",
    "--name",
    "Sergei Lavrov",
    "--side",
    "روسيا",
    "--role",
    "Foreign Minister",
    "--alias",
    "لافروف",
    "-a",
    "Лавров",
    "-a",
    "Lavrov",
)


def stored(path: Path, table: str) -> dict[str, Any]:
    records: dict[str, Any] = json.loads(path.read_bytes()).get(table, {})
    return records


@pytest.fixture
def with_lavrov(run: Run, vocab_store: Path) -> Path:
    result = run(*LAVROV)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Added person lavrov\n"
    return vocab_store


def test_person_add_resolves_the_side_and_keeps_every_alias(with_lavrov: Path) -> None:
    assert stored(with_lavrov, "people")["lavrov"] == {
        "slug": "lavrov",
        "name": "Sergei Lavrov",
        "side": "russia",
        "role": "Foreign Minister",
        "aliases": ["لافروف", "Лавров", "Lavrov"],
    }


def test_person_list_formats(run: Run, with_lavrov: Path) -> None:
    result = run("person", "list", "--format", "tsv")
    assert result.stdout == (
        "slug\tname\tside\trole\taliases\n"
        "lavrov\tSergei Lavrov\trussia\tForeign Minister\tلافروف, Лавров, Lavrov\n"
    )
    assert json.loads(run("person", "list", "--format", "json").stdout)[0]["slug"] == "lavrov"


def test_person_edit_and_clear(run: Run, with_lavrov: Path) -> None:
    result = run("person", "edit", "Лавров", "--side", "us", "--drop-alias", "Lavrov")
    assert result.exit_code == 0, result.stderr
    assert run("person", "edit", "lavrov", "--clear", "role").exit_code == 0
    person = stored(with_lavrov, "people")["lavrov"]
    assert (person["side"], person["role"], person["aliases"]) == ("us", None, ["لافروف", "Лавров"])


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("person", "add", "x", "--name", "X", "--side", "rusia"), None),
        (
            ("person", "add", "lavrov", "--name", "X", "--side", "us"),
            "person 'lavrov' already exists. Change it with: claimtrack person edit lavrov",
        ),
        (
            ("person", "add", "sergei", "--name", "X", "--side", "us", "-a", "лавров"),
            "'лавров' already names person 'lavrov'",
        ),
        (("person", "edit", "nobody", "--role", "x"), None),
        (("person", "edit", "lavrov", "--side", "nowhere"), None),
    ],
)
def test_person_errors_leave_the_store_alone(
    fails: Fails, with_lavrov: Path, args: tuple[str, ...], error: str | None
) -> None:
    fails(*args, error=error)


def test_record_speaker_by_alias_stores_the_name_and_the_side(
    run: Run, record: Record, with_lavrov: Path
) -> None:
    claim_id = record(
        "x", "--speaker", "لافروف", "-T", "missiles", "-k", "demand", "-d", "2022-01-21"
    )
    claim = stored(with_lavrov, "claims")[claim_id]
    assert (claim["speaker"], claim["side"]) == ("Sergei Lavrov", "russia")
    # an explicit side wins; a free-text speaker stays as typed
    other = record(
        "y", "--speaker", "Lavrov", "-s", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-21"
    )
    free = record(
        "z",
        "--speaker",
        "A diplomat",
        "-s",
        "us",
        "-T",
        "missiles",
        "-k",
        "demand",
        "-d",
        "2022-01-21",
    )
    claims = stored(with_lavrov, "claims")
    assert (claims[other]["speaker"], claims[other]["side"]) == ("Sergei Lavrov", "us")
    assert claims[free]["speaker"] == "A diplomat"


def test_record_free_speaker_without_side_is_refused(fails: Fails, with_lavrov: Path) -> None:
    fails(
        "record",
        "--speaker",
        "Nobody",
        "-T",
        "missiles",
        "-k",
        "demand",
        "-d",
        "2022-01-21",
        "x",
        error="--side is required",
    )


def test_list_speaker_matches_any_alias(run: Run, record: Record, with_lavrov: Path) -> None:
    lavrov = record(
        "a", "--speaker", "lavrov", "-T", "missiles", "-k", "demand", "-d", "2022-01-21"
    )
    record(
        "b",
        "--speaker",
        "Someone",
        "-s",
        "us",
        "-T",
        "missiles",
        "-k",
        "demand",
        "-d",
        "2022-01-21",
    )
    for name in ("Лавров", "لافروف", "LAVROV", "Sergei"):
        assert run("list", "--speaker", name, "--format", "ids").stdout == f"{lavrov}\n", name


def test_rm_person_refused_while_claims_name_them(
    run: Run, fails: Fails, record: Record, with_lavrov: Path
) -> None:
    claim_id = record(
        "a", "--speaker", "lavrov", "-T", "missiles", "-k", "demand", "-d", "2022-01-21"
    )
    fails(
        "person",
        "rm",
        "lavrov",
        error=f"person 'lavrov' is still used by claim {claim_id}. Change or remove those first",
    )
    assert run("rm", claim_id, "--yes").exit_code == 0
    assert run("person", "rm", "Лавров").stderr == "Removed person lavrov\n"
    assert stored(with_lavrov, "people") == {}


def test_preset_people_cover_the_example_speakers() -> None:
    preset = load("security-guarantees-2022")
    sides = {side["slug"] for side in preset["sides"]}
    names = {person["name"] for person in preset["people"]}
    example = json.loads(
        (Path(__file__).parents[1] / "examples/security-guarantees-2022.json").read_bytes()
    )
    speakers = {c["speaker"] for c in example["claims"].values() if c["speaker"]}
    assert speakers <= names
    aliases = [a.casefold() for p in preset["people"] for a in p["aliases"]]
    assert len(aliases) == len(set(aliases))
    for person in preset["people"]:
        assert person["side"] in sides
        scripts = {
            "arabic"
            if any("\u0600" <= ch <= "\u06ff" for ch in a)
            else "cyrillic"
            if any("\u0400" <= ch <= "\u04ff" for ch in a)
            else "latin"
            for a in person["aliases"]
        }
        assert scripts == {"arabic", "cyrillic", "latin"}, person["slug"]
