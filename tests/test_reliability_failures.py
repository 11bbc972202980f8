"""Requirement 3: a failed write changes nothing, whatever step fails."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import read_store
from reliability_helpers import folder_state, ok, record, run, seed, temp_files

# Write commands of every kind, each of which would change the store.
WRITES = {
    "record": ("record", "-s", "us", "-T", "missiles", "-k", "proposal", "-d", "2022-01-21", "x"),
    "edit": ("edit", "{id}", "--note", "changed"),
    "rm": ("rm", "--yes", "{id}"),
    "side add": ("side", "add", "china", "--name", "China"),
    "round edit": ("round", "edit", "geneva", "--venue", "Geneva"),
    "undo": ("undo",),
}


def failing(err: int) -> Any:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize("command", list(WRITES))
def test_failure_at_each_write_step_changes_nothing(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch, command: str, step: str, err: int
) -> None:
    seed()
    claim_id = record("a claim to edit")
    before = folder_state(isolated_store.parent)
    args = [a.format(id=claim_id) for a in WRITES[command]]
    with monkeypatch.context() as patch:
        patch.setattr(os, step, failing(err))
        result = run(*args)
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: cannot write {isolated_store}: {os.strerror(err)}; nothing was changed\n"
    )
    assert result.stdout == ""
    assert folder_state(isolated_store.parent) == before
    assert temp_files(isolated_store.parent) == []


def test_a_failed_folder_sync_says_the_change_was_saved(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run("side", "add", "china", "--name", "China")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: saved {isolated_store}, but could not sync its folder (Input/output error); "
        "the change may be lost if the machine loses power\n"
    )
    assert "china" in read_store(isolated_store).keys("sides")


def test_unserialisable_data_is_refused_before_writing(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    before = folder_state(isolated_store.parent)
    # A lone surrogate that slipped past validation: orjson refuses to encode it.
    monkeypatch.setattr("claimtrack.fieldvalues.check_text", lambda value, *a, **k: value)
    result = run("record", "-s", "us", "-T", "missiles", "-k", "warning", "-d", "2022-01-21",
                 "--note", "bad \udc80 note", "text")  # fmt: skip
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: cannot save {isolated_store} (")
    assert result.stderr.endswith("; nothing was changed\n")
    assert folder_state(isolated_store.parent) == before


# --- folders and files the user cannot write ------------------------------------------


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Permissions do not bind root: as root, act as 'nobody' for the command."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder 'nobody' can reach when the tests run as root (tmp_path is 0700)."""
    if os.geteuid() != 0:
        yield tmp_path / "store"
        return
    top = Path(tempfile.mkdtemp(prefix="claimtrack-test-"))
    top.chmod(0o755)
    try:
        yield top / "store"
    finally:
        (top / "store").chmod(0o755)
        shutil.rmtree(top)


@pytest.mark.parametrize("lock_exists", [False, True])
def test_a_folder_the_user_cannot_write_to(shared_folder: Path, lock_exists: bool) -> None:
    shared_folder.mkdir()
    store = shared_folder / "claims.json"
    ok("--db", str(store), "side", "add", "russia", "--name", "Russia")
    store.chmod(0o666)  # the file is writable: only the folder is not
    lock = Path(f"{store}.lock")
    if lock_exists:
        lock.chmod(0o666)
    else:
        lock.unlink()
    shared_folder.chmod(0o555)
    before = folder_state(shared_folder)
    with unprivileged():
        result = run("--db", str(store), "side", "add", "us", "--name", "United States")
    if lock_exists:
        reason = "Permission denied"
    else:
        reason = "cannot create its lock file claims.json.lock (Permission denied)"
    assert result.exit_code == 3
    assert result.stderr == f"Error: cannot write {store}: {reason}; nothing was changed\n"
    assert folder_state(shared_folder) == before
    assert temp_files(shared_folder) == []


def test_a_read_only_store_is_not_replaced(shared_folder: Path) -> None:
    shared_folder.mkdir()
    store = shared_folder / "claims.json"
    ok("--db", str(store), "side", "add", "russia", "--name", "Russia")
    shared_folder.chmod(0o777)  # renaming over the file would work: claimtrack must not
    Path(f"{store}.lock").chmod(0o666)
    store.chmod(0o444)
    before = folder_state(shared_folder)
    with unprivileged():
        result = run("--db", str(store), "side", "add", "us", "--name", "United States")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: {store} is read-only; nothing was changed. "
        f"Make it writable with: chmod u+w {store}\n"
    )
    assert folder_state(shared_folder) == before


def test_a_store_in_a_missing_folder(tmp_path: Path) -> None:
    store = tmp_path / "nowhere" / "claims.json"
    result = run("--db", str(store), "side", "add", "us", "--name", "United States")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: cannot create {store}: folder {store.parent} does not exist\n"
    )
    assert not store.parent.exists()
