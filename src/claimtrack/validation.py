"""The shape of a loaded store, checked once at load against `fields.CLAIM_SPEC`.

Every command relies on each record having its fields with the right types: a claim
whose `to` is 5 or whose text is a 900-deep list would otherwise crash `list`,
`export` or `gaps` half-way. So a store is checked as it is read, and a damaged one
is refused (exit 3) naming its first problems; `claimtrack check` lists them all
and `export --format json --salvage` rescues the records that are whole.

The check must cost reads almost nothing, so the common case, a healthy store, is
decided column by column with C-level loops (`map`, `isinstance`, sets of the few
distinct dates and kinds); only a store that fails is walked record by record to
say what is wrong. Values that cannot crash a command (a NUL in a note, an
unknown side) are left to `check`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, Final

from claimtrack.checks import KINDS, is_date
from claimtrack.errors import StoreError
from claimtrack.fields import CLAIM_FIELDS, CLAIM_SPEC, ClaimField, show
from claimtrack.model import SINGULAR, VOCAB_SHAPES

# How many problems the refusal names; `check` lists them all.
SHOWN_PROBLEMS: Final = 3

_KEYS: Final = frozenset(CLAIM_FIELDS)
# Fields whose values, not only their types, can break a command: analyses compute
# with dates and order by kind. Checked on a column's distinct values. (A bad
# `published` or `attribution` is only shown; `check` reports it.)
_DOMAINS: Final[dict[str, Callable[[str], bool]]] = {
    "date": is_date,
    "kind": frozenset(KINDS).__contains__,
}


# --- claims ----------------------------------------------------------------------------


def _is_str(values: Iterable[Any]) -> bool:
    return all(map(isinstance, values, itertools.repeat(str)))


def _column_ok(spec: ClaimField, column: Iterable[Any]) -> bool:
    """Whether every value of one field is of its shape (one claim's, in messages)."""
    column = list(column)
    if not all(map(_allowed_type(spec).__contains__, map(type, column))):
        return False
    return _values_ok(spec, column)


def _allowed_type(spec: ClaimField) -> frozenset[type]:
    if spec.many:
        return frozenset({list})
    return frozenset({str}) if spec.required else frozenset({str, type(None)})


_STORED_ORDER: Final = tuple(sorted(CLAIM_FIELDS))
_SPECS: Final = {spec.name: spec for spec in CLAIM_SPEC}
_STORED_ORDER_TYPES: Final = tuple(_allowed_type(_SPECS[name]) for name in _STORED_ORDER)


_LIST_NAMES: Final = tuple(spec.name for spec in CLAIM_SPEC if spec.many)
_REQUIRED_LIST_NAMES: Final = tuple(spec.name for spec in CLAIM_SPEC if spec.many and spec.required)
_DOMAIN_FIELDS: Final = tuple(_DOMAINS.items())


def _values_ok(spec: ClaimField, column: list[Any]) -> bool:
    """Given the types are right: list items are texts, dates and kinds are valid."""
    if spec.many:
        return _is_str(itertools.chain.from_iterable(column)) and (not spec.required or all(column))
    valid = _DOMAINS.get(spec.name)
    values = set(column) - {None}
    return valid is None or all(map(valid, values))


def _types_ok(types: tuple[type, ...]) -> bool:
    """Whether one claim's value types, in the stored (sorted) key order, fit the spec."""
    if len(types) != len(_STORED_ORDER):
        return False
    return all(map(frozenset.__contains__, _STORED_ORDER_TYPES, types))


def claims_look_whole(claims: dict[str, Any]) -> bool:
    """Whether every claim has every field in its shape; True for a healthy store.

    A store's claims share a few shapes (which fields are null), so the tuples of
    their value types are collected without a Python call per claim and each
    distinct one checked once, in the sorted key order the store is written in;
    then the few columns whose values matter (list items, dates, kinds) are
    checked on their distinct values. False may also mean "not sure" (keys in
    another order, extra fields): the caller then checks claim by claim.
    """
    records = claims.values()
    if not all(map(isinstance, records, itertools.repeat(dict))):
        return False
    if not all(map(operator.eq, map(dict.keys, records), itertools.repeat(_KEYS))):
        return False
    types = set(map(tuple, map(map, itertools.repeat(type), map(dict.values, records))))
    if not all(map(_types_ok, types)):
        return False
    lists = map(operator.itemgetter(*_LIST_NAMES), records)
    if not _is_str(itertools.chain.from_iterable(itertools.chain.from_iterable(lists))):
        return False
    return claim_values_look_right(records)


def claim_values_look_right(records: Collection[dict[str, Any]]) -> bool:
    """Given claims of the right shape: lists that may not be empty are not, and
    dates and kinds are valid (checked once per distinct value)."""
    for name in _REQUIRED_LIST_NAMES:
        if not all(map(operator.itemgetter(name), records)):
            return False
    for name, valid in _DOMAIN_FIELDS:
        values = set(map(operator.itemgetter(name), records))
        values.discard(None)
        if not all(map(valid, values)):
            return False
    return True


def claim_shape_problems(claim: Any) -> list[str]:
    """What would crash a command in one claim: missing fields, wrong shapes."""
    if not isinstance(claim, dict):
        return [f"is {show(claim)}, not a record"]
    missing = [name for name in CLAIM_FIELDS if name not in claim]
    problems = [f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}"]
    problems = problems if missing else []
    for spec in CLAIM_SPEC:
        if spec.name in claim and not _column_ok(spec, [claim[spec.name]]):
            problems.append(_shape_message(spec, claim[spec.name]))
    return problems


def _shape_message(spec: ClaimField, value: Any) -> str:
    from claimtrack.fields import stored_problem

    return stored_problem(spec, value) or f"{spec.name} {show(value)} is not valid"


# --- vocabularies and history ----------------------------------------------------------


def _vocab_value_ok(kind: str, value: Any) -> bool:
    if kind.endswith("?") and value is None:
        return True
    if kind in ("list", "sides"):
        return isinstance(value, list) and _is_str(value)
    if kind.startswith("date"):
        return is_date(value)
    return isinstance(value, str)


def entry_shape_problems(table: str, record: Any) -> list[str]:
    if not isinstance(record, dict):
        return [f"is {show(record)}, not a record"]
    problems = []
    for name, kind in VOCAB_SHAPES[table]:
        if name not in record:
            problems.append(f"missing field {name}")
        elif not _vocab_value_ok(kind, record[name]):
            problems.append(f"{name} {show(record[name])} is not valid")
    return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def history_entry_problems(entry: Any) -> list[str]:
    """What would stop `log`, `undo` or the next commit reading a history entry."""
    if not isinstance(entry, dict) or not entry:
        return [f"is {show(entry)}, not a history entry"]
    problems = []
    for name in ("id", "time", "operation"):
        if not isinstance(entry.get(name), str):
            problems.append(f"{name} {show(entry.get(name))} is not text")
    if "seq" in entry and not _is_int(entry["seq"]):
        problems.append(f"seq {show(entry['seq'])} is not a whole number")
    changes = entry.get("changes")
    if not isinstance(changes, list):
        problems.append(f"changes {show(changes)} is not a list of changes")
        return problems
    for index, change in enumerate(changes):
        if not (
            isinstance(change, dict)
            and isinstance(change.get("table"), str)
            and isinstance(change.get("key"), str)
            and all(isinstance(change.get(s), dict | None) for s in ("before", "after"))
        ):
            problems.append(f"change {index + 1} {show(change)} is not a change")
    return problems


# --- the whole store -------------------------------------------------------------------


_HEAD_FIELDS: Final = ("id", "time", "operation", "changes")
_CHANGE_FIELDS: Final = ("table", "key", "before", "after")
_NULL: Final = type(None)
_CHANGE_SHAPES: Final = frozenset(
    (str, str, before, after) for before in (dict, _NULL) for after in (dict, _NULL)
)


def history_looks_whole(history: dict[str, Any]) -> bool:
    """Whether every history entry reads as `history_entry_problems` wants; the same
    quick, column-wise way as `claims_look_whole`, and False when not sure."""
    entries = history.values()
    if not all(map(isinstance, entries, itertools.repeat(dict))):
        return False
    try:
        heads = _type_tuples(map(operator.itemgetter(*_HEAD_FIELDS), entries))
        if not heads <= {(str, str, str, list)}:
            return False
        seqs = set(map(type, map(operator.methodcaller("get", "seq", 0), entries)))
        changes = list(itertools.chain.from_iterable(map(operator.itemgetter("changes"), entries)))
        if not seqs <= {int} or not all(map(isinstance, changes, itertools.repeat(dict))):
            return False
        shapes = _type_tuples(map(operator.itemgetter(*_CHANGE_FIELDS), changes))
    except KeyError:
        return False
    return shapes <= _CHANGE_SHAPES


def _type_tuples(rows: Iterable[tuple[Any, ...]]) -> set[tuple[type, ...]]:
    """The distinct tuples of the types in `rows`, without a Python call per row."""
    return set(map(tuple, map(map, itertools.repeat(type), rows)))


def shape_problems(data: dict[str, Any], *, claims_typed: bool = False) -> Iterator[str]:
    """Every shape problem in a decoded store, as 'claim ID: problem' lines.

    `claims_typed`: the claims were decoded by `typeddecode`, which checked their
    shapes; only their values are left to check.
    """
    for table in VOCAB_SHAPES:
        for key, record in sorted(data.get(table, {}).items()):
            for problem in entry_shape_problems(table, record):
                yield f"{SINGULAR[table]} {key}: {problem}"
    claims = data.get("claims", {})
    whole = claim_values_look_right(claims.values()) if claims_typed else claims_look_whole(claims)
    if not whole:
        for key, claim in sorted(claims.items()):
            for problem in claim_shape_problems(claim):
                yield f"claim {key}: {problem}"
    history = data.get("history", {})
    if history_looks_whole(history):
        return
    for key, entry in sorted(history.items()):
        for problem in history_entry_problems(entry):
            yield f"history entry {key}: {problem}"


def refuse_damaged(data: dict[str, Any], path: object, *, claims_typed: bool = False) -> None:
    """Raise StoreError naming the first problems if `data` is not whole."""
    shapes = shape_problems(data, claims_typed=claims_typed)
    problems = list(itertools.islice(shapes, SHOWN_PROBLEMS + 1))
    if not problems:
        return
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    more = ", and more" if len(problems) > SHOWN_PROBLEMS else ""
    raise StoreError(
        f"{path} is damaged: {shown}{more}",
        f"See every problem with: claimtrack --db {path} check; "
        f"rescue the whole records with: claimtrack --db {path} export --format json --salvage",
    )


def salvage(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of `data` without the records that are not whole, and what was left out."""
    kept: dict[str, Any] = dict(data)
    dropped: list[str] = []
    for table in (*VOCAB_SHAPES, "claims"):
        good = {}
        for key, record in data.get(table, {}).items():
            if table == "claims":
                whole = not claim_shape_problems(record)
            else:
                whole = not entry_shape_problems(table, record)
            if whole:
                good[key] = record
            else:
                dropped.append(f"{SINGULAR[table]} {key}")
        kept[table] = good
    kept["history"] = {}
    return kept, dropped
