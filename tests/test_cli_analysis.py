"""diff, compare and gaps as a user or a script runs them, on the hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analysis_store
from analysis_store import CLAIM_HEADER, as_json, claim, fails, ok, tsv
from claimtrack.commands.analysis_views import NEW_WORDS_STYLE, OLD_WORDS_STYLE, claim_cells
from claimtrack.store import empty_data, encode


@pytest.fixture(autouse=True)
def store(isolated_store: Path) -> Path:
    return analysis_store.write(isolated_store)


DIFF_HEADER = "side\ttopic\tstatus\ta_ids\ta_kinds\ta_text\tb_ids\tb_kinds\tb_text"


# --- diff ------------------------------------------------------------------------------


def test_diff_json(run):
    assert as_json(run, "diff", "geneva", "brussels") == [
        {"side": "nato", "topic": "exercises", "status": "raised", "a": [],
         "b": [claim("nexebru")]},
        {"side": "nato", "topic": "expansion", "status": "raised", "a": [],
         "b": [claim("nexpbru")]},
        {"side": "russia", "topic": "exercises", "status": "dropped",
         "a": [claim("rexegen")], "b": []},
        {"side": "russia", "topic": "expansion", "status": "restated",
         "a": [claim("rexpgen")], "b": [claim("rexpbru")]},
        {"side": "us", "topic": "exercises", "status": "shifted",
         "a": [claim("uexegen")], "b": [claim("uexebru")]},
        {"side": "us", "topic": "missiles", "status": "dropped",
         "a": [claim("umisgen")], "b": []},
    ]  # fmt: skip


def test_diff_claims_are_what_list_gives(run):
    listed = {c["id"]: c for c in as_json(run, "list")}
    rows = as_json(run, "diff", "geneva", "brussels")
    assert rows[3]["a"] == [listed["rexpgen"]]


def test_diff_tsv(run):
    assert ok(run, "diff", "geneva", "brussels") == tsv(
        DIFF_HEADER,
        "nato\texercises\traised\t\t\t\tnexebru\tproposal"
        "\tWe propose to notify exercises in advance",
        "nato\texpansion\traised\t\t\t\tnexpbru\trejection\tNATO's door remains open",
        "russia\texercises\tdropped\trexegen\tdemand\tExercises near our borders must stop\t\t\t",
        "russia\texpansion\trestated\trexpgen\tdemand\tNATO must never expand further east"
        "\trexpbru\tdemand\tNATO must never expand further east or south",
        "us\texercises\tshifted\tuexegen\trejection\tWe will not stop exercises on allied territory"
        "\tuexebru\tproposal\tWe propose transparency for exercises",
        "us\tmissiles\tdropped\tumisgen\tproposal"
        "\tWe are open to reciprocal limits on missiles\t\t\t",
    )


def test_diff_tsv_several_claims_in_a_cell(run):
    assert ok(run, "diff", "geneva", "vienna", "--topic", "missiles", "--side", "russia") == tsv(
        DIFF_HEADER,
        "russia\tmissiles\traised\t\t\t\trmisvst, rmisvac\tacceptance, statement"
        "\tWe are studying the proposals\\nنرحب بالمحادثات حول الصواريخ",
    )


def test_diff_cumulative_json(run):
    rows = as_json(run, "diff", "geneva", "brussels", "--cumulative")
    assert [(r["side"], r["topic"], r["status"]) for r in rows] == [
        ("nato", "exercises", "raised"),
        ("nato", "expansion", "raised"),
        ("russia", "exercises", "unchanged"),
        ("russia", "expansion", "reworded"),
        ("us", "exercises", "shifted"),
        ("us", "missiles", "unchanged"),
    ]
    assert rows[0]["a"] == [] and rows[0]["b"] == [claim("nexebru")]
    assert rows[2]["a"] == rows[2]["b"] == [claim("rexegen")]
    assert rows[3]["a"] == [claim("rexpgen")] and rows[3]["b"] == [claim("rexpbru")]


def test_diff_cumulative_tsv(run):
    out = ok(run, "diff", "geneva", "brussels", "--cumulative", "--side", "RU", "--side", "us")
    assert out == tsv(
        DIFF_HEADER,
        "russia\texercises\tunchanged\trexegen\tdemand\tExercises near our borders must stop"
        "\trexegen\tdemand\tExercises near our borders must stop",
        "russia\texpansion\treworded\trexpgen\tdemand\tNATO must never expand further east"
        "\trexpbru\tdemand\tNATO must never expand further east or south",
        "us\texercises\tshifted\tuexegen\trejection\tWe will not stop exercises on allied territory"
        "\tuexebru\tproposal\tWe propose transparency for exercises",
        "us\tmissiles\tunchanged\tumisgen\tproposal\tWe are open to reciprocal limits on missiles"
        "\tumisgen\tproposal\tWe are open to reciprocal limits on missiles",
    )


def test_diff_cumulative_takes_a_rounds_end_date(run, store):
    data = json.loads(store.read_text())
    data["rounds"]["geneva"]["end"] = "2022-01-12"
    store.write_text(json.dumps(data))
    # as of geneva is now as of 12 Jan: nato's rejection and russia's restatement count
    rows = as_json(run, "diff", "geneva", "vienna", "--cumulative", "--topic", "توسع")
    assert [(r["side"], r["status"], r["a"], r["b"]) for r in rows] == [
        ("nato", "unchanged", [claim("nexpbru")], [claim("nexpbru")]),
        ("russia", "unchanged", [claim("rexpbru")], [claim("rexpbru")]),
        ("us", "raised", [], [claim("uexpvie")]),
    ]


def test_diff_rounds_in_the_wrong_order_notes_and_goes_on(run):
    result = run("diff", "brussels", "geneva", "--cumulative", "--side", "nato")
    assert result.exit_code == 0
    assert result.stderr == (
        "Note: round 'brussels' (2022-01-12) is dated after round 'geneva' (2022-01-10); "
        "comparing them in the order given\n"
    )
    assert result.stdout == tsv(
        DIFF_HEADER,
        "nato\texercises\tdropped\tnexebru\tproposal\tWe propose to notify exercises in advance"
        "\t\t\t",
        "nato\texpansion\tdropped\tnexpbru\trejection\tNATO's door remains open\t\t\t",
    )
    result = run("diff", "reply", "geneva", "--format", "json", "--topic", "missiles")
    assert result.exit_code == 0 and "is dated after" in result.stderr
    assert json.loads(result.stdout) == [
        {"side": "us", "topic": "missiles", "status": "raised", "a": [], "b": [claim("umisgen")]}
    ]


def test_diff_aliases_and_md(run):
    out = ok(run, "diff", "geneva", "brussels", "--side", "USA", "--topic", "exercises", "-f", "md")
    assert out == (
        "| side | topic | status | in geneva (2022-01-10): kinds | in geneva (2022-01-10): text"
        " | in brussels (2022-01-12): kinds | in brussels (2022-01-12): text |\n"
        "|---|---|---|---|---|---|---|\n"
        "| us | exercises | shifted | rejection | We will not stop exercises on allied territory"
        " | proposal | We propose transparency for exercises |\n"
    )


def test_diff_csv_and_jsonl(run):
    out = ok(run, "diff", "geneva", "brussels", "--side", "us", "-f", "csv")
    assert out.splitlines()[0] == DIFF_HEADER.replace("\t", ",")
    assert out.splitlines()[2] == (
        "us,missiles,dropped,umisgen,proposal,We are open to reciprocal limits on missiles,,,"
    )
    lines = ok(run, "diff", "geneva", "brussels", "--side", "us", "-f", "jsonl").splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["shifted", "dropped"]


def test_diff_csv_guards_formulas_unless_raw(run, store):
    data = json.loads(store.read_text())
    data["claims"]["umisgen"]["text"] = "=1+1"
    store.write_text(json.dumps(data))
    args = ("diff", "geneva", "brussels", "--topic", "missiles", "-f", "csv")
    assert ok(run, *args).splitlines()[1] == "us,missiles,dropped,umisgen,proposal,'=1+1,,,"
    assert ok(run, *args, "--raw").splitlines()[1] == "us,missiles,dropped,umisgen,proposal,=1+1,,,"


def test_diff_empty_result(run):
    assert ok(run, "diff", "geneva", "brussels", "--topic", "ukraine") == tsv(DIFF_HEADER)
    assert as_json(run, "diff", "geneva", "brussels", "--topic", "ukraine") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "genva", "brussels"), "Error: unknown round 'genva' (did you mean: geneva?)."),
        (("diff", "geneva", "brussels", "--side", "rusia"), "Error: unknown side 'rusia'"),
        (("diff", "geneva", "brussels", "--topic", "nukes"), "Error: unknown topic 'nukes'"),
    ],
)
def test_diff_unknown_names(run, args, message):
    assert fails(run, *args).startswith(message)


def test_diff_usage_errors(run):
    assert "Missing argument 'ROUND_B'" in fails(run, "diff", "geneva", code=2)
    assert "'ids' is not one of" in fails(run, "diff", "geneva", "reply", "-f", "ids", code=2)


def test_diff_word_highlighting():
    old, new = claim_cells([claim("rexpgen")], [claim("rexpbru")], highlight=True)
    changed = [new.plain[s.start : s.end] for s in new.spans if s.style == NEW_WORDS_STYLE]
    assert changed == ["or ", "south"]
    assert [s for s in old.spans if s.style == OLD_WORDS_STYLE] == []
    old, new = claim_cells([claim("uexegen")], [claim("uexebru")], highlight=False)
    assert not [s for s in new.spans if s.style == NEW_WORDS_STYLE]


def test_diff_highlights_removed_words():
    shorter = {**claim("rexpgen"), "text": "NATO must expand"}
    old, _ = claim_cells([claim("rexpgen")], [shorter], highlight=True)
    removed = [old.plain[s.start : s.end] for s in old.spans if s.style == OLD_WORDS_STYLE]
    assert removed == ["never ", "further ", "east"]


def test_diff_table_shows_markup_as_text(run, store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    data = json.loads(store.read_text())
    data["claims"]["rexpbru"]["text"] = "NATO [bold]must[/] never expand"
    store.write_text(json.dumps(data))
    out = ok(run, "diff", "geneva", "brussels", "--side", "russia", "-f", "table")
    assert "NATO [bold]must[/] never expand" in out
    assert "restated" in out and "dropped" in out


# --- compare ---------------------------------------------------------------------------

COMPARE_HEADER = "topic\tverdict\ta_id\ta_kind\ta_date\ta_text\tb_id\tb_kind\tb_date\tb_text"


def test_compare_json(run):
    assert as_json(run, "compare", "russia", "us") == [
        {"topic": "exercises", "verdict": "open", "a": claim("rexerep"), "b": claim("uexebru")},
        {"topic": "expansion", "verdict": "opposed", "a": claim("rexprep"), "b": claim("uexpvie")},
        {"topic": "missiles", "verdict": "agreed", "a": claim("rmisvac"), "b": claim("umisgen")},
        {"topic": "ukraine", "verdict": "unanswered", "a": claim("rukrnor"), "b": None},
    ]


def test_compare_tsv(run):
    assert ok(run, "compare", "russia", "us") == tsv(
        COMPARE_HEADER,
        "exercises\topen\trexerep\tstatement\t2022-01-26\tWe will study the notification idea"
        "\tuexebru\tproposal\t2022-01-12\tWe propose transparency for exercises",
        "expansion\topposed\trexprep\tdemand\t2022-01-26"
        "\tRussia still insists on *legally binding* guarantees"
        "\tuexpvie\trejection\t2022-01-13\tNo one can veto NATO's open door",
        "missiles\tagreed\trmisvac\tacceptance\t2022-01-13\tنرحب بالمحادثات حول الصواريخ"
        "\tumisgen\tproposal\t2022-01-10\tWe are open to reciprocal limits on missiles",
        "ukraine\tunanswered\trukrnor\twarning\t2022-01-20"
        "\tTroop movements on Russian soil are our own affair\t\t\t\t",
    )


def test_compare_as_of_a_round(run):
    assert ok(run, "compare", "روسيا", "us", "--round", "brussels") == tsv(
        COMPARE_HEADER,
        "exercises\topen\trexegen\tdemand\t2022-01-10\tExercises near our borders must stop"
        "\tuexebru\tproposal\t2022-01-12\tWe propose transparency for exercises",
        "expansion\tunanswered\trexpbru\tdemand\t2022-01-12"
        "\tNATO must never expand further east or south\t\t\t\t",
        "missiles\tunanswered\t\t\t\t\tumisgen\tproposal\t2022-01-10"
        "\tWe are open to reciprocal limits on missiles",
    )


def test_compare_as_of_a_date_and_topics(run):
    rows = as_json(run, "compare", "us", "RU", "--as-of", "2022-01-13", "--topic", "missiles")
    assert rows == [
        {"topic": "missiles", "verdict": "agreed", "a": claim("umisgen"), "b": claim("rmisvac")}
    ]
    assert as_json(run, "compare", "us", "russia", "--as-of", "2021-12-31") == []


def test_compare_table(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = ok(run, "compare", "russia", "us", "--as-of", "2022-01-13", "--format", "table")
    assert out.splitlines() == [
        "                       compare russia us as of 2022-01-13                       ",
        "                                                                                ",
        "  topic       verdict   russia                       us                         ",
        " ────────────────────────────────────────────────────────────────────────────── ",
        "  exercises   open      demand 2022-01-10 rexegen    proposal 2022-01-12        ",
        "                        Exercises near our borders   uexebru                    ",
        "                        must stop                    We propose transparency    ",
        "                                                     for exercises              ",
        "  expansion   opposed   demand 2022-01-12 rexpbru    rejection 2022-01-13       ",
        "                        NATO must never expand       uexpvie                    ",
        "                        further east or south        No one can veto NATO's     ",
        "                                                     open door                  ",
        "  missiles    agreed    acceptance 2022-01-13        proposal 2022-01-10        ",
        "                        rmisvac                      umisgen                    ",
        "                        نرحب بالمحادثات حول          We are open to reciprocal  ",
        "                        الصواريخ                     limits on missiles         ",
        "                        We welcome talks on                                     ",
        "                        missiles                                                ",
        "                                                                                ",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("compare", "russia", "us", "--round", "geneva", "--as-of", "2022-01-10"),
            "Error: --round and --as-of cannot be used together. Give one of them\n",
        ),
        (
            ("compare", "russia", "RU"),
            "Error: cannot compare side 'russia' with itself. Name two different sides\n",
        ),
        (("compare", "russia", "usa", "--as-of", "2022-02-30"), "Error: "),
        (("compare", "russia", "uk"), "Error: unknown side 'uk'"),
        (("compare", "russia", "us", "--round", "paris"), "Error: unknown round 'paris'"),
        (("compare", "russia", "us", "--topic", "oil"), "Error: unknown topic 'oil'"),
    ],
)
def test_compare_errors(run, args, message):
    assert fails(run, *args).startswith(message)


def test_compare_bad_date_names_it(run):
    assert "2022-02-30" in fails(run, "compare", "russia", "us", "--as-of", "2022-02-30")


# --- gaps ------------------------------------------------------------------------------

GAPS_HEADER = CLAIM_HEADER + "\tdays_open"


def test_gaps_json(run):
    assert as_json(run, "gaps") == [
        {**claim("uexebru"), "days_open": 14},
        {**claim("nukrnor"), "days_open": 6},
        {**claim("rexprep"), "days_open": 0},
    ]


def test_gaps_tsv(run):
    stamp = "2022-02-01T00:00:{0:02d}.000000Z\t2022-02-01T00:00:{0:02d}.000000Z"
    assert ok(run, "gaps") == tsv(
        GAPS_HEADER,
        "uexebru\tus\trussia\t\tbrussels\t2022-01-12\texercises\tproposal"
        "\tWe propose transparency for exercises\t\tquote\t\t\t\t\t\t\t\t"
        + stamp.format(5)
        + "\t14",
        "nukrnor\tnato\t\t\t\t2022-01-20\tukraine\tdemand"
        "\tRussia should pull its troops back from the border\t\tquote\t\t\t\t\t\t\t\t"
        + stamp.format(12)
        + "\t6",
        "rexprep\trussia\tus\tSergei Lavrov\treply\t2022-01-26\texpansion\tdemand"
        "\tRussia still insists on *legally binding* guarantees\t\tparaphrase\tInterfax"
        "\thttps://interfax.com/a_b\t\t\tuexpvie\t\t\t" + stamp.format(13) + "\t0",
    )


def test_gaps_as_of(run):
    rows = as_json(run, "gaps", "--as-of", "2022-01-12")
    assert [(r["id"], r["days_open"]) for r in rows] == [
        ("umisgen", 2),
        ("uexebru", 0),
        ("nexebru", 0),
    ]


def test_gaps_filters_and_ids(run):
    assert ok(run, "gaps", "--side", "USA", "-f", "ids") == "uexebru\n"
    assert ok(run, "gaps", "--to", "us", "-f", "ids") == "nukrnor\nrexprep\n"
    assert ok(run, "gaps", "--to", "nato", "-f", "ids") == ""
    assert ok(run, "gaps", "--topic", "توسع", "--topic", "ukraine", "-f", "ids") == (
        "nukrnor\nrexprep\n"
    )
    assert ok(run, "gaps", "--side", "russia", "--to", "russia", "-f", "ids") == ""


def test_gaps_table(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = ok(run, "gaps", "--as-of", "2022-01-13", "-f", "table")
    assert "days open" in out
    assert out.splitlines()[3].split()[:6] == ["uexebru", "2022-01-12", "1", "us", "proposal", "We"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gaps", "--as-of", "yesterday"), "Error: "),
        (("gaps", "--side", "mars"), "Error: unknown side 'mars'"),
        (("gaps", "--to", "mars"), "Error: unknown side 'mars'"),
        (("gaps", "--topic", "oil"), "Error: unknown topic 'oil'"),
    ],
)
def test_gaps_errors(run, args, message):
    assert fails(run, *args).startswith(message)


def test_gaps_on_an_empty_store(run, store):
    store.write_bytes(encode(empty_data()))
    assert ok(run, "gaps") == tsv(GAPS_HEADER)
