"""record's warning for a date outside its round; rm's preview of what it removes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.notices import removal_line
from helpers import Run, claims_in, on_a_terminal

BASE = ("-s", "russia", "-T", "missiles", "-k", "demand")


@pytest.mark.parametrize(
    ("round_", "date", "warning"),
    [
        (
            "geneva",
            "2022-01-11",
            "the claim's date 2022-01-11 is outside round geneva (2022-01-10)",
        ),
        ("nrc", "2022-01-11", "the claim's date 2022-01-11 is outside round nrc (2022-01-12)"),
        ("geneva", "2022-01-10", None),
        ("nrc", None, None),  # the round's date is taken
    ],
)
def test_record_warns_when_the_date_is_outside_the_round(
    run: Run, vocab_store: Path, round_: str, date: str | None, warning: str | None
) -> None:
    dated = ("-d", date) if date else ()
    result = run("record", *BASE, "-r", round_, *dated, "text")
    assert result.exit_code == 0
    claim_id = result.stdout.strip()
    lines = result.stderr.splitlines()
    assert lines[:-1] == ([f"Warning: {warning}"] if warning else [])
    assert lines[-1].startswith(f"Recorded claim {claim_id}")
    assert claim_id in claims_in(vocab_store)  # a warning, not a refusal


def test_a_round_with_an_end_date_spans_it(run: Run, vocab_store: Path) -> None:
    add = ("round", "add", "talks", "--date", "2022-01-09", "--end", "2022-01-11", "--name", "T")
    assert run(*add).exit_code == 0
    inside = run("record", *BASE, "-r", "talks", "-d", "2022-01-11", "inside")
    assert inside.stderr.startswith("Recorded")
    outside = run("record", *BASE, "-r", "talks", "-d", "2022-01-12", "outside")
    assert outside.stderr.splitlines()[0] == (
        "Warning: the claim's date 2022-01-12 is outside round talks (2022-01-09 to 2022-01-11)"
    )


def test_removal_line() -> None:
    claim = {
        "id": "abcdefghij",
        "side": "russia",
        "date": "2022-01-10",
        "kind": "demand",
        "text": "ضمانات ملزمة قانونيا\nبعدم توسع الناتو شرقا، وعدم نشر أسلحة ضاربة قرب حدود روسيا",
    }
    assert removal_line(claim) == (
        "abcdefghij  russia  2022-01-10  demand  ضمانات ملزمة قانونيا بعدم توسع الناتو شرقا، وعدم…"
    )
    assert removal_line({**claim, "text": "\x1b[2Jshort"}).endswith("demand  <U+001B>[2Jshort")


def test_rm_shows_what_it_will_remove_before_asking(
    run: Run, seven_store: dict[str, str], isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_terminal(monkeypatch, "claims", "stdin")
    c2, c3 = seven_store["c2"], seven_store["c3"]
    result = run("rm", c2, c3[:5], c2, input="n\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"  {c2}  us  2022-01-10  proposal  Reciprocal limits on missile deployments",
        f"  {c3}  nato  2022-01-12  rejection  NATO's door remains open",
        f"Remove 2 claim(s): {c2}, {c3}? [y/N]: n",
        "Error: nothing removed",
    ]
    assert {c2, c3} <= set(claims_in(isolated_store))
