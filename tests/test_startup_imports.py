"""What a command imports: start-up cost is most of what a quick command costs.

Each check runs the CLI in a fresh interpreter and lists `sys.modules` when it exits,
so one test's imports cannot hide another's. No timings here (see benchmarks/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimtrack import cli as cli_module
from claimtrack.store import DEFAULT_LOCK_TIMEOUT

# Runs the CLI's main() as the console script would; main() ends the process with
# os._exit, so the probe reports the modules loaded from there.
PROBE = """
import json, os, sys
from claimtrack.cli import main
real_exit = os._exit

def report_then_exit(status):
    sys.stdout.flush()
    sys.stderr.write("\\nMODULES " + json.dumps({"code": status, "modules": sorted(sys.modules)}))
    sys.stderr.flush()
    real_exit(status)

os._exit = report_then_exit
sys.argv = ["claimtrack", *sys.argv[1:]]
main()
"""


def imported_by(*args: str, env: dict[str, str] | None = None) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    report = json.loads(result.stderr.rsplit("MODULES ", 1)[1])
    assert report["code"] == 0, result.stderr
    return set(report["modules"])


def loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


@pytest.fixture
def store_with_a_claim(run, vocab_store: Path) -> Path:
    result = run("record", "-s", "russia", "-r", "geneva", "-T", "missiles", "-k", "demand", "x")
    assert result.exit_code == 0, result.stderr
    return vocab_store


def test_version_imports_neither_rich_tinydb_nor_dateutil() -> None:
    modules = imported_by("--version")
    for package in ("rich", "tinydb", "dateutil"):
        assert loaded(modules, package) == []


def test_help_imports_neither_rich_tinydb_nor_dateutil() -> None:
    modules = imported_by("--help")
    for package in ("rich", "tinydb", "dateutil"):
        assert loaded(modules, package) == []


def test_list_json_imports_neither_rich_nor_dateutil(store_with_a_claim: Path) -> None:
    modules = imported_by(
        "list", "--format", "json", env={"CLAIMTRACK_DB": str(store_with_a_claim)}
    )
    assert "claimtrack.commands.lookup" in modules  # the probe really ran the listing
    assert loaded(modules, "rich") == []
    assert loaded(modules, "dateutil") == []  # only --since and --until parse dates


def test_every_command_has_a_summary() -> None:
    # Without one, `claimtrack --help` imports that command's module to list it.
    assert sorted(cli_module.SUMMARIES) == sorted(cli_module.COMMANDS)


def test_summaries_match_the_commands_help() -> None:
    ctx = click.Context(cli_module.cli)
    for name, summary in cli_module.SUMMARIES.items():
        command = cli_module.cli.get_command(ctx, name)
        assert command is not None and command.help is not None
        first_paragraph = " ".join(command.help.split("\n\n")[0].split())
        assert first_paragraph == summary, f"update SUMMARIES[{name!r}] in cli.py"
        for limit in (30, 45, 60, 200):
            expected = command.get_short_help_str(limit)
            assert click.Command(name, help=summary).get_short_help_str(limit) == expected, name


def test_lock_timeout_default_matches_the_store() -> None:
    assert cli_module.DEFAULT_LOCK_TIMEOUT == DEFAULT_LOCK_TIMEOUT


def test_version_matches_the_installed_metadata() -> None:
    from importlib.metadata import version

    import claimtrack

    assert claimtrack.__version__ == version("claimtrack")
    result = CliRunner().invoke(cli_module.cli, ["--version"])
    assert result.output == f"claimtrack, version {version('claimtrack')}\n"
