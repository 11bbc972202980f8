"""Setting up a git repository so that git merges a store with claimtrack's driver.

Three things, each idempotent: `.gitattributes` lines naming the store's merge
driver and merging its history file as a union of lines (committed, so every clone
has them; history entries are whole lines, and the store's heads decide which
count, so a union is the right merge), `.gitignore` lines for the store's lock
and temporary files, and the `merge.claimtrack.*` git config entries (per clone:
git never copies config, which is why every clone runs `claimtrack git-setup`).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from claimtrack.errors import InputError
from claimtrack.historyfile import SUFFIX as HISTORY_SUFFIX

DRIVER_NAME = "claimtrack"
# %O base, %A ours (the result goes there), %B theirs, %P the path in the repository.
DRIVER_ARGS = "merge-driver %O %A %B %P"


def default_command() -> str:
    """This very claimtrack, so git finds it whatever PATH its hooks run with."""
    return f"{shlex.quote(sys.executable)} -m claimtrack"


class GitMissingError(InputError):
    def __init__(self) -> None:
        super().__init__("git is not installed", "Install git first")


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise GitMissingError from None
    if done.returncode != 0:
        raise InputError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def repository_root(folder: Path) -> Path:
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel"))
    except GitMissingError:
        raise
    except InputError:
        raise InputError(
            f"{folder} is not in a git repository",
            f"Create one first: git init {shlex.quote(str(folder))}",
        ) from None


def _escape(literal: str) -> str:
    """`literal` as a pattern anchored at the repository root, its wildcards escaped."""
    return "/" + re.sub(r"([*?\[\\!#])", r"\\\1", literal)


def attribute_pattern(relative: str) -> str:
    escaped = _escape(relative)
    if any(char.isspace() for char in escaped):
        # Whitespace ends a gitattributes pattern unless the pattern is C-quoted.
        return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return escaped


def ignore_pattern(relative: str, glob: str = "") -> str:
    escaped = _escape(relative) + glob
    return escaped[:-1] + "\\ " if escaped.endswith(" ") else escaped


def ensure_lines(path: Path, lines: list[str]) -> list[str]:
    """Append the lines `path` lacks; returns those it added."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    present = set(text.splitlines())
    missing = [line for line in lines if line not in present]
    if missing:
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "".join(line + "\n" for line in missing), encoding="utf-8")
    return missing


@dataclass
class Setup:
    repository: Path
    attributes: list[str]  # lines added to .gitattributes
    ignores: list[str]  # lines added to .gitignore
    driver: str  # the merge.claimtrack.driver command


def git_setup(store: Path, command: str | None = None) -> Setup:
    store = store.absolute()
    if not store.parent.is_dir():
        raise InputError(f"folder {store.parent} does not exist")
    root = repository_root(store.parent)
    relative = store.resolve().relative_to(root.resolve()).as_posix()
    name = store.name
    folder = relative[: -len(name)]
    attributes = ensure_lines(
        root / ".gitattributes",
        [
            f"{attribute_pattern(relative)} merge={DRIVER_NAME}",
            f"{attribute_pattern(relative + HISTORY_SUFFIX)} merge=union",
        ],
    )
    ignores = ensure_lines(
        root / ".gitignore",
        [ignore_pattern(f"{relative}.lock"), ignore_pattern(f"{folder}.{name}.", "*.tmp")],
    )
    driver = f"{command or default_command()} {DRIVER_ARGS}"
    _git(root, "config", f"merge.{DRIVER_NAME}.name", "claimtrack store (merges by record)")
    _git(root, "config", f"merge.{DRIVER_NAME}.driver", driver)
    return Setup(root, attributes, ignores, driver)
