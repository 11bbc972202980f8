"""diff, compare, gaps, matrix, timeline and cite as a user or a script runs them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import analysis_store
from analysis_store import claim
from claimtrack.commands.analysis_views import (
    NEW_WORDS_STYLE,
    OLD_WORDS_STYLE,
    claim_cells,
    matrix_view,
)
from claimtrack.model import KINDS, blank_claim
from claimtrack.store import empty_data, encode


@pytest.fixture(autouse=True)
def store(isolated_store: Path) -> Path:
    return analysis_store.write(isolated_store)


def ok(run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def fails(run, *args: str, code: int = 1) -> str:
    result = run(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    return result.stderr


def as_json(run, *args: str):
    return json.loads(ok(run, *args, "--format", "json"))


def tsv(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


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

GAPS_HEADER = (
    "id\tside\tto\tspeaker\tround\tdate\ttopic\tkind\ttext\ttranslation\tverbatim\tsource\turl"
    "\tpublished\tgrade\tresponds_to\ttags\tnote\tcreated\tupdated\tdays_open"
)


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
        "\tWe propose transparency for exercises\t\ttrue\t\t\t\t\t\t\t\t"
        + stamp.format(5)
        + "\t14",
        "nukrnor\tnato\t\t\t\t2022-01-20\tukraine\tdemand"
        "\tRussia should pull its troops back from the border\t\ttrue\t\t\t\t\t\t\t\t"
        + stamp.format(12)
        + "\t6",
        "rexprep\trussia\tus\tSergei Lavrov\treply\t2022-01-26\texpansion\tdemand"
        "\tRussia still insists on *legally binding* guarantees\t\tfalse\tInterfax"
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


# --- matrix ----------------------------------------------------------------------------


def test_matrix_json(run):
    rows = as_json(run, "matrix", "--topic", "missiles")
    assert rows == [
        {"topic": "missiles", "round": "geneva", "side": "us", "kinds": ["proposal"]},
        {"topic": "missiles", "round": "vienna", "side": "russia",
         "kinds": ["acceptance", "statement"]},
    ]  # fmt: skip


def test_matrix_tsv(run):
    assert ok(run, "matrix") == tsv(
        "topic\tround\tside\tkinds",
        "exercises\tgeneva\trussia\tdemand",
        "exercises\tgeneva\tus\trejection",
        "exercises\tbrussels\tnato\tproposal",
        "exercises\tbrussels\tus\tproposal",
        "exercises\treply\trussia\tstatement",
        "expansion\tgeneva\trussia\tdemand",
        "expansion\tbrussels\tnato\trejection",
        "expansion\tbrussels\trussia\tdemand",
        "expansion\tvienna\tus\trejection",
        "expansion\treply\trussia\tdemand",
        "missiles\tgeneva\tus\tproposal",
        "missiles\tvienna\trussia\tacceptance, statement",
    )


def test_matrix_filters_and_md(run):
    out = ok(run, "matrix", "-s", "russia", "-r", "vienna", "-r", "geneva", "-f", "md")
    assert out == (
        "| topic | round | side | kinds |\n"
        "|---|---|---|---|\n"
        "| exercises | geneva | russia | demand |\n"
        "| expansion | geneva | russia | demand |\n"
        "| missiles | vienna | russia | acceptance, statement |\n"
    )


def test_matrix_table(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = ok(run, "matrix", "-f", "table")
    lines = out.splitlines()
    assert lines[0].strip() == "Kinds stated per round"
    assert lines[1].split() == ["geneva", "brussels", "vienna", "reply"]
    assert lines[2].split() == ["10", "Jan", "12", "Jan", "13", "Jan", "26", "Jan"]
    assert lines[3].split() == ["topic", "side", "2022"]
    body = [line.split() for line in lines[5:] if line.strip()]
    assert body[:3] == [["exercises", "nato", "P"], ["russia", "D", "S"], ["us", "X", "P"]]
    assert ["missiles", "russia", "AS"] in body
    assert lines[-2:] == [
        "D demand  P proposal  R response  A acceptance  X rejection  W warning",
        "S statement",
    ]


def test_matrix_round_without_claims_gets_a_column(run):
    out = ok(run, "matrix", "-r", "vienna", "-r", "reply", "-s", "us", "-f", "table")
    assert out.splitlines()[1].split() == ["vienna", "reply"]


def big_store(path: Path) -> Path:
    """10 rounds, 10 topics, 6 sides, a claim of two kinds in every cell."""
    data = empty_data()
    sides = ["russia", "united-states", "nato", "ukraine", "osce", "european-union"]
    topics = ["nato-nonexpansion", "missiles", "exercises", "ukraine-troops", "arms-control",
              "sanctions", "energy", "cyber", "nuclear-doctrine", "transparency"]  # fmt: skip
    rounds = ["draft-treaties", "geneva", "nrc", "osce", "lavrov-blinken", "written-replies",
              "putin-macron", "putin-biden", "lavrov-putin", "lavrov-blinken-call"]  # fmt: skip
    for slug in sides:
        data["sides"][slug] = {"slug": slug, "name": slug, "aliases": []}
    for slug in topics:
        data["topics"][slug] = {"slug": slug, "title": slug, "description": None, "aliases": []}
    for day, slug in enumerate(rounds, start=10):
        data["rounds"][slug] = analysis_store._round(slug, f"2022-01-{day}", slug)
    number = 0
    for topic in topics:
        for slug in rounds:
            for index, side in enumerate(sides):
                for kind in (KINDS[index], KINDS[index + 1]):
                    number += 1
                    record = blank_claim()
                    record.update(
                        id=f"c{number}", side=side, round=slug, topic=topic, kind=kind,
                        date=data["rounds"][slug]["date"], text=f"claim {number}",
                        created=f"2022-02-01T00:00:00.{number:06d}Z",
                    )  # fmt: skip
                    data["claims"][record["id"]] = record
    path.write_bytes(encode(data))
    return path


def test_matrix_fits_120_columns_for_10_rounds_10_topics_6_sides(run, store, monkeypatch):
    big_store(store)
    monkeypatch.setenv("COLUMNS", "120")
    lines = ok(run, "matrix", "-f", "table").splitlines()
    assert max(len(line) for line in lines) <= 120
    # rounds are numbered, named under the table; every side's marks sit on one line
    assert lines[1].split() == [f"#{n}" for n in range(1, 11)]
    assert "#10 lavrov-blinken-call" in "\n".join(lines[-3:])
    body = [line.split() for line in lines[5:-3] if line.strip()]
    assert body[0] == ["arms-control", "european-union", *["WS"] * 10]
    assert body[1] == ["nato", "RA"] + ["RA"] * 9
    assert len(body) == 60


def test_matrix_names_rounds_when_they_fit(run, store, monkeypatch):
    big_store(store)
    monkeypatch.setenv("COLUMNS", "200")
    lines = ok(run, "matrix", "-f", "table", "-T", "cyber").splitlines()
    assert lines[1].split()[:2] == ["draft-treaties", "geneva"]
    assert max(len(line) for line in lines) <= 200


def test_matrix_view_fits_120_columns_with_every_kind_in_every_cell():
    from io import StringIO

    from rich.console import Console

    sides = ["russia", "united-states", "nato", "ukraine", "osce", "european-union"]
    rounds = [(f"round-number-{n}", f"2022-01-{n + 10}") for n in range(10)]
    rows = [
        {"topic": f"topic-number-{t}", "round": r, "side": s, "kinds": list(KINDS)}
        for t in range(10)
        for r, _ in rounds
        for s in sides
    ]
    console = Console(width=120, file=StringIO(), record=True)
    console.print(matrix_view(rows, rounds, "Kinds stated per round", 120))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 120
    assert lines[5].split()[-10:] == ["DPRAXWS"] * 10


def test_matrix_view_numbers_rounds_across_years():
    rows = [{"topic": "t", "round": "a", "side": "s", "kinds": ["demand"]}]
    from io import StringIO

    from rich.console import Console

    console = Console(width=60, file=StringIO(), record=True)
    console.print(matrix_view(rows, [("a", "2021-12-30"), ("b", "2022-01-02")], "M", 60))
    lines = console.export_text().splitlines()
    assert lines[2].split() == ["30", "Dec", "2", "Jan"]
    assert lines[3].split() == ["topic", "side", "2021", "2022"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("matrix", "--round", "paris"), "Error: unknown round 'paris'"),
        (("matrix", "--side", "mars"), "Error: unknown side 'mars'"),
        (("matrix", "--topic", "oil"), "Error: unknown topic 'oil'"),
    ],
)
def test_matrix_errors(run, args, message):
    assert fails(run, *args).startswith(message)


# --- timeline --------------------------------------------------------------------------


def test_timeline_json(run):
    assert as_json(run, "timeline", "expansion") == [
        claim(i) for i in ("rexpgen", "rexpbru", "nexpbru", "uexpvie", "rexprep")
    ]


def test_timeline_tsv(run):
    lines = ok(run, "timeline", "توسع", "--side", "us", "--side", "nato").splitlines()
    assert lines[0] == GAPS_HEADER.removesuffix("\tdays_open")
    assert lines[1:] == [
        "nexpbru\tnato\trussia\tJens Stoltenberg\tbrussels\t2022-01-12\texpansion\trejection"
        "\tNATO's door remains open\t\ttrue\t\t\t\t\t\t\t"
        "\t2022-02-01T00:00:06.000000Z\t2022-02-01T00:00:06.000000Z",
        "uexpvie\tus\trussia\tMichael Carpenter\tvienna\t2022-01-13\texpansion\trejection"
        "\tNo one can veto NATO's open door\t\ttrue\t\t\t\t\trexpgen\t\t"
        "\t2022-02-01T00:00:10.000000Z\t2022-02-01T00:00:10.000000Z",
    ]


def test_timeline_ids_and_threads(run, monkeypatch):
    assert ok(run, "timeline", "expansion", "-f", "ids").split() == [
        "rexpgen",
        "rexpbru",
        "nexpbru",
        "uexpvie",
        "rexprep",
    ]
    monkeypatch.setenv("COLUMNS", "160")
    lines = ok(run, "timeline", "expansion", "-f", "table").splitlines()
    assert lines[2].split() == ["id", "date", "side", "speaker", "kind", "text", "answers"]
    rows = {line.split()[0]: line.split() for line in lines[4:] if line[:3].strip()}
    assert list(rows) == ["rexpgen", "rexpbru", "nexpbru", "uexpvie", "rexprep"]
    assert rows["uexpvie"][-3:] == ["rexpgen", "(russia", "demand)"]
    assert rows["rexprep"][-3:] == ["uexpvie", "(us", "rejection)"]
    assert rows["rexpgen"][-1] == "east"


def test_timeline_md_shows_translation_and_answers(run):
    out = ok(run, "timeline", "missiles", "-f", "md")
    assert out.splitlines()[-1] == (
        "| rmisvac | 2022-01-13<br>vienna | russia<br>→ us | Sergei Lavrov | acceptance"
        " | نرحب بالمحادثات حول الصواريخ<br>We welcome talks on missiles |  |"
    )


def test_timeline_errors(run):
    assert fails(run, "timeline", "oil").startswith("Error: unknown topic 'oil'")
    assert fails(run, "timeline", "expansion", "-s", "mars").startswith("Error: unknown side")
    assert "Missing argument 'TOPIC'" in fails(run, "timeline", code=2)


# --- cite ------------------------------------------------------------------------------


def test_cite_plain(run):
    assert ok(run, "cite", "rmisvac", "rexpr", "rukrnor") == (
        "Sergei Lavrov (Russia) said on 13 January 2022, as reported by RT Arabic:"
        ' "We welcome talks on missiles" (original: "نرحب بالمحادثات حول الصواريخ").\n'
        "Sergei Lavrov (Russia) said on 26 January 2022, as reported by Interfax, that Russia"
        " still insists on *legally binding* guarantees. https://interfax.com/a_b\n"
        "Dmitry Peskov (Russia) said on 20 January 2022, as reported by TASS, that Troop"
        " movements on Russian soil are our own affair.\n"
    )


def test_cite_md(run):
    assert ok(run, "cite", "umisgen", "rexprep", "--style", "md") == (
        "Wendy Sherman (United States) said on 10 January 2022, as reported by State Department:"
        ' "We are open to reciprocal limits on missiles".'
        " [https://state.gov/briefing(1)](https://state.gov/briefing%281%29)\n"
        "Sergei Lavrov (Russia) said on 26 January 2022, as reported by Interfax, that Russia"
        r" still insists on \*legally binding\* guarantees."
        r" [https://interfax.com/a\_b](https://interfax.com/a_b)" + "\n"
    )


def test_cite_formats(run):
    assert as_json(run, "cite", "nukrnor") == [
        {
            "id": "nukrnor",
            "citation": "NATO said on 20 January 2022:"
            ' "Russia should pull its troops back from the border".',
        }
    ]
    assert ok(run, "cite", "nukrnor", "-f", "tsv") == tsv(
        "id\tcitation",
        'nukrnor\tNATO said on 20 January 2022: "Russia should pull its troops back from the'
        ' border".',
    )


def test_cite_errors(run):
    assert fails(run, "cite", "zzzzzz").startswith("Error: no claim with id 'zzzzzz'")
    assert fails(run, "cite", "rexp").startswith("Error: id prefix 'rexp' is ambiguous")
    assert "Missing argument" in fails(run, "cite", code=2)
    assert "'html' is not one of" in fails(run, "cite", "nukrnor", "--style", "html", code=2)


# --- svg, help and the store -----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "geneva", "brussels"),
        ("diff", "geneva", "brussels", "--cumulative"),
        ("compare", "russia", "us"),
        ("matrix",),
        ("timeline", "expansion"),
    ],
)
def test_svg(run, tmp_path, args):
    picture = tmp_path / "out.svg"
    tsv_out = ok(run, *args, "--svg", str(picture))
    assert tsv_out.split("\t")[0] in ("side", "topic", "id")
    svg = html.unescape(picture.read_text(encoding="utf-8")).replace("\xa0", " ")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert f">claimtrack {args[0]}" in svg
    colours = set(re.findall(r"fill: (#[0-9a-f]{6})", svg))
    assert len(colours) >= (2 if args[0] == "timeline" else 4)  # dim at least; in colour


def test_svg_keeps_store_text_as_text(run, tmp_path):
    picture = tmp_path / "t.svg"
    ok(run, "timeline", "missiles", "--svg", str(picture), "-f", "json")
    svg = html.unescape(picture.read_text(encoding="utf-8")).replace("\xa0", " ")
    assert "We welcome talks on missiles" in svg


def test_svg_cannot_be_written(run, tmp_path):
    message = fails(run, "matrix", "--svg", str(tmp_path / "missing" / "m.svg"))
    assert message.startswith("Error: cannot write the SVG file ")


def test_store_is_unchanged(run, store, tmp_path):
    before = store.read_bytes()
    for args in (
        ("diff", "geneva", "brussels"),
        ("compare", "russia", "us", "--round", "nope"),
        ("gaps",),
        ("matrix", "--svg", str(tmp_path / "m.svg")),
        ("timeline", "expansion"),
        ("cite", "rexpgen"),
    ):
        run(*args)
    assert store.read_bytes() == before


def test_missing_store_exits_3(run, store):
    store.unlink()
    for args in (("diff", "a", "b"), ("compare", "a", "b"), ("gaps",), ("matrix",)):
        assert "claimtrack init" in fails(run, *args, code=3)


@pytest.mark.parametrize(
    ("command", "phrases"),
    [
        ("diff", ["claims in a round are its claims whose round is that round", "raised",
                  "dropped", "shifted", "restated", "reworded", "unchanged",
                  "latest claim on that", "ties: the later created", "dated after ROUND_B"]),
        ("compare", ["latest claim on that", "unanswered", "agreed", "opposed", "open",
                     "first rule that holds", "exclude each other"]),
        ("gaps", ["addressees", "responds to D", "response, acceptance or rejection",
                  "on or after D", "default: the date of the latest claim"]),
        ("matrix", ["claims in a round are its claims whose round is that round",
                    "X rejection", "legend"]),
        ("timeline", ["date order", "responds to"]),
        ("cite", ["reported speech", "Markdown link", "translation"]),
    ],
)  # fmt: skip
def test_help_states_the_rules(run, command, phrases):
    text = " ".join(ok(run, command, "--help").split())
    for phrase in phrases:
        assert phrase in text
