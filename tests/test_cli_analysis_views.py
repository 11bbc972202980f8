"""matrix, timeline, cite and --svg as a user or a script runs them, on the hand-built store."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import analysis_store
from analysis_store import CLAIM_HEADER, as_json, claim, fails, ok, tsv
from claimtrack.commands.analysis_views import matrix_view
from claimtrack.model import KINDS, blank_claim
from claimtrack.store import empty_data, encode


@pytest.fixture(autouse=True)
def store(isolated_store: Path) -> Path:
    return analysis_store.write(isolated_store)


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
                        id=f"c{number}", side=side, round=slug, topics=[topic], kind=kind,
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
    assert lines[0] == CLAIM_HEADER
    assert lines[1:] == [
        "nexpbru\tnato\trussia\tJens Stoltenberg\tbrussels\t2022-01-12\texpansion\trejection"
        "\tNATO's door remains open\t\tquote\t\t\t\t\t\t\t"
        "\t2022-02-01T00:00:06.000000Z\t2022-02-01T00:00:06.000000Z",
        "uexpvie\tus\trussia\tMichael Carpenter\tvienna\t2022-01-13\texpansion\trejection"
        "\tNo one can veto NATO's open door\t\tquote\t\t\t\t\trexpgen\t\t"
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
