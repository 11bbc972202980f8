"""Dates as analysts type them and as sources print them, read into ISO ``YYYY-MM-DD``.

Sources write dates in Arabic (``٢١ يناير ٢٠٢٢``), Russian (``7 марта 2022 г.``),
Ukrainian (``7 березня 2022 року``), French (``le 7 mars 2022``) and English.

The rule is: never guess. A date that could be read two ways, lacks a part, or does
not exist is refused with a message saying how to write it instead.

Parsing is python-dateutil's; this module only rewrites the other languages' forms
into English that dateutil reads (month and weekday names, era letters and year
words, the Arabic comma) and checks dateutil's answer for the guesses it would
otherwise make silently.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from claimtrack.errors import DateError
from claimtrack.textmatch import fold_letters

__all__ = ["format_date_long", "parse_date"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Month by month: the Egyptian/Gulf names, then the Levantine ones. Hamza, alef and
# diacritic variants need no entry of their own: names and input both go through
# fold_letters (which also makes "février" "fevrier" and "май" "маи").
_ARABIC_MONTHS = (
    ("يناير", "كانون الثاني"),
    ("فبراير", "شباط"),
    ("مارس", "آذار"),
    ("أبريل", "نيسان"),
    ("مايو", "أيار"),
    ("يونيو", "يونيه", "حزيران"),
    ("يوليو", "يوليه", "تموز"),
    ("أغسطس", "آب"),
    ("سبتمبر", "أيلول"),
    ("أكتوبر", "تشرين الأول"),
    ("نوفمبر", "تشرين الثاني"),
    ("ديسمبر", "كانون الأول"),
)
# French names and their usual abbreviations (an abbreviation may end in a dot).
_FRENCH_MONTHS = (
    ("janvier", "janv"),
    ("février", "févr", "fév"),
    ("mars",),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("août",),
    ("septembre",),
    ("octobre",),
    ("novembre",),
    ("décembre", "déc"),
)
# Russian and Ukrainian: the nominative ("март") and the genitive a date uses ("7 марта").
_RUSSIAN_MONTHS = (
    ("январь", "января"),
    ("февраль", "февраля"),
    ("март", "марта"),
    ("апрель", "апреля"),
    ("май", "мая"),
    ("июнь", "июня"),
    ("июль", "июля"),
    ("август", "августа"),
    ("сентябрь", "сентября"),
    ("октябрь", "октября"),
    ("ноябрь", "ноября"),
    ("декабрь", "декабря"),
)
_UKRAINIAN_MONTHS = (
    ("січень", "січня"),
    ("лютий", "лютого"),
    ("березень", "березня"),
    ("квітень", "квітня"),
    ("травень", "травня"),
    ("червень", "червня"),
    ("липень", "липня"),
    ("серпень", "серпня"),
    ("вересень", "вересня"),
    ("жовтень", "жовтня"),
    ("листопад", "листопада"),
    ("грудень", "грудня"),
)
_MONTH_BY_NAME = {
    fold_letters(name): english
    for table in (_ARABIC_MONTHS, _FRENCH_MONTHS, _RUSSIAN_MONTHS, _UKRAINIAN_MONTHS)
    for names, english in zip(table, MONTHS, strict=True)
    for name in names
}
# Longest first, so that no name is cut short by a shorter one.
_MONTH = "|".join(re.escape(n) for n in sorted(_MONTH_BY_NAME, key=len, reverse=True))
# Patterns are kept as strings and compiled by re's own cache on first use: compiling
# them at import slowed every command's start-up, and ISO input needs none.
# A month alone, or paired as sources write it: "يناير/كانون الثاني", "كانون الأول (ديسمبر)".
_MONTH_RE = rf"(?<!\w)({_MONTH})\.?(?:\s*/\s*({_MONTH})\.?|\s*\(\s*({_MONTH})\.?\s*\))?(?!\w)"
_WEEKDAYS = (
    *("سبت", "أحد", "اثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة"),
    *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    *("понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу"),
    *("суббота", "субботу", "воскресенье"),
    *("понеділок", "вівторок", "середа", "середу", "четвер", "пʼятниця", "пʼятницю"),
    *("пятниця", "пятницю", "п'ятниця", "п'ятницю", "субота", "суботу", "неділя", "неділю"),
)
_WEEKDAY = "|".join(re.escape(fold_letters(day)) for day in _WEEKDAYS)
_WEEKDAY_RE = rf"(?<!\w)(?:{fold_letters('يوم')} )?(?:ال)?(?:{_WEEKDAY})(?!\w)"
# Words around the date that say nothing: "le 1er mars", "7 марта 2022 г.",
# "7 березня 2022 року", "2022ء" and "2022م" (the Common Era in Urdu and Arabic).
_FILLER_RES = (
    (r"(?<!\w)le(?!\w)", " "),
    (r"(?<=\d)er(?!\w)", ""),
    (r"(?<=\d)\s*(?:года|год|г|року|рік|р)(?:\.|(?!\w))", " "),
    (r"(?<=\d)\s*[ءم](?!\w)", ""),
)
# Quick test for the rewriting above: ASCII input without these words skips it.
_ASCII_NAMES_RE = rf"(?<![a-z])(?:le|\d+er|{_MONTH}|{_WEEKDAY})(?![a-z])"

_ISO_RE = r"(\d{4})-(\d{2})-(\d{2})"

# Two defaults for the parts a text leaves out: whatever differs between the two
# results was filled in, not read. Both are leap years and 31-day months, so a
# filled-in part never turns a real date like "29 Feb" or "31" into an error; the
# days are a week apart, so a weekday standing in for the day ("Monday June") shows.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 3, 8))

_EXAMPLES = "Write it as YYYY-MM-DD or with the month's name, e.g. 2022-01-21 or 21 Jan 2022"


def parse_date(text: str) -> str:
    """Read a full date as people type it; return it as ISO ``YYYY-MM-DD``.

    Raises ``DateError`` for an empty, unreadable, partial, impossible or
    ambiguous date (day and month could be swapped, two-digit year).
    """
    shown = text.strip()
    if not shown:
        raise DateError("No date given", hint=_EXAMPLES)
    key = fold_letters(text)
    iso = re.fullmatch(_ISO_RE, key, re.ASCII)
    if iso:
        return _make_date(shown, *(int(part) for part in iso.groups())).isoformat()
    if not key.isascii() or re.search(_ASCII_NAMES_RE, key):
        key = _normalise_names(shown, key)
    return _parse_with_dateutil(shown, key).isoformat()


def format_date_long(iso: str) -> str:
    """Write an ISO date for prose: ``2022-01-21`` -> ``21 January 2022``."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        raise DateError(f"'{iso}' is not an ISO date (YYYY-MM-DD)") from None
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _make_date(shown: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as err:
        raise DateError(f"'{shown}' is not a real date ({err})") from None


def _normalise_names(shown: str, key: str) -> str:
    """Rewrite the Arabic, French, Russian and Ukrainian parts of a folded date into
    English that dateutil reads."""

    def month(match: re.Match[str]) -> str:
        first, *others = (_MONTH_BY_NAME[name] for name in match.groups() if name)
        if any(other != first for other in others):
            raise DateError(
                f"'{shown}' names two different months",
                hint="Give one month, or two names of the same month",
            )
        return first

    key = re.sub(_MONTH_RE, month, key)
    key = re.sub(_WEEKDAY_RE, " ", key)
    for pattern, replacement in _FILLER_RES:
        key = re.sub(pattern, replacement, key)
    return key.replace("،", ",")


def _parse_with_dateutil(shown: str, key: str) -> date:
    # Imported here: dateutil costs start-up time that ISO input never needs.
    from dateutil.parser import ParserError, parse, parserinfo

    try:
        first, second = (parse(key, default=default) for default in _DEFAULTS)
    except ParserError as err:
        if isinstance(err.__cause__, ValueError):
            # dateutil read every part, but they make no date (31 Feb, month 13).
            raise DateError(f"'{shown}' is not a real date ({err.__cause__})") from None
        raise DateError(f"Cannot read '{shown}' as a date", hint=_EXAMPLES) from None
    except OverflowError:
        raise DateError(f"Cannot read '{shown}' as a date", hint=_EXAMPLES) from None
    missing = [
        part for part in ("day", "month", "year") if getattr(first, part) != getattr(second, part)
    ]
    if missing:
        raise DateError(
            f"'{shown}' is not a full date: it has no {' or '.join(missing)}",
            hint="Give day, month and year, e.g. 21 Jan 2022",
        )
    day, month, year = first.day, first.month, f"{first.year:04d}"
    # dateutil expands a two-digit year relative to today, and unpacks runs of digits
    # ("102022") its own way: the year must stand written, alone or leading YYYYMMDD.
    numbers = re.findall(r"\d+", key)
    if not any(n == year or (len(n) == 8 and n.startswith(year)) for n in numbers):
        raise DateError(
            f"'{shown}' has no four-digit year", hint="Write the year in full, e.g. 2022"
        )
    # Day and month both written as numbers, not after the year (whose order is always
    # year, month, day): if either could be the month, dateutil's choice is a guess.
    named = any(parserinfo().month(word) for word in re.findall(r"[^\W\d_]+", key))
    if not named and day != month and day <= 12 and not numbers[0].startswith(year):
        raise DateError(
            f"'{shown}' is ambiguous: it could be {month} {MONTHS[day - 1]} "
            f"or {day} {MONTHS[month - 1]}",
            hint=_EXAMPLES,
        )
    return date(first.year, month, day)
