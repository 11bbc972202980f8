"""Arabic end to end on the example store: aliases, search, dates as the sources write them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import Run

EXAMPLE = Path(__file__).parent.parent / "examples" / "security-guarantees-2022.json"


@pytest.fixture
def example(tmp_path: Path) -> str:
    copy = tmp_path / "example.json"
    shutil.copy(EXAMPLE, copy)
    return str(copy)


def ids(run: Run, *args: str) -> list[str]:
    result = run(*args, "--format", "ids")
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_grep_without_diacritics_finds_text_that_carries_them(run: Run, example: str) -> None:
    # The article writes الردّ and البنّاءة with shadda; an analyst types neither.
    found = ids(run, "--db", example, "list", "--grep", "النقاط البناءة في الرد")
    claims = json.loads(run("--db", example, "show", found[0], "--format", "json").stdout)
    assert len(found) == 1
    assert "البنّاءة في الردّ" in claims["text"]


def test_grep_with_plain_alef_and_ha_finds_hamza_and_ta_marbuta(run: Run, example: str) -> None:
    exact = ids(run, "--db", example, "list", "--grep", "إجراءات جوابيّة")
    typed = ids(run, "--db", example, "list", "--grep", "اجراءات جوابيه")
    assert exact and typed == exact


def test_grep_with_tatweel_and_eastern_digits(run: Run, example: str) -> None:
    plain = ids(run, "--db", example, "list", "--grep", "عام 1997")
    assert plain
    assert ids(run, "--db", example, "list", "--grep", "عـــام ١٩٩٧") == plain


def test_arabic_aliases_work_for_sides_topics_and_rounds(run: Run, example: str) -> None:
    by_slug = ids(run, "--db", example, "list", "--side", "russia", "--topic", "nato-nonexpansion")
    by_alias = ids(run, "--db", example, "list", "--side", "روسيا", "--topic", "توسع الناتو")
    assert by_slug and by_alias == by_slug
    by_round = ids(run, "--db", example, "list", "--round", "geneva")
    assert by_round
    aliases = json.loads(run("--db", example, "round", "list", "--format", "json").stdout)
    geneva_alias = next(r for r in aliases if r["slug"] == "geneva")["aliases"][0]
    assert ids(run, "--db", example, "list", "--round", geneva_alias) == by_round


@pytest.mark.parametrize(
    "since",
    ["2022-01-21", "٢١ يناير ٢٠٢٢", "21 يناير/كانون الثاني 2022", "21 كانون الثاني 2022م"],
)
def test_dates_in_arabic_forms_filter_like_iso(run: Run, example: str, since: str) -> None:
    expected = ids(run, "--db", example, "list", "--since", "2022-01-21")
    assert ids(run, "--db", example, "list", "--since", since) == expected


def test_record_takes_an_arabic_date(run: Run, vocab_store: Path) -> None:
    result = run(
        "record",
        "--side",
        "روسيا",
        "--topic",
        "توسع الناتو",
        "--kind",
        "demand",
        "--date",
        "١٥ فبراير ٢٠٢٢ء",
        "--published",
        "۲۰۲۲-۰۲-۱۶",
        "نص",
    )
    assert result.exit_code == 0, result.stderr
    claim = json.loads(run("show", result.stdout.strip(), "--format", "json").stdout)
    assert (claim["date"], claim["published"]) == ("2022-02-15", "2022-02-16")


def test_stored_text_stays_exactly_as_recorded(run: Run, vocab_store: Path) -> None:
    text = "الضَّمَانَاتُ الأمنيّة ـ ٢٠٢٢"
    result = run(
        "record", "-s", "russia", "-T", "missiles", "-k", "demand", "-d", "2022-01-10", text
    )
    shown = json.loads(run("show", result.stdout.strip(), "--format", "json").stdout)
    assert shown["text"] == text
    assert run("list", "--format", "tsv").stdout.splitlines()[1].split("\t")[8] == text
