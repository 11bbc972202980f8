"""record, show, edit and rm through the CLI: every option, format and error path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimtrack.model import CLAIM_FIELDS, CLEARABLE_CLAIM_FIELDS, blank_claim
from helpers import (
    BASE,
    TSV_HEADER,
    UNKNOWN_SIDE,
    Fails,
    Record,
    Run,
    claims_in,
    ok,
    on_a_terminal,
    tsv_row,
)

# --- record --------------------------------------------------------------------------


def test_record_prints_only_the_id(run: Run, vocab_store: Path) -> None:
    result = ok(run, "record", *BASE, "-r", "geneva", "No missiles")
    claim_id = result.stdout.strip()
    assert result.stdout == f"{claim_id}\n"
    assert result.stderr == f"Recorded claim {claim_id} (russia, demand, 2022-01-10)\n"
    assert list(claims_in(vocab_store)) == [claim_id]


def test_record_every_option(run: Run, record: Record, vocab_store: Path) -> None:
    parent = record("parent", *BASE, "-d", "2022-01-01")
    claim_id = record(
        "ضمانات ملزمة قانونيا",
        "--side",
        "روسيا",
        "--to",
        "US",
        "-t",
        "الناتو",
        "--round",
        "GENEVA",
        "--date",
        "2022-01-11",
        "--topic",
        "توسع الناتو",
        "--kind",
        "WARNING",
        "--speaker",
        "Sergei Ryabkov",
        "--source",
        "TASS",
        "--url",
        "https://tass.ru/politika/1",
        "--published",
        "2022-01-12",
        "--translation",
        "Legally binding guarantees",
        "--paraphrase",
        "--grade",
        "b2",
        "--responds-to",
        parent[:4],
        "--tag",
        "guarantees",
        "--tag",
        "treaty",
        "--note",
        "Press conference after the talks",
    )
    claim = claims_in(vocab_store)[claim_id]
    assert claim["created"] == claim["updated"]
    assert claim == {
        "id": claim_id,
        "side": "russia",
        "to": ["us", "nato"],
        "speaker": "Sergei Ryabkov",
        "round": "geneva",
        "date": "2022-01-11",
        "topics": ["nato-nonexpansion"],
        "kind": "warning",
        "text": "ضمانات ملزمة قانونيا",
        "translation": "Legally binding guarantees",
        "attribution": "paraphrase",
        "source": "TASS",
        "url": "https://tass.ru/politika/1",
        "published": "2022-01-12",
        "grade": "B2",
        "responds_to": parent,
        "tags": ["guarantees", "treaty"],
        "note": "Press conference after the talks",
        "created": claim["created"],
        "updated": claim["created"],
    }


def test_record_short_options_and_defaults(record: Record, vocab_store: Path) -> None:
    claim_id = record(
        "x", "-s", "us", "-t", "russia", "-r", "nrc", "-T", "missiles", "-k", "proposal"
    )
    claim = claims_in(vocab_store)[claim_id]
    assert claim == {
        **blank_claim(),
        "id": claim_id,
        "side": "us",
        "to": ["russia"],
        "round": "nrc",
        "date": "2022-01-12",  # the round's
        "topics": ["missiles"],
        "kind": "proposal",
        "text": "x",
        "created": claim["created"],
        "updated": claim["updated"],
    }
    assert claim["attribution"] == "quote"
    assert claim["created"].endswith("Z") and claim["created"][10] == "T"


def test_record_date_beats_the_rounds(record: Record, vocab_store: Path) -> None:
    claim_id = record("x", *BASE, "-r", "nrc", "-d", "2022-01-13")
    assert claims_in(vocab_store)[claim_id]["date"] == "2022-01-13"


def test_record_text_dash_reads_stdin(record: Record, vocab_store: Path) -> None:
    text = "السطر الأول\nsecond line\twith a tab"
    claim_id = record("-", *BASE, "-d", "2022-01-10", input=text + "\n")
    assert claims_in(vocab_store)[claim_id]["text"] == text


def test_record_stdin_keeps_all_but_one_trailing_newline(record: Record, vocab_store: Path) -> None:
    claim_id = record("-", *BASE, "-d", "2022-01-10", input="x\n\n")
    assert claims_in(vocab_store)[claim_id]["text"] == "x\n"


def test_record_empty_stdin_is_refused(fails: Fails, vocab_store: Path) -> None:
    fails("record", *BASE, "-d", "2022-01-10", "-", input="", error="text must not be empty")


def test_record_keeps_markup_and_arabic_as_typed(record: Record, vocab_store: Path) -> None:
    text = "[bold]لا[/] توسع [red]"
    claim_id = record(text, *BASE, "-d", "2022-01-10")
    assert claims_in(vocab_store)[claim_id]["text"] == text
    assert text.encode() in vocab_store.read_bytes()


def test_the_same_claim_in_two_stores_gets_the_same_id(
    run: Run, vocab_store: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.json"
    copy.write_bytes(vocab_store.read_bytes())
    args = ("record", *BASE, "-r", "geneva", "ضمانات")
    first = ok(run, *args).stdout
    other = ok(run, "record", *BASE, "-r", "nrc", "other")  # only in the first store
    assert other.stdout != first
    assert ok(run, "--db", str(copy), *args).stdout == first


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("-s", "rusia", "-T", "missiles", "-k", "demand", "-d", "2022-01-10", "x"), UNKNOWN_SIDE),
        (
            (*BASE, "--to", "nat", "-d", "2022-01-10", "x"),
            "unknown side 'nat' (did you mean: nato?). "
            "Add it with: claimtrack side add nat --name ...",
        ),
        (
            ("-s", "russia", "-T", "missile", "-k", "demand", "-d", "2022-01-10", "x"),
            "unknown topic 'missile' (did you mean: missiles?). "
            "Add it with: claimtrack topic add missile --title ...",
        ),
        (
            (*BASE, "-r", "genva", "x"),
            "unknown round 'genva' (did you mean: geneva?). "
            "Add it with: claimtrack round add genva --date ... --name ...",
        ),
        ((*BASE, "x"), "a claim needs a date or a round. Give --date DATE or --round ROUND"),
        (("-T", "missiles", "-k", "demand", "-d", "2022-01-10", "x"), "--side is required"),
        (("-s", "us", "-k", "demand", "-d", "2022-01-10", "x"), "--topic is required"),
        (("-s", "us", "-T", "missiles", "-d", "2022-01-10", "x"), "--kind is required"),
        ((*BASE, "-d", "2022-01-10", "  "), "text must not be empty"),
        ((*BASE, "-d", "2022-01-10", "a\x00b"), "text contains a NUL byte"),
        (
            (*BASE, "-d", "2022-01-10", "x" * 100_001),
            "text is 100,001 characters long; the limit is 100,000",
        ),
        (
            (*BASE, "-d", "2022-01-10", "--to", "RU", "x"),
            "a claim by 'russia' cannot be addressed to itself",
        ),
        (
            (*BASE, "-d", "2022-01-10", "--grade", "G7", "x"),
            "invalid grade 'G7'. "
            "A grade is an Admiralty code: reliability A-F then credibility 1-6, e.g. B2",
        ),
        (
            (*BASE, "-d", "2022-01-10", "--url", "tass.ru/1", "x"),
            "invalid url 'tass.ru/1'. A url must start with http:// or https://",
        ),
        (
            (*BASE, "-d", "2022-01-10", "--responds-to", "abc", "x"),
            "no claim with id 'abc'. An id prefix needs at least 4 characters",
        ),
        (
            (*BASE, "-d", "2022-01-10", "--responds-to", "abcdef", "x"),
            "no claim with id 'abcdef'. List ids with: claimtrack list",
        ),
        ((*BASE, "-d", "2022-01-10", "--tag", " ", "x"), "tag must not be empty"),
    ],
)
def test_record_errors(fails: Fails, vocab_store: Path, args: tuple[str, ...], error: str) -> None:
    fails("record", *args, error=error)


@pytest.mark.parametrize("option", ["--date", "--published"])
@pytest.mark.parametrize("date", ["2022-02-30", "01/02/2022", "Jan 2022", "31 Feb 2022"])
def test_record_refuses_dates_it_would_have_to_guess(
    fails: Fails, vocab_store: Path, option: str, date: str
) -> None:
    args = ("-r", "geneva") if option == "--published" else ()
    result = fails("record", *BASE, *args, option, date, "x", code=1)
    assert date in result.stderr


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            (*BASE[:-1], "threat", "-d", "2022-01-10", "x"),
            "Invalid value for '--kind' / '-k': 'threat' is not one of 'demand', 'proposal', "
            "'response', 'acceptance', 'rejection', 'warning', 'statement'.",
        ),
        ((*BASE, "-d", "2022-01-10"), "Missing argument 'TEXT'."),
        ((*BASE, "-d", "2022-01-10", "x", "y"), "Got unexpected extra argument (y)"),
        ((*BASE, "--nope", "x"), None),
    ],
)
def test_record_usage_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], error: str | None
) -> None:
    result = fails("record", *args, code=2, error=error)
    assert result.stderr.startswith("Usage: claimtrack record [OPTIONS] TEXT\n")
    if error is None:
        assert result.stderr.splitlines()[-1].startswith("Error: No such option '--nope'")


def test_record_duplicate_is_refused_naming_the_existing_id(
    fails: Fails, record: Record, vocab_store: Path
) -> None:
    first = record("No expansion", *BASE, "-r", "geneva")
    fails(
        "record",
        "-s",
        "RU",
        "-T",
        "missiles",
        "-k",
        "warning",
        "-d",
        "2022-01-10",
        "No expansion",
        error=f"claim {first} already records this text by 'russia' on 'missiles' on 2022-01-10. "
        f"See it with: claimtrack show {first}",
    )


# --- show ----------------------------------------------------------------------------


@pytest.fixture
def thread(run: Run, seven_store: dict[str, str]) -> dict[str, str]:
    """c6 and c7 respond to c1; c1 responds to c2 (for the sake of the test)."""
    for reply, parent in (("c6", "c1"), ("c7", "c1"), ("c1", "c2")):
        ok(run, "edit", seven_store[reply], "--responds-to", seven_store[parent])
    return seven_store


def test_show_json(run: Run, thread: dict[str, str], isolated_store: Path) -> None:
    claims = claims_in(isolated_store)
    shown = json.loads(ok(run, "show", thread["c1"], "--format", "json").stdout)
    assert shown == {
        **claims[thread["c1"]],
        "responds_to_claim": claims[thread["c2"]],
        "responses": [claims[thread["c6"]], claims[thread["c7"]]],
    }


def test_show_json_of_a_lone_claim(
    run: Run, seven_store: dict[str, str], isolated_store: Path
) -> None:
    shown = json.loads(ok(run, "show", seven_store["c3"][:4], "-f", "json").stdout)
    assert shown == {
        **claims_in(isolated_store)[seven_store["c3"]],
        "responds_to_claim": None,
        "responses": [],
    }


def test_show_tsv_has_a_relation_column(
    run: Run, thread: dict[str, str], isolated_store: Path
) -> None:
    claims = claims_in(isolated_store)
    out = ok(run, "show", thread["c1"]).stdout
    assert out == "relation\t" + TSV_HEADER + "".join(
        f"{relation}\t" + tsv_row(claims[thread[label]])
        for relation, label in (
            ("claim", "c1"),
            ("responds-to", "c2"),
            ("response", "c6"),
            ("response", "c7"),
        )
    )


def test_show_ids_and_jsonl(run: Run, thread: dict[str, str]) -> None:
    assert ok(run, "show", thread["c1"], "-f", "ids").stdout.split() == [
        thread["c1"],
        thread["c2"],
        thread["c6"],
        thread["c7"],
    ]
    (line,) = ok(run, "show", thread["c1"], "-f", "jsonl").stdout.splitlines()
    whole = json.loads(line)
    assert whole["id"] == thread["c1"]
    assert whole["responds_to_claim"]["id"] == thread["c2"]
    assert [c["id"] for c in whole["responses"]] == [thread["c6"], thread["c7"]]


def test_show_csv_and_md(run: Run, thread: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(ok(run, "show", thread["c1"], "-f", "csv").stdout)))
    assert [row[:2] for row in rows] == [
        ["relation", "id"],
        ["claim", thread["c1"]],
        ["responds-to", thread["c2"]],
        ["response", thread["c6"]],
        ["response", thread["c7"]],
    ]
    md = ok(run, "show", thread["c1"], "-f", "md").stdout.splitlines()
    assert md[0] == "| relation | id | date | side | kind | attr | speaker | text |"
    assert md[2].startswith(f"| claim | {thread['c1']} | 2022-01-10<br>geneva | ")


def test_show_csv_raw(run: Run, record: Record, vocab_store: Path) -> None:
    claim_id = record("=1+1", *BASE, "-r", "geneva")
    text_column = CLAIM_FIELDS.index("text") + 1  # after `relation`
    safe = list(csv.reader(io.StringIO(ok(run, "show", claim_id, "-f", "csv").stdout)))
    raw = list(csv.reader(io.StringIO(ok(run, "show", claim_id, "-f", "csv", "--raw").stdout)))
    assert (safe[1][text_column], raw[1][text_column]) == ("'=1+1", "=1+1")


@pytest.mark.usefixtures("wide")
def test_show_table_lists_every_field(run: Run, thread: dict[str, str]) -> None:
    out = ok(run, "show", thread["c1"], "-f", "table").stdout
    labels = [line.split()[0] for line in out.splitlines()[: len(CLAIM_FIELDS)]]
    assert labels == list(CLAIM_FIELDS)
    assert "Responds to" in out and "Responses" in out
    for label in ("c1", "c2", "c6", "c7"):
        assert thread[label] in out
    assert "\x1b" not in out


@pytest.mark.usefixtures("wide")
def test_show_table_shows_markup_literally(run: Run, record: Record, vocab_store: Path) -> None:
    claim_id = record("[bold]x[/]", *BASE, "-r", "geneva", "--note", "[red]n[/red]")
    out = ok(run, "show", claim_id, "-f", "table").stdout
    assert "[bold]x[/]" in out and "[red]n[/red]" in out


def test_show_by_prefix_in_any_case(run: Run, seven_store: dict[str, str]) -> None:
    full = ok(run, "show", seven_store["c4"], "-f", "json").stdout
    assert ok(run, "show", seven_store["c4"][:4].upper(), "-f", "json").stdout == full


@pytest.fixture
def twins(vocab_store: Path) -> list[str]:
    """Two claims whose ids share their first four characters (written into the file)."""
    data = json.loads(vocab_store.read_bytes())
    ids = ["abcdefghij", "abcdxyzxyz"]
    for claim_id in ids:
        data["claims"][claim_id] = {
            **blank_claim(),
            "id": claim_id,
            "side": "russia",
            "topics": ["missiles"],
            "kind": "demand",
            "date": "2022-01-10",
            "text": claim_id,
            "created": "2026-01-01T00:00:00.000000Z",
            "updated": "2026-01-01T00:00:00.000000Z",
        }
    vocab_store.write_text(
        json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return ids


@pytest.mark.parametrize(
    "args",
    [("show", "abcd"), ("edit", "abcd", "--kind", "warning"), ("rm", "abcd", "--yes")],
)
def test_an_ambiguous_prefix_lists_the_candidates(
    fails: Fails, twins: list[str], args: tuple[str, ...]
) -> None:
    fails(
        *args,
        error="id prefix 'abcd' is ambiguous: it matches abcdefghij, abcdxyzxyz. "
        "Type more of the id",
    )


def test_a_longer_prefix_settles_it(run: Run, twins: list[str]) -> None:
    assert ok(run, "show", "abcde", "-f", "ids").stdout == "abcdefghij\n"


@pytest.mark.parametrize(
    ("ref", "error"),
    [
        ("abc", "no claim with id 'abc'. An id prefix needs at least 4 characters"),
        ("zzzz", "no claim with id 'zzzz'. List ids with: claimtrack list"),
    ],
)
@pytest.mark.parametrize("command", [("show",), ("edit", "--kind", "warning"), ("rm", "--yes")])
def test_unknown_ids(
    fails: Fails, seven_store: dict[str, str], command: tuple[str, ...], ref: str, error: str
) -> None:
    fails(command[0], ref, *command[1:], error=error)


def test_show_needs_an_id(fails: Fails, seven_store: dict[str, str]) -> None:
    fails("show", code=2, error="Missing argument 'ID'.")


# --- edit ----------------------------------------------------------------------------


def test_edit_every_option(run: Run, seven_store: dict[str, str], isolated_store: Path) -> None:
    target = seven_store["c2"]
    before = claims_in(isolated_store)[target]
    result = ok(
        run,
        "edit",
        target[:5],
        "--side",
        "RU",
        "--to",
        "us",
        "-t",
        "الناتو",
        "--round",
        "nrc",
        "--date",
        "2022-01-13",
        "--topic",
        "توسع الناتو",
        "--kind",
        "Acceptance",
        "--speaker",
        "Grushko",
        "--source",
        "RIA",
        "--url",
        "http://ria.ru/1",
        "--published",
        "2022-01-14",
        "--translation",
        "ترجمة",
        "--paraphrase",
        "--grade",
        "c3",
        "--responds-to",
        seven_store["c3"],
        "--tag",
        "new",
        "--tag",
        "newer",
        "--note",
        "edited",
        "--text",
        "Changed text",
    )
    assert (result.stdout, result.stderr) == ("", f"Updated claim {target}\n")
    after = claims_in(isolated_store)[target]
    assert after["updated"] > before["updated"]
    assert after == {
        **before,
        "side": "russia",
        "to": ["us", "nato"],
        "round": "nrc",
        "date": "2022-01-13",
        "topics": ["nato-nonexpansion"],
        "kind": "acceptance",
        "speaker": "Grushko",
        "source": "RIA",
        "url": "http://ria.ru/1",
        "published": "2022-01-14",
        "translation": "ترجمة",
        "attribution": "paraphrase",
        "grade": "C3",
        "responds_to": seven_store["c3"],
        "tags": ["new", "newer"],
        "note": "edited",
        "text": "Changed text",
        "updated": after["updated"],
    }


def test_edit_keeps_id_and_created(
    run: Run, seven_store: dict[str, str], isolated_store: Path
) -> None:
    target = seven_store["c5"]
    before = claims_in(isolated_store)[target]
    ok(run, "edit", target, "--text", "entirely new text", "-s", "us")
    after = claims_in(isolated_store)[target]
    assert (after["id"], after["created"]) == (before["id"], before["created"])
    assert after["updated"] != before["updated"]
    assert set(claims_in(isolated_store)) == set(seven_store.values())


def test_edit_text_dash_reads_stdin(
    run: Run, seven_store: dict[str, str], isolated_store: Path
) -> None:
    ok(run, "edit", seven_store["c5"], "--text", "-", input="من المدخل\n")
    assert claims_in(isolated_store)[seven_store["c5"]]["text"] == "من المدخل"


def test_edit_attribution_back(run: Run, seven_store: dict[str, str], isolated_store: Path) -> None:
    target = seven_store["c5"]
    ok(run, "edit", target, "--paraphrase")
    assert claims_in(isolated_store)[target]["attribution"] == "paraphrase"
    ok(run, "edit", target, "--attribution", "readout")
    assert claims_in(isolated_store)[target]["attribution"] == "readout"
    ok(run, "edit", target, "--attribution", "QUOTE")
    assert claims_in(isolated_store)[target]["attribution"] == "quote"


def test_edit_round_moves_a_date_that_came_from_it(
    run: Run, seven_store: dict[str, str], isolated_store: Path
) -> None:
    ok(run, "edit", seven_store["c1"], "--round", "nrc")
    claim = claims_in(isolated_store)[seven_store["c1"]]
    assert (claim["round"], claim["date"]) == ("nrc", "2022-01-12")


@pytest.mark.parametrize("field", CLEARABLE_CLAIM_FIELDS)
def test_edit_clear(run: Run, record: Record, vocab_store: Path, field: str) -> None:
    parent = record("parent", *BASE, "-d", "2022-01-01")
    claim_id = record(
        "full",
        *BASE,
        "-r",
        "geneva",
        "--to",
        "us",
        "--speaker",
        "S",
        "--source",
        "TASS",
        "--url",
        "https://t.ru",
        "--published",
        "2022-01-11",
        "--translation",
        "T",
        "--grade",
        "A1",
        "--responds-to",
        parent,
        "--tag",
        "t",
        "--note",
        "N",
    )
    before = claims_in(vocab_store)[claim_id]
    ok(run, "edit", claim_id, "--clear", field)
    after = claims_in(vocab_store)[claim_id]
    empty = [] if field in ("to", "tags") else None
    assert after == {**before, field: empty, "updated": after["updated"]}


def test_edit_clear_several(run: Run, seven_store: dict[str, str], isolated_store: Path) -> None:
    target = seven_store["c1"]
    ok(run, "edit", target, "--clear", "tags", "--clear", "to", "--clear", "translation")
    claim = claims_in(isolated_store)[target]
    assert (claim["tags"], claim["to"], claim["translation"]) == ([], [], None)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((), "nothing to change. Give an option such as --kind, or --clear FIELD"),
        (("--side", "rusia"), UNKNOWN_SIDE),
        (("--to", "RU"), "a claim by 'russia' cannot be addressed to itself"),
        (
            ("--grade", "Z1"),
            "invalid grade 'Z1'. "
            "A grade is an Admiralty code: reliability A-F then credibility 1-6, e.g. B2",
        ),
        (("--url", "ftp://x"), "invalid url 'ftp://x'. A url must start with http:// or https://"),
        (("--text", ""), "text must not be empty"),
    ],
)
def test_edit_errors(
    fails: Fails, seven_store: dict[str, str], args: tuple[str, ...], error: str
) -> None:
    fails("edit", seven_store["c4"], *args, error=error)


def test_edit_cannot_respond_to_itself(fails: Fails, seven_store: dict[str, str]) -> None:
    target = seven_store["c4"]
    fails("edit", target, "--responds-to", target[:6], error="a claim cannot respond to itself")


def test_edit_refuses_a_duplicate(fails: Fails, seven_store: dict[str, str]) -> None:
    c1, c2 = seven_store["c1"], seven_store["c2"]
    fails(
        "edit",
        c2,
        "--side",
        "russia",
        "--to",
        "us",
        "--topic",
        "nato-nonexpansion",
        "--text",
        "ضمانات ملزمة قانونيا بعدم توسع الناتو",
        error=f"claim {c1} already records this text by 'russia' on 'nato-nonexpansion' on "
        f"2022-01-10. See it with: claimtrack show {c1}",
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("--clear", "text"),
            "Invalid value for '--clear': 'text' is not one of 'to', 'speaker', 'round', "
            "'translation', 'source', 'url', 'published', 'grade', 'responds_to', 'tags', 'note'.",
        ),
        (("--kind", "threat"), None),
    ],
)
def test_edit_usage_errors(
    fails: Fails, seven_store: dict[str, str], args: tuple[str, ...], error: str | None
) -> None:
    fails("edit", seven_store["c4"], *args, code=2, error=error)


# --- rm ------------------------------------------------------------------------------


def test_rm_without_a_terminal_needs_yes(fails: Fails, seven_store: dict[str, str]) -> None:
    fails(
        "rm",
        seven_store["c2"],
        error="refusing to remove without confirmation. Pass --yes",
    )


def test_rm_yes(run: Run, seven_store: dict[str, str], isolated_store: Path) -> None:
    result = ok(run, "rm", seven_store["c2"][:4], "--yes")
    assert (result.stdout, result.stderr) == ("", f"Removed 1 claim(s): {seven_store['c2']}\n")
    assert seven_store["c2"] not in claims_in(isolated_store)
    history = json.loads(isolated_store.read_bytes())["history"]
    assert history[max(history)]["operation"] == "rm"


def test_rm_several_with_short_yes(
    run: Run, seven_store: dict[str, str], isolated_store: Path
) -> None:
    c2, c3 = seven_store["c2"], seven_store["c3"]
    result = ok(run, "rm", c2, c3, "-y")
    assert result.stderr == f"Removed 2 claim(s): {c2}, {c3}\n"
    assert len(claims_in(isolated_store)) == 5


def test_rm_of_an_answered_claim_needs_force(
    run: Run, fails: Fails, thread: dict[str, str]
) -> None:
    c1, c6, c7 = thread["c1"], thread["c6"], thread["c7"]
    fails(
        "rm",
        c1,
        "--yes",
        error=f"claim {c1} is answered by {c6}, {c7}. "
        "Use --force to remove it and unlink those replies",
    )


def test_rm_force_unlinks_the_replies(
    run: Run, thread: dict[str, str], isolated_store: Path
) -> None:
    before = claims_in(isolated_store)
    ok(run, "rm", thread["c1"], "--yes", "--force")
    after = claims_in(isolated_store)
    assert thread["c1"] not in after
    for label in ("c6", "c7"):
        reply = after[thread[label]]
        assert reply["responds_to"] is None
        assert reply["updated"] > before[thread[label]]["updated"]
        assert {**reply, "updated": None} == {
            **before[thread[label]],
            "responds_to": None,
            "updated": None,
        }


def test_rm_a_claim_with_its_replies_needs_no_force(run: Run, thread: dict[str, str]) -> None:
    ok(run, "rm", thread["c1"], thread["c6"], thread["c7"], "--yes")
    assert ok(run, "show", thread["c2"], "-f", "ids").stdout == f"{thread['c2']}\n"


def test_rm_needs_an_id(fails: Fails, seven_store: dict[str, str]) -> None:
    fails("rm", "--yes", code=2, error="Missing argument 'ID...'.")


def test_rm_asks_on_a_terminal(
    run: Run, seven_store: dict[str, str], isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_terminal(monkeypatch, "claims", "stdin")
    target = seven_store["c2"]
    result = run("rm", target[:6], input="y\n")
    assert result.exit_code == 0
    assert result.stderr == (
        f"Remove 1 claim(s): {target}? [y/N]: y\nRemoved 1 claim(s): {target}\n"
    )
    assert target not in claims_in(isolated_store)


@pytest.mark.parametrize(
    ("answer", "last_line"),
    [
        ("n\n", "Error: nothing removed"),
        ("\n", "Error: nothing removed"),
        ("", "Aborted!"),  # end of input at the prompt: click's own abort
    ],
)
def test_rm_declined_on_a_terminal_removes_nothing(
    run: Run,
    seven_store: dict[str, str],
    isolated_store: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    last_line: str,
) -> None:
    on_a_terminal(monkeypatch, "claims", "stdin")
    before = isolated_store.read_bytes()
    result = run("rm", seven_store["c2"], input=answer)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Remove 1 claim(s): {seven_store['c2']}? [y/N]: ")
    assert result.stderr.splitlines()[-1].endswith(last_line)
    assert isolated_store.read_bytes() == before


def test_rm_on_a_terminal_checks_ids_before_asking(
    fails: Fails, seven_store: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_terminal(monkeypatch, "claims", "stdin")
    fails(
        "rm", "zzzz", input="y\n", error="no claim with id 'zzzz'. List ids with: claimtrack list"
    )
