"""--db before or after the command, and hints that repeat the --db the user gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from claimtrack.cli import cli, message_with_db
from claimtrack.errors import InputError
from helpers import Fails, Run


def test_db_after_the_command(run: Run, tmp_path: Path, isolated_store: Path) -> None:
    target = tmp_path / "f.json"
    assert run("init", "--db", str(target)).stderr == f"Created a new store at {target}\n"
    assert run("side", "add", "--db", str(target), "russia", "--name", "Russia").exit_code == 0
    result = run("side", "list", "--db", str(target), "--format", "ids")
    assert (result.exit_code, result.stdout) == (0, "russia\n")
    assert not isolated_store.exists()  # $CLAIMTRACK_DB gives way to --db


def test_db_after_the_command_reads_that_store(run: Run, tmp_path: Path, vocab_store: Path) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(vocab_store.read_bytes())
    run("--db", str(other), "side", "add", "ukraine", "--name", "Ukraine")
    before = run("--db", str(other), "side", "list", "--format", "ids").stdout
    after = run("side", "list", "--format", "ids", "--db", str(other)).stdout
    assert before == after == "nato\nrussia\nukraine\nus\n"


def test_same_db_twice_is_fine(run: Run, tmp_path: Path) -> None:
    target = str(tmp_path / "f.json")
    assert run("--db", target, "init", "--db", target).exit_code == 0


def test_two_different_dbs_are_refused(fails: Fails, tmp_path: Path) -> None:
    result = fails("--db", "a.json", "list", "--db", "b.json", code=2)
    assert "Error: Invalid value for '--db': given twice, as a.json and as b.json" in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_missing_store_hint_repeats_db(fails: Fails, tmp_path: Path, where: str) -> None:
    args = (
        ("--db", "missing.json", "list") if where == "before" else ("list", "--db", "missing.json")
    )
    fails(
        *args,
        code=3,
        error="no store at missing.json. Create it with: claimtrack --db missing.json init",
    )


def test_hint_quotes_a_path_for_the_shell(fails: Fails, tmp_path: Path) -> None:
    target = tmp_path / "my talks.json"
    fails(
        "round",
        "show",
        "geneva",
        "--db",
        str(target),
        code=3,
        error=f"no store at {target}. Create it with: claimtrack --db '{target}' init",
    )


def test_hint_of_unknown_entry_repeats_db(run: Run, fails: Fails, vocab_store: Path) -> None:
    fails(
        "list",
        "--side",
        "ukraine",
        "--db",
        str(vocab_store),
        error="unknown side 'ukraine'. Add it with: "
        f"claimtrack --db {vocab_store} side add ukraine --name ...",
    )


def test_hint_without_db_is_unchanged(fails: Fails, isolated_store: Path) -> None:
    # $CLAIMTRACK_DB stays set for the next command, so the hint need not repeat it.
    fails("list", code=3, error=f"no store at {isolated_store}. Create it with: claimtrack init")


def test_message_with_db_only_touches_commands_in_the_hint() -> None:
    error = InputError("the claimtrack list is empty", "Run claimtrack check with the claimtrack")
    assert message_with_db(error, "a b.json") == (
        "the claimtrack list is empty. Run claimtrack --db 'a b.json' check with the claimtrack"
    )
    assert message_with_db(InputError("plain"), "x.json") == "plain"


def test_every_command_takes_db_after_it(run: Run) -> None:
    for path in (("list",), ("side", "add"), ("round", "show"), ("export",), ("init",)):
        assert "--db FILE" in run(*path, "--help").stdout, path


def test_completion_reads_the_db_given_after_the_command(run: Run, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    assert run("--db", str(other), "side", "add", "eu", "--name", "EU").exit_code == 0
    completer = ShellComplete(cli, {}, "claimtrack", "_CLAIMTRACK_COMPLETE")
    found = completer.get_completions(["side", "rm", "--db", str(other)], "")
    assert [item.value for item in found] == ["eu"]
    found = completer.get_completions(["list", "--db", str(other), "--side"], "e")
    assert [item.value for item in found] == ["eu"]
