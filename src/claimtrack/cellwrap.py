"""Text measured in terminal cells and wrapped as rich wraps it.

Latin, Arabic and the other alphabetic scripts take one cell a character, CJK wide
characters two, combining marks and format characters none. `wrap` breaks a line
after spaces and folds a word longer than the width, with rich's `Text.wrap` rules,
so that plaintable.py can lay tables out byte for byte as rich does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_WORD_RE = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE_RE = re.compile(r"\s+$")


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _one_cell(char: str) -> bool:
    return _char_width(char) == 1 and unicodedata.category(char) not in ("Cc", "Cn", "Co")


def _char_class(accept: Callable[[str], bool]) -> str:
    """A regex class of the characters `accept`s among most of the alphabetic scripts
    up to U+07FF (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) and punctuation.
    Built from unicodedata, so combining marks and format characters stay out."""
    ranges: list[tuple[int, int]] = []
    for code in (*range(0x20, 0x7FF + 1), *range(0x2010, 0x21FF + 1)):
        if not accept(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


# Text whose every character takes one cell: its width is its length.
_SINGLE_CELL_RE = re.compile(f"[{_char_class(_one_cell)}]*")
# Cells joined by NUL, each of one-cell characters with no whitespace but plain
# spaces (so no newline): such a column is wrapped and padded in bulk.
PLAIN_CELLS_RE = re.compile(
    f"[{_char_class(lambda c: _one_cell(c) and (c == ' ' or not c.isspace()))}\\x00]*"
)


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
            lines.append(_strip_beyond(line, size, width) if len(line) > width else (line, size))
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
            lines += [_strip_beyond(piece, size_of(piece), width) for piece in full]
            word_size = size_of(word)
        current, used = word, word_size
    lines.append(_strip_beyond(current, used, width))
    return lines


def _strip_beyond(line: str, size: int, width: int) -> Line:
    """`line` without the spaces it ends with, as far as they run past `width`.

    As rich's `Text.rstrip_end`, which counts characters, not cells: a line with a
    combining mark loses trailing spaces that would have fit, and one with a wide
    character may keep spaces that do not; rich then crops it to the width.
    """
    excess = len(line) - width
    if excess > 0:
        match = _TRAILING_SPACE_RE.search(line)
        if match:
            cut = min(len(match.group()), excess)
            kept = line[: len(line) - cut]
            line, size = kept, size - cell_width(line[len(kept) :])
    return _crop(line, width) if size > width else (line, size)


def _crop(line: str, width: int) -> Line:
    """`line` cut to `width` cells; a wide character across the edge becomes a space."""
    used = 0
    for index, char in enumerate(line):
        size = _char_width(char)
        if used + size > width:
            return line[:index] + " " * (width - used), width
        used += size
    return line, used
