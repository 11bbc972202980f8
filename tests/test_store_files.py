"""What may be a store: regular files only, up to a size; the lock file; read-only stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import storefile as store_module
from claimtrack.errors import StoreError
from claimtrack.store import read_store, write_store
from reliability_helpers import folder_state, ok, run, seed

RECORD = ("record", "-s", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-12", "x")
# Every kind of command: reads, check, writes holding the lock, and init.
COMMANDS = [
    ("list",),
    ("show", "abcd"),
    ("check",),
    ("log",),
    ("gaps",),
    ("export",),
    RECORD,
    ("side", "add", "china", "--name", "China"),
    ("undo",),
    ("init",),
]


def claimtrack(*args: str) -> subprocess.CompletedProcess[str]:
    """A child process with a timeout: a FIFO that hangs fails the test, not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_fifo_is_refused_by_every_command_without_hanging(
    tmp_path: Path, args: tuple[str]
) -> None:
    fifo = tmp_path / "claims.json"
    os.mkfifo(fifo)
    done = claimtrack("--db", str(fifo), *args)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == (
        f"Error: {fifo} is a named pipe (FIFO), not a store file. Give --db a regular file\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json"]  # no lock file


@pytest.mark.parametrize("args", [("list",), RECORD, ("init",)], ids=" ".join)
def test_a_device_is_refused(args: tuple[str]) -> None:
    result = run("--db", os.devnull, *args)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        f"Error: {os.devnull} is a device, not a store file. Give --db a regular file\n"
    )


def test_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    result = run("--db", "/dev/zero", "list")
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: /dev/zero is a device, not a store file")


def test_a_symlink_to_a_regular_store_works_and_one_to_a_fifo_does_not(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    ok("--db", str(real), "init")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    ok("--db", str(link), "side", "add", "us", "--name", "US")
    assert ok("--db", str(real), "side", "list", "--format", "ids").stdout == "us\n"
    fifo, fifo_link = tmp_path / "pipe", tmp_path / "pipe.json"
    os.mkfifo(fifo)
    fifo_link.symlink_to(fifo)
    with pytest.raises(StoreError, match="is a named pipe"):
        read_store(fifo_link)


def test_a_store_over_the_size_limit_is_refused(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    size = isolated_store.stat().st_size
    monkeypatch.setattr(store_module, "MAX_STORE_BYTES", size - 1)
    before = folder_state(isolated_store.parent)
    for args in (("list",), RECORD):
        result = run(*args)
        assert result.exit_code == 3
        assert result.stderr == (
            f"Error: {isolated_store} is 0 MiB, larger than a store may be (0 MiB). "
            "Is it really a claimtrack store?\n"
        )
    assert folder_state(isolated_store.parent) == before


def test_the_size_limit_is_documented() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"{store_module.MAX_STORE_BYTES >> 20} MiB" in readme


# --- the lock file ---------------------------------------------------------------------


def test_a_lock_file_that_is_a_symlink_is_refused_and_not_followed(isolated_store: Path) -> None:
    seed()
    lock = Path(f"{isolated_store}.lock")
    lock.unlink()
    target = isolated_store.parent / "elsewhere" / "target"
    target.parent.mkdir()
    lock.symlink_to(target)
    before = folder_state(isolated_store.parent)
    result = run(*RECORD)
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: cannot write {isolated_store}: its lock file {lock} is a symbolic link; "
        f"nothing was changed. Remove it if no claimtrack is running: rm {lock}\n"
    )
    assert not target.exists()
    assert folder_state(isolated_store.parent) == before


def test_a_dangling_lock_symlink_into_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    Path(f"{path}.lock").symlink_to(tmp_path / "made-by-claimtrack")
    with pytest.raises(StoreError, match="is a symbolic link"), write_store(path, operation="x"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json.lock"]


# --- read-only stores ------------------------------------------------------------------


def test_a_read_only_store_is_refused_even_for_root(isolated_store: Path) -> None:
    """os.access says yes to root whatever the mode: the mode bits decide."""
    seed()
    isolated_store.chmod(0o444)
    before = folder_state(isolated_store.parent)
    result = run(*RECORD)
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: {isolated_store} is read-only; nothing was changed. "
        f"Make it writable with: chmod u+w {isolated_store}\n"
    )
    assert folder_state(isolated_store.parent) == before
    assert ok("list", "--format", "ids").stdout == ""  # reading still works
