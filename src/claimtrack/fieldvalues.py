"""A claim field's value as a person or a file gave it, read into what the store keeps.

Kept apart from `fields` (what each field is) because reading a value needs the
store: a side, topic or round may be named by any alias.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack.checks import (
    check_attribution,
    check_grade,
    check_id,
    check_kind,
    check_labels,
    check_text,
    check_timestamp,
    check_url,
)
from claimtrack.errors import InputError
from claimtrack.fields import ClaimField, ValueType
from claimtrack.store import Store
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, Vocabulary, resolve, resolve_all


def _given_text(value: Any, spec: ClaimField) -> str:
    if not isinstance(value, str):
        raise InputError("must be text")
    return value


def _given_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InputError("must be a list of text")
    return list(value)


def parse_value(store: Store, spec: ClaimField, value: Any) -> Any:
    """The value to store for what was given (None: not given, or empty).

    Texts are checked, slugs and aliases resolved against the store, dates read in
    any form `dates.parse_date` takes. A claim reference is only checked for its
    form here; the caller knows where to look for the claim.
    """
    if spec.many:
        items = _given_list([] if value is None else value)
        if spec.type == "label":
            return check_labels(items, spec.name.removesuffix("s"))
        return list(dict.fromkeys(resolve_all(store, _vocabulary(spec.type), items)))
    if value is None:
        return None
    text = _given_text(value, spec)
    if spec.type == "text":
        return check_text(text, spec.name, required=spec.required)
    if text == "":  # an empty csv cell; a blank value is refused by its parser
        return None
    return _parse_single(store, spec.type, text)


def _parse_single(store: Store, kind: ValueType, text: str) -> Any:
    if kind in ("side", "topic", "round"):
        return resolve(store, _vocabulary(kind), text)
    if kind in ("date",):
        from claimtrack.dates import parse_date

        return parse_date(text)
    parsers: dict[ValueType, Callable[[str], str]] = {
        "id": check_id,
        "claim": check_id,
        "timestamp": check_timestamp,
        "kind": check_kind,
        "attribution": check_attribution,
        "url": check_url,
        "grade": check_grade,
    }
    return parsers[kind](text.strip() if kind in ("id", "claim") else text)


def _vocabulary(kind: ValueType) -> Vocabulary:
    return {"side": SIDES, "topic": TOPICS, "round": ROUNDS}[kind]
