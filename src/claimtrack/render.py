"""Output formats: pure functions from rows to text, or to a rich renderable for tables.

Text from the store is data, never code: it reaches rich only as `Text` objects
(no markup, no emoji codes, no highlighting), and every character a terminal could
act on is shown as a visible token such as ``<U+202E>`` in table, tsv and md output.
json, jsonl and csv keep the exact characters. rich is imported only for tables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from claimtrack.csvfile import scalar_text, write_csv  # the one csv writer, export's too

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from claimtrack.tables import Fit, TableView, ViewColumn

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "md", "ids")

Record = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column of tables and md: a header, the field it shows, an optional line under it."""

    header: str
    key: str
    under: str | None = None  # e.g. the translation, shown dimmed under the text
    under_prefix: str = ""
    no_wrap: bool = False  # ids, dates, slugs, kinds: never wrapped (see tables.py)
    ratio: int | None = None  # long text: takes the width the other columns leave
    drop: int = 0  # when the text is short of room: 0 never left out, else highest first


@dataclass
class Listing:
    """What a command shows: the records, and how each format lays them out."""

    records: list[Record]
    fields: Sequence[str]  # tsv and csv columns, in order: every field, nothing cut
    columns: Sequence[Column]  # table and md columns: what a reader needs
    title: str | None = None
    id_key: str = "id"
    caption: str | None = None
    # What json and jsonl write instead of the records, when a command has more to say
    # (a claim with its responses, a diff's nested rows).
    json: Any = None
    jsonl: list[Record] | None = None
    # The table format's parts, for a width, instead of a table of `columns`: table
    # views (tables.TableView) and other rich renderables, printed in order.
    view: Callable[[int], Sequence[Any]] | None = None


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
    if isinstance(value, list):
        try:
            return ", ".join(value)  # a list of strings, nearly always
        except TypeError:
            return ", ".join(cell_text(v) for v in value)
    return scalar_text(value)


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


# Records per orjson call for a json array: one 13 MB buffer (10,000 claims) costs a
# quarter more in fresh memory than twenty reused smaller ones.
JSON_CHUNK = 500


def render_json(listing: Listing, **_: Any) -> bytes | Iterator[bytes]:
    if listing.json is not None:
        return orjson.dumps(listing.json, option=_JSON_OPTIONS)
    return json_array(listing.records)


def json_array(records: list[Record]) -> Iterator[bytes]:
    """`records` as a json array, byte for byte what one `orjson.dumps` call writes,
    made `JSON_CHUNK` records at a time."""
    if not records:
        yield orjson.dumps(records, option=_JSON_OPTIONS)
        return
    options = _JSON_OPTIONS & ~orjson.OPT_APPEND_NEWLINE
    yield b"[\n"
    for start in range(0, len(records), JSON_CHUNK):
        chunk = orjson.dumps(records[start : start + JSON_CHUNK], option=options)
        # Each chunk without its own "[\n" and "\n]"; between chunks, the comma.
        yield (b",\n" if start else b"") + chunk[2:-2]
    yield b"\n]\n"


def render_json_object(record: Record) -> bytes:
    """One record as a json object, for commands that show a single thing."""
    return orjson.dumps(record, option=_JSON_OPTIONS)


def render_jsonl(listing: Listing, **_: Any) -> bytes:
    options = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    records = listing.records if listing.jsonl is None else listing.jsonl
    return b"".join([orjson.dumps(r, option=options) for r in records])


def render_tsv(listing: Listing, **_: Any) -> str:
    lines = ["\t".join(listing.fields)]
    lines += ["\t".join(tsv_cell(r.get(f)) for f in listing.fields) for r in listing.records]
    return "\n".join(lines) + "\n"


def render_csv(listing: Listing, *, raw: bool = False, **_: Any) -> str:
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


def table_view(listing: Listing) -> TableView:
    """The listing's columns as a table view: no_wrap whole, ratio text, others words."""
    from claimtrack.tables import TableView

    return TableView(
        [_view_column(c) for c in listing.columns],
        listing.records,
        title=visible(listing.title) if listing.title else None,
        notes=[visible(listing.caption)] if listing.caption else [],
    )


def _view_column(column: Column) -> ViewColumn:
    from claimtrack.tables import ViewColumn

    def texts(records: Sequence[Record]) -> Iterable[str]:
        key, under = column.key, column.under
        # Nearly every value is a string already: cell_text only for the others.
        shown = {v if type(v) is str else cell_text(v) for v in (r.get(key) for r in records)}
        if under:
            unders = {
                v if type(v) is str else cell_text(v) for v in (r.get(under) for r in records)
            }
            shown |= {column.under_prefix + text for text in unders if text}
        return all_visible(list(shown))

    def cell(record: Record) -> Text:
        from rich.text import Text

        text = Text(visible(cell_text(record.get(column.key)), keep_newlines=True))
        if column.under and record.get(column.under):
            under = column.under_prefix + cell_text(record[column.under])
            text.append("\n")
            text.append(visible(under, keep_newlines=True), "dim")
        return text

    fit: Fit = "whole" if column.no_wrap else "text" if column.ratio else "words"
    return ViewColumn(column.header, fit, cell, texts, drop=column.drop)


def table_parts(listing: Listing, console: Console) -> Iterator[RenderableType]:
    """What the table format draws, piece by piece, laid out for `console`'s width."""
    from claimtrack.tables import TableView, pieces

    parts = listing.view(console.width) if listing.view else [table_view(listing)]
    for part in parts:
        if isinstance(part, TableView):
            yield from pieces(part, console)
        else:
            yield part


def render_table(listing: Listing, *, console: Console | None = None, **_: Any) -> Iterator[str]:
    """The table as pieces of text, each drawn by rich only when it is wanted."""
    if console is None:
        console = plain_console(80)
    for renderable in table_parts(listing, console):
        with console.capture() as captured:
            console.print(renderable)
        yield captured.get()


def plain_console(width: int) -> Console:
    """A console that draws for no terminal: no colour, no styles, `width` columns."""
    import io

    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        force_terminal=False,
        markup=False,
        emoji=False,
        highlight=False,
    )


RENDERERS: dict[str, Callable[..., str | bytes | Iterator[str] | Iterator[bytes]]] = {
    "table": render_table,
    "tsv": render_tsv,
    "csv": render_csv,
    "json": render_json,
    "jsonl": render_jsonl,
    "md": render_md,
    "ids": render_ids,
}


def render(
    listing: Listing, fmt: str, *, raw: bool = False, console: Console | None = None
) -> Iterator[bytes]:
    """`listing` in `fmt`, as UTF-8 pieces to write one after the other.

    Every format is bytes, so that one writer serves them all; json and jsonl are
    bytes from the start (decoding 130 MiB of json only to encode it again costs
    half a second at 100,000 claims), the table comes a chunk of rows at a time.
    """
    output = RENDERERS[fmt](listing, raw=raw, console=console)
    if isinstance(output, bytes):
        yield output
    elif isinstance(output, str):
        yield output.encode("utf-8", "backslashreplace")
    else:
        for piece in output:
            yield piece if isinstance(piece, bytes) else piece.encode("utf-8", "backslashreplace")


def rendered_text(listing: Listing, fmt: str, **options: Any) -> str:
    """`render` joined and decoded: for tests and small outputs."""
    return b"".join(render(listing, fmt, **options)).decode("utf-8")
