"""The quick way of reading a store (typeddecode) gives what the ordinary way gives:
the same data, the same problems, or it stands aside and lets the ordinary way read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.storefile import decode_typed, encode
from claimtrack.typeddecode import decode_checked
from claimtrack.validation import shape_problems
from test_damaged_records import claim, damaged_claims, store

TEXTS = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)


@st.composite
def whole_claims(draw: st.DrawFn) -> dict[str, Any]:
    return claim(
        text=draw(TEXTS.filter(str.strip)),
        translation=draw(st.none() | TEXTS),
        tags=draw(st.lists(TEXTS, max_size=3)),
        note=draw(st.none() | TEXTS),
        kind=draw(st.sampled_from(["demand", "rejection", "plea"])),
        date=draw(st.sampled_from(["2022-01-10", "2022-02-31", "10 January"])),
        topics=draw(st.lists(st.sampled_from(["missiles", "x"]), max_size=2)),
    )


def both_ways(raw: bytes) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    return decode_checked(raw), orjson.loads(raw)


def problems(data: dict[str, Any], *, claims_typed: bool) -> list[str]:
    return list(shape_problems(data, claims_typed=claims_typed))


@settings(max_examples=150, deadline=None)
@given(record=whole_claims() | damaged_claims(), compact=st.booleans())
def test_the_quick_way_agrees_with_the_ordinary_way(record: dict[str, Any], compact: bool) -> None:
    data = store(aaaaaaaaaa=record)
    # The store's own format (what `encode` writes), or one line as another tool might
    raw = json.dumps(data, indent=None if compact else 2, sort_keys=True, ensure_ascii=False)
    raw = raw.encode()
    typed, plain = both_ways(raw)
    if typed is not None:
        assert typed == plain
        assert problems(typed, claims_typed=True) == problems(plain, claims_typed=False)


@given(record=whole_claims())
def test_claims_of_the_right_shape_take_the_quick_way(record: dict[str, Any]) -> None:
    typed, plain = both_ways(encode(store(aaaaaaaaaa=record)))
    assert typed == plain


@pytest.mark.parametrize(
    "change",
    [{"confidence": "high"}, {"to": "us"}, {"text": 1}, {"kind": None}],
    ids=["a field claimtrack does not know", "a text for a list", "a number", "a null"],
)
def test_the_quick_way_stands_aside_when_not_sure(change: dict[str, Any]) -> None:
    assert decode_checked(encode(store(aaaaaaaaaa=claim(**change)))) is None


def test_a_field_claimtrack_does_not_know_is_kept(tmp_path: Path) -> None:
    raw = encode(store(aaaaaaaaaa=claim(confidence="high")))
    data, typed = decode_typed(raw, tmp_path / "store.json")
    assert typed is False
    assert data["claims"]["aaaaaaaaaa"]["confidence"] == "high"


def test_the_rest_of_the_store_is_read_as_orjson_reads_it() -> None:
    data = store()
    data["meta"]["history"] = {"seq": 2**64}
    typed, plain = both_ways(json.dumps(data).encode())
    assert typed == plain
    assert isinstance(typed and typed["meta"]["history"]["seq"], float)
