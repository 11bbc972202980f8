"""Shared fixtures. No test may touch a real store: CLAIMTRACK_DB points into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.json"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)
    return path


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Invoke the CLI like a script would: no terminal, separate stdout and stderr."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def vocab_store(run: Run, isolated_store: Path) -> Path:
    """A store with three sides, three topics and two rounds, no claims."""
    for args in (
        ("side", "add", "russia", "--name", "Russia", "--alias", "روسيا", "--alias", "RU"),
        ("side", "add", "us", "--name", "United States", "--alias", "واشنطن"),
        ("side", "add", "nato", "--name", "NATO", "--alias", "الناتو"),
        (
            "topic",
            "add",
            "nato-nonexpansion",
            "--title",
            "No NATO expansion",
            "--alias",
            "توسع الناتو",
        ),
        ("topic", "add", "missiles", "--title", "Missiles in Europe"),
        ("topic", "add", "deescalation", "--title", "De-escalation"),
        (
            "round",
            "add",
            "geneva",
            "--date",
            "2022-01-10",
            "--name",
            "Geneva talks",
            "--end",
            "2022-01-10",
            "--venue",
            "Geneva",
            "--party",
            "russia",
            "--party",
            "us",
        ),
        (
            "round",
            "add",
            "nrc",
            "--date",
            "2022-01-12",
            "--name",
            "NATO-Russia Council",
            "--party",
            "russia",
            "--party",
            "nato",
        ),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    return isolated_store
