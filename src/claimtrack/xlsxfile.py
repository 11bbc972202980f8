"""The store as an Excel workbook (openpyxl, the optional extra `claimtrack[xlsx]`).

Sheets `claims`, `sides`, `topics`, `rounds` and `people`, each with a bold header row, frozen
panes (the header, and on `claims` the id column too) and filters. Cells are what a
spreadsheet user expects: dates are dates, true/false are booleans, lists are joined
with ", ", and text is always text (a cell beginning with `=` is never a formula).
Cells in Arabic script (or Hebrew) read right to left.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any, Final

from claimtrack.errors import InputError
from claimtrack.model import CLAIM_FIELDS, VOCAB_FIELDS

Record = dict[str, Any]

DATE_FIELDS: Final = frozenset({"date", "published", "end"})
# Columns wide enough to read a sentence, wrapped; the rest as wide as their content.
WIDE_FIELDS: Final = frozenset({"text", "translation", "note", "description"})
_WIDE = 60
_NARROW_LIMIT = 30
_RTL_RE: Final = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
)
# What the xlsx format cannot hold (C0 controls but tab, newline, carriage return).
_ILLEGAL_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
MISSING_EXTRA: Final = (
    "xlsx export needs openpyxl, which is not installed",
    "Install it with: pip install 'claimtrack[xlsx]'",
)


def xlsx_bytes(vocabulary: dict[str, list[Record]], claims: list[Record]) -> bytes:
    """The workbook of `claims` and `vocabulary` (sides, topics, rounds, people)."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise InputError(*MISSING_EXTRA) from None
    workbook = Workbook()
    sheets = [("claims", CLAIM_FIELDS, claims)]
    sheets += [(table, fields, vocabulary[table]) for table, fields in VOCAB_FIELDS.items()]
    for index, (title, fields, records) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        _fill(sheet, fields, records, frozen="B2" if title == "claims" else "A2")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def cell_value(name: str, value: Any) -> Any:
    """A field's value as a spreadsheet cell holds it."""
    if value is None:
        return None
    if isinstance(value, list):
        return _legal(", ".join(str(item) for item in value))
    if isinstance(value, bool):
        return value
    if name in DATE_FIELDS and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return _legal(str(value))


def _legal(text: str) -> str:
    return _ILLEGAL_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _fill(sheet: Any, fields: Sequence[str], records: list[Record], *, frozen: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(fields))
    for header in sheet[1]:
        header.font = Font(bold=True)
    right_to_left = Alignment(readingOrder=2, horizontal="right", wrap_text=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    widths = [len(name) for name in fields]
    for row, record in enumerate(records, start=2):
        for column, name in enumerate(fields, start=1):
            value = cell_value(name, record.get(name))
            target = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, str):
                target.data_type = "s"  # text, even when it begins with "="
                if _RTL_RE.search(value):
                    target.alignment = right_to_left
                elif name in WIDE_FIELDS:
                    target.alignment = wrapped
                widths[column - 1] = max(widths[column - 1], len(value))
            elif isinstance(value, dt.date):
                target.number_format = "yyyy-mm-dd"
                widths[column - 1] = max(widths[column - 1], 10)
    for column, (name, width) in enumerate(zip(fields, widths, strict=True), start=1):
        limit = _WIDE if name in WIDE_FIELDS else _NARROW_LIMIT
        sheet.column_dimensions[get_column_letter(column)].width = min(width, limit) + 2
    sheet.freeze_panes = frozen
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{max(len(records) + 1, 1)}"
