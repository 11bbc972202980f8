"""diff, compare and gaps as a user or a script runs them, on the hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analysis_store
from analysis_store import ANALYTIC_HEADER, aclaim, as_json, fails, ok, tsv
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
         "b": [aclaim("nexebru")]},
        {"side": "nato", "topic": "expansion", "status": "raised", "a": [],
         "b": [aclaim("nexpbru")]},
        {"side": "russia", "topic": "exercises", "status": "not-restated",
         "a": [aclaim("rexegen")], "b": []},
        {"side": "russia", "topic": "expansion", "status": "restated",
         "a": [aclaim("rexpgen")], "b": [aclaim("rexpbru")]},
        {"side": "us", "topic": "exercises", "status": "shifted",
         "a": [aclaim("uexegen")], "b": [aclaim("uexebru")]},
        {"side": "us", "topic": "missiles", "status": "not-restated",
         "a": [aclaim("umisgen")], "b": []},
    ]  # fmt: skip


def test_diff_claims_are_what_list_gives_without_bookkeeping(run):
    listed = {c["id"]: c for c in as_json(run, "list")}
    rows = as_json(run, "diff", "geneva", "brussels")
    del listed["rexpgen"]["created"], listed["rexpgen"]["updated"]
    assert rows[3]["a"] == [listed["rexpgen"]]


def test_diff_tsv(run):
    assert ok(run, "diff", "geneva", "brussels") == tsv(
        DIFF_HEADER,
        "nato\texercises\traised\t\t\t\tnexebru\tproposal"
        "\tWe propose to notify exercises in advance",
        "nato\texpansion\traised\t\t\t\tnexpbru\trejection\tNATO's door remains open",
        "russia\texercises\tnot-restated\trexegen\tdemand"
        "\tExercises near our borders must stop\t\t\t",
        "russia\texpansion\trestated\trexpgen\tdemand\tNATO must never expand further east"
        "\trexpbru\tdemand\tNATO must never expand further east or south",
        "us\texercises\tshifted\tuexegen\trejection\tWe will not stop exercises on allied territory"
        "\tuexebru\tproposal\tWe propose transparency for exercises",
        "us\tmissiles\tnot-restated\tumisgen\tproposal"
        "\tWe are open to reciprocal limits on missiles\t\t\t",
    )


def test_diff_tsv_several_claims_in_a_cell(run):
    assert ok(run, "diff", "geneva", "vienna", "--topic", "missiles", "--side", "russia") == tsv(
        DIFF_HEADER,
        "russia\tmissiles\traised\t\t\t\trmisvac, rmisvst\tacceptance, statement"
        "\tنرحب بالمحادثات حول الصواريخ\\nWe are studying the proposals",
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
    assert rows[0]["a"] == [] and rows[0]["b"] == [aclaim("nexebru")]
    assert rows[2]["a"] == rows[2]["b"] == [aclaim("rexegen")]
    assert rows[3]["a"] == [aclaim("rexpgen")] and rows[3]["b"] == [aclaim("rexpbru")]


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
        ("nato", "unchanged", [aclaim("nexpbru")], [aclaim("nexpbru")]),
        ("russia", "unchanged", [aclaim("rexpbru")], [aclaim("rexpbru")]),
        ("us", "raised", [], [aclaim("uexpvie")]),
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
        {"side": "us", "topic": "missiles", "status": "raised", "a": [], "b": [aclaim("umisgen")]}
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
        "us,missiles,not-restated,umisgen,proposal,We are open to reciprocal limits on missiles,,,"
    )
    lines = ok(run, "diff", "geneva", "brussels", "--side", "us", "-f", "jsonl").splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["shifted", "not-restated"]


def test_diff_csv_guards_formulas_unless_raw(run, store):
    data = json.loads(store.read_text())
    data["claims"]["umisgen"]["text"] = "=1+1"
    store.write_text(json.dumps(data))
    args = ("diff", "geneva", "brussels", "--topic", "missiles", "-f", "csv")
    assert ok(run, *args).splitlines()[1] == "us,missiles,not-restated,umisgen,proposal,'=1+1,,,"
    assert (
        ok(run, *args, "--raw").splitlines()[1]
        == "us,missiles,not-restated,umisgen,proposal,=1+1,,,"
    )


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
    old, new = claim_cells([aclaim("rexpgen")], [aclaim("rexpbru")], highlight=True)
    changed = [new.plain[s.start : s.end] for s in new.spans if s.style == NEW_WORDS_STYLE]
    assert changed == ["or ", "south"]
    assert [s for s in old.spans if s.style == OLD_WORDS_STYLE] == []
    old, new = claim_cells([aclaim("uexegen")], [aclaim("uexebru")], highlight=False)
    assert not [s for s in new.spans if s.style == NEW_WORDS_STYLE]


def test_diff_highlights_removed_words():
    shorter = {**aclaim("rexpgen"), "text": "NATO must expand"}
    old, _ = claim_cells([aclaim("rexpgen")], [shorter], highlight=True)
    removed = [old.plain[s.start : s.end] for s in old.spans if s.style == OLD_WORDS_STYLE]
    assert removed == ["never ", "further ", "east"]


def test_diff_table_shows_markup_as_text(run, store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    data = json.loads(store.read_text())
    data["claims"]["rexpbru"]["text"] = "NATO [bold]must[/] never expand"
    store.write_text(json.dumps(data))
    out = ok(run, "diff", "geneva", "brussels", "--side", "russia", "-f", "table")
    assert "NATO [bold]must[/] never expand" in out
    assert "restated" in out and "not-restated" in out


# --- compare ---------------------------------------------------------------------------

COMPARE_HEADER = (
    "topic\tverdict\ta_position\ta_ids\ta_date\ta_text\tb_position\tb_ids\tb_date\tb_text"
)


def test_compare_json(run):
    assert as_json(run, "compare", "russia", "us") == [
        {"topic": "exercises", "verdict": "open", "a": [aclaim("rexegen")],
         "b": [aclaim("uexebru")]},
        {"topic": "expansion", "verdict": "opposed", "a": [aclaim("rexprep")],
         "b": [aclaim("uexpvie")]},
        {"topic": "missiles", "verdict": "agreed", "a": [aclaim("rmisvac")],
         "b": [aclaim("umisgen")]},
        {"topic": "ukraine", "verdict": "unanswered", "a": [aclaim("rukrnor")], "b": []},
    ]  # fmt: skip


def test_compare_tsv(run):
    # russia's statement on exercises (26 Jan) leaves its demand of 10 Jan standing
    assert ok(run, "compare", "russia", "us") == tsv(
        COMPARE_HEADER,
        "exercises\topen\tdemand\trexegen\t2022-01-10\tExercises near our borders must stop"
        "\tproposal\tuexebru\t2022-01-12\tWe propose transparency for exercises",
        "expansion\topposed\tdemand\trexprep\t2022-01-26"
        "\tRussia still insists on *legally binding* guarantees"
        "\trejection\tuexpvie\t2022-01-13\tNo one can veto NATO's open door",
        "missiles\tagreed\tacceptance\trmisvac\t2022-01-13\tنرحب بالمحادثات حول الصواريخ"
        "\tproposal\tumisgen\t2022-01-10\tWe are open to reciprocal limits on missiles",
        "ukraine\tunanswered\twarning\trukrnor\t2022-01-20"
        "\tTroop movements on Russian soil are our own affair\t\t\t\t",
    )


def test_compare_tsv_joins_the_claims_of_a_position(run, store):
    data = json.loads(store.read_text())
    data["claims"]["rmisvst"]["kind"] = "rejection"  # beside rmisvac's acceptance
    store.write_text(json.dumps(data))
    assert ok(run, "compare", "russia", "us", "--topic", "missiles") == tsv(
        COMPARE_HEADER,
        "missiles\tmixed\tmixed\trmisvac, rmisvst\t2022-01-13"
        "\tنرحب بالمحادثات حول الصواريخ\\nWe are studying the proposals"
        "\tproposal\tumisgen\t2022-01-10\tWe are open to reciprocal limits on missiles",
    )


def test_compare_as_of_a_round(run):
    assert ok(run, "compare", "روسيا", "us", "--round", "brussels") == tsv(
        COMPARE_HEADER,
        "exercises\topen\tdemand\trexegen\t2022-01-10\tExercises near our borders must stop"
        "\tproposal\tuexebru\t2022-01-12\tWe propose transparency for exercises",
        "expansion\tunanswered\tdemand\trexpbru\t2022-01-12"
        "\tNATO must never expand further east or south\t\t\t\t",
        "missiles\tunanswered\t\t\t\t\tproposal\tumisgen\t2022-01-10"
        "\tWe are open to reciprocal limits on missiles",
    )


def test_compare_as_of_a_date_and_topics(run):
    rows = as_json(run, "compare", "us", "RU", "--as-of", "2022-01-13", "--topic", "missiles")
    assert rows == [
        {"topic": "missiles", "verdict": "agreed", "a": [aclaim("umisgen")],
         "b": [aclaim("rmisvac")]}
    ]  # fmt: skip
    assert as_json(run, "compare", "us", "russia", "--as-of", "2021-12-31") == []


def lines_of(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


def test_compare_table(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = ok(run, "compare", "russia", "us", "--as-of", "2022-01-13", "--format", "table")
    gap = " " * 20
    assert lines_of(out) == [
        "compare russia us as of 2022-01-13",
        "topic      verdict  russia" + " " * 45 + "us",
        "─" * 120,
        "exercises  open     demand 2022-01-10 rexegen" + " " * 26 + "proposal 2022-01-12 uexebru",
        gap
        + "Exercises near our borders must stop"
        + " " * 15
        + "We propose transparency for exercises",
        "expansion  opposed  demand 2022-01-12 rexpbru" + " " * 26 + "rejection 2022-01-13 uexpvie",
        gap
        + "NATO must never expand further east or south"
        + " " * 7
        + "No one can veto NATO's open door",
        "missiles   agreed   acceptance 2022-01-13 rmisvac"
        + " " * 22
        + "proposal 2022-01-10 umisgen",
        gap
        + "نرحب بالمحادثات حول الصواريخ"
        + " " * 23
        + "We are open to reciprocal limits on missiles",
        gap + "We welcome talks on missiles",
    ]


def test_compare_in_blocks_at_80_columns(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = ok(run, "compare", "russia", "us", "--as-of", "2022-01-13", "--format", "table")
    assert lines_of(out) == [
        "compare russia us as of 2022-01-13",
        "exercises  open",
        "russia:",
        "  demand 2022-01-10 rexegen",
        "  Exercises near our borders must stop",
        "us:",
        "  proposal 2022-01-12 uexebru",
        "  We propose transparency for exercises",
        "",
        "expansion  opposed",
        "russia:",
        "  demand 2022-01-12 rexpbru",
        "  NATO must never expand further east or south",
        "us:",
        "  rejection 2022-01-13 uexpvie",
        "  No one can veto NATO's open door",
        "",
        "missiles  agreed",
        "russia:",
        "  acceptance 2022-01-13 rmisvac",
        "  نرحب بالمحادثات حول الصواريخ",
        "  We welcome talks on missiles",
        "us:",
        "  proposal 2022-01-10 umisgen",
        "  We are open to reciprocal limits on missiles",
        "One block per row: a table needs 83 columns, the terminal has 80.",
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

GAPS_HEADER = ANALYTIC_HEADER + "\tdays_open\topen_topics"


def test_gaps_json(run):
    assert as_json(run, "gaps") == [
        {**aclaim("uexebru"), "days_open": 14, "open_topics": ["exercises"]},
        {**aclaim("nukrnor"), "days_open": 6, "open_topics": ["ukraine"]},
        {**aclaim("rexprep"), "days_open": 0, "open_topics": ["expansion"]},
    ]


def test_gaps_tsv(run):
    assert ok(run, "gaps") == tsv(
        GAPS_HEADER,
        "uexebru\tus\trussia\t\tbrussels\t2022-01-12\texercises\tproposal"
        "\tWe propose transparency for exercises\t\tquote\t\t\t\t\t\t\t\t14\texercises",
        "nukrnor\tnato\t\t\t\t2022-01-20\tukraine\tdemand"
        "\tRussia should pull its troops back from the border\t\tquote\t\t\t\t\t\t\t\t6\tukraine",
        "rexprep\trussia\tus\tSergei Lavrov\treply\t2022-01-26\texpansion\tdemand"
        "\tRussia still insists on *legally binding* guarantees\t\tparaphrase\tInterfax"
        "\thttps://interfax.com/a_b\t\t\tuexpvie\t\t\t0\texpansion",
    )


def test_gaps_as_of(run):
    rows = as_json(run, "gaps", "--as-of", "2022-01-12")
    assert [(r["id"], r["days_open"]) for r in rows] == [
        ("umisgen", 2),
        ("nexebru", 0),
        ("uexebru", 0),
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
    assert out.splitlines()[2].split()[:6] == [
        "nexebru",
        "2022-01-12",
        "1",
        "nato",
        "proposal",
        "We",
    ]


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
