"""The store through the CLI: init, --db and $CLAIMTRACK_DB, missing and damaged stores,
locks, help for every command, and running as `python -m claimtrack`."""

from __future__ import annotations

import fcntl
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import click
import pytest

from claimtrack import presets
from claimtrack.cli import COMMANDS, cli
from claimtrack.model import SCHEMA_VERSION
from helpers import EMPTY_STORE, Fails, Run, files_under

PRESET = "security-guarantees-2022"
READ_COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("show", "abcd"),
    ("side", "list"),
    ("topic", "list"),
    ("round", "list"),
    ("round", "show", "geneva"),
]
# Commands that change an existing entry: nothing to change in a missing store.
CHANGE_COMMANDS = [
    ("edit", "abcd", "--kind", "demand"),
    ("rm", "abcd", "--yes"),
    ("side", "edit", "russia", "--name", "Russia"),
    ("side", "rm", "russia"),
    ("topic", "edit", "missiles", "--title", "Missiles"),
    ("topic", "rm", "missiles"),
    ("round", "edit", "geneva", "--name", "Geneva"),
    ("round", "rm", "geneva"),
]
ADD_COMMANDS = [
    ("side", "add", "ukraine", "--name", "Ukraine"),
    ("topic", "add", "osce", "--title", "OSCE"),
    ("round", "add", "vienna", "--date", "2022-01-13", "--name", "Vienna"),
]
WRITE_COMMANDS = [
    *CHANGE_COMMANDS,
    *ADD_COMMANDS,
    ("record", "-s", "russia", "-T", "missiles", "-k", "demand", "-d", "2022-01-10", "x"),
    ("init",),
]


VOCABULARY = ("side", "topic", "round")


def missing(path: Path) -> str:
    return f"no store at {path}. Create it with: claimtrack init"


# --- init ----------------------------------------------------------------------------


def test_init_creates_an_empty_store(run: Run, isolated_store: Path) -> None:
    result = run("init")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Created a new store at {isolated_store}\n"
    assert isolated_store.read_text(encoding="utf-8") == EMPTY_STORE


def test_init_is_idempotent(run: Run, vocab_store: Path) -> None:
    before = vocab_store.read_bytes()
    result = run("init")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Store already exists at {vocab_store}\n"
    assert vocab_store.read_bytes() == before


def test_init_never_overwrites_a_damaged_store(fails: Fails, isolated_store: Path) -> None:
    isolated_store.write_bytes(b"[]")
    fails(
        "init",
        code=3,
        error=f"{isolated_store} is JSON but not a claimtrack store. It has no schema version",
    )


def test_init_in_a_missing_folder(fails: Fails, tmp_path: Path) -> None:
    path = tmp_path / "no" / "claims.json"
    fails(
        "--db",
        str(path),
        "init",
        code=3,
        error=f"cannot create {path}: folder {path.parent} does not exist",
    )


def test_init_refuses_an_unknown_preset(fails: Fails) -> None:
    available = ", ".join(presets.available())
    fails("init", "--preset", "nope", error=f"unknown preset 'nope'. Available: {available}")


def test_init_with_a_preset(run: Run, isolated_store: Path) -> None:
    preset = presets.load(PRESET)
    size = sum(len(preset.get(table, [])) for table in ("sides", "topics", "rounds", "people"))
    result = run("init", "--preset", PRESET)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Created a new store at {isolated_store}\nAdded {size} entries from preset {PRESET}\n"
    )
    data = json.loads(isolated_store.read_bytes())
    assert set(data["sides"]) == {side["slug"] for side in preset["sides"]}
    before = isolated_store.read_bytes()
    again = run("init", "--preset", PRESET)
    assert again.stderr == f"Added 0 entries from preset {PRESET}\n"
    assert isolated_store.read_bytes() == before


def test_init_with_a_preset_keeps_what_the_store_has(run: Run, vocab_store: Path) -> None:
    ours = json.loads(vocab_store.read_bytes())["sides"]["us"]
    assert run("init", "--preset", PRESET).exit_code == 0
    data = json.loads(vocab_store.read_bytes())
    assert data["sides"]["us"] == ours
    assert {"russia", "us", "nato"} < set(data["sides"])


# --- where the store is ----------------------------------------------------------------


def test_the_env_var_names_the_store(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.json"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    assert run("init").exit_code == 0
    assert path.read_text(encoding="utf-8") == EMPTY_STORE


def test_db_beats_the_env_var(run: Run, isolated_store: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.json"
    result = run("--db", str(chosen), "side", "add", "us", "--name", "US")
    assert result.exit_code == 0
    assert result.stderr == f"Created a new store at {chosen}\nAdded side us\n"
    assert not isolated_store.exists()
    assert run("--db", str(chosen), "side", "list", "--format", "ids").stdout == "us\n"


def test_without_db_or_env_the_store_is_in_the_app_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMTRACK_DB")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = Path(click.get_app_dir("claimtrack")) / "claims.json"
    assert path.is_relative_to(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Created a new store at {path}\n"
    assert path.read_text(encoding="utf-8") == EMPTY_STORE


# --- a missing store -----------------------------------------------------------------


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_read_commands_on_a_missing_store_exit_3(
    fails: Fails, isolated_store: Path, args: tuple[str, ...]
) -> None:
    fails(*args, code=3, error=missing(isolated_store))
    assert not isolated_store.exists()


@pytest.mark.parametrize("args", CHANGE_COMMANDS)
def test_changing_commands_on_a_missing_store_exit_3(
    fails: Fails, isolated_store: Path, args: tuple[str, ...]
) -> None:
    fails(*args, code=3, error=missing(isolated_store))
    assert not isolated_store.exists()


@pytest.mark.parametrize("args", ADD_COMMANDS)
def test_adding_to_a_missing_store_creates_it_and_says_so(
    run: Run, isolated_store: Path, args: tuple[str, ...]
) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    kind, slug = args[0], args[2]
    assert result.stderr == f"Created a new store at {isolated_store}\nAdded {kind} {slug}\n"
    assert json.loads(isolated_store.read_bytes())[f"{kind}s"][slug]["slug"] == slug


def test_a_failed_write_creates_no_store(fails: Fails, isolated_store: Path) -> None:
    fails(
        *WRITE_COMMANDS[-2],
        code=1,
        error="unknown side 'russia'. Add it with: claimtrack side add russia --name ...",
    )
    assert not isolated_store.exists()


def test_the_error_names_the_db_path(fails: Fails, tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.json"
    hint = f"Create it with: claimtrack --db {path} init"
    fails("--db", str(path), "list", code=3, error=f"no store at {path}. {hint}")


# --- a damaged store -----------------------------------------------------------------


@pytest.mark.parametrize("args", [*READ_COMMANDS, *WRITE_COMMANDS])
def test_a_damaged_store_exits_3_and_stays_as_it_was(
    fails: Fails, isolated_store: Path, args: tuple[str, ...]
) -> None:
    isolated_store.write_bytes(b'{"claims": {')
    result = fails(*args, code=3)
    assert result.stderr.startswith(f"Error: {isolated_store} is not valid JSON (")


@pytest.mark.parametrize("args", [("list",), ("side", "add", "x", "--name", "X"), ("init",)])
def test_a_store_from_a_newer_claimtrack_exits_3(
    fails: Fails, isolated_store: Path, args: tuple[str, ...]
) -> None:
    newer = SCHEMA_VERSION + 1
    isolated_store.write_text(f'{{"meta": {{"schema": {{"version": {newer}}}}}}}\n')
    fails(
        *args,
        code=3,
        error=f"{isolated_store} is from a newer claimtrack (schema version {newer}; "
        f"this one reads up to {SCHEMA_VERSION}). Upgrade claimtrack",
    )


def test_a_folder_as_store_is_a_usage_error(fails: Fails, tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    fails("--db", str(folder), "list", code=2)  # click's own check of a file option


# --- the lock ------------------------------------------------------------------------


@pytest.fixture
def held_lock(vocab_store: Path) -> Iterator[Path]:
    fd = os.open(vocab_store.with_name(vocab_store.name + ".lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield vocab_store
    os.close(fd)


@pytest.mark.parametrize("args", ADD_COMMANDS)
def test_a_held_lock_times_out_with_exit_3(
    fails: Fails, held_lock: Path, args: tuple[str, ...]
) -> None:
    fails(
        "--lock-timeout",
        "0",
        *args,
        code=3,
        error=f"another claimtrack process holds the store {held_lock} (waited 0s). "
        "Try again when it has finished, or raise --lock-timeout",
    )


def test_reading_while_the_lock_is_held(run: Run, held_lock: Path) -> None:
    result = run("side", "list", "--format", "ids")
    assert (result.exit_code, result.stdout) == (0, "nato\nrussia\nus\n")


def test_lock_timeout_must_not_be_negative(fails: Fails) -> None:
    fails(
        "--lock-timeout",
        "-1",
        "list",
        code=2,
        error="Invalid value for '--lock-timeout': -1.0 is not in the range x>=0.",
    )


# --- errors in general ---------------------------------------------------------------


def test_an_unknown_command_is_a_usage_error(fails: Fails) -> None:
    fails("nosuch", code=2, error="No such command 'nosuch'.")


def test_an_interrupt_exits_130_and_says_the_store_is_unchanged(
    fails: Fails, vocab_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("claimtrack.commands.vocab.add_entry", interrupted)
    fails(
        "side",
        "add",
        "ukraine",
        "--name",
        "U",
        code=130,
        error="interrupted; the store is unchanged",
    )


def test_control_characters_in_errors_are_shown_as_tokens(fails: Fails, vocab_store: Path) -> None:
    fails(
        "list",
        "--side",
        "ru\x1b[2Jssia",
        error="unknown side 'ru<U+001B>[2Jssia' (did you mean: russia?). "
        "Add it with: claimtrack side add SLUG --name ... --alias 'ru<U+001B>[2Jssia'",
    )


# --- help ----------------------------------------------------------------------------


def command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None, name
                walk(sub, (*path, name))

    walk(cli, ())
    return paths


def test_every_command_in_the_table_loads() -> None:
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
    assert cli.get_command(ctx, "nosuch") is None


def test_the_walk_finds_every_command() -> None:
    assert set(command_paths()) >= {
        (),
        ("init",),
        ("record",),
        ("list",),
        ("show",),
        ("edit",),
        ("rm",),
        *(
            (group, verb)
            for group in ("side", "topic", "round")
            for verb in ("add", "list", "edit", "rm")
        ),
        ("round", "show"),
    }


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "claimtrack")
def test_every_command_has_a_summary_and_examples(run: Run, path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: claimtrack {' '.join(path)}".rstrip() + " ")
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.get_command(click.Context(command), name)  # type: ignore[assignment]
    help_text = inspect.cleandoc(command.help or "")
    summary = help_text.split("\n\n")[0]
    assert summary.strip() and "\n" not in summary and not summary.startswith("\b")
    assert not command.get_short_help_str(limit=200).endswith("...")
    assert "\n\b\n" in help_text, "no example block"
    prefix = " ".join(("claimtrack", *path))
    examples = [line.strip() for line in result.stdout.splitlines()]
    assert any(line.startswith(prefix + " ") or line == prefix for line in examples), result.stdout


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "claimtrack")
def test_short_help_option(run: Run, path: tuple[str, ...]) -> None:
    assert run(*path, "-h").stdout == run(*path, "--help").stdout


# --- as a module -----------------------------------------------------------------------


def run_module(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True,
        text=True,
        input=input,
        check=False,
    )


def test_python_m_claimtrack_version() -> None:
    result = run_module("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"claimtrack, version {version('claimtrack')}\n"


def test_python_m_claimtrack_reports_errors_without_traceback(isolated_store: Path) -> None:
    result = run_module("list")
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr == f"Error: {missing(isolated_store)}\n"


def test_list_json_pipes_into_json_tool(run: Run, vocab_store: Path, tmp_path: Path) -> None:
    for day, text in ((10, "ضمانات ملزمة قانونيا"), (11, 'No "guarantees" \\ here')):
        args = ("-s", "russia", "-T", "missiles", "-k", "demand", "-d", f"2022-01-{day}", text)
        assert run("record", *args).exit_code == 0
    listing = run_module("list", "--format", "json")
    assert listing.returncode == 0, listing.stderr
    tool = subprocess.run(
        [sys.executable, "-m", "json.tool", "--no-ensure-ascii"],
        input=listing.stdout,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tool.returncode == 0, tool.stderr
    claims = json.loads(tool.stdout)
    assert [c["text"] for c in claims] == ["ضمانات ملزمة قانونيا", 'No "guarantees" \\ here']
    before = files_under(tmp_path)
    shell = subprocess.run(
        f"{sys.executable} -m claimtrack list --format json | {sys.executable} -m json.tool",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shell.returncode == 0, shell.stderr
    assert json.loads(shell.stdout) == claims
    assert files_under(tmp_path) == before
