"""No analytic output depends on recording order or on `created`/`updated`.

The same claims, recorded in two different orders (so with different `created` and
`updated` times), give byte-identical output of diff, compare, gaps, matrix and
timeline in every format, and the same rows from the analysis functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis_store
from analysis_store import make_claim
from claimtrack import analysis
from claimtrack.model import KINDS
from claimtrack.store import empty_data, encode

SIDES = [s["slug"] for s in analysis_store.SIDES]
TOPICS = [t["slug"] for t in analysis_store.TOPICS]
ROUNDS = [r["slug"] for r in analysis_store.ROUNDS]
DATES = ["2022-01-10", "2022-01-12", "2022-01-13", "2022-01-20", "2022-01-26"]
FORMATS = ("table", "tsv", "csv", "json", "jsonl", "md")

COMMANDS: list[tuple[str, ...]] = [
    ("diff", "geneva", "brussels"),
    ("diff", "geneva", "reply", "--cumulative"),
    ("diff", "reply", "geneva", "--cumulative"),
    ("compare", "russia", "us"),
    ("compare", "nato", "russia", "--as-of", "2022-01-13"),
    ("gaps",),
    ("gaps", "--as-of", "2022-01-13"),
    ("matrix",),
    ("matrix", "--by", "week"),
    ("matrix", "--by", "month"),
    ("timeline", "expansion"),
]


@st.composite
def claim_sets(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Claims that share dates, sides and topics often, so that ties are common."""
    count = draw(st.integers(min_value=1, max_value=14))
    claims = []
    for number in range(count):
        earlier = [c["id"] for c in claims]
        claims.append(
            make_claim(
                f"claim{chr(97 + number)}",
                draw(st.sampled_from(SIDES)),
                draw(st.sampled_from(DATES)),
                draw(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=3, unique=True)),
                draw(st.sampled_from(KINDS)),
                draw(st.sampled_from(["Same words", "Other words", "نص"])),
                to=draw(st.lists(st.sampled_from(SIDES), max_size=2, unique=True)),
                round=draw(st.sampled_from([None, *ROUNDS])),
                responds_to=draw(st.sampled_from([None, *earlier])) if earlier else None,
            )
        )
    return claims


def recorded(claims: list[dict[str, Any]], order: list[int]) -> list[dict[str, Any]]:
    """The claims as if recorded in `order`: each gets its own created and updated time."""
    stamped = []
    for second, position in enumerate(order):
        stamp = f"2022-02-01T00:00:{second:02d}.000000Z"
        stamped.append({**claims[position], "created": stamp, "updated": stamp})
    return stamped


def write_store(path: Path, claims: list[dict[str, Any]]) -> Path:
    data = empty_data()
    for table, records in (
        ("sides", analysis_store.SIDES),
        ("topics", analysis_store.TOPICS),
        ("rounds", analysis_store.ROUNDS),
    ):
        data[table] = {r["slug"]: r for r in records}
    data["claims"] = {c["id"]: c for c in claims}
    path.write_bytes(encode(data))
    return path


def outputs(run: Any, store: Path) -> list[tuple[str, ...]]:
    results = []
    with mock.patch.dict("os.environ", {"COLUMNS": "120"}):
        for command in COMMANDS:
            formats = FORMATS + (("ids",) if command[0] in ("gaps", "timeline") else ())
            for fmt in formats:
                result = run("--db", str(store), *command, "--format", fmt)
                assert result.exit_code == 0, result.stderr
                results.append((*command, fmt, result.stdout, result.stderr))
    return results


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(claims=claim_sets(), data=st.data())
def test_every_command_and_format_ignores_recording_order(run, tmp_path, claims, data):
    order = data.draw(st.permutations(range(len(claims))))
    first = write_store(tmp_path / "first.json", recorded(claims, list(range(len(claims)))))
    second = write_store(tmp_path / "second.json", recorded(claims, order))
    assert outputs(run, first) == outputs(run, second)


@settings(max_examples=60, deadline=None)
@given(claims=claim_sets(), data=st.data())
def test_analysis_rows_ignore_recording_order(claims, data):
    order = data.draw(st.permutations(range(len(claims))))
    one = analysis.index_claims(recorded(claims, list(range(len(claims)))))
    other = analysis.index_claims(recorded(claims, order))

    def views(index: analysis.ClaimIndex) -> str:
        rows: list[Any] = [
            analysis.diff_rounds(index, "geneva", "vienna"),
            analysis.diff_cumulative(index, "2022-01-12", "2022-01-26"),
            analysis.compare_sides(index, "russia", "us"),
            analysis.find_gaps(index),
            analysis.kind_matrix(index, {}, by="week").rows,
            [analysis.topic_timeline(index, topic) for topic in TOPICS],
        ]
        # the functions hand back whole claims; the commands drop the stamps
        return json.dumps(_without_stamps(rows), sort_keys=True, ensure_ascii=False)

    assert views(one) == views(other)


def _without_stamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_stamps(v) for k, v in value.items() if k not in ("created", "updated")}
    if isinstance(value, list):
        return [_without_stamps(v) for v in value]
    return value
