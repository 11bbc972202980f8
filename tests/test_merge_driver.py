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
from helpers import history_entries

T0 = "2022-02-01T00:00:00.000000Z"
T1 = "2022-02-02T00:00:00.000000Z"
T2 = "2022-02-03T00:00:00.000000Z"


def claim(claim_id: str, text: str, **fields: Any) -> dict[str, Any]:
    record = blank_claim()
    record.update(id=claim_id, side="russia", topics=["missiles"], kind="demand", date="2022-01-10")
    record.update(text=text, created=T0, updated=T0)
    record.update(fields)
    return record


def entry(key: str, operation: str) -> dict[str, Any]:
    """A history entry with the fields `log` and `undo` read."""
    return {"id": key, "seq": 1, "time": T0, "user": "a", "operation": operation, "changes": []}


def base_store() -> Data:
    data = empty_data()
    for slug, name in (("russia", "Russia"), ("us", "United States")):
        data["sides"][slug] = {"slug": slug, "name": name, "aliases": []}
    for slug in ("missiles", "old"):
        data["topics"][slug] = {"slug": slug, "title": slug, "description": None, "aliases": []}
    for claim_id, text in (("aaaaaaaaaa", "A"), ("bbbbbbbbbb", "B"), ("cccccccccc", "C")):
        data["claims"][claim_id] = claim(claim_id, text)
    data["meta"]["history"] = {"heads": ["h0"], "seq": 1}
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
    ours["meta"]["history"] = {"heads": ["h1"], "seq": 2}
    theirs["claims"]["eeeeeeeeee"] = claim("eeeeeeeeee", "theirs new")
    edited(theirs, "claims", "aaaaaaaaaa", grade="B2", updated=T2)
    edited(theirs, "claims", "bbbbbbbbbb", note="theirs note", updated=T1)
    del theirs["topics"]["old"]
    edited(theirs, "sides", "us", aliases=["واشنطن"])
    theirs["meta"]["history"] = {"heads": ["h2"], "seq": 2}

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
    assert result.data["meta"]["history"] == {"heads": ["h1", "h2"], "seq": 2}
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


def person(slug: str, name: str, side: str, **fields: Any) -> dict[str, Any]:
    return {"slug": slug, "name": name, "side": side, "role": None, "aliases": [], **fields}


def test_people_added_on_both_sides_both_land_even_from_a_store_without_people():
    base = base_store()
    del base["people"]  # a store written before people were kept
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["people"] = {"lavrov": person("lavrov", "Sergei Lavrov", "russia")}
    theirs["people"] = {"blinken": person("blinken", "Antony Blinken", "us")}
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    assert result.data["people"] == {
        "blinken": person("blinken", "Antony Blinken", "us"),
        "lavrov": person("lavrov", "Sergei Lavrov", "russia"),
    }


def test_a_person_edited_differently_on_both_sides_keeps_ours():
    base = base_store()
    base["people"]["lavrov"] = person("lavrov", "Sergei Lavrov", "russia")
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    edited(ours, "people", "lavrov", role="Foreign Minister", aliases=["Лавров"])
    edited(theirs, "people", "lavrov", role="Minister", side="us")
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        'conflict: person lavrov, field role: ours "Foreign Minister", theirs "Minister"; kept ours'
    ]
    assert result.data["people"]["lavrov"] == person(
        "lavrov", "Sergei Lavrov", "us", role="Foreign Minister", aliases=["Лавров"]
    )


def test_a_side_deleted_here_that_a_person_added_there_belongs_to_is_kept():
    base = base_store()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del ours["sides"]["us"]
    theirs["people"]["blinken"] = person("blinken", "Antony Blinken", "us")
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        "conflict: side us: deleted on one side, but person blinken uses it; kept it"
    ]
    assert result.data["sides"]["us"] == base["sides"]["us"]
    assert sorted(result.data["people"]) == ["blinken"]


def test_an_alias_given_to_two_people_stays_with_ours():
    base = base_store()
    base["people"]["lavrov"] = person("lavrov", "Sergei Lavrov", "russia")
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    edited(ours, "people", "lavrov", aliases=["Лавров"])
    theirs["people"]["sergei"] = person("sergei", "Sergei", "russia", aliases=["лавров", "S"])
    result = merge(base, ours, theirs)
    assert [str(c) for c in result.conflicts] == [
        'conflict: person sergei: alias "лавров" also names person lavrov; dropped it here'
    ]
    assert result.data["people"]["sergei"]["aliases"] == ["S"]
    assert result.data["people"]["lavrov"]["aliases"] == ["Лавров"]


def version_1(data: Data) -> Data:
    """`data` as schema version 1 wrote it: `topic` and `verbatim`, no migration names."""
    old = copy.deepcopy(data)
    old["meta"] = {"schema": {"version": 1}}
    old["history"] = {"h0": entry("h0", "init")}  # version 1 kept it inside
    for record in old["claims"].values():
        record["topic"] = record.pop("topics")[0]
        record["verbatim"] = record.pop("attribution") == "quote"
    return old


def test_a_version_1_store_merges_with_a_version_2_store():
    base = version_1(base_store())
    older = copy.deepcopy(base)
    older["claims"]["aaaaaaaaaa"].update(note="old-schema edit", verbatim=False)
    older["history"]["h8"] = entry("h8", "edit")
    newer = base_store()
    edited(newer, "claims", "bbbbbbbbbb", topics=["missiles", "old"], attribution="readout")
    newer["meta"]["history"] = {"heads": ["h9"], "seq": 2}
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
        # The old side's history, chained by the migration, is moved out by the next
        # write; the heads name the latest entries of both sides.
        assert sorted(result.data["history"]) == ["h0", "h8"]
        assert result.data["history"]["h8"]["parents"] == ["h0"]
        assert result.data["meta"]["history"] == {"heads": ["h8", "h9"], "seq": 2}


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


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ({"to": 5}, "to should be a list of texts, not 5"),
        ({"topics": "x"}, "topics should be a list of texts, not 'x'"),
        ({"topic": ["x"]}, "missing field topics"),
        ({"responds_to": {}}, "responds_to {} is not valid"),
        ({"text": [[["deep"]]]}, 'text should be text, not [[["deep"]]]'),
    ],
)
def test_merge_driver_refuses_a_side_with_a_record_that_is_not_whole(
    run, tmp_path, damage, problem
):
    base = base_store()
    theirs = copy.deepcopy(base)
    record = theirs["claims"]["aaaaaaaaaa"]
    if "topic" in damage:
        del record["topics"]
    record.update(damage)
    paths = [
        write(tmp_path / "O", base),
        write(tmp_path / "A", base),
        write(tmp_path / "B", theirs),
    ]
    before = paths[1].read_bytes()
    result = run("merge-driver", *map(str, paths))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {paths[2]} is damaged: claim aaaaaaaaaa: {problem}")
    assert paths[1].read_bytes() == before


@pytest.mark.parametrize(
    ("table", "key", "record", "problem"),
    [
        ("claims", "newone", {"id": "newone"}, "claim newone: missing fields side, to"),
        ("sides", "us", {"slug": "us", "name": "US", "aliases": [1]}, "side us: aliases [1]"),
        ("rounds", "r", {"slug": "r", "name": "R", "date": "2022-01-01", "parties": 7}, "round r"),
        ("people", "p", {"slug": "p", "name": "P", "side": 5, "aliases": []}, "person p: side 5"),
    ],
)
def test_merge_driver_never_lets_an_invalid_record_through(
    run, tmp_path, table, key, record, problem
):
    base = base_store()
    theirs = copy.deepcopy(base)
    theirs[table][key] = record
    paths = [
        write(tmp_path / "O", base),
        write(tmp_path / "A", base),
        write(tmp_path / "B", theirs),
    ]
    result = run("merge-driver", *map(str, paths))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {paths[2]} is damaged: {problem}")
    assert paths[1].read_bytes() == encode(base)


def test_a_version_1_side_merges_through_the_driver(run, tmp_path):
    base = base_store()
    theirs = copy.deepcopy(base)
    theirs["claims"]["eeeeeeeeee"] = claim("eeeeeeeeee", "theirs")
    paths = [
        write(tmp_path / "O", version_1(base)),
        write(tmp_path / "A", version_1(base)),
        write(tmp_path / "B", theirs),
    ]
    result = run("merge-driver", *map(str, paths))
    assert result.exit_code == 0, result.stderr
    merged = json.loads(paths[1].read_bytes())
    assert merged["claims"]["aaaaaaaaaa"]["topics"] == ["missiles"]
    assert "eeeeeeeeee" in merged["claims"]


# --- git-setup and real git ----------------------------------------------------------


def needs_git(test: Any) -> Any:
    """Real git merges: slow (a repository, several commits and processes each)."""
    skip = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
    return pytest.mark.slow(skip(test))


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
    assert (repo / ".gitattributes").read_text() == ATTRIBUTES
    assert (repo / ".gitignore").read_text() == "/data/claims.json.lock\n/data/.claims.json.*.tmp\n"
    driver = git(repo, "config", "merge.claimtrack.driver").stdout.strip()
    assert driver == "claimtrack merge-driver %O %A %B %P"
    assert result.stderr.splitlines()[-1] == f"Set git config merge.claimtrack.driver to: {driver}"
    again = run("--db", str(repo / "data" / "claims.json"), "git-setup", "--command", "claimtrack")
    assert again.stderr == f"Set git config merge.claimtrack.driver to: {driver}\n"
    assert (repo / ".gitattributes").read_text() == ATTRIBUTES


ATTRIBUTES = "/data/claims.json merge=claimtrack\n/data/claims.json.history.jsonl merge=union\n"


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
    claimtrack(repo, "person", "add", "blinken", "--name", "Antony Blinken", "--side", "us")
    git(repo, "commit", "-qam", "Colleague's work")
    git(repo, "checkout", "-q", "main")
    added_here = claimtrack(repo, "record", "-s", "russia", "-T", "missiles", "-k", "warning",
                            "-d", "2022-01-12", "Or else")  # fmt: skip
    claimtrack(repo, "edit", ids["second"], "--grade", "B2")
    claimtrack(repo, "topic", "add", "gas", "--title", "Gas")
    claimtrack(repo, "round", "edit", "geneva", "--venue", "Geneva")
    claimtrack(repo, "person", "add", "lavrov", "--name", "Sergei Lavrov", "--side", "russia")
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
    assert claimtrack(repo, "person", "list", "--format", "ids").split() == ["blinken", "lavrov"]
    operations = [entry["operation"] for entry in history_entries(repo / "claims.json")]
    assert operations.count("record") == 2 and "rm" in operations and "topic rm" in operations
    assert operations.count("person add") == 2  # both histories, log reads them


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
