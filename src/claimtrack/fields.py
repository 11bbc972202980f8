"""The claim's fields, defined once: type, required, list or not, clearable, help.

Everything else that knows a claim's fields is derived from `CLAIM_SPEC`: the field
order and empty claim (`model`), recording and editing (`claims`), the record/edit
options (`commands.claims`), import checks (`importing`), `check`'s rules
(`integrity`), the csv columns (`exchange`) and the merge driver's validation. Adding
a field is one entry here (and, if it needs a new kind of value, one checker below).

Two kinds of checking share these definitions:

- `stored_problem` says what is wrong with a value as a store holds it (exact shape,
  no lookups): used on load, by `check`, by the merge driver.
- `parse_value` turns what a person or a file gave (text, a list of texts) into the
  value to store, resolving aliases against the store: used by `record`, `edit`
  and `import`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

from claimtrack.checks import (
    ATTRIBUTIONS,
    KINDS,
    check_grade,
    check_text,
    check_url,
    is_date,
    is_slug,
    is_timestamp,
    looks_like_id,
)
from claimtrack.errors import InputError

ValueType = Literal[
    "id", "side", "topic", "round", "claim", "date", "timestamp", "text", "label", "kind",
    "attribution", "url", "grade",
]  # fmt: skip


@dataclass(frozen=True)
class Option:
    """How `record` and `edit` take a field on the command line."""

    flag: str
    short: str | None = None
    metavar: str | None = None


@dataclass(frozen=True)
class ClaimField:
    name: str
    type: ValueType
    help: str
    # A stored claim must hold a non-empty value (for a list: at least one item).
    required: bool = False
    many: bool = False
    # `edit --clear` may empty it.
    clearable: bool = False
    # Filled in when a new claim leaves it out (minted, from the round, or `default`).
    defaulted: bool = False
    default: Any = None
    option: Option | None = None

    @property
    def empty(self) -> Any:
        return [] if self.many else None

    @property
    def input_required(self) -> bool:
        """Whether a new claim must be given it (rather than have it filled in)."""
        return self.required and not self.defaulted


_ATTRIBUTION_HELP = (
    "Whose wording TEXT is: quote (the speaker's own), readout (an official "
    "statement's about the speaker) or paraphrase (the reporter's)."
)

CLAIM_SPEC: Final = (
    ClaimField("id", "id", "The claim's id, minted from what it says.", True, defaulted=True),
    ClaimField(
        "side",
        "side",
        "Who states it (slug or alias).",
        True,
        option=Option("--side", "-s", "SIDE"),
    ),
    ClaimField(
        "to",
        "side",
        "Side addressed; repeat.",
        many=True,
        clearable=True,
        option=Option("--to", "-t", "SIDE"),
    ),
    ClaimField(
        "speaker",
        "text",
        "Who said it: a person's slug or alias (stores their name; the side defaults to "
        "theirs), or any name, e.g. 'Sergei Lavrov'.",
        clearable=True,
        option=Option("--speaker", None, "TEXT"),
    ),
    ClaimField(
        "round",
        "round",
        "The round it belongs to.",
        clearable=True,
        option=Option("--round", "-r", "ROUND"),
    ),
    ClaimField(
        "date",
        "date",
        "When [default: the round's date].",
        True,
        defaulted=True,
        option=Option("--date", "-d", "DATE"),
    ),
    ClaimField(
        "topics",
        "topic",
        "What it is about; repeat for several.",
        True,
        many=True,
        option=Option("--topic", "-T", "TOPIC"),
    ),
    ClaimField("kind", "kind", "What sort of claim it is.", True, option=Option("--kind", "-k")),
    ClaimField("text", "text", "The words as the source gives them.", True),
    ClaimField(
        "translation",
        "text",
        "A translation of TEXT.",
        clearable=True,
        option=Option("--translation", None, "TEXT"),
    ),
    ClaimField(
        "attribution",
        "attribution",
        _ATTRIBUTION_HELP,
        True,
        defaulted=True,
        default="quote",
        option=Option("--attribution", "-a"),
    ),
    ClaimField(
        "source",
        "text",
        "The outlet that reported it.",
        clearable=True,
        option=Option("--source", None, "OUTLET"),
    ),
    ClaimField(
        "url",
        "url",
        "Where the report is (http or https).",
        clearable=True,
        option=Option("--url", None, "URL"),
    ),
    ClaimField(
        "published",
        "date",
        "When the report was published.",
        clearable=True,
        option=Option("--published", None, "DATE"),
    ),
    ClaimField(
        "grade",
        "grade",
        "Admiralty grade, e.g. B2.",
        clearable=True,
        option=Option("--grade", None, "CODE"),
    ),
    ClaimField(
        "responds_to",
        "claim",
        "The claim this one answers.",
        clearable=True,
        option=Option("--responds-to", None, "ID"),
    ),
    ClaimField(
        "tags",
        "label",
        "A tag; repeat.",
        many=True,
        clearable=True,
        option=Option("--tag", None, "TAG"),
    ),
    ClaimField(
        "note", "text", "Your own note.", clearable=True, option=Option("--note", None, "TEXT")
    ),
    ClaimField("created", "timestamp", "When it was recorded (UTC).", True, defaulted=True),
    ClaimField("updated", "timestamp", "When it last changed (UTC).", True, defaulted=True),
)

FIELDS: Final = {f.name: f for f in CLAIM_SPEC}
CLAIM_FIELDS: Final = tuple(FIELDS)
CLEARABLE_CLAIM_FIELDS: Final = tuple(f.name for f in CLAIM_SPEC if f.clearable)
LIST_FIELDS: Final = frozenset(f.name for f in CLAIM_SPEC if f.many)
DEFAULTED_FIELDS: Final = frozenset(f.name for f in CLAIM_SPEC if f.defaulted)
INPUT_REQUIRED_FIELDS: Final = tuple(f.name for f in CLAIM_SPEC if f.input_required)
# The vocabulary table each reference type points into.
REFERENCES: Final = {"side": "sides", "topic": "topics", "round": "rounds", "claim": "claims"}


def blank_claim() -> dict[str, Any]:
    """Every claim field with its empty value, so json consumers always see every key."""
    return {f.name: f.default if f.default is not None else f.empty for f in CLAIM_SPEC}


# --- stored values ---------------------------------------------------------------------


def _exact(check: Callable[[str], str]) -> Callable[[str], bool]:
    """A stored value must be what its check would store: valid and already normalised."""

    def valid(value: str) -> bool:
        try:
            return check(value) == value
        except InputError:
            return False

    return valid


def _valid_text(value: str) -> bool:
    try:
        check_text(value, "text")
    except InputError:
        return False
    return True


_STORED_CHECKS: Final[dict[ValueType, Callable[[str], bool]]] = {
    "id": looks_like_id,
    "side": is_slug,
    "topic": is_slug,
    "round": is_slug,
    "claim": looks_like_id,
    "date": is_date,
    "timestamp": is_timestamp,
    "text": _valid_text,
    "label": lambda v: bool(v.strip()) and _valid_text(v),
    "kind": lambda v: v in KINDS,
    "attribution": lambda v: v in ATTRIBUTIONS,
    "url": _exact(check_url),
    "grade": _exact(check_grade),
}


def show(value: Any) -> str:
    """A stored value in a message, short and in JSON's spelling."""
    import json

    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:59] + "…")
    try:
        return json.dumps(value, ensure_ascii=False)[:60]
    except (TypeError, ValueError, RecursionError):
        return type(value).__name__


def stored_problem(spec: ClaimField, value: Any) -> str | None:
    """What is wrong with `value` as the stored value of `spec`, or None."""
    if value is None or (spec.many and value == []):
        return f"{spec.name} is empty" if spec.required else None
    if spec.many:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{spec.name} should be a list of texts, not {show(value)}"
        for item in value:
            if not _STORED_CHECKS[spec.type](item):
                return f"{spec.name} holds {show(item)}, which is not valid"
        return None
    if spec.type == "text":
        if not isinstance(value, str):
            return f"{spec.name} should be text, not {show(value)}"
        try:
            check_text(value, spec.name, required=spec.required)
        except InputError as exc:
            return exc.message
        return None
    if isinstance(value, str) and _STORED_CHECKS[spec.type](value):
        return None
    return f"{spec.name} {show(value)} {_NOT_VALID.get(spec.type, 'is not valid')}"


_NOT_VALID: Final[dict[ValueType, str]] = {
    "kind": f"is not one of {', '.join(KINDS)}",
    "attribution": f"is not one of {', '.join(ATTRIBUTIONS)}",
    "date": "is not a date (YYYY-MM-DD)",
    "timestamp": "is not a UTC timestamp",
}


def claim_problems(claim: Any) -> list[str]:
    """Every shape problem of one stored claim: missing fields, then each field's."""
    if not isinstance(claim, dict):
        return [f"is {show(claim)}, not a record"]
    problems = []
    missing = [name for name in CLAIM_FIELDS if name not in claim]
    if missing:
        problems.append(f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    for spec in CLAIM_SPEC:
        if spec.name in claim:
            problem = stored_problem(spec, claim[spec.name])
            if problem:
                problems.append(problem)
    return problems
