"""plaintable.py: the line-by-line writer for long tables, by plain calls."""

from __future__ import annotations

import io
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from claimtrack import plaintable
from claimtrack.cellwrap import cell_width, wrap
from claimtrack.commands import common
from claimtrack.commands.common import emit
from claimtrack.plaintable import FAST_TABLE_ROWS, table_lines, write_table
from claimtrack.render import Column, Listing, render

COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ ", max_width=8),
    Column("text", "text", under="translation", ratio=1),
)
RECORDS: list[dict[str, Any]] = [
    {"id": "abcd234567", "side": "russia", "to": "us", "text": "We demand a ceasefire now"},
    {"id": "efgh234567", "side": "turkey", "text": "نطالب بوقف إطلاق النار", "translation": "a"},
]
ARABIC = (
    "نحن نطالب بوقف فوري لإطلاق النار في جميع المناطق، وبانسحاب كامل للقوات، "
    "وبضمانات مكتوبة تلتزم بها جميع الأطراف قبل أي جولة مقبلة من المحادثات"
)
ENGLISH = (
    "The delegation proposes a phased withdrawal of forces, guarantees in writing, "
    "and a monitoring mission before the next round of talks can begin"
)


def plain(listing: Listing, width: int = 40, styled: bool = False) -> str:
    return "".join(table_lines(listing, width, styled=styled))


def rich_table(listing: Listing, width: int = 40, color: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.print(render(listing, "table", width=width))
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_exact_output_of_a_small_listing() -> None:
    assert plain(Listing(RECORDS, ("id",), COLUMNS)).splitlines() == [
        " " * 40,
        "  id           side     text            ",
        " ────────────────────────────────────── ",
        "  abcd234567   russia   We demand a     ",
        "               → us     ceasefire now   ",
        "  efgh234567   turkey   نطالب بوقف      ",
        "                        إطلاق النار     ",
        "                        a               ",
        " " * 40,
    ]


@pytest.mark.parametrize("width", [30, 40, 80, 120])
@pytest.mark.parametrize("color", [False, True])
def test_same_bytes_as_rich(width: int, color: bool) -> None:
    records = [
        *RECORDS,
        {"id": "x" * 10, "side": "a-very-long-side", "text": ARABIC, "translation": ENGLISH},
        {"id": "y" * 10, "side": "eu", "text": "line one\nline two\n\nafter a blank " + "w" * 45},
    ]
    listing = Listing(records, ("id",), COLUMNS, title="Claims", caption="4 claims")
    assert plain(listing, width, styled=color) == rich_table(listing, width, color)


def test_header_and_rule() -> None:
    lines = plain(Listing([], ("id",), COLUMNS), width=30).splitlines()
    assert lines[1].split() == ["id", "side", "text"]
    assert lines[2] == " " + "─" * 28 + " "
    assert len(lines) == 4


@pytest.mark.parametrize("text", [ARABIC, ENGLISH])
@pytest.mark.parametrize("width", [5, 12, 29])
def test_wrapping_keeps_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert len(lines) > 1
    assert all(size == cell_width(line) <= width for line, size in lines)
    # Only the spaces at the breaks may go; words longer than 5 are folded.
    assert re.sub(r"\s", "", "".join(line for line, _ in lines)) == re.sub(r"\s", "", text)
    if width > 5:
        assert " ".join(line.strip() for line, _ in lines) == text


def test_a_word_longer_than_the_column_is_folded_not_cut() -> None:
    assert wrap("ab " + "x" * 25 + " cd", 10) == [
        ("ab ", 3),  # a space within the width stays, as in rich
        ("x" * 10, 10),
        ("x" * 10, 10),
        ("xxxxx cd", 8),
    ]


def test_wide_characters_take_two_cells() -> None:
    assert cell_width("日本語") == 6
    assert cell_width("مرحبا") == 5
    assert wrap("日本語の文章", 5) == [("日本", 4), ("語の", 4), ("文章", 4)]


def test_control_characters_are_shown_as_tokens() -> None:
    records = [{"id": "a\x1b[31m", "side": "s", "text": "x\ty\rz\u202e\nw", "translation": "\x07"}]
    output = plain(Listing(records, ("id",), COLUMNS), width=80)
    assert "\x1b" not in output and "\u202e" not in output and "\r" not in output
    for token in ("<U+001B>", "<U+202E>", "<U+0009>", "<U+000D>", "<U+0007>"):
        assert token in output
    assert output.splitlines()[4].split()[-1] == "w"  # the newline starts a new line


def test_styles_only_when_asked() -> None:
    listing = Listing(RECORDS, ("id",), COLUMNS)
    assert "\x1b" not in plain(listing, styled=False)
    styled = plain(listing, styled=True)
    assert "\x1b[1mid" in styled and "\x1b[2m→ us\x1b[0m" in styled


def test_write_table_writes_the_same_lines() -> None:
    out = io.StringIO()
    write_table(Listing(RECORDS * 300, ("id",), COLUMNS), 60, out)
    assert out.getvalue() == plain(Listing(RECORDS * 300, ("id",), COLUMNS), 60)


def test_emit_uses_the_writer_for_long_listings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    listing = Listing(RECORDS * (FAST_TABLE_ROWS // 2 + 1), ("id",), COLUMNS)
    emit(listing, "table")
    assert capsys.readouterr().out == plain(listing, 60)


def test_stdout_layout_asks_rich_itself_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "66")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("TERM", raising=False)
    asked = []
    real_console = common.make_console

    def make_console() -> object:
        asked.append(True)
        return real_console()

    monkeypatch.setattr(common, "make_console", make_console)
    assert common.stdout_layout() == (66, True) and not asked
    monkeypatch.setattr(sys, "platform", "win32")
    assert common.stdout_layout() == (66, True) and asked


def test_emit_styles_a_long_listing_as_rich_would(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("TERM", raising=False)
    listing = Listing(RECORDS * (FAST_TABLE_ROWS // 2 + 1), ("id",), COLUMNS)
    emit(listing, "table")
    assert capsys.readouterr().out == plain(listing, 70, styled=True)


# Words of the scripts the fast path takes in bulk, and of those it must leave to
# `wrap`: combining marks, wide characters, other spaces, control characters.
_plain_word = st.text(st.sampled_from("abcXYZ019.,-—«»بتثجحخ"), min_size=1, max_size=14)
_other_word = st.text(st.sampled_from("e\u0301日本\u00a0\t\n\x1b"), min_size=1, max_size=4)
_word = st.one_of(_plain_word, _plain_word, _plain_word, _other_word, st.just("x" * 40))
_cell = st.builds(
    lambda words, seps, edges: (
        edges[0] + "".join(w + s for w, s in zip(words, seps, strict=False)) + edges[1]
    ),
    st.lists(_word, max_size=12),
    st.lists(st.sampled_from([" ", " ", " ", "  ", "\n"]), min_size=12, max_size=12),
    st.tuples(st.sampled_from(["", "", " "]), st.sampled_from(["", "", " "])),
)
_records = st.lists(
    st.fixed_dictionaries(
        {"id": _plain_word, "side": _cell, "text": _cell},
        optional={"to": _cell, "translation": _cell},
    ),
    max_size=6,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=_records, width=st.integers(40, 140), color=st.booleans())
def test_same_bytes_as_rich_for_any_text(
    records: list[dict[str, Any]], width: int, color: bool
) -> None:
    listing = Listing(records, ("id",), COLUMNS)
    assert plain(listing, width, styled=color) == rich_table(listing, width, color)


@pytest.mark.parametrize("color", [False, True])
def test_one_column_and_a_column_taller_than_the_text(color: bool) -> None:
    alone = Listing(RECORDS, ("id",), (Column("text", "text", under="translation", ratio=1),))
    assert plain(alone, 30, styled=color) == rich_table(alone, 30, color)
    tall_side = [{"id": "k" * 10, "side": "one two three four five six", "text": "short"}]
    listing = Listing(tall_side + RECORDS, ("id",), COLUMNS)
    assert plain(listing, 40, styled=color) == rich_table(listing, 40, color)


def test_batches_join_up_to_the_table_laid_out_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        *RECORDS,
        {"id": "x" * 10, "side": "a-very-long-side", "text": ARABIC, "translation": ENGLISH},
        {"id": "y" * 10, "side": "eu", "text": "line one\nline two " + "w" * 45},
    ]
    listing = Listing(records * 300, ("id",), COLUMNS)  # 50 + 1,000 + 150 rows
    batched = plain(listing, 70, styled=True)
    monkeypatch.setattr(plaintable, "FIRST_BATCH_ROWS", len(listing.records))
    assert batched == plain(listing, 70, styled=True)
