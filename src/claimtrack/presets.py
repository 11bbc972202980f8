"""Presets: ready-made vocabularies (sides, topics, rounds, people) for a known negotiation."""

from __future__ import annotations

from importlib import resources
from typing import Any

import orjson

from claimtrack.errors import InputError
from claimtrack.store import Store
from claimtrack.vocab import (
    PEOPLE,
    ROUNDS,
    SIDES,
    TOPICS,
    add_entry,
    new_person,
    new_round,
    new_side,
    new_topic,
)


def available() -> list[str]:
    folder = resources.files("claimtrack").joinpath("presets")
    return sorted(
        entry.name.removesuffix(".json")
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    )


def load(name: str) -> dict[str, list[dict[str, Any]]]:
    if name not in available():
        raise InputError(
            f"unknown preset '{name}'", f"Available: {', '.join(available()) or 'none'}"
        )
    raw = resources.files("claimtrack").joinpath("presets", f"{name}.json").read_bytes()
    data: dict[str, list[dict[str, Any]]] = orjson.loads(raw)
    return data


def install(store: Store, name: str) -> int:
    """Add the preset's entries the store lacks (sides first: rounds name them).

    Entries whose slug exists already are left as they are. Returns how many were added.
    """
    preset = load(name)
    added = 0
    for side in preset.get("sides", []):
        if store.get("sides", side["slug"]) is None:
            add_entry(store, SIDES, new_side(side["slug"], side["name"], side["aliases"]))
            added += 1
    for topic in preset.get("topics", []):
        if store.get("topics", topic["slug"]) is None:
            record = new_topic(
                topic["slug"], topic["title"], topic["description"], topic["aliases"]
            )
            add_entry(store, TOPICS, record)
            added += 1
    for round_ in preset.get("rounds", []):
        if store.get("rounds", round_["slug"]) is None:
            fields = {
                k: round_[k] for k in ("name", "date", "end", "venue", "parties", "note", "aliases")
            }
            add_entry(store, ROUNDS, new_round(store, round_["slug"], **fields))
            added += 1
    for person in preset.get("people", []):
        if store.get(PEOPLE.table, person["slug"]) is None:
            fields = {k: person[k] for k in ("name", "side", "role", "aliases")}
            add_entry(store, PEOPLE, new_person(store, person["slug"], **fields))
            added += 1
    return added
