"""side, topic and round through the CLI: every option, every format, every error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from helpers import Fails, Record, Run, history_entries

SLUG_HINT = "A slug is lowercase letters a-z, digits and single hyphens, e.g. 'nato-expansion'"


def ok(run: Run, *args: str, stderr: str | None = None) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    if stderr is not None:
        assert result.stderr == stderr
    return result


def stored(path: Path, table: str, slug: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(path.read_bytes())[table][slug]
    return record


def history_operations(path: Path) -> list[str]:
    return [entry["operation"] for entry in history_entries(path)]


# --- side ----------------------------------------------------------------------------


def test_side_add_with_every_option(run: Run, isolated_store: Path) -> None:
    result = ok(
        run, "side", "add", "ukraine", "--name", "Ukraine", "--alias", "UA", "-a", "أوكرانيا"
    )
    assert result.stdout == ""
    assert result.stderr == f"Created a new store at {isolated_store}\nAdded side ukraine\n"
    assert stored(isolated_store, "sides", "ukraine") == {
        "slug": "ukraine",
        "name": "Ukraine",
        "aliases": ["UA", "أوكرانيا"],
    }
    assert history_operations(isolated_store) == ["side add"]


def test_side_add_to_an_existing_store(run: Run, vocab_store: Path) -> None:
    assert ok(run, "side", "add", "eu", "--name", "EU").stderr == "Added side eu\n"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("Ukraine", "--name", "U"), f"invalid side slug 'Ukraine'. {SLUG_HINT}"),
        (("uk_raine", "--name", "U"), f"invalid side slug 'uk_raine'. {SLUG_HINT}"),
        (("ukraine", "--name", " "), "name must not be empty"),
        (("ukraine", "--name", "U", "--alias", ""), "alias must not be empty"),
        (
            ("russia", "--name", "Russia"),
            "side 'russia' already exists. Change it with: claimtrack side edit russia",
        ),
        (("ukraine", "--name", "U", "--alias", "ru"), "'ru' already names side 'russia'"),
        (("ru", "--name", "Rwanda"), "'ru' already names side 'russia'"),
        (("ukraine", "--name", "U", "--alias", "الناتو"), "'الناتو' already names side 'nato'"),
    ],
)
def test_side_add_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], error: str
) -> None:
    fails("side", "add", *args, error=error)


def test_side_add_needs_a_name(fails: Fails, vocab_store: Path) -> None:
    fails("side", "add", "ukraine", code=2, error="Missing option '--name'.")


def test_side_add_needs_a_slug(fails: Fails, vocab_store: Path) -> None:
    fails("side", "add", "--name", "U", code=2, error="Missing argument 'SLUG'.")


SIDE_TSV = (
    "slug\tname\taliases\n"
    "nato\tNATO\tالناتو\n"
    "russia\tRussia\tروسيا, RU\n"
    "us\tUnited States\tواشنطن\n"
)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("tsv", SIDE_TSV),
        (
            "csv",
            'slug,name,aliases\nnato,NATO,الناتو\nrussia,Russia,"روسيا, RU"\n'
            "us,United States,واشنطن\n",
        ),
        (
            "md",
            "| slug | name | aliases |\n|---|---|---|\n| nato | NATO | الناتو |\n"
            "| russia | Russia | روسيا, RU |\n| us | United States | واشنطن |\n",
        ),
        ("ids", "nato\nrussia\nus\n"),
        (
            "jsonl",
            '{"aliases":["الناتو"],"name":"NATO","slug":"nato"}\n'
            '{"aliases":["روسيا","RU"],"name":"Russia","slug":"russia"}\n'
            '{"aliases":["واشنطن"],"name":"United States","slug":"us"}\n',
        ),
    ],
)
def test_side_list_formats(run: Run, vocab_store: Path, fmt: str, expected: str) -> None:
    result = ok(run, "side", "list", "--format", fmt)
    assert result.stdout == expected
    assert result.stderr == ""
    assert ok(run, "side", "list", "-f", fmt.upper()).stdout == expected


def test_side_list_json(run: Run, vocab_store: Path) -> None:
    out = ok(run, "side", "list", "--format", "json").stdout
    assert json.loads(out) == [
        {"aliases": ["الناتو"], "name": "NATO", "slug": "nato"},
        {"aliases": ["روسيا", "RU"], "name": "Russia", "slug": "russia"},
        {"aliases": ["واشنطن"], "name": "United States", "slug": "us"},
    ]
    assert out.startswith('[\n  {\n    "aliases": [\n      "الناتو"\n    ],\n')


def test_side_list_defaults_to_tsv_in_a_pipe(run: Run, vocab_store: Path) -> None:
    assert ok(run, "side", "list").stdout == SIDE_TSV


def test_side_list_table(run: Run, vocab_store: Path) -> None:
    lines = ok(run, "side", "list", "--format", "table").stdout.splitlines()
    rows = [line.split() for line in lines if line.strip() and "──" not in line]
    assert rows == [
        ["slug", "name", "aliases"],
        ["nato", "NATO", "الناتو"],
        ["russia", "Russia", "روسيا,", "RU"],
        ["us", "United", "States", "واشنطن"],
    ]


def test_side_list_of_an_empty_store(run: Run) -> None:
    ok(run, "init")
    assert ok(run, "side", "list").stdout == "slug\tname\taliases\n"
    assert ok(run, "side", "list", "-f", "json").stdout == "[]\n"


def test_side_list_rejects_an_unknown_format(fails: Fails, vocab_store: Path) -> None:
    fails(
        "side",
        "list",
        "--format",
        "xml",
        code=2,
        error="Invalid value for '--format' / '-f': 'xml' is not one of "
        "'table', 'tsv', 'csv', 'json', 'jsonl', 'md', 'ids'.",
    )


def test_side_edit_every_option(run: Run, vocab_store: Path) -> None:
    result = ok(
        run,
        "side",
        "edit",
        "RU",
        "--name",
        "Russian Federation",
        "--alias",
        "Moscow",
        "-a",
        "موسكو",
        "--drop-alias",
        "ru",
    )
    assert (result.stdout, result.stderr) == ("", "Updated side russia\n")
    assert stored(vocab_store, "sides", "russia") == {
        "slug": "russia",
        "name": "Russian Federation",
        "aliases": ["روسيا", "Moscow", "موسكو"],
    }
    assert history_operations(vocab_store)[-1] == "side edit"


def test_side_edit_clear_aliases(run: Run, vocab_store: Path) -> None:
    ok(run, "side", "edit", "russia", "--clear", "aliases", stderr="Updated side russia\n")
    assert stored(vocab_store, "sides", "russia")["aliases"] == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("rusia", "--name", "R"),
            "unknown side 'rusia' (did you mean: russia?). "
            "Add it with: claimtrack side add rusia --name ...",
        ),
        (("russia", "--drop-alias", "RF"), "side 'russia' has no alias 'RF'"),
        (("russia", "--alias", "واشنطن"), "'واشنطن' already names side 'us'"),
        (("russia", "--name", ""), "name must not be empty"),
    ],
)
def test_side_edit_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], error: str
) -> None:
    fails("side", "edit", *args, error=error)


def test_side_edit_clear_only_takes_optional_fields(fails: Fails, vocab_store: Path) -> None:
    fails(
        "side",
        "edit",
        "russia",
        "--clear",
        "name",
        code=2,
        error="Invalid value for '--clear': 'name' is not 'aliases'.",
    )


def test_side_rm(run: Run, vocab_store: Path) -> None:
    ok(run, "side", "add", "eu", "--name", "EU", "--alias", "الاتحاد الأوروبي")
    result = ok(run, "side", "rm", "الاتحاد الأوروبي")
    assert (result.stdout, result.stderr) == ("", "Removed side eu\n")
    assert "eu" not in json.loads(vocab_store.read_bytes())["sides"]
    assert history_operations(vocab_store)[-1] == "side rm"


def test_side_rm_refused_while_a_round_uses_it(fails: Fails, vocab_store: Path) -> None:
    fails(
        "side",
        "rm",
        "nato",
        error="side 'nato' is still used by round nrc. Change or remove those first",
    )


def test_side_rm_refused_while_a_claim_uses_it(
    fails: Fails, run: Run, record: Record, vocab_store: Path
) -> None:
    ok(run, "side", "add", "eu", "--name", "EU")
    said = record("x", "-s", "eu", "-T", "missiles", "-k", "statement", "-d", "2022-01-20")
    addressed = record(
        "y", "-s", "us", "--to", "eu", "-T", "missiles", "-k", "demand", "-d", "2022-01-21"
    )
    users = ", ".join(f"claim {claim_id}" for claim_id in sorted([said, addressed]))
    fails(
        "side",
        "rm",
        "eu",
        error=f"side 'eu' is still used by {users}. Change or remove those first",
    )


def test_side_rm_of_an_unknown_side(fails: Fails, vocab_store: Path) -> None:
    fails(
        "side",
        "rm",
        "china",
        error="unknown side 'china'. Add it with: claimtrack side add china --name ...",
    )


# --- topic ---------------------------------------------------------------------------


def test_topic_add_with_every_option(run: Run, vocab_store: Path) -> None:
    result = ok(
        run,
        "topic",
        "add",
        "sanctions",
        "--title",
        "Sanctions",
        "--description",
        "Threatened | imposed",
        "--alias",
        "عقوبات",
        "-a",
        "SANCTIONS-2022",
    )
    assert (result.stdout, result.stderr) == ("", "Added topic sanctions\n")
    assert stored(vocab_store, "topics", "sanctions") == {
        "slug": "sanctions",
        "title": "Sanctions",
        "description": "Threatened | imposed",
        "aliases": ["عقوبات", "SANCTIONS-2022"],
    }


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (("Sanctions", "--title", "S"), 1, f"invalid topic slug 'Sanctions'. {SLUG_HINT}"),
        (("sanctions", "--title", ""), 1, "title must not be empty"),
        (
            ("missiles", "--title", "M"),
            1,
            "topic 'missiles' already exists. Change it with: claimtrack topic edit missiles",
        ),
        (
            ("sanctions", "--title", "S", "--alias", "توسع الناتو"),
            1,
            "'توسع الناتو' already names topic 'nato-nonexpansion'",
        ),
        (("sanctions",), 2, "Missing option '--title'."),
    ],
)
def test_topic_add_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], code: int, error: str
) -> None:
    fails("topic", "add", *args, code=code, error=error)


def test_topic_list_formats(run: Run, vocab_store: Path) -> None:
    ok(run, "topic", "edit", "missiles", "--description", "INF | range\nmissiles")
    assert ok(run, "topic", "list").stdout == (
        "slug\ttitle\tdescription\taliases\n"
        "deescalation\tDe-escalation\t\t\n"
        "missiles\tMissiles in Europe\tINF | range\\nmissiles\t\n"
        "nato-nonexpansion\tNo NATO expansion\t\tتوسع الناتو\n"
    )
    assert ok(run, "topic", "list", "-f", "md").stdout == (
        "| slug | title | description | aliases |\n"
        "|---|---|---|---|\n"
        "| deescalation | De-escalation |  |  |\n"
        "| missiles | Missiles in Europe | INF \\| range<br>missiles |  |\n"
        "| nato-nonexpansion | No NATO expansion |  | توسع الناتو |\n"
    )
    assert ok(run, "topic", "list", "-f", "ids").stdout == (
        "deescalation\nmissiles\nnato-nonexpansion\n"
    )
    assert json.loads(ok(run, "topic", "list", "-f", "json").stdout)[1] == {
        "slug": "missiles",
        "title": "Missiles in Europe",
        "description": "INF | range\nmissiles",
        "aliases": [],
    }


def test_topic_edit_every_option(run: Run, vocab_store: Path) -> None:
    ok(
        run,
        "topic",
        "edit",
        "توسع الناتو",
        "--title",
        "Non-expansion",
        "--description",
        "Article 6 of the draft treaty",
        "--alias",
        "عدم التوسع",
        "--drop-alias",
        "توسع الناتو",
        stderr="Updated topic nato-nonexpansion\n",
    )
    assert stored(vocab_store, "topics", "nato-nonexpansion") == {
        "slug": "nato-nonexpansion",
        "title": "Non-expansion",
        "description": "Article 6 of the draft treaty",
        "aliases": ["عدم التوسع"],
    }
    ok(run, "topic", "edit", "nato-nonexpansion", "--clear", "description", "--clear", "aliases")
    topic = stored(vocab_store, "topics", "nato-nonexpansion")
    assert (topic["description"], topic["aliases"]) == (None, [])


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (
            ("missles", "--title", "M"),
            1,
            "unknown topic 'missles' (did you mean: missiles?). "
            "Add it with: claimtrack topic add missles --title ...",
        ),
        (("missiles", "--title", " "), 1, "title must not be empty"),
        (("missiles", "--drop-alias", "x"), 1, "topic 'missiles' has no alias 'x'"),
        (
            ("missiles", "--clear", "title"),
            2,
            "Invalid value for '--clear': 'title' is not one of 'description', 'aliases'.",
        ),
    ],
)
def test_topic_edit_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], code: int, error: str
) -> None:
    fails("topic", "edit", *args, code=code, error=error)


def test_topic_rm(run: Run, vocab_store: Path) -> None:
    ok(run, "topic", "rm", "DEESCALATION", stderr="Removed topic deescalation\n")
    assert ok(run, "topic", "list", "-f", "ids").stdout == "missiles\nnato-nonexpansion\n"


def test_topic_rm_refused_while_a_claim_uses_it(
    fails: Fails, record: Record, vocab_store: Path
) -> None:
    claim_id = record("x", "-s", "us", "-T", "deescalation", "-k", "demand", "-d", "2022-01-20")
    fails(
        "topic",
        "rm",
        "deescalation",
        error=f"topic 'deescalation' is still used by claim {claim_id}. "
        "Change or remove those first",
    )


# --- round ---------------------------------------------------------------------------


def test_round_add_with_every_option(run: Run, vocab_store: Path) -> None:
    result = ok(
        run,
        "round",
        "add",
        "osce",
        "--date",
        "2022-01-13",
        "--end",
        "2022-01-14",
        "--name",
        "OSCE Permanent Council",
        "--venue",
        "Vienna",
        "--party",
        "RU",
        "--party",
        "واشنطن",
        "--party",
        "nato",
        "--note",
        "Third meeting of the week",
        "--alias",
        "فيينا",
        "-a",
        "vienna",
    )
    assert (result.stdout, result.stderr) == ("", "Added round osce\n")
    assert stored(vocab_store, "rounds", "osce") == {
        "slug": "osce",
        "name": "OSCE Permanent Council",
        "date": "2022-01-13",
        "end": "2022-01-14",
        "venue": "Vienna",
        "parties": ["russia", "us", "nato"],
        "note": "Third meeting of the week",
        "aliases": ["فيينا", "vienna"],
    }


def test_round_add_minimal(run: Run, vocab_store: Path) -> None:
    ok(run, "round", "add", "call", "--date", "2021-12-30", "--name", "Biden-Putin call")
    assert stored(vocab_store, "rounds", "call") == {
        "slug": "call",
        "name": "Biden-Putin call",
        "date": "2021-12-30",
        "end": None,
        "venue": None,
        "parties": [],
        "note": None,
        "aliases": [],
    }


def test_round_add_reads_a_date_with_a_month_name(run: Run, vocab_store: Path) -> None:
    ok(run, "round", "add", "call", "--date", "30 Dec 2021", "--name", "Call")
    assert stored(vocab_store, "rounds", "call")["date"] == "2021-12-30"


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (
            ("call", "--date", "2022-01-20", "--end", "2022-01-19", "--name", "C"),
            1,
            "round 'call' ends (2022-01-19) before it starts (2022-01-20)",
        ),
        (
            ("call", "--date", "2022-01-20", "--name", "C", "--party", "rusia"),
            1,
            "unknown side 'rusia' (did you mean: russia?). "
            "Add it with: claimtrack side add rusia --name ...",
        ),
        (
            ("geneva", "--date", "2022-01-10", "--name", "G"),
            1,
            "round 'geneva' already exists. Change it with: claimtrack round edit geneva",
        ),
        (
            ("Call", "--date", "2022-01-20", "--name", "C"),
            1,
            f"invalid round slug 'Call'. {SLUG_HINT}",
        ),
        (("call", "--date", "2022-01-20", "--name", ""), 1, "name must not be empty"),
        (("call", "--name", "C"), 2, "Missing option '--date'."),
        (("call", "--date", "2022-01-20"), 2, "Missing option '--name'."),
    ],
)
def test_round_add_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], code: int, error: str
) -> None:
    fails("round", "add", *args, code=code, error=error)


@pytest.mark.parametrize("date", ["2022-02-30", "01/02/2022", "Jan 2022", "31 Feb 2022", "soon"])
def test_round_add_refuses_dates_it_cannot_read_without_guessing(
    fails: Fails, vocab_store: Path, date: str
) -> None:
    result = fails("round", "add", "call", "--date", date, "--name", "C", code=1)
    assert date in result.stderr


def test_round_list_is_chronological(run: Run, vocab_store: Path) -> None:
    ok(run, "round", "add", "aaa-late", "--date", "2022-02-01", "--name", "Late")
    ok(run, "round", "add", "zzz-early", "--date", "2021-12-17", "--name", "Early")
    assert ok(run, "round", "list", "-f", "ids").stdout == "zzz-early\ngeneva\nnrc\naaa-late\n"
    assert ok(run, "round", "list").stdout == (
        "slug\tname\tdate\tend\tvenue\tparties\tnote\taliases\n"
        "zzz-early\tEarly\t2021-12-17\t\t\t\t\t\n"
        "geneva\tGeneva talks\t2022-01-10\t2022-01-10\tGeneva\trussia, us\t\t\n"
        "nrc\tNATO-Russia Council\t2022-01-12\t\t\trussia, nato\t\t\n"
        "aaa-late\tLate\t2022-02-01\t\t\t\t\t\n"
    )
    assert ok(run, "round", "list", "-f", "md").stdout.splitlines()[:3] == [
        "| slug | date | end | name | venue | parties | aliases |",
        "|---|---|---|---|---|---|---|",
        "| zzz-early | 2021-12-17 |  | Early |  |  |  |",
    ]


def test_round_edit_every_option(run: Run, vocab_store: Path) -> None:
    ok(
        run,
        "round",
        "edit",
        "GENEVA",
        "--name",
        "Strategic Stability Dialogue",
        "--date",
        "2022-01-09",
        "--end",
        "2022-01-10",
        "--venue",
        "US mission, Geneva",
        "--note",
        "Dinner on the 9th",
        "--party",
        "nato",
        "--drop-party",
        "واشنطن",
        "--alias",
        "جنيف",
        stderr="Updated round geneva\n",
    )
    assert stored(vocab_store, "rounds", "geneva") == {
        "slug": "geneva",
        "name": "Strategic Stability Dialogue",
        "date": "2022-01-09",
        "end": "2022-01-10",
        "venue": "US mission, Geneva",
        "parties": ["russia", "nato"],
        "note": "Dinner on the 9th",
        "aliases": ["جنيف"],
    }
    ok(run, "round", "edit", "جنيف", "--drop-alias", "جنيف", "--clear", "end", "--clear", "venue")
    ok(run, "round", "edit", "geneva", "--clear", "parties", "--clear", "note")
    assert stored(vocab_store, "rounds", "geneva") == {
        "slug": "geneva",
        "name": "Strategic Stability Dialogue",
        "date": "2022-01-09",
        "end": None,
        "venue": None,
        "parties": [],
        "note": None,
        "aliases": [],
    }


def test_round_edit_keeps_its_claims_dates(run: Run, record: Record, vocab_store: Path) -> None:
    claim_id = record("x", "-s", "russia", "-T", "missiles", "-k", "demand", "-r", "geneva")
    ok(run, "round", "edit", "geneva", "--date", "2022-01-09")
    assert json.loads(vocab_store.read_bytes())["claims"][claim_id]["date"] == "2022-01-10"


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (
            ("geneva", "--end", "2022-01-01"),
            1,
            "round 'geneva' ends (2022-01-01) before it starts (2022-01-10)",
        ),
        (("geneva", "--drop-party", "nato"), 1, "round 'geneva' has no party 'nato'"),
        (("geneva", "--name", " "), 1, "name must not be empty"),
        (
            ("geneva", "--party", "chnia"),
            1,
            "unknown side 'chnia'. Add it with: claimtrack side add chnia --name ...",
        ),
        (
            ("genva", "--name", "G"),
            1,
            "unknown round 'genva' (did you mean: geneva?). "
            "Add it with: claimtrack round add genva --date ... --name ...",
        ),
        (
            ("geneva", "--clear", "date"),
            2,
            "Invalid value for '--clear': 'date' is not one of "
            "'end', 'venue', 'parties', 'note', 'aliases'.",
        ),
    ],
)
def test_round_edit_errors(
    fails: Fails, vocab_store: Path, args: tuple[str, ...], code: int, error: str
) -> None:
    fails("round", "edit", *args, code=code, error=error)


def test_round_rm(run: Run, vocab_store: Path) -> None:
    ok(run, "round", "rm", "nrc", stderr="Removed round nrc\n")
    assert ok(run, "round", "list", "-f", "ids").stdout == "geneva\n"
    ok(run, "side", "rm", "nato", stderr="Removed side nato\n")  # no round uses it now


def test_round_rm_refused_while_a_claim_uses_it(
    fails: Fails, record: Record, vocab_store: Path
) -> None:
    claim_id = record("x", "-s", "russia", "-T", "missiles", "-k", "demand", "-r", "nrc")
    fails(
        "round",
        "rm",
        "nrc",
        error=f"round 'nrc' is still used by claim {claim_id}. Change or remove those first",
    )


def test_round_rm_of_an_unknown_round(fails: Fails, vocab_store: Path) -> None:
    fails(
        "round",
        "rm",
        "vienna",
        error="unknown round 'vienna'. "
        "Add it with: claimtrack round add vienna --date ... --name ...",
    )


# --- round show ----------------------------------------------------------------------


@pytest.fixture
def geneva_claims(record: Record, vocab_store: Path) -> list[str]:
    """Two claims in Geneva (recorded out of order) and one in the NRC."""
    later = record(
        "later", "-s", "us", "-T", "missiles", "-k", "proposal", "-r", "geneva", "-d", "2022-01-11"
    )
    first = record(
        "ضمانات",
        "-s",
        "russia",
        "--to",
        "us",
        "-T",
        "nato-nonexpansion",
        "-k",
        "demand",
        "-r",
        "geneva",
    )
    record("elsewhere", "-s", "nato", "-T", "missiles", "-k", "rejection", "-r", "nrc")
    return [first, later]


def test_round_show_json(run: Run, geneva_claims: list[str]) -> None:
    shown = json.loads(ok(run, "round", "show", "Geneva", "-f", "json").stdout)
    assert [c["id"] for c in shown.pop("claims")] == geneva_claims
    assert shown == {
        "slug": "geneva",
        "name": "Geneva talks",
        "date": "2022-01-10",
        "end": "2022-01-10",
        "venue": "Geneva",
        "parties": ["russia", "us"],
        "note": None,
        "aliases": [],
    }


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl", "md", "ids"])
def test_round_show_other_formats_are_list_round(
    run: Run, geneva_claims: list[str], fmt: str
) -> None:
    shown = ok(run, "round", "show", "geneva", "-f", fmt).stdout
    assert shown == ok(run, "list", "--round", "geneva", "-f", fmt).stdout
    assert ok(run, "round", "show", "geneva", "-f", "ids").stdout == "".join(
        f"{i}\n" for i in geneva_claims
    )


def test_round_show_defaults_to_tsv(run: Run, geneva_claims: list[str]) -> None:
    assert ok(run, "round", "show", "geneva").stdout == ok(run, "list", "-r", "geneva").stdout


def test_round_show_table(
    run: Run, geneva_claims: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    out = ok(run, "round", "show", "geneva", "-f", "table").stdout
    assert "Geneva talks" in out and "russia, us" in out
    assert "Claims" in out
    for claim_id in geneva_claims:
        assert claim_id in out
    assert "elsewhere" not in out
    assert "\x1b" not in out


def test_round_show_of_a_round_without_claims(run: Run, vocab_store: Path) -> None:
    assert json.loads(ok(run, "round", "show", "nrc", "-f", "json").stdout)["claims"] == []
    assert ok(run, "round", "show", "nrc", "-f", "ids").stdout == ""


def test_round_show_of_an_unknown_round(fails: Fails, vocab_store: Path) -> None:
    fails(
        "round",
        "show",
        "genva",
        error="unknown round 'genva' (did you mean: geneva?). "
        "Add it with: claimtrack round add genva --date ... --name ...",
    )
