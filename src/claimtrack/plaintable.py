"""Long tables written line by line, looking like rich's `box.SIMPLE_HEAD` table.

rich lays a table out cell by cell through its generic renderables: about 550
claims a second here. This writer follows the same rules -- column
widths as rich computes them for these tables, greedy wrapping at spaces with long
words folded, the header row, a rule, no vertical lines, one space of padding each
side -- with plain strings, and yields the lines as they are ready. It never imports
rich: the caller says whether to style (bold header, dim `under` lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import add, itemgetter, methodcaller, ne
from typing import IO, Any

from claimtrack.cellwrap import PLAIN_CELLS_RE, cell_width, wrap
from claimtrack.render import (
    Column,
    Listing,
    Record,
    all_visible,
    cell_text,
    column_caps,
    natural_width_of,
    visible,
)

# Above this many rows a listing is written here rather than by rich. Below it rich
# takes well under a second, and its tables are the ones the tests pin exactly.
FAST_TABLE_ROWS = 200

BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"
PADDING = 2  # one space each side of every cell

# --- a column's cells ------------------------------------------------------------


@dataclass
class _ColumnText:
    """One column's text, record by record, made visible: the main text and the line
    under it ("" where a record has none). A plain list (see cellwrap.PLAIN_CELLS_RE) is
    wrapped and padded in bulk."""

    mains: list[str]
    unders: list[str]
    plain_mains: bool
    plain_unders: bool
    natural: int  # render.natural_width


def _column_text(records: list[Record], column: Column) -> _ColumnText:
    mains = _as_texts(list(map(methodcaller("get", column.key), records)))
    unders = [""] * len(records)
    under_raw: list[str] = []
    if column.under:
        values = list(map(methodcaller("get", column.under), records))
        under_raw = _as_texts(values)
        prefix = column.under_prefix
        # Strings as they are already read "" where there is nothing under.
        if prefix or under_raw is not values:
            unders = [prefix + t if v else "" for v, t in zip(values, under_raw, strict=True)]
        else:
            unders = under_raw
    plain_mains, plain_unders = _is_plain(mains), _is_plain(unders)
    return _ColumnText(
        mains if plain_mains else all_visible(mains),
        unders if plain_unders else all_visible(unders),
        plain_mains,
        plain_unders,
        natural_width_of(column, mains, under_raw),
    )


def _is_plain(texts: list[str]) -> bool:
    # Plain text is already visible as it is.
    return PLAIN_CELLS_RE.fullmatch("\x00".join(texts)) is not None


def _as_texts(values: list[Any]) -> list[str]:
    """Each value's `cell_text`; a column of strings as it is (the same list)."""
    if all(map(isinstance, values, repeat(str))):
        return values
    return [v if isinstance(v, str) else "" if v is None else cell_text(v) for v in values]


# --- column widths, as rich's Table computes them -------------------------------------


def _longest_line(text: str) -> int:
    if "\n" not in text:
        return cell_width(text)
    return max(map(cell_width, text.split("\n")))


def _widest(texts: list[str], plain: bool) -> int:
    """The cells of the longest line among `texts`."""
    return max(map(len if plain else _longest_line, texts), default=0)


def _distribute(total: int, ratios: list[int], minimums: list[int]) -> list[int]:
    """`total` shared by `ratios`, each share at least its minimum (rich's rule)."""
    shares = []
    ratio_left = sum(ratios)
    for ratio, minimum in zip(ratios, minimums, strict=True):
        share = max(minimum, -(-ratio * total // ratio_left)) if ratio_left else total
        shares.append(share)
        ratio_left -= ratio
        total -= share
    return shares


def column_widths(listing: Listing, width: int, texts: list[_ColumnText]) -> list[int]:
    """Each column's width, padding included, for a table `width` cells wide."""
    columns = listing.columns
    room = width - (len(columns) + 1)  # an edge each side and a space between columns
    caps = column_caps(listing, width, [text.natural for text in texts])
    widths = []
    for column, cap, text in zip(columns, caps, texts, strict=True):
        natural = max(
            _widest(text.mains, text.plain_mains), _widest(text.unders, text.plain_unders)
        )
        natural = max(natural, _longest_line(visible(column.header)))
        if cap is not None:
            natural = min(natural, cap)
        widths.append(min(natural + PADDING, room))
    if any(c.ratio for c in columns):
        flexible = [i for i, c in enumerate(columns) if c.ratio]
        fixed = sum(w for i, w in enumerate(widths) if i not in flexible)
        shares = _distribute(
            room - fixed, [columns[i].ratio or 0 for i in flexible], [1 + PADDING] * len(flexible)
        )
        for index, share in zip(flexible, shares, strict=True):
            widths[index] = share
    return _fit(widths, [not c.no_wrap for c in columns], room)


def _fit(widths: list[int], wrapable: list[bool], room: int) -> list[int]:
    """Narrow the widest wrapping columns, then all evenly, until the table fits."""
    widths = list(widths)
    while sum(widths) > room and any(wrapable):
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max(
            (w for w, ok in zip(widths, wrapable, strict=True) if ok and w != widest), default=0
        )
        if widest <= second or widest <= 1 + PADDING:
            break
        excess = sum(widths) - room
        chosen = [i for i, w in enumerate(widths) if wrapable[i] and w == widest]
        cut = min(widest - max(second, 1 + PADDING), -(-excess // len(chosen)))
        for index in chosen:
            widths[index] -= cut
    while sum(widths) > room and max(widths) > 1 + PADDING:
        index = widths.index(max(widths))
        widths[index] -= 1
    return widths


# --- a column's lines, padded -----------------------------------------------------


@lru_cache(maxsize=64)
def _plain_lines(width: int) -> re.Pattern[str]:
    """`cellwrap`'s line of whole words for plain text (see cellwrap.PLAIN_CELLS_RE), whose
    only space is " "."""
    return re.compile(rf".{{0,{width - 1}}}[^ ](?= |$) *")


class _ColumnPainter:
    """A column's cells as lists of lines, each padded to the column's width.

    Plain text (see cellwrap.PLAIN_CELLS_RE) is wrapped by one regex scan a cell, and the
    lines of a whole column padded by one `map`: a long table is mostly such lines,
    and building them one by one in Python took most of a second at 10,000 claims. A
    cell the scan cannot take whole (a word to fold) and the cells of any other
    column go through `wrap`.
    """

    def __init__(self, width: int, style: str) -> None:
        self.width = width
        self.style = style
        self.blank = " " * width
        self._scan = _plain_lines(max(width, 1)).findall
        # Spaces past the width go; those within it are padding anyway.
        self._cut = itemgetter(slice(width))
        # A styled line: the style spans the text and the spaces within the width.
        self._styled_width = width + len(style) + len(RESET)

    def cells(self, text: _ColumnText, start: int, stop: int) -> list[list[str]]:
        """The lines of records `start` to `stop`: the main ones, then those under."""
        cells = self._lines(text.mains[start:stop], text.plain_mains, under=False)
        unders = text.unders[start:stop]
        if any(unders):
            under_cells = self._lines(unders, text.plain_unders, under=True)
            cells = list(map(add, cells, under_cells))
        return cells

    def _lines(self, texts: list[str], plain: bool, *, under: bool) -> list[list[str]]:
        if not plain:
            # Under a record with nothing there, no line; an empty main text, one blank.
            return [self._wrapped(t, styled=under) if t or not under else [] for t in texts]
        if max(map(len, texts), default=0) <= self.width:  # a line each
            padded = self._padded_lines(texts, styled=under)
            if under:
                return [[line] if text else [] for line, text in zip(padded, texts, strict=True)]
            return [[line] for line in padded]
        found = list(map(self._scan, texts))
        if not under and not all(texts):
            found = [lines or [""] for lines in found]
        padded = self._padded_lines(chain.from_iterable(found), styled=under)
        ends = list(accumulate(map(len, found)))
        cells = list(map(padded.__getitem__, map(slice, [0, *ends[:-1]], ends)))
        # The scan skips what it cannot take: a word wider than the column, or
        # spaces that run past the width before a word.
        missed = list(map(ne, map(len, map("".join, found)), map(len, texts)))
        if True in missed:
            for index in compress(range(len(texts)), missed):
                cells[index] = self._wrapped(texts[index], styled=under)
        return cells

    def _padded_lines(self, lines: Iterable[str], *, styled: bool) -> list[str]:
        cut = map(self._cut, lines)
        if styled and self.style:
            spans = map(add, repeat(self.style), map(add, cut, repeat(RESET)))
            return list(map(str.ljust, spans, repeat(self._styled_width)))
        return list(map(str.ljust, cut, repeat(self.width)))

    def _wrapped(self, text: str, *, styled: bool) -> list[str]:
        style = self.style if styled else ""
        return [_padded(line, size, self.width, style) for line, size in wrap(text, self.width)]


def _padded(text: str, size: int, width: int, style: str) -> str:
    fill = " " * (width - size)
    if style and text:
        return f"{style}{text}{RESET}{fill}"
    return text + fill


# --- the lines --------------------------------------------------------------------

# Records laid out at a time, so that memory stays flat; the first batch is small,
# so that a terminal or a pager shows the first screen at once.
FIRST_BATCH_ROWS, BATCH_ROWS = 50, 1000


def table_lines(listing: Listing, width: int, *, styled: bool = False) -> Iterator[str]:
    """The table's text in pieces of whole lines, the first piece at once."""
    records = listing.records
    texts = [_column_text(records, column) for column in listing.columns]
    widths = column_widths(listing, width, texts)
    inner = [max(w - PADDING, 1) for w in widths]
    total = sum(widths) + len(widths) + 1
    if listing.title:
        yield from _centred(visible(listing.title), total)
    yield " " * total + "\n"
    bold = BOLD if styled else ""
    headers = [wrap(visible(c.header), w) for c, w in zip(listing.columns, inner, strict=True)]
    yield from _header_lines([[(*line, bold) for line in h] for h in headers], inner)
    yield " " + "─" * (total - 2) + " \n"
    painters = [_ColumnPainter(w, DIM if styled else "") for w in inner]
    blanks = [painter.blank for painter in painters]
    start, stop = 0, FIRST_BATCH_ROWS
    while start < len(records):
        columns = [p.cells(text, start, stop) for p, text in zip(painters, texts, strict=True)]
        yield _rows(columns, blanks)
        start, stop = stop, stop + BATCH_ROWS
    yield " " * total + "\n"
    if listing.caption:
        yield from _centred(visible(listing.caption), total)


# Around the cells of a line: the table's edge and a cell's padding, two cells'
# padding and the space between them, and at the end the padding and the edge.
_EDGE, _GAP, _LINE_END = "  ", "   ", "  \n"


def _rows(columns: list[list[list[str]]], blanks: list[str]) -> str:
    """Records' lines, each row as tall as its tallest cell, shorter cells blank below.

    The last column (a long text, usually) sets most rows' height: its lines below
    every other cell share one blank prefix, so they are joined in a single call.
    """
    *others, last = columns
    if not others:
        between = _LINE_END + _EDGE
        return "".join(_EDGE + between.join(cell) + _LINE_END for cell in last)
    lengths = [map(len, cells) for cells in others]
    heights = list(lengths[0] if len(others) == 1 else map(max, *lengths))
    tallest = max(heights)
    fills = [[blank] * tallest for blank in blanks[:-1]]
    last_fill = [blanks[-1]] * tallest
    below = _LINE_END + _EDGE + "".join(blank + _GAP for blank in blanks[:-1])
    pieces: list[str] = []
    append = pieces.append
    for height, row, text in zip(heights, zip(*others, strict=True), last, strict=True):
        cells = [
            c if len(c) == height else c + f[len(c) : height]
            for c, f in zip(row, fills, strict=True)
        ]
        lefts = [f"{_EDGE}{_GAP.join(parts)}{_GAP}" for parts in zip(*cells, strict=True)]
        size = len(text)
        if size < height:
            text = text + last_fill[size:height]
        append(_LINE_END.join(map(add, lefts, text)))
        if size > height:
            append(below)
            append(below.join(text[height:]))
        append(_LINE_END)
    return "".join(pieces)


def _header_lines(row: list[list[StyledLine]], widths: list[int]) -> Iterator[str]:
    """The header row, its padding styled too, in three spans as rich writes them.

    rich aligns header cells to the bottom: a short one is blank above.
    """
    height = max(len(lines) for lines in row)
    for index in range(height):
        parts = []
        for lines, cell_w in zip(row, widths, strict=True):
            above = height - len(lines)
            text, size, style = lines[index - above] if index >= above else ("", 0, lines[0][2])
            fill = " " * (cell_w - size)
            if style:
                parts.append(f"{style} {RESET}{style}{text}{fill}{RESET}{style} {RESET}")
            else:
                parts.append(f" {text}{fill} ")
        yield " " + " ".join(parts) + " \n"


StyledLine = tuple[str, int, str]  # text, the cells it takes, an ANSI style or ""


def _centred(text: str, width: int) -> Iterator[str]:
    for line, _ in wrap(text, width):
        line = line.rstrip()
        left = (width - cell_width(line)) // 2
        yield " " * left + line + " " * (width - left - cell_width(line)) + "\n"


def write_table(listing: Listing, width: int, out: IO[str], *, styled: bool = False) -> None:
    """Write the table to the text stream `out` in chunks of about 64 KiB."""
    write = out.write
    chunk: list[str] = []
    size = 0
    for piece in table_lines(listing, width, styled=styled):
        chunk.append(piece)
        size += len(piece)
        if size >= 65536:
            write("".join(chunk))
            chunk.clear()
            size = 0
    write("".join(chunk))
