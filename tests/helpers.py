"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.store import Store, empty_data
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, add_entry, new_round, new_side, new_topic

Run = Callable[..., Result]  # conftest's `run`: the CLI without a terminal
Fails = Callable[..., Result]  # conftest's `fails`: a command that must fail cleanly
Record = Callable[..., str]  # conftest's `record`: record a claim, get its id


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes, lock files aside (a lock holds no data)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@contextlib.contextmanager
def raises_error(
    message: str, hint: str | None = None, cls: type[ClaimtrackError] = InputError
) -> Iterator[Any]:
    """Expect a claimtrack error of `cls` whose message and hint are exactly these."""
    with pytest.raises(cls) as info:
        yield info
    assert (info.value.message, info.value.hint) == (message, hint)


def build_domain(path: Path) -> Store:
    """An in-memory store with the vocabulary of conftest's vocab_store (no claims)."""
    store = Store(path, empty_data())
    add_entry(store, SIDES, new_side("russia", "Russia", ["روسيا", "RU"]))
    add_entry(store, SIDES, new_side("us", "United States", ["واشنطن"]))
    add_entry(store, SIDES, new_side("nato", "NATO", ["الناتو"]))
    nonexpansion = new_topic("nato-nonexpansion", "No NATO expansion", None, ["توسع الناتو"])
    add_entry(store, TOPICS, nonexpansion)
    add_entry(store, TOPICS, new_topic("missiles", "Missiles in Europe"))
    add_entry(store, TOPICS, new_topic("deescalation", "De-escalation"))
    geneva = new_round(
        store,
        "geneva",
        name="Geneva talks",
        date="2022-01-10",
        end="2022-01-10",
        venue="Geneva",
        parties=["russia", "us"],
    )
    add_entry(store, ROUNDS, geneva)
    nrc = new_round(
        store, "nrc", name="NATO-Russia Council", date="2022-01-12", parties=["russia", "nato"]
    )
    add_entry(store, ROUNDS, nrc)
    store.changes.clear()
    return store
