"""Long tables written line by line, looking like rich's `box.SIMPLE_HEAD` table.

rich lays a table out cell by cell through its generic renderables: about 550
claims a second here (18 s for 10,000). This writer follows the same rules -- column
widths as rich computes them for these tables, greedy wrapping at spaces with long
words folded, the header row, a rule, no vertical lines, one space of padding each
side -- with plain strings, and yields the lines as they are ready. It never imports
rich: the caller says whether to style (bold header, dim `under` lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import IO

from claimtrack.render import Column, Listing, Record, _column_widths, cell_text, visible

# Above this many rows a listing is written here rather than by rich. Below it rich
# takes well under a second, and its tables are the ones the tests pin exactly.
FAST_TABLE_ROWS = 200

BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"
PADDING = 2  # one space each side of every cell

_WORD_RE = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE_RE = re.compile(r"\s+$")


def _single_cell_pattern() -> re.Pattern[str]:
    """Characters that take exactly one cell: most of the alphabetic scripts up to
    U+07FF (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) and punctuation.
    Built from unicodedata, so combining marks and format characters stay out."""
    ranges: list[tuple[int, int]] = []
    for code in (*range(0x20, 0x7FF + 1), *range(0x2010, 0x21FF + 1)):
        if _char_width(chr(code)) != 1 or unicodedata.category(chr(code)) in ("Cc", "Cn", "Co"):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]*")


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_SINGLE_CELL_RE = _single_cell_pattern()


def _wide_width(text: str) -> int:
    return sum(map(_char_width, text))


def _measure_of(text: str) -> Callable[[str], int]:
    """A cell-width function for pieces of `text`: plain len for one-cell scripts."""
    return len if text.isascii() or _SINGLE_CELL_RE.fullmatch(text) else _wide_width


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: CJK wide characters two, combining marks none."""
    return _measure_of(text)(text)


def _fold(word: str, width: int) -> list[str]:
    """`word` cut into pieces of at most `width` cells (a wide character never split)."""
    pieces: list[str] = []
    start = used = 0
    for index, char in enumerate(word):
        size = _char_width(char)
        if used + size > width and index > start:
            pieces.append(word[start:index])
            start, used = index, 0
        used += size
    pieces.append(word[start:])
    return pieces


Line = tuple[str, int]  # a line of a cell and the cells it takes


def wrap(text: str, width: int) -> list[Line]:
    """`text` in lines of at most `width` cells, broken after spaces, as rich does.

    A newline starts a new line; a word longer than `width` is folded. Only the
    spaces at a break beyond the width are dropped: every other character is kept.
    """
    width = max(width, 1)
    lines: list[Line] = []
    for line in text.split("\n"):
        size_of = _measure_of(line)
        size = size_of(line)
        if size <= width:
            lines.append((line, size))
        elif size_of is len:
            lines += _wrap_narrow(line, width)
        else:
            lines += _wrap_line(line, width, size_of)
    return lines


@lru_cache(maxsize=64)
def _fitting_words(width: int) -> re.Pattern[str]:
    """As many whole words as fit in `width` one-cell characters, and the spaces after."""
    return re.compile(rf"[^\n]{{0,{width - 1}}}\S(?=\s|$)\s*")


_FIRST_WORD_RE = re.compile(r"\s*(\S+)\s*")


def _wrap_narrow(line: str, width: int) -> list[Line]:
    """`_wrap_line` for text of one-cell characters, a line at a time by regex."""
    lines: list[Line] = []
    fitting = _fitting_words(width).match
    start, end = 0, len(line)
    while start < end:
        match = fitting(line, start)
        if match:
            after = match.end()
            stop = min(after, start + width)  # spaces past the width are dropped
            lines.append((line[start:stop], stop - start))
            start = after
            continue
        # The first word is too long: fold it with its spaces, as rich does, into
        # pieces of `width`; the last piece starts the next line.
        word = _FIRST_WORD_RE.match(line, start)
        if word is None or (start and line[start].isspace()):
            # Spaces left from a folded word: rich gives them a line of their own.
            stop = word.start(1) if word else end
            lines.append((line[start:stop], stop - start))
            start = stop
            continue
        pieces = (word.end() - start - 1) // width
        for _ in range(pieces):
            lines.append((line[start : start + width], width))
            start += width
    return lines


def _wrap_line(line: str, width: int, size_of: Callable[[str], int]) -> list[Line]:
    lines: list[Line] = []
    current, used = "", 0
    for match in _WORD_RE.finditer(line):
        word = match.group()
        word_size = size_of(word)
        bare = size_of(word.rstrip()) if word[-1].isspace() else word_size
        if used + bare <= width:
            current += word
            used += word_size
            continue
        if current:
            lines.append(_strip_beyond(current, used, width))
        if bare > width:
            *full, word = _fold(word, width)
            lines += [(piece, size_of(piece)) for piece in full]
            word_size = size_of(word)
        current, used = word, word_size
    lines.append(_strip_beyond(current, used, width))
    return lines


def _strip_beyond(line: str, size: int, width: int) -> Line:
    """`line` without the spaces it ends with, as far as they run past `width`."""
    excess = size - width
    if excess > 0:
        match = _TRAILING_SPACE_RE.search(line)
        if match:
            cut = min(len(match.group()), excess)
            return line[: len(line) - cut], size - cut
    return line, size


# --- column widths, as rich's Table computes them -------------------------------------


def _cells(listing: Listing, column: Column) -> list[tuple[str, str]]:
    """Each record's (main, under) text for `column`, made visible."""
    out = []
    for record in listing.records:
        out.append((_main_text(record, column), _under_text(record, column)))
    return out


def _main_text(record: Record, column: Column) -> str:
    return visible(cell_text(record.get(column.key)), keep_newlines=True)


def _under_text(record: Record, column: Column) -> str:
    if column.under and record.get(column.under):
        return visible(column.under_prefix + cell_text(record[column.under]), keep_newlines=True)
    return ""


def _longest_line(text: str) -> int:
    if "\n" not in text:
        return cell_width(text)
    return max(map(cell_width, text.split("\n")))


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


def column_widths(listing: Listing, width: int, cells: list[list[tuple[str, str]]]) -> list[int]:
    """Each column's width, padding included, for a table `width` cells wide."""
    columns = listing.columns
    room = width - (len(columns) + 1)  # an edge each side and a space between columns
    caps = _column_widths(listing, width)
    widths = []
    for column, cap, column_cells in zip(columns, caps, cells, strict=True):
        natural = max(
            (max(_longest_line(main), _longest_line(under)) for main, under in column_cells),
            default=0,
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


# --- the lines --------------------------------------------------------------------


def table_lines(listing: Listing, width: int, *, styled: bool = False) -> Iterator[str]:
    """The table's lines, each ending in a newline, the first at once."""
    cells = [_cells(listing, column) for column in listing.columns]
    widths = column_widths(listing, width, cells)
    inner = [max(w - PADDING, 1) for w in widths]
    total = sum(widths) + len(widths) + 1
    if listing.title:
        yield from _centred(visible(listing.title), total)
    yield " " * total + "\n"
    bold = BOLD if styled else ""
    headers = [wrap(visible(c.header), w) for c, w in zip(listing.columns, inner, strict=True)]
    yield from _row_lines([[(*line, bold) for line in h] for h in headers], inner, pad_style=True)
    yield " " + "─" * (total - 2) + " \n"
    dim = DIM if styled else ""
    for row in zip(*cells, strict=True):
        row_cells = []
        for (main, under), cell_w in zip(row, inner, strict=True):
            lines = [(*line, "") for line in wrap(main, cell_w)]
            if under:
                lines += [(*line, dim) for line in wrap(under, cell_w)]
            row_cells.append(lines)
        yield from _row_lines(row_cells, inner)
    yield " " * total + "\n"
    if listing.caption:
        yield from _centred(visible(listing.caption), total)


StyledLine = tuple[str, int, str]  # text, the cells it takes, an ANSI style or ""


def _row_lines(
    row: list[list[StyledLine]], widths: list[int], *, pad_style: bool = False
) -> Iterator[str]:
    """One table row: each cell's lines padded to its width, short cells blank below."""
    if not pad_style and all(len(lines) == 1 and not lines[0][2] for lines in row):
        texts = [f" {t}{' ' * (w - n)} " for ((t, n, _),), w in zip(row, widths, strict=True)]
        yield " " + " ".join(texts) + " \n"
        return
    height = max(len(lines) for lines in row)
    blank: StyledLine = ("", 0, "")
    for index in range(height):
        parts = []
        for lines, cell_w in zip(row, widths, strict=True):
            text, size, style = lines[index] if index < len(lines) else blank
            fill = " " * (cell_w - size)
            if style and pad_style:
                # The padding styled too, in three spans as rich writes them.
                parts.append(f"{style} {RESET}{style}{text}{fill}{RESET}{style} {RESET}")
            elif style and text:
                parts.append(f" {style}{text}{RESET}{fill} ")
            else:
                parts.append(f" {text}{fill} ")
        yield " " + " ".join(parts) + " \n"


def _centred(text: str, width: int) -> Iterator[str]:
    for line, _ in wrap(text, width):
        line = line.rstrip()
        left = (width - cell_width(line)) // 2
        yield " " * left + line + " " * (width - left - cell_width(line)) + "\n"


def write_table(listing: Listing, width: int, out: IO[str], *, styled: bool = False) -> None:
    """Write the table to the text stream `out` in chunks of lines."""
    write = out.write
    chunk: list[str] = []
    for line in table_lines(listing, width, styled=styled):
        chunk.append(line)
        if len(chunk) >= 512:
            write("".join(chunk))
            chunk.clear()
    write("".join(chunk))
