"""csv as claimtrack writes it, for `list --format csv` and `export` alike, and reads it back.

Three conventions, all documented in the README:

- Quoting: a cell holding a comma, a quote, a newline or a carriage return is quoted,
  so a bare CR never splits a record in the reader (Python's csv module, told to end
  lines with "\\n", would leave a lone "\\r" unquoted).
- Lists (`to`, `tags`, ...) are joined with ", "; a comma or backslash inside an item
  is written `\\,` or `\\\\`, so a tag such as "Minsk II, 2015" survives the trip.
- Spreadsheet safety: a cell that begins, after any spaces, with `=`, `+`, `-`, `@`, a
  tab or a carriage return gets a leading `'`, and import removes exactly that `'`
  again. So that a cell which really begins with `'` followed by such a character
  also survives, it gets one more `'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "encode_cell",
    "protect",
    "scalar_text",
    "split_list",
    "spreadsheet_safe",
    "unprotect",
    "write_csv",
]

_SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Prefix a `'` to a cell a spreadsheet would run as a formula."""
    if text.lstrip(" ").startswith(_SPREADSHEET_TRIGGERS):
        return "'" + text
    return text


def _would_trigger(text: str) -> bool:
    """Whether `text` gets a `'` from `protect`; `'` followed by a trigger counts as one."""
    rest = text.lstrip("'")
    return spreadsheet_safe(rest) != rest


def protect(text: str) -> str:
    """The cell as written: a `'` before a formula start (or before `'`s and one)."""
    return "'" + text if _would_trigger(text) else text


def unprotect(text: str) -> str:
    """Undo `protect`: drop one `'` only where the rest would have earned it."""
    if text.startswith("'") and _would_trigger(text[1:]):
        return text[1:]
    return text


def scalar_text(value: Any) -> str:
    """A single value as text: None empty, booleans as json writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def encode_cell(value: Any) -> str:
    """A field's value as one csv cell: lists joined (items escaped), None empty."""
    if isinstance(value, list):
        items = (item if isinstance(item, str) else encode_cell(item) for item in value)
        return ", ".join(item.replace("\\", "\\\\").replace(",", "\\,") for item in items)
    return scalar_text(value)


def split_list(cell: str) -> list[str]:
    """Items of a csv list cell: split on unescaped commas, `\\,` and `\\\\` unescaped."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            if following in (",", "\\"):
                current.append(following)
            else:
                current.append(char + following)
        elif char == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


class _Lines:
    """A file for csv.writer that turns each record's "\\r\\n" ending into "\\n".

    The writer quotes every cell holding a character of its line terminator, so with
    "\\r\\n" both CR and LF are quoted; csv.writer writes each record in one call,
    so the terminator is always the last two characters of what it hands over.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, line: str) -> int:
        self.lines.append(line[:-2] + "\n")
        return len(line)


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]], *, guard: bool = True) -> str:
    """The csv text of `header` and `rows` of field values, one line per record.

    `guard` protects formula starts (see `protect`); without it cells are as given.
    """
    import csv  # here, so that commands writing other formats do not pay for it

    sink = _Lines()
    writer = csv.writer(sink, lineterminator="\r\n")
    convert = protect if guard else str
    writer.writerow([convert(name) for name in header])
    for row in rows:
        writer.writerow([convert(encode_cell(value)) for value in row])
    return "".join(sink.lines)
