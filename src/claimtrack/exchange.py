"""Files in and out: the json dump, jsonl and csv of claims, read back without loss.

Export and import are each other's inverse: a file exported here and imported into an
empty store exports again byte for byte. `importing.py` validates and applies what
`parse` reads; this module only turns bytes into records and records into bytes.

csv is written and read by the conventions of `csvfile.py` (quoting, lists,
spreadsheet safety), the same as `list --format csv`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Final

import orjson

from claimtrack.claims import sort_claims
from claimtrack.csvfile import split_list, unprotect, write_csv
from claimtrack.errors import InputError
from claimtrack.fields import CLAIM_FIELDS, DEFAULTED_FIELDS, LIST_FIELDS
from claimtrack.migrations import upgrade_claim
from claimtrack.model import DATA_TABLES, SCHEMA_VERSION, VOCAB_TABLES
from claimtrack.plover import plover_jsonl
from claimtrack.store import Store
from claimtrack.vocab import BY_TABLE, PEOPLE, ROUNDS, SIDES, TOPICS, entries

EXPORT_FORMATS: Final = ("json", "jsonl", "csv", "tsv", "md", "xlsx", "sqlite", "plover")
# Formats that are not text: written to a file, or to stdout only when it is not a terminal.
BINARY_FORMATS: Final = frozenset({"xlsx", "sqlite"})
IMPORT_FORMATS: Final = ("json", "jsonl", "csv")
DUMP_KEYS: Final = ("schema_version", *DATA_TABLES)
# Schema version 1's claim fields, which files written then still carry; an import
# reads them as `migrations.upgrade_claim` says.
OLD_CLAIM_FIELDS: Final = ("topic", "verbatim")

_EXTENSIONS: Final = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
EXPORT_EXTENSIONS: Final = {
    **_EXTENSIONS,
    ".tsv": "tsv",
    ".md": "md",
    ".xlsx": "xlsx",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
# A format written in a file whose extension names another: plover events are jsonl.
_ALSO_WRITTEN_AS: Final = {"plover": "jsonl"}

_WHERE_RE: Final = re.compile(r"(?:line (\d+))|(?:(\w*)\[(\d+)\])")

Record = dict[str, Any]


def format_for(filename: str) -> str | None:
    """The format a file name's extension implies, if any."""
    lowered = filename.lower()
    for extension, fmt in _EXTENSIONS.items():
        if lowered.endswith(extension):
            return fmt
    return None


def export_format(fmt: str | None, output: str | None) -> str:
    """The format to export: --format, else the extension of --output; json if neither.

    An extension export does not know, or one naming another format than --format,
    is an error rather than a file whose name says something else than its content.
    """
    fmt = fmt.lower() if fmt else None
    if output is None:
        return fmt or "json"
    suffix = PurePath(output).suffix.lower()
    implied = EXPORT_EXTENSIONS.get(suffix)
    known = " ".join(EXPORT_EXTENSIONS)
    if suffix and implied is None:
        raise InputError(
            f"export does not know the extension '{suffix}' of {output}",
            f"Name the file with one of: {known}",
        )
    if fmt is None:
        return implied or "json"
    if implied is not None and implied not in (fmt, _ALSO_WRITTEN_AS.get(fmt)):
        raise InputError(
            f"--format {fmt} contradicts the extension '{suffix}' of {output} ({implied})",
            "Drop --format, or name the file for the format",
        )
    return fmt


# --- export --------------------------------------------------------------------------


def dump(store: Store, claims: list[Record] | None = None) -> bytes:
    """The json dump: every claim and vocabulary entry, or `claims` and the entries they use."""
    if claims is None:
        payload: Record = {**every_entry(store), "claims": sort_claims(store.records("claims"))}
    else:
        payload = {**used_vocabulary(store, claims), "claims": sort_claims(claims)}
    payload["schema_version"] = store.schema_version
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def every_entry(store: Store) -> dict[str, list[Record]]:
    """Every vocabulary's entries, table by table (see `vocab.entries` for their order)."""
    return {table: entries(store, BY_TABLE[table]) for table in VOCAB_TABLES}


def used_vocabulary(store: Store, claims: Iterable[Record]) -> dict[str, list[Record]]:
    """The sides, topics and rounds `claims` refer to, with the parties of those rounds,
    and the people who speak in them, with their sides."""
    sides: set[str] = set()
    topics: set[str] = set()
    rounds: set[str] = set()
    speakers: set[str] = set()
    for claim in claims:
        if claim["speaker"]:
            speakers.add(claim["speaker"])
        sides.add(claim["side"])
        sides.update(claim["to"])
        topics.update(claim["topics"])
        if claim["round"]:
            rounds.add(claim["round"])
    used_rounds = [r for r in entries(store, ROUNDS) if r["slug"] in rounds]
    for record in used_rounds:
        sides.update(record["parties"])
    people = [p for p in entries(store, PEOPLE) if p["name"] in speakers]
    sides.update(person["side"] for person in people)
    return {
        "sides": [s for s in entries(store, SIDES) if s["slug"] in sides],
        "topics": [t for t in entries(store, TOPICS) if t["slug"] in topics],
        "rounds": used_rounds,
        "people": people,
    }


def jsonl(claims: list[Record]) -> bytes:
    option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return b"".join(orjson.dumps(claim, option=option) for claim in sort_claims(claims))


def csv_bytes(claims: list[Record]) -> bytes:
    rows = ([claim.get(name) for name in CLAIM_FIELDS] for claim in sort_claims(claims))
    return write_csv(CLAIM_FIELDS, rows).encode("utf-8")


# --- parsing files -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an import file: where (line or index), which field, what."""

    where: str
    field: str | None
    message: str
    # The record names a side, topic or round the store lacks (--add-missing may help).
    missing_entry: bool = False

    def __str__(self) -> str:
        if self.field:
            return f"{self.where}: {self.field}: {self.message}"
        return f"{self.where}: {self.message}"

    def order(self) -> tuple[int, int]:
        """A sort key for file order: by line, or by section and index; the rest first."""
        match = _WHERE_RE.fullmatch(self.where)
        if match is None:
            return (-1, 0)
        if match.group(1):
            return (0, int(match.group(1)))
        return (("", *DATA_TABLES).index(match.group(2)), int(match.group(3)))


@dataclass
class Item:
    """One record read from a file, before validation; `given` are the fields it sets."""

    where: str
    record: Record
    given: frozenset[str]


@dataclass
class Incoming:
    sides: list[Item] = field(default_factory=list)
    topics: list[Item] = field(default_factory=list)
    rounds: list[Item] = field(default_factory=list)
    people: list[Item] = field(default_factory=list)
    claims: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # A json dump carries sides, topics, rounds and people; csv, jsonl and a json list
    # do not.
    has_vocabulary: bool = False

    def __len__(self) -> int:
        return sum(len(getattr(self, table)) for table in DATA_TABLES)


def parse(data: bytes, fmt: str) -> Incoming:
    """Read an import file; what cannot even be read becomes a problem, not an exception."""
    incoming = Incoming()
    if data.startswith(codecs.BOM_UTF8):  # spreadsheets like to write one
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        incoming.problems.append(
            Problem(f"byte {exc.start + 1}", None, "not UTF-8 text; save the file as UTF-8")
        )
        return incoming
    {"json": _parse_json, "jsonl": _parse_jsonl, "csv": _parse_csv}[fmt](text, incoming)
    for index, item in enumerate(incoming.claims):
        if not item.given.isdisjoint(OLD_CLAIM_FIELDS):
            record = upgrade_claim(dict(item.record))
            incoming.claims[index] = Item(item.where, record, frozenset(record))
    return incoming


def _object_item(where: str, value: Any, incoming: Incoming) -> Item | None:
    if not isinstance(value, dict):
        incoming.problems.append(Problem(where, None, "not a JSON object"))
        return None
    return Item(where, value, frozenset(value))


def _parse_json(text: str, incoming: Incoming) -> None:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        incoming.problems.append(Problem("file", None, f"not valid JSON ({exc})"))
        return
    if isinstance(data, list):  # what `claimtrack list --format json` writes
        _add_items(incoming.claims, "", data, incoming)
        return
    if not isinstance(data, dict):
        incoming.problems.append(Problem("file", None, "not a claimtrack dump or list of claims"))
        return
    incoming.has_vocabulary = True
    for key in data:
        if key not in DUMP_KEYS:
            incoming.problems.append(Problem(key, None, "unknown key in a claimtrack dump"))
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > SCHEMA_VERSION:
        incoming.problems.append(
            Problem(
                "schema_version",
                None,
                f"{version!r} is not a schema version this claimtrack reads "
                f"(up to {SCHEMA_VERSION})",
            )
        )
    for key in DATA_TABLES:
        values = data.get(key, [])
        if not isinstance(values, list):
            incoming.problems.append(Problem(key, None, "not a list"))
            continue
        _add_items(getattr(incoming, key), key, values, incoming)


def _add_items(target: list[Item], prefix: str, values: list[Any], incoming: Incoming) -> None:
    for index, value in enumerate(values):
        item = _object_item(f"{prefix}[{index}]", value, incoming)
        if item is not None:
            target.append(item)


def _parse_jsonl(text: str, incoming: Incoming) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            incoming.problems.append(Problem(f"line {number}", None, f"not valid JSON ({exc})"))
            continue
        item = _object_item(f"line {number}", value, incoming)
        if item is not None:
            incoming.claims.append(item)


def _parse_csv(text: str, incoming: Incoming) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = _check_header(header, incoming)
        start = reader.line_num + 1
        for row in reader:
            where, start = f"line {start}", reader.line_num + 1
            if not row:
                continue
            if len(row) != len(header):
                message = f"has {len(row)} cells; the header has {len(header)}"
                incoming.problems.append(Problem(where, None, message))
                continue
            incoming.claims.append(_csv_item(where, columns, row))
    except csv.Error as exc:
        incoming.problems.append(Problem(f"line {reader.line_num}", None, f"bad csv ({exc})"))


def _check_header(header: list[str], incoming: Incoming) -> list[str]:
    columns = [unprotect(name).strip() for name in header]
    for name in columns:
        if name not in CLAIM_FIELDS and name not in OLD_CLAIM_FIELDS:
            incoming.problems.append(Problem("line 1", None, f"unknown column '{name}'"))
        elif columns.count(name) > 1:
            incoming.problems.append(Problem("line 1", None, f"column '{name}' appears twice"))
    return columns


def _csv_item(where: str, columns: list[str], row: list[str]) -> Item:
    """Cells to json-like values: lists split, booleans read, empty cells to null."""
    record: Record = {}
    for name, raw in zip(columns, row, strict=True):
        cell = unprotect(raw)
        known = name in CLAIM_FIELDS or name in OLD_CLAIM_FIELDS
        if not known or (name in DEFAULTED_FIELDS and cell == ""):
            # An unknown column was reported once, for the header; not again per row.
            continue
        if name in LIST_FIELDS:
            record[name] = split_list(cell)
        elif name == "verbatim":
            record[name] = _csv_bool(cell)
        else:
            record[name] = cell or None
    return Item(where, record, frozenset(record))


def _csv_bool(cell: str) -> bool | str:
    # An unreadable value stays a string, and validation names it.
    return {"true": True, "false": False}.get(cell.strip().lower(), cell)


def export_bytes(store: Store, fmt: str, claims: list[Record] | None) -> bytes:
    """`claims` None means all of them (and, for json, the full dump).

    tsv and md are list's formats, which the command renders itself.
    """
    if fmt == "json":
        return dump(store, claims)
    every = store.records("claims") if claims is None else claims
    if fmt == "jsonl":
        return jsonl(every)
    if fmt == "csv":
        return csv_bytes(every)
    if fmt == "plover":
        return plover_jsonl(store, every)
    if fmt in BINARY_FORMATS:
        return _binary(store, fmt, claims, sort_claims(every))
    raise InputError(f"unknown export format '{fmt}'", f"Use one of: {', '.join(EXPORT_FORMATS)}")


def _binary(store: Store, fmt: str, claims: list[Record] | None, every: list[Record]) -> bytes:
    """The xlsx or sqlite file: every entry, or with a filter the entries the claims use."""
    vocabulary = every_entry(store) if claims is None else used_vocabulary(store, claims)
    if fmt == "xlsx":
        from claimtrack.xlsxfile import xlsx_bytes

        return xlsx_bytes(vocabulary, every)
    from claimtrack.sqlitefile import sqlite_bytes

    return sqlite_bytes(vocabulary, every, store.schema_version)
