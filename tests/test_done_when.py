"""The issue's "Done when": a fresh store, its vocabulary, twenty claims in Arabic and
English recorded through the CLI, and all of them back through every filter and format.

Expected results come from a plain-Python reading of the CLAIMS table below, not from
claimtrack's own filter code.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli
from claimtrack.model import CLAIM_FIELDS

VOCABULARY = [
    ("side", "add", "russia", "--name", "Russia", "--alias", "روسيا", "--alias", "RU"),
    ("side", "add", "us", "--name", "United States", "--alias", "الولايات المتحدة"),
    ("side", "add", "nato", "--name", "NATO", "--alias", "الناتو"),
    ("topic", "add", "nato-nonexpansion", "--title", "No NATO expansion", "--alias", "التوسع"),
    ("topic", "add", "missiles", "--title", "Missiles in Europe", "--alias", "الصواريخ"),
    ("topic", "add", "exercises", "--title", "Military exercises"),
    ("topic", "add", "sanctions", "--title", "Sanctions", "--alias", "العقوبات"),
    ("round", "add", "geneva", "--date", "2022-01-10", "--name", "Geneva", "--alias", "جنيف"),
    ("round", "add", "nrc", "--date", "2022-01-12", "--name", "NATO-Russia Council"),
    ("round", "add", "osce", "--date", "2022-01-13", "--name", "OSCE", "--venue", "Vienna"),
]

# label: side, to, round, date (None: the round's), topic, kind, speaker, text, translation,
# tags, note. Half in Arabic, half in English, as the sources give them.
Row = tuple[
    str,
    list[str],
    str | None,
    str | None,
    str,
    str,
    str | None,
    str,
    str | None,
    list[str],
    str | None,
]
CLAIMS: dict[str, Row] = {
    "a01": ("russia", ["us", "nato"], None, "2021-12-17", "nato-nonexpansion", "demand",
            "Sergei Ryabkov", "ضمانات قانونية بعدم توسع الناتو شرقا",
            "Legal guarantees that NATO will not expand eastwards", ["treaty"], "Draft treaty"),
    "a02": ("russia", ["nato"], None, "2021-12-17", "missiles", "demand",
            None, "عدم نشر صواريخ متوسطة المدى قرب حدودنا", None, ["treaty", "inf"], None),
    "a03": ("us", ["russia"], None, "2021-12-23", "nato-nonexpansion", "statement",
            "Ned Price", "NATO's open door is not up for negotiation", None, ["open-door"], None),
    "a04": ("russia", ["us"], "geneva", None, "nato-nonexpansion", "demand",
            "Sergei Ryabkov", "It is absolutely mandatory that Ukraine never becomes a member",
            None, [], "Opening statement"),
    "a05": ("us", ["russia"], "geneva", None, "missiles", "proposal",
            "Wendy Sherman", "We are open to reciprocal limits on missile deployments",
            None, ["inf"], None),
    "a06": ("us", ["russia"], "geneva", None, "exercises", "proposal",
            "Wendy Sherman", "Reciprocal limits on the size and scope of exercises",
            None, [], None),
    "a07": ("russia", ["us"], "geneva", "2022-01-11", "nato-nonexpansion", "warning",
            "Sergei Ryabkov", "لا نثق بالولايات المتحدة",
            "We do not trust the United States", [], None),
    "a08": ("nato", ["russia"], "nrc", None, "nato-nonexpansion", "rejection",
            "Jens Stoltenberg", "Russia has no veto over who joins NATO",
            None, ["open-door"], None),
    "a09": ("russia", ["nato"], "nrc", None, "nato-nonexpansion", "demand",
            "Alexander Grushko", "على الناتو التخلي عن سياسة الباب المفتوح",
            "NATO must give up the open-door policy", ["open-door"], None),
    "a10": ("nato", ["russia"], "nrc", None, "missiles", "proposal",
            "Jens Stoltenberg", "We are ready to discuss arms control and missiles",
            None, ["inf"], None),
    "a11": ("russia", [], "nrc", None, "exercises", "warning",
            "Alexander Fomin", "أي تصعيد ستكون له عواقب", "Any escalation will have consequences",
            [], "Deputy defence minister"),
    "a12": ("russia", ["us", "nato"], "osce", None, "nato-nonexpansion", "statement",
            "Alexander Lukashevich", "We are approaching the moment of truth",
            None, [], None),
    "a13": ("us", ["russia"], "osce", None, "sanctions", "warning",
            "Michael Carpenter", "Severe costs if Russia invades Ukraine", None, ["costs"],
            None),
    "a14": ("russia", [], None, "2022-01-14", "nato-nonexpansion", "statement",
            "Sergei Lavrov", "صبرنا نفد", "Our patience has run out", [],
            "Annual press conference"),
    "a15": ("us", ["russia"], None, "2022-01-21", "missiles", "response",
            "Antony Blinken", "We will put our ideas in writing next week", None, [],
            "Geneva meeting"),
    "a16": ("us", ["russia"], None, "2022-01-26", "nato-nonexpansion", "rejection",
            "Antony Blinken", "There is no change, there will be no change", None,
            ["open-door"], None),
    "a17": ("nato", ["russia"], None, "2022-01-26", "missiles", "response",
            "Jens Stoltenberg", "NATO sent its written proposals to Moscow", None, ["inf"], None),
    "a18": ("russia", ["us"], None, "2022-01-27", "nato-nonexpansion", "response",
            "Sergei Lavrov", "الرد الأمريكي لا يتضمن إجابة إيجابية على المسألة الرئيسية",
            "The US reply gives no positive answer on the main issue", [], None),
    "a19": ("russia", ["us"], None, "2022-02-17", "nato-nonexpansion", "response",
            None, "روسيا سترد بإجراءات عسكرية تقنية",
            "Russia will respond with military-technical measures",
            ["treaty"], "Written reply"),
    "a20": ("us", [], None, "2022-02-18", "sanctions", "acceptance",
            "Antony Blinken", "We accept the invitation to meet Lavrov next week",
            None, [], None),
}  # fmt: skip

ROUND_DATES = {"geneva": "2022-01-10", "nrc": "2022-01-12", "osce": "2022-01-13"}
SIDE_NAMES = {"russia": "روسيا", "us": "الولايات المتحدة", "nato": "الناتو"}


def as_claim(row: Row) -> dict[str, Any]:
    side, to, round_, date, topic, kind, speaker, text, translation, tags, note = row
    return {
        "side": side,
        "to": to,
        "round": round_,
        "date": date or ROUND_DATES[round_ or ""],
        "topics": [topic],
        "kind": kind,
        "speaker": speaker,
        "text": text,
        "translation": translation,
        "tags": tags,
        "note": note,
    }


EXPECTED = {label: as_claim(row) for label, row in CLAIMS.items()}


def record_args(row: Row, *, aliases: bool) -> list[str]:
    side, to, round_, date, topic, kind, speaker, text, translation, tags, note = row
    name = SIDE_NAMES.get if aliases else str
    args = ["record", "--side", name(side), "--topic", topic, "--kind", kind]
    for target in to:
        args += ["--to", name(target)]
    for option, value in (
        ("--round", round_),
        ("--date", date),
        ("--speaker", speaker),
        ("--translation", translation),
        ("--note", note),
    ):
        if value is not None:
            args += [option, value]
    for tag in tags:
        args += ["--tag", tag]
    return args


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A store built as a new user would; returns its path and label -> id."""
    path = tmp_path_factory.mktemp("done") / "talks.json"

    def cli_run(*args: str, input: str | None = None) -> Result:
        result = CliRunner().invoke(cli, ["--db", str(path), *args], input=input)
        assert result.exit_code == 0, result.stderr
        return result

    assert cli_run("init").stderr == f"Created a new store at {path}\n"
    for args in VOCABULARY:
        cli_run(*args)
    ids = {}
    for n, (label, row) in enumerate(CLAIMS.items()):
        args = record_args(row, aliases=n % 2 == 1)  # every other claim by Arabic alias
        from_stdin = n % 3 == 0  # every third claim's TEXT is `-`, read from stdin
        text, stdin = ("-", row[7] + "\n") if from_stdin else (row[7], None)
        ids[label] = cli_run(*args, text, input=stdin).stdout.strip()
    return path, ids


List = Callable[..., list[str]]


@pytest.fixture
def listed(store: tuple[Path, dict[str, str]]) -> List:
    """`claimtrack list ARGS --format ids`, as labels."""
    path, ids = store
    label_of = {claim_id: label for label, claim_id in ids.items()}

    def run_list(*args: str) -> list[str]:
        result = CliRunner().invoke(cli, ["--db", str(path), "list", *args, "--format", "ids"])
        assert result.exit_code == 0, result.stderr
        return [label_of[claim_id] for claim_id in result.stdout.split()]

    return run_list


def in_date_order(keep: Callable[[dict[str, Any]], bool]) -> list[str]:
    chosen = [label for label, claim in EXPECTED.items() if keep(claim)]
    # Recorded in label order, so creation time breaks ties in label order.
    return sorted(chosen, key=lambda label: (EXPECTED[label]["date"], label))


def searchable(claim: dict[str, Any]) -> str:
    parts = (claim["text"], claim["translation"], claim["note"], claim["speaker"])
    return "\n".join(p for p in parts if p).lower()


def test_twenty_claims_are_stored_as_recorded(store: tuple[Path, dict[str, str]]) -> None:
    path, ids = store
    claims = json.loads(path.read_bytes())["claims"]
    assert len(claims) == 20 and len(set(ids.values())) == 20
    for label, claim_id in ids.items():
        stored = claims[claim_id]
        assert {k: stored[k] for k in EXPECTED[label]} == EXPECTED[label], label
    assert "ضمانات قانونية" in path.read_text(encoding="utf-8")


def test_no_filter_lists_all_twenty_by_date(listed: List) -> None:
    assert listed() == in_date_order(lambda c: True)


@pytest.mark.parametrize(
    ("option", "values", "field"),
    [
        ("--side", ["russia"], "side"),
        ("--side", ["الولايات المتحدة", "NATO"], "side"),
        ("--round", ["geneva"], "round"),
        ("--round", ["جنيف", "osce"], "round"),
        ("--topic", ["nato-nonexpansion"], "topics"),
        ("--topic", ["الصواريخ", "العقوبات"], "topics"),
        ("--kind", ["demand"], "kind"),
        ("--kind", ["response", "rejection"], "kind"),
    ],
)
def test_single_valued_filters(listed: List, option: str, values: list[str], field: str) -> None:
    slugs = {
        "الولايات المتحدة": "us",
        "NATO": "nato",
        "جنيف": "geneva",
        "الصواريخ": "missiles",
        "العقوبات": "sanctions",
    }
    wanted = {slugs.get(v, v) for v in values}
    args = [arg for value in values for arg in (option, value)]

    def value(claim: dict[str, Any]) -> set[str]:
        return set(claim[field]) if field == "topics" else {claim[field]}

    assert listed(*args) == in_date_order(lambda c: bool(value(c) & wanted))


@pytest.mark.parametrize("targets", [["us"], ["روسيا"], ["us", "nato"]])
def test_to_filter(listed: List, targets: list[str]) -> None:
    wanted = {{"روسيا": "russia"}.get(t, t) for t in targets}
    args = [arg for t in targets for arg in ("--to", t)]
    assert listed(*args) == in_date_order(lambda c: bool(wanted & set(c["to"])))


@pytest.mark.parametrize("tags", [["treaty"], ["INF"], ["open-door", "costs"]])
def test_tag_filter(listed: List, tags: list[str]) -> None:
    wanted = {t.lower() for t in tags}
    args = [arg for t in tags for arg in ("--tag", t)]
    assert listed(*args) == in_date_order(lambda c: bool(wanted & set(c["tags"])))


@pytest.mark.parametrize("speakers", [["lavrov"], ["SERGEI"], ["blinken", "stoltenberg"]])
def test_speaker_filter(listed: List, speakers: list[str]) -> None:
    args = [arg for s in speakers for arg in ("--speaker", s)]
    expected = in_date_order(
        lambda c: any(s.lower() in (c["speaker"] or "").lower() for s in speakers)
    )
    assert expected and listed(*args) == expected


@pytest.mark.parametrize(
    "needles", [["الناتو"], ["open-door"], ["NEXT WEEK"], ["press conference", "صبرنا"]]
)
def test_grep_filter(listed: List, needles: list[str]) -> None:
    args = [arg for n in needles for arg in ("--grep", n)]
    expected = in_date_order(lambda c: any(n.lower() in searchable(c) for n in needles))
    assert expected and listed(*args) == expected


@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("2022-01-10", None),
        (None, "2022-01-12"),
        ("2022-01-12", "2022-01-26"),
        ("2022-01-13", "2022-01-13"),
    ],
)
def test_date_filters_are_inclusive(listed: List, since: str | None, until: str | None) -> None:
    args = [*(["--since", since] if since else []), *(["--until", until] if until else [])]
    expected = in_date_order(
        lambda c: (since is None or c["date"] >= since) and (until is None or c["date"] <= until)
    )
    assert expected and listed(*args) == expected


def test_filters_combine_with_and(listed: List) -> None:
    args = (
        "--side",
        "russia",
        "--topic",
        "nato-nonexpansion",
        "--kind",
        "demand",
        "--kind",
        "response",
    )
    assert listed(*args) == in_date_order(
        lambda c: (
            c["side"] == "russia"
            and "nato-nonexpansion" in c["topics"]
            and c["kind"] in ("demand", "response")
        )
    )
    assert listed("--side", "us", "--since", "2022-01-20", "--grep", "week") == ["a15", "a20"]


def test_sort_reverse_limit(listed: List) -> None:
    by_date = in_date_order(lambda c: True)
    assert listed("--reverse") == by_date[::-1]
    assert listed("--limit", "5") == by_date[:5]
    assert (
        listed("--sort", "side", "--limit", "3")
        == [label for label in by_date if EXPECTED[label]["side"] == "nato"][:3]
    )


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "jsonl", "md", "ids"])
def test_every_format_gives_back_all_twenty(
    store: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    path, ids = store
    result = CliRunner().invoke(cli, ["--db", str(path), "list", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    stored = json.loads(path.read_bytes())["claims"]
    in_order = [stored[ids[label]] for label in in_date_order(lambda c: True)]
    if fmt == "json":
        assert json.loads(out) == in_order
    elif fmt == "jsonl":
        assert [json.loads(line) for line in out.splitlines()] == in_order
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == list(CLAIM_FIELDS)
        assert [row[CLAIM_FIELDS.index("text")] for row in rows[1:]] == [
            c["text"] for c in in_order
        ]
    elif fmt == "tsv":
        lines = out.splitlines()
        assert lines[0].split("\t") == list(CLAIM_FIELDS)
        assert [line.split("\t")[CLAIM_FIELDS.index("text")] for line in lines[1:]] == [
            c["text"] for c in in_order
        ]
    elif fmt == "md":
        lines = out.splitlines()
        assert len(lines) == 22
        for claim, line in zip(in_order, lines[2:], strict=True):
            assert line.startswith(f"| {claim['id']} | {claim['date']}")
            assert claim["text"] in line
    elif fmt == "ids":
        assert out.split() == [c["id"] for c in in_order]
    else:
        for claim in in_order:
            assert claim["id"] in out
        assert "صبرنا نفد" in out
