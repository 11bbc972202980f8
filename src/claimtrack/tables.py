"""Tables for people, drawn by rich: widths from the content, never a folded id or slug.

A column is one of three fits. `whole` cells (ids, dates, slugs, kinds, statuses)
are never wrapped: the column is as wide as its widest line. `words` cells (names,
lists of slugs) wrap between words only: the column is at least as wide as its
longest word. `text` columns (quotes, translations) take what the others leave.
When that is fewer than `MIN_TEXT_WIDTH` columns, the least useful columns are left
out (as gh does), and if that is not enough each row becomes a block of lines (as
`claimtrack show` lays a claim out); a note under the output says which.

Widths are fixed from the whole listing before anything is drawn, so a long table
can be drawn `CHUNK_ROWS` rows at a time and each piece written as soon as it is
ready (see output.py): the first screen does not wait for the last row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

Fit = Literal["whole", "words", "text"]
Row = Any  # whatever the view's cell functions take: a record, a diff row...

MIN_TEXT_WIDTH = 30
# Room a words column may take beyond its longest word, while the text keeps this much.
COMFORTABLE_TEXT = 40
WORDS_WIDTH = 24
# The first piece is small so that the first screen comes at once; later pieces
# are larger, as rich's cost per row is then hidden behind the reader.
FIRST_CHUNK_ROWS = 10
CHUNK_ROWS = 100
# Cells are padded with a space on their right; with the box's divider, columns are
# two spaces apart, as in gh and ls.
_PADDING = 1


@dataclass(frozen=True)
class ViewColumn:
    """A column of a table view: how to measure its cells and how to draw them."""

    header: str
    fit: Fit
    cell: Callable[[Row], Text]
    # The text of every cell of the column, for measuring (whole and words columns
    # only): one call for all rows, so that a long listing is measured quickly.
    texts: Callable[[Sequence[Row]], Iterable[str]] = lambda rows: ()
    # 0: always shown. Otherwise left out when the text is short of room, highest first.
    drop: int = 0
    style: str = ""


@dataclass
class TableView:
    """Rows and the columns that show them, with an optional title and notes."""

    columns: Sequence[ViewColumn]
    rows: Sequence[Row]
    title: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """What fits a width: the columns kept, their widths, or one block per row."""

    columns: tuple[ViewColumn, ...]
    widths: tuple[int, ...]
    blocks: bool
    note: str | None


def natural_widths(view: TableView) -> list[tuple[int, int]]:
    """Each column's least width that folds nothing, and the width of its longest line.

    Text columns are not measured: they take what is left.
    """
    widths = []
    for column in view.columns:
        if column.fit == "text":
            widths.append((0, 0))
            continue
        texts = [column.header, *set(column.texts(view.rows))]
        lines = "\n".join(texts)
        # ASCII is one cell a character: measured by len, at C speed.
        measure: Callable[[str], int] = len if lines.isascii() else _cell_len()
        longest = max(map(measure, lines.split("\n")))
        least = longest if column.fit == "whole" else max(map(measure, lines.split()), default=0)
        widths.append((least, longest))
    return widths


def _cell_len() -> Callable[[str], int]:
    from rich.cells import cell_len

    return cell_len


def _extra(count: int) -> int:
    """Width rich adds to `count` columns: padding, and a divider between two columns."""
    return count * _PADDING + max(count - 1, 0)


def layout(view: TableView, width: int) -> Layout:
    """The widest layout that gives each text column `MIN_TEXT_WIDTH` at `width`."""
    measured = dict(zip(view.columns, natural_widths(view), strict=True))
    naturals = {column: least for column, (least, _) in measured.items()}
    kept = list(view.columns)
    droppable = sorted((c for c in kept if c.drop), key=lambda c: -c.drop)
    dropped: list[str] = []
    while True:
        texts = [c for c in kept if c.fit == "text"]
        fixed = sum(naturals[c] for c in kept if c.fit != "text") + _extra(len(kept))
        room = width - fixed
        if room >= MIN_TEXT_WIDTH * len(texts) and (texts or room >= 0):
            break
        if not droppable:
            needed = fixed + MIN_TEXT_WIDTH * len(texts)
            return Layout(
                tuple(view.columns),
                (),
                True,
                f"One block per row: a table needs {needed} columns, the terminal has {width}.",
            )
        column = droppable.pop(0)
        kept.remove(column)
        dropped.append(column.header)
    for column in kept:
        # A words column grows to show its longest line when the text keeps enough.
        grow = min(measured[column][1], WORDS_WIDTH) - naturals[column]
        if column.fit == "words" and grow > 0 and room - grow >= COMFORTABLE_TEXT * len(texts):
            naturals[column] += grow
            room -= grow
    widths = []
    share, spare = divmod(room, len(texts)) if texts else (0, 0)
    for column in kept:
        if column.fit == "text":
            widths.append(share + (1 if spare > 0 else 0))
            spare -= 1
        else:
            widths.append(naturals[column])
    note = None
    if dropped:
        names = ", ".join(dropped)
        note = f"Left out to fit {width} columns: {names} (wider terminal or --format tsv)."
    return Layout(tuple(kept), tuple(widths), False, note)


def _table(view: TableView, shape: Layout, *, header: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        show_header=header,
        expand=False,
        padding=(0, _PADDING, 0, 0),
    )
    for column, width in zip(shape.columns, shape.widths, strict=True):
        table.add_column(
            column.header,
            width=width,
            no_wrap=column.fit == "whole",
            overflow="fold",
            style=column.style,
        )
    return table


def _block(view: TableView, row: Row) -> RenderableType:
    """One row as lines: the whole and words cells first, then each text cell indented."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    head = [c.cell(row) for c in view.columns if c.fit != "text"]
    head_line = Text("  ").join(cell for cell in head if cell.plain)
    # A cell of several lines (a date over its round) joins its lines with spaces.
    parts: list[RenderableType] = [Text(" ").join(head_line.split("\n"))]
    texts = [c for c in view.columns if c.fit == "text"]
    for column in texts:
        if len(texts) > 1:
            parts.append(Text(f"{column.header}:", style="bold"))
        parts.append(Padding(column.cell(row), (0, 0, 0, 2), expand=False))
    return Group(*parts)


def pieces(view: TableView, console: Console) -> Iterator[RenderableType]:
    """The view as renderables to print one after the other: title, chunks, notes."""
    from rich.text import Text

    shape = layout(view, console.width)
    if view.title:
        yield Text(view.title, style="bold")
    start, size = 0, FIRST_CHUNK_ROWS
    if shape.blocks:
        for index, row in enumerate(view.rows):
            if index:
                yield Text("")
            yield _block(view, row)
    else:
        while start < len(view.rows) or start == 0:
            table = _table(view, shape, header=start == 0)
            for row in view.rows[start : start + size]:
                table.add_row(*(c.cell(row) for c in shape.columns))
            yield table
            start, size = start + size, CHUNK_ROWS
    for note in ([shape.note] if shape.note else []) + view.notes:
        yield Text(note, style="dim")
