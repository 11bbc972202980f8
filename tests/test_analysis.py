"""The analysis functions, called directly on the hand-built claims."""

from __future__ import annotations

import pytest

from analysis_store import claim, claims
from claimtrack import analysis
from claimtrack.analysis import (
    Scope,
    analytic_claim,
    compare_sides,
    diff_cumulative,
    diff_rounds,
    find_gaps,
    index_claims,
    kind_matrix,
    position,
    topic_timeline,
    word_changes,
)

ROUND_DATES = {
    "geneva": "2022-01-10",
    "brussels": "2022-01-12",
    "vienna": "2022-01-13",
    "reply": "2022-01-26",
}
ALL_SIDES = ("nato", "russia", "us")


@pytest.fixture
def index() -> analysis.ClaimIndex:
    return index_claims(reversed(claims()))


def ids(found: list[dict] | None) -> list[str] | None:
    return None if found is None else [c["id"] for c in found]


def summary(rows: list[dict]) -> list[tuple]:
    return [(r["side"], r["topic"], r["status"], ids(r["a"]), ids(r["b"])) for r in rows]


# --- index and positions ---------------------------------------------------------------


def test_index_orders_by_date_then_kind_then_id(index):
    assert ids(index.claims) == [
        *("rexegen", "rexpgen", "umisgen", "uexegen"),  # 10 Jan: demands, proposal, rejection
        *("rexpbru", "nexebru", "uexebru", "nexpbru"),
        *("rmisvac", "uexpvie", "rmisvst"),
        *("nukrnor", "rukrnor"),
        *("rexprep", "rexerep"),
    ]
    assert index.latest_date == "2022-01-26"
    assert index.sides == {"nato", "russia", "us"}


def test_index_ignores_recording_order_and_created():
    shuffled = [{**c, "created": f"2030-01-01T00:00:{99 - n:02d}Z"} for n, c in enumerate(claims())]
    assert ids(index_claims(shuffled).claims) == ids(index_claims(claims()).claims)


def test_empty_index():
    empty = index_claims([])
    assert empty.latest_date is None
    assert find_gaps(empty) == []
    assert diff_rounds(empty, "geneva", "brussels") == []


def test_position_is_the_latest_stance_on_or_before_date(index):
    assert position(index, "russia", "expansion", None).ids == ("rexprep",)
    assert position(index, "russia", "expansion", "2022-01-11").ids == ("rexpgen",)
    assert position(index, "russia", "expansion", "2022-01-12").ids == ("rexpbru",)
    assert position(index, "russia", "expansion", "2022-01-09") is None
    assert position(index, "us", "ukraine", None) is None


def test_position_a_statement_never_replaces_a_stance(index):
    # rexerep (statement, 26 Jan) comes after rexegen (demand, 10 Jan)
    found = position(index, "russia", "exercises", None)
    assert (found.ids, found.label) == (("rexegen",), "demand")
    # the same day: rmisvst (statement) beside rmisvac (acceptance)
    assert position(index, "russia", "missiles", "2022-01-13").ids == ("rmisvac",)


def test_position_counts_claims_outside_rounds(index):
    assert position(index, "russia", "ukraine", "2022-01-20").ids == ("rukrnor",)


# --- diff ------------------------------------------------------------------------------


def test_diff_rounds_every_status(index):
    assert summary(diff_rounds(index, "geneva", "brussels")) == [
        ("nato", "exercises", "raised", [], ["nexebru"]),
        ("nato", "expansion", "raised", [], ["nexpbru"]),
        ("russia", "exercises", "not-restated", ["rexegen"], []),
        ("russia", "expansion", "restated", ["rexpgen"], ["rexpbru"]),
        ("us", "exercises", "shifted", ["uexegen"], ["uexebru"]),
        ("us", "missiles", "not-restated", ["umisgen"], []),
    ]


def test_diff_rounds_compares_sets_of_kinds(index):
    # vienna: russia acceptance + statement on missiles, in kind order
    rows = diff_rounds(index, "vienna", "vienna", scope=Scope(sides={"russia"}))
    assert summary(rows) == [
        ("russia", "missiles", "restated", ["rmisvac", "rmisvst"], ["rmisvac", "rmisvst"])
    ]
    assert analysis.round_status([claim("rmisvac")], [claim("rmisvst"), claim("rmisvac")]) == (
        "shifted"
    )


def test_diff_rounds_filters(index):
    rows = diff_rounds(index, "geneva", "brussels", scope=Scope(sides={"us"}, topics={"exercises"}))
    assert summary(rows) == [("us", "exercises", "shifted", ["uexegen"], ["uexebru"])]


def test_diff_rounds_unused_round(index):
    assert diff_rounds(index, "nowhere", "nothing") == []


def test_diff_cumulative_every_status(index):
    assert summary(diff_cumulative(index, "2022-01-10", "2022-01-12")) == [
        ("nato", "exercises", "raised", [], ["nexebru"]),
        ("nato", "expansion", "raised", [], ["nexpbru"]),
        ("russia", "exercises", "unchanged", ["rexegen"], ["rexegen"]),
        ("russia", "expansion", "reworded", ["rexpgen"], ["rexpbru"]),
        ("us", "exercises", "shifted", ["uexegen"], ["uexebru"]),
        ("us", "missiles", "unchanged", ["umisgen"], ["umisgen"]),
    ]


def test_diff_cumulative_a_later_statement_leaves_the_position_unchanged(index):
    rows = diff_cumulative(index, "2022-01-12", "2022-01-26", scope=Scope(sides={"russia"}))
    assert ("russia", "exercises", "unchanged", ["rexegen"], ["rexegen"]) in summary(rows)


def test_diff_cumulative_backwards_drops(index):
    rows = diff_cumulative(index, "2022-01-12", "2022-01-10", scope=Scope(sides={"nato"}))
    assert summary(rows) == [
        ("nato", "exercises", "dropped", ["nexebru"], []),
        ("nato", "expansion", "dropped", ["nexpbru"], []),
    ]


def test_diff_cumulative_filters_and_outside_rounds(index):
    rows = diff_cumulative(
        index, "2022-01-13", "2022-01-26", scope=Scope(topics={"ukraine", "missiles"})
    )
    assert summary(rows) == [
        ("nato", "ukraine", "raised", [], ["nukrnor"]),
        ("russia", "missiles", "unchanged", ["rmisvac"], ["rmisvac"]),
        ("russia", "ukraine", "raised", [], ["rukrnor"]),
        ("us", "missiles", "unchanged", ["umisgen"], ["umisgen"]),
    ]


# --- compare ---------------------------------------------------------------------------


def verdicts(rows: list[dict]) -> list[tuple]:
    return [(r["topic"], r["verdict"], ids(r["a"]), ids(r["b"])) for r in rows]


def test_compare_every_verdict(index):
    assert verdicts(compare_sides(index, "russia", "us")) == [
        ("exercises", "open", ["rexegen"], ["uexebru"]),
        ("expansion", "opposed", ["rexprep"], ["uexpvie"]),
        ("missiles", "agreed", ["rmisvac"], ["umisgen"]),
        ("ukraine", "unanswered", ["rukrnor"], []),
    ]


def test_compare_as_of(index):
    assert verdicts(compare_sides(index, "us", "russia", as_of="2022-01-12")) == [
        ("exercises", "open", ["uexebru"], ["rexegen"]),
        ("expansion", "unanswered", [], ["rexpbru"]),
        ("missiles", "unanswered", ["umisgen"], []),
    ]


def test_compare_topics(index):
    rows = compare_sides(
        index, "russia", "us", as_of="2022-01-13", scope=Scope(topics={"missiles"})
    )
    assert verdicts(rows) == [("missiles", "agreed", ["rmisvac"], ["umisgen"])]


def test_compare_before_anything(index):
    assert compare_sides(index, "russia", "us", as_of="2021-01-01") == []


# --- gaps ------------------------------------------------------------------------------


def gap_ids(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["id"], r["days_open"]) for r in rows]


def test_gaps_default_as_of_latest_claim(index):
    rows = find_gaps(index, all_sides=ALL_SIDES)
    assert gap_ids(rows) == [("uexebru", 14), ("nukrnor", 6), ("rexprep", 0)]
    expected = {**analytic_claim(claim("uexebru")), "days_open": 14, "open_topics": ["exercises"]}
    assert rows[0] == expected
    assert "created" not in rows[0]


def test_gaps_as_of_earlier(index):
    # umisgen is answered by russia's acceptance only on 13 Jan; nexebru by a reply on 26 Jan;
    # nexebru and uexebru share a date and a kind, so the id decides
    rows = find_gaps(index, as_of="2022-01-12", all_sides=ALL_SIDES)
    assert gap_ids(rows) == [("umisgen", 2), ("nexebru", 0), ("uexebru", 0)]


def test_gaps_answer_on_topic_needs_an_addressee(index):
    # rexpgen (to us, nato) is open until nato's rejection on 12 Jan
    assert ("rexpgen", 1) in gap_ids(find_gaps(index, as_of="2022-01-11"))
    # rexegen has no `to`: us, another side, rejected it the same day
    assert "rexegen" not in ids(find_gaps(index, as_of="2022-01-10"))


def test_gaps_filters(index):
    assert gap_ids(find_gaps(index, scope=Scope(sides={"us"}))) == [("uexebru", 14)]
    assert gap_ids(find_gaps(index, scope=Scope(topics={"ukraine"}))) == [("nukrnor", 6)]
    # nukrnor has no `to`: it is addressed to russia and us, not to nato itself
    assert gap_ids(find_gaps(index, to={"us"})) == [("nukrnor", 6), ("rexprep", 0)]
    assert gap_ids(find_gaps(index, to={"russia"})) == [("uexebru", 14), ("nukrnor", 6)]
    assert gap_ids(find_gaps(index, to={"nato"})) == []


def test_gaps_no_to_uses_all_sides():
    lone = {**claim("nukrnor"), "id": "lone"}
    index = index_claims([lone])
    assert gap_ids(find_gaps(index, all_sides=("nato", "russia"))) == [("lone", 0)]
    assert analysis.addressees(lone, ("nato", "russia", "us")) == {"russia", "us"}


# --- matrix and timeline -----------------------------------------------------------------


def test_matrix_rows(index):
    matrix = kind_matrix(index, ROUND_DATES)
    assert [(r["topic"], r["round"], r["side"], r["kinds"]) for r in matrix.rows] == [
        ("exercises", "geneva", "russia", ["demand"]),
        ("exercises", "geneva", "us", ["rejection"]),
        ("exercises", "brussels", "nato", ["proposal"]),
        ("exercises", "brussels", "us", ["proposal"]),
        ("exercises", "reply", "russia", ["statement"]),
        ("expansion", "geneva", "russia", ["demand"]),
        ("expansion", "brussels", "nato", ["rejection"]),
        ("expansion", "brussels", "russia", ["demand"]),
        ("expansion", "vienna", "us", ["rejection"]),
        ("expansion", "reply", "russia", ["demand"]),
        ("missiles", "geneva", "us", ["proposal"]),
        ("missiles", "vienna", "russia", ["acceptance", "statement"]),
    ]
    # rukrnor and nukrnor belong to no round
    assert matrix.unplaced == 2


def test_matrix_filters(index):
    matrix = kind_matrix(
        index, ROUND_DATES, scope=Scope(sides={"russia"}, topics={"missiles", "expansion"})
    )
    assert [(r["topic"], r["round"]) for r in matrix.rows] == [
        ("expansion", "geneva"),
        ("expansion", "brussels"),
        ("expansion", "reply"),
        ("missiles", "vienna"),
    ]
    assert matrix.unplaced == 0
    assert kind_matrix(index, ROUND_DATES, scope=Scope(topics={"ukraine"})).unplaced == 2
    assert kind_matrix(index, ROUND_DATES, scope=Scope(sides={"nato"})).unplaced == 1
    matrix = kind_matrix(index, ROUND_DATES, rounds={"vienna"})
    assert [(r["topic"], r["side"]) for r in matrix.rows] == [
        ("expansion", "us"),
        ("missiles", "russia"),
    ]
    assert matrix.unplaced == 0  # --round puts claims outside rounds out of scope


def test_matrix_by_week_places_every_claim(index):
    matrix = kind_matrix(index, ROUND_DATES, by="week", scope=Scope(topics={"ukraine", "missiles"}))
    assert [(r["topic"], r["period"], r["side"], r["kinds"]) for r in matrix.rows] == [
        ("missiles", "2022-W02", "russia", ["acceptance", "statement"]),
        ("missiles", "2022-W02", "us", ["proposal"]),
        ("ukraine", "2022-W03", "nato", ["demand"]),
        ("ukraine", "2022-W03", "russia", ["warning"]),
    ]
    assert set(matrix.rows[0]) == {"topic", "period", "side", "kinds"}
    assert matrix.unplaced == 0


def test_matrix_by_month_and_iso_week_years():
    late = [
        {**claim("nukrnor"), "id": "dec", "date": "2021-12-31"},  # ISO week 52 of 2021
        {**claim("nukrnor"), "id": "jan", "date": "2022-01-02"},  # still week 52 of 2021
        {**claim("nukrnor"), "id": "feb", "date": "2022-02-01"},
    ]
    index = index_claims(late)
    assert [r["period"] for r in kind_matrix(index, {}, by="week").rows] == [
        "2021-W52",
        "2022-W05",
    ]
    assert [r["period"] for r in kind_matrix(index, {}, by="month").rows] == [
        "2021-12",
        "2022-01",
        "2022-02",
    ]


def test_timeline(index):
    assert ids(topic_timeline(index, "expansion")) == [
        "rexpgen",
        "rexpbru",
        "nexpbru",
        "uexpvie",
        "rexprep",
    ]
    assert ids(topic_timeline(index, "expansion", scope=Scope(sides={"us", "nato"}))) == [
        "nexpbru",
        "uexpvie",
    ]
    assert topic_timeline(index, "nothing") == []


# --- wording -----------------------------------------------------------------------------


def test_word_changes_marks_changed_words():
    old, new = word_changes("NATO must never expand east", "NATO must not expand east or south")
    assert old == [
        ("NATO ", False),
        ("must ", False),
        ("never ", True),
        ("expand ", False),
        ("east", False),
    ]
    assert new == [
        ("NATO ", False),
        ("must ", False),
        ("not ", True),
        ("expand ", False),
        ("east ", False),
        ("or ", True),
        ("south", True),
    ]


def test_word_changes_keeps_every_character():
    old_text, new_text = "  a\tb\nc ", "b  c d"
    old, new = word_changes(old_text, new_text)
    assert "".join(w for w, _ in old) == old_text
    assert "".join(w for w, _ in new) == new_text
