"""Helpers for the tests/test_reliability_*.py files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from claimtrack.cli import cli

# A store's "data tables": what undo must restore; history is allowed to grow.


def run(*args: str, input: str | bytes | None = None) -> Result:
    """claimtrack in-process; an unexpected exception fails the test with its traceback."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def ok(*args: str, input: str | bytes | None = None) -> Result:
    result = run(*args, input=input)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


_seeded: dict[str, bytes] = {}


def seed() -> None:
    """Three sides, two topics and a round: what most claim tests need.

    Made through the CLI once per test session (six commits, each with its fsyncs),
    then copied into each test's store with its history, and the lock file a write
    would leave.
    """
    path = Path(os.environ["CLAIMTRACK_DB"])
    if not _seeded:
        ok("side", "add", "russia", "--name", "Russia", "--alias", "روسيا")
        ok("side", "add", "us", "--name", "United States")
        ok("side", "add", "nato", "--name", "NATO")
        ok("topic", "add", "nato-expansion", "--title", "No further NATO expansion")
        ok("topic", "add", "missiles", "--title", "Missiles in Europe")
        ok("round", "add", "geneva", "--date", "2022-01-10", "--name", "Geneva talks")
        _seeded["store"] = path.read_bytes()
        _seeded["history"] = Path(f"{path}.history.jsonl").read_bytes()
        return
    path.write_bytes(_seeded["store"])
    Path(f"{path}.history.jsonl").write_bytes(_seeded["history"])
    Path(f"{path}.lock").touch()


def record(text: str, *extra: str) -> str:
    """Record a claim by russia on nato-expansion at geneva; returns its id."""
    args = ["record", "-s", "russia", "-T", "nato-expansion", "-k", "demand", "-r", "geneva"]
    return ok(*args, *extra, "--", text).stdout.strip()


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes, to prove that nothing changed."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def claimtrack(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """claimtrack in a child process, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )
