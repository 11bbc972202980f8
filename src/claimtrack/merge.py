"""Three-way merge of two store files, record by record, for git's merge driver.

Every table is a dict of records keyed by claim id or slug, so the merge works per
record: added on either side, kept; changed on one side only, that change; deleted on
one side and unchanged on the other, deleted. When both sides changed one record, its
fields merge the same way, and a field changed differently on both sides is a conflict
that keeps our value. Two bookkeeping fields never conflict: `created` keeps the
earlier time and `updated` the later. The history lives in its own file, which git
merges as a union of lines (``merge=union``); the store's history heads
(``meta.history``) become those of both sides, so both sides' entries count.
A `history` table inside an older store's file is the union of both.

A record-wise merge can still produce a store that breaks its own rules: a topic
deleted here that a claim added there uses, or one alias given to two sides. Those
are repaired (the topic is kept, the second alias dropped) and reported as conflicts,
so the result is always a valid store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import orjson

from claimtrack.atomicfile import atomic_write
from claimtrack.errors import StoreError
from claimtrack.migrations import migrate, pending
from claimtrack.model import SINGULAR
from claimtrack.store import (
    META_TABLE,
    VOCAB_TABLES,
    Data,
    decode,
    empty_data,
    encode,
)
from claimtrack.textmatch import fold
from claimtrack.validation import refuse_damaged

HISTORY: Final = "history"
HEADS: Final = "history"  # the record in meta naming the history's latest entries
_MISSING: Final = object()

Record = dict[str, Any]


@dataclass(frozen=True)
class Conflict:
    """One thing the merge could not decide alone; the result keeps `ours`."""

    table: str
    key: str
    field: str | None = None
    ours: Any = _MISSING
    theirs: Any = _MISSING
    note: str = ""

    def __str__(self) -> str:
        label = f"{SINGULAR.get(self.table, self.table)} {self.key}"
        if self.field is None:
            return f"conflict: {label}: {self.note}"
        values = f"ours {_show(self.ours)}, theirs {_show(self.theirs)}"
        return f"conflict: {label}, field {self.field}: {values}; {self.note or 'kept ours'}"


def _show(value: Any) -> str:
    if value is _MISSING:
        return "(absent)"
    return orjson.dumps(value).decode()


@dataclass
class Merge:
    data: Data
    conflicts: list[Conflict] = field(default_factory=list)


def merge(base: Data, ours: Data, theirs: Data) -> Merge:
    """The three-way merge of whole stores (as `store.decode` returns them).

    Each version is first brought to the newest schema, in memory, as reading it
    would; so a copy still at an older version merges with one already migrated.
    """
    for data in (base, ours, theirs):
        if pending(data):
            migrate(data)
    result = Merge({})
    for name in sorted({*base, *ours, *theirs}):
        b, o, t = base.get(name, {}), ours.get(name, {}), theirs.get(name, {})
        if name == HISTORY:
            result.data[name] = {**t, **o}
        elif name == META_TABLE:
            result.data[name] = _merge_meta(b, o, t, result.conflicts)
        else:
            result.data[name] = _merge_table(name, b, o, t, result.conflicts)
    _keep_referenced(result, (ours, theirs, base))
    for table in VOCAB_TABLES:
        _drop_shared_aliases(result, table, ours.get(table, {}))
    return result


def _merge_meta(base: Record, ours: Record, theirs: Record, conflicts: list[Conflict]) -> Record:
    """Meta merges by record, but the history heads of both sides are kept."""
    b_meta, o_meta, t_meta = (
        {k: v for k, v in m.items() if k != HEADS} for m in (base, ours, theirs)
    )
    merged = _merge_table(META_TABLE, b_meta, o_meta, t_meta, conflicts)
    b, o, t = base.get(HEADS), ours.get(HEADS), theirs.get(HEADS)
    heads = o if o == t or t == b else t if o == b else _both_heads(o, t)
    if heads is not None:
        merged[HEADS] = heads
    return merged


def _both_heads(*records: Record | None) -> Record | None:
    """History heads that reach every entry either side's heads reach."""
    both = [h for h in records if isinstance(h, dict)]
    if not both:
        return None
    ids = sorted({i for h in both for i in h.get("heads", [])})
    return {"heads": ids, "seq": max(h.get("seq", 0) for h in both)}


def _merge_table(
    name: str,
    base: dict[str, Record],
    ours: dict[str, Record],
    theirs: dict[str, Record],
    conflicts: list[Conflict],
) -> dict[str, Record]:
    merged: dict[str, Record] = {}
    for key in sorted({*base, *ours, *theirs}):
        record = _merge_record(name, key, base.get(key), ours.get(key), theirs.get(key), conflicts)
        if record is not None:
            merged[key] = record
    return merged


def _merge_record(
    table: str,
    key: str,
    base: Record | None,
    ours: Record | None,
    theirs: Record | None,
    conflicts: list[Conflict],
) -> Record | None:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if ours is None or theirs is None:
        changed = ", ".join(_changed_fields(base or {}, ours or theirs or {}))
        if ours is None:
            note = f"deleted in ours, changed in theirs ({changed}); kept ours: deleted"
        else:
            note = f"changed in ours ({changed}), deleted in theirs; kept ours"
        conflicts.append(Conflict(table, key, note=note))
        return ours
    return _merge_fields(table, key, base or {}, ours, theirs, conflicts)


def _changed_fields(before: Record, after: Record) -> list[str]:
    names = dict.fromkeys([*before, *after])
    return [n for n in names if before.get(n, _MISSING) != after.get(n, _MISSING)]


def _merge_fields(
    table: str, key: str, base: Record, ours: Record, theirs: Record, conflicts: list[Conflict]
) -> Record:
    merged: Record = {}
    for name in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(name, _MISSING), ours.get(name, _MISSING), theirs.get(name, _MISSING)
        if o == t or t == b:
            value = o
        elif o == b:
            value = t
        elif name in ("created", "updated") and isinstance(o, str) and isinstance(t, str):
            value = min(o, t) if name == "created" else max(o, t)
        else:
            conflicts.append(Conflict(table, key, name, o, t))
            value = o
        if value is not _MISSING:
            merged[name] = value
    return merged


# --- keeping the result a valid store --------------------------------------------------


def _references(data: Data) -> Iterator[tuple[str, Any, str]]:
    """(table, key, who refers to it) for every reference in the store."""
    for claim_id, claim in data.get("claims", {}).items():
        referrer = f"claim {claim_id}"
        yield "sides", claim.get("side"), referrer
        for side in claim.get("to") or []:
            yield "sides", side, referrer
        for topic in claim.get("topics") or []:
            yield "topics", topic, referrer
        if claim.get("round"):
            yield "rounds", claim["round"], referrer
        if claim.get("responds_to"):
            yield "claims", claim["responds_to"], referrer
    for slug, record in data.get("rounds", {}).items():
        for side in record.get("parties") or []:
            yield "sides", side, f"round {slug}"
    for slug, record in data.get("people", {}).items():
        yield "sides", record.get("side"), f"person {slug}"


def _keep_referenced(result: Merge, sources: tuple[Data, ...]) -> None:
    """Bring back records deleted on one side that the other side's changes still use."""
    restored = True
    while restored:
        restored = False
        for table, key, referrer in list(_references(result.data)):
            if key is None or key in result.data.get(table, {}):
                continue
            for source in sources:
                record = source.get(table, {}).get(key)
                if record is not None:
                    result.data.setdefault(table, {})[key] = record
                    note = f"deleted on one side, but {referrer} uses it; kept it"
                    result.conflicts.append(Conflict(table, key, note=note))
                    restored = True
                    break


def _drop_shared_aliases(result: Merge, table: str, ours: dict[str, Record]) -> None:
    """A name may belong to one entry only: the entry it is the slug of, else the entry
    that has it as an alias in ours, else the first by slug; others lose that alias."""
    records = result.data.get(table, {})
    owners: dict[str, str] = {fold(slug): slug for slug in records}
    for from_ours in (True, False):
        for slug in sorted(records):
            ours_aliases = {fold(a) for a in ours.get(slug, {}).get("aliases", [])}
            for alias in records[slug].get("aliases", []):
                if (fold(alias) in ours_aliases) == from_ours:
                    owners.setdefault(fold(alias), slug)
    for slug, record in records.items():
        aliases = record.get("aliases", [])
        for alias in aliases:
            owner = owners[fold(alias)]
            if owner != slug:
                note = f"alias {_show(alias)} also names {SINGULAR[table]} {owner}; dropped it here"
                result.conflicts.append(Conflict(table, slug, note=note))
        kept = [alias for alias in aliases if owners[fold(alias)] == slug]
        if kept != aliases:
            records[slug] = {**record, "aliases": kept}


# --- files -----------------------------------------------------------------------------


def read_version(path: Path, *, empty_ok: bool = False) -> Data:
    """One of git's three versions; git gives an empty base when both sides added the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    if empty_ok and not raw.strip():
        return empty_data()
    return decode(raw, path)


def merge_files(base: Path, ours: Path, theirs: Path) -> list[Conflict]:
    """Merge as git's driver protocol asks: the result replaces `ours`.

    Each version must be a whole store (see `validation`): a record that is not is
    refused, naming the file and the record, and `ours` is left as it was.
    """
    versions = [read_version(base, empty_ok=True), read_version(ours), read_version(theirs)]
    for data, path in zip(versions, (base, ours, theirs), strict=True):
        if pending(data):
            migrate(data)
        refuse_damaged(data, path)
    result = merge(*versions)
    refuse_damaged(result.data, ours)  # never hand git a store claimtrack would refuse
    payload = encode(result.data)
    decode(payload, ours)  # never hand git something claimtrack cannot read back
    atomic_write(ours, payload)
    return result.conflicts
