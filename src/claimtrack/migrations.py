"""Schema migrations: an ordered list of small functions, one per schema version.

``MIGRATIONS[n]`` turns a store at schema version ``n`` into one at version ``n + 1``,
in memory; `migrate` runs the ones a store needs, in order, and records the version
it reached in ``meta.schema.version``. The store module writes the result in one
atomic commit, after keeping a copy of the old file beside it (``<store>.v0.bak``).

To change the schema: append a function decorated with ``@migration`` and raise
``model.SCHEMA_VERSION`` by one. A migration must accept any store its version
allowed and must never drop data it does not understand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Data], None]

MIGRATIONS: list[Migration] = []


def migration(function: Migration) -> Migration:
    MIGRATIONS.append(function)
    return function


def schema_version(data: Data) -> int:
    version: int = data["meta"]["schema"]["version"]
    return version


def migrate(data: Data) -> int:
    """Bring `data` to the newest schema in place; returns the version it started at."""
    start = schema_version(data)
    for version in range(start, len(MIGRATIONS)):
        MIGRATIONS[version](data)
        data["meta"]["schema"]["version"] = version + 1
    return start


@migration
def v0_to_v1_sourcing_and_history(data: Data) -> None:
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
