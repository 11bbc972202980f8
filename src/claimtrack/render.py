"""Output formats: pure functions from rows to text, or to a rich renderable for tables.

Text from the store is data, never code: it reaches rich only as `Text` objects
(no markup, no emoji codes, no highlighting), and every character a terminal could
act on is shown as a visible token such as ``<U+202E>`` in table, tsv and md output.
json, jsonl and csv keep the exact characters. rich is imported only for tables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from rich.console import RenderableType

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "md", "ids")

Record = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column of tables and md: a header, the field it shows, an optional line under it."""

    header: str
    key: str
    under: str | None = None  # e.g. the translation, shown dimmed under the text
    under_prefix: str = ""
    no_wrap: bool = False
    ratio: int | None = None
    max_width: int | None = None


@dataclass
class Listing:
    """What a command shows: the records, and how each format lays them out."""

    records: list[Record]
    fields: Sequence[str]  # tsv and csv columns, in order: every field, nothing cut
    columns: Sequence[Column]  # table and md columns: what a reader needs
    title: str | None = None
    id_key: str = "id"
    caption: str | None = None


# --- making text safe to show ---------------------------------------------------------

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _is_unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


# Precomputed for the Basic Multilingual Plane's hot spots; other characters are
# checked one by one only when the fast pattern finds something non-ASCII.
_UNSAFE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=1)
def _safe_text_re() -> re.Pattern[str]:
    """Text made only of characters known to be safe: ASCII left by `_UNSAFE_RE`, and
    the letters and punctuation of the scripts up to U+07FF (Latin, Greek, Cyrillic,
    Hebrew, Arabic...) and U+2010-U+21FF, read from unicodedata. Such text needs no
    pass character by character, the slow part for Arabic text."""
    ranges: list[list[int]] = []
    for code in (*range(0x80, 0x800), *range(0x2010, 0x2200)):
        if _is_unsafe(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[\\x00-\\x7f{body}]*")


def _token(char: str) -> str:
    return f"<U+{ord(char):04X}>"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control, format and invisible character shown as a token."""

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if keep_newlines and char == "\n":
            return char
        return _token(char)

    text = _UNSAFE_RE.sub(replace, text)
    if _NON_ASCII_RE.search(text) and not _safe_text_re().fullmatch(text):
        text = "".join(_token(c) if _is_unsafe(c) and c != "\n" else c for c in text)
    return text


def all_visible(texts: list[str]) -> list[str]:
    """`visible(text, keep_newlines=True)` of each text, in one pass when all are safe.

    A long table's cells are nearly always plain letters and punctuation; checking
    them joined costs one scan instead of a call per cell.
    """
    joined = "".join(texts)
    if not _UNSAFE_RE.search(joined) and (joined.isascii() or _safe_text_re().fullmatch(joined)):
        return texts
    return [visible(text, keep_newlines=True) for text in texts]


def cell_text(value: Any) -> str:
    """A field's value as plain text: lists joined by commas, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        try:
            return ", ".join(value)  # a list of strings, nearly always
        except TypeError:
            return ", ".join(cell_text(v) for v in value)
    return str(value)


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_cell(value: Any) -> str:
    """One record stays one line: tab, newline and backslash are escaped as in C."""
    return visible(cell_text(value).translate(_TSV_ESCAPES))


def md_cell(value: Any) -> str:
    text = visible(cell_text(value), keep_newlines=True)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


# --- the formats ---------------------------------------------------------------------


# json and jsonl are UTF-8 bytes, written to stdout as they are: decoding them to
# str, appending the newline and encoding them again would cost a pass and a copy
# of the whole output.
_JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def render_json(listing: Listing, **_: Any) -> bytes:
    return orjson.dumps(listing.records, option=_JSON_OPTIONS)


def render_json_object(record: Record) -> bytes:
    """One record as a json object, for commands that show a single thing."""
    return orjson.dumps(record, option=_JSON_OPTIONS)


def render_jsonl(listing: Listing, **_: Any) -> bytes:
    options = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return b"".join([orjson.dumps(r, option=options) for r in listing.records])


def render_tsv(listing: Listing, **_: Any) -> str:
    lines = ["\t".join(listing.fields)]
    lines += ["\t".join(tsv_cell(r.get(f)) for f in listing.fields) for r in listing.records]
    return "\n".join(lines) + "\n"


def render_csv(listing: Listing, *, raw: bool = False, **_: Any) -> str:
    from claimtrack.csvfile import write_csv  # the one csv writer, export's too

    rows = ([record.get(f) for f in listing.fields] for record in listing.records)
    return write_csv(listing.fields, rows, guard=not raw)


def render_md(listing: Listing, **_: Any) -> str:
    headers = [c.header for c in listing.columns]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for record in listing.records:
        cells = []
        for column in listing.columns:
            cell = md_cell(record.get(column.key))
            if column.under and record.get(column.under):
                cell += "<br>" + md_cell(column.under_prefix + cell_text(record[column.under]))
            cells.append(cell)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_ids(listing: Listing, **_: Any) -> str:
    return "".join(f"{visible(cell_text(r.get(listing.id_key)))}\n" for r in listing.records)


def column_caps(
    listing: Listing, width: int, naturals: Sequence[int] | None = None
) -> list[int | None]:
    """Caps for the columns beside a long-text one, so that it keeps at least half.

    rich shares space by natural width, which starves a text column beside a few
    medium ones on an 80-column terminal; capping the others keeps quotes readable.
    `naturals` are each column's `natural_width`, when the caller has them already.
    """
    columns = listing.columns
    if not any(c.ratio for c in columns):
        return [c.max_width for c in columns]
    if naturals is None:
        naturals = [natural_width(listing.records, c) for c in columns]
    natural = dict(zip((c.header for c in columns), naturals, strict=True))
    fixed = sum(natural[c.header] for c in columns if c.no_wrap)
    others = [c for c in columns if not c.no_wrap and not c.ratio]
    room = max(width - fixed - 3 * len(columns), 0)
    wanted = {c.header: min(natural[c.header], c.max_width or width) for c in others}
    budget = max(room - max(30, room // 2), 6 * len(others))
    if sum(wanted.values()) > budget:
        scale = budget / sum(wanted.values())
        wanted = {name: max(6, int(w * scale)) for name, w in wanted.items()}
    return [None if c.ratio else c.max_width if c.no_wrap else wanted[c.header] for c in columns]


def natural_width(records: Sequence[Record], column: Column) -> int:
    """The characters of `column`'s longest value (or line under it), or of its header."""
    mains = [cell_text(r.get(column.key)) for r in records]
    unders = [cell_text(r.get(column.under)) for r in records] if column.under else []
    return natural_width_of(column, mains, unders)


def natural_width_of(column: Column, mains: Sequence[str], unders: Sequence[str]) -> int:
    """`natural_width` from each record's text and under text (without the prefix)."""
    longest = max(map(len, mains), default=0)
    if unders:
        longest = max(longest, len(column.under_prefix) + max(map(len, unders)))
    return max(longest, len(column.header))


def render_table(listing: Listing, *, width: int = 80, **_: Any) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(visible(listing.title)) if listing.title else None,
        caption=Text(visible(listing.caption)) if listing.caption else None,
        box=box.SIMPLE_HEAD,
        # A column with a ratio (long text) takes the width the others leave.
        expand=any(c.ratio for c in listing.columns),
    )
    for column, max_width in zip(listing.columns, column_caps(listing, width), strict=True):
        table.add_column(
            column.header,
            no_wrap=column.no_wrap,
            overflow="fold",
            ratio=column.ratio,
            max_width=max_width,
        )
    for record in listing.records:
        cells = []
        for column in listing.columns:
            cell = Text(visible(cell_text(record.get(column.key)), keep_newlines=True))
            if column.under and record.get(column.under):
                under = column.under_prefix + cell_text(record[column.under])
                cell.append("\n")
                cell.append(visible(under, keep_newlines=True), "dim")
            cells.append(cell)
        table.add_row(*cells)
    return table


RENDERERS: dict[str, Callable[..., Any]] = {
    "table": render_table,
    "tsv": render_tsv,
    "csv": render_csv,
    "json": render_json,
    "jsonl": render_jsonl,
    "md": render_md,
    "ids": render_ids,
}


def render(listing: Listing, fmt: str, *, raw: bool = False, width: int = 80) -> Any:
    """Text for every format but json and jsonl (UTF-8 bytes) and `table` (a rich renderable)."""
    return RENDERERS[fmt](listing, raw=raw, width=width)
