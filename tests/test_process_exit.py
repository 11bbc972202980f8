"""The console script ends with os._exit (cli.leave): output, exit codes and writes survive it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def claimtrack(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "CLAIMTRACK_DB": str(db)},
        timeout=60,
    )


def test_a_write_is_committed_and_its_output_flushed(vocab_store: Path) -> None:
    recorded = claimtrack(
        "record",
        "-s",
        "us",
        "-r",
        "geneva",
        "-T",
        "missiles",
        "-k",
        "proposal",
        "Talks",
        db=vocab_store,
    )
    assert recorded.returncode == 0, recorded.stderr
    claim_id = recorded.stdout.strip()
    assert recorded.stderr == f"Recorded claim {claim_id} (us, proposal, 2022-01-10)\n"
    assert claim_id in json.loads(vocab_store.read_text(encoding="utf-8"))["claims"]

    listed = claimtrack("list", "--format", "json", db=vocab_store)
    assert listed.returncode == 0
    assert [c["id"] for c in json.loads(listed.stdout)] == [claim_id]


@pytest.mark.parametrize(
    ("args", "code", "stderr_start"),
    [
        (("show", "zzzzzz"), 1, "Error: no claim with id 'zzzzzz'."),
        (("list", "--bogus"), 2, "Usage: claimtrack list [OPTIONS]"),
        (("--version",), 0, ""),
    ],
)
def test_exit_codes_pass_through(
    vocab_store: Path, args: tuple[str, ...], code: int, stderr_start: str
) -> None:
    result = claimtrack(*args, db=vocab_store)
    assert result.returncode == code
    assert result.stderr.startswith(stderr_start)


def test_a_missing_store_exits_3(tmp_path: Path) -> None:
    result = claimtrack("list", db=tmp_path / "none.json")
    assert result.returncode == 3
    assert result.stderr.startswith("Error: no store at ")
