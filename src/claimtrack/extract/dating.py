"""The day a statement was made, from the reporter's words and the publication date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from claimtrack.dates import parse_date
from claimtrack.errors import DateError
from claimtrack.extract.article import english_months
from claimtrack.extract.lexicon import TODAY, WEEKDAYS, YESTERDAY
from claimtrack.extract.names import Names, words
from claimtrack.textmatch import fold

_DAY_RE = re.compile(r"(?<![\d/])\d{1,2}(?![\d/])")


@cache
def _date_words() -> dict[str, Names]:
    return {
        "today": words(TODAY),
        "yesterday": words(YESTERDAY),
        **{str(day): words(names) for day, names in enumerate(WEEKDAYS)},
    }


def day_named(lead: str, frame: str, published_iso: str) -> str | None:
    """The day a reporter's words name, resolved against the publication date: a date
    (in the words before the passage first), "yesterday", a weekday, "today"."""
    published = dt.date.fromisoformat(published_iso)
    found = _explicit_date(lead, published) or _explicit_date(frame, published)
    folded = fold(frame)
    date_words = _date_words()
    if found is None and date_words["yesterday"].find(folded):
        found = (published - dt.timedelta(days=1)).isoformat()
    for day in range(7):
        if found is None and date_words[str(day)].find(folded):
            back = (published.weekday() - day) % 7
            found = (published - dt.timedelta(days=back)).isoformat()
    if found is None and date_words["today"].find(folded):
        found = published_iso
    return found


def _explicit_date(frame: str, published: dt.date) -> str | None:
    """A day and month the frame names ("21 January", "12 شباط/فبراير"), with the year
    the text gives or the one that puts it on or before the publication date."""
    tokens = frame.split()
    for index, token in enumerate(tokens):
        if not _DAY_RE.fullmatch(fold(token).strip("(),.،")):
            continue
        for length in (3, 2, 1):
            candidate = english_months(" ".join(tokens[index : index + 1 + length]))
            candidate = candidate.strip("(),.،")
            found = _as_date(candidate, published)
            if found is not None:
                return found
    return None


def _as_date(text: str, published: dt.date) -> str | None:
    try:
        return parse_date(text)
    except DateError:
        pass
    try:
        day = dt.date.fromisoformat(parse_date(f"{text} {published.year}"))
    except DateError:
        return None
    if day > published:
        day = day.replace(year=day.year - 1)
    return day.isoformat()
