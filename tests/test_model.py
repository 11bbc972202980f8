"""model.py by plain calls: slugs, kinds, grades, urls, text checks and claim ids."""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from claimtrack.model import (
    CLAIM_FIELDS,
    CLEARABLE_CLAIM_FIELDS,
    KINDS,
    MAX_TEXT_LENGTH,
    ROUND_FIELDS,
    SCHEMA_VERSION,
    SIDE_FIELDS,
    TOPIC_FIELDS,
    ClaimRecord,
    blank_claim,
    check_aliases,
    check_grade,
    check_kind,
    check_slug,
    check_text,
    check_url,
    looks_like_id,
    mint_claim_id,
)
from helpers import raises_error

SLUG_HINT = "A slug is lowercase letters a-z, digits and single hyphens, e.g. 'nato-expansion'"


# --- the record layouts --------------------------------------------------------------


def test_kinds_are_the_seven_of_the_contract() -> None:
    assert KINDS == (
        "demand",
        "proposal",
        "response",
        "acceptance",
        "rejection",
        "warning",
        "statement",
    )


def test_claim_fields_are_the_contract_names_in_order() -> None:
    assert CLAIM_FIELDS == (
        "id",
        "side",
        "to",
        "speaker",
        "round",
        "date",
        "topics",
        "kind",
        "text",
        "translation",
        "attribution",
        "source",
        "url",
        "published",
        "grade",
        "responds_to",
        "tags",
        "note",
        "created",
        "updated",
    )


def test_vocabulary_fields() -> None:
    assert SIDE_FIELDS == ("slug", "name", "aliases")
    assert TOPIC_FIELDS == ("slug", "title", "description", "aliases")
    assert ROUND_FIELDS == ("slug", "name", "date", "end", "venue", "parties", "note", "aliases")


def test_schema_version_is_a_positive_int() -> None:
    assert isinstance(SCHEMA_VERSION, int)
    assert SCHEMA_VERSION >= 1


def test_clearable_fields_never_include_identity_or_required_fields() -> None:
    required = {"id", "side", "date", "topics", "kind", "text", "created", "updated", "attribution"}
    assert required.isdisjoint(CLEARABLE_CLAIM_FIELDS)
    assert set(CLEARABLE_CLAIM_FIELDS) <= set(CLAIM_FIELDS)


def test_blank_claim_has_every_field_with_its_empty_value() -> None:
    blank = blank_claim()
    assert tuple(blank) == CLAIM_FIELDS
    assert blank["to"] == [] and blank["tags"] == [] and blank["topics"] == []
    assert blank["attribution"] == "quote"
    lists_and_defaults = ("to", "tags", "topics", "attribution")
    assert all(blank[f] is None for f in CLAIM_FIELDS if f not in lists_and_defaults)


def test_claim_record_type_matches_the_field_specification() -> None:
    assert tuple(ClaimRecord.__annotations__) == CLAIM_FIELDS


def test_blank_claims_do_not_share_lists() -> None:
    first, second = blank_claim(), blank_claim()
    first["tags"].append("x")
    assert second["tags"] == []


# --- slugs ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["russia", "us", "nato-nonexpansion", "a", "round-2", "p5-1"])
def test_valid_slugs_pass_unchanged(slug: str) -> None:
    assert check_slug(slug, "side") == slug


@pytest.mark.parametrize(
    "slug",
    ["Russia", "", "-us", "us-", "nato--x", "nato_x", "nato x", "روسيا", "é", "us\n", "a.b"],
)
def test_invalid_slugs_are_refused_naming_the_vocabulary(slug: str) -> None:
    with raises_error(f"invalid topic slug {slug!r}", SLUG_HINT):
        check_slug(slug, "topic")


# --- kinds, grades, urls -------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_accepted(kind: str) -> None:
    assert check_kind(kind) == kind


def test_kind_is_folded_to_lowercase_and_trimmed() -> None:
    assert check_kind(" Demand ") == "demand"
    assert check_kind("REJECTION") == "rejection"


def test_unknown_kind_lists_the_kinds() -> None:
    with raises_error(
        "unknown kind 'threat'",
        "Use one of: demand, proposal, response, acceptance, rejection, warning, statement",
    ):
        check_kind("threat")


@pytest.mark.parametrize(
    ("given", "stored"), [("A1", "A1"), ("b2", "B2"), (" F6 ", "F6"), ("c3", "C3")]
)
def test_grades_are_normalised(given: str, stored: str) -> None:
    assert check_grade(given) == stored


@pytest.mark.parametrize("grade", ["G1", "A0", "A7", "AA", "B22", "2B", "", "B 2"])
def test_bad_grades_are_refused(grade: str) -> None:
    with raises_error(
        f"invalid grade {grade!r}",
        "A grade is an Admiralty code: reliability A-F then credibility 1-6, e.g. B2",
    ):
        check_grade(grade)


@pytest.mark.parametrize(
    "url", ["https://tass.ru/politika/1", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c"]
)
def test_http_urls_pass(url: str) -> None:
    assert check_url(url) == url


def test_url_is_trimmed() -> None:
    assert check_url("  https://example.org/x \n") == "https://example.org/x"


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "example.org", "https://", "https://a b", "javascript:alert(1)"]
)
def test_other_urls_are_refused(url: str) -> None:
    with raises_error(f"invalid url {url!r}", "A url must start with http:// or https://"):
        check_url(url)


# --- text ----------------------------------------------------------------------------


def test_text_passes_unchanged_arabic_included() -> None:
    text = "  ضمانات ملزمة قانونيا\n[bold]  "
    assert check_text(text, "text") == text


@pytest.mark.parametrize("empty", ["", " ", "\n\t "])
def test_empty_optional_text_is_none(empty: str) -> None:
    assert check_text(empty, "note") is None


@pytest.mark.parametrize("empty", ["", " ", "\n\t "])
def test_empty_required_text_is_refused(empty: str) -> None:
    with raises_error("text must not be empty"):
        check_text(empty, "text", required=True)


def test_nul_byte_is_refused() -> None:
    with raises_error("speaker contains a NUL byte"):
        check_text("Lav\x00rov", "speaker")


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "abc\udc80"])
def test_lone_surrogate_is_refused(surrogate: str) -> None:
    with raises_error("text is not valid UTF-8 text", "Check the terminal's or file's encoding"):
        check_text(surrogate, "text")


def test_text_at_the_limit_passes() -> None:
    text = "ب" * MAX_TEXT_LENGTH
    assert MAX_TEXT_LENGTH == 100_000
    assert check_text(text, "text") == text


def test_text_over_the_limit_is_refused() -> None:
    with raises_error("text is 100,001 characters long; the limit is 100,000"):
        check_text("x" * (MAX_TEXT_LENGTH + 1), "text")


def test_aliases_are_trimmed_and_deduplicated_in_order() -> None:
    assert check_aliases(["RU", " RU ", "روسيا", "Russian Federation"]) == [
        "RU",
        "روسيا",
        "Russian Federation",
    ]


def test_empty_alias_is_refused() -> None:
    with raises_error("alias must not be empty"):
        check_aliases(["RU", "  "])


def test_alias_with_nul_is_refused() -> None:
    with raises_error("alias contains a NUL byte"):
        check_aliases(["R\x00U"])


# --- ids -----------------------------------------------------------------------------


def mint(side: str, date: str, topic: str, text: str, taken: set[str]) -> str:
    """The id of a claim on one topic."""
    return mint_claim_id(side, date, [topic], text, taken)


def test_several_topics_give_one_id_in_any_order() -> None:
    both = mint_claim_id("russia", "2022-01-10", ["missiles", "deescalation"], "x", set())
    assert both == mint_claim_id("russia", "2022-01-10", ["deescalation", "missiles"], "x", set())
    assert both == expected_id("russia", "2022-01-10", "deescalation,missiles", "x", "")
    assert both != mint("russia", "2022-01-10", "missiles", "x", set())


def expected_id(*parts: str) -> str:
    """The documented derivation: sha256 of the fields, base32, ten lowercase characters."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return base64.b32encode(digest).decode()[:10].lower()


def test_id_is_ten_base32_characters() -> None:
    claim_id = mint("russia", "2022-01-10", "missiles", "No missiles", set())
    assert len(claim_id) == 10
    assert looks_like_id(claim_id)
    assert claim_id == expected_id("russia", "2022-01-10", "missiles", "No missiles", "")


def test_id_is_stable_for_the_same_content() -> None:
    first = mint("russia", "2022-01-10", "missiles", "ضمانات", set())
    second = mint("russia", "2022-01-10", "missiles", "ضمانات", {"zzzzzzzzzz"})
    assert first == second


@pytest.mark.parametrize(
    "changed",
    [
        ("us", "2022-01-10", "missiles", "No missiles"),
        ("russia", "2022-01-11", "missiles", "No missiles"),
        ("russia", "2022-01-10", "deescalation", "No missiles"),
        ("russia", "2022-01-10", "missiles", "No missiles."),
    ],
)
def test_id_differs_when_any_identifying_field_differs(changed: tuple[str, ...]) -> None:
    base = mint("russia", "2022-01-10", "missiles", "No missiles", set())
    assert mint(*changed, set()) != base


def test_fields_cannot_run_into_each_other() -> None:
    # "ab" + "c" and "a" + "bc" must not hash alike.
    assert mint("ab", "c", "t", "x", set()) != mint("a", "bc", "t", "x", set())


def test_taken_id_falls_back_to_a_fresh_one() -> None:
    parts = ("russia", "2022-01-10", "missiles", "No missiles")
    first = mint(*parts, set())
    second = mint(*parts, {first})
    assert second != first
    assert second == expected_id(*parts, "1")
    assert looks_like_id(second) and len(second) == 10
    third = mint(*parts, {first, second})
    assert third == expected_id(*parts, "2")
    assert len({first, second, third}) == 3


def test_ids_do_not_depend_on_insertion_order() -> None:
    claims = [("russia", f"2022-01-{day:02d}", "missiles", f"claim {day}") for day in range(1, 21)]

    def mint_all(order: list[tuple[str, str, str, str]]) -> dict[tuple[str, ...], str]:
        taken: set[str] = set()
        minted = {}
        for claim in order:
            minted[claim] = mint(*claim, taken)
            taken.add(minted[claim])
        return minted

    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    assert mint_all(claims) == mint_all(shuffled)
    assert len(set(mint_all(claims).values())) == len(claims)


def test_ids_are_unique_across_many_claims() -> None:
    ids = {mint("us", "2022-01-21", "missiles", f"text {n}", set()) for n in range(5000)}
    assert len(ids) == 5000


@pytest.mark.parametrize(
    ("text", "expected"),
    [("abcd", True), ("abcd234567", True), ("abc", False), ("ABCD", False), ("abc1", False)],
)
def test_looks_like_id(text: str, expected: bool) -> None:
    assert looks_like_id(text) is expected
