"""Single values of a claim or vocabulary entry: kinds, attributions, slugs, texts,
dates, urls and grades, checked (and normalised) one at a time. No I/O.

`fields` builds the claim's field specification from these.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from claimtrack.errors import InputError

KINDS: Final = (
    "demand",
    "proposal",
    "response",
    "acceptance",
    "rejection",
    "warning",
    "statement",
)

# quote: the speaker's own words as the source quotes them; readout: an official
# statement's wording about the speaker; paraphrase: the reporter's words.
ATTRIBUTIONS: Final = ("quote", "readout", "paraphrase")

MAX_TEXT_LENGTH: Final = 100_000

_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ID_RE = re.compile(r"[a-z2-7]{4,}")
_GRADE_RE = re.compile(r"[A-F][1-6]")
_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


# --- single values ---------------------------------------------------------------------


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


def check_slug(slug: str, what: str) -> str:
    if not _SLUG_RE.fullmatch(slug):
        raise InputError(
            f"invalid {what} slug {slug!r}",
            "A slug is lowercase letters a-z, digits and single hyphens, e.g. 'nato-expansion'",
        )
    return slug


def check_choice(value: str, choices: Sequence[str], what: str) -> str:
    """`value` as one of `choices`, whatever its case and surrounding spaces."""
    folded = value.strip().lower()
    if folded not in choices:
        raise InputError(f"unknown {what} {value!r}", f"Use one of: {', '.join(choices)}")
    return folded


def check_kind(kind: str) -> str:
    return check_choice(kind, KINDS, "kind")


def check_attribution(attribution: str) -> str:
    return check_choice(attribution, ATTRIBUTIONS, "attribution")


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


def looks_like_id(text: str) -> bool:
    return bool(_ID_RE.fullmatch(text))


def check_id(text: str) -> str:
    if not looks_like_id(text):
        raise InputError(f"'{text}' is not a claimtrack id (four or more of a-z and 2-7)")
    return text


def is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_timestamp(value: Any) -> bool:
    return isinstance(value, str) and bool(_TIMESTAMP_RE.fullmatch(value))


def check_timestamp(text: str) -> str:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not an ISO 8601 time such as 2022-01-10T09:30:00Z") from None
    return text


def check_labels(values: Iterable[str], field: str) -> list[str]:
    """Aliases or tags: each checked and trimmed, repeats dropped, order kept."""
    cleaned: list[str] = []
    for value in values:
        text = check_text(value, field, required=True)
        assert text is not None
        if text.strip() not in cleaned:
            cleaned.append(text.strip())
    return cleaned


def is_slug(text: str) -> bool:
    return bool(_SLUG_RE.fullmatch(text))
