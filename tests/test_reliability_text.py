"""Requirements 8 and 9: stored text is never markup or a control sequence; csv is safe."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from claimtrack.render import tsv_cell, visible
from reliability_helpers import ok, record, run, seed

HOSTILE = {
    "markup": "[bold]x[/bold]",
    "closing tag": "quote[/]",
    "link markup": "[link=https://example.org]x[/link]",
    "emoji code": ":warning:",
    "clear screen": "\x1b[2J",
    "osc 8 hyperlink": "\x1b]8;;https://evil.example\x1b\\click me\x1b]8;;\x1b\\",
    "osc 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "c1 csi": "\x9b31mred",
    "bidi override": "abc\u202eevil.exe",
    "zero width space": "zero\u200bwidth",
}

# What no table, tsv or md output may contain: ESC, C1 controls, and the invisible
# characters a reader could be fooled by.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")
TEXT_FORMATS = ("table", "tsv", "md", "ids")


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # tables keep short values on one line


def record_everywhere(value: str) -> str:
    """`value` as a claim's text, speaker, translation, note, tag and source, and as a
    side's name and alias, a topic's title and a round's venue."""
    ok("side", "add", "evil", "--name", value, "--alias", value + " alias")
    ok("topic", "add", "odd", "--title", value, "--description", value)
    ok("round", "add", "vienna", "--date", "2022-01-13", "--name", value, "--venue", value)
    return record(
        value,
        "--speaker", value, "--translation", value, "--note", value,
        "--tag", value, "--source", value, "--to", "evil",
    )  # fmt: skip


def outputs(claim_id: str, fmt: str) -> dict[str, str]:
    commands = {
        "list": ("list",),
        "show": ("show", claim_id),
        "side list": ("side", "list"),
        "topic list": ("topic", "list"),
        "round list": ("round", "list"),
        "round show": ("round", "show", "geneva"),
        "log": ("log",),
    }
    return {name: ok(*args, "--format", fmt).stdout for name, args in commands.items()}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_shown_never_obeyed(isolated_store: Path, name: str) -> None:
    value = HOSTILE[name]
    seed()
    claim_id = record_everywhere(value)
    shown = {"table": visible(value), "tsv": tsv_cell(value)}
    for fmt in TEXT_FORMATS:
        for command, out in outputs(claim_id, fmt).items():
            assert not FORBIDDEN.search(out), (fmt, command, out)
            if fmt in shown and command in ("list", "side list", "show"):
                assert shown[fmt] in out, (fmt, command)  # as typed, or as visible tokens
    # Markup and emoji codes come out exactly as typed, never styled or replaced.
    if visible(value) == value:
        assert value in outputs(claim_id, "table")["show"]
        assert "⚠" not in "".join(outputs(claim_id, "table").values())


@pytest.mark.parametrize("name", list(HOSTILE))
def test_json_keeps_the_exact_characters(isolated_store: Path, name: str) -> None:
    value = HOSTILE[name]
    seed()
    claim_id = record_everywhere(value)
    (claim,) = json.loads(ok("list", "--format", "json").stdout)
    fields = ("text", "speaker", "translation", "note", "source")
    assert [claim[f] for f in fields] == [value] * 5 and claim["tags"] == [value]
    (line,) = ok("list", "--format", "jsonl").stdout.splitlines()
    assert json.loads(line) == claim
    assert json.loads(ok("show", claim_id, "--format", "json").stdout)["text"] == value
    sides = json.loads(ok("side", "list", "--format", "json").stdout)
    assert [s["name"] for s in sides if s["slug"] == "evil"] == [value]
    (csv_row,) = list(csv.DictReader(io.StringIO(ok("list", "--format", "csv").stdout)))
    assert csv_row["note"] == value


def test_visible_tokens_and_line_breaks() -> None:
    assert visible("a\x1b[2Jb") == "a<U+001B>[2Jb"
    assert visible("\u202e\u200b\u2066\x9b\x7f") == "<U+202E><U+200B><U+2066><U+009B><U+007F>"
    assert visible("two\nlines", keep_newlines=True) == "two\nlines"
    assert visible("two\nlines") == "two<U+000A>lines"
    assert visible("عربي and русский ✓") == "عربي and русский ✓"


def test_tsv_keeps_one_record_per_line(isolated_store: Path) -> None:
    seed()
    record("line one\nline two\ttabbed \\ back\\slash\r")
    tsv = ok("list", "--format", "tsv").stdout.splitlines()
    assert len(tsv) == 2
    assert "line one\\nline two\\ttabbed \\\\ back\\\\slash\\r" in tsv[1].split("\t")
    table = ok("list", "--format", "table").stdout
    assert "line one" in table and "line two" in table  # a real line break in tables


def test_error_messages_show_hostile_input_safely(isolated_store: Path) -> None:
    seed()
    for args in (
        ("list", "--side", "\x1b]52;c;eA==\x07"),
        ("show", "\x9b2J\u202e"),
        ("record", "-s", "\x1b[2J", "-T", "missiles", "-k", "demand", "-d", "2022-01-10", "x"),
        ("log", "\x1b[2Jabcd"),
    ):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert not FORBIDDEN.search(result.stderr), result.stderr
    assert run("list", "--side", "[bold]x[/]").stderr.startswith("Error: unknown side '[bold]x[/]'")


# --- requirement 9: spreadsheet-safe csv ------------------------------------------------

TRIGGERS = ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\tx", "\rx", '  =HYPERLINK("x")', "   -2"]
HARMLESS = ["a=b", "'quoted", "1-2", "x@y.org", " spaced"]


def csv_cells(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ok(*args).stdout)))


@pytest.mark.parametrize("value", TRIGGERS)
def test_csv_cells_a_spreadsheet_would_run_get_a_quote(isolated_store: Path, value: str) -> None:
    seed()
    claim_id = record(value, "--speaker", value, "--tag", "-x", "--note", value)
    (row,) = csv_cells("list", "--format", "csv")
    assert (row["text"], row["speaker"], row["note"]) == ("'" + value,) * 3
    assert row["tags"] == "'-x"
    (raw,) = csv_cells("list", "--format", "csv", "--raw")
    assert (raw["text"], raw["speaker"], raw["note"], raw["tags"]) == (value, value, value, "-x")
    (shown,) = csv_cells("show", claim_id, "--format", "csv")
    assert shown["text"] == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_csv_leaves_harmless_cells_alone(isolated_store: Path, value: str) -> None:
    seed()
    record(value)
    (row,) = csv_cells("list", "--format", "csv")
    assert row["text"] == value


def test_csv_vocabulary_names_are_safe_too(isolated_store: Path) -> None:
    ok("side", "add", "x", "--name", "=cmd|' /C calc'!A0")
    (row,) = csv_cells("side", "list", "--format", "csv")
    assert row["name"] == "'=cmd|' /C calc'!A0"
