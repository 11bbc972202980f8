"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import json
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.history import ordered_entries
from claimtrack.model import CLAIM_FIELDS, SCHEMA_VERSION
from claimtrack.store import Store, empty_data, read_store
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, add_entry, new_round, new_side, new_topic

# An empty store exactly as it lies on disk: the format is part of the contract.
EMPTY_STORE = (
    "{\n"
    '  "claims": {},\n'
    '  "meta": {\n'
    '    "schema": {\n'
    '      "migrations": [\n'
    '        "sourcing-and-history",\n'
    '        "topics-and-attribution",\n'
    '        "history-beside-the-store"\n'
    "      ],\n"
    f'      "version": {SCHEMA_VERSION}\n'
    "    }\n"
    "  },\n"
    '  "people": {},\n'
    '  "rounds": {},\n'
    '  "sides": {},\n'
    '  "topics": {}\n'
    "}\n"
)

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


# Seven claims of the Russia / US / NATO talks, labelled for the filter tables below.
SEVEN: dict[str, dict[str, Any]] = {
    "c1": {
        "side": "russia",
        "to": ["us", "nato"],
        "round": "geneva",
        "topics": ["nato-nonexpansion"],
        "kind": "demand",
        "speaker": "Sergei Ryabkov",
        "text": "ضمانات ملزمة قانونيا بعدم توسع الناتو",
        "translation": "Legally binding guarantees that NATO will not expand",
        "tags": ["guarantees"],
        "note": "Opening position",
    },
    "c2": {
        "side": "us",
        "to": ["russia"],
        "round": "geneva",
        "topics": ["missiles"],
        "kind": "proposal",
        "speaker": "Wendy Sherman",
        "text": "Reciprocal limits on missile deployments",
        "tags": ["arms-control"],
    },
    "c3": {
        "side": "nato",
        "to": ["russia"],
        "round": "nrc",
        "topics": ["nato-nonexpansion"],
        "kind": "rejection",
        "speaker": "Jens Stoltenberg",
        "text": "NATO's door remains open",
        "tags": ["open-door", "Guarantees"],
    },
    "c4": {
        "side": "russia",
        "date": "2022-01-26",
        "topics": ["deescalation"],
        "kind": "warning",
        "speaker": "Sergei Lavrov",
        "text": "لن ننتظر إلى الأبد",
        "note": "Said in Moscow; guarantees again",
    },
    "c5": {
        "side": "russia",
        "to": ["nato"],
        "round": "nrc",
        "topics": ["missiles"],
        "kind": "response",
        "speaker": "Alexander Grushko",
        "text": "الصواريخ متوسطة المدى",
        "translation": "Intermediate-range missiles",
    },
    "c6": {
        "side": "us",
        "date": "2022-01-26",
        "topics": ["nato-nonexpansion"],
        "kind": "response",
        "text": "Written response delivered",
        "source": "State Department",
        "tags": ["guarantees"],
    },
    "c7": {
        "side": "russia",
        "date": "2022-02-17",
        "topics": ["nato-nonexpansion"],
        "kind": "statement",
        "text": "Reply to the written response",
        "speaker": "MFA spokeswoman",
    },
}


def record_args(fields: dict[str, Any]) -> list[str]:
    """`claimtrack record` arguments for a claim given as in SEVEN."""
    args: list[str] = []
    for name, value in fields.items():
        if name == "text":
            continue
        option = {"to": "--to", "tags": "--tag", "topics": "--topic"}.get(
            name, f"--{name.replace('_', '-')}"
        )
        for item in value if isinstance(value, list) else [value]:
            args += [option, item]
    return [*args, fields["text"]]


# --- for the CLI tests of claims ----------------------------------------------------

BASE = ("-s", "russia", "-T", "missiles", "-k", "demand")
TSV_HEADER = "\t".join(CLAIM_FIELDS) + "\n"


def ok(run: Run, *args: str, input: str | None = None) -> Result:
    result = run(*args, input=input)
    assert result.exit_code == 0, result.stderr
    return result


def claims_in(path: Path) -> dict[str, dict[str, Any]]:
    claims: dict[str, dict[str, Any]] = json.loads(path.read_bytes())["claims"]
    return claims


def ids_of(run: Run, *args: str) -> list[str]:
    return ok(run, *args, "--format", "ids").stdout.split()


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, module: str, stream: str) -> None:
    """Make `module` see a terminal on sys.<stream> (CliRunner's streams are not one)."""
    fake = types.SimpleNamespace(**{stream: types.SimpleNamespace(isatty=lambda: True)})
    monkeypatch.setattr(f"claimtrack.commands.{module}.sys", fake)


UNKNOWN_SIDE = (
    "unknown side 'rusia' (did you mean: russia?). "
    "Add it with: claimtrack side add rusia --name ..."
)


def tsv_row(claim: dict[str, Any]) -> str:
    """The tsv line `list` prints for a claim whose fields need no escaping."""
    cells = []
    for field in CLAIM_FIELDS:
        value = claim[field]
        if isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        cells.append("" if value is None else str(value))
    return "\t".join(cells) + "\n"


def history_entries(path: Path) -> list[dict[str, Any]]:
    """The history entries the store at `path` includes, oldest first."""
    return ordered_entries(read_store(path))
