"""The store's history: what changed, when, by whom; `log` shows it, `undo` reverts it.

Every commit that changes records adds one history entry (see `store.write_store`):
``{id, seq, time, user, operation, changes: [{table, key, before, after}]}``, where
`before` and `after` are whole records (None when the record did not exist).
The log is append-only. Undo applies an entry's changes backwards and adds an entry
of its own, with operation ``undo`` and ``undoes: <entry id>``; undo entries are
never undone themselves, so repeating `undo` walks further back.
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import InputError, NotFoundError
from claimtrack.store import Store

Entry = dict[str, Any]

MIN_PREFIX = 4
UNDO = "undo"


def ordered_entries(store: Store) -> list[Entry]:
    """Oldest first: by sequence number, which survives a clock that steps back."""
    return sorted(store.records("history"), key=lambda e: (e.get("seq", 0), e["id"]))


def undone_by(entries: list[Entry]) -> dict[str, str]:
    """Entry id -> id of the undo entry that reverted it."""
    return {e["undoes"]: e["id"] for e in entries if e.get("undoes")}


def log_rows(store: Store, ref: str | None = None) -> list[dict[str, Any]]:
    """One row per changed record, newest first; with `ref`, only that record's rows."""
    entries = ordered_entries(store)
    key = matching_key(store, entries, ref) if ref is not None else None
    reverted = undone_by(entries)
    rows = []
    for entry in reversed(entries):
        for change in entry.get("changes", []):
            if key is not None and change["key"] != key:
                continue
            rows.append(
                {
                    "entry": entry["id"],
                    "seq": entry.get("seq"),
                    "time": entry["time"],
                    "user": entry["user"],
                    "operation": entry["operation"],
                    "table": change["table"],
                    "key": change["key"],
                    "before": change["before"],
                    "after": change["after"],
                    "undoes": entry.get("undoes"),
                    "undone_by": reverted.get(entry["id"]),
                }
            )
    return rows


def matching_key(store: Store, entries: list[Entry], ref: str) -> str:
    """The record key `ref` names: an exact key, or a unique prefix of a claim id.

    Records removed since still have a history, so history keys count too.
    """
    wanted = ref.strip()
    keys = {c["key"] for e in entries for c in e.get("changes", [])}
    for table in ("claims", "sides", "topics", "rounds"):
        keys |= store.keys(table)
    if wanted in keys or wanted.lower() in keys:
        return wanted if wanted in keys else wanted.lower()
    claim_keys = store.keys("claims") | {
        c["key"] for e in entries for c in e.get("changes", []) if c["table"] == "claims"
    }
    prefix = wanted.lower()  # claim ids are lowercase; people copy them in any case
    matches = sorted(k for k in claim_keys if len(prefix) >= MIN_PREFIX and k.startswith(prefix))
    if len(matches) > 1:
        raise InputError(
            f"id prefix '{wanted}' is ambiguous: it matches {', '.join(matches)}",
            "Type more of the id",
        )
    if not matches:
        raise NotFoundError(
            f"no record '{wanted}' in the store or its history",
            "See every change with: claimtrack log",
        )
    return matches[0]


def summarize(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """A short account of a change for people: added, removed, or the fields that moved."""
    if before is None:
        return "added"
    if after is None:
        return "removed"
    changed = [
        f"{name}: {_short(before.get(name))} → {_short(after.get(name))}"
        for name in sorted(set(before) | set(after))
        if name != "updated" and before.get(name) != after.get(name)
    ]
    return "; ".join(changed) or "no visible change"


def _short(value: Any, limit: int = 40) -> str:
    if value is None or value == []:
        return "–"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def latest_undoable(store: Store) -> Entry | None:
    entries = ordered_entries(store)
    reverted = undone_by(entries)
    for entry in reversed(entries):
        if entry["operation"] != UNDO and entry["id"] not in reverted:
            return entry
    return None


def undo_latest(store: Store) -> Entry:
    """Revert the latest change not yet undone; returns its history entry.

    Each record must still be as that change left it: a record changed behind
    claimtrack's back is not overwritten.
    """
    entry = latest_undoable(store)
    if entry is None:
        raise InputError("nothing to undo", "See the history with: claimtrack log")
    for change in reversed(entry["changes"]):
        table, key, before = change["table"], change["key"], change["before"]
        current = store.get(table, key)
        if current != change["after"]:
            raise InputError(
                f"cannot undo the {entry['operation']} of {entry['time']}: "
                f"{table} record '{key}' has changed since",
                "Was the store edited by hand? See: claimtrack log " + key,
            )
        if before is None:
            store.delete(table, key)
        elif current is None:
            store.insert(table, key, before)
        else:
            store.replace(table, key, before)
    store.history_note = {"undoes": entry["id"]}
    return entry
