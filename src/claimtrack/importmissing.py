"""`import --add-missing`: create the sides, topics and rounds a file names but the store lacks.

csv and jsonl files (and json lists of claims) carry claims only, so a store that
has never seen the file's sides, topics or rounds refuses it. With --add-missing,
each name that is a valid slug (after lowercasing) becomes an entry named after its
slug; a round is dated by the earliest date among the claims that name it, and the
report says so. Names that cannot be slugs, and rounds none of whose claims gives a
date, stay unknown and are reported as problems as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from claimtrack.dates import parse_date
from claimtrack.errors import InputError
from claimtrack.model import check_slug
from claimtrack.store import Store
from claimtrack.vocab import (
    ROUNDS,
    SIDES,
    TOPICS,
    Vocabulary,
    add_entry,
    new_round,
    new_side,
    new_topic,
    resolve,
)

Record = dict[str, Any]

# claim field -> the vocabulary its names come from
REFERENCES: Final = {"side": SIDES, "to": SIDES, "topic": TOPICS, "topics": TOPICS, "round": ROUNDS}
_NO_VOCABULARY_HINT: Final = (
    "csv, jsonl and json lists of claims carry no sides, topics or rounds: pass "
    "--add-missing to create them from their slugs, add them first (claimtrack side add, "
    "topic add, round add), or import a json dump from claimtrack export that holds them"
)

_DUMP_MISSING_HINT: Final = "Add them first, or pass --add-missing to create them from their slugs"


def missing_hint(file_has_vocabulary: bool) -> str:
    """The hint for claims naming entries the store lacks, by what the file could hold."""
    return _DUMP_MISSING_HINT if file_has_vocabulary else _NO_VOCABULARY_HINT


def missing_entries(store: Store, claims: Iterable[Record]) -> dict[tuple[str, str], list[str]]:
    """(kind, slug) of every entry the claims name and the store lacks, with the dates
    of the claims that name it (for a round's date)."""
    wanted: dict[tuple[str, str], list[str]] = {}
    for claim in claims:
        for field, vocab in REFERENCES.items():
            value = claim.get(field)
            for name in value if isinstance(value, list) else [value]:
                slug = _new_slug(store, vocab, name)
                if slug is not None:
                    wanted.setdefault((vocab.kind, slug), []).extend(_date_of(claim))
    return wanted


def add_missing(store: Store, claims: Iterable[Record]) -> list[tuple[str, str, str]]:
    """Add the missing entries; returns (kind, slug, what was said about it) for each."""
    vocabularies = {vocab.kind: vocab for vocab in (SIDES, TOPICS, ROUNDS)}
    order = list(vocabularies)
    added: list[tuple[str, str, str]] = []
    wanted = missing_entries(store, claims)
    for kind, slug in sorted(wanted, key=lambda key: (order.index(key[0]), key[1])):
        vocab = vocabularies[kind]
        if vocab is ROUNDS:
            dates = wanted[(kind, slug)]
            if not dates:
                continue  # left unknown: the claims' problems say so
            add_entry(store, vocab, new_round(store, slug, name=slug, date=min(dates)))
            said = f"dated {min(dates)}, the earliest date of its claims"
        elif vocab is SIDES:
            add_entry(store, vocab, new_side(slug, slug))
            said = f"named '{slug}'"
        else:
            add_entry(store, vocab, new_topic(slug, slug))
            said = f"titled '{slug}'"
        added.append((kind, slug, said))
    return added


def _new_slug(store: Store, vocab: Vocabulary, name: Any) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        resolve(store, vocab, name)
        return None
    except InputError:
        pass
    try:
        return check_slug(name.strip().lower(), vocab.kind)
    except InputError:
        return None


def _date_of(claim: Record) -> list[str]:
    value = claim.get("date")
    if not isinstance(value, str):
        return []
    try:
        return [parse_date(value)]
    except InputError:
        return []
