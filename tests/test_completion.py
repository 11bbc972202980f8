"""Shell completion: vocabulary slugs and aliases and claim ids, read-only and quiet."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.model import blank_claim
from claimtrack.store import empty_data, encode


def complete(args: list[str], incomplete: str = "") -> list[tuple[str, str | None]]:
    completer = ShellComplete(cli, {}, "claimtrack", "_CLAIMTRACK_COMPLETE")
    return [(item.value, item.help) for item in completer.get_completions(args, incomplete)]


def values(args: list[str], incomplete: str = "") -> list[str]:
    return [value for value, _ in complete(args, incomplete)]


def test_sides_complete_with_slugs_and_aliases(vocab_store):
    assert complete(["list", "--side"]) == [
        ("nato", "NATO"),
        ("الناتو", "NATO (nato)"),
        ("russia", "Russia"),
        ("روسيا", "Russia (russia)"),
        ("RU", "Russia (russia)"),
        ("us", "United States"),
        ("واشنطن", "United States (us)"),
    ]
    assert values(["list", "--side"], "r") == ["russia", "RU"]
    assert values(["record", "--to"], "رو") == ["روسيا"]
    assert values(["round", "add", "x", "--party"], "n") == ["nato"]
    assert values(["round", "edit", "geneva", "--drop-party"], "u") == ["us"]


def test_topics_and_rounds_complete_wherever_they_are_taken(vocab_store):
    assert values(["record", "--topic"]) == [
        "deescalation",
        "missiles",
        "nato-nonexpansion",
        "توسع الناتو",
    ]
    assert values(["list", "-T"], "m") == ["missiles"]
    assert values(["export", "--round"]) == ["geneva", "nrc"]
    assert values(["round", "show"]) == ["geneva", "nrc"]
    assert values(["topic", "rm"], "d") == ["deescalation"]
    assert values(["side", "edit"], "u") == ["us"]


def test_claim_ids_complete_with_the_start_of_their_text(run, vocab_store):
    ids = []
    for day, text in ((1, "No further NATO\nexpansion"), (2, "ضمانات " * 20)):
        result = run("record", "-s", "russia", "-T", "missiles", "-k", "demand",
                     "-d", f"2022-01-0{day}", text)  # fmt: skip
        ids.append(result.stdout.strip())
    got = dict(complete(["show"]))
    assert sorted(got) == sorted(ids)
    assert got[ids[0]] == "No further NATO expansion"
    assert got[ids[1]] == ("ضمانات " * 20)[:59].rstrip() + "…"
    assert values(["edit"], ids[1][:3]) == [ids[1]]
    assert values(["rm", ids[0]], ids[1][:3].upper()) == [ids[1]]
    assert values(["record", "--responds-to"], ids[0][:4]) == [ids[0]]


def test_completion_reads_the_store_the_command_line_names(run, vocab_store, tmp_path):
    other = tmp_path / "other.json"
    assert run("--db", str(other), "side", "add", "eu", "--name", "EU").exit_code == 0
    assert values(["--db", str(other), "side", "rm"]) == ["eu"]
    assert values(["side", "rm"], "n") == ["nato"]


def test_completion_never_writes_or_creates_anything(vocab_store, tmp_path):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert values(["list", "--side"])
    assert values(["show"]) == []
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before
    missing = tmp_path / "missing" / "claims.json"
    assert values(["--db", str(missing), "list", "--side"]) == []
    assert not missing.parent.exists()


def test_completion_is_quiet_on_a_damaged_store(isolated_store):
    isolated_store.write_text("{not json", encoding="utf-8")
    assert values(["list", "--side"]) == []
    assert values(["show"]) == []


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef claimtrack"), ("fish", "complete")],
)
def test_each_shell_gets_a_completion_script(shell, marker):
    result = CliRunner().invoke(
        cli, [], prog_name="claimtrack", env={"_CLAIMTRACK_COMPLETE": f"{shell}_source"}
    )
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_CLAIMTRACK_COMPLETE" in result.stdout


def test_bash_completion_in_a_real_process(vocab_store):
    env = {
        **os.environ,
        "_CLAIMTRACK_COMPLETE": "bash_complete",
        "COMP_WORDS": "claimtrack list --side r",
        "COMP_CWORD": "3",
    }
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack"], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "plain,russia\nplain,RU\n", "")


def test_ten_thousand_claims_complete_by_prefix(isolated_store):
    data = empty_data()
    data["sides"]["us"] = {"slug": "us", "name": "US", "aliases": []}
    data["topics"]["t"] = {"slug": "t", "title": "T", "description": None, "aliases": []}
    ids = []
    for number in range(10_000):
        digest = hashlib.sha256(str(number).encode()).digest()
        claim = blank_claim()
        claim_id = base64.b32encode(digest).decode()[:10].lower()
        claim.update(id=claim_id, side="us", topics=["t"], kind="demand", date="2022-01-01")
        claim.update(text=f"claim {number}", created="2022-01-01T00:00:00Z")
        claim["updated"] = claim["created"]
        data["claims"][claim_id] = claim
        ids.append(claim_id)
    isolated_store.write_bytes(encode(data))
    assert len(values(["show"])) == 10_000
    prefix = ids[0][:2]
    assert values(["show"], prefix) == sorted(i for i in ids if i.startswith(prefix))
    assert values(["list", "--side"]) == ["us"]


def test_the_store_path_falls_back_like_the_cli(monkeypatch, tmp_path, vocab_store):
    monkeypatch.delenv("CLAIMTRACK_DB")
    monkeypatch.setattr("claimtrack.cli.default_db_path", lambda: Path(vocab_store))
    assert values(["list", "--side"], "u") == ["us"]
