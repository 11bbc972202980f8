"""Schema version 2: claims on several topics, attribution, and the migration from 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

from claimtrack.fields import CLAIM_SPEC, FIELDS, stored_problem
from claimtrack.migrations import MIGRATIONS, fresh_schema, migrate, upgrade_claim
from claimtrack.store import read_store
from helpers import Fails, Record, Run, claims_in, ok

BASE = ("-s", "russia", "-k", "rejection", "-d", "2022-01-26")


def test_record_takes_several_topics_through_aliases(
    run: Run, record: Record, vocab_store: Path
) -> None:
    claim_id = record("We reject the principles", *BASE, "-T", "توسع الناتو", "-T", "missiles")
    assert claims_in(vocab_store)[claim_id]["topics"] == ["nato-nonexpansion", "missiles"]
    for topic in ("missiles", "nato-nonexpansion"):
        assert ok(run, "list", "--topic", topic, "--format", "ids").stdout == claim_id + "\n"
    assert ok(run, "list", "--topic", "deescalation", "--format", "ids").stdout == ""
    row = ok(run, "list", "--format", "tsv").stdout.splitlines()[1].split("\t")
    assert row[6] == "nato-nonexpansion, missiles"


def test_the_same_claim_with_its_topics_in_another_order_is_a_duplicate(
    record: Record, fails: Fails, vocab_store: Path
) -> None:
    claim_id = record("x", *BASE, "-T", "missiles", "-T", "deescalation")
    fails(
        *("record", *BASE, "-T", "deescalation", "-T", "missiles", "x"),
        error=f"claim {claim_id} already records this text by 'russia' on "
        f"'deescalation, missiles' on 2022-01-26. See it with: claimtrack show {claim_id}",
    )


def test_edit_adds_and_drops_one_topic_tag_or_addressee(
    run: Run, record: Record, vocab_store: Path
) -> None:
    claim_id = record("x", *BASE, "-T", "missiles", "--to", "us", "--tag", "a")
    ok(run, "edit", claim_id, "--add-topic", "deescalation", "--add-to", "nato", "--add-tag", "b")
    claim = claims_in(vocab_store)[claim_id]
    assert (claim["topics"], claim["to"], claim["tags"]) == (
        ["missiles", "deescalation"],
        ["us", "nato"],
        ["a", "b"],
    )
    ok(run, "edit", claim_id, "--drop-topic", "missiles", "--drop-to", "us", "--drop-tag", "a")
    claim = claims_in(vocab_store)[claim_id]
    assert (claim["topics"], claim["to"], claim["tags"]) == (["deescalation"], ["nato"], ["b"])
    ok(run, "edit", claim_id, "--topic", "missiles", "--topic", "توسع الناتو")
    assert claims_in(vocab_store)[claim_id]["topics"] == ["missiles", "nato-nonexpansion"]


def test_a_claim_keeps_at_least_one_topic(record: Record, fails: Fails, vocab_store: Path) -> None:
    claim_id = record("x", *BASE, "-T", "missiles")
    fails(*("edit", claim_id, "--drop-topic", "missiles"), error="a claim needs at least one topic")
    fails(
        *("edit", claim_id, "--drop-topic", "deescalation"),
        error=f"claim {claim_id} has no topic 'deescalation'",
    )


def test_record_names_the_options_it_needs(fails: Fails, vocab_store: Path) -> None:
    fails(*("record", "-d", "2022-01-10", "x"), error="--side, --topic and --kind are required")
    fails(
        *("record", "-s", "us", "-k", "demand", "-d", "2022-01-10", "x"),
        error="--topic is required",
    )


def test_record_help_marks_the_required_options(run: Run) -> None:
    help_text = " ".join(ok(run, "record", "--help").stdout.split())
    for flag in ("--side", "--topic", "--kind"):
        assert f"{flag}" in help_text
    assert help_text.count("[required]") == 3
    assert "[default: quote]" in help_text


def test_attribution_is_set_by_option_or_shorthand(
    run: Run, record: Record, fails: Fails, vocab_store: Path
) -> None:
    quote = record("q", *BASE, "-T", "missiles")
    readout = record("r", *BASE, "-T", "missiles", "--attribution", "readout")
    paraphrase = record("p", *BASE, "-T", "missiles", "--paraphrase")
    claims = claims_in(vocab_store)
    assert [claims[i]["attribution"] for i in (quote, readout, paraphrase)] == [
        "quote",
        "readout",
        "paraphrase",
    ]
    fails(
        *("record", *BASE, "-T", "missiles", "--paraphrase", "--attribution", "quote", "z"),
        error="--paraphrase contradicts --attribution quote",
    )
    table = ok(run, "list", "--format", "md").stdout.splitlines()
    assert table[0] == "| id | date | side | kind | attr | speaker | text |"


def version_1_claim(**fields: Any) -> dict[str, Any]:
    claim = {
        "id": "abcdefghij",
        "side": "russia",
        "to": [],
        "speaker": None,
        "round": None,
        "date": "2022-01-10",
        "topic": "missiles",
        "kind": "demand",
        "text": "x",
        "translation": None,
        "verbatim": False,
        "source": None,
        "url": None,
        "published": None,
        "grade": None,
        "responds_to": None,
        "tags": [],
        "note": None,
        "created": "2022-02-01T00:00:00.000000Z",
        "updated": "2022-02-01T00:00:00.000000Z",
    }
    return {**claim, **fields}


def version_1_store() -> dict[str, Any]:
    claim = version_1_claim()
    edited = {**claim, "verbatim": True, "topic": "missiles"}
    return {
        "meta": {"schema": {"version": 1}},
        "sides": {"russia": {"slug": "russia", "name": "Russia", "aliases": []}},
        "topics": {
            "missiles": {"slug": "missiles", "title": "M", "description": None, "aliases": []}
        },
        "rounds": {},
        "claims": {claim["id"]: claim},
        "history": {
            "h1": {
                "id": "h1",
                "seq": 1,
                "time": "2022-02-01T00:00:00.000000Z",
                "user": "a",
                "operation": "edit",
                "changes": [
                    {"table": "claims", "key": claim["id"], "before": edited, "after": claim}
                ],
            }
        },
    }


def test_the_migration_from_version_1_is_named_and_upgrades_history_too() -> None:
    data = version_1_store()
    assert migrate(data) == 1
    assert data["meta"]["schema"] == fresh_schema()
    claim = data["claims"]["abcdefghij"]
    assert (claim["topics"], claim["attribution"]) == (["missiles"], "paraphrase")
    assert "topic" not in claim and "verbatim" not in claim
    change = data["history"]["h1"]["changes"][0]
    assert change["after"] == claim
    assert change["before"]["attribution"] == "quote"
    assert migrate(data) == 2  # nothing left to run
    assert data["meta"]["schema"]["migrations"] == [m.name for m in MIGRATIONS]


def test_a_version_1_store_is_upgraded_with_a_backup_and_undo_still_works(
    run: Run, isolated_store: Path
) -> None:
    raw = orjson.dumps(version_1_store())
    isolated_store.write_bytes(raw)
    assert read_store(isolated_store).get("claims", "abcdefghij")["topics"] == ["missiles"]
    assert isolated_store.read_bytes() == raw  # a read migrates in memory only
    result = ok(run, "undo")
    backup = isolated_store.with_name("claims.json.v1.bak")
    assert result.stderr.startswith(f"Upgraded {isolated_store} from schema version 1 to 2;")
    assert backup.read_bytes() == raw
    claim = json.loads(isolated_store.read_bytes())["claims"]["abcdefghij"]
    assert claim["attribution"] == "quote"  # undone to the record before the edit


def test_upgrade_leaves_values_it_cannot_map_for_check_to_report() -> None:
    claim = upgrade_claim(version_1_claim(verbatim="yes", topic=None))
    assert (claim["attribution"], claim["topics"]) == ("yes", [])
    assert stored_problem(FIELDS["attribution"], "yes") == (
        "attribution 'yes' is not one of quote, readout, paraphrase"
    )
    assert stored_problem(FIELDS["topics"], []) == "topics is empty"


def test_every_field_has_help_and_every_option_field_a_flag() -> None:
    for spec in CLAIM_SPEC:
        assert spec.help.endswith("."), spec.name
        if spec.option is not None:
            assert spec.option.flag.startswith("--"), spec.name
