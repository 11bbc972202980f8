"""One csv writer for list and export, and a property: every field comes back from csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.csvfile import write_csv
from claimtrack.exchange import csv_bytes, parse
from claimtrack.importing import import_records
from claimtrack.model import CLAIM_FIELDS, blank_claim, mint_claim_id
from helpers import Run, build_domain

# What breaks csv files and spreadsheets, mixed into any other text.
NASTY = ["\r", "\n", "\r\n", "\t", '"', "'", ",", "\\", " ", "=", "+", "-", "@", "=1+1", "'="]
TEXT = st.lists(
    st.sampled_from(NASTY)
    | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    min_size=1,
    max_size=6,
).map("".join)
FILLED = TEXT.filter(lambda t: t != "" and not t.isspace())  # else the field is empty
OPTIONAL = st.none() | FILLED
TAG = TEXT.map(str.strip).filter(bool)


def test_a_bare_cr_is_quoted_and_guarded() -> None:
    text = write_csv(["note", "text"], [["x\r=1+1", "hello"], ["\r=2", "-3"]])
    assert text == 'note,text\n"x\r=1+1",hello\n"\'\r=2",\'-3\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["note", "text"],
        ["x\r=1+1", "hello"],
        ["'\r=2", "'-3"],
    ]


def test_list_and_export_write_the_same_csv(run: Run, vocab_store: Path) -> None:
    args = ("-s", "russia", "--to", "us", "-T", "missiles", "-k", "demand", "-d", "2022-01-10")
    note = ("--note", "x\r=1+1", "--tag", "Minsk II, 2015", "--tag", "@here")
    assert run("record", *args, *note, "hello").exit_code == 0
    listed = run("list", "--format", "csv").stdout
    exported = run("export", "--format", "csv").stdout
    assert listed == exported
    assert '"x\r=1+1"' in listed
    assert '"Minsk II\\, 2015, @here"' in listed


def test_the_issue_repro_round_trips(run: Run, vocab_store: Path, tmp_path: Path) -> None:
    args = ("-s", "russia", "-T", "missiles", "-k", "demand", "-d", "2022-01-10")
    assert run("record", *args, "--note", "x\r=1+1", "hello").exit_code == 0
    target = tmp_path / "cr.csv"
    assert run("export", "-o", str(target)).exit_code == 0
    before = vocab_store.read_bytes()
    result = run("import", str(target))
    assert (result.exit_code, result.stderr) == (
        0,
        f"Imported {target}: 0 added, 0 updated, 1 skipped\n",
    )
    assert vocab_store.read_bytes() == before


def _claim(fields: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    claim = blank_claim()
    claim.update(side="russia", date="2022-01-10", kind="demand")
    claim.update({k: v for k, v in fields.items() if k in CLAIM_FIELDS})
    if "topics" in CLAIM_FIELDS:  # schema 2 files a claim under several topics
        claim["topics"] = ["missiles"]
        topic = "missiles"
    else:
        claim["topic"] = topic = "missiles"
    claim["id"] = mint_claim_id("russia", "2022-01-10", topic, claim["text"], taken)
    claim["created"] = claim["updated"] = "2022-01-10T09:00:00Z"
    taken.add(claim["id"])
    return claim


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "text": FILLED,
                "translation": OPTIONAL,
                "speaker": OPTIONAL,
                "source": OPTIONAL,
                "note": OPTIONAL,
                "tags": st.lists(TAG, max_size=3, unique=True),
            }
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda fields: fields["text"],
    )
)
def test_every_field_survives_export_csv_then_import(rows: list[dict[str, Any]]) -> None:
    taken: set[str] = set()
    claims = [_claim(fields, taken) for fields in rows]
    written = csv_bytes(claims)
    store = build_domain(Path("memory.json"))
    report = import_records(
        store, parse(written, "csv"), source="x.csv", update=False, now="2026-01-01T00:00:00Z"
    )
    assert report.count("add") == len(claims)
    assert sorted(store.records("claims"), key=lambda c: c["id"]) == sorted(
        claims, key=lambda c: c["id"]
    )
    assert csv_bytes(store.records("claims")) == written
