"""People in every file claimtrack reads or writes: the json dump and its import, xlsx,
sqlite, export --salvage, stores written before people were kept, and Python."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tinydb import Query

import claimtrack
from claimtrack.errors import InputError
from claimtrack.exchange import dump, parse
from claimtrack.importing import import_records
from claimtrack.integrity import check_store
from claimtrack.model import PERSON_FIELDS
from claimtrack.store import Store, empty_data
from claimtrack.vocab import PEOPLE, add_entry, new_person
from helpers import Run, build_domain, ok

LAVROV = {
    "slug": "lavrov",
    "name": "Sergei Lavrov",
    "side": "russia",
    "role": "Foreign Minister",
    "aliases": ["لافروف", "Лавров", "Lavrov"],
}
BLINKEN = {"slug": "blinken", "name": "Antony Blinken", "side": "us", "role": None, "aliases": []}


def stored(path: Path, table: str) -> dict[str, Any]:
    records: dict[str, Any] = json.loads(path.read_bytes()).get(table, {})
    return records


def export(run: Run, *args: str, db: Path | None = None) -> bytes:
    result = ok(run, *(("--db", str(db)) if db else ()), "export", *args)
    return result.stdout_bytes


def imported(run: Run, db: Path, source: Path) -> str:
    result = ok(run, "--db", str(db), "import", str(source))
    return result.stderr


@pytest.fixture
def people_store(run: Run, vocab_store: Path) -> Path:
    """vocab_store with two people and a claim said by one of them."""
    ok(run, "person", "add", "lavrov", "--name", "Sergei Lavrov", "--side", "russia",
       "--role", "Foreign Minister", "-a", "لافروف", "-a", "Лавров", "-a", "Lavrov")  # fmt: skip
    ok(run, "person", "add", "blinken", "--name", "Antony Blinken", "--side", "us")
    ok(run, "record", "--speaker", "Лавров", "-T", "missiles", "-k", "demand",
       "-d", "2022-01-21", "No missiles near our borders")  # fmt: skip
    return vocab_store


# --- json dump and import --------------------------------------------------------------


def test_json_export_then_import_round_trips_people_exactly(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    first = export(run)
    assert json.loads(first)["people"] == [BLINKEN, LAVROV]
    source = tmp_path / "dump.json"
    source.write_bytes(first)
    other = tmp_path / "other.json"
    assert imported(run, other, source).splitlines()[-1] == (
        f"Imported {source}: 11 added, 0 updated, 0 skipped"
    )
    assert stored(other, "people") == {"lavrov": LAVROV, "blinken": BLINKEN}
    assert export(run, db=other) == first
    assert imported(run, other, source) == f"Imported {source}: 0 added, 0 updated, 11 skipped\n"


def test_a_filtered_dump_carries_its_speakers_and_their_sides(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    # Blinken speaking for NATO: his own side, us, must come along for him to import.
    ok(run, "record", "--speaker", "blinken", "-s", "nato", "-T", "missiles", "-k", "warning",
       "-d", "2022-01-26", "The door stays open")  # fmt: skip
    dump_ = json.loads(export(run, "--kind", "warning"))
    assert dump_["people"] == [BLINKEN]
    assert [side["slug"] for side in dump_["sides"]] == ["nato", "us"]
    source = tmp_path / "warning.json"
    source.write_text(json.dumps(dump_, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other.json"
    imported(run, other, source)
    assert stored(other, "people") == {"blinken": BLINKEN}
    assert json.loads(export(run, "--kind", "demand"))["people"] == [LAVROV]


def test_import_lists_every_problem_of_a_person(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    dump_ = {
        "people": [
            {"slug": "peskov", "name": "Dmitry Peskov", "side": "rusia"},
            {"slug": "Bad", "name": "", "side": "us"},
            {"slug": "x", "name": "X", "aliases": ["Y"], "rank": 1},
            {"slug": "sergei", "name": "Sergei", "side": "russia", "aliases": ["LAVROV"]},
        ]
    }
    source = tmp_path / "people.json"
    source.write_text(json.dumps(dump_), encoding="utf-8")
    before = people_store.read_bytes()
    result = run("import", str(source))
    assert (result.exit_code, result.stdout) == (1, "")
    # An unknown side is the file's problem: --add-missing creates what claims name only.
    assert result.stderr.splitlines() == [
        f"{source}: people[0]: side: unknown side 'rusia' (did you mean: russia?)",
        f"{source}: people[1]: slug: invalid person slug 'Bad'",
        f"{source}: people[1]: name: name must not be empty",
        f"{source}: people[2]: rank: unknown field",
        f"{source}: people[2]: side: is required",
        f"{source}: people[3]: aliases: 'LAVROV' already names person 'lavrov'",
        f"Error: 6 problems in {source}; nothing was imported",
    ]
    assert people_store.read_bytes() == before


def test_a_person_changed_in_the_file_is_a_conflict_until_update(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    dump_ = json.loads(export(run))
    dump_["people"][1]["role"] = "Minister"
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(dump_, ensure_ascii=False), encoding="utf-8")
    result = run("import", str(source))
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        1,
        f"{source}: conflict: person lavrov: role differ",
    )
    ok(run, "import", str(source), "--update")
    assert stored(people_store, "people")["lavrov"] == {**LAVROV, "role": "Minister"}


# Any text a name, role or alias can hold (aliases are trimmed and kept once).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
FILLED = TEXT.filter(lambda t: t != "" and not t.isspace())


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "side": st.sampled_from(["russia", "us", "nato"]),
                "name": FILLED,
                "role": st.none() | FILLED,
                "aliases": st.lists(FILLED, max_size=3),
            }
        ),
        max_size=4,
    )
)
def test_any_people_survive_a_json_dump_and_import(people: list[dict[str, Any]]) -> None:
    store = build_domain(Path("memory.json"))
    for number, fields in enumerate(people):
        try:
            add_entry(store, PEOPLE, new_person(store, f"person-{number}", **fields))
        except InputError:  # an alias another person has: the store holds the others
            continue
    written = dump(store)
    fresh = Store(Path("fresh.json"), empty_data())
    import_records(fresh, parse(written, "json"), source="x.json", update=False, now="now")
    assert fresh.data["people"] == store.data["people"]
    assert dump(fresh) == written


# --- other formats, salvage, older stores, Python ---------------------------------------


def test_xlsx_has_a_people_sheet(run: Run, people_store: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "talks.xlsx"
    ok(run, "export", "-o", str(target))
    sheet = openpyxl.load_workbook(target)["people"]
    assert list(sheet.iter_rows(values_only=True)) == [
        PERSON_FIELDS,
        ("blinken", "Antony Blinken", "us", None, None),
        ("lavrov", "Sergei Lavrov", "russia", "Foreign Minister", "لافروف, Лавров, Lavrov"),
    ]
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:E3")


def test_sqlite_has_a_people_table_joined_to_sides(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "talks.sqlite"
    ok(run, "export", "-o", str(target))
    connection = sqlite3.connect(target)
    rows = connection.execute(
        "SELECT people.slug, people.role, people.aliases, sides.name FROM people "
        "JOIN sides ON sides.slug = people.side ORDER BY people.slug"
    ).fetchall()
    assert rows == [
        ("blinken", None, "[]", "United States"),
        ("lavrov", "Foreign Minister", '["لافروف", "Лавров", "Lavrov"]', "Russia"),
    ]
    keys = connection.execute("PRAGMA foreign_key_list(people)").fetchall()
    assert [(table, column, to) for _, _, table, column, to, *_ in keys] == [
        ("sides", "side", None)
    ]
    connection.close()


def test_export_salvage_keeps_the_whole_people(
    run: Run, people_store: Path, tmp_path: Path
) -> None:
    data = json.loads(people_store.read_bytes())
    data["people"]["blinken"]["aliases"] = "Blinken"
    people_store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("person", "list").exit_code == 3
    result = run("export", "--format", "json", "--salvage")
    assert result.exit_code == 0
    assert result.stderr == "Left out 1 damaged record(s): person blinken\n"
    assert json.loads(result.stdout)["people"] == [LAVROV]


def test_a_store_written_before_people_were_kept_reads_them_as_empty(
    run: Run, vocab_store: Path
) -> None:
    data = json.loads(vocab_store.read_bytes())
    del data["people"]
    vocab_store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert ok(run, "person", "list", "--format", "json").stdout == "[]\n"
    assert json.loads(export(run))["people"] == []
    store, problems = check_store(vocab_store)
    assert (store.count("people"), problems) == (0, [])
    ok(run, "person", "add", "blinken", "--name", "Antony Blinken", "--side", "us")
    assert stored(vocab_store, "people") == {"blinken": BLINKEN}
    # Nothing to migrate: no copy of the old file is kept.
    assert sorted(p.name for p in vocab_store.parent.iterdir()) == [
        "claims.json",
        "claims.json.history.jsonl",
        "claims.json.lock",
    ]


def test_python_reads_the_people_table(people_store: Path) -> None:
    db = claimtrack.open_store(people_store)
    people = db.table("people")
    assert people.get(doc_id="lavrov") == LAVROV
    found = people.search(Query().aliases.any(["Лавров"]))
    assert [person.doc_id for person in found] == ["lavrov"]
    assert claimtrack.records(people_store, "people") == [BLINKEN, LAVROV]
