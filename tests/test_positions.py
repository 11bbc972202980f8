"""Positions and verdicts: stance kinds, same-day claims, several topics, mixed."""

from __future__ import annotations

import pytest

from analysis_store import make_claim
from claimtrack.analysis import (
    Scope,
    compare_sides,
    diff_cumulative,
    find_gaps,
    index_claims,
    verdict,
)
from claimtrack.positions import Position, position


def verdicts(rows: list[dict]) -> list[tuple]:
    return [
        (r["topic"], r["verdict"], [c["id"] for c in r["a"]], [c["id"] for c in r["b"]])
        for r in rows
    ]


def test_a_same_day_comment_does_not_hide_a_rejection():
    claims = [
        make_claim("ruplan", "russia", "2022-03-06", "corridors", "proposal", to=["ukraine"]),
        make_claim("uarej", "ukraine", "2022-03-07", "corridors", "rejection", to=["russia"]),
        make_claim(
            "uacom", "ukraine", "2022-03-07", "corridors", "response", text="small positive shifts"
        ),
    ]
    for order in (claims, claims[::-1]):
        rows = compare_sides(index_claims(order), "ukraine", "russia")
        assert verdicts(rows) == [("corridors", "opposed", ["uarej"], ["ruplan"])]


def test_a_same_day_acceptance_and_rejection_are_mixed():
    claims = [
        make_claim("rudem", "russia", "2022-03-01", "corridors", "demand"),
        make_claim("uaacc", "ukraine", "2022-03-02", "corridors", "acceptance"),
        make_claim("uarej", "ukraine", "2022-03-02", "corridors", "rejection"),
    ]
    rows = compare_sides(index_claims(claims), "russia", "ukraine")
    assert verdicts(rows) == [("corridors", "mixed", ["rudem"], ["uaacc", "uarej"])]
    assert position(index_claims(claims), "ukraine", "corridors", None).label == "mixed"


def test_a_rejection_on_several_topics_answers_every_one():
    claims = [
        make_claim("dexp", "russia", "2022-01-17", "expansion", "demand", to=["nato"]),
        make_claim("dmis", "russia", "2022-01-17", "missiles", "demand", to=["nato"]),
        make_claim("dpos", "russia", "2022-01-17", "posture", "demand", to=["nato"]),
        make_claim(
            "nrej", "nato", "2022-01-26", ["expansion", "missiles"], "rejection", to=["russia"]
        ),
    ]
    index = index_claims(claims)
    assert verdicts(compare_sides(index, "russia", "nato")) == [
        ("expansion", "opposed", ["dexp"], ["nrej"]),
        ("missiles", "opposed", ["dmis"], ["nrej"]),
        ("posture", "unanswered", ["dpos"], []),
    ]
    gaps = find_gaps(index)
    assert [(g["id"], g["open_topics"]) for g in gaps] == [("dpos", ["posture"])]


def test_a_demand_on_several_topics_stays_open_while_one_is_unanswered():
    claims = [
        make_claim("both", "russia", "2022-01-17", ["expansion", "missiles"], "demand", to=["us"]),
        make_claim("urej", "us", "2022-01-26", "expansion", "rejection", to=["russia"]),
    ]
    index = index_claims(claims)
    assert [(g["id"], g["open_topics"]) for g in find_gaps(index)] == [("both", ["missiles"])]
    assert find_gaps(index, scope=Scope(topics={"expansion"})) == []
    assert [g["id"] for g in find_gaps(index, scope=Scope(topics={"missiles"}))] == ["both"]
    # an acceptance on the other topic closes it
    accepted = make_claim("uacc", "us", "2022-01-27", "missiles", "acceptance")
    assert find_gaps(index_claims([*claims, accepted])) == []


def test_a_reply_answers_every_topic_of_the_claim_it_names():
    claims = [
        make_claim("both", "russia", "2022-01-17", ["expansion", "missiles"], "demand", to=["us"]),
        make_claim("note", "us", "2022-01-20", "exercises", "statement", responds_to="both"),
    ]
    assert find_gaps(index_claims(claims)) == []
    # a reply dated after the as-of date does not count yet
    assert [g["id"] for g in find_gaps(index_claims(claims), as_of="2022-01-19")] == ["both"]


def test_an_answer_before_the_demand_does_not_answer_it():
    claims = [
        make_claim("urej", "us", "2022-01-10", "expansion", "rejection"),
        make_claim("rdem", "russia", "2022-01-12", "expansion", "demand", to=["us"]),
    ]
    assert [g["id"] for g in find_gaps(index_claims(claims))] == ["rdem"]


def test_non_committal_is_made_of_the_latest_day_a_side_spoke():
    claims = [
        make_claim("rdem", "russia", "2022-01-10", "expansion", "demand"),
        make_claim("fst1", "france", "2022-01-11", "expansion", "statement"),
        make_claim("fre1", "france", "2022-01-12", "expansion", "response"),
        make_claim("fst2", "france", "2022-01-12", "expansion", "statement"),
    ]
    index = index_claims(claims)
    found = position(index, "france", "expansion", None)
    assert (found.ids, found.label, found.non_committal) == (
        ("fre1", "fst2"),
        "non-committal",
        True,
    )
    assert position(index, "france", "expansion", "2022-01-11").ids == ("fst1",)
    assert verdicts(compare_sides(index, "russia", "france")) == [
        ("expansion", "open", ["rdem"], ["fre1", "fst2"])
    ]


def test_a_stance_after_non_committal_claims_replaces_them():
    claims = [
        make_claim("fst1", "france", "2022-01-11", "expansion", "statement"),
        make_claim("facc", "france", "2022-01-12", "expansion", "acceptance"),
        make_claim("fst2", "france", "2022-01-13", "expansion", "statement"),
    ]
    index = index_claims(claims)
    rows = diff_cumulative(index, "2022-01-11", "2022-01-13")
    assert [(r["status"], [c["id"] for c in r["a"]], [c["id"] for c in r["b"]]) for r in rows] == [
        ("shifted", ["fst1"], ["facc"])
    ]


def test_cumulative_reworded_and_shifted_compare_sets_of_kinds():
    claims = [
        make_claim("d1", "russia", "2022-01-10", "expansion", "demand"),
        make_claim("w1", "russia", "2022-01-10", "expansion", "warning"),
        make_claim("d2", "russia", "2022-01-12", "expansion", "demand"),
        make_claim("w2", "russia", "2022-01-12", "expansion", "warning"),
        make_claim("d3", "russia", "2022-01-14", "expansion", "demand"),
    ]
    index = index_claims(claims)
    status = [r["status"] for r in diff_cumulative(index, "2022-01-10", "2022-01-12")]
    assert status == ["reworded"]
    status = [r["status"] for r in diff_cumulative(index, "2022-01-12", "2022-01-14")]
    assert status == ["shifted"]


def stance(*kinds: str) -> Position:
    return Position(
        tuple(make_claim(f"c{i}", "s", "2022-01-01", "t", k) for i, k in enumerate(kinds))
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("acceptance",), ("demand",), "agreed"),
        (("proposal",), ("acceptance",), "agreed"),
        (("acceptance",), ("acceptance",), "agreed"),
        (("acceptance", "demand"), ("proposal", "demand"), "agreed"),
        (("acceptance",), ("demand", "warning"), "open"),
        (("acceptance",), ("rejection",), "open"),
        (("acceptance", "rejection"), ("demand",), "mixed"),
        (("acceptance", "warning"), ("rejection",), "mixed"),
        (("rejection",), ("demand",), "opposed"),
        (("proposal",), ("warning",), "opposed"),
        (("rejection", "warning"), ("demand", "warning"), "opposed"),
        (("rejection", "demand"), ("demand",), "open"),
        (("rejection",), ("rejection",), "open"),
        (("statement",), ("demand",), "open"),
        (("response",), ("acceptance",), "open"),
        (("demand",), ("demand",), "open"),
    ],
)
def test_verdict_rules_in_order(a, b, expected):
    assert verdict(stance(*a), stance(*b)) == expected
    assert verdict(stance(*b), stance(*a)) == expected


def test_verdict_unanswered():
    assert verdict(None, stance("acceptance")) == "unanswered"
    assert verdict(stance("demand", "acceptance", "rejection"), None) == "unanswered"


def test_position_labels():
    assert stance("warning", "demand").label == "demand, warning"
    assert stance("statement", "response").label == "non-committal"
    assert stance("acceptance", "warning", "statement").label == "mixed"
    assert stance("warning", "demand", "statement").kinds == ("demand", "warning")
