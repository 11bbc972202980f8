"""claimtrack.open_store and claimtrack.records: the store from Python, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query

import claimtrack
from claimtrack.errors import InputError, StoreError
from claimtrack.store import MissingStoreError
from reliability_helpers import folder_state, record, seed


@pytest.fixture
def store(isolated_store: Path) -> Path:
    seed()
    return isolated_store


def test_tables_take_tinydb_queries(store: Path) -> None:
    first, second = record("first"), record("second", "--note", "checked")
    db = claimtrack.open_store(store)
    assert db.tables() == {"claims", "sides", "topics", "rounds", "people"}
    claims = db.table("claims")
    found = claims.search(Query().note == "checked")
    assert [(doc.doc_id, doc["text"]) for doc in found] == [(second, "second")]
    assert sorted(doc.doc_id for doc in claims.search(Query().side == "russia")) == sorted(
        [first, second]
    )
    assert db.table("sides").get(doc_id="russia")["name"] == "Russia"  # type: ignore[index]
    assert len(db) == 2  # the default table is claims
    assert [doc["slug"] for doc in db.table("rounds").all()] == ["geneva"]


def test_the_database_refuses_every_change_and_the_files_stay(store: Path) -> None:
    record("first")
    before = folder_state(store.parent)
    claims = claimtrack.open_store(store).table("claims")
    changes = [
        lambda: claims.insert({"text": "x"}),
        lambda: claims.insert_multiple([{"text": "x"}]),
        lambda: claims.update({"note": "x"}),
        lambda: claims.remove(Query().side == "russia"),
        lambda: claims.truncate(),
    ]
    for change in changes:
        with pytest.raises(PermissionError, match="read-only"):
            change()
    assert folder_state(store.parent) == before


def test_records_are_plain_dicts(store: Path) -> None:
    sides = claimtrack.records(store, "sides")
    assert [type(s) for s in sides] == [dict] * 3
    assert sorted(s["slug"] for s in sides) == ["nato", "russia", "us"]
    sides[0]["name"] = "changed"  # a copy: the next read is unaffected
    assert "changed" not in {s["name"] for s in claimtrack.records(store, "sides")}
    with pytest.raises(InputError, match="no table 'history'"):
        claimtrack.records(store, "history")


def test_a_missing_or_damaged_store_is_the_usual_error(tmp_path: Path) -> None:
    with pytest.raises(MissingStoreError):
        claimtrack.open_store(tmp_path / "none.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{", encoding="utf-8")
    with pytest.raises(StoreError, match="not valid JSON"):
        claimtrack.records(damaged)


def test_the_example_in_the_readme_runs() -> None:
    example = Path(__file__).parent.parent / "examples" / "security-guarantees-2022.json"
    db = claimtrack.open_store(example)
    Claim = Query()
    demands = db.table("claims").search((Claim.side == "russia") & (Claim.kind == "demand"))
    assert demands and all(d["side"] == "russia" for d in demands)
    assert claimtrack.records(example, "sides")
