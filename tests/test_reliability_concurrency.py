"""Requirements 1, 4 and 11 (Ctrl-C): parallel writers, lock contention, interrupts."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrack.store import read_store
from reliability_helpers import folder_state, ok, record, run, seed, temp_files

WRITERS, RECORDS_EACH = 8, 50

# Each writer process runs `claimtrack record` RECORDS_EACH times through the real
# entry point: every run is a whole transaction (lock, re-read, change, commit).
WRITER = r"""
import sys
from claimtrack.cli import cli
worker, count = int(sys.argv[1]), int(sys.argv[2])
for i in range(count):
    args = ["--lock-timeout", "120", "record", "-s", "russia", "-T", "nato-expansion",
            "-k", "demand", "-d", "2022-01-10", f"claim {worker}-{i}"]
    code = cli.main(args, prog_name="claimtrack", standalone_mode=False)
    if code:
        sys.exit(f"record {worker}-{i} exited {code}")
"""

# The reader loops `list --format json` until told to stop; any output that does not
# parse, or a count of claims that goes down, ends it with an error.
READER = r"""
import json, pathlib, sys
from click.testing import CliRunner
from claimtrack.cli import cli
stop = pathlib.Path(sys.argv[1])
reads, last = 0, 0
while not stop.exists():
    result = CliRunner().invoke(cli, ["list", "--format", "json"])
    if result.exit_code != 0:
        sys.exit(f"list exited {result.exit_code}: {result.stderr!r}")
    claims = json.loads(result.stdout)
    if len(claims) < last:
        sys.exit(f"claims went from {last} to {len(claims)}")
    reads, last = reads + 1, len(claims)
print(reads)
"""


def python(script: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.slow
def test_parallel_records_all_land_and_readers_always_parse(tmp_path: Path) -> None:
    seed()
    stop = tmp_path / "stop"
    reader = python(READER, str(stop))
    writers = [python(WRITER, str(n), str(RECORDS_EACH)) for n in range(WRITERS)]
    printed = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        printed += out.split()
    stop.touch()
    reads, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert int(reads) >= 1

    store = read_store(tmp_path / "claims.json")
    assert len(printed) == len(set(printed)) == WRITERS * RECORDS_EACH
    assert store.keys("claims") == set(printed)
    texts = sorted(c["text"] for c in store.records("claims"))
    assert texts == sorted(f"claim {w}-{i}" for w in range(WRITERS) for i in range(RECORDS_EACH))
    # Every commit saw the one before it: history numbers run without gaps or repeats.
    seqs = sorted(e["seq"] for e in store.records("history"))
    assert seqs == list(range(1, len(seqs) + 1))
    assert temp_files(tmp_path) == []


@contextlib.contextmanager
def lock_held(store: Path) -> Iterator[None]:
    """This test holds the store's lock, as another claimtrack process would."""
    fd = os.open(f"{store}.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_lock_contention_is_explained(isolated_store: Path) -> None:
    seed()
    with lock_held(isolated_store):
        before = folder_state(isolated_store.parent)
        for timeout in ("0", "0.1"):
            result = run("--lock-timeout", timeout, "side", "add", "china", "--name", "China")
            assert result.exit_code == 3
            assert result.stderr == (
                f"Error: another claimtrack process holds the store {isolated_store} "
                f"(waited {timeout}s). Try again when it has finished, or raise --lock-timeout\n"
            )
            assert folder_state(isolated_store.parent) == before
        # Readers never wait for the lock.
        assert ok("side", "list", "--format", "ids").stdout == "nato\nrussia\nus\n"
    ok("--lock-timeout", "0", "side", "add", "china", "--name", "China")


HOLDER = r"""
import pathlib, sys, time
from claimtrack.store import write_store
with write_store(pathlib.Path(sys.argv[1]), operation="test") as store:
    # what a writer killed between creating and renaming its temp file leaves behind
    pathlib.Path(sys.argv[2]).write_bytes(b'{"half": ')
    print("locked", flush=True)
    time.sleep(600)
"""


@pytest.mark.slow
def test_a_killed_lock_holder_never_blocks_the_next_run(isolated_store: Path) -> None:
    seed()
    leftover = isolated_store.with_name(".claims.json.0123abcd.tmp")
    other_store_temp = isolated_store.with_name(".claims.json.old.0123abcd.tmp")
    other_store_temp.write_bytes(b"another store's commit in progress")
    holder = python(HOLDER, str(isolated_store), str(leftover))
    assert holder.stdout is not None
    assert holder.stdout.readline() == "locked\n"
    assert run("--lock-timeout", "0", "record", "-s", "us", "-T", "missiles", "-k",
               "demand", "-d", "2022-01-12", "x").exit_code == 3  # fmt: skip
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    claim_id = ok("--lock-timeout", "0", "record", "-s", "us", "-T", "missiles", "-k",
                  "demand", "-d", "2022-01-12", "x").stdout.strip()  # fmt: skip
    assert read_store(isolated_store).get("claims", claim_id) is not None
    assert temp_files(isolated_store.parent) == [other_store_temp.name]


def _has_open(pid: int, path: Path) -> bool:
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in fds.iterdir())
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the wait")
def test_ctrl_c_while_waiting_for_the_lock(isolated_store: Path) -> None:
    seed()
    record("before the interrupt")
    with lock_held(isolated_store):
        before = folder_state(isolated_store.parent)
        child = subprocess.Popen(
            [sys.executable, "-m", "claimtrack", "--lock-timeout", "120", "record", "-s", "us",
             "-T", "missiles", "-k", "warning", "-d", "2022-01-12", "never saved"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        lock_path = Path(f"{isolated_store}.lock")
        # The lock library opens the lock file for each attempt (every 50 ms) and closes
        # it when the attempt fails: once it has been seen open, the child is waiting.
        # The attempts are brief, so after a few seconds the child is taken to wait.
        deadline = time.monotonic() + 5
        while not _has_open(child.pid, lock_path) and time.monotonic() < deadline:
            assert child.poll() is None, child.communicate()
            time.sleep(0.002)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    assert (child.returncode, out, err) == (130, "", "Error: interrupted; the store is unchanged\n")
    assert folder_state(isolated_store.parent) == before
