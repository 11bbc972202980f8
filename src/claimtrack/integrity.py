"""`claimtrack check`: every integrity problem in a store, one per record and problem.

Reads only. The file is parsed twice: by the store's own reader (a damaged file is
an error, as for every command) and by the standard json module with an
``object_pairs_hook``, which sees what a dict cannot hold: keys that appear twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack.checks import is_date
from claimtrack.errors import InputError, StoreError
from claimtrack.fields import CLAIM_SPEC, REFERENCES, stored_problem
from claimtrack.model import (
    CLAIM_FIELDS,
    SINGULAR,
    VOCAB_FIELDS,
    VOCAB_SHAPES,
    check_slug,
    check_text,
)
from claimtrack.store import META_TABLE, Store, read_store
from claimtrack.textmatch import fold
from claimtrack.validation import history_entry_problems, salvage

RECORD_FIELDS = {
    **VOCAB_FIELDS,
    "claims": CLAIM_FIELDS,
}
_LABELS = {**SINGULAR, "history": "history entry"}
# The claims' own rules come from `fields.CLAIM_SPEC`; the vocabularies' from
# `model.VOCAB_SHAPES`: which fields are text (and whether required), which lists.
TEXT_FIELDS = {
    table: {name: kind == "text" for name, kind in shape if kind in ("text", "text?")}
    for table, shape in VOCAB_SHAPES.items()
}
LIST_FIELDS = {
    name for shape in VOCAB_SHAPES.values() for name, kind in shape if kind in ("list", "sides")
}


@dataclass(frozen=True)
class Problem:
    table: str
    key: str
    message: str

    def __str__(self) -> str:
        label = _LABELS.get(self.table, f"{self.table} record")
        return f"{label} {self.key}: {self.message}" if self.key else self.message


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: list[str]


def _object_with_duplicates(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def check_store(path: Path) -> tuple[Store, list[Problem]]:
    """The store at `path` and its problems, in table, key and field order."""
    # Files that are not JSON stores: StoreError, as for every other command.
    store = read_store(path, whole=False)
    try:
        raw = json.loads(path.read_bytes(), object_pairs_hook=_object_with_duplicates)
    except RecursionError:
        raise StoreError(f"{path} is nested too deeply to check") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path} again to check it ({exc})") from None
    problems = list(_duplicates(raw))
    for table in RECORD_FIELDS:
        for key in sorted(store.keys(table)):
            record = store.get(table, key)
            assert record is not None
            found = _record_problems(store, table, key, record)
            problems += [Problem(table, key, message) for message in found]
    for key, entry in sorted(store.data.get("history", {}).items()):
        problems += [Problem("history", key, m) for m in history_entry_problems(entry)]
    order = {name: index for index, name in enumerate(["", *RECORD_FIELDS, "history"])}
    problems.sort(key=lambda p: (order.get(p.table, len(order)), p.key))  # stable
    return store, problems


def salvaged_store(path: Path) -> tuple[Store, list[str]]:
    """The store at `path` without the records that are not whole, and those left out."""
    damaged = read_store(path, whole=False)
    data, dropped = salvage(damaged.data)
    return Store(path, data), dropped


def _duplicates(raw: _Object) -> Iterator[Problem]:
    for name in raw.duplicates:
        yield Problem("", "", f"table '{name}' appears more than once; only the last is read")
    for table, records in raw.items():
        if not isinstance(records, _Object):
            continue
        for key in dict.fromkeys(records.duplicates):
            count = records.duplicates.count(key) + 1
            what = "id" if table == "claims" else "key"
            yield Problem(table, key, f"duplicate {what}: {count} records share it")
        if table == META_TABLE:
            continue
        for key, record in records.items():
            if isinstance(record, _Object):
                for name in dict.fromkeys(record.duplicates):
                    yield Problem(table, key, f"field '{name}' appears more than once")


def _record_problems(store: Store, table: str, key: str, record: dict[str, Any]) -> Iterator[str]:
    fields = RECORD_FIELDS[table]
    missing = [name for name in fields if name not in record]
    if missing:
        yield f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    own_key = "id" if table == "claims" else "slug"
    if own_key in record and record[own_key] != key:
        yield f"{own_key} '{record[own_key]}' differs from its key '{key}'"
    if table == "claims":
        yield from _claim_problems(store, key, record)
        return
    yield from _slug_problems(key, table)
    for name, required in TEXT_FIELDS[table].items():
        if name in record:
            yield from _text_problems(name, record[name], required)
    for name in LIST_FIELDS & set(fields) & set(record):
        value = record[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            yield f"{name} should be a list of texts, not {_show(value)}"
    if table == "rounds":
        yield from _round_problems(store, record)
    if table == "people" and "side" in record:
        yield from _person_side_problems(store, record["side"])
    yield from _alias_problems(store, table, key, record)


def _slug_problems(key: str, table: str) -> Iterator[str]:
    try:
        check_slug(key, SINGULAR[table])
    except InputError:
        yield f"'{key}' is not a valid slug"


def _text_problems(name: str, value: Any, required: bool) -> Iterator[str]:
    if value is None:
        if required:
            yield f"{name} is empty"
        return
    if not isinstance(value, str):
        yield f"{name} should be text, not {_show(value)}"
        return
    try:
        check_text(value, name, required=required)
    except InputError as exc:
        yield exc.message


def _list_or_empty(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _alias_problems(store: Store, table: str, key: str, record: dict[str, Any]) -> Iterator[str]:
    aliases = record.get("aliases")
    if not isinstance(aliases, list):
        return
    for other in sorted(store.keys(table) - {key}):
        entry = store.get(table, other)  # may be damaged: any JSON value
        others = _list_or_empty(entry.get("aliases") if isinstance(entry, dict) else None)
        taken = {fold(n) for n in [other, *others] if isinstance(n, str)}
        for alias in aliases:
            if isinstance(alias, str) and fold(alias) in taken:
                yield f"alias '{alias}' also names {SINGULAR[table]} '{other}'"


def _person_side_problems(store: Store, side: Any) -> Iterator[str]:
    if isinstance(side, str):
        yield from _unknown(store, "sides", "side", [side])
    else:
        yield from _text_problems("side", side, required=True)


def _round_problems(store: Store, record: dict[str, Any]) -> Iterator[str]:
    yield from _date_problems(record, "date", required=True)
    yield from _date_problems(record, "end", required=False)
    start, end = record.get("date"), record.get("end")
    if is_date(start) and is_date(end) and str(end) < str(start):
        yield f"ends ({end}) before it starts ({start})"
    yield from _unknown(store, "sides", "side", record.get("parties"), label="party")


def _claim_problems(store: Store, key: str, claim: dict[str, Any]) -> Iterator[str]:
    """Each field's problem, in field order: its shape, else what it refers to."""
    for spec in CLAIM_SPEC:
        if spec.name not in claim:
            continue  # reported as a missing field
        value = claim[spec.name]
        problem = stored_problem(spec, value)
        if problem:
            yield problem
            continue
        table = REFERENCES.get(spec.type)
        if table is None or value is None:
            continue
        if spec.name == "responds_to" and value == key:
            yield "responds to itself"
            continue
        for item in value if spec.many else [value]:
            if store.get(table, item) is None:
                yield _unknown_reference(spec.name, spec.type, item)


def _unknown_reference(name: str, what: str, value: str) -> str:
    if what == "claim":
        return f"{name} names claim {_show(value)}, which does not exist"
    return f"{name} names unknown {what} {_show(value)}"


def _unknown(
    store: Store, table: str, what: str, values: Any, *, label: str | None = None
) -> Iterator[str]:
    if not isinstance(values, list):
        return
    for value in values:
        if value is None:
            continue
        if not isinstance(value, str) or store.get(table, value) is None:
            yield f"{label or what} names unknown {what} {_show(value)}"


def _date_problems(record: dict[str, Any], name: str, *, required: bool) -> Iterator[str]:
    if name not in record:
        return  # reported as a missing field
    value = record[name]
    if value is None:
        if required:
            yield f"{name} is empty"
        return
    if not is_date(value):
        yield f"{name} {_show(value)} is not a date (YYYY-MM-DD)"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:59] + "…")
    return json.dumps(value, ensure_ascii=False)[:60]
