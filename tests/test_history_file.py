"""The history file beside the store: crashes, damage, merges, old stores, undo --skip."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.historyfile import Heads, applied_entries, history_path
from helpers import history_entries
from reliability_helpers import folder_state, ok, record, run, seed


def history_lines(store: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in history_path(store).read_text("utf-8").splitlines()]


def operations(store: Path) -> list[str]:
    return [entry["operation"] for entry in history_entries(store)]


def test_reads_never_open_the_history_file(isolated_store: Path) -> None:
    seed()
    record("first")
    history_path(isolated_store).unlink()
    assert len(ok("list", "--format", "ids").stdout.split()) == 1
    assert ok("gaps", "--format", "ids").exit_code == 0


def test_store_and_history_stay_apart(isolated_store: Path) -> None:
    seed()
    claim_id = record("first")
    data = orjson.loads(isolated_store.read_bytes())
    assert "history" not in data
    last = history_lines(isolated_store)[-1]
    assert data["meta"]["history"] == {"heads": [last["id"]], "seq": 7}
    assert (last["operation"], last["seq"], last["changes"][0]["key"]) == ("record", 7, claim_id)
    assert last["parents"] == [history_lines(isolated_store)[-2]["id"]]


# --- a crash between the two commits ---------------------------------------------------

CRASH_IN_COMMIT = """
import os, sys
from claimtrack import atomicfile
from claimtrack.cli import main
atomicfile.atomic_write = lambda *args, **kwargs: os.kill(os.getpid(), 9)
sys.argv = ["claimtrack", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
def test_an_entry_whose_store_commit_never_happened_is_known_as_not_applied(
    isolated_store: Path,
) -> None:
    seed()
    kept = record("kept")
    store_before = isolated_store.read_bytes()
    args = ["-s", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-12", "lost"]
    killed = subprocess.run(
        [sys.executable, "-c", CRASH_IN_COMMIT, "record", *args],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -9
    assert isolated_store.read_bytes() == store_before
    lost = history_lines(isolated_store)[-1]
    assert lost["changes"][0]["after"]["text"] == "lost"

    assert operations(isolated_store)[-1] == "record"
    assert [r["key"] for r in json.loads(ok("log", "-n", "1", "--format", "json").stdout)] == [kept]
    checked = run("check")
    assert checked.exit_code == 0
    assert checked.stderr.startswith(
        f"note: history {history_path(isolated_store).name}: entry {lost['id']} (record) was "
        "never applied: the command that wrote it stopped before saving the store; "
        "log and undo ignore it\n"
    )
    ok("undo")  # reverts "kept", not the lost record
    assert ok("list", "--format", "ids").stdout == ""
    next_id = record("after the crash")
    assert operations(isolated_store)[-1] == "record"
    assert ok("list", "--format", "ids").stdout == f"{next_id}\n"


def test_a_line_torn_by_a_crash_is_ignored_and_the_next_write_removes_it(
    isolated_store: Path,
) -> None:
    seed()
    record("first")
    with history_path(isolated_store).open("ab") as file:
        file.write(b'{"changes": [{"table": "cla')
    assert len(json.loads(ok("log", "--format", "json").stdout)) == 7
    checked = run("check")
    assert checked.exit_code == 0
    assert "its last line was cut short" in checked.stderr
    second = record("second")
    assert json.loads(ok("log", "-n", "1", "--format", "json").stdout)[0]["key"] == second
    assert b'"cla\n' not in history_path(isolated_store).read_bytes()
    assert run("check").stderr.startswith("No problems")


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (b"not json\n", "not valid JSON"),
        (b"{}\n", "not a history entry (an empty or non-object line)"),
        (
            b'{"id":"x","time":"t","user":"u","operation":"o","seq":"x","changes":[]}\n',
            'seq "x" is not a whole number from 0 to 2**53 - 1',
        ),  # fmt: skip
        (
            b'{"id":"x","time":"t","user":"u","operation":"o","seq":9007199254740993,"changes":[]}\n',
            "seq 9007199254740993 is not a whole number from 0 to 2**53 - 1",
        ),  # fmt: skip
        (
            b'{"id":"x","time":"t","user":"u","operation":"o","seq":1e30,"changes":[]}\n',
            "seq 1e30 is not a whole number from 0 to 2**53 - 1",
        ),  # fmt: skip
        (
            b'{"id":"x","time":"t","user":"u","operation":"o","seq":3,"changes":"x"}\n',
            "changes is not a list",
        ),  # fmt: skip
    ],
)
def test_a_damaged_history_is_refused_by_log_and_undo_and_named_by_check(
    isolated_store: Path, damage: bytes, problem: str
) -> None:
    seed()
    record("first")
    path = history_path(isolated_store)
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join([*lines[:2], damage, *lines[2:]]))
    before = folder_state(isolated_store.parent)
    shown = problem.replace("1e30", "1e+30")
    for args in (("log",), ("undo",)):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr == (
            f"Error: the history file {path} is damaged: line 3: {shown}. Run: claimtrack check\n"
        )
    checked = run("check")
    assert checked.exit_code == 1
    assert checked.stdout == f"history {path.name}, line 3: {shown}\n"
    assert folder_state(isolated_store.parent) == before
    record("writes do not read the history, and still work")


def test_a_store_whose_history_seq_is_not_a_safe_integer_is_refused(isolated_store: Path) -> None:
    seed()
    data = orjson.loads(isolated_store.read_bytes())
    data["meta"]["history"]["seq"] = 2**64
    isolated_store.write_text(json.dumps(data), encoding="utf-8")
    result = run("list")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: {isolated_store} is damaged: meta.history.seq 1.8446744073709552e+19 is not a "
        "whole number from 0 to 2**53 - 1. Run: claimtrack check\n"
    )


# --- undo that cannot revert, and --skip -------------------------------------------------


def test_undo_names_what_blocks_it_and_skip_passes_over_it(isolated_store: Path) -> None:
    seed()
    first = record("first")
    second = record("second")
    data = orjson.loads(isolated_store.read_bytes())
    data["claims"][second]["note"] = "changed by a merge"
    isolated_store.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    blocked = run("undo")
    assert blocked.exit_code == 1
    assert f"claims record '{second}' has changed since outside claimtrack's history" in (
        blocked.stderr
    )
    skipped = ok("undo", "--skip")
    assert skipped.stderr.startswith("Skipped record of ")
    assert operations(isolated_store)[-1] == "skip"
    ok("undo")  # the record of `first`, the change before the skipped one
    assert ok("list", "--format", "ids").stdout == f"{second}\n"
    assert first not in ok("list", "--format", "ids").stdout


def test_undo_names_the_later_change_that_blocks_it(isolated_store: Path) -> None:
    seed()
    claim_id = record("first")
    ok("edit", claim_id, "--note", "one")
    edit_time = history_entries(isolated_store)[-1]["time"]
    ok("undo", "--skip")  # passes over the edit, which stays
    blocked = run("undo")
    assert blocked.exit_code == 1
    assert blocked.stderr == (
        f"Error: cannot undo the record of {history_entries(isolated_store)[-3]['time']}: "
        f"claims record '{claim_id}' has changed since by the edit of {edit_time}. "
        f"Pass over it with: claimtrack undo --skip (see: claimtrack log {claim_id})\n"
    )


# --- order after merges ------------------------------------------------------------------


def entry(entry_id: str, seq: int, parents: list[str], time: str) -> dict[str, Any]:
    return {"id": entry_id, "seq": seq, "parents": parents, "time": time, "changes": []}


TWO_CLONES = [
    entry("a1", 1, [], "2022-01-01T00:00:01Z"),
    entry("a2", 2, ["a1"], "2022-01-01T00:00:05Z"),  # clone A
    entry("b2", 2, ["a1"], "2022-01-01T00:00:03Z"),  # clone B, same seq
    entry("b3", 3, ["b2"], "2022-01-01T00:00:04Z"),
    entry("m4", 4, ["a2", "b3"], "2022-01-01T00:00:09Z"),  # after the merge
    entry("lost", 5, ["m4"], "2022-01-01T00:00:10Z"),  # its commit never happened
]


@given(st.randoms(use_true_random=False))
def test_merged_entries_have_one_order_whatever_the_order_of_the_lines(
    shuffle: random.Random,
) -> None:
    lines = TWO_CLONES + TWO_CLONES[:2]  # a union merge may repeat a line
    shuffle.shuffle(lines)
    applied, unapplied = applied_entries(lines, Heads(("m4",), 4))
    assert [e["id"] for e in applied] == ["a1", "b2", "a2", "b3", "m4"]
    assert [e["id"] for e in unapplied] == ["lost"]


# --- stores that kept their history inside ----------------------------------------------


def old_store(path: Path) -> list[str]:
    """A store as older claimtracks wrote it, history inside, with a seq repeated by a merge."""
    seed()
    ids = [record("first"), record("second")]
    entries = history_entries(path)
    data = orjson.loads(path.read_bytes())
    del data["meta"]["history"]
    old = {}
    for e in entries:
        e = {k: v for k, v in e.items() if k != "parents"}
        old[e["id"]] = e
    old[entries[-1]["id"]]["seq"] = entries[-2]["seq"]  # two clones' entries, one seq
    data["history"] = old
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    history_path(path).unlink()
    return ids


def test_an_old_store_keeps_its_history_and_moves_it_out_on_the_next_change(
    isolated_store: Path,
) -> None:
    first, second = old_store(isolated_store)
    logged = [r["key"] for r in json.loads(ok("log", "--format", "json").stdout)]
    assert logged[:2] == [second, first]
    assert not history_path(isolated_store).exists()  # reading moved nothing
    third = record("third")
    assert "history" not in orjson.loads(isolated_store.read_bytes())
    assert [e["seq"] for e in history_lines(isolated_store)] == list(range(1, 10))
    logged = [r["key"] for r in json.loads(ok("log", "--format", "json").stdout)]
    assert logged[:3] == [third, second, first]
    assert run("check").exit_code == 0
    for _ in range(3):
        ok("undo")
    assert ok("list", "--format", "ids").stdout == ""


# --- real git merges ---------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def claimtrack(repo: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(repo / "claims.json"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.slow
def test_after_a_git_merge_log_orders_both_histories_and_undo_walks_back(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "A")
    git(repo, "config", "user.email", "a@example.org")
    claimtrack(repo, "git-setup")
    claimtrack(repo, "side", "add", "us", "--name", "US")
    claimtrack(repo, "topic", "add", "missiles", "--title", "Missiles")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "store")
    git(repo, "checkout", "-qb", "other")
    args = ("-s", "us", "-T", "missiles", "-k", "demand", "-d")
    theirs = [claimtrack(repo, "record", *args, "2022-01-0" + d, "theirs " + d) for d in "12"]
    git(repo, "commit", "-qam", "theirs")
    git(repo, "checkout", "-q", "main")
    ours = [claimtrack(repo, "record", *args, "2022-01-0" + d, "ours " + d) for d in "34"]
    git(repo, "commit", "-qam", "ours")
    git(repo, "merge", "-q", "--no-edit", "other")

    assert claimtrack(repo, "check") == ""
    keys = [row["key"] for row in json.loads(claimtrack(repo, "log", "--format", "json"))]
    assert sorted(keys[:4]) == sorted(ours + theirs)
    assert keys[4:] == ["missiles", "us"]
    for _ in range(4):
        claimtrack(repo, "undo")
    assert claimtrack(repo, "list", "--format", "ids") == ""
    seqs = [e["seq"] for e in history_entries(repo / "claims.json")]
    assert seqs == sorted(seqs)


def test_a_version_1_store_has_its_history_chained_by_the_named_migration(
    isolated_store: Path,
) -> None:
    first, second = old_store(isolated_store)
    data = orjson.loads(isolated_store.read_bytes())
    data["meta"] = {"schema": {"version": 1}}
    for claim in [*data["claims"].values()] + [
        c["after"] for e in data["history"].values() for c in e["changes"] if c["after"]
    ]:
        if "topics" in claim:
            claim["topic"] = claim.pop("topics")[0]
            claim["verbatim"] = claim.pop("attribution") == "quote"
    isolated_store.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    logged = [r["key"] for r in json.loads(ok("log", "--format", "json").stdout)]
    assert logged[:2] == [second, first]
    ok("undo")
    upgraded = orjson.loads(isolated_store.read_bytes())
    assert "history" not in upgraded
    assert upgraded["meta"]["schema"]["migrations"][-1] == "history-beside-the-store"
    assert [e["operation"] for e in history_entries(isolated_store)][-2:] == ["record", "undo"]
    assert ok("list", "--format", "ids").stdout == f"{first}\n"


@pytest.mark.parametrize("seq", [2**64 + 1, "x", None])
def test_an_old_history_entry_with_an_unsafe_seq_is_named_by_check(
    isolated_store: Path, seq: object
) -> None:
    old_store(isolated_store)
    data = json.loads(isolated_store.read_text(encoding="utf-8"))
    key = sorted(data["history"])[-1]
    data["history"][key]["seq"] = seq
    isolated_store.write_text(json.dumps(data), encoding="utf-8")
    before = folder_state(isolated_store.parent)
    shown = "1.8446744073709552e+19" if isinstance(seq, int) else json.dumps(seq)
    checked = run("check")
    assert checked.exit_code == 1
    assert checked.stdout == (
        f"history: the store's old history entry '{key}' cannot be moved to its own file: "
        f"seq {shown} is not a whole number from 0 to 2**53 - 1\n"
    )
    for args in (("log",), ("undo",), ("side", "add", "china", "--name", "China")):
        assert run(*args).exit_code == 3
    assert ok("list", "--format", "ids").stdout  # reading the claims is unaffected
    assert folder_state(isolated_store.parent) == before
