"""claims.py by plain calls: record, find, edit, remove, filter and sort."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimtrack.claims import (
    SORT_KEYS,
    ClaimFilter,
    ClaimInput,
    edit_claim,
    filter_claims,
    find_claim,
    record_claim,
    remove_claims,
    responses_to,
    round_dates,
    sort_claims,
)
from claimtrack.errors import DateError, InputError, NotFoundError
from claimtrack.model import CLEARABLE_CLAIM_FIELDS, blank_claim, mint_claim_id
from claimtrack.store import Store
from helpers import SEVEN, build_domain, raises_error

CLEARABLE = ", ".join(CLEARABLE_CLAIM_FIELDS)


def at(second: int) -> str:
    return f"2026-01-01T00:00:{second:02d}.000000Z"


def given(**fields: Any) -> ClaimInput:
    base: dict[str, Any] = {"side": "russia", "topics": ["missiles"], "kind": "demand"}
    return ClaimInput(**{**base, **fields})


def add(store: Store, second: int = 1, **fields: Any) -> dict[str, Any]:
    return record_claim(store, given(**fields), at(second))


@pytest.fixture
def seven(domain: Store) -> dict[str, str]:
    """Record SEVEN into the domain store; returns label -> id."""
    ids: dict[str, str] = {}
    for second, (label, fields) in enumerate(SEVEN.items(), start=1):
        ids[label] = record_claim(domain, ClaimInput(**fields), at(second))["id"]
    return ids


def labels(claims: list[dict[str, Any]], ids: dict[str, str]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[c["id"]] for c in claims]


# --- recording -----------------------------------------------------------------------


def test_record_every_field(domain: Store) -> None:
    parent = add(domain, text="first", date="2022-01-01")
    claim = record_claim(
        domain,
        ClaimInput(
            text="  No missiles west of the Urals  ",
            side="RU",
            to=["واشنطن", "nato", "US"],
            round="Geneva",
            date="2022-01-11",
            topics=["توسع الناتو"],
            kind="Warning",
            speaker="Sergei Ryabkov",
            source="TASS",
            url="https://tass.ru/x",
            published="2022-01-12",
            translation="لا صواريخ",
            attribution="paraphrase",
            grade="b2",
            responds_to=parent["id"][:5].upper(),
            tags=["missiles", "missiles", "INF"],
            note="From the press conference",
        ),
        at(2),
    )
    assert claim == {
        "id": mint_claim_id(
            "russia",
            "2022-01-11",
            ["nato-nonexpansion"],
            "  No missiles west of the Urals  ",
            set(),
        ),
        "side": "russia",
        "to": ["us", "nato"],
        "speaker": "Sergei Ryabkov",
        "round": "geneva",
        "date": "2022-01-11",
        "topics": ["nato-nonexpansion"],
        "kind": "warning",
        "text": "  No missiles west of the Urals  ",
        "translation": "لا صواريخ",
        "attribution": "paraphrase",
        "source": "TASS",
        "url": "https://tass.ru/x",
        "published": "2022-01-12",
        "grade": "B2",
        "responds_to": parent["id"],
        "tags": ["missiles", "INF"],
        "note": "From the press conference",
        "created": at(2),
        "updated": at(2),
    }
    assert domain.get("claims", claim["id"]) == claim


def test_record_minimal_fills_every_field(domain: Store) -> None:
    claim = add(domain, text="x", date="2022-01-20")
    assert claim == {
        **blank_claim(),
        "id": claim["id"],
        "side": "russia",
        "date": "2022-01-20",
        "topics": ["missiles"],
        "kind": "demand",
        "text": "x",
        "created": at(1),
        "updated": at(1),
    }
    assert claim["attribution"] == "quote"


def test_date_defaults_to_the_rounds_date(domain: Store) -> None:
    assert add(domain, text="x", round="nrc")["date"] == "2022-01-12"


def test_an_explicit_date_beats_the_rounds(domain: Store) -> None:
    assert add(domain, text="x", round="nrc", date="2022-01-13")["date"] == "2022-01-13"


def test_a_claim_without_date_or_round_is_refused(domain: Store) -> None:
    with raises_error("a claim needs a date or a round", "Give --date DATE or --round ROUND"):
        add(domain, text="x")
    assert domain.count("claims") == 0


def test_required_fields_are_named(domain: Store) -> None:
    with raises_error("a claim needs side, topics, kind, text"):
        record_claim(domain, ClaimInput(date="2022-01-10"), at(1))
    with raises_error("a claim needs kind"):
        record_claim(domain, ClaimInput(text="x", side="us", topics=["missiles"]), at(1))


def test_empty_text_is_refused(domain: Store) -> None:
    with raises_error("text must not be empty"):
        add(domain, text=" \n", date="2022-01-10")


def test_empty_optional_text_is_stored_as_none(domain: Store) -> None:
    claim = add(domain, text="x", date="2022-01-10", speaker="", note=" ", translation="")
    assert (claim["speaker"], claim["note"], claim["translation"]) == (None, None, None)


@pytest.mark.parametrize(
    ("fields", "message", "hint"),
    [
        ({"kind": "threat"}, "unknown kind 'threat'", None),
        ({"grade": "Z9"}, "invalid grade 'Z9'", None),
        ({"url": "tass.ru"}, "invalid url 'tass.ru'", None),
        ({"to": ["russia"]}, "a claim by 'russia' cannot be addressed to itself", None),
        ({"to": ["us", "RU"]}, "a claim by 'russia' cannot be addressed to itself", None),
        ({"speaker": "a\x00b"}, "speaker contains a NUL byte", None),
        ({"text": "x" * 100_001}, "text is 100,001 characters long; the limit is 100,000", None),
        ({"tags": ["ok", " "]}, "tag must not be empty", None),
    ],
)
def test_bad_fields_are_refused(
    domain: Store, fields: dict[str, Any], message: str, hint: str | None
) -> None:
    with pytest.raises(InputError) as info:
        add(domain, **{"text": "x", "date": "2022-01-10", **fields})
    assert info.value.message == message
    assert domain.count("claims") == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"side": "rusia"}, "unknown side 'rusia' (did you mean: russia?)"),
        ({"to": ["nat"]}, "unknown side 'nat' (did you mean: nato?)"),
        ({"topics": ["missile"]}, "unknown topic 'missile' (did you mean: missiles?)"),
        ({"round": "genev"}, "unknown round 'genev' (did you mean: geneva?)"),
        ({"responds_to": "zzzzzz"}, "no claim with id 'zzzzzz'"),
    ],
)
def test_unknown_references_are_not_found(
    domain: Store, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(NotFoundError) as info:
        add(domain, **{"text": "x", "date": "2022-01-10", **fields})
    assert info.value.message == message


@pytest.mark.parametrize("field", ["date", "published"])
def test_bad_dates_are_refused(domain: Store, field: str) -> None:
    with pytest.raises(DateError):
        add(domain, **{"text": "x", "date": "2022-01-10", field: "2022-02-30"})


def test_a_duplicate_is_refused_naming_the_existing_id(domain: Store) -> None:
    first = add(domain, text="No expansion", round="geneva")
    with raises_error(
        f"claim {first['id']} already records this text by 'russia' on 'missiles' on 2022-01-10",
        f"See it with: claimtrack show {first['id']}",
    ):
        add(domain, 2, text="No expansion", side="RU", date="2022-01-10", kind="warning")
    assert domain.count("claims") == 1


@pytest.mark.parametrize(
    "change",
    [
        {"side": "us"},
        {"date": "2022-01-11"},
        {"topics": ["deescalation"]},
        {"text": "No expansion!"},
    ],
)
def test_the_same_text_differing_in_side_date_topic_or_text_is_recorded(
    domain: Store, change: dict[str, str]
) -> None:
    first = add(domain, text="No expansion", date="2022-01-10")
    second = add(domain, 2, **{"text": "No expansion", "date": "2022-01-10", **change})
    assert second["id"] != first["id"]
    assert domain.count("claims") == 2


def test_ids_do_not_depend_on_recording_order(domain: Store, tmp_path: Path) -> None:
    other = build_domain(tmp_path / "copy.json")  # a second analyst's copy
    forwards = {k: record_claim(domain, ClaimInput(**f), at(1))["id"] for k, f in SEVEN.items()}
    backwards = {
        k: record_claim(other, ClaimInput(**f), at(2))["id"] for k, f in reversed(SEVEN.items())
    }
    assert forwards == backwards


# --- finding -------------------------------------------------------------------------


def insert_with_id(store: Store, claim_id: str, **fields: Any) -> None:
    claim = {**blank_claim(), "side": "russia", "topics": ["missiles"], "kind": "demand"}
    claim.update(id=claim_id, date="2022-01-10", text=claim_id, created=at(1), updated=at(1))
    claim.update(fields)
    store.insert("claims", claim_id, claim)


def test_find_by_id_and_by_prefix(domain: Store) -> None:
    insert_with_id(domain, "abcdefghij")
    insert_with_id(domain, "abcdxyzxyz")
    insert_with_id(domain, "qrstuvwxyz")
    assert find_claim(domain, "abcdefghij")["id"] == "abcdefghij"
    assert find_claim(domain, "abcde")["id"] == "abcdefghij"
    assert find_claim(domain, "qrst")["id"] == "qrstuvwxyz"
    assert find_claim(domain, " QRSTU ")["id"] == "qrstuvwxyz"


def test_an_ambiguous_prefix_lists_the_candidates(domain: Store) -> None:
    insert_with_id(domain, "abcdxyzxyz")
    insert_with_id(domain, "abcdefghij")
    insert_with_id(domain, "abcequvwxy")
    with raises_error(
        "id prefix 'abcd' is ambiguous: it matches abcdefghij, abcdxyzxyz", "Type more of the id"
    ):
        find_claim(domain, "abcd")


def test_a_prefix_needs_four_characters(domain: Store) -> None:
    insert_with_id(domain, "abcdefghij")
    with raises_error(
        "no claim with id 'abc'", "An id prefix needs at least 4 characters", NotFoundError
    ):
        find_claim(domain, "abc")


def test_an_unknown_id_is_not_found(domain: Store) -> None:
    insert_with_id(domain, "abcdefghij")
    with raises_error("no claim with id 'abce'", "List ids with: claimtrack list", NotFoundError):
        find_claim(domain, "abce")


def test_find_returns_a_copy(domain: Store) -> None:
    insert_with_id(domain, "abcdefghij")
    find_claim(domain, "abcd")["text"] = "changed"
    assert find_claim(domain, "abcd")["text"] == "abcdefghij"


# --- editing -------------------------------------------------------------------------


def test_edit_keeps_id_and_created_and_changes_updated(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    edited = edit_claim(domain, claim["id"][:4], ClaimInput(kind="rejection"), [], at(9))
    assert edited == {**claim, "kind": "rejection", "updated": at(9)}
    assert domain.get("claims", claim["id"]) == edited


def test_edit_even_of_the_text_keeps_the_id(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    edited = edit_claim(domain, claim["id"], ClaimInput(text="y", side="us"), [], at(9))
    assert (edited["id"], edited["text"], edited["side"]) == (claim["id"], "y", "us")


def test_edit_sets_every_field(domain: Store) -> None:
    parent = add(domain, text="parent", date="2022-01-01")
    claim = add(domain, 2, text="x", round="geneva", tags=["old"], to=["us"])
    edited = edit_claim(
        domain,
        claim["id"],
        ClaimInput(
            to=["nato"],
            speaker="Lavrov",
            source="RIA",
            url="http://ria.ru/1",
            published="2022-01-11",
            translation="ترجمة",
            attribution="paraphrase",
            grade="a1",
            responds_to=parent["id"],
            tags=["new", "newer"],
            note="n",
            topics=["deescalation"],
        ),
        [],
        at(9),
    )
    assert edited == {
        **claim,
        "to": ["nato"],
        "speaker": "Lavrov",
        "source": "RIA",
        "url": "http://ria.ru/1",
        "published": "2022-01-11",
        "translation": "ترجمة",
        "attribution": "paraphrase",
        "grade": "A1",
        "responds_to": parent["id"],
        "tags": ["new", "newer"],
        "note": "n",
        "topics": ["deescalation"],
        "updated": at(9),
    }


def test_edit_clears_every_clearable_field(domain: Store) -> None:
    parent = add(domain, text="parent", date="2022-01-01")
    full = {field: "x" for field in ("speaker", "source", "translation", "note")}
    claim = add(
        domain,
        2,
        text="x",
        round="geneva",
        to=["us"],
        url="https://x.org",
        published="2022-01-11",
        grade="B2",
        responds_to=parent["id"],
        tags=["t"],
        **full,
    )
    edited = edit_claim(domain, claim["id"], ClaimInput(), CLEARABLE_CLAIM_FIELDS, at(9))
    cleared = {f: [] if f in ("to", "tags") else None for f in CLEARABLE_CLAIM_FIELDS}
    assert edited == {**claim, **cleared, "updated": at(9)}
    assert edited["date"] == "2022-01-10"  # the round's date stays when the round goes


@pytest.mark.parametrize("field", ["id", "text", "side", "date", "created", "attribution", "nope"])
def test_edit_refuses_to_clear_other_fields(domain: Store, field: str) -> None:
    claim = add(domain, text="x", round="geneva")
    with raises_error(f"cannot clear '{field}'", f"Clearable: {CLEARABLE}"):
        edit_claim(domain, claim["id"], ClaimInput(), [field], at(9))


def test_a_new_round_moves_a_date_that_came_from_the_old_round(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    assert edit_claim(domain, claim["id"], ClaimInput(round="nrc"), [], at(9))["date"] == (
        "2022-01-12"
    )


def test_a_new_round_keeps_a_date_of_its_own(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva", date="2022-01-11")
    edited = edit_claim(domain, claim["id"], ClaimInput(round="nrc"), [], at(9))
    assert (edited["round"], edited["date"]) == ("nrc", "2022-01-11")


def test_a_new_round_and_date_together(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    edited = edit_claim(domain, claim["id"], ClaimInput(round="nrc", date="2022-01-20"), [], at(9))
    assert (edited["round"], edited["date"]) == ("nrc", "2022-01-20")


def test_a_round_given_to_a_claim_without_one_keeps_its_date(domain: Store) -> None:
    claim = add(domain, text="x", date="2022-01-09")
    edited = edit_claim(domain, claim["id"], ClaimInput(round="geneva"), [], at(9))
    assert (edited["round"], edited["date"]) == ("geneva", "2022-01-09")


def test_a_repeated_list_option_replaces_the_list(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva", to=["us"], tags=["a", "b"])
    edited = edit_claim(domain, claim["id"], ClaimInput(to=["nato"], tags=["c"]), [], at(9))
    assert (edited["to"], edited["tags"]) == (["nato"], ["c"])


def test_a_claim_cannot_respond_to_itself(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    with raises_error("a claim cannot respond to itself"):
        edit_claim(domain, claim["id"], ClaimInput(responds_to=claim["id"][:6]), [], at(9))
    assert domain.get("claims", claim["id"]) == claim


def test_edit_refuses_to_address_the_side_itself(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva", to=["us"])
    with raises_error("a claim by 'us' cannot be addressed to itself"):
        edit_claim(domain, claim["id"], ClaimInput(side="us"), [], at(9))


def test_edit_refuses_to_make_a_duplicate(domain: Store) -> None:
    first = add(domain, text="x", round="geneva")
    second = add(domain, 2, text="y", round="geneva")
    with raises_error(
        f"claim {first['id']} already records this text by 'russia' on 'missiles' on 2022-01-10",
        f"See it with: claimtrack show {first['id']}",
    ):
        edit_claim(domain, second["id"], ClaimInput(text="x"), [], at(9))


def test_edit_of_nothing_only_touches_updated(domain: Store) -> None:
    claim = add(domain, text="x", round="geneva")
    assert edit_claim(domain, claim["id"], ClaimInput(), [], at(9)) == {
        **claim,
        "updated": at(9),
    }


def test_edit_of_an_unknown_id(domain: Store) -> None:
    with raises_error("no claim with id 'zzzz'", "List ids with: claimtrack list", NotFoundError):
        edit_claim(domain, "zzzz", ClaimInput(kind="demand"), [], at(9))


# --- removing ------------------------------------------------------------------------


def test_remove_by_prefix(domain: Store, seven: dict[str, str]) -> None:
    assert remove_claims(domain, [seven["c2"][:4]], force=False, now=at(9)) == [seven["c2"]]
    assert seven["c2"] not in domain.keys("claims")
    assert domain.count("claims") == 6


def test_remove_several_and_repeats(domain: Store, seven: dict[str, str]) -> None:
    refs = [seven["c2"], seven["c3"][:5], seven["c2"]]
    assert remove_claims(domain, refs, force=False, now=at(9)) == [seven["c2"], seven["c3"]]


def test_removing_an_answered_claim_needs_force(domain: Store, seven: dict[str, str]) -> None:
    reply = edit_claim(domain, seven["c6"], ClaimInput(responds_to=seven["c1"]), [], at(8))
    with raises_error(
        f"claim {seven['c1']} is answered by {seven['c6']}",
        "Use --force to remove it and unlink those replies",
    ):
        remove_claims(domain, [seven["c1"]], force=False, now=at(9))
    assert domain.get("claims", seven["c1"]) is not None
    assert domain.get("claims", seven["c6"]) == reply


def test_force_unlinks_the_replies(domain: Store, seven: dict[str, str]) -> None:
    reply = edit_claim(domain, seven["c6"], ClaimInput(responds_to=seven["c1"]), [], at(8))
    assert remove_claims(domain, [seven["c1"]], force=True, now=at(9)) == [seven["c1"]]
    assert domain.get("claims", seven["c1"]) is None
    assert domain.get("claims", seven["c6"]) == {**reply, "responds_to": None, "updated": at(9)}


def test_removing_a_claim_with_its_replies_needs_no_force(
    domain: Store, seven: dict[str, str]
) -> None:
    edit_claim(domain, seven["c6"], ClaimInput(responds_to=seven["c1"]), [], at(8))
    removed = remove_claims(domain, [seven["c1"], seven["c6"]], force=False, now=at(9))
    assert removed == [seven["c1"], seven["c6"]]


def test_an_unknown_ref_removes_nothing(domain: Store, seven: dict[str, str]) -> None:
    with raises_error("no claim with id 'zzzz'", "List ids with: claimtrack list", NotFoundError):
        remove_claims(domain, [seven["c2"], "zzzz"], force=True, now=at(9))
    assert domain.count("claims") == 7


def test_responses_to_in_date_order(domain: Store, seven: dict[str, str]) -> None:
    edit_claim(domain, seven["c7"], ClaimInput(responds_to=seven["c1"]), [], at(8))
    edit_claim(domain, seven["c6"], ClaimInput(responds_to=seven["c1"]), [], at(8))
    assert labels(responses_to(domain, seven["c1"]), seven) == ["c6", "c7"]
    assert responses_to(domain, seven["c2"]) == []


# --- filtering -----------------------------------------------------------------------


def listed(store: Store, ids: dict[str, str], **wanted: Any) -> list[str]:
    return labels(sort_claims(filter_claims(store, ClaimFilter(**wanted))), ids)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ({}, ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        ({"sides": ["russia"]}, ["c1", "c5", "c4", "c7"]),
        ({"sides": ["RU"]}, ["c1", "c5", "c4", "c7"]),
        ({"sides": ["us", "الناتو"]}, ["c2", "c3", "c6"]),
        ({"to": ["russia"]}, ["c2", "c3"]),
        ({"to": ["nato"]}, ["c1", "c5"]),
        ({"to": ["us", "nato"]}, ["c1", "c5"]),
        ({"rounds": ["geneva"]}, ["c1", "c2"]),
        ({"rounds": ["NRC", "geneva"]}, ["c1", "c2", "c3", "c5"]),
        ({"topics": ["missiles"]}, ["c2", "c5"]),
        ({"topics": ["توسع الناتو", "deescalation"]}, ["c1", "c3", "c4", "c6", "c7"]),
        ({"kinds": ["response"]}, ["c5", "c6"]),
        ({"kinds": ["Demand", "WARNING"]}, ["c1", "c4"]),
        ({"speakers": ["sergei"]}, ["c1", "c4"]),
        ({"speakers": ["SHERMAN", "stoltenberg"]}, ["c2", "c3"]),
        ({"speakers": ["ryab", "nobody"]}, ["c1"]),
        ({"tags": ["guarantees"]}, ["c1", "c3", "c6"]),
        ({"tags": ["GUARANTEES"]}, ["c1", "c3", "c6"]),
        ({"tags": ["open-door", "arms-control"]}, ["c2", "c3"]),
        ({"since": "2022-01-12"}, ["c3", "c5", "c4", "c6", "c7"]),
        ({"until": "2022-01-12"}, ["c1", "c2", "c3", "c5"]),
        ({"since": "2022-01-12", "until": "2022-01-26"}, ["c3", "c5", "c4", "c6"]),
        ({"since": "2022-01-26", "until": "2022-01-26"}, ["c4", "c6"]),
        ({"since": "2022-03-01"}, []),
        ({"grep": ["ضمانات"]}, ["c1"]),  # text
        ({"grep": ["INTERMEDIATE"]}, ["c5"]),  # translation
        ({"grep": ["moscow"]}, ["c4"]),  # note
        ({"grep": ["spokeswoman"]}, ["c7"]),  # speaker
        ({"grep": ["state department"]}, []),  # source is not searched
        ({"grep": ["guarantees"]}, ["c1", "c4"]),  # translation or note
        ({"grep": ["door", "response"]}, ["c3", "c6", "c7"]),
        ({"sides": ["russia"], "topics": ["nato-nonexpansion"]}, ["c1", "c7"]),
        ({"sides": ["russia", "us"], "kinds": ["response"]}, ["c5", "c6"]),
        ({"sides": ["russia"], "rounds": ["nrc"], "kinds": ["response"]}, ["c5"]),
        ({"tags": ["guarantees"], "since": "2022-01-11"}, ["c3", "c6"]),
        ({"grep": ["response"], "sides": ["us"]}, ["c6"]),
        ({"speakers": ["sergei"], "grep": ["ضمانات"]}, ["c1"]),
        ({"sides": ["nato"], "to": ["us"]}, []),
    ],
)
def test_filters(
    domain: Store, seven: dict[str, str], wanted: dict[str, Any], expected: list[str]
) -> None:
    assert listed(domain, seven, **wanted) == expected


def test_a_claim_without_speaker_never_matches_a_speaker_filter(
    domain: Store, seven: dict[str, str]
) -> None:
    assert listed(domain, seven, speakers=["e"]) == ["c1", "c2", "c3", "c5", "c4", "c7"]


@pytest.mark.parametrize(
    ("wanted", "error", "message"),
    [
        ({"sides": ["rusia"]}, NotFoundError, "unknown side 'rusia' (did you mean: russia?)"),
        ({"to": ["china"]}, NotFoundError, "unknown side 'china'"),
        ({"rounds": ["genva"]}, NotFoundError, "unknown round 'genva' (did you mean: geneva?)"),
        (
            {"topics": ["missile"]},
            NotFoundError,
            "unknown topic 'missile' (did you mean: missiles?)",
        ),
        ({"kinds": ["threat"]}, InputError, "unknown kind 'threat'"),
        (
            {"since": "2022-02-01", "until": "2022-01-01"},
            InputError,
            "--since 2022-02-01 is after --until 2022-01-01",
        ),
    ],
)
def test_bad_filters_are_errors_not_empty_results(
    domain: Store, seven: dict[str, str], wanted: dict[str, Any], error: type, message: str
) -> None:
    with pytest.raises(error) as info:
        filter_claims(domain, ClaimFilter(**wanted))
    assert info.value.message == message


@pytest.mark.parametrize("field", ["since", "until"])
def test_bad_filter_dates(domain: Store, field: str) -> None:
    with pytest.raises(DateError):
        filter_claims(domain, ClaimFilter(**{field: "2022-13-01"}))


# --- sorting -------------------------------------------------------------------------


def sorted_labels(store: Store, ids: dict[str, str], by: str, reverse: bool = False) -> list[str]:
    claims = sort_claims(
        store.records("claims"), by, reverse=reverse, round_dates=round_dates(store)
    )
    return labels(claims, ids)


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        # Ties on the key fall back to date, then creation time.
        ("date", ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        ("round", ["c1", "c2", "c3", "c5", "c4", "c6", "c7"]),
        ("side", ["c3", "c1", "c5", "c4", "c7", "c2", "c6"]),
        ("topic", ["c4", "c2", "c5", "c1", "c3", "c6", "c7"]),
        ("kind", ["c1", "c2", "c5", "c6", "c3", "c4", "c7"]),
    ],
)
def test_sort_keys(domain: Store, seven: dict[str, str], by: str, expected: list[str]) -> None:
    assert sorted_labels(domain, seven, by) == expected
    assert sorted_labels(domain, seven, by, reverse=True) == expected[::-1]


def test_sort_keys_are_the_contract() -> None:
    assert SORT_KEYS == ("date", "round", "side", "topic", "kind")


def test_round_sort_follows_round_dates_not_slugs(domain: Store, seven: dict[str, str]) -> None:
    # "aaa" sorts first by name but its round comes last by date.
    from claimtrack.vocab import ROUNDS, add_entry, new_round

    add_entry(domain, ROUNDS, new_round(domain, "aaa", name="Late", date="2022-02-20"))
    edit_claim(domain, seven["c1"], ClaimInput(round="aaa", date="2022-01-10"), [], at(9))
    assert sorted_labels(domain, seven, "round") == ["c2", "c3", "c5", "c1", "c4", "c6", "c7"]


def test_ties_on_date_follow_creation_time(domain: Store) -> None:
    later = add(domain, 5, text="created later", date="2022-01-10")
    earlier = add(domain, 3, text="created earlier", date="2022-01-10")
    assert [c["id"] for c in sort_claims(domain.records("claims"))] == [
        earlier["id"],
        later["id"],
    ]


def test_round_dates(domain: Store) -> None:
    assert round_dates(domain) == {"geneva": "2022-01-10", "nrc": "2022-01-12"}
