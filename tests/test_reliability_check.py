"""Requirement 6: `claimtrack check` reports every integrity problem and never writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

from claimtrack.integrity import check_store
from reliability_helpers import folder_state, ok, record, run, seed


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


def save(path: Path, data: dict[str, Any]) -> None:
    """Write a store by hand, as an editor or a bad merge would (no lock file)."""
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    Path(f"{path}.lock").unlink(missing_ok=True)


def test_a_clean_store(isolated_store: Path) -> None:
    seed()
    first = record("first")
    record("reply", "--responds-to", first, "-k", "rejection", "--grade", "b2",
           "--url", "https://example.org/a", "--published", "2022-01-11")  # fmt: skip
    Path(f"{isolated_store}.lock").unlink()
    before = folder_state(isolated_store.parent)
    result = run("check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"No problems in {isolated_store} "
        "(3 side(s), 2 topic(s), 1 round(s), 0 person(s), 2 claim(s))\n"
    )
    assert folder_state(isolated_store.parent) == before  # not even a lock file


def test_every_problem_one_per_line_with_the_record_id(isolated_store: Path) -> None:
    seed()
    a = record("a")
    b = record("b")
    c = record("c")
    d = record("d")
    data = load(isolated_store)
    claims = data["claims"]
    claims[a].update(responds_to="zzzzzzzzzz", side="rusia", to=["us", "nowhere"])
    claims[b].update(topics=["no-topic"], round="no-round", kind="threat", date="2022-02-31")
    claims[c].update(grade="G9", url="ftp://example.org", published="yesterday")
    claims[c].update(attribution="yes", tags="one,two", created="last week")
    claims[d]["id"] = "dddddddddd"
    del claims[d]["speaker"]
    del claims[d]["note"]
    data["rounds"]["geneva"].update(parties=["russia", "mars"], end="2022-01-01")
    data["sides"]["us"]["aliases"] = ["روسيا"]  # already an alias of russia
    data["topics"]["Bad Slug"] = {"slug": "Bad Slug", "title": None, "aliases": []}
    save(isolated_store, data)
    before = folder_state(isolated_store.parent)

    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == sorted_problems(
        [
            "side russia: alias 'روسيا' also names side 'us'",
            "side us: alias 'روسيا' also names side 'russia'",
            "topic Bad Slug: missing field description",
            "topic Bad Slug: 'Bad Slug' is not a valid slug",
            "topic Bad Slug: title is empty",
            "round geneva: ends (2022-01-01) before it starts (2022-01-10)",
            "round geneva: party names unknown side 'mars'",
            f"claim {a}: side names unknown side 'rusia'",
            f"claim {a}: to names unknown side 'nowhere'",
            f"claim {a}: responds_to names claim 'zzzzzzzzzz', which does not exist",
            f"claim {b}: round names unknown round 'no-round'",
            f"claim {b}: date '2022-02-31' is not a date (YYYY-MM-DD)",
            f"claim {b}: topics names unknown topic 'no-topic'",
            f"claim {b}: kind 'threat' is not one of demand, proposal, response, acceptance, "
            "rejection, warning, statement",
            f"claim {c}: attribution 'yes' is not one of quote, readout, paraphrase",
            f"claim {c}: url 'ftp://example.org' is not valid",
            f"claim {c}: published 'yesterday' is not a date (YYYY-MM-DD)",
            f"claim {c}: grade 'G9' is not valid",
            f"claim {c}: tags should be a list of texts, not 'one,two'",
            f"claim {c}: created 'last week' is not a UTC timestamp",
            f"claim {d}: missing fields speaker, note",
            f"claim {d}: id 'dddddddddd' differs from its key '{d}'",
        ],
        [a, b, c, d],
    )
    assert result.stderr == f"22 problem(s) in {isolated_store}\n"
    assert folder_state(isolated_store.parent) == before


def sorted_problems(lines: list[str], claim_ids: list[str]) -> list[str]:
    """check's order: sides, topics, rounds, claims; by key; then field order."""
    tables = ["side", "topic", "round", "claim"]

    def key(line: str) -> tuple[int, str]:
        table, rest = line.split(" ", 1)
        return tables.index(table), rest.split(":", 1)[0]

    return sorted(lines, key=key)  # stable: field order as written above


def test_duplicate_ids_in_the_raw_json(isolated_store: Path) -> None:
    seed()
    a = record("a")
    record("b")
    data = load(isolated_store)
    claim_a = json.dumps(data["claims"][a], ensure_ascii=False)
    text = isolated_store.read_text()
    # A bad merge: the same claim id twice in the claims table, and a field twice.
    merged = text.replace('"claims": {', f'"claims": {{"{a}": {claim_a},', 1)
    at = merged.rindex('"name": "NATO"')  # in the sides table, after the history
    merged = merged[:at] + '"name": "Nato", ' + merged[at:]
    isolated_store.write_text(merged)
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "side nato: field 'name' appears more than once\n"
        f"claim {a}: duplicate id: 2 records share it\n"
    )


def test_claims_json_structure_problems_without_click(isolated_store: Path) -> None:
    seed()
    claim_id = record("self")
    data = load(isolated_store)
    data["claims"][claim_id]["responds_to"] = claim_id
    data["claims"][claim_id]["text"] = "bad\x00text"
    save(isolated_store, data)
    _, problems = check_store(isolated_store)
    assert [str(p) for p in problems] == [
        f"claim {claim_id}: text contains a NUL byte",
        f"claim {claim_id}: responds to itself",
    ]


def test_check_on_a_damaged_or_missing_store_exits_3(isolated_store: Path) -> None:
    result = run("check")
    assert (result.exit_code, result.stdout) == (3, "")
    isolated_store.write_bytes(b"{")
    assert run("check").exit_code == 3
    assert isolated_store.read_bytes() == b"{"


def test_check_shows_hostile_keys_safely(isolated_store: Path) -> None:
    ok("init")
    data = load(isolated_store)
    data["sides"]["\x1b[2J"] = {"slug": "\x1b[2J", "name": "x", "aliases": []}
    save(isolated_store, data)
    result = run("check")
    assert result.stdout == "side <U+001B>[2J: '<U+001B>[2J' is not a valid slug\n"
