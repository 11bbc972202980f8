"""Shell completion of sides, topics, rounds and claim ids from the current store.

Completion runs on every Tab, so it must be quick and harmless: it reads the store
the command line names (`--db`, else $CLAIMTRACK_DB, else the default) without a lock,
never writes or creates anything, and offers nothing rather than an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from claimtrack.store import Store

Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]

_TEXT_WIDTH = 60


def _store(ctx: click.Context) -> Store | None:
    from claimtrack.cli import DB_GIVEN, default_db_path
    from claimtrack.store import read_store

    db = ctx.meta.get(DB_GIVEN) or ctx.find_root().params.get("db")
    if db is None:
        env = os.environ.get("CLAIMTRACK_DB")
        db = Path(env) if env else default_db_path()
    try:
        return read_store(Path(db))
    except Exception:  # completion must never print a traceback into the shell
        return None


def _one_line(text: str) -> str:
    from claimtrack.render import visible

    line = " ".join(text.split())
    line = line if len(line) <= _TEXT_WIDTH else line[: _TEXT_WIDTH - 1] + "…"
    return visible(line)


def vocabulary(table: str) -> Completer:
    """Slugs and aliases of sides, topics or rounds, each with its name as help."""

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        store = _store(ctx)
        if store is None:
            return []
        wanted = incomplete.casefold()
        items = []
        for record in sorted(store.records(table), key=lambda r: r["slug"]):
            label = _one_line(record.get("name") or record.get("title") or "")
            for name in (record["slug"], *record.get("aliases", [])):
                if name.casefold().startswith(wanted):
                    help_text = label if name == record["slug"] else f"{label} ({record['slug']})"
                    items.append(CompletionItem(name, help=help_text))
        return items

    return complete


def claim_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids of claims, each with the start of its text as help."""
    store = _store(ctx)
    if store is None:
        return []
    wanted = incomplete.strip().lower()
    return [
        CompletionItem(claim["id"], help=_one_line(claim["text"]))
        for claim in sorted(store.records("claims"), key=lambda c: c["id"])
        if claim["id"].startswith(wanted)
    ]


complete_sides = vocabulary("sides")
complete_topics = vocabulary("topics")
complete_rounds = vocabulary("rounds")
complete_people = vocabulary("people")
COMPLETERS: dict[str, Any] = {
    "side": complete_sides,
    "topic": complete_topics,
    "round": complete_rounds,
    "person": complete_people,
}
