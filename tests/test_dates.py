"""parse_date() and format_date_long(): what analysts type and what Arabic sources print."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.dates import format_date_long, parse_date
from claimtrack.errors import DateError, InputError

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.mark.parametrize(
    "text",
    [
        "2022-01-10",
        " 2022-01-10 ",
        "10 Jan 2022",
        "Jan 10, 2022",
        "10 January 2022",
        "January 10 2022",
        "10 JANUARY 2022",
        "Monday 10 Jan 2022",
        "20220110",
        "2022/01/10",
        "2022 1 10",
        "2022-1-10 14:30",
        "2022-01-10T14:30:00",
    ],
)
def test_what_analysts_type(text: str) -> None:
    assert parse_date(text) == "2022-01-10"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("13/01/2022", "2022-01-13"),
        ("13.1.2022", "2022-01-13"),
        ("01/13/2022", "2022-01-13"),
        ("05/05/2022", "2022-05-05"),
        ("29 Feb 2024", "2024-02-29"),
        ("31 Dec 1999", "1999-12-31"),
    ],
)
def test_numeric_dates_read_only_one_way(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_iso_fast_path_does_not_import_dateutil() -> None:
    # A fresh interpreter: this test process may have imported dateutil already.
    code = (
        "import sys; from claimtrack.dates import parse_date; "
        "assert parse_date('2022-01-21') == '2022-01-21'; "
        "assert parse_date('٢٠٢٢-٠١-٢١') == '2022-01-21'; "
        "print('dateutil' in sys.modules)"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert out.stdout.strip() == "False"


# --- refusals: each with its own message --------------------------------------------------


def refusal(text: str) -> DateError:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("01/02/2022", "1 February or 2 January"),
        ("1.2.2022", "1 February or 2 January"),
        ("12-11-2022", "12 November or 11 December"),
        ("3 4 2022", "3 April or 4 March"),
        ("٠١/٠٢/٢٠٢٢", "1 February or 2 January"),
        ("Mon 1/2/2022 10:00", "1 February or 2 January"),
    ],
)
def test_swappable_day_and_month_refused(text: str, readings: str) -> None:
    err = refusal(text)
    assert err.message == f"'{text}' is ambiguous: it could be {readings}"
    assert err.hint is not None
    assert "YYYY-MM-DD" in err.hint
    assert "month's name" in err.hint


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Jan 2022", "day"),
        ("10 Jan", "year"),
        ("2022", "day or month"),
        ("29 Feb", "year"),
        ("Monday June 2022", "day"),
        ("الاثنين شباط 2022", "day"),
        ("31", "month or year"),
        ("كانون الثاني 2022", "day"),
        # In-text dates of the seed articles, where the year is the article's.
        ("26 كانون الثاني/ يناير", "year"),
        ("12 شباط/فبراير", "year"),
        ("17 كانون الأول (ديسمبر)", "year"),
    ],
)
def test_partial_date_refused(text: str, missing: str) -> None:
    err = refusal(text)
    assert err.message == f"'{text}' is not a full date: it has no {missing}"
    assert err.hint == "Give day, month and year, e.g. 21 Jan 2022"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 Feb 2022", "day is out of range for month"),
        ("29 Feb 2023", "day is out of range for month"),
        ("2022-02-30", "day is out of range for month"),
        ("2022-13-01", "month must be in 1..12"),
        ("2022/13/01", "month must be in 1..12"),
        ("٣١ شباط ٢٠٢٢", "day is out of range for month"),
    ],
)
def test_impossible_date_refused(text: str, reason: str) -> None:
    assert refusal(text).message == f"'{text}' is not a real date ({reason})"


@pytest.mark.parametrize("text", ["yesterday-ish", "soon", "the 5th", "۲۱ ژانویه ۲۰۲۲", "9" * 30])
def test_garbage_refused(text: str) -> None:
    err = refusal(text)
    assert err.message == f"Cannot read '{text}' as a date"
    assert err.hint is not None


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_refused(text: str) -> None:
    assert refusal(text).message == "No date given"


@pytest.mark.parametrize("text", ["10 Jan 22", "10/13/22", "١٠ يناير ٢٢", "102022", "220222"])
def test_year_not_in_four_digits_refused(text: str) -> None:
    err = refusal(text)
    assert err.message == f"'{text}' has no four-digit year"
    assert err.hint == "Write the year in full, e.g. 2022"


def test_pair_naming_two_months_refused() -> None:
    text = "21 يناير/شباط 2022"
    assert refusal(text).message == f"'{text}' names two different months"


PIECES = [
    *"0123456789٠١٢٣٤٥٦٧٨٩/.-:,() ءم",
    "Jan",
    "Mon",
    "يناير",
    "كانون الثاني",
    "الجمعة",
    "2022",
]


@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=8).map("".join)))
def test_any_text_gives_an_iso_date_or_a_date_error(text: str) -> None:
    try:
        iso = parse_date(text)
    except DateError:
        return
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso)


def test_refusal_reads_as_the_cli_prints_it() -> None:
    err = refusal("01/02/2022")
    assert isinstance(err, InputError)
    assert str(err) == f"{err.message}. {err.hint}"
    assert not err.message.endswith(".")


# --- Arabic forms -----------------------------------------------------------------------------

EGYPTIAN_GULF = [
    ("يناير",),
    ("فبراير",),
    ("مارس",),
    ("أبريل", "ابريل", "إبريل"),
    ("مايو",),
    ("يونيو", "يونيه"),
    ("يوليو", "يوليه"),
    ("أغسطس", "اغسطس"),
    ("سبتمبر",),
    ("أكتوبر", "اكتوبر"),
    ("نوفمبر",),
    ("ديسمبر",),
]
LEVANTINE = [
    ("كانون الثاني",),
    ("شباط",),
    ("آذار", "اذار"),
    ("نيسان",),
    ("أيار", "ايار"),
    ("حزيران",),
    ("تموز",),
    ("آب", "اب"),
    ("أيلول", "ايلول"),
    ("تشرين الأول", "تشرين الاول"),
    ("تشرين الثاني",),
    ("كانون الأول", "كانون الاول"),
]


@pytest.mark.parametrize(
    ("name", "month"),
    [
        pytest.param(name, month, id=f"{month:02d}-{name}")
        for names in (EGYPTIAN_GULF, LEVANTINE)
        for month, spellings in enumerate(names, start=1)
        for name in spellings
    ],
)
def test_arabic_month_names(name: str, month: int) -> None:
    assert parse_date(f"3 {name} 2022") == f"2022-{month:02d}-03"


@pytest.mark.parametrize(
    "text",
    [
        "21 يناير 2022",
        "٢١ يناير ٢٠٢٢",
        "۲۱ يناير ۲۰۲۲",
        "21 يناير/كانون الثاني 2022",
        "21 يناير / كانون الثاني 2022",
        "21 كانون الثاني/يناير 2022",
        "21 كانون الثاني (يناير) 2022",
        "21 يناير 2022ء",
        "21 يناير 2022 ء",
        "21 يناير 2022م",
        "الجمعة 21 يناير 2022",
        "الجمعة، 21 يناير، 2022",
        "يوم الجمعة 21 يناير 2022",
        "جمعة 21 يناير 2022",
        "21 ينـــاير 2022",  # tatweel
        "21 كانونُ الثّاني 2022",  # harakat
        "21 كانون  الثاني  2022",
        "\u200f21 يناير 2022\u200f",
    ],
)
def test_arabic_forms(text: str) -> None:
    assert parse_date(text) == "2022-01-21"


@pytest.mark.parametrize(
    "weekday", ["السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
)
def test_arabic_weekdays_ignored(weekday: str) -> None:
    assert parse_date(f"{weekday} 14 شباط 2022") == "2022-02-14"


# --- French, Russian and Ukrainian ------------------------------------------------------------

FRENCH = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
RUSSIAN_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
RUSSIAN_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
UKRAINIAN_NOMINATIVE = (
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
)
UKRAINIAN_GENITIVE = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)


@pytest.mark.parametrize(
    ("name", "month"),
    [
        pytest.param(name, month, id=f"{month:02d}-{name}")
        for names in (
            FRENCH,
            RUSSIAN_NOMINATIVE,
            RUSSIAN_GENITIVE,
            UKRAINIAN_NOMINATIVE,
            UKRAINIAN_GENITIVE,
        )
        for month, name in enumerate(names, start=1)
    ],
)
def test_european_month_names(name: str, month: int) -> None:
    assert parse_date(f"7 {name} 2022") == f"2022-{month:02d}-07"
    assert parse_date(f"7 {name.upper()} 2022") == f"2022-{month:02d}-07"


@pytest.mark.parametrize(
    "text",
    [
        "7 марта 2022",
        "7 березня 2022",
        "7 mars 2022",
        "7 марта 2022 г.",
        "7 марта 2022 года",
        "7 березня 2022 року",
        "7 березня 2022 р.",
        "понедельник, 7 марта 2022",
        "понеділок, 7 березня 2022",
        "lundi 7 mars 2022",
        "le 7 mars 2022",
        "Le 7 Mars 2022",
        "7 марта/березня 2022",
        "7 mars, 2022",
    ],
)
def test_european_forms(text: str) -> None:
    assert parse_date(text) == "2022-03-07"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("le 1er février 2022", "2022-02-01"),
        ("7 févr. 2022", "2022-02-07"),
        ("7 fevrier 2022", "2022-02-07"),
        ("15 août 2021", "2021-08-15"),
        ("15 aout 2021", "2021-08-15"),
        ("3 мая 2022", "2022-05-03"),
        ("3 МАЯ 2022 Г.", "2022-05-03"),
        ("29 лютого 2024", "2024-02-29"),
    ],
)
def test_european_spellings(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("март 2022", "'март 2022' is not a full date: it has no day"),
        ("7 березня", "'7 березня' is not a full date: it has no year"),
        ("mars 2022", "'mars 2022' is not a full date: it has no day"),
        ("31 февраля 2022", "'31 февраля 2022' is not a real date (day is out of range for month)"),
        ("30 лютого 2022", "'30 лютого 2022' is not a real date (day is out of range for month)"),
        ("7 марта 22", "'7 марта 22' has no four-digit year"),
        ("7 марта/апреля 2022", "'7 марта/апреля 2022' names two different months"),
    ],
)
def test_european_refusals(text: str, message: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.message == message


# --- the seed articles ------------------------------------------------------------------------

# Datelines as each article prints them, and the date they give. 004 prints no date:
# only "اليوم (الاثنين)", today (Monday).
SEED_DATELINES = {
    "000_ad44d5fe6224ccaf.txt": ("٢١ يناير ٢٠٢٢", "2022-01-21"),
    "001_73c20c9fb96b6b4b.txt": ("11 كانون الثاني 2022ء", "2022-01-11"),
    "002_1dbb8fa6c36cd8fd.txt": ("28 January 2022", "2022-01-28"),
    "003_c539808e36df443d.txt": ("15 فبراير 2022ء", "2022-02-15"),
    "004_3088c021a0674a40.txt": None,
}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        *(dateline for dateline in SEED_DATELINES.values() if dateline),
        # Dates in the articles' text.
        ("الجمعة 21 يناير/كانون الثاني 2022", "2022-01-21"),
        ("17 ديسمبر/كانون الأول 2021", "2021-12-17"),
    ],
)
def test_seed_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


# A day, then words (one month name, or a pair), then a four-digit year: in any digits.
DATELINE_RE = re.compile(r"\d{1,2}\s+[^\d\n()]+?\s+\d{4}[ءم]?")


def find_dateline(path: Path) -> str | None:
    """The first full date in an article's first lines, where its dateline is."""
    head = path.read_text(encoding="utf-8").splitlines()[:5]
    found = (DATELINE_RE.search(line) for line in head)
    return next((match.group() for match in found if match), None)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds beside the repository")
@pytest.mark.parametrize("name", sorted(SEED_DATELINES))
def test_seed_file_datelines(name: str) -> None:
    expected = SEED_DATELINES[name]
    dateline = find_dateline(SEEDS / name)
    if expected is None:
        assert dateline is None
    else:
        assert dateline == expected[0]
        assert parse_date(dateline) == expected[1]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds beside the repository")
def test_every_seed_file_has_an_expected_dateline() -> None:
    assert sorted(path.name for path in SEEDS.glob("*.txt")) == sorted(SEED_DATELINES)


# --- format_date_long ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "long"),
    [
        ("2022-01-21", "21 January 2022"),
        ("2022-02-05", "5 February 2022"),
        ("2021-12-17", "17 December 2021"),
    ],
)
def test_format_date_long(iso: str, long: str) -> None:
    assert format_date_long(iso) == long


@pytest.mark.parametrize("text", ["21 January 2022", "2022-02-30", ""])
def test_format_date_long_wants_iso(text: str) -> None:
    with pytest.raises(DateError):
        format_date_long(text)


@pytest.mark.parametrize("text", ["٢١ يناير ٢٠٢٢", "21 Jan 2022", "2022-01-21"])
def test_round_trip(text: str) -> None:
    assert format_date_long(parse_date(text)) == "21 January 2022"
