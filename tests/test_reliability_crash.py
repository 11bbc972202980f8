"""Requirement 2: atomic, durable commits that survive SIGKILL at any moment.

The kill loop runs CLAIMTRACK_KILL_LOOP iterations (default 12, so that the suite
stays fast; the issue's acceptance run uses CLAIMTRACK_KILL_LOOP=300).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest

from claimtrack.store import encode, read_store
from reliability_helpers import ok, record, seed, temp_files

KILLS = int(os.environ.get("CLAIMTRACK_KILL_LOOP", "12"))

# The worker records, edits and removes its own claims, back to back, and reports on
# stdout (unbuffered os.write, whole lines) before each command and after each one
# that exited 0. Claims are named by their text, unique to the worker.
WORKER = r"""
import os, random, sys
from click.testing import CliRunner
from claimtrack.cli import cli
name, rng = sys.argv[1], random.Random(sys.argv[1])
runner = CliRunner()
def say(*words):
    os.write(1, (" ".join(words) + "\n").encode())
def claimtrack(*args):
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    if result.exit_code != 0:
        sys.exit(f"{args} exited {result.exit_code}: {result.stderr}")
    return result.stdout.strip()
# Imported before "ready", so that the random moments fall in commands, not imports.
from claimtrack.commands import claims as _claims_commands
import filelock
mine, n = [], 0
say("ready")
while True:
    n += 1
    choice = rng.random()
    if not mine or choice < 0.55:
        text = f"{name}-{n}"
        say("try", "record", text)
        claim_id = claimtrack("record", "-s", "russia", "-T", "missiles", "-k", "demand",
                              "-d", "2022-01-26", "--note", "new", text)
        mine.append(claim_id)
        say("done", "record", text, claim_id)
    elif choice < 0.85:
        claim_id, note = rng.choice(mine), f"note-{name}-{n}"
        say("try", "edit", claim_id, note)
        claimtrack("edit", claim_id, "--note", note)
        say("done", "edit", claim_id, note)
    else:
        claim_id = mine.pop(rng.randrange(len(mine)))
        say("try", "rm", claim_id)
        claimtrack("rm", "--yes", claim_id)
        say("done", "rm", claim_id)
"""


@dataclass
class Expectations:
    """What the store must show, from the commands that were acknowledged."""

    present: dict[str, str] = field(default_factory=dict)  # id -> text
    gone: set[str] = field(default_factory=set)
    notes: dict[str, set[str]] = field(default_factory=dict)  # id -> notes it may have

    def learn(self, lines: list[str]) -> None:
        for line in lines:
            state, op, *args = line.split(" ")
            if op == "record" and state == "done":
                text, claim_id = args
                self.present[claim_id] = text
                self.notes[claim_id] = {"new"}
            elif op == "edit" and state == "try":
                self.notes[args[0]].add(args[1])  # may or may not have landed
            elif op == "edit" and state == "done":
                self.notes[args[0]] = {args[1]}  # landed: older notes are gone
            elif op == "rm" and state == "try":
                self.present.pop(args[0], None)  # may or may not have landed
            elif op == "rm" and state == "done":
                self.gone.add(args[0])

    def check(self, path: Path) -> None:
        raw = path.read_bytes()
        store = read_store(path)  # parses, and is a claimtrack store
        assert encode(orjson.loads(raw)) == raw  # and exactly as claimtrack writes it
        for claim_id, text in self.present.items():
            claim = store.get("claims", claim_id)
            assert claim is not None, f"acknowledged claim {claim_id} ({text}) is lost"
            assert claim["text"] == text
            assert claim["note"] in self.notes[claim_id], (claim_id, claim["note"])
        assert not self.gone & store.keys("claims"), "an acknowledged rm came undone"


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_or_damages_anything(isolated_store: Path) -> None:
    seed()
    rng = random.Random(20220110)
    expected = Expectations()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    acknowledged = 0
    for kill in range(KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-c", WORKER, f"w{kill}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.3))  # a random moment: the kill, not an assertion
        worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == -signal.SIGKILL, err
        lines = out.splitlines()
        expected.learn(lines)
        acknowledged += sum(line.startswith("done") for line in lines)
        expected.check(isolated_store)
    assert acknowledged > 0
    ok("check")
    # The next write clears whatever temp file a killed writer left.
    record("after the kills")
    assert temp_files(isolated_store.parent) == []


def test_commit_keeps_the_file_mode(isolated_store: Path) -> None:
    seed()
    isolated_store.chmod(0o640)
    record("mode kept")
    assert isolated_store.stat().st_mode & 0o777 == 0o640


def test_new_store_follows_the_umask(isolated_store: Path) -> None:
    old = os.umask(0o027)
    try:
        ok("init")
    finally:
        os.umask(old)
    assert isolated_store.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_store_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "data" / "talks.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    ok("--db", str(link), "init")
    ok("--db", str(link), "side", "add", "russia", "--name", "Russia")
    assert link.is_symlink()
    assert read_store(real).keys("sides") == {"russia"}


def test_on_disk_format_is_json_dumps_compatible(isolated_store: Path) -> None:
    import json

    seed()
    record("Россия «гарантии» ضمانات 😀 \u202e")
    raw = isolated_store.read_bytes()
    data = json.loads(raw)
    expected = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert raw == expected.encode("utf-8")
