"""render.py by plain calls: every format's exact output, and the visible() sanitiser."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import orjson
import pytest

from claimtrack.csvfile import spreadsheet_safe
from claimtrack.render import (
    FORMATS,
    JSON_CHUNK,
    RENDERERS,
    Column,
    Listing,
    cell_text,
    json_array,
    md_cell,
    plain_console,
    render,
    rendered_text,
    tsv_cell,
    visible,
)

COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("text", "text", under="translation", under_prefix="= ", ratio=1),
    Column("tags", "tags"),
)
FIELDS = ("id", "text", "tags", "verbatim", "note")
RECORDS: list[dict[str, Any]] = [
    {
        "id": "abcd234567",
        "text": "a\tb\nc\\d|e",
        "translation": "tr",
        "tags": ["x", "y"],
        "verbatim": True,
        "note": None,
    },
    {
        "id": "efgh234567",
        "text": "=SUM(A1)",
        "translation": None,
        "tags": [],
        "verbatim": False,
        "note": "-1",
    },
    {
        "id": "ijkl234567",
        "text": "ضمانات \u202e [bold]x[/]\x1b[31m",
        "translation": None,
        "tags": ["أمن"],
        "verbatim": True,
        "note": 'say "hi", then',
    },
]


def listing(records: list[dict[str, Any]] | None = None) -> Listing:
    return Listing(RECORDS if records is None else records, FIELDS, COLUMNS)


def test_formats_are_the_contract() -> None:
    assert FORMATS == ("table", "tsv", "csv", "json", "jsonl", "md", "ids")
    assert set(RENDERERS) == set(FORMATS)


# --- tsv -----------------------------------------------------------------------------


def test_tsv_exact() -> None:
    assert rendered_text(listing(), "tsv") == (
        "id\ttext\ttags\tverbatim\tnote\n"
        "abcd234567\ta\\tb\\nc\\\\d|e\tx, y\ttrue\t\n"
        "efgh234567\t=SUM(A1)\t\tfalse\t-1\n"
        'ijkl234567\tضمانات <U+202E> [bold]x[/]<U+001B>[31m\tأمن\ttrue\tsay "hi", then\n'
    )


def test_tsv_of_nothing_is_the_header() -> None:
    assert rendered_text(listing([]), "tsv") == "id\ttext\ttags\tverbatim\tnote\n"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("a\tb", "a\\tb"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\r\\nb"),
        ("a\\nb", "a\\\\nb"),  # a literal backslash-n stays distinguishable from a newline
        ("\\", "\\\\"),
        (None, ""),
        (True, "true"),
        (False, "false"),
        (["a", "b"], "a, b"),
        ([], ""),
        ("\u200f", "<U+200F>"),
    ],
)
def test_tsv_cells(value: Any, cell: str) -> None:
    assert tsv_cell(value) == cell


def test_tsv_keeps_one_line_per_record() -> None:
    out = rendered_text(listing(), "tsv")
    assert len(out.splitlines()) == 1 + len(RECORDS)
    assert all(line.count("\t") == len(FIELDS) - 1 for line in out.splitlines())


# --- csv -----------------------------------------------------------------------------


def test_csv_exact() -> None:
    assert rendered_text(listing(), "csv") == (
        "id,text,tags,verbatim,note\n"
        'abcd234567,"a\tb\nc\\d|e","x, y",true,\n'
        "efgh234567,'=SUM(A1),,false,'-1\n"
        'ijkl234567,ضمانات \u202e [bold]x[/]\x1b[31m,أمن,true,"say ""hi"", then"\n'
    )


def test_csv_raw_keeps_formula_cells() -> None:
    rows = list(csv.reader(io.StringIO(rendered_text(listing(), "csv", raw=True))))
    assert rows[2] == ["efgh234567", "=SUM(A1)", "", "false", "-1"]


def test_csv_reads_back_to_the_same_text() -> None:
    rows = list(csv.reader(io.StringIO(rendered_text(listing(), "csv"))))
    assert rows[0] == list(FIELDS)
    assert rows[1] == ["abcd234567", "a\tb\nc\\d|e", "x, y", "true", ""]
    assert rows[3][1] == RECORDS[2]["text"]


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+7", "'+7"),
        ("-7", "'-7"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1", "'  =1"),
        ("a=1", "a=1"),
        ("ضمانات", "ضمانات"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(text: str, safe: str) -> None:
    assert spreadsheet_safe(text) == safe


# --- md ------------------------------------------------------------------------------


def test_md_exact() -> None:
    assert rendered_text(listing(), "md") == (
        "| id | text | tags |\n"
        "|---|---|---|\n"
        "| abcd234567 | a<U+0009>b<br>c\\\\d\\|e<br>= tr | x, y |\n"
        "| efgh234567 | =SUM(A1) |  |\n"
        "| ijkl234567 | ضمانات <U+202E> [bold]x[/]<U+001B>[31m | أمن |\n"
    )


def test_md_of_nothing_is_the_header() -> None:
    assert rendered_text(listing([]), "md") == "| id | text | tags |\n|---|---|---|\n"


@pytest.mark.parametrize(
    ("value", "cell"),
    [("a|b", "a\\|b"), ("a\nb", "a<br>b"), ("a\\b", "a\\\\b"), (None, ""), (["p", "q"], "p, q")],
)
def test_md_cells(value: Any, cell: str) -> None:
    assert md_cell(value) == cell


# --- json, jsonl, ids ----------------------------------------------------------------


def test_json_exact() -> None:
    out = b"".join(render(listing(RECORDS[1:]), "json")).decode()
    assert out == (
        "[\n"
        "  {\n"
        '    "id": "efgh234567",\n'
        '    "note": "-1",\n'
        '    "tags": [],\n'
        '    "text": "=SUM(A1)",\n'
        '    "translation": null,\n'
        '    "verbatim": false\n'
        "  },\n"
        "  {\n"
        '    "id": "ijkl234567",\n'
        '    "note": "say \\"hi\\", then",\n'
        '    "tags": [\n'
        '      "أمن"\n'
        "    ],\n"
        '    "text": "ضمانات \u202e [bold]x[/]\\u001b[31m",\n'
        '    "translation": null,\n'
        '    "verbatim": true\n'
        "  }\n"
        "]\n"
    )


def test_json_keeps_every_character_and_field() -> None:
    assert json.loads(b"".join(render(listing(), "json"))) == RECORDS


def test_json_of_nothing_is_an_empty_array() -> None:
    assert b"".join(render(listing([]), "json")) == b"[]\n"


def test_jsonl_exact() -> None:
    assert b"".join(render(listing(), "jsonl")).decode() == (
        '{"id":"abcd234567","note":null,"tags":["x","y"],"text":"a\\tb\\nc\\\\d|e",'
        '"translation":"tr","verbatim":true}\n'
        '{"id":"efgh234567","note":"-1","tags":[],"text":"=SUM(A1)",'
        '"translation":null,"verbatim":false}\n'
        '{"id":"ijkl234567","note":"say \\"hi\\", then","tags":["أمن"],'
        '"text":"ضمانات \u202e [bold]x[/]\\u001b[31m","translation":null,"verbatim":true}\n'
    )
    assert [
        json.loads(line) for line in b"".join(render(listing(), "jsonl")).splitlines()
    ] == RECORDS


def test_jsonl_of_nothing_is_empty() -> None:
    assert b"".join(render(listing([]), "jsonl")) == b""


def test_json_payload_replaces_the_records() -> None:
    shown = Listing(RECORDS, FIELDS, COLUMNS, json={"b": 1, "a": ["ب"]}, jsonl=[{"c": 2}])
    assert rendered_text(shown, "json") == '{\n  "a": [\n    "ب"\n  ],\n  "b": 1\n}\n'
    assert rendered_text(shown, "jsonl") == '{"c":2}\n'
    assert rendered_text(shown, "ids") == "abcd234567\nefgh234567\nijkl234567\n"


def test_ids() -> None:
    assert rendered_text(listing(), "ids") == "abcd234567\nefgh234567\nijkl234567\n"
    assert rendered_text(listing([]), "ids") == ""


def test_ids_use_the_listings_id_key() -> None:
    sides = Listing([{"slug": "russia"}, {"slug": "us"}], ("slug",), (), id_key="slug")
    assert rendered_text(sides, "ids") == "russia\nus\n"


# --- table ---------------------------------------------------------------------------


def table_text(records: list[dict[str, Any]], width: int) -> str:
    return rendered_text(listing(records), "table", console=plain_console(width))


def test_table_wraps_long_text_and_never_cuts_it() -> None:
    words = [f"word{n:02d}" for n in range(60)]
    record = {**RECORDS[1], "text": " ".join(words), "translation": "ترجمة كاملة"}
    out = table_text([record], 60)
    assert all(len(line) <= 60 for line in out.splitlines())
    flowed = " ".join(out.split())
    for word in words:
        assert word in flowed
    assert "ترجمة كاملة" in out
    assert "…" not in out


def test_table_folds_a_long_word_rather_than_cutting_it() -> None:
    record = {**RECORDS[1], "text": "q" * 150}
    out = table_text([record], 50)
    assert "".join(out.split()).count("q") == 150


def test_table_shows_markup_literally_and_controls_as_tokens() -> None:
    out = table_text([RECORDS[2]], 100)
    assert "[bold]x[/]" in out
    assert "<U+202E>" in out and "<U+001B>" in out
    assert "\x1b" not in out and "\u202e" not in out


def test_table_headers() -> None:
    out = table_text(RECORDS[:1], 80)
    assert out.splitlines()[0].split() == ["id", "text", "tags"]


def test_cell_text() -> None:
    assert [cell_text(v) for v in (None, True, False, ["a", None], 3, "s")] == [
        "",
        "true",
        "false",
        "a, ",
        "3",
        "s",
    ]


# --- visible -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain ASCII [bold]", "plain ASCII [bold]"),
        ("ضمانات ملزمة قانونيا", "ضمانات ملزمة قانونيا"),
        ("a\tb", "a<U+0009>b"),
        ("a\nb", "a<U+000A>b"),
        ("a\x00b", "a<U+0000>b"),
        ("\x1b[31mred", "<U+001B>[31mred"),
        ("\x7f\x85\x9f", "<U+007F><U+0085><U+009F>"),
        ("soft\u00adhyphen", "soft<U+00AD>hyphen"),
        ("\u061cmark", "<U+061C>mark"),
        ("zero\u200bwidth", "zero<U+200B>width"),
        ("\u200e\u200f", "<U+200E><U+200F>"),
        ("\u202a\u202b\u202c\u202d\u202e", "<U+202A><U+202B><U+202C><U+202D><U+202E>"),
        ("\u2066\u2067\u2068\u2069", "<U+2066><U+2067><U+2068><U+2069>"),
        ("\u2028\u2029", "<U+2028><U+2029>"),
        ("\ufeffbom", "<U+FEFF>bom"),
        ("lone \ud800", "lone <U+D800>"),
        ("tag \U000e0041", "tag <U+E0041>"),
        ("private \ue000", "private <U+E000>"),
        ("unassigned \U000e0080", "unassigned <U+E0080>"),
        ("emoji 😀 and é", "emoji 😀 and é"),
        ("<U+0041> typed", "<U+0041> typed"),
    ],
)
def test_visible_tokens(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_can_keep_newlines() -> None:
    assert visible("a\nb\tc", keep_newlines=True) == "a\nb<U+0009>c"
    assert visible("ب\nج\u200b", keep_newlines=True) == "ب\nج<U+200B>"


@pytest.mark.parametrize(
    "count", [0, 1, JSON_CHUNK - 1, JSON_CHUNK, JSON_CHUNK + 1, 2 * JSON_CHUNK + 3]
)
def test_a_json_array_made_in_chunks_is_what_one_call_writes(count: int) -> None:
    records = [
        {"id": f"c{i}", "text": 'نص\n"x"', "topics": ["a", "b"], "n": None} for i in range(count)
    ]
    whole = orjson.dumps(records, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    assert b"".join(json_array(records)) == whole + b"\n"
