"""The store's history: what changed, when, by whom; `log` shows it, `undo` reverts it.

Every commit that changes records adds one history entry to the history file (see
`historyfile` and `store.write_store`): ``{id, seq, parents, time, user, operation,
changes: [{table, key, before, after}]}``, where `before` and `after` are whole
records (None when the record did not exist). The log is append-only. Undo applies an
entry's changes backwards and adds an entry of its own, with operation ``undo`` and
``undoes: <entry id>``; undo entries are never undone themselves, so repeating `undo`
walks further back. An entry that can no longer be reverted (its records changed
since, by a merge or by hand) is passed over with ``undo --skip``, which adds an
entry with operation ``skip`` and ``skips: <entry id>``.
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import InputError, NotFoundError, StoreError
from claimtrack.historyfile import applied_entries, read_history
from claimtrack.store import DATA_TABLES, Store
from claimtrack.storefile import MAX_STORE_BYTES

Entry = dict[str, Any]

MIN_PREFIX = 4
UNDO = "undo"
SKIP = "skip"
# The history grows with every change; it may be several times the store's size.
MAX_HISTORY_BYTES = 4 * MAX_STORE_BYTES


def ordered_entries(store: Store) -> list[Entry]:
    """The entries the store includes, oldest first (see `historyfile.order_key`).

    A damaged history file is refused, naming its first problem: log and undo must
    not guess at what happened.
    """
    file = read_history(store.history_path, MAX_HISTORY_BYTES)
    if file.problems:
        raise StoreError(
            f"the history file {file.path} is damaged: {file.problems[0]}",
            "Run: claimtrack check",
        )
    moving = store.history_entries_to_move()
    applied, _ = applied_entries([*file.entries, *moving], store.history_heads())
    return applied


def undone_by(entries: list[Entry]) -> dict[str, str]:
    """Entry id -> id of the undo (or skip) entry that passed over it."""
    reverted = {e["undoes"]: e["id"] for e in entries if e.get("undoes")}
    reverted.update({e["skips"]: e["id"] for e in entries if e.get("skips")})
    return reverted


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
    for table in DATA_TABLES:
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


def latest_undoable(entries: list[Entry]) -> Entry | None:
    reverted = undone_by(entries)
    for entry in reversed(entries):
        if entry["operation"] not in (UNDO, SKIP) and entry["id"] not in reverted:
            return entry
    return None


def undo_latest(store: Store, *, skip: bool = False) -> Entry:
    """Revert the latest change not yet undone (or, with `skip`, pass over it).

    Each record must still be as that change left it: a record changed behind
    claimtrack's back is not overwritten, and the error says what changed it.
    """
    entries = ordered_entries(store)
    entry = latest_undoable(entries)
    if entry is None:
        raise InputError("nothing to undo", "See the history with: claimtrack log")
    if skip:
        store.history_note = {"skips": entry["id"]}
        return entry
    for change in reversed(entry["changes"]):
        table, key, before = change["table"], change["key"], change["before"]
        current = store.get(table, key)
        if current != change["after"]:
            raise InputError(
                f"cannot undo the {entry['operation']} of {entry['time']}: {table} record "
                f"'{key}' has changed since{_changed_by(entries, entry, table, key)}",
                "Pass over it with: claimtrack undo --skip (see: claimtrack log " + key + ")",
            )
        if before is None:
            store.delete(table, key)
        elif current is None:
            store.insert(table, key, before)
        else:
            store.replace(table, key, before)
    store.history_note = {"undoes": entry["id"]}
    return entry


def _changed_by(entries: list[Entry], entry: Entry, table: str, key: str) -> str:
    """Who changed the record after `entry`: a later entry, or something outside history."""
    later = entries[entries.index(entry) + 1 :]
    for other in reversed(later):
        if any(c["table"] == table and c["key"] == key for c in other["changes"]):
            return f" by the {other['operation']} of {other['time']}"
    return " outside claimtrack's history (by a merge, or by hand)"


def history_report(store: Store) -> tuple[list[str], list[str]]:
    """What `check` says of the history: (problems, notes that are not problems)."""
    try:
        file = read_history(store.history_path, MAX_HISTORY_BYTES)
        moving = store.history_entries_to_move()
    except StoreError as exc:
        return [f"history: {exc.message}"], []
    name = file.path.name
    problems = [f"history {name}, {problem}" for problem in file.problems]
    notes = []
    if file.torn:
        notes.append(
            f"history {name}: its last line was cut short by a command that was stopped "
            "while writing it; that change was never saved, and log and undo ignore it"
        )
    entries = [*file.entries, *moving]
    heads = store.history_heads()
    known = {entry["id"] for entry in entries}
    problems += [
        f"history: the store names entry {head} as its latest, but {name} lacks it"
        for head in heads.ids
        if head not in known
    ]
    _, unapplied = applied_entries(entries, heads)
    notes += [
        f"history {name}: entry {e['id']} ({e['operation']}) was never applied: the "
        "command that wrote it stopped before saving the store; log and undo ignore it"
        for e in unapplied
    ]
    return problems, notes
