"""Shared fixtures. No test may touch a real store: CLAIMTRACK_DB points into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli
from claimtrack.store import Store
from helpers import SEVEN, Fails, Record, Run, build_domain, files_under, record_args


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claims.json"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def run() -> Run:
    """Invoke the CLI like a script would: no terminal, separate stdout and stderr."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(
            cli, list(args), input=input, catch_exceptions=False, prog_name="claimtrack"
        )

    return invoke


@pytest.fixture(scope="session")
def vocab_store_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The vocab_store file, built once through the CLI (each write costs an fsync)."""
    path = tmp_path_factory.mktemp("vocab") / "claims.json"
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
        result = CliRunner().invoke(cli, ["--db", str(path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    return path.read_bytes()


@pytest.fixture
def vocab_store(isolated_store: Path, vocab_store_bytes: bytes) -> Path:
    """A store with three sides, three topics and two rounds, no claims."""
    isolated_store.write_bytes(vocab_store_bytes)
    return isolated_store


@pytest.fixture(scope="session")
def seven_store_bytes(
    tmp_path_factory: pytest.TempPathFactory, vocab_store_bytes: bytes
) -> tuple[bytes, dict[str, str]]:
    """vocab_store plus helpers.SEVEN recorded through the CLI in order; and label -> id."""
    path = tmp_path_factory.mktemp("seven") / "claims.json"
    path.write_bytes(vocab_store_bytes)
    ids = {}
    for label, fields in SEVEN.items():
        args = ["--db", str(path), "record", *record_args(fields)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        ids[label] = result.stdout.strip()
    return path.read_bytes(), ids


@pytest.fixture
def seven_store(
    isolated_store: Path, seven_store_bytes: tuple[bytes, dict[str, str]]
) -> dict[str, str]:
    """The store holds helpers.SEVEN (recorded in label order); returns label -> id."""
    isolated_store.write_bytes(seven_store_bytes[0])
    return dict(seven_store_bytes[1])


@pytest.fixture
def domain(tmp_path: Path) -> Store:
    """The vocab_store vocabulary as an in-memory Store, for plain calls (nothing on disk)."""
    return build_domain(tmp_path / "memory.json")


@pytest.fixture
def fails(run: Run, tmp_path: Path) -> Fails:
    """Run a command that must fail: exit code, exact last stderr line, nothing on stdout,
    and every store file under tmp_path byte-for-byte unchanged (none created either).

    `error` is the text after ``Error: `` on the last stderr line; for exit code 1 and 3
    that line must be the whole of stderr (no usage text, no traceback).
    """

    def invoke(
        *args: str, code: int = 1, error: str | None = None, input: str | None = None
    ) -> Result:
        before = files_under(tmp_path)
        result = run(*args, input=input)
        assert result.exit_code == code, (result.stdout, result.stderr)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines and lines[-1].startswith("Error: "), result.stderr
        if code != 2:
            assert len(lines) == 1, result.stderr
        if error is not None:
            assert lines[-1] == f"Error: {error}"
        assert files_under(tmp_path) == before
        return result

    return invoke


@pytest.fixture
def record(run: Run) -> Record:
    """Record a claim through the CLI and return its id (asserting that it worked)."""

    def invoke(text: str, *args: str, input: str | None = None) -> str:
        result = run("record", *args, text, input=input)
        assert result.exit_code == 0, result.stderr
        claim_id = result.stdout.strip()
        assert result.stdout == claim_id + "\n"
        return claim_id

    return invoke


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100-column terminal for rich tables."""
    monkeypatch.setenv("COLUMNS", "100")
