"""tables.py and the table format on the example store: at 80, 100 and 120 columns
every id and slug shown appears whole on one line; columns left out and blocks
are announced."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from claimtrack.render import Column, Listing, plain_console, rendered_text, table_view
from claimtrack.tables import MIN_TEXT_WIDTH, layout
from helpers import Run, ok

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "security-guarantees-2022.json"
SLUG_KEYS = ("id", "side", "to", "topic", "topics", "round", "kind", "date")

COMMANDS = [
    ("list",),
    ("show", "zha2iihscf"),
    ("diff", "geneva", "lavrov-blinken-call"),
    ("compare", "russia", "us"),
    ("gaps",),
    ("matrix",),
    ("timeline", "dialogue"),
    ("round", "show", "geneva"),
]


@pytest.fixture
def example(isolated_store: Path) -> Path:
    shutil.copy(EXAMPLE, isolated_store)
    return isolated_store


def slugs_in(value: Any, key: str | None = None) -> set[str]:
    """Every id, slug, kind and date in a command's json output."""
    if isinstance(value, dict):
        return set().union(*(slugs_in(v, k) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(set(), *(slugs_in(v, key) for v in value))
    if isinstance(value, str) and key in SLUG_KEYS:
        return {value}
    return set()


def whole_on_a_line(token: str, out: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", out) is not None


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_id_and_slug_whole_on_one_line(
    run: Run, example: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    shown = json.loads(ok(run, *args, "-f", "json").stdout)
    if args[0] == "matrix":  # rows of topic, round and side
        shown = [{"topic": r["topic"], "side": r["side"], "round": r["round"]} for r in shown]
    if args[0] in ("compare", "diff"):  # the table shows each claim's kind, date and id
        shown = [
            {
                **{k: v for k, v in r.items() if k not in ("a", "b")},
                "claims": [{k: c[k] for k in ("id", "kind", "date")} for c in r["a"] + r["b"]],
            }
            for r in shown
        ]
    expected = slugs_in(shown)
    assert expected
    out = ok(run, *args, "-f", "table").stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    folded = sorted(token for token in expected if not whole_on_a_line(token, out))
    assert folded == []


def test_list_at_each_width_says_what_it_did(
    run: Run, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = {}
    for width in (80, 100, 120):
        monkeypatch.setenv("COLUMNS", str(width))
        notes[width] = ok(run, "list", "-f", "table").stdout.splitlines()[-1]
    assert notes == {
        80: "One block per row: a table needs 108 columns, the terminal has 80.",
        100: "One block per row: a table needs 108 columns, the terminal has 100.",
        120: "Left out to fit 120 columns: speaker (wider terminal or --format tsv).",
    }


def test_list_at_160_columns_has_every_column(
    run: Run, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    out = ok(run, "list", "-f", "table").stdout
    assert out.splitlines()[0].split() == ["id", "date", "side", "kind", "attr", "speaker", "text"]
    assert not out.splitlines()[-1].startswith(("One block", "Left out"))


COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("who", "who", drop=1),
    Column("text", "text", ratio=1),
)
RECORDS = [{"id": "abcdefghij", "who": "Sergei Viktorovich Lavrov", "text": "word " * 40}]


def test_text_takes_what_the_others_leave() -> None:
    shape = layout(table_view(Listing(RECORDS, (), COLUMNS)), 80)
    assert [c.header for c in shape.columns] == ["id", "who", "text"]
    # id whole; who grows towards its whole name, up to 24; one padding each, two dividers
    assert shape.widths == (10, 24, 80 - 10 - 24 - 3 - 2)
    assert (shape.blocks, shape.note) == (False, None)


def test_least_useful_column_goes_first() -> None:
    shape = layout(table_view(Listing(RECORDS, (), COLUMNS)), 55)
    assert [c.header for c in shape.columns] == ["id", "text"]
    assert shape.widths == (10, 55 - 10 - 2 - 1)
    assert shape.note == "Left out to fit 55 columns: who (wider terminal or --format tsv)."


def test_blocks_when_nothing_is_left_to_drop() -> None:
    width = 10 + 2 + 1 + MIN_TEXT_WIDTH - 1
    view = table_view(Listing(RECORDS, (), COLUMNS))
    assert layout(view, width).blocks
    out = rendered_text(Listing(RECORDS, (), COLUMNS), "table", console=plain_console(width))
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == "abcdefghij  Sergei Viktorovich Lavrov"
    assert lines[1].startswith("  word word")
    assert " ".join(lines[-2:]) == (
        "One block per row: a table needs 43 columns, the terminal has 42."
    )


def test_a_long_table_comes_in_chunks_with_the_same_widths() -> None:
    records = [{"id": f"id{n:08d}", "who": "x" * (n % 7), "text": f"t{n}"} for n in range(260)]
    listing = Listing(records, (), COLUMNS)
    from claimtrack.render import render

    pieces = list(render(listing, "table", console=plain_console(80)))
    assert len(pieces) == 4  # 10, 100, 100 and 50 rows
    lines = b"".join(pieces).decode().splitlines()
    assert lines[0].split() == ["id", "who", "text"]
    assert len(lines) == 2 + 260
    assert {line.index("t", 12) for line in lines[2:]} == {lines[0].index("text")}


# --- diff's word highlighting stays fast ---------------------------------------------


@pytest.mark.parametrize("size", [2_000, 4_000, 100_000])
def test_word_changes_of_long_repetitive_texts_is_fast(size: int) -> None:
    import time

    from claimtrack.analysis import word_changes

    old, new = "ab " * (size // 3), "ab ba " * (size // 6)
    started = time.perf_counter()
    old_marked, new_marked = word_changes(old, new)
    assert time.perf_counter() - started < 1.0
    assert "".join(w for w, _ in old_marked) == old
    assert "".join(w for w, _ in new_marked) == new


def test_word_changes_marks_only_the_middle_past_the_limit() -> None:
    from claimtrack.analysis import WORD_DIFF_LIMIT, word_changes

    middle = int(WORD_DIFF_LIMIT**0.5) + 1
    old = "start " + "x y " * middle + "end"
    new = "start " + "y x " * middle + "end"
    old_marked, _ = word_changes(old, new)
    assert [changed for _, changed in old_marked] == [False] + [True] * 2 * middle + [False]
    assert word_changes("a b c d", "a x c d")[1] == [
        ("a ", False),
        ("x ", True),
        ("c ", False),
        ("d", False),
    ]
