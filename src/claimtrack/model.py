"""Records and their rules: sides, topics, rounds and claims, with validation. No I/O.

Records are plain dicts (typed below) rather than dataclasses: a store of 100,000
claims is loaded, filtered and dumped on every command, and building an object per
claim would cost more than the filtering itself.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from typing import Any, Final, TypedDict

from claimtrack.errors import InputError

SCHEMA_VERSION: Final = 1

KINDS: Final = (
    "demand",
    "proposal",
    "response",
    "acceptance",
    "rejection",
    "warning",
    "statement",
)

MAX_TEXT_LENGTH: Final = 100_000

_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_GRADE_RE = re.compile(r"[A-F][1-6]")
_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
_ID_RE = re.compile(r"[a-z2-7]{4,}")


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


class ClaimRecord(TypedDict):
    id: str
    side: str
    to: list[str]
    speaker: str | None
    round: str | None
    date: str
    topic: str
    kind: str
    text: str
    translation: str | None
    verbatim: bool
    source: str | None
    url: str | None
    published: str | None
    grade: str | None
    responds_to: str | None
    tags: list[str]
    note: str | None
    created: str
    updated: str


# Field order for tabular output and for csv import/export; json keeps the same names.
CLAIM_FIELDS: Final = tuple(ClaimRecord.__annotations__)
SIDE_FIELDS: Final = tuple(SideRecord.__annotations__)
TOPIC_FIELDS: Final = tuple(TopicRecord.__annotations__)
ROUND_FIELDS: Final = tuple(RoundRecord.__annotations__)

# Fields `edit --clear` may empty: everything optional, nothing that identifies a claim.
CLEARABLE_CLAIM_FIELDS: Final = (
    "to",
    "speaker",
    "round",
    "translation",
    "source",
    "url",
    "published",
    "grade",
    "responds_to",
    "tags",
    "note",
)


def check_slug(slug: str, what: str) -> str:
    if not _SLUG_RE.fullmatch(slug):
        raise InputError(
            f"invalid {what} slug {slug!r}",
            "A slug is lowercase letters a-z, digits and single hyphens, e.g. 'nato-expansion'",
        )
    return slug


def check_text(value: str, field: str, *, required: bool = False) -> str | None:
    """Refuse text a store must not hold: NUL bytes, lone surrogates, runaway length."""
    if value == "" or value.isspace():
        if required:
            raise InputError(f"{field} must not be empty")
        return None
    if "\x00" in value:
        raise InputError(f"{field} contains a NUL byte")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{field} is not valid UTF-8 text", "Check the terminal's or file's encoding"
        ) from None
    if len(value) > MAX_TEXT_LENGTH:
        raise InputError(
            f"{field} is {len(value):,} characters long; the limit is {MAX_TEXT_LENGTH:,}"
        )
    return value


def check_kind(kind: str) -> str:
    folded = kind.strip().lower()
    if folded not in KINDS:
        raise InputError(f"unknown kind {kind!r}", f"Use one of: {', '.join(KINDS)}")
    return folded


def check_grade(grade: str) -> str:
    normalised = grade.strip().upper()
    if not _GRADE_RE.fullmatch(normalised):
        raise InputError(
            f"invalid grade {grade!r}",
            "A grade is an Admiralty code: reliability A-F then credibility 1-6, e.g. B2",
        )
    return normalised


def check_url(url: str) -> str:
    text = (check_text(url, "url", required=True) or "").strip()
    if not _URL_RE.fullmatch(text) or not _url_host(text):
        raise InputError(f"invalid url {url!r}", "A url must start with http:// or https://")
    return text


def _url_host(url: str) -> str | None:
    import urllib.parse  # slow to import, with ipaddress; only urls need it

    try:
        return urllib.parse.urlsplit(url).hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None


def check_labels(values: Iterable[str], field: str) -> list[str]:
    """Aliases or tags: each checked and trimmed, repeats dropped, order kept."""
    cleaned: list[str] = []
    for value in values:
        text = check_text(value, field, required=True)
        assert text is not None
        if text.strip() not in cleaned:
            cleaned.append(text.strip())
    return cleaned


def check_aliases(aliases: Iterable[str]) -> list[str]:
    return check_labels(aliases, "alias")


def looks_like_id(text: str) -> bool:
    return bool(_ID_RE.fullmatch(text))


def mint_claim_id(side: str, date: str, topic: str, text: str, taken: Container[str]) -> str:
    """A short id derived from what the claim says, not from when it was added.

    Two analysts recording the same claim into copies of one store get the same id
    (so merging them is trivial), and different claims get different ids. Ten
    base32 characters hold 50 bits: a collision among a million claims is about
    one in two thousand, and `taken` turns even that into a fresh id.
    """
    # Only `record` and imports mint ids; hashlib is slow to import.
    import base64
    import hashlib

    salt = 0
    while True:
        material = "\x1f".join((side, date, topic, text, str(salt) if salt else ""))
        digest = hashlib.sha256(material.encode("utf-8")).digest()
        candidate = base64.b32encode(digest).decode("ascii")[:10].lower()
        if candidate not in taken:
            return candidate
        salt += 1


def blank_claim() -> dict[str, Any]:
    """Every claim field with its empty value, so json consumers always see every key."""
    return {
        field: ([] if field in ("to", "tags") else True if field == "verbatim" else None)
        for field in CLAIM_FIELDS
    }
