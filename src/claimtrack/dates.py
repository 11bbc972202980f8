"""Dates (interim: ISO only)."""

from __future__ import annotations

import datetime as dt

from claimtrack.errors import DateError


def parse_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise DateError(f"cannot read the date {text!r}") from None


def format_date_long(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"
