"""The analysis functions and citations, called directly on the hand-built claims."""

from __future__ import annotations

import pytest

from analysis_store import claim, claims
from claimtrack import analysis
from claimtrack.analysis import (
    compare_sides,
    diff_cumulative,
    diff_rounds,
    find_gaps,
    index_claims,
    kind_matrix,
    position,
    topic_timeline,
    verdict,
    word_changes,
)
from claimtrack.citation import cite

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


def ids(found: list[dict] | dict | None) -> list[str] | str | None:
    if found is None:
        return None
    if isinstance(found, dict):
        return found["id"]
    return [c["id"] for c in found]


def summary(rows: list[dict]) -> list[tuple]:
    return [(r["side"], r["topic"], r["status"], ids(r["a"]), ids(r["b"])) for r in rows]


# --- index and positions ---------------------------------------------------------------


def test_index_orders_by_date_then_created(index):
    assert ids(index.claims) == [c["id"] for c in claims()]
    assert index.latest_date == "2022-01-26"
    assert index.sides == {"nato", "russia", "us"}


def test_empty_index():
    empty = index_claims([])
    assert empty.latest_date is None
    assert find_gaps(empty) == []
    assert diff_rounds(empty, "geneva", "brussels") == []


def test_position_is_latest_on_or_before_date(index):
    assert position(index, "russia", "expansion", None)["id"] == "rexprep"
    assert position(index, "russia", "expansion", "2022-01-11")["id"] == "rexpgen"
    assert position(index, "russia", "expansion", "2022-01-12")["id"] == "rexpbru"
    assert position(index, "russia", "expansion", "2022-01-09") is None
    assert position(index, "us", "ukraine", None) is None


def test_position_ties_go_to_the_later_created(index):
    # rmisvst and rmisvac share 2022-01-13; rmisvac was recorded later
    assert position(index, "russia", "missiles", "2022-01-13")["id"] == "rmisvac"


def test_position_counts_claims_outside_rounds(index):
    assert position(index, "russia", "ukraine", "2022-01-20")["id"] == "rukrnor"


# --- diff ------------------------------------------------------------------------------


def test_diff_rounds_every_status(index):
    assert summary(diff_rounds(index, "geneva", "brussels")) == [
        ("nato", "exercises", "raised", [], ["nexebru"]),
        ("nato", "expansion", "raised", [], ["nexpbru"]),
        ("russia", "exercises", "dropped", ["rexegen"], []),
        ("russia", "expansion", "restated", ["rexpgen"], ["rexpbru"]),
        ("us", "exercises", "shifted", ["uexegen"], ["uexebru"]),
        ("us", "missiles", "dropped", ["umisgen"], []),
    ]


def test_diff_rounds_compares_sets_of_kinds(index):
    # vienna: russia acceptance + statement on missiles; none in geneva
    rows = diff_rounds(index, "vienna", "vienna", sides={"russia"})
    assert summary(rows) == [
        ("russia", "missiles", "restated", ["rmisvst", "rmisvac"], ["rmisvst", "rmisvac"])
    ]
    assert analysis.round_status([claim("rmisvac")], [claim("rmisvst"), claim("rmisvac")]) == (
        "shifted"
    )


def test_diff_rounds_filters(index):
    rows = diff_rounds(index, "geneva", "brussels", sides={"us"}, topics={"exercises"})
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


def test_diff_cumulative_backwards_drops(index):
    rows = diff_cumulative(index, "2022-01-12", "2022-01-10", sides={"nato"})
    assert summary(rows) == [
        ("nato", "exercises", "dropped", ["nexebru"], []),
        ("nato", "expansion", "dropped", ["nexpbru"], []),
    ]


def test_diff_cumulative_filters_and_outside_rounds(index):
    rows = diff_cumulative(index, "2022-01-13", "2022-01-26", topics={"ukraine", "missiles"})
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
        ("exercises", "open", "rexerep", "uexebru"),
        ("expansion", "opposed", "rexprep", "uexpvie"),
        ("missiles", "agreed", "rmisvac", "umisgen"),
        ("ukraine", "unanswered", "rukrnor", None),
    ]


def test_compare_as_of(index):
    assert verdicts(compare_sides(index, "us", "russia", as_of="2022-01-12")) == [
        ("exercises", "open", "uexebru", "rexegen"),
        ("expansion", "unanswered", None, "rexpbru"),
        ("missiles", "unanswered", "umisgen", None),
    ]


def test_compare_topics(index):
    rows = compare_sides(index, "russia", "us", as_of="2022-01-13", topics={"missiles"})
    assert verdicts(rows) == [("missiles", "agreed", "rmisvac", "umisgen")]


def test_compare_before_anything(index):
    assert compare_sides(index, "russia", "us", as_of="2021-01-01") == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("acceptance", "demand", "agreed"),
        ("proposal", "acceptance", "agreed"),
        ("acceptance", "acceptance", "agreed"),
        ("acceptance", "rejection", "open"),
        ("acceptance", "warning", "open"),
        ("rejection", "demand", "opposed"),
        ("proposal", "warning", "opposed"),
        ("rejection", "rejection", "open"),
        ("statement", "demand", "open"),
        ("response", "proposal", "open"),
        ("demand", "demand", "open"),
    ],
)
def test_verdict_rules_in_order(a, b, expected):
    assert verdict({"kind": a}, {"kind": b}) == expected
    assert verdict({"kind": b}, {"kind": a}) == expected


def test_verdict_unanswered():
    assert verdict(None, {"kind": "acceptance"}) == "unanswered"
    assert verdict({"kind": "demand"}, None) == "unanswered"


# --- gaps ------------------------------------------------------------------------------


def gap_ids(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["id"], r["days_open"]) for r in rows]


def test_gaps_default_as_of_latest_claim(index):
    rows = find_gaps(index, all_sides=ALL_SIDES)
    assert gap_ids(rows) == [("uexebru", 14), ("nukrnor", 6), ("rexprep", 0)]
    assert rows[0] == {**claim("uexebru"), "days_open": 14}


def test_gaps_as_of_earlier(index):
    # umisgen is answered by russia's acceptance only on 13 Jan; nexebru by a reply on 26 Jan
    rows = find_gaps(index, as_of="2022-01-12", all_sides=ALL_SIDES)
    assert gap_ids(rows) == [("umisgen", 2), ("uexebru", 0), ("nexebru", 0)]


def test_gaps_answer_on_topic_needs_an_addressee(index):
    # rexpgen (to us, nato) is open until nato's rejection on 12 Jan
    assert ("rexpgen", 1) in gap_ids(find_gaps(index, as_of="2022-01-11"))
    # rexegen has no `to`: us, another side, rejected it the same day
    assert "rexegen" not in ids(find_gaps(index, as_of="2022-01-10"))


def test_gaps_filters(index):
    assert gap_ids(find_gaps(index, sides={"us"})) == [("uexebru", 14)]
    assert gap_ids(find_gaps(index, topics={"ukraine"})) == [("nukrnor", 6)]
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
    rows = kind_matrix(index, ROUND_DATES)
    assert [(r["topic"], r["round"], r["side"], r["kinds"]) for r in rows] == [
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


def test_matrix_filters(index):
    rows = kind_matrix(index, ROUND_DATES, sides={"russia"}, topics={"missiles", "expansion"})
    assert [(r["topic"], r["round"]) for r in rows] == [
        ("expansion", "geneva"),
        ("expansion", "brussels"),
        ("expansion", "reply"),
        ("missiles", "vienna"),
    ]
    rows = kind_matrix(index, ROUND_DATES, rounds={"vienna"})
    assert [(r["topic"], r["side"]) for r in rows] == [("expansion", "us"), ("missiles", "russia")]


def test_timeline(index):
    assert ids(topic_timeline(index, "expansion")) == [
        "rexpgen",
        "rexpbru",
        "nexpbru",
        "uexpvie",
        "rexprep",
    ]
    assert ids(topic_timeline(index, "expansion", sides={"us", "nato"})) == ["nexpbru", "uexpvie"]
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


# --- cite ----------------------------------------------------------------------------------


def test_cite_quote_with_translation():
    assert cite(claim("rmisvac"), "Russia") == (
        'Sergei Lavrov (Russia) said on 13 January 2022, as reported by RT Arabic: "We welcome'
        ' talks on missiles" (original: "نرحب بالمحادثات حول الصواريخ").'
    )


def test_cite_paraphrase_is_reported_speech():
    assert cite(claim("rexprep"), "Russia") == (
        "Sergei Lavrov (Russia) said on 26 January 2022, as reported by Interfax, that Russia"
        " still insists on *legally binding* guarantees. https://interfax.com/a_b"
    )


def test_cite_md_links_and_escapes():
    assert cite(claim("rexprep"), "Russia", "md") == (
        "Sergei Lavrov (Russia) said on 26 January 2022, as reported by Interfax, that Russia"
        r" still insists on \*legally binding\* guarantees."
        r" [https://interfax.com/a\_b](https://interfax.com/a_b)"
    )
    assert cite(claim("umisgen"), "United States", "md").endswith(
        r'limits on missiles". [https://state.gov/briefing(1)](https://state.gov/briefing%281%29)'
    )


def test_cite_without_speaker_source_or_url():
    assert cite(claim("nukrnor"), "NATO") == (
        'NATO said on 20 January 2022: "Russia should pull its troops back from the border".'
    )


def test_cite_paraphrase_with_translation_and_own_full_stop():
    given = {**claim("rukrnor"), "text": "نص", "translation": "Text ends here."}
    assert cite(given, "Russia") == (
        "Dmitry Peskov (Russia) said on 20 January 2022, as reported by TASS,"
        " that Text ends here. (original: نص)."
    )
    assert cite({**claim("rukrnor"), "text": "It ends."}, "Russia").endswith("that It ends.")


def test_cite_shows_hidden_characters_and_keeps_one_line():
    given = {**claim("nukrnor"), "text": "line one\nline\u202etwo", "speaker": "[bold]X"}
    assert cite(given, "NATO") == (
        '[bold]X (NATO) said on 20 January 2022: "line one line<U+202E>two".'
    )
