"""export and import: lossless round trips, spreadsheet-safe csv, validation, conflicts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.commands import exchange as exchange_command
from claimtrack.csvfile import encode_cell, protect, split_list, unprotect
from helpers import history_entries

# Every optional field empty: no to, speaker, round, translation, source, url, ...
BARE = ("--side", "us", "--topic", "missiles", "--kind", "statement", "--date", "2022-01-05")
NO_VOCABULARY = (
    "csv, jsonl and json lists of claims carry no sides, topics or rounds: pass --add-missing "
    "to create them from their slugs, add them first (claimtrack side add, topic add, round "
    "add), or import a json dump from claimtrack export that holds them"
)
ARABIC = 'ضمانات "ملزمة"، قانونيا, بلا توسع'


def record(run, *args: str) -> str:
    result = run("record", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def claims(run, vocab_store: Path) -> dict[str, str]:
    """Claims with every optional field empty, every field full, and formula-like text."""
    bare = record(run, *BARE, "Plain")
    full = record(
        run,
        *("--side", "russia", "--to", "us", "--to", "nato", "--round", "geneva"),
        *("--date", "2022-01-11", "--topic", "nato-nonexpansion", "--kind", "demand"),
        *("--speaker", "سيرغي ريابكوف", "--source", 'TASS, "RIA"'),
        *("--url", "https://example.org/a?b=1,2", "--published", "2022-01-12"),
        *("--translation", 'NATO must\tnot expand,\n"ever"', "--paraphrase", "--grade", "B2"),
        *("--responds-to", bare, "--tag", "Minsk II, 2015", "--tag", "back\\slash"),
        *("--tag", "=cmd", "--note", "line one\nline two\r\n\ttabbed"),
        ARABIC,
    )
    formula = record(
        run,
        *("--side", "nato", "--topic", "missiles", "--kind", "warning", "--date", "2022-01-12"),
        *("--speaker", "  @me", "--note", "'=already quoted", "--translation", "-minus"),
        *("--source", "+plus", "--tag", "'quoted"),
        '=HYPERLINK("http://x")',
    )
    return {"bare": bare, "full": full, "formula": formula}


def export(run, *args: str, db: Path | None = None) -> bytes:
    result = run(*(("--db", str(db)) if db else ()), "export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def vocabulary_only(run, tmp_path: Path) -> Path:
    """A second store holding the first one's sides, topics and rounds but no claims."""
    dump = json.loads(export(run))
    dump["claims"] = []
    source = tmp_path / "vocab.json"
    source.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other.json"
    assert run("--db", str(other), "import", str(source)).exit_code == 0
    return other


# --- round trips -----------------------------------------------------------------------


def test_json_round_trip_is_byte_identical(run, claims, tmp_path):
    first = export(run)
    dump = tmp_path / "dump.json"
    dump.write_bytes(first)
    other = tmp_path / "other.json"
    result = run("--db", str(other), "import", str(dump))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("Imported " + str(dump) + ": 11 added, 0 updated, 0 skipped\n")
    assert export(run, db=other) == first


def test_json_dump_holds_everything_under_the_store_names(run, claims):
    dump = json.loads(export(run))
    assert sorted(dump) == ["claims", "people", "rounds", "schema_version", "sides", "topics"]
    assert dump["schema_version"] == 2
    assert [s["slug"] for s in dump["sides"]] == ["nato", "russia", "us"]
    assert [r["slug"] for r in dump["rounds"]] == ["geneva", "nrc"]
    assert [c["id"] for c in dump["claims"]] == [claims["bare"], claims["full"], claims["formula"]]
    listed = json.loads(run("list", "--format", "json").stdout)
    assert dump["claims"] == listed
    full = dump["claims"][1]
    assert full["text"] == ARABIC
    assert full["tags"] == ["Minsk II, 2015", "back\\slash", "=cmd"]
    assert full["attribution"] == "paraphrase"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_claim_formats_round_trip_byte_identical_and_lossless(run, claims, tmp_path, fmt):
    first = export(run, "--format", fmt)
    source = tmp_path / f"claims.{fmt}"
    source.write_bytes(first)
    other = vocabulary_only(run, tmp_path)
    result = run("--db", str(other), "import", str(source))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Imported {source}: 3 added, 0 updated, 0 skipped\n"
    assert export(run, "--format", fmt, db=other) == first
    # Not just a stable codec: every field of every claim came back as it was.
    assert export(run, db=other) == export(run)


def test_jsonl_is_one_sorted_claim_per_line(run, claims):
    lines = export(run, "--format", "jsonl").decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == list(claims.values())
    assert lines[0].startswith('{"attribution":"quote","created":')


def test_csv_cells_are_spreadsheet_safe_and_lists_escaped(run, claims):
    text = export(run, "--format", "csv").decode()
    header, bare, full, formula = text.split("\n", 3)[0], *_csv_rows(text)
    assert header.split(",") == [
        "id", "side", "to", "speaker", "round", "date", "topics", "kind", "text", "translation",
        "attribution", "source", "url", "published", "grade", "responds_to", "tags", "note",
        "created", "updated",
    ]  # fmt: skip
    assert bare[:10] == [claims["bare"], "us", "", "", "", "2022-01-05", "missiles", "statement",
                         "Plain", ""]  # fmt: skip
    assert full[2] == "us, nato"
    assert full[16] == "Minsk II\\, 2015, back\\\\slash, =cmd"
    assert full[17] == "line one\nline two\r\n\ttabbed"
    assert formula[3] == "'  @me"
    assert formula[8] == '\'=HYPERLINK("http://x")'
    assert formula[9] == "'-minus"
    assert formula[11] == "'+plus"
    assert formula[16] == "'quoted"  # a plain leading quote is left alone
    assert formula[17] == "''=already quoted"  # one more, so import gives back the original


def _csv_rows(text: str) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(text, newline="")))[1:]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("   =x", "'   =x"),
        ("'=x", "''=x"),
        ("''+x", "'''+x"),
        ("'x", "'x"),
        ("x=1", "x=1"),
        ("", ""),
        ("'", "'"),
    ],
)
def test_spreadsheet_protection_is_undone_exactly(cell, written):
    assert protect(cell) == written
    assert unprotect(written) == cell


@pytest.mark.parametrize(
    "items",
    [[], ["a"], ["a, b", "c"], ["back\\slash", "\\,", "end\\"], ["with space", "x"]],
)
def test_list_cells_split_back_into_their_items(items):
    assert split_list(encode_cell(items)) == items


@given(st.text())
def test_any_cell_survives_protection(cell):
    assert unprotect(protect(cell)) == cell


items = st.text(min_size=1).map(str.strip).filter(bool)


@given(st.lists(items.filter(lambda s: s == s.strip())))
def test_any_list_of_stripped_items_survives_a_cell(values):
    assert split_list(encode_cell(values)) == values


def test_list_cells_typed_by_hand_are_read_leniently():
    assert split_list("us,nato , , ru") == ["us", "nato", "ru"]
    assert split_list(r"a\b") == [r"a\b"]


# --- what import checks ----------------------------------------------------------------


def test_every_problem_is_listed_and_nothing_is_written(run, claims, tmp_path, vocab_store):
    before = vocab_store.read_bytes()
    source = tmp_path / "bad.jsonl"
    lines = [
        {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-01-20", "text": "y"},
        {"side": "rusia", "topic": "missiles", "kind": "plea", "date": "2022-13-01", "text": "x"},
        "not json",
        {"side": "us", "topic": "missiles", "kind": "demand", "text": "no date", "colour": "red"},
        {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-01-21", "text": "r",
         "responds_to": "zzzzzzzzzz", "tags": "one", "verbatim": "yes"},
    ]  # fmt: skip
    source.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stdout == ""
    problems = result.stderr.splitlines()
    assert problems[0] == f"{source}: line 2: side: unknown side 'rusia' (did you mean: russia?)"
    assert problems[1].startswith(f"{source}: line 2: date: ")
    assert problems[2] == f"{source}: line 2: kind: unknown kind 'plea'"
    assert problems[3].startswith(f"{source}: line 3: not valid JSON (")
    assert problems[4:] == [
        f"{source}: line 4: colour: unknown field",
        f"{source}: line 4: date: a claim needs a date or a round",
        f"{source}: line 5: attribution: unknown attribution 'yes'",
        f"{source}: line 5: tags: must be a list of text",
        f"Error: 8 problems in {source}; nothing was imported. {NO_VOCABULARY}",
    ]
    assert vocab_store.read_bytes() == before


def test_a_missing_date_and_a_dangling_reply_are_reported_by_line(run, claims, tmp_path):
    source = tmp_path / "bad.jsonl"
    lines = [
        {"side": "us", "topic": "missiles", "kind": "demand", "text": "no date"},
        {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-01-21", "text": "r",
         "responds_to": "zzzzzzzzzz"},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}: line 1: date: a claim needs a date or a round",
        f"{source}: line 2: responds_to: no claim 'zzzzzzzzzz' in the store or the file",
        f"Error: 2 problems in {source}; nothing was imported",
    ]


def test_json_problems_name_the_index_and_field(run, vocab_store, tmp_path):
    dump = {
        "sides": [{"slug": "Bad Slug", "name": "x"}, {"slug": "eu", "name": ""}],
        "rounds": [{"slug": "minsk", "name": "Minsk", "date": "2022-02-10", "end": "2022-02-01"}],
        "claims": [{"side": "eu", "topic": "missiles", "kind": "demand", "date": "2022-01-01"}],
    }
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(dump), encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}: sides[0]: slug: invalid side slug 'Bad Slug'",
        f"{source}: sides[1]: name: name must not be empty",
        f"{source}: rounds[0]: end: 2022-02-01 is before the start 2022-02-10",
        f"{source}: claims[0]: side: unknown side 'eu'",
        f"{source}: claims[0]: text: is required",
        f"Error: 5 problems in {source}; nothing was imported. Add them first, or pass "
        "--add-missing to create them from their slugs",
    ]


def test_unknown_vocabulary_is_fine_when_the_file_defines_it(run, vocab_store, tmp_path):
    claim = {"side": "eu", "to": ["روسيا"], "topic": "gas", "kind": "proposal", "round": "minsk",
             "text": "Talks on gas"}  # fmt: skip
    dump = {
        "sides": [{"slug": "eu", "name": "European Union", "aliases": ["الاتحاد الأوروبي"]}],
        "topics": [{"slug": "gas", "title": "Gas"}],
        "rounds": [{"slug": "minsk", "name": "Minsk", "date": "2022-02-10", "parties": ["eu"]}],
        "claims": [claim],
    }
    source = tmp_path / "defines.json"
    source.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 0, result.stderr
    [imported] = json.loads(run("list", "--side", "الاتحاد الاوروبي", "--format", "json").stdout)
    assert (imported["side"], imported["to"], imported["date"]) == ("eu", ["russia"], "2022-02-10")
    assert imported["attribution"] == "quote"
    assert imported["created"] == imported["updated"]
    # the same claims as jsonl, without the definitions, into a store that lacks them:
    lines = tmp_path / "claims.jsonl"
    lines.write_text(json.dumps(claim) + "\n", encoding="utf-8")
    other = tmp_path / "other.json"
    result = run("--db", str(other), "import", str(lines))
    assert result.exit_code == 1
    assert f"{lines}: line 1: side: unknown side 'eu'" in result.stderr
    assert not other.exists()


def test_an_alias_already_naming_another_entry_is_refused(run, vocab_store, tmp_path):
    source = tmp_path / "sides.json"
    source.write_text(json.dumps({"sides": [{"slug": "rf", "name": "RF", "aliases": ["ru"]}]}))
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}: sides[0]: aliases: 'ru' already names side 'russia'"
    )


def test_the_same_record_twice_in_a_file_is_a_problem(run, claims, tmp_path):
    line = export(run, "--format", "jsonl").decode().splitlines()[0]
    source = tmp_path / "twice.jsonl"
    source.write_text(line + "\n" + line + "\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}: line 2: claim '{claims['bare']}' appears again (line 1)"
    )


def test_csv_problems_name_physical_lines(run, claims, tmp_path):
    text = export(run, "--format", "csv").decode()
    rows = text.split("\n")
    bad = "\n".join([rows[0].replace("note", "nota"), *rows[1:]])
    source = tmp_path / "bad.csv"
    source.write_text(bad + "x,y\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    # the full claim spans lines 3-6 (newlines in its translation and note), the
    # formula claim is line 7, so the bad row is line 8
    assert result.stderr.splitlines() == [
        f"{source}: line 1: unknown column 'nota'",
        f"{source}: line 8: has 2 cells; the header has 20",
        f"Error: 2 problems in {source}; nothing was imported",
    ]


def test_format_comes_from_the_extension_and_stdin_needs_format(run, claims, tmp_path):
    lines = export(run, "--format", "jsonl").decode()
    result = run("import", "-", input=lines)
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: cannot tell the format of stdin. Give --format json, jsonl or csv\n"
    )
    result = run("import", "-", "--format", "jsonl", input=lines)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Imported stdin: 0 added, 0 updated, 3 skipped\n"
    (tmp_path / "claims.txt").write_text(lines, encoding="utf-8")
    result = run("import", str(tmp_path / "claims.txt"))
    assert result.exit_code == 1
    assert "cannot tell the format of" in result.stderr
    result = run("import", str(tmp_path / "missing.json"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read {tmp_path / 'missing.json'}: No such file")


# --- idempotence, conflicts, --update, --dry-run ---------------------------------------


def test_importing_again_changes_nothing(run, claims, tmp_path, vocab_store):
    source = tmp_path / "dump.json"
    source.write_bytes(export(run))
    before = vocab_store.read_bytes()
    result = run("import", str(source))
    assert result.exit_code == 0
    assert result.stderr == f"Imported {source}: 0 added, 0 updated, 11 skipped\n"
    assert vocab_store.read_bytes() == before


def changed_dump(run, tmp_path):
    dump = json.loads(export(run))
    dump["claims"][0]["note"] = "from a colleague"
    dump["sides"][0]["name"] = "North Atlantic Treaty Organization"
    dump["claims"].append(
        {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-02-01", "text": "new"}
    )
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return dump, source


def test_conflicts_refuse_the_whole_import(run, claims, tmp_path, vocab_store):
    _, source = changed_dump(run, tmp_path)
    before = vocab_store.read_bytes()
    result = run("import", str(source))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{source}: conflict: side nato: name differ",
        f"{source}: conflict: claim {claims['bare']}: note differ",
        f"Error: 2 conflicts with the store in {source}; nothing was imported. Take the "
        "file's version with --update, or import the rest with --skip-conflicts",
    ]
    assert vocab_store.read_bytes() == before


def test_skip_conflicts_lands_the_rest(run, claims, tmp_path, vocab_store):
    _, source = changed_dump(run, tmp_path)
    result = run("import", str(source), "--skip-conflicts")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Skipped side nato: name differ; kept the store's",
        f"Skipped claim {claims['bare']}: note differ; kept the store's",
        f"Imported {source}: 1 added, 0 updated, 11 skipped (2 in conflict)",
    ]
    assert json.loads(run("show", claims["bare"], "--format", "json").stdout)["note"] is None
    assert run("side", "list", "--format", "tsv").stdout.count("North Atlantic") == 0
    assert len(json.loads(run("list", "--format", "json").stdout)) == 4


def test_update_takes_the_files_version(run, claims, tmp_path, vocab_store):
    dump, source = changed_dump(run, tmp_path)
    result = run("import", str(source), "--update")
    assert result.exit_code == 0
    assert result.stderr == f"Imported {source}: 1 added, 2 updated, 9 skipped\n"
    shown = json.loads(run("show", claims["bare"], "--format", "json").stdout)
    assert shown["note"] == "from a colleague"
    # the file gave `updated`, so the file's value is what the store now holds
    assert shown["updated"] == dump["claims"][0]["updated"]


def test_update_and_skip_conflicts_exclude_each_other(fails, claims, tmp_path):
    source = tmp_path / "x.json"
    source.write_text("[]", encoding="utf-8")
    result = fails("import", str(source), "--update", "--skip-conflicts", code=2)
    assert result.stderr.splitlines()[-1] == (
        "Error: --update and --skip-conflicts exclude each other"
    )


def test_dry_run_lists_conflicts_and_fails_as_the_import_would(run, claims, tmp_path, vocab_store):
    _, source = changed_dump(run, tmp_path)
    before = vocab_store.read_bytes()
    result = run("import", str(source), "--dry-run")
    assert result.exit_code == 1
    assert f"skip claim {claims['bare']} (conflict: note differ)" in result.stdout.splitlines()
    assert result.stderr.splitlines()[-1].startswith("Error: 2 conflicts with the store in")
    assert vocab_store.read_bytes() == before


def test_update_without_timestamps_in_the_file_bumps_updated(run, claims, tmp_path):
    source = tmp_path / "edit.jsonl"
    source.write_text(json.dumps({"id": claims["bare"], "note": "new"}) + "\n", encoding="utf-8")
    # A partial record only updates; it is not enough to add a new claim.
    result = run("import", str(source), "--update")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", claims["bare"], "--format", "json").stdout)
    assert shown["note"] == "new"
    assert shown["updated"] > shown["created"]


def test_dry_run_prints_what_would_happen_and_writes_nothing(run, claims, tmp_path, vocab_store):
    dump = json.loads(export(run))
    dump["claims"][0]["note"] = "changed"
    dump["claims"].append(
        {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-02-01", "text": "new"}
    )
    source = tmp_path / "dry.json"
    source.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    before = vocab_store.read_bytes()
    result = run("import", str(source), "--dry-run", "--update")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["skip side nato (unchanged)", "skip side russia (unchanged)",
                         "skip side us (unchanged)"]  # fmt: skip
    assert lines[-4:-1] == [
        f"update claim {claims['bare']}",
        f"skip claim {claims['full']} (unchanged)",
        f"skip claim {claims['formula']} (unchanged)",
    ]
    assert lines[-1].startswith("add claim ")
    assert result.stderr == (
        f"Dry run of {source}: 1 to add, 1 to update, 10 to skip; nothing was written\n"
    )
    assert vocab_store.read_bytes() == before


def test_dry_run_into_a_missing_store_creates_nothing(run, claims, tmp_path):
    source = tmp_path / "dump.json"
    source.write_bytes(export(run))
    other = tmp_path / "none.json"
    result = run("--db", str(other), "import", str(source), "--dry-run")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"No store at {other} yet; importing would create it"
    assert not other.exists()


def test_an_import_is_one_change_in_history(run, claims, tmp_path):
    source = tmp_path / "dump.json"
    source.write_bytes(export(run))
    other = tmp_path / "other.json"
    assert run("--db", str(other), "import", str(source)).exit_code == 0
    [entry] = history_entries(other)
    assert entry["operation"] == "import"
    assert len(entry["changes"]) == 11


def test_claims_without_ids_get_content_ids_and_import_idempotently(run, vocab_store, tmp_path):
    row = {"side": "us", "topic": "missiles", "kind": "demand", "date": "2022-02-01", "text": "x"}
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert run("import", str(source)).exit_code == 0
    result = run("import", str(source))
    assert result.stderr == f"Imported {source}: 0 added, 0 updated, 1 skipped\n"
    recorded = run("record", "--side", "us", "--topic", "missiles", "--kind", "demand",
                   "--date", "2022-02-01", "x")  # fmt: skip
    assert recorded.exit_code == 1  # the very claim `record` would have minted


def test_a_duplicate_of_another_claims_content_is_refused(run, claims, tmp_path):
    dump = json.loads(export(run))
    copy = {**dump["claims"][0], "id": "aaaaaaaaaa"}
    source = tmp_path / "dup.jsonl"
    source.write_text(json.dumps(copy) + "\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}: line 1: text: claim {claims['bare']} already records this text by 'us' "
        "on 'missiles' on 2022-01-05"
    )


# --- export options ----------------------------------------------------------------------


def test_filtered_json_holds_matching_claims_and_the_vocabulary_they_use(run, claims):
    dump = json.loads(export(run, "--side", "russia"))
    assert [c["id"] for c in dump["claims"]] == [claims["full"]]
    assert [s["slug"] for s in dump["sides"]] == ["nato", "russia", "us"]
    assert [t["slug"] for t in dump["topics"]] == ["nato-nonexpansion"]
    assert [r["slug"] for r in dump["rounds"]] == ["geneva"]
    dump = json.loads(export(run, "--kind", "statement"))
    assert [s["slug"] for s in dump["sides"]] == ["us"]
    assert dump["rounds"] == []
    lines = export(run, "--format", "jsonl", "--topic", "missiles").decode().splitlines()
    assert [json.loads(x)["id"] for x in lines] == [claims["bare"], claims["formula"]]


def test_output_file_takes_its_format_from_the_extension(run, claims, tmp_path, vocab_store):
    target = tmp_path / "out.csv"
    result = run("export", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Exported to {target}\n"
    assert target.read_bytes() == export(run, "--format", "csv")
    result = run("export", "--output", str(vocab_store))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {vocab_store} is the store itself. Export to another file\n"


def test_export_of_a_missing_store_is_a_store_error(run, tmp_path):
    result = run("--db", str(tmp_path / "none.json"), "export")
    assert result.exit_code == 3


# --- plover --------------------------------------------------------------------------


def test_plover_events_map_kinds_to_plover_types(run, vocab_store):
    kinds = {
        "demand": "REQUEST",
        "proposal": "AGREE",
        "acceptance": "AGREE",
        "rejection": "REJECT",
        "warning": "THREATEN",
        "response": "CONSULT",
        "statement": None,
    }
    ids = {}
    for day, kind in enumerate(kinds, start=1):
        ids[kind] = record(run, "--side", "russia", "--to", "us", "--to", "nato", "--topic",
                           "missiles", "--kind", kind, "--date", f"2022-01-0{day}",
                           "--source", "TASS", "--tag", "Meet", f"{kind} text")  # fmt: skip
    events = [json.loads(x) for x in export(run, "--format", "plover").decode().splitlines()]
    assert [e["event_type"] for e in events] == list(kinds.values())
    demand = events[0]
    assert demand == {
        "id": ids["demand"],
        "date": "2022-01-01",
        "actor": "russia",
        "actor_name": "Russia",
        "recipient": ["us", "nato"],
        "recipient_name": ["United States", "NATO"],
        "event_type": "REQUEST",
        "mode": "meet",  # a tag naming one of REQUEST's PLOVER modes
        "source": "TASS",
        "url": None,
        "published": None,
        "text": "demand text",
        "translation": None,
        "speaker": None,
        "kind": "demand",
        "topics": ["missiles"],
        "round": None,
    }
    assert [e["mode"] for e in events] == ["meet", None, None, "meet", None, None, None]


# --- the progress bar ----------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_for_large_imports_on_a_terminal(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with exchange_command._progress(10) as progress:
        assert progress is None
    with exchange_command._progress(exchange_command.PROGRESS_THRESHOLD) as progress:
        assert progress is not None
        progress(exchange_command.PROGRESS_THRESHOLD)
    assert "Importing" in terminal.getvalue()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with exchange_command._progress(10_000) as progress:
        assert progress is None


# --- files without vocabulary: --add-missing ---------------------------------------------


def test_add_missing_creates_the_entries_claims_name(run, tmp_path):
    rows = [
        {"side": "Ukraine", "to": ["russia"], "topic": "corridors", "round": "istanbul",
         "kind": "demand", "date": "2022-03-29", "text": "Humanitarian corridors"},
        {"side": "russia", "topic": "corridors", "round": "istanbul", "kind": "response",
         "date": "7 марта 2022", "text": "Corridors to Belarus"},
    ]  # fmt: skip
    source = tmp_path / "new.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    fresh = tmp_path / "fresh.json"
    result = run("--db", str(fresh), "import", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(
        "nothing was imported. " + NO_VOCABULARY.replace("claimtrack ", f"claimtrack --db {fresh} ")
    )
    assert not fresh.exists()

    result = run("--db", str(fresh), "import", str(source), "--add-missing")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"Created a new store at {fresh}",
        "Added missing side russia, named 'russia'",
        "Added missing side ukraine, named 'ukraine'",
        "Added missing topic corridors, titled 'corridors'",
        "Added missing round istanbul, dated 2022-03-07, the earliest date of its claims",
        f"Imported {source}: 6 added, 0 updated, 0 skipped",
    ]
    rounds = json.loads(run("--db", str(fresh), "round", "list", "--format", "json").stdout)
    assert rounds == [
        {"aliases": [], "date": "2022-03-07", "end": None, "name": "istanbul", "note": None,
         "parties": [], "slug": "istanbul", "venue": None}
    ]  # fmt: skip
    claims = json.loads(run("--db", str(fresh), "list", "--format", "json").stdout)
    assert [(c["side"], c["to"]) for c in claims] == [("russia", []), ("ukraine", ["russia"])]


def test_add_missing_leaves_what_cannot_be_a_slug(run, vocab_store, tmp_path):
    source = tmp_path / "arabic.jsonl"
    row = {"side": "أوكرانيا", "topic": "missiles", "kind": "demand", "date": "2022-03-01",
           "text": "x"}  # fmt: skip
    source.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    before = vocab_store.read_bytes()
    result = run("import", str(source), "--add-missing")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{source}: line 1: side: unknown side 'أوكرانيا'"
    assert vocab_store.read_bytes() == before


def test_add_missing_dry_run_says_what_it_would_add(run, vocab_store, tmp_path):
    source = tmp_path / "one.csv"
    source.write_text(
        "side,topic,kind,date,text\nukraine,missiles,demand,2022-03-01,x\n", encoding="utf-8"
    )
    before = vocab_store.read_bytes()
    result = run("import", str(source), "--add-missing", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == ["add side ukraine", result.stdout.splitlines()[-1]]
    assert result.stdout.splitlines()[-1].startswith("add claim ")
    assert result.stderr.splitlines() == [
        "Would add missing side ukraine, named 'ukraine'",
        f"Dry run of {source}: 2 to add, 0 to update, 0 to skip; nothing was written",
    ]
    assert vocab_store.read_bytes() == before
