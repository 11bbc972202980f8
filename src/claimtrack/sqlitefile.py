"""The store as an SQLite database, for datasette, sqlite-utils or any SQL client.

One table per record type (`claims`, `sides`, `topics`, `rounds`, `people`) with a column per
field; the sides a claim addresses and the topics it is filed under are link tables
(`claim_addressees`, `claim_topics`, each with the item's `position` in the list),
so SQL can join on them; other lists (aliases, parties, tags) are JSON arrays, as
sqlite-utils stores them. `claims_fts` is an FTS5 index over text and translation
(external content, the layout sqlite-utils and datasette look for). The schema
version is the database's `user_version`.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from claimtrack.model import CLAIM_FIELDS, VOCAB_FIELDS

Record = dict[str, Any]

# list field of a claim -> (link table, column naming the item, table it refers to)
LINKS: Final = {
    "to": ("claim_addressees", "side", "sides"),
    "topics": ("claim_topics", "topic", "topics"),
}
# field -> table it refers to, for the foreign keys datasette shows as links
_REFERENCES: Final = {
    "side": "sides",
    "topic": "topics",
    "round": "rounds",
    "responds_to": "claims",
}


def claim_columns() -> tuple[str, ...]:
    """The claims table's columns: every field but those kept in link tables."""
    return tuple(name for name in CLAIM_FIELDS if name not in LINKS)


def sqlite_bytes(vocabulary: dict[str, list[Record]], claims: list[Record], version: int) -> bytes:
    """The database file holding `vocabulary` (sides, topics, rounds, people) and `claims`."""
    with tempfile.TemporaryDirectory(prefix="claimtrack-") as folder:
        path = Path(folder) / "export.sqlite"
        connection = sqlite3.connect(path)
        try:
            with connection:
                _create(connection, {**vocabulary, "claims": claims}, version)
                for table, fields in VOCAB_FIELDS.items():
                    _insert(connection, table, fields, vocabulary[table])
                _insert(connection, "claims", claim_columns(), claims)
                _insert_links(connection, claims)
                connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
        finally:
            connection.close()
        return path.read_bytes()


def _column(table: str, name: str, key: str, records: list[Record]) -> str:
    numeric = any(type(record.get(name)) in (bool, int) for record in records)
    definition = f"[{name}] {'INTEGER' if numeric else 'TEXT'}"
    if name == key:
        definition += " PRIMARY KEY"
    elif table == "claims" and name in _REFERENCES:
        definition += f" REFERENCES [{_REFERENCES[name]}]"
    elif table == "people" and name == "side":
        definition += " REFERENCES [sides]"
    return definition


def _create(connection: sqlite3.Connection, tables: dict[str, list[Record]], version: int) -> None:
    connection.execute(f"PRAGMA user_version = {int(version)}")
    for table, fields in (*VOCAB_FIELDS.items(), ("claims", claim_columns())):
        key = "id" if table == "claims" else "slug"
        columns = ", ".join(_column(table, name, key, tables[table]) for name in fields)
        connection.execute(f"CREATE TABLE [{table}] ({columns})")
    for field, (table, column, target) in LINKS.items():
        if field in CLAIM_FIELDS:
            connection.execute(
                f"CREATE TABLE [{table}] ([claim] TEXT REFERENCES [claims], "
                f"[{column}] TEXT REFERENCES [{target}], [position] INTEGER, "
                f"PRIMARY KEY ([claim], [{column}]))"
            )
    connection.execute(
        "CREATE VIRTUAL TABLE [claims_fts] USING fts5([text], [translation], "
        "content=[claims], tokenize='unicode61 remove_diacritics 2')"
    )


def cell(value: Any) -> Any:
    """A field's value in SQLite: lists as JSON arrays, booleans as 0/1, text as it is."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _insert(
    connection: sqlite3.Connection, table: str, fields: Sequence[str], records: list[Record]
) -> None:
    columns = ", ".join(f"[{name}]" for name in fields)
    marks = ", ".join("?" for _ in fields)
    connection.executemany(
        f"INSERT INTO [{table}] ({columns}) VALUES ({marks})",
        ([cell(record.get(name)) for name in fields] for record in records),
    )


def _insert_links(connection: sqlite3.Connection, claims: list[Record]) -> None:
    for field, (table, column, _) in LINKS.items():
        if field not in CLAIM_FIELDS:
            continue
        connection.executemany(
            f"INSERT INTO [{table}] ([claim], [{column}], [position]) VALUES (?, ?, ?)",
            (
                (claim["id"], item, position)
                for claim in claims
                for position, item in enumerate(claim.get(field) or [])
            ),
        )
