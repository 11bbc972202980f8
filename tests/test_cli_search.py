"""--grep and alias lookups in the languages of the sources, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Record, Run

CLAIMS = {
    "dash": "Decision-makers in Kyiv will decide",
    "yo": "Мы ещё не получили ответа",
    "turkish": "Dışişleri Bakanı Çavuşoğlu görüştü",
    "french": "Les décideurs européens s’engagent",
    "ukrainian": "Позиція України щодо об’єднання",
}


@pytest.fixture
def texts(record: Record, vocab_store: Path) -> dict[str, str]:
    base = ("-s", "russia", "-T", "missiles", "-k", "statement", "-d", "2022-01-10")
    return {label: record(text, *base) for label, text in CLAIMS.items()}


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("decision makers", "dash"),
        ("DECISION—MAKERS", "dash"),
        ("еще не", "yo"),
        ("disisleri bakani cavusoglu", "turkish"),
        ("DIŞIŞLERI", "turkish"),
        ("decideurs europeens s'engagent", "french"),
        ("об'єднання", "ukrainian"),
        ("обʼєднання", "ukrainian"),
    ],
)
def test_grep_folds_every_script(run: Run, texts: dict[str, str], typed: str, label: str) -> None:
    result = run("list", "--grep", typed, "--format", "ids")
    assert (result.exit_code, result.stdout) == (0, texts[label] + "\n")


def test_alias_lookup_folds_accents_apostrophes_and_dashes(run: Run, vocab_store: Path) -> None:
    assert run("side", "add", "turkey", "--name", "Türkiye", "--alias", "Türkiye").exit_code == 0
    assert (
        run("side", "add", "cote", "--name", "Côte d’Ivoire", "--alias", "Côte d’Ivoire").exit_code
        == 0
    )
    for typed, slug in (
        ("TURKIYE", "turkey"),
        ("cote d'ivoire", "cote"),
        ("nato nonexpansion", "nato-nonexpansion"),
    ):
        kind = "topic" if slug == "nato-nonexpansion" else "side"
        result = run(kind, "list", "--format", "ids")
        assert slug in result.stdout.split()
        found = run("list", f"--{kind}", typed)
        assert found.exit_code == 0, (typed, found.stderr)
