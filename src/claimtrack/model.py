"""Records and their rules: sides, topics, rounds, people and claims. No I/O.

Records are plain dicts (typed below) rather than dataclasses: a store of 100,000
claims is loaded, filtered and dumped on every command, and building an object per
claim would cost more than the filtering itself.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Final, TypedDict

from claimtrack.checks import (
    ATTRIBUTIONS,
    KINDS,
    MAX_TEXT_LENGTH,
    check_attribution,
    check_grade,
    check_kind,
    check_labels,
    check_slug,
    check_text,
    check_url,
    looks_like_id,
)
from claimtrack.fields import CLAIM_FIELDS, CLEARABLE_CLAIM_FIELDS, blank_claim

__all__ = [
    "ATTRIBUTIONS",
    "CLAIM_FIELDS",
    "CLEARABLE_CLAIM_FIELDS",
    "KINDS",
    "MAX_TEXT_LENGTH",
    "blank_claim",
    "check_attribution",
    "check_grade",
    "check_kind",
    "check_labels",
    "check_slug",
    "check_text",
    "check_url",
    "looks_like_id",
]

SCHEMA_VERSION: Final = 2


class SideRecord(TypedDict):
    slug: str
    name: str
    aliases: list[str]


class TopicRecord(TypedDict):
    slug: str
    title: str
    description: str | None
    aliases: list[str]


class RoundRecord(TypedDict):
    slug: str
    name: str
    date: str
    end: str | None
    venue: str | None
    parties: list[str]
    note: str | None
    aliases: list[str]


class PersonRecord(TypedDict):
    slug: str
    name: str  # the display name claims store as their speaker
    side: str
    role: str | None
    aliases: list[str]


class ClaimRecord(TypedDict):
    id: str
    side: str
    to: list[str]
    speaker: str | None
    round: str | None
    date: str
    topics: list[str]
    kind: str
    text: str
    translation: str | None
    attribution: str
    source: str | None
    url: str | None
    published: str | None
    grade: str | None
    responds_to: str | None
    tags: list[str]
    note: str | None
    created: str
    updated: str


# The claim's fields are defined in `fields.CLAIM_SPEC`; ClaimRecord mirrors it for
# type checkers (a test keeps the two in step).
SIDE_FIELDS: Final = tuple(SideRecord.__annotations__)
TOPIC_FIELDS: Final = tuple(TopicRecord.__annotations__)
ROUND_FIELDS: Final = tuple(RoundRecord.__annotations__)
PERSON_FIELDS: Final = tuple(PersonRecord.__annotations__)

# The vocabularies' records, field by field, defined once: (name, shape), the shape
# one of text, text? (may be null), list (of texts), date, date? and side or sides
# (the slugs of sides). Validation at load, `check`, import, export and the merge
# driver take the tables and their fields from here; the TypedDicts above mirror it
# for type checkers (a test keeps them in step).
VOCAB_SHAPES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "sides": (("slug", "text"), ("name", "text"), ("aliases", "list")),
    "topics": (("slug", "text"), ("title", "text"), ("description", "text?"), ("aliases", "list")),
    "rounds": (
        ("slug", "text"),
        ("name", "text"),
        ("date", "date"),
        ("end", "date?"),
        ("venue", "text?"),
        ("parties", "sides"),
        ("note", "text?"),
        ("aliases", "list"),
    ),
    # after sides, which people speak for
    "people": (
        ("slug", "text"),
        ("name", "text"),
        ("side", "side"),
        ("role", "text?"),
        ("aliases", "list"),
    ),
}
VOCAB_TABLES: Final = tuple(VOCAB_SHAPES)
DATA_TABLES: Final = (*VOCAB_TABLES, "claims")  # the tables of records, claims last
VOCAB_FIELDS: Final = {
    table: tuple(name for name, _ in shape) for table, shape in VOCAB_SHAPES.items()
}
SINGULAR: Final = {
    "sides": "side",
    "topics": "topic",
    "rounds": "round",
    "people": "person",
    "claims": "claim",
}


def check_aliases(aliases: Iterable[str]) -> list[str]:
    return check_labels(aliases, "alias")


def mint_claim_id(
    side: str, date: str, topics: Iterable[str], text: str, taken: Container[str]
) -> str:
    """A short id derived from what the claim says, not from when it was added.

    Two analysts recording the same claim into copies of one store get the same id
    (so merging them is trivial), and different claims get different ids. Ten
    base32 characters hold 50 bits: a collision among a million claims is about
    one in two thousand, and `taken` turns even that into a fresh id.

    The topics count in any order, joined by commas: a claim on one topic gets the id
    schema version 1 minted from its `topic`. Ids already stored never change.
    """
    # Only `record` and imports mint ids; hashlib is slow to import.
    import base64
    import hashlib

    salt = 0
    while True:
        material = "\x1f".join((side, date, topic_key(topics), text, str(salt) if salt else ""))
        digest = hashlib.sha256(material.encode("utf-8")).digest()
        candidate = base64.b32encode(digest).decode("ascii")[:10].lower()
        if candidate not in taken:
            return candidate
        salt += 1


def topic_key(topics: Iterable[str]) -> str:
    """The topics of a claim as one text, the same whatever order they were given in."""
    return ",".join(sorted(topics))
