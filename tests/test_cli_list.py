"""list through the CLI: every filter, sort key and format; tables and colour."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from claimtrack.model import CLAIM_FIELDS
from helpers import (
    BASE,
    TSV_HEADER,
    UNKNOWN_SIDE,
    Fails,
    Record,
    Run,
    claims_in,
    ids_of,
    ok,
    on_a_terminal,
    tsv_row,
)

# --- list: filters -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        (("--side", "russia"), ["c1", "c5", "c4", "c7"]),
        (("-s", "RU"), ["c1", "c5", "c4", "c7"]),
        (("-s", "us", "-s", "الناتو"), ["c2", "c3", "c6"]),
        (("--to", "russia"), ["c2", "c3"]),
        (("-t", "US", "-t", "nato"), ["c1", "c5"]),
        (("--round", "geneva"), ["c1", "c2"]),
        (("-r", "NRC", "-r", "geneva"), ["c1", "c2", "c3", "c5"]),
        (("--topic", "missiles"), ["c2", "c5"]),
        (("-T", "توسع الناتو", "-T", "deescalation"), ["c1", "c3", "c4", "c6", "c7"]),
        (("--kind", "response"), ["c5", "c6"]),
        (("-k", "Demand", "-k", "WARNING"), ["c1", "c4"]),
        (("--speaker", "sergei"), ["c1", "c4"]),
        (("--speaker", "SHERMAN", "--speaker", "stoltenberg"), ["c2", "c3"]),
        (("--tag", "guarantees"), ["c1", "c3", "c6"]),
        (("--tag", "GUARANTEES"), ["c1", "c3", "c6"]),
        (("--tag", "open-door", "--tag", "arms-control"), ["c2", "c3"]),
        (("--since", "2022-01-12"), ["c3", "c5", "c4", "c6", "c7"]),
        (("--until", "2022-01-12"), ["c1", "c2", "c3", "c5"]),
        (("--since", "2022-01-26", "--until", "2022-01-26"), ["c4", "c6"]),
        (("--since", "2022-03-01"), []),
        (("--grep", "ضمانات"), ["c1"]),
        (("-g", "INTERMEDIATE"), ["c5"]),
        (("--grep", "moscow"), ["c4"]),
        (("--grep", "spokeswoman"), ["c7"]),
        (("--grep", "state department"), []),
        (("--grep", "door", "--grep", "response"), ["c3", "c6", "c7"]),
        (("-s", "russia", "-T", "nato-nonexpansion"), ["c1", "c7"]),
        (("-s", "russia", "-s", "us", "-k", "response"), ["c5", "c6"]),
        (("-s", "russia", "-r", "nrc", "-k", "response"), ["c5"]),
        (("--tag", "guarantees", "--since", "2022-01-11"), ["c3", "c6"]),
        (("--speaker", "sergei", "--grep", "ضمانات"), ["c1"]),
        (("-s", "nato", "-t", "us"), []),
    ],
)
def test_list_filters(
    run: Run, seven_store: dict[str, str], args: tuple[str, ...], expected: list[str]
) -> None:
    assert ids_of(run, "list", *args) == [seven_store[label] for label in expected]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--side", "rusia"), UNKNOWN_SIDE),
        (
            ("--to", "china"),
            "unknown side 'china'. Add it with: claimtrack side add china --name ...",
        ),
        (
            ("--round", "genva"),
            "unknown round 'genva' (did you mean: geneva?). "
            "Add it with: claimtrack round add genva --date ... --name ...",
        ),
        (
            ("--topic", "missile"),
            "unknown topic 'missile' (did you mean: missiles?). "
            "Add it with: claimtrack topic add missile --title ...",
        ),
        (
            ("--since", "2022-02-01", "--until", "2022-01-01"),
            "--since 2022-02-01 is after --until 2022-01-01",
        ),
    ],
)
def test_list_filter_errors(
    fails: Fails, seven_store: dict[str, str], args: tuple[str, ...], error: str
) -> None:
    fails("list", *args, error=error)


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_list_bad_dates(fails: Fails, seven_store: dict[str, str], option: str) -> None:
    assert "2022-13-01" in fails("list", option, "2022-13-01", code=1).stderr


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("--kind", "threat"),
            "Invalid value for '--kind' / '-k': 'threat' is not one of 'demand', 'proposal', "
            "'response', 'acceptance', 'rejection', 'warning', 'statement'.",
        ),
        (
            ("--sort", "speaker"),
            "Invalid value for '--sort': 'speaker' is not one of "
            "'date', 'round', 'side', 'topic', 'kind'.",
        ),
        (("--limit", "-1"), "Invalid value for '--limit' / '-n': -1 is not in the range x>=0."),
        (
            ("--limit", "two"),
            "Invalid value for '--limit' / '-n': 'two' is not a valid integer range.",
        ),
    ],
)
def test_list_usage_errors(
    fails: Fails, seven_store: dict[str, str], args: tuple[str, ...], error: str
) -> None:
    fails("list", *args, code=2, error=error)


# --- list: order ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("date", ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        ("round", ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        ("side", ["c3", "c1", "c5", "c4", "c7", "c2", "c6"]),
        ("topic", ["c4", "c2", "c5", "c1", "c3", "c6", "c7"]),
        ("kind", ["c1", "c2", "c5", "c6", "c3", "c4", "c7"]),
    ],
)
def test_list_sort(run: Run, seven_store: dict[str, str], key: str, expected: list[str]) -> None:
    ids = [seven_store[label] for label in expected]
    assert ids_of(run, "list", "--sort", key) == ids
    assert ids_of(run, "list", "--sort", key, "--reverse") == ids[::-1]
    assert ids_of(run, "list", "--sort", key, "--limit", "3") == ids[:3]
    assert ids_of(run, "list", "--sort", key, "--reverse", "-n", "2") == ids[::-1][:2]


def test_list_limit_after_filter(run: Run, seven_store: dict[str, str]) -> None:
    assert ids_of(run, "list", "-s", "russia", "-n", "2") == [seven_store["c1"], seven_store["c5"]]
    assert ids_of(run, "list", "-n", "0") == []
    assert len(ids_of(run, "list", "-n", "100")) == 7


# --- list: formats -------------------------------------------------------------------


@pytest.fixture
def two(record: Record, vocab_store: Path) -> list[dict[str, Any]]:
    """Two claims with awkward text, as stored, in list order."""
    first = record(
        "لا توسع\tللناتو\n[bold]x[/] \\ back",
        *BASE,
        "-r",
        "geneva",
        "--to",
        "us",
        "--to",
        "nato",
        "--tag",
        "a",
        "--tag",
        "b",
        "--translation",
        "No expansion",
    )
    second = record(
        '=HYPERLINK("http://x")',
        "-s",
        "us",
        "-T",
        "missiles",
        "-k",
        "proposal",
        "-d",
        "2022-01-11",
        "--paraphrase",
        "--note",
        'a "quoted", note',
        "--speaker",
        "-Sherman",
    )
    claims = claims_in(vocab_store)
    return [claims[first], claims[second]]


def test_list_defaults_to_tsv_when_not_a_terminal(run: Run, two: list[dict[str, Any]]) -> None:
    assert ok(run, "list").stdout == ok(run, "list", "--format", "tsv").stdout


def test_list_tsv(run: Run, two: list[dict[str, Any]]) -> None:
    first, second = two
    out = ok(run, "list", "--format", "tsv").stdout
    assert out == TSV_HEADER + tsv_row(
        {**first, "text": "لا توسع\\tللناتو\\n[bold]x[/] \\\\ back"}
    ) + tsv_row(second)
    assert out.splitlines()[1].split("\t")[:9] == [
        first["id"],
        "russia",
        "us, nato",
        "",
        "geneva",
        "2022-01-10",
        "missiles",
        "demand",
        "لا توسع\\tللناتو\\n[bold]x[/] \\\\ back",
    ]


def test_list_of_nothing_is_a_success(run: Run, vocab_store: Path) -> None:
    result = ok(run, "list")
    assert (result.stdout, result.stderr) == (TSV_HEADER, "")
    assert ok(run, "list", "-f", "json").stdout == "[]\n"
    assert ok(run, "list", "-f", "jsonl").stdout == ""
    assert ok(run, "list", "-f", "ids").stdout == ""
    assert ok(run, "list", "-f", "csv").stdout == ",".join(CLAIM_FIELDS) + "\n"


def test_list_csv(run: Run, two: list[dict[str, Any]]) -> None:
    rows = list(csv.reader(io.StringIO(ok(run, "list", "--format", "csv").stdout)))
    assert rows[0] == list(CLAIM_FIELDS)
    first = dict(zip(CLAIM_FIELDS, rows[1], strict=True))
    second = dict(zip(CLAIM_FIELDS, rows[2], strict=True))
    assert first["text"] == two[0]["text"]
    assert first["to"] == "us, nato"
    assert first["attribution"] == "quote"
    assert second["text"] == "'" + two[1]["text"]
    assert second["speaker"] == "'-Sherman"
    assert second["note"] == 'a "quoted", note'
    assert second["attribution"] == "paraphrase"
    raw = list(csv.reader(io.StringIO(ok(run, "list", "--format", "csv", "--raw").stdout)))
    assert raw[2][CLAIM_FIELDS.index("text")] == two[1]["text"]


def test_list_json_carries_every_field_as_stored(run: Run, two: list[dict[str, Any]]) -> None:
    out = ok(run, "list", "--format", "json").stdout
    assert json.loads(out) == two
    assert out.startswith('[\n  {\n    "attribution": "quote",\n    "created": ')
    assert "لا توسع" in out  # not \u-escaped
    assert out == json.dumps(two, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_list_jsonl(run: Run, two: list[dict[str, Any]]) -> None:
    lines = ok(run, "list", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == two
    assert lines[0] == json.dumps(two[0], sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_list_md(run: Run, two: list[dict[str, Any]]) -> None:
    first, second = two
    assert ok(run, "list", "--format", "md").stdout == (
        "| id | date | side | kind | attr | speaker | text |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {first['id']} | 2022-01-10<br>geneva | russia<br>→ us, nato | demand<br>missiles "
        "| quote |  | لا توسع<U+0009>للناتو<br>[bold]x[/] \\\\ back<br>No expansion |\n"
        f"| {second['id']} | 2022-01-11 | us | proposal<br>missiles | paraphrase | -Sherman "
        '| =HYPERLINK("http://x") |\n'
    )


def test_list_ids(run: Run, two: list[dict[str, Any]]) -> None:
    assert ok(run, "list", "--format", "ids").stdout == f"{two[0]['id']}\n{two[1]['id']}\n"


def test_format_names_in_any_case(run: Run, two: list[dict[str, Any]]) -> None:
    assert ok(run, "list", "-f", "JSON").stdout == ok(run, "list", "-f", "json").stdout


# --- list: tables --------------------------------------------------------------------


LONG = " ".join(f"w{n:03d}" for n in range(80))


@pytest.mark.usefixtures("wide")
def test_table_wraps_long_text_and_never_cuts_it(
    run: Run, record: Record, vocab_store: Path
) -> None:
    record(LONG, *BASE, "-r", "geneva", "--translation", "ترجمة " * 30, "--speaker", "S" * 40)
    out = ok(run, "list", "--format", "table").stdout
    lines = out.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert len(lines) > 10
    words = out.split()
    assert all(f"w{n:03d}" in words for n in range(80))
    assert out.count("ترجمة") == 30
    assert out.count("S") == 40  # the speaker, folded over several lines
    assert "…" not in out and "..." not in out


@pytest.mark.usefixtures("wide")
def test_table_shows_markup_literally(run: Run, record: Record, vocab_store: Path) -> None:
    record("[bold]x[/] and [red]y", *BASE, "-r", "geneva", "--speaker", "[i]Lav[/i]")
    out = ok(run, "list", "--format", "table").stdout
    assert "[bold]x[/] and [red]y" in out
    assert "[i]Lav[/i]" in out
    assert "\x1b" not in out


@pytest.mark.usefixtures("wide")
def test_table_shows_control_characters_as_tokens(
    run: Run, record: Record, vocab_store: Path
) -> None:
    record("evil\x1b[2J\u202etext", *BASE, "-r", "geneva")
    out = ok(run, "list", "--format", "table").stdout
    assert "evil<U+001B>[2J<U+202E>text" in out
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.usefixtures("wide")
def test_table_is_the_default_on_a_terminal(
    run: Run, two: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    table = ok(run, "list", "--format", "table").stdout
    on_a_terminal(monkeypatch, "common", "stdout")
    assert ok(run, "list").stdout == table


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
        ({"NO_COLOR": "1"}, False),
    ],
)
def test_table_colour_follows_rich(
    run: Run,
    two: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    coloured: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert ("\x1b[" in ok(run, "list", "--format", "table").stdout) is coloured


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "md", "ids"])
def test_scripts_never_get_colour(
    run: Run, two: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b" not in ok(run, "list", "--format", fmt).stdout
