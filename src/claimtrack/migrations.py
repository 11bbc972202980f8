"""Schema migrations: named steps, each recorded in the store once it has run.

A migration is a small function registered with ``@migration(name, version)``: it
brings a store to schema ``version`` in memory. The store records the names of the
migrations that ran in ``meta.schema.migrations`` (as llm and sqlite-utils do), so
what a store has been through is written in it rather than inferred from a list's
positions. A store written before migrations were named has no such list: every
migration up to its ``meta.schema.version`` counts as run.

`migrate` runs the pending ones in order; the store module writes the result in one
atomic commit, after keeping a copy of the old file beside it (``<store>.v1.bak``).

To change the schema: add a function decorated with ``@migration`` at the end, with
a new name and ``model.SCHEMA_VERSION`` as its version, and raise that constant. A
migration must accept any store its version allowed and never drop data it does not
understand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Data = dict[str, dict[str, dict[str, Any]]]
Claim = dict[str, Any]


@dataclass(frozen=True)
class Migration:
    name: str
    version: int  # the schema version a store has once this has run
    apply: Callable[[Data], None]


MIGRATIONS: list[Migration] = []


def migration(
    name: str, version: int
) -> Callable[[Callable[[Data], None]], Callable[[Data], None]]:
    def register(function: Callable[[Data], None]) -> Callable[[Data], None]:
        MIGRATIONS.append(Migration(name, version, function))
        return function

    return register


def schema_version(data: Data) -> int:
    version: int = data["meta"]["schema"]["version"]
    return version


def applied(data: Data) -> list[str]:
    """The names of the migrations that have run on `data`, oldest first."""
    names = data["meta"]["schema"].get("migrations")
    if isinstance(names, list):
        return [name for name in names if isinstance(name, str)]
    version = schema_version(data)
    return [m.name for m in MIGRATIONS if m.version <= version]


def pending(data: Data) -> list[Migration]:
    done = set(applied(data))
    return [m for m in MIGRATIONS if m.name not in done]


def fresh_schema() -> dict[str, Any]:
    """The `meta.schema` record of a new store: every migration counts as run."""
    return {"version": MIGRATIONS[-1].version, "migrations": [m.name for m in MIGRATIONS]}


def migrate(data: Data) -> int:
    """Bring `data` to the newest schema in place; returns the version it started at."""
    start = schema_version(data)
    done = applied(data)
    for step in pending(data):
        step.apply(data)
        done.append(step.name)
        data["meta"]["schema"]["version"] = max(schema_version(data), step.version)
    data["meta"]["schema"]["migrations"] = done
    return start


@migration("sourcing-and-history", 1)
def sourcing_and_history(data: Data) -> None:
    """Version 0, claimtrack's first prototype, kept no history table, and its claims
    had no `verbatim`, `grade` or `responds_to` fields.

    Every claim then was a direct quote (paraphrase came later), ungraded and
    unlinked, so those are the values the fields get.
    """
    for claim in data.get("claims", {}).values():
        claim.setdefault("verbatim", True)
        claim.setdefault("grade", None)
        claim.setdefault("responds_to", None)
    data.setdefault("history", {})


@migration("topics-and-attribution", 2)
def topics_and_attribution(data: Data) -> None:
    """Version 2: a claim's `topic` becomes a list, `topics`, and `verbatim` becomes
    `attribution` (true: quote, false: paraphrase; `readout` is new).

    The claims in the history's before/after records change the same way, so that
    `undo` and `log` keep working across the migration.
    """
    for claim in data.get("claims", {}).values():
        upgrade_claim(claim)
    for entry in data.get("history", {}).values():
        for change in entry.get("changes") or []:
            if isinstance(change, dict) and change.get("table") == "claims":
                for side in ("before", "after"):
                    if isinstance(change.get(side), dict):
                        upgrade_claim(change[side])


def upgrade_claim(claim: Claim) -> Claim:
    """A version-1 claim (or a part of one, as an import file may hold) in version 2's
    fields, in place; a claim already in version 2 is left as it is."""
    if "topic" in claim and "topics" not in claim:
        topic = claim.pop("topic")
        claim["topics"] = [topic] if topic is not None else []
    if "verbatim" in claim and "attribution" not in claim:
        verbatim = claim.pop("verbatim")
        # Only the two booleans map; anything else stays as it was, for `check` to report.
        if isinstance(verbatim, bool):
            verbatim = "quote" if verbatim else "paraphrase"
        claim["attribution"] = verbatim
    return claim
