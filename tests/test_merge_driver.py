"""The three-way merge of stores, the merge-driver command, git-setup, and real git merges."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrack.merge import merge
from claimtrack.migrations import fresh_schema
from claimtrack.model import blank_claim
from claimtrack.store import Data, decode, empty_data, encode

T0 = "2022-02-01T00:00:00.000000Z"
T1 = "2022-02-02T00:00:00.000000Z"
T2 = "2022-02-03T00:00:00.000000Z"


def claim(claim_id: str, text: str, **fields: Any) -> dict[str, Any]:
    record = blank_claim()
    record.update(id=claim_id, side="russia", topics=["missiles"], kind="demand", date="2022-01-10")
    record.update(text=text, created=T0, updated=T0)
    record.update(fields)
    return record


def base_store() -> Data:
    data = empty_data()
    for slug, name in (("russia", "Russia"), ("us", "United States")):
        data["sides"][slug] = {"slug": slug, "name": name, "aliases": []}
    for slug in ("missiles", "old"):
        data["topics"][slug] = {"slug": slug, "title": slug, "description": None, "aliases": []}
    for claim_id, text in (("aaaaaaaaaa", "A"), ("bbbbbbbbbb", "B"), ("cccccccccc", "C")):
        data["claims"][claim_id] = claim(claim_id, text)
    data["history"]["h0"] = {"id": "h0", "operation": "init"}
    return data


def edited(data: Data, table: str, key: str, **fields: Any) -> None:
    data[table][key] = {**data[table][key], **fields}


# --- the merge itself ------------------------------------------------------------------


def test_changes_on_different_records_and_fields_all_land():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["claims"]["dddddddddd"] = claim("dddddddddd", "ours new")
    edited(ours, "claims", "aaaaaaaaaa", note="ours note", updated=T1)
    del ours["claims"]["cccccccccc"]
    ours["sides"]["nato"] = {"slug": "nato", "name": "NATO", "aliases": []}
    ours["history"]["h1"] = {"id": "h1", "operation": "record"}
    theirs["claims"]["eeeeeeeeee"] = claim("eeeeeeeeee", "theirs new")
    edited(theirs, "claims", "aaaaaaaaaa", grade="B2", updated=T2)
    edited(theirs, "claims", "bbbbbbbbbb", note="theirs note", updated=T1)
    del theirs["topics"]["old"]
    edited(theirs, "sides", "us", aliases=["واشنطن"])
    theirs["history"]["h2"] = {"id": "h2", "operation": "edit"}

    result = merge(base, ours, theirs)

    assert result.conflicts == []
    claims = result.data["claims"]
    assert sorted(claims) == ["aaaaaaaaaa", "bbbbbbbbbb", "dddddddddd", "eeeeeeeeee"]
    assert (claims["aaaaaaaaaa"]["note"], claims["aaaaaaaaaa"]["grade"]) == ("ours note", "B2")
    assert claims["aaaaaaaaaa"]["updated"] == T2  # both edited it: the later time
    assert claims["bbbbbbbbbb"]["note"] == "theirs note"
    assert sorted(result.data["sides"]) == ["nato", "russia", "us"]
    assert result.data["sides"]["us"]["aliases"] == ["واشنطن"]
    assert sorted(result.data["topics"]) == ["missiles"]
    assert sorted(result.data["history"]) == ["h0", "h1", "h2"]
    decode(encode(result.data), Path("merged.json"))  # a valid store


def test_the_same_claim_added_on_both_sides_keeps_the_earlier_creation():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["claims"]["dddddddddd"] = claim("dddddddddd", "same", created=T1, updated=T1)
    theirs["claims"]["dddddddddd"] = claim("dddddddddd", "same", created=T2, updated=T2)
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    merged = result.data["claims"]["dddddddddd"]
    assert (merged["created"], merged["updated"]) == (T1, T2)


def test_the_same_field_changed_differently_is_a_conflict_that_keeps_ours():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    edited(ours, "claims", "aaaaaaaaaa", note="ours", updated=T1)
    edited(theirs, "claims", "aaaaaaaaaa", note="ليس", grade="A1", updated=T2)
    edited(ours, "sides", "us", name="USA")
    edited(theirs, "sides", "us", name="The United States")
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        'conflict: claim aaaaaaaaaa, field note: ours "ours", theirs "ليس"; kept ours',
        'conflict: side us, field name: ours "USA", theirs "The United States"; kept ours',
    ]
    assert result.data["claims"]["aaaaaaaaaa"]["note"] == "ours"
    assert result.data["claims"]["aaaaaaaaaa"]["grade"] == "A1"
    assert result.data["sides"]["us"]["name"] == "USA"


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del ours["claims"]["aaaaaaaaaa"]
    edited(theirs, "claims", "aaaaaaaaaa", note="kept?", updated=T1)
    edited(ours, "claims", "bbbbbbbbbb", note="mine", updated=T1)
    del theirs["claims"]["bbbbbbbbbb"]
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        "conflict: claim aaaaaaaaaa: deleted in ours, changed in theirs (note, updated); "
        "kept ours: deleted",
        "conflict: claim bbbbbbbbbb: changed in ours (note, updated), deleted in theirs; kept ours",
    ]
    assert sorted(result.data["claims"]) == ["bbbbbbbbbb", "cccccccccc"]


def test_a_deleted_entry_the_other_side_still_uses_is_kept():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del ours["topics"]["old"]
    del ours["claims"]["cccccccccc"]
    theirs["claims"]["dddddddddd"] = claim(
        "dddddddddd", "uses old", topics=["old"], responds_to="cccccccccc"
    )
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        "conflict: topic old: deleted on one side, but claim dddddddddd uses it; kept it",
        "conflict: claim cccccccccc: deleted on one side, but claim dddddddddd uses it; kept it",
    ]
    assert "old" in result.data["topics"]
    assert "cccccccccc" in result.data["claims"]


def test_an_alias_given_to_two_entries_stays_with_ours():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    edited(ours, "sides", "russia", aliases=["RU"])
    theirs["sides"]["ru-fed"] = {"slug": "ru-fed", "name": "RF", "aliases": ["ru", "RF"]}
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        'conflict: side ru-fed: alias "ru" also names side russia; dropped it here'
    ]
    assert result.data["sides"]["ru-fed"]["aliases"] == ["RF"]
    assert result.data["sides"]["russia"]["aliases"] == ["RU"]


def version_1(data: Data) -> Data:
    """`data` as schema version 1 wrote it: `topic` and `verbatim`, no migration names."""
    old = copy.deepcopy(data)
    old["meta"]["schema"] = {"version": 1}
    for record in old["claims"].values():
        record["topic"] = record.pop("topics")[0]
        record["verbatim"] = record.pop("attribution") == "quote"
    return old


def test_a_version_1_store_merges_with_a_version_2_store():
    base = version_1(base_store())
    older = copy.deepcopy(base)
    older["claims"]["aaaaaaaaaa"].update(note="old-schema edit", verbatim=False)
    older["history"]["h8"] = {"id": "h8", "operation": "edit"}
    newer = base_store()
    edited(newer, "claims", "bbbbbbbbbb", topics=["missiles", "old"], attribution="readout")
    newer["history"]["h9"] = {"id": "h9", "operation": "edit"}
    for ours, theirs in ((older, newer), (newer, older)):
        result = merge(copy.deepcopy(base), copy.deepcopy(ours), copy.deepcopy(theirs))
        assert result.conflicts == []
        assert result.data["meta"]["schema"] == fresh_schema()
        claims = result.data["claims"]
        assert claims["aaaaaaaaaa"]["note"] == "old-schema edit"
        assert claims["aaaaaaaaaa"]["attribution"] == "paraphrase"
        assert claims["bbbbbbbbbb"]["topics"] == ["missiles", "old"]
        assert claims["bbbbbbbbbb"]["attribution"] == "readout"
        assert "topic" not in claims["cccccccccc"] and "verbatim" not in claims["cccccccccc"]
        assert sorted(result.data["history"]) == ["h0", "h8", "h9"]


# --- the merge-driver command ----------------------------------------------------------


def write(path: Path, data: Data) -> Path:
    path.write_bytes(encode(data))
    return path


def test_merge_driver_writes_the_merge_to_ours_and_exits_0(run, tmp_path):
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["claims"]["dddddddddd"] = claim("dddddddddd", "ours")
    theirs["claims"]["eeeeeeeeee"] = claim("eeeeeeeeee", "theirs")
    paths = [write(tmp_path / n, d) for n, d in (("O", base), ("A", ours), ("B", theirs))]
    result = run("merge-driver", *map(str, paths), "claims.json")
    assert result.exit_code == 0
    assert result.stderr == ""
    expected = copy.deepcopy(ours)
    expected["claims"]["eeeeeeeeee"] = theirs["claims"]["eeeeeeeeee"]
    assert paths[1].read_bytes() == encode(expected)


def test_merge_driver_reports_conflicts_and_exits_1(run, tmp_path):
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    edited(ours, "claims", "aaaaaaaaaa", text="ours\ttext")
    edited(theirs, "claims", "aaaaaaaaaa", text="theirs")
    paths = [write(tmp_path / n, d) for n, d in (("O", base), ("A", ours), ("B", theirs))]
    result = run("merge-driver", *map(str, paths), "data/claims.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'conflict: claim aaaaaaaaaa, field text: ours "ours\\ttext", theirs "theirs"; kept ours',
        "claimtrack: 1 conflict(s) in data/claims.json; our values were kept. "
        "Fix them with claimtrack edit if need be, then git add the store",
    ]
    assert paths[1].read_bytes() == encode(ours)


def test_merge_driver_takes_an_empty_base_when_both_sides_added_the_store(run, tmp_path):
    ours, theirs = base_store(), base_store()
    theirs["claims"]["eeeeeeeeee"] = claim("eeeeeeeeee", "theirs")
    (tmp_path / "O").write_bytes(b"")
    paths = [tmp_path / "O", write(tmp_path / "A", ours), write(tmp_path / "B", theirs)]
    result = run("merge-driver", *map(str, paths))
    assert result.exit_code == 0
    assert sorted(json.loads(paths[1].read_bytes())["claims"]) == [
        "aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "eeeeeeeeee"
    ]  # fmt: skip


def test_merge_driver_leaves_ours_alone_when_a_version_is_damaged(run, tmp_path):
    base = base_store()
    paths = [write(tmp_path / "O", base), write(tmp_path / "A", base), tmp_path / "B"]
    paths[2].write_text("{not json", encoding="utf-8")
    before = paths[1].read_bytes()
    result = run("merge-driver", *map(str, paths))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {paths[2]} is not valid JSON")
    assert paths[1].read_bytes() == before


# --- git-setup and real git ----------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=check, env=env
    )


def new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Analyst")
    git(path, "config", "user.email", "analyst@example.org")
    return path


def claimtrack(repo: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(repo / "claims.json"), *args],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_git_setup_outside_a_repository_is_refused(run, tmp_path):
    result = run("--db", str(tmp_path / "claims.json"), "git-setup")
    if shutil.which("git") is None:
        assert result.stderr == "Error: git is not installed. Install git first\n"
    else:
        assert result.stderr == (
            f"Error: {tmp_path} is not in a git repository. Create one first: git init {tmp_path}\n"
        )
    assert result.exit_code == 1


@needs_git
def test_git_setup_writes_attributes_ignores_and_config_once(run, tmp_path):
    repo = new_repo(tmp_path / "repo")
    (repo / "data").mkdir()
    result = run("--db", str(repo / "data" / "claims.json"), "git-setup", "--command", "claimtrack")
    assert result.exit_code == 0, result.stderr
    assert (repo / ".gitattributes").read_text() == "/data/claims.json merge=claimtrack\n"
    assert (repo / ".gitignore").read_text() == "/data/claims.json.lock\n/data/.claims.json.*.tmp\n"
    driver = git(repo, "config", "merge.claimtrack.driver").stdout.strip()
    assert driver == "claimtrack merge-driver %O %A %B %P"
    assert result.stderr.splitlines()[-1] == f"Set git config merge.claimtrack.driver to: {driver}"
    again = run("--db", str(repo / "data" / "claims.json"), "git-setup", "--command", "claimtrack")
    assert again.stderr == f"Set git config merge.claimtrack.driver to: {driver}\n"
    assert (repo / ".gitattributes").read_text() == "/data/claims.json merge=claimtrack\n"


def shared_store(repo: Path) -> dict[str, str]:
    """A committed store with the merge driver set up, as the README has it."""
    claimtrack(repo, "git-setup")
    dump = {
        "sides": [{"slug": "russia", "name": "Russia"}, {"slug": "us", "name": "United States"}],
        "topics": [{"slug": "missiles", "title": "Missiles"}, {"slug": "old", "title": "Unused"}],
        "rounds": [{"slug": "geneva", "name": "Geneva", "date": "2022-01-10"}],
        "claims": [
            {"side": "russia", "topic": "missiles", "kind": "demand", "round": "geneva", "text": t}
            for t in ("first", "second", "third")
        ],
    }
    source = repo.parent / f"{repo.name}-seed.json"
    source.write_text(json.dumps(dump), encoding="utf-8")
    claimtrack(repo, "import", str(source))
    listed = json.loads(claimtrack(repo, "list", "--format", "json"))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Shared store")
    return {c["text"]: c["id"] for c in listed}


@needs_git
def test_git_merges_different_changes_on_two_branches_cleanly(tmp_path):
    repo = new_repo(tmp_path / "repo")
    ids = shared_store(repo)
    git(repo, "checkout", "-qb", "colleague")
    added_there = claimtrack(repo, "record", "-s", "us", "-T", "missiles", "-k", "rejection",
                             "-d", "2022-01-11", "No")  # fmt: skip
    claimtrack(repo, "edit", ids["first"], "--note", "from the colleague")
    claimtrack(repo, "rm", ids["third"], "--yes")
    claimtrack(repo, "side", "add", "nato", "--name", "NATO")
    claimtrack(repo, "topic", "rm", "old")
    git(repo, "commit", "-qam", "Colleague's work")
    git(repo, "checkout", "-q", "main")
    added_here = claimtrack(repo, "record", "-s", "russia", "-T", "missiles", "-k", "warning",
                            "-d", "2022-01-12", "Or else")  # fmt: skip
    claimtrack(repo, "edit", ids["second"], "--grade", "B2")
    claimtrack(repo, "topic", "add", "gas", "--title", "Gas")
    claimtrack(repo, "round", "edit", "geneva", "--venue", "Geneva")
    git(repo, "commit", "-qam", "My work")

    merged = git(repo, "merge", "-q", "--no-edit", "colleague", check=False)

    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(repo, "status", "--porcelain").stdout == ""
    claims = {c["id"]: c for c in json.loads(claimtrack(repo, "list", "--format", "json"))}
    assert sorted(claims) == sorted([ids["first"], ids["second"], added_there, added_here])
    assert claims[ids["first"]]["note"] == "from the colleague"
    assert claims[ids["second"]]["grade"] == "B2"
    assert claimtrack(repo, "side", "list", "--format", "ids").split() == ["nato", "russia", "us"]
    assert claimtrack(repo, "topic", "list", "--format", "ids").split() == ["gas", "missiles"]
    assert json.loads(claimtrack(repo, "round", "list", "--format", "json"))[0]["venue"] == "Geneva"
    operations = [
        h["operation"] for h in json.loads((repo / "claims.json").read_text())["history"].values()
    ]
    assert operations.count("record") == 2 and "rm" in operations and "topic rm" in operations


@needs_git
def test_git_reports_the_same_field_edited_on_both_branches(tmp_path):
    repo = new_repo(tmp_path / "repo")
    ids = shared_store(repo)
    git(repo, "checkout", "-qb", "colleague")
    claimtrack(repo, "edit", ids["first"], "--note", "theirs")
    claimtrack(repo, "edit", ids["second"], "--grade", "C3")
    git(repo, "commit", "-qam", "Colleague's note")
    git(repo, "checkout", "-q", "main")
    claimtrack(repo, "edit", ids["first"], "--note", "ours")
    git(repo, "commit", "-qam", "My note")

    merged = git(repo, "merge", "--no-edit", "colleague", check=False)

    assert merged.returncode != 0
    output = merged.stdout + merged.stderr
    assert f'conflict: claim {ids["first"]}, field note: ours "ours", theirs "theirs"' in output
    assert git(repo, "diff", "--name-only", "--diff-filter=U").stdout.split() == ["claims.json"]
    # OURS kept our value, took the colleague's other change, and is still a store.
    shown = json.loads(claimtrack(repo, "show", ids["first"], "--format", "json"))
    assert shown["note"] == "ours"
    assert json.loads(claimtrack(repo, "show", ids["second"], "--format", "json"))["grade"] == "C3"


@needs_git
def test_two_clones_record_push_and_pull_without_manual_merging(tmp_path):
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    first = new_repo(tmp_path / "first")
    shared_store(first)
    git(first, "remote", "add", "origin", str(origin))
    git(first, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", str(origin), "second")
    second = tmp_path / "second"
    git(second, "config", "user.name", "Colleague")
    git(second, "config", "user.email", "colleague@example.org")
    claimtrack(second, "git-setup")  # git config is per clone
    theirs = claimtrack(second, "record", "-s", "us", "-T", "missiles", "-k", "response",
                        "-d", "2022-01-13", "Recorded in the second clone")  # fmt: skip
    git(second, "commit", "-qam", "Second clone's claim")
    git(second, "push", "-q", "origin", "main")
    ours = claimtrack(first, "record", "-s", "russia", "-T", "missiles", "-k", "demand",
                      "-d", "2022-01-14", "Recorded in the first clone")  # fmt: skip
    git(first, "commit", "-qam", "First clone's claim")

    pulled = git(first, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False)

    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    listed = claimtrack(first, "list", "--format", "ids").split()
    assert theirs in listed and ours in listed and len(listed) == 5
