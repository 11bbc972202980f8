"""export -o FILE: the format from the extension; tsv, md, xlsx and sqlite; csv for Excel."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrack.model import CLAIM_FIELDS, ROUND_FIELDS, SIDE_FIELDS, TOPIC_FIELDS
from claimtrack.sqlitefile import LINKS
from helpers import Fails, Run, on_a_terminal

openpyxl = pytest.importorskip("openpyxl")


def export_to(run: Run, tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    result = run("export", "-o", str(target), *args)
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr
    assert result.stderr == f"Exported to {target}\n"
    return target


def store_data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.json", "json"),
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("out.csv", "csv"),
        ("out.tsv", "tsv"),
        ("OUT.MD", "md"),
    ],
)
def test_text_format_from_the_extension(
    run: Run, tmp_path: Path, seven_store: dict[str, str], name: str, fmt: str
) -> None:
    written = export_to(run, tmp_path, name).read_bytes()
    assert written == run("export", "--format", fmt).stdout_bytes


def test_tsv_and_md_are_lists_formats(
    run: Run, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    for fmt in ("tsv", "md"):
        written = export_to(run, tmp_path, f"out.{fmt}").read_text(encoding="utf-8")
        assert written == run("list", "--format", fmt).stdout


def test_binary_formats_from_the_extension(
    run: Run, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    assert export_to(run, tmp_path, "out.xlsx").read_bytes()[:2] == b"PK"
    for name in ("out.sqlite", "out.sqlite3", "out.db"):
        assert export_to(run, tmp_path, name).read_bytes()[:16] == b"SQLite format 3\x00"


def test_no_extension_is_json(run: Run, tmp_path: Path, seven_store: dict[str, str]) -> None:
    assert export_to(run, tmp_path, "backup").read_bytes() == run("export").stdout_bytes


def test_plover_may_go_to_a_jsonl_file(
    run: Run, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    written = export_to(run, tmp_path, "events.jsonl", "--format", "plover").read_bytes()
    assert written == run("export", "--format", "plover").stdout_bytes


def test_unknown_extension_is_refused(
    fails: Fails, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    target = tmp_path / "out.txt"
    fails(
        "export",
        "-o",
        str(target),
        error=f"export does not know the extension '.txt' of {target}. Name the file with "
        "one of: .json .jsonl .ndjson .csv .tsv .md .xlsx .sqlite .sqlite3 .db",
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "fmt", "implied"),
    [("out.csv", "json", "csv"), ("out.xlsx", "csv", "xlsx"), ("out.json", "plover", "json")],
)
def test_extension_contradicting_format_is_refused(
    fails: Fails, tmp_path: Path, seven_store: dict[str, str], name: str, fmt: str, implied: str
) -> None:
    target = tmp_path / name
    fails(
        "export",
        "-o",
        str(target),
        "--format",
        fmt,
        error=f"--format {fmt} contradicts the extension '{target.suffix}' of {target} "
        f"({implied}). Drop --format, or name the file for the format",
    )
    assert not target.exists()


def test_excel_csv_begins_with_a_bom(run: Run, tmp_path: Path, seven_store: dict[str, str]) -> None:
    written = export_to(run, tmp_path, "out.csv", "--excel").read_bytes()
    assert written == b"\xef\xbb\xbf" + run("export", "--format", "csv").stdout_bytes
    # and import reads it back: nothing new, nothing in conflict
    result = run("import", str(tmp_path / "out.csv"))
    assert result.stderr == f"Imported {tmp_path / 'out.csv'}: 0 added, 0 updated, 7 skipped\n"


def test_excel_needs_csv(fails: Fails, seven_store: dict[str, str]) -> None:
    fails("export", "--format", "json", "--excel", error="--excel applies to csv, not json")


# --- xlsx ------------------------------------------------------------------------------


def test_xlsx_workbook(
    run: Run, tmp_path: Path, seven_store: dict[str, str], isolated_store: Path
) -> None:
    workbook = openpyxl.load_workbook(export_to(run, tmp_path, "talks.xlsx"))
    assert workbook.sheetnames == ["claims", "sides", "topics", "rounds", "people"]
    data = store_data(isolated_store)
    claims = workbook["claims"]
    rows = list(claims.iter_rows(values_only=True))
    assert rows[0] == CLAIM_FIELDS
    assert len(rows) == 1 + len(data["claims"])
    assert (claims.freeze_panes, claims.auto_filter.ref) == (
        "B2",
        f"A1:{claims.cell(1, len(CLAIM_FIELDS)).column_letter}8",
    )
    by_id = {row[0]: dict(zip(CLAIM_FIELDS, row, strict=True)) for row in rows[1:]}
    for claim in data["claims"].values():
        row = by_id[claim["id"]]
        assert row["text"] == claim["text"]
        assert row["date"] == dt.datetime.fromisoformat(claim["date"])
        assert row["to"] == (", ".join(claim["to"]) or None)
    for title, fields in (
        ("sides", SIDE_FIELDS),
        ("topics", TOPIC_FIELDS),
        ("rounds", ROUND_FIELDS),
    ):
        sheet = workbook[title]
        assert next(sheet.iter_rows(values_only=True)) == fields
        assert sheet.max_row == 1 + len(data[title])
        assert sheet.freeze_panes == "A2"


def test_xlsx_arabic_reads_right_to_left_and_text_is_never_a_formula(
    run: Run, tmp_path: Path, vocab_store: Path
) -> None:
    args = ("-s", "russia", "-T", "missiles", "-k", "demand", "-d", "2022-01-10")
    assert run("record", *args, "--note", "=1+1", "ضمانات ملزمة قانونيا").exit_code == 0
    assert run("record", *args, "--note", "\x1b[2J", "English text").exit_code == 0
    sheet = openpyxl.load_workbook(export_to(run, tmp_path, "t.xlsx"))["claims"]
    text, note = CLAIM_FIELDS.index("text") + 1, CLAIM_FIELDS.index("note") + 1
    cells = {sheet.cell(row, text).value: row for row in (2, 3)}
    arabic, english = cells["ضمانات ملزمة قانونيا"], cells["English text"]
    assert sheet.cell(arabic, text).alignment.readingOrder == 2
    assert sheet.cell(english, text).alignment.readingOrder != 2
    assert (sheet.cell(arabic, note).value, sheet.cell(arabic, note).data_type) == ("=1+1", "s")
    # xlsx cannot hold ESC: it is written as a visible token
    assert sheet.cell(english, note).value == "<U+001B>[2J"


def test_xlsx_without_openpyxl(
    fails: Fails, tmp_path: Path, seven_store: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = tmp_path / "talks.xlsx"
    fails(
        "export",
        "-o",
        str(target),
        error="xlsx export needs openpyxl, which is not installed. "
        "Install it with: pip install 'claimtrack[xlsx]'",
    )
    assert not target.exists()


def test_xlsx_with_a_filter_holds_what_the_claims_use(
    run: Run, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    expected = json.loads(run("export", "--side", "nato").stdout)
    workbook = openpyxl.load_workbook(export_to(run, tmp_path, "nato.xlsx", "--side", "nato"))
    for title in ("claims", "sides", "topics", "rounds"):
        key = "id" if title == "claims" else "slug"
        keys = [row[0] for row in workbook[title].iter_rows(min_row=2, values_only=True)]
        assert keys == [record[key] for record in expected[title]], title


# --- sqlite ----------------------------------------------------------------------------


def read_back(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The tables as the store holds them: link tables and JSON arrays made lists again."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    for table, key in (("sides", "slug"), ("topics", "slug"), ("rounds", "slug"), ("claims", "id")):
        rows = connection.execute(f"SELECT * FROM {table}").fetchall()
        tables[table] = {row[key]: dict(row) for row in rows}
    for field, (link, column, _) in LINKS.items():
        if field not in CLAIM_FIELDS:
            continue
        for claim in tables["claims"].values():
            query = f"SELECT {column} FROM {link} WHERE claim = ? ORDER BY position"
            claim[field] = [item for (item,) in connection.execute(query, (claim["id"],))]
    connection.close()
    return tables


def decode(record: dict[str, Any], original: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for name, value in record.items():
        if isinstance(original.get(name), list) and isinstance(value, str):
            value = json.loads(value)
        elif isinstance(original.get(name), bool):
            value = bool(value)
        decoded[name] = value
    return decoded


def test_sqlite_reads_back_exactly(
    run: Run, tmp_path: Path, seven_store: dict[str, str], isolated_store: Path
) -> None:
    data = store_data(isolated_store)
    tables = read_back(export_to(run, tmp_path, "talks.sqlite"))
    for table in ("sides", "topics", "rounds", "claims"):
        assert set(tables[table]) == set(data[table])
        for key, original in data[table].items():
            assert decode(tables[table][key], original) == original, (table, key)
    version = sqlite3.connect(tmp_path / "talks.sqlite").execute("PRAGMA user_version").fetchone()
    assert version == (data["meta"]["schema"]["version"],)


def test_sqlite_full_text_search(run: Run, tmp_path: Path, seven_store: dict[str, str]) -> None:
    connection = sqlite3.connect(export_to(run, tmp_path, "talks.sqlite"))
    found = connection.execute(
        "SELECT claims.id FROM claims_fts JOIN claims ON claims.rowid = claims_fts.rowid "
        "WHERE claims_fts MATCH ? ORDER BY claims.id",
        ("guarantees",),
    ).fetchall()
    assert found == [(seven_store["c1"],)]
    arabic = connection.execute(
        "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", ('"الناتو"',)
    ).fetchone()
    assert arabic == (1,)


def test_sqlite_joins_on_addressees(run: Run, tmp_path: Path, seven_store: dict[str, str]) -> None:
    connection = sqlite3.connect(export_to(run, tmp_path, "talks.sqlite"))
    rows = connection.execute(
        "SELECT sides.name, count(*) FROM claim_addressees JOIN sides ON sides.slug = "
        "claim_addressees.side GROUP BY sides.name ORDER BY sides.name"
    ).fetchall()
    data = json.loads(run("export").stdout)
    expected: dict[str, int] = {}
    names = {side["slug"]: side["name"] for side in data["sides"]}
    for claim in data["claims"]:
        for side in claim["to"]:
            expected[names[side]] = expected.get(names[side], 0) + 1
    assert rows == sorted(expected.items())


def test_export_over_an_existing_sqlite_file_replaces_it(
    run: Run, tmp_path: Path, seven_store: dict[str, str]
) -> None:
    first = export_to(run, tmp_path, "talks.sqlite").read_bytes()
    assert export_to(run, tmp_path, "talks.sqlite").read_bytes() == first


@pytest.mark.parametrize("fmt", ["xlsx", "sqlite"])
def test_binary_formats_are_not_written_to_a_terminal(
    fails: Fails, seven_store: dict[str, str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    on_a_terminal(monkeypatch, "exchange", "stdout")
    fails(
        "export",
        "--format",
        fmt,
        error=f"{fmt} is a binary file, not for a terminal. Give --output FILE",
    )


def test_binary_formats_go_to_a_pipe(run: Run, seven_store: dict[str, str]) -> None:
    assert run("export", "--format", "sqlite").stdout_bytes[:15] == b"SQLite format 3"
