"""Importing records: validate everything first, then apply it in one transaction.

Import is idempotent by id (a slug for sides, topics and rounds): a record already
present and identical is skipped; a present but different one is a conflict, left
alone unless `update`. Fields a file leaves out are not compared, and are filled in
for new records (a minted id, the round's date, `attribution` quote, timestamps now).

The caller runs `import_records` inside `write_store` (or on a store it will not
write, for a dry run); any problem raises `ImportProblems` before a byte is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from claimtrack.dates import parse_date
from claimtrack.errors import InputError, NotFoundError
from claimtrack.exchange import Incoming, Item, Problem
from claimtrack.fields import CLAIM_SPEC, DEFAULTED_FIELDS, ClaimField
from claimtrack.fieldvalues import parse_value
from claimtrack.importmissing import REFERENCES, add_missing, missing_hint
from claimtrack.importreport import Action, ImportConflicts, ImportProblems, Report
from claimtrack.model import (
    CLAIM_FIELDS,
    SINGULAR,
    VOCAB_SHAPES,
    VOCAB_TABLES,
    blank_claim,
    check_aliases,
    check_slug,
    check_text,
    mint_claim_id,
    topic_key,
)
from claimtrack.store import Store
from claimtrack.vocab import BY_TABLE, ROUNDS, SIDES, Vocabulary, resolve, resolve_all

Record = dict[str, Any]

# Each vocabulary's fields, and which a file must give (see model.VOCAB_SHAPES).
ENTRY_FIELDS = {
    SINGULAR[table]: {name: kind in ("text", "date", "side") for name, kind in shape}
    for table, shape in VOCAB_SHAPES.items()
}
_OPTIONAL_TEXT = ("speaker", "source", "translation", "note")


class _FieldProblems(Exception):
    """A record failed its checks; its problems are already in the importer's list."""


@dataclass
class _Importer:
    store: Store
    update: bool
    now: str
    progress: Callable[[int], None] | None
    problems: list[Problem] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    seen: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, key) -> where
    pending: dict[str, Record] = field(default_factory=dict)  # claims to write
    wheres: dict[str, str] = field(default_factory=dict)  # claim id -> where in the file
    ids: set[str] = field(default_factory=set)  # in the store or pending
    by_content: dict[tuple[str, str, str, str], str] = field(default_factory=dict)

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(1)

    def first_time(self, kind: str, key: str, where: str) -> bool:
        earlier = self.seen.setdefault((kind, key), where)
        if earlier != where:
            self.problems.append(Problem(where, None, f"{kind} '{key}' appears again ({earlier})"))
            return False
        return True

    def decide(
        self, kind: str, key: str, item: Item, new: Record, existing: Record | None
    ) -> Record | None:
        """Record the action for one record; returns what to store, or None to leave it."""
        if existing is None:
            self.report.actions.append(Action("add", kind, key))
            return new
        differs = tuple(f for f in sorted(item.given) if f in new and new[f] != existing.get(f))
        if not differs:
            self.report.actions.append(Action("skip", kind, key))
            return None
        if not self.update:
            self.report.actions.append(Action("skip", kind, key, differs))
            return None
        self.report.actions.append(Action("update", kind, key))
        merged = {**existing, **{f: new[f] for f in item.given if f in new}}
        if kind == "claim" and "updated" not in item.given:
            merged["updated"] = self.now
        return merged


def import_records(
    store: Store,
    incoming: Incoming,
    *,
    source: str,
    update: bool,
    now: str,
    progress: Callable[[int], None] | None = None,
    skip_conflicts: bool = False,
    add_missing: bool = False,
) -> Report:
    """Validate `incoming` against `store` and apply it.

    Raises ImportProblems if anything is invalid, and ImportConflicts if a record
    differs from the store's unless `update` (take the file's) or `skip_conflicts`
    (keep the store's). `add_missing` first creates the sides, topics and rounds the
    claims name and the store lacks (see importmissing.py).
    """
    importer = _Importer(store, update, now, progress, list(incoming.problems))
    for table in VOCAB_TABLES:
        vocab, items = BY_TABLE[table], getattr(incoming, table)
        for item in items:
            _import_entry(importer, vocab, item)
            importer.tick()
    if add_missing and not importer.problems:
        _add_missing(importer, incoming)
    importer.by_content = {_content(c): c["id"] for c in store.records("claims")}
    importer.ids = store.keys("claims")
    for item in incoming.claims:
        _import_claim(importer, item)
        importer.tick()
    _check_responses(importer)
    if importer.problems:
        missing = any(problem.missing_entry for problem in importer.problems)
        hint = missing_hint(incoming.has_vocabulary) if missing else None
        raise ImportProblems(source, sorted(importer.problems, key=Problem.order), hint)
    if importer.report.conflicts and not skip_conflicts:
        raise ImportConflicts(source, importer.report)
    store.put_many("claims", importer.pending)
    return importer.report


def _add_missing(importer: _Importer, incoming: Incoming) -> None:
    added = add_missing(importer.store, (item.record for item in incoming.claims))
    for kind, slug, _ in added:
        importer.report.actions.append(Action("add", kind, slug))
    importer.report.added_missing.extend(added)


# --- checking fields -------------------------------------------------------------------


def _check_all(
    problems: list[Problem],
    where: str,
    raw: Record,
    checks: dict[str, Callable[[Any], Any]],
    *,
    claim: bool = False,
) -> Record:
    """Each field through its check; every failure is a problem, raised together at the end.

    An unknown side, topic or round in a `claim` is a missing entry, which
    `import --add-missing` can create; in a round or a person it must be added first.
    """
    checked: Record = {}
    failed = False
    for name, check in checks.items():
        try:
            checked[name] = check(raw.get(name))
        except NotFoundError as exc:
            missing = claim and name in REFERENCES
            problems.append(Problem(where, name, exc.message, missing_entry=missing))
            failed = True
        except InputError as exc:
            problems.append(Problem(where, name, exc.message))
            failed = True
    if failed:
        raise _FieldProblems
    return checked


def _text(value: Any, name: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise InputError("is required")
        return None
    if not isinstance(value, str):
        raise InputError("must be text")
    return check_text(value, name, required=required)


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("must be a list of text")
    return value


def _date(value: Any, *, required: bool = False) -> str | None:
    text = _text(value, "date", required=required)
    return parse_date(text) if text is not None else None


def _timestamp(value: Any) -> str:
    text = _text(value, "timestamp", required=True)
    assert text is not None
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not an ISO 8601 time such as 2022-01-10T09:30:00Z") from None
    return text


def _check_fields(problems: list[Problem], item: Item, known: Any) -> None:
    for name in item.record:
        if name not in known:
            problems.append(Problem(item.where, name, "unknown field"))


def _completed(store: Store, table: str, key_field: str, record: Record) -> Record:
    """A partial record of one already in the store takes the fields it lacks from it,
    so a file can update a single field; fields it lacks are not compared anyway."""
    key = record.get(key_field)
    existing = store.get(table, key) if isinstance(key, str) else None
    return {**existing, **record} if existing is not None else record


# --- sides, topics, rounds -------------------------------------------------------------


def _entry(
    store: Store, vocab: Vocabulary, raw: Record, where: str, problems: list[Problem]
) -> Record:
    checks = {name: _entry_check(store, name, kind) for name, kind in VOCAB_SHAPES[vocab.table]}
    checks["slug"] = lambda v: check_slug(_text(v, "slug", required=True) or "", vocab.kind)
    record = _check_all(problems, where, raw, checks)
    if vocab is ROUNDS and record["end"] is not None and record["end"] < record["date"]:
        message = f"{record['end']} is before the start {record['date']}"
        problems.append(Problem(where, "end", message))
        raise _FieldProblems
    return record


def _entry_check(store: Store, name: str, kind: str) -> Callable[[Any], Any]:
    """How a vocabulary field of this shape is read from a file (model.VOCAB_SHAPES)."""
    if kind.startswith("date"):
        return lambda v: _date(v, required=kind == "date")
    if kind == "sides":
        return lambda v: resolve_all(store, SIDES, _strings(v))
    if kind == "side":
        return lambda v: resolve(store, SIDES, _text(v, name, required=True) or "")
    if kind == "list":
        return lambda v: check_aliases(_strings(v))
    return lambda v: _text(v, name, required=kind == "text")


def _import_entry(importer: _Importer, vocab: Vocabulary, item: Item) -> None:
    problems = importer.problems
    _check_fields(problems, item, ENTRY_FIELDS[vocab.kind])
    raw = _completed(importer.store, vocab.table, "slug", item.record)
    try:
        record = _entry(importer.store, vocab, raw, item.where, problems)
    except _FieldProblems:
        return
    slug = record["slug"]
    if not importer.first_time(vocab.kind, slug, item.where):
        return
    existing = importer.store.get(vocab.table, slug)
    result = importer.decide(vocab.kind, slug, item, record, existing)
    if result is None:
        return
    for name in (slug, *result["aliases"]):
        try:
            owner = resolve(importer.store, vocab, name)
        except InputError:
            continue
        if owner != slug:
            problems.append(
                Problem(item.where, "aliases", f"'{name}' already names {vocab.kind} '{owner}'")
            )
            return
    if existing is None:
        importer.store.insert(vocab.table, slug, result)
    else:
        importer.store.replace(vocab.table, slug, result)


# --- claims ----------------------------------------------------------------------------


def _content(claim: Record) -> tuple[str, str, str, str]:
    return (claim["side"], claim["date"], topic_key(claim["topics"]), claim["text"])


def _claim(importer: _Importer, item: Item) -> Record:
    """A complete claim from a file's record; every bad field becomes a problem."""
    store, where, problems = importer.store, item.where, importer.problems
    raw = _completed(store, "claims", "id", item.record)
    checks: dict[str, Callable[[Any], Any]] = {
        spec.name: partial(_claim_field, store, spec) for spec in CLAIM_SPEC
    }
    checked = _check_all(problems, where, raw, checks, claim=True)
    claim = blank_claim()
    claim.update((k, v) for k, v in checked.items() if v is not None or k not in DEFAULTED_FIELDS)
    _fill_defaults(importer, item, claim)
    return claim


def _claim_field(store: Store, spec: ClaimField, value: Any) -> Any:
    """One field as `fieldvalues.parse_value` reads it; a required one must be there."""
    parsed = parse_value(store, spec, value)
    if spec.input_required and (parsed is None or parsed == []):
        raise InputError("is required")
    return parsed


def _fill_defaults(importer: _Importer, item: Item, claim: Record) -> None:
    problems, where = importer.problems, item.where
    if claim["date"] is None:
        if claim["round"] is None:
            problems.append(Problem(where, "date", "a claim needs a date or a round"))
            raise _FieldProblems
        round_record = importer.store.get("rounds", claim["round"])
        assert round_record is not None
        claim["date"] = round_record["date"]
    if claim["side"] in claim["to"]:
        problems.append(
            Problem(where, "to", f"a claim by '{claim['side']}' cannot be addressed to itself")
        )
        raise _FieldProblems
    if claim["id"] is None:
        # A content-derived id, so importing the same id-less file twice finds the claim.
        claim["id"] = importer.by_content.get(_content(claim)) or mint_claim_id(
            claim["side"], claim["date"], claim["topics"], claim["text"], importer.ids
        )
    if claim["responds_to"] == claim["id"]:
        problems.append(Problem(where, "responds_to", "a claim cannot respond to itself"))
        raise _FieldProblems
    claim["created"] = claim["created"] or importer.now
    claim["updated"] = claim["updated"] or claim["created"]


def _import_claim(importer: _Importer, item: Item) -> None:
    _check_fields(importer.problems, item, CLAIM_FIELDS)
    try:
        claim = _claim(importer, item)
    except _FieldProblems:
        return
    key = claim["id"]
    if not importer.first_time("claim", key, item.where):
        return
    owner = importer.by_content.get(_content(claim))
    if owner is not None and owner != key:
        importer.problems.append(
            Problem(
                item.where,
                "text",
                f"claim {owner} already records this text by '{claim['side']}' "
                f"on '{', '.join(claim['topics'])}' on {claim['date']}",
            )
        )
        return
    existing = importer.store.get("claims", key)
    result = importer.decide("claim", key, item, claim, existing)
    if result is None:
        return
    if existing is not None and importer.by_content.get(_content(existing)) == key:
        del importer.by_content[_content(existing)]
    importer.by_content[_content(result)] = key
    importer.pending[key] = result
    importer.wheres[key] = item.where
    importer.ids.add(key)


def _check_responses(importer: _Importer) -> None:
    for key, claim in importer.pending.items():
        target = claim["responds_to"]
        if target is not None and target not in importer.ids:
            message = f"no claim '{target}' in the store or the file"
            importer.problems.append(Problem(importer.wheres[key], "responds_to", message))
