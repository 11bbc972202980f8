"""check, log, undo: looking after the store itself."""

from __future__ import annotations

from typing import Any

import click
import orjson

from claimtrack.commands.common import (
    AppContext,
    emit,
    format_options,
    lines_listing,
    pass_app,
    resolve_format,
)
from claimtrack.history import history_report, log_rows, summarize, undo_latest
from claimtrack.integrity import check_store
from claimtrack.model import SINGULAR
from claimtrack.output import say
from claimtrack.render import Column, Listing

LOG_FIELDS = (
    "entry",
    "seq",
    "time",
    "user",
    "operation",
    "table",
    "key",
    "before",
    "after",
    "undoes",
    "undone_by",
)
LOG_COLUMNS = (
    Column("time", "shown_time", no_wrap=True),
    Column("user", "user", drop=1),
    Column("operation", "operation", under="undone", no_wrap=True),
    Column("record", "record", no_wrap=True),
    Column("change", "change", ratio=1),
)


@click.command(name="check")
@pass_app
def store_check(app: AppContext) -> None:
    """Report every integrity problem in the store, one per line; exit 1 if any.

    Finds replies to missing claims, claims naming unknown sides, topics or rounds,
    duplicate ids, invalid dates, kinds, grades and urls, and damage to the history
    file; notes history entries that were never applied (a command stopped between
    writing its history and saving the store). Never writes anything.

    \b
    Examples:
      claimtrack check
      claimtrack --db talks.json check || echo "talks.json needs attention"
    """
    store, store_problems = check_store(app.db_path)
    history_problems, notes = history_report(store)
    problems = [*map(str, store_problems), *history_problems]
    emit(lines_listing(problems), "ids")
    for note in notes:
        say(f"note: {note}")
    if problems:
        say(f"{len(problems)} problem(s) in {app.db_path}")
        click.get_current_context().exit(1)
    counts = ", ".join(f"{store.count(t)} {SINGULAR[t]}(s)" for t in SINGULAR)
    say(f"No problems in {app.db_path} ({counts})")


@click.command(name="log")
@click.argument("ref", metavar="[ID]", required=False)
@click.option("--limit", "-n", type=click.IntRange(min=0), help="Show at most N changes.")
@format_options()
@pass_app
def history_log(
    app: AppContext, ref: str | None, limit: int | None, fmt: str | None, raw: bool
) -> None:
    """Show the history of changes, newest first; with ID, that record's history.

    ID is a claim id (or a unique prefix of 4+ characters) or a side, topic or round
    slug; removed records keep their history. Each row is one record changed by one
    command: time, user, operation, and the record before and after (json: objects,
    tsv/csv: compact json text, empty when the record did not exist).

    \b
    Examples:
      claimtrack log -n 10
      claimtrack log 3fk2 --format json | jq '.[].after.kind'
    """
    rows = log_rows(app.read(), ref)
    if limit is not None:
        rows = rows[:limit]
    if resolve_format(fmt) not in ("json", "jsonl"):
        rows = [_flat(row) for row in rows]
    emit(Listing(rows, LOG_FIELDS, LOG_COLUMNS, id_key="entry"), fmt, raw=raw)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A log row for text formats: records as compact json, plus a summary for people."""

    def as_json(record: dict[str, Any] | None) -> str | None:
        if record is None:
            return None
        return orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode()

    return {
        **row,
        "before": as_json(row["before"]),
        "after": as_json(row["after"]),
        "shown_time": row["time"][:19].replace("T", " "),
        "record": f"{SINGULAR.get(row['table'], row['table'])} {row['key']}",
        "change": summarize(row["before"], row["after"]),
        "undone": "(undone)" if row["undone_by"] else None,
    }


@click.command(name="undo")
@click.option(
    "--skip",
    is_flag=True,
    help="Pass over the latest change without reverting it, when it can no longer be "
    "reverted (its records changed since); the next undo goes on from the one before.",
)
@pass_app
def history_undo(app: AppContext, skip: bool) -> None:
    """Revert the latest change; repeat to go further back.

    An undo is kept in the history too (see `claimtrack log`), but is never undone
    itself: each `undo` reverts the latest change not yet undone. A change whose
    records have changed since (after a merge, say) is not reverted: the error says
    what changed them, and `undo --skip` passes over it.

    \b
    Examples:
      claimtrack log -n 1
      claimtrack undo
      claimtrack undo --skip
    """
    with app.write("skip" if skip else "undo", create=False) as store:
        entry = undo_latest(store, skip=skip)
    records = len(entry["changes"])
    done = "Skipped" if skip else "Undid"
    say(
        f"{done} {entry['operation']} of {entry['time']} by {entry['user']} "
        f"({records} record{'s' if records != 1 else ''})"
    )
