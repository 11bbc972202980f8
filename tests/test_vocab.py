"""vocab.py by plain calls: resolving names, unknown-entry errors, add, edit and rm."""

from __future__ import annotations

import pytest

from claimtrack.claims import ClaimInput, record_claim
from claimtrack.errors import DateError, InputError, NotFoundError
from claimtrack.store import Store
from claimtrack.vocab import (
    ROUNDS,
    SIDES,
    TOPICS,
    VOCABULARIES,
    add_entry,
    edit_entry,
    entries,
    entry_users,
    get_entry,
    new_round,
    new_side,
    new_topic,
    remove_entry,
    resolve,
    resolve_all,
)
from helpers import raises_error

NOW = "2026-01-01T00:00:00.000000Z"


def claim(store: Store, **fields: str | list[str]) -> str:
    given = ClaimInput(**{"side": "russia", "topics": ["missiles"], "kind": "demand", **fields})
    return str(record_claim(store, given, NOW)["id"])


def test_vocabularies_table() -> None:
    assert VOCABULARIES == {"side": SIDES, "topic": TOPICS, "round": ROUNDS}


# --- resolving -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("russia", "russia"),
        ("Russia", "russia"),
        ("RUSSIA", "russia"),
        ("RU", "russia"),
        ("ru", "russia"),
        ("rU", "russia"),
        ("روسيا", "russia"),
        (" russia ", "russia"),
        ("US", "us"),
        ("واشنطن", "us"),
        ("الناتو", "nato"),
        ("Nato", "nato"),
    ],
)
def test_sides_resolve_by_slug_or_alias_in_any_case(domain: Store, text: str, slug: str) -> None:
    assert resolve(domain, SIDES, text) == slug


@pytest.mark.parametrize(
    ("vocab", "text", "slug"),
    [
        (TOPICS, "NATO-NONEXPANSION", "nato-nonexpansion"),
        (TOPICS, "توسع الناتو", "nato-nonexpansion"),
        (TOPICS, "Missiles", "missiles"),
        (ROUNDS, "GENEVA", "geneva"),
        (ROUNDS, "Nrc", "nrc"),
    ],
)
def test_topics_and_rounds_resolve_in_any_case(
    domain: Store, vocab: object, text: str, slug: str
) -> None:
    assert resolve(domain, vocab, text) == slug  # type: ignore[arg-type]


def test_the_exact_unknown_side_message(domain: Store) -> None:
    with raises_error(
        "unknown side 'rusia' (did you mean: russia?)",
        "Add it with: claimtrack side add rusia --name ...",
        NotFoundError,
    ):
        resolve(domain, SIDES, "rusia")


def test_unknown_entry_without_close_matches(domain: Store) -> None:
    with raises_error(
        "unknown side 'china'", "Add it with: claimtrack side add china --name ...", NotFoundError
    ):
        resolve(domain, SIDES, "china")


def test_unknown_topic_hint_names_the_title_option(domain: Store) -> None:
    with raises_error(
        "unknown topic 'missile' (did you mean: missiles?)",
        "Add it with: claimtrack topic add missile --title ...",
        NotFoundError,
    ):
        resolve(domain, TOPICS, "missile")


def test_unknown_round_hint_names_date_and_name(domain: Store) -> None:
    with raises_error(
        "unknown round 'genva' (did you mean: geneva?)",
        "Add it with: claimtrack round add genva --date ... --name ...",
        NotFoundError,
    ):
        resolve(domain, ROUNDS, "genva")


def test_unknown_name_that_is_no_slug_is_offered_as_an_alias(domain: Store) -> None:
    with raises_error(
        "unknown side 'الصين'",
        "Add it with: claimtrack side add SLUG --name ... --alias 'الصين'",
        NotFoundError,
    ):
        resolve(domain, SIDES, "الصين")


def test_suggestions_come_from_aliases_too(domain: Store) -> None:
    with raises_error(
        "unknown side 'روسي' (did you mean: russia?)",
        "Add it with: claimtrack side add SLUG --name ... --alias 'روسي'",
        NotFoundError,
    ):
        resolve(domain, SIDES, "روسي")


def test_unknown_entry_is_an_input_error_with_exit_1(domain: Store) -> None:
    with pytest.raises(InputError) as info:
        resolve(domain, SIDES, "rusia")
    assert info.value.exit_code == 1
    assert str(info.value) == (
        "unknown side 'rusia' (did you mean: russia?). "
        "Add it with: claimtrack side add rusia --name ..."
    )


def test_a_typo_creates_nothing(domain: Store) -> None:
    with pytest.raises(NotFoundError):
        resolve(domain, SIDES, "rusia")
    assert domain.keys("sides") == {"russia", "us", "nato"}
    assert domain.changes == []


def test_resolve_all_keeps_order_and_drops_repeats(domain: Store) -> None:
    assert resolve_all(domain, SIDES, ["US", "nato", "واشنطن", "ru", "us"]) == [
        "us",
        "nato",
        "russia",
    ]
    assert resolve_all(domain, SIDES, []) == []


def test_resolve_sees_entries_added_after_an_earlier_lookup(domain: Store) -> None:
    assert resolve(domain, SIDES, "RU") == "russia"
    add_entry(domain, SIDES, new_side("ukraine", "Ukraine", ["أوكرانيا"]))
    assert resolve(domain, SIDES, "أوكرانيا") == "ukraine"


def test_get_entry(domain: Store) -> None:
    assert get_entry(domain, SIDES, "RU") == {
        "slug": "russia",
        "name": "Russia",
        "aliases": ["روسيا", "RU"],
    }


# --- listing -------------------------------------------------------------------------


def test_sides_and_topics_list_by_slug(domain: Store) -> None:
    assert [e["slug"] for e in entries(domain, SIDES)] == ["nato", "russia", "us"]
    assert [e["slug"] for e in entries(domain, TOPICS)] == [
        "deescalation",
        "missiles",
        "nato-nonexpansion",
    ]


def test_rounds_list_chronologically(domain: Store) -> None:
    early = new_round(domain, "moscow", name="Moscow", date="2021-12-17")
    add_entry(domain, ROUNDS, early)
    assert [e["slug"] for e in entries(domain, ROUNDS)] == ["moscow", "geneva", "nrc"]


# --- building entries ----------------------------------------------------------------


def test_new_side() -> None:
    assert new_side("ukraine", "Ukraine", ["UA", " UA", "أوكرانيا"]) == {
        "slug": "ukraine",
        "name": "Ukraine",
        "aliases": ["UA", "أوكرانيا"],
    }


def test_new_side_refuses_a_bad_slug_and_an_empty_name() -> None:
    with pytest.raises(InputError, match="invalid side slug 'Ukraine'"):
        new_side("Ukraine", "Ukraine")
    with raises_error("name must not be empty"):
        new_side("ukraine", " ")


def test_new_topic() -> None:
    assert new_topic("osce", "OSCE", "The OSCE track", ["منظمة الأمن"]) == {
        "slug": "osce",
        "title": "OSCE",
        "description": "The OSCE track",
        "aliases": ["منظمة الأمن"],
    }
    assert new_topic("osce", "OSCE")["description"] is None
    with raises_error("title must not be empty"):
        new_topic("osce", "")


def test_new_round_resolves_parties_and_parses_dates(domain: Store) -> None:
    record = new_round(
        domain,
        "vienna",
        name="OSCE Permanent Council",
        date="2022-01-13",
        end="2022-01-14",
        venue="Vienna",
        parties=["روسيا", "US", "russia"],
        note="Third meeting of the week",
        aliases=["فيينا"],
    )
    assert record == {
        "slug": "vienna",
        "name": "OSCE Permanent Council",
        "date": "2022-01-13",
        "end": "2022-01-14",
        "venue": "Vienna",
        "parties": ["russia", "us"],
        "note": "Third meeting of the week",
        "aliases": ["فيينا"],
    }


def test_new_round_minimal(domain: Store) -> None:
    assert new_round(domain, "call", name="Biden-Putin call", date="2021-12-30") == {
        "slug": "call",
        "name": "Biden-Putin call",
        "date": "2021-12-30",
        "end": None,
        "venue": None,
        "parties": [],
        "note": None,
        "aliases": [],
    }


def test_new_round_refuses_an_end_before_its_start(domain: Store) -> None:
    with raises_error("round 'call' ends (2021-12-29) before it starts (2021-12-30)"):
        new_round(domain, "call", name="Call", date="2021-12-30", end="2021-12-29")


def test_new_round_refuses_an_unknown_party(domain: Store) -> None:
    with pytest.raises(NotFoundError, match=r"unknown side 'rusia' \(did you mean: russia\?\)"):
        new_round(domain, "call", name="Call", date="2021-12-30", parties=["rusia"])


def test_new_round_refuses_a_bad_date(domain: Store) -> None:
    with pytest.raises(DateError):
        new_round(domain, "call", name="Call", date="2021-02-30")


# --- adding --------------------------------------------------------------------------


def test_add_entry_stores_it_and_logs_one_change(domain: Store) -> None:
    add_entry(domain, SIDES, new_side("ukraine", "Ukraine"))
    assert domain.get("sides", "ukraine") == {"slug": "ukraine", "name": "Ukraine", "aliases": []}
    assert [(c.table, c.key, c.before) for c in domain.changes] == [("sides", "ukraine", None)]


def test_adding_an_existing_slug_is_refused(domain: Store) -> None:
    with raises_error(
        "side 'russia' already exists", "Change it with: claimtrack side edit russia"
    ):
        add_entry(domain, SIDES, new_side("russia", "Russia again"))
    with raises_error(
        "round 'geneva' already exists", "Change it with: claimtrack round edit geneva"
    ):
        add_entry(domain, ROUNDS, new_round(domain, "geneva", name="G", date="2022-01-10"))


def test_an_alias_may_name_only_one_entry(domain: Store) -> None:
    with raises_error("'ru' already names side 'russia'"):
        add_entry(domain, SIDES, new_side("ukraine", "Ukraine", ["ru"]))
    with raises_error("'ru' already names side 'russia'"):
        add_entry(domain, SIDES, new_side("ru", "Rwanda"))
    assert "ukraine" not in domain.keys("sides")
    assert "ru" not in domain.keys("sides")


def test_the_same_alias_may_name_entries_of_different_vocabularies(domain: Store) -> None:
    add_entry(domain, TOPICS, new_topic("nato", "NATO itself", None, ["RU"]))
    assert resolve(domain, TOPICS, "ru") == "nato"
    assert resolve(domain, SIDES, "ru") == "russia"


# --- editing -------------------------------------------------------------------------


def test_edit_changes_the_name_and_keeps_the_slug(domain: Store) -> None:
    record = edit_entry(domain, SIDES, "RU", {"name": "Russian Federation"})
    assert record == {"slug": "russia", "name": "Russian Federation", "aliases": ["روسيا", "RU"]}
    assert domain.get("sides", "russia") == record
    (change,) = domain.changes
    assert change.before == {"slug": "russia", "name": "Russia", "aliases": ["روسيا", "RU"]}


def test_edit_ignores_fields_not_given(domain: Store) -> None:
    record = edit_entry(domain, TOPICS, "missiles", {"title": None, "description": "INF"})
    assert record["title"] == "Missiles in Europe"
    assert record["description"] == "INF"


def test_edit_adds_and_drops_aliases(domain: Store) -> None:
    record = edit_entry(
        domain, SIDES, "russia", {}, add={"aliases": ["Moscow", "موسكو"]}, drop={"aliases": ["ru"]}
    )
    assert record["aliases"] == ["روسيا", "Moscow", "موسكو"]
    assert resolve(domain, SIDES, "moscow") == "russia"
    with pytest.raises(NotFoundError):
        resolve(domain, SIDES, "RU")


def test_dropping_an_alias_the_entry_lacks_is_refused(domain: Store) -> None:
    with raises_error("side 'russia' has no alias 'RF'"):
        edit_entry(domain, SIDES, "russia", {}, drop={"aliases": ["RF"]})


def test_edit_refuses_an_alias_of_another_entry(domain: Store) -> None:
    with raises_error("'الناتو' already names side 'nato'"):
        edit_entry(domain, SIDES, "us", {}, add={"aliases": ["الناتو"]})
    assert domain.get("sides", "us") == {
        "slug": "us",
        "name": "United States",
        "aliases": ["واشنطن"],
    }


def test_edit_clears_optional_fields(domain: Store) -> None:
    assert edit_entry(domain, SIDES, "russia", {}, clear=["aliases"])["aliases"] == []
    topic = edit_entry(domain, TOPICS, "nato-nonexpansion", {}, clear=["description", "aliases"])
    assert (topic["description"], topic["aliases"]) == (None, [])
    rnd = edit_entry(domain, ROUNDS, "geneva", {}, clear=["end", "venue", "parties", "note"])
    assert (rnd["end"], rnd["venue"], rnd["parties"], rnd["note"]) == (None, None, [], None)


@pytest.mark.parametrize(
    ("vocab", "slug", "field", "clearable"),
    [
        (SIDES, "russia", "name", "aliases"),
        (TOPICS, "missiles", "title", "description, aliases"),
        (ROUNDS, "geneva", "date", "end, venue, parties, note, aliases"),
    ],
)
def test_edit_refuses_to_clear_a_required_field(
    domain: Store, vocab: object, slug: str, field: str, clearable: str
) -> None:
    kind = vocab.kind  # type: ignore[attr-defined]
    with raises_error(f"cannot clear '{field}' of a {kind}", f"Clearable: {clearable}"):
        edit_entry(domain, vocab, slug, {}, clear=[field])  # type: ignore[arg-type]


def test_edit_refuses_an_empty_label(domain: Store) -> None:
    with raises_error("name must not be empty"):
        edit_entry(domain, SIDES, "russia", {"name": "  "})


def test_edit_of_a_round_parses_dates_and_checks_their_order(domain: Store) -> None:
    record = edit_entry(domain, ROUNDS, "nrc", {"date": "2022-01-11", "end": "2022-01-12"})
    assert (record["date"], record["end"]) == ("2022-01-11", "2022-01-12")
    with raises_error("round 'nrc' ends (2022-01-12) before it starts (2022-01-13)"):
        edit_entry(domain, ROUNDS, "nrc", {"date": "2022-01-13"})
    with pytest.raises(DateError):
        edit_entry(domain, ROUNDS, "nrc", {"end": "2022-13-01"})


def test_edit_of_round_parties_takes_aliases(domain: Store) -> None:
    record = edit_entry(
        domain, ROUNDS, "geneva", {}, add={"parties": ["الناتو"]}, drop={"parties": ["واشنطن"]}
    )
    assert record["parties"] == ["russia", "nato"]


def test_dropping_a_party_the_round_lacks_is_refused(domain: Store) -> None:
    with raises_error("round 'geneva' has no party 'nato'"):
        edit_entry(domain, ROUNDS, "geneva", {}, drop={"parties": ["nato"]})


def test_editing_an_unknown_entry_is_not_found(domain: Store) -> None:
    with pytest.raises(NotFoundError, match="unknown topic 'missels'"):
        edit_entry(domain, TOPICS, "missels", {"title": "x"})


# --- removing ------------------------------------------------------------------------


def test_an_unused_entry_is_removed(domain: Store) -> None:
    assert remove_entry(domain, TOPICS, "Deescalation") == "deescalation"
    assert "deescalation" not in domain.keys("topics")
    with pytest.raises(NotFoundError):
        resolve(domain, TOPICS, "deescalation")


def test_a_side_used_by_a_round_is_kept(domain: Store) -> None:
    with raises_error("side 'nato' is still used by round nrc", "Change or remove those first"):
        remove_entry(domain, SIDES, "nato")
    assert "nato" in domain.keys("sides")


def test_a_side_used_by_claims_and_rounds_is_kept(domain: Store) -> None:
    said = claim(domain, side="russia", round="geneva", text="one")
    addressed = claim(domain, side="us", to=["russia"], date="2022-01-20", text="two")
    message = (
        f"side 'russia' is still used by claim {said}, claim {addressed}, round geneva, round nrc"
    )
    assert entry_users(domain, SIDES, "russia") == [
        f"claim {said}",
        f"claim {addressed}",
        "round geneva",
        "round nrc",
    ]
    with raises_error(message, "Change or remove those first"):
        remove_entry(domain, SIDES, "روسيا")


def test_a_topic_used_by_a_claim_is_kept(domain: Store) -> None:
    claim_id = claim(domain, topics=["deescalation"], date="2022-01-20", text="x")
    with raises_error(
        f"topic 'deescalation' is still used by claim {claim_id}", "Change or remove those first"
    ):
        remove_entry(domain, TOPICS, "deescalation")


def test_a_round_used_by_a_claim_is_kept(domain: Store) -> None:
    claim_id = claim(domain, round="nrc", text="x")
    with raises_error(
        f"round 'nrc' is still used by claim {claim_id}", "Change or remove those first"
    ):
        remove_entry(domain, ROUNDS, "nrc")


def test_many_users_are_summarised(domain: Store) -> None:
    ids = [
        claim(domain, topics=["deescalation"], date=f"2022-01-{d:02d}", text="x")
        for d in range(1, 8)
    ]
    with pytest.raises(InputError) as info:
        remove_entry(domain, TOPICS, "deescalation")
    shown = ", ".join(f"claim {i}" for i in ids[:5])
    assert info.value.message == f"topic 'deescalation' is still used by {shown} and 2 more"


def test_removing_an_unknown_entry_is_not_found(domain: Store) -> None:
    with raises_error(
        "unknown round 'genva' (did you mean: geneva?)",
        "Add it with: claimtrack round add genva --date ... --name ...",
        NotFoundError,
    ):
        remove_entry(domain, ROUNDS, "genva")
