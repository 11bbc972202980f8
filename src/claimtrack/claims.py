"""Claims: recording, finding, editing, removing, filtering and sorting them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimtrack.dates import parse_date
from claimtrack.errors import InputError, NotFoundError
from claimtrack.fields import CLAIM_SPEC, FIELDS, INPUT_REQUIRED_FIELDS, ClaimField
from claimtrack.fieldvalues import parse_value
from claimtrack.model import (
    CLEARABLE_CLAIM_FIELDS,
    KINDS,
    blank_claim,
    check_kind,
    mint_claim_id,
    topic_key,
)
from claimtrack.store import Store
from claimtrack.textmatch import fold
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, find_person, person_names, resolve_all

MIN_PREFIX = 4

Claim = dict[str, Any]


class ClaimInput:
    """Claim fields as the user gave them, by field name (see `fields.CLAIM_SPEC`).

    A field left out, None, or an empty list is 'not given'. `add` and `drop` hold
    items to add to or remove from a list field (`edit --add-topic`, `--drop-tag`).
    """

    def __init__(
        self,
        *,
        add: Mapping[str, Sequence[str]] | None = None,
        drop: Mapping[str, Sequence[str]] | None = None,
        **values: Any,
    ) -> None:
        for name in (*values, *(add or {}), *(drop or {})):
            if name not in FIELDS:
                raise TypeError(f"ClaimInput has no field {name!r}")
        self.values = {k: v for k, v in values.items() if v is not None and v != () and v != []}
        self.add = {k: list(v) for k, v in (add or {}).items() if v}
        self.drop = {k: list(v) for k, v in (drop or {}).items() if v}

    def __bool__(self) -> bool:
        return bool(self.values or self.add or self.drop)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimInput):
            return NotImplemented
        return (self.values, self.add, self.drop) == (other.values, other.add, other.drop)

    def __repr__(self) -> str:
        return f"ClaimInput({self.values!r}, add={self.add!r}, drop={self.drop!r})"


# --- finding -------------------------------------------------------------------------


def find_claim(store: Store, ref: str) -> Claim:
    """A claim by id or by a unique prefix of at least four characters."""
    ref = ref.strip().lower()
    exact = store.get("claims", ref)
    if exact is not None:
        return exact
    if len(ref) < MIN_PREFIX:
        raise NotFoundError(
            f"no claim with id '{ref}'",
            f"An id prefix needs at least {MIN_PREFIX} characters",
        )
    matches = sorted(key for key in store.keys("claims") if key.startswith(ref))
    if not matches:
        raise NotFoundError(f"no claim with id '{ref}'", "List ids with: claimtrack list")
    if len(matches) > 1:
        raise InputError(
            f"id prefix '{ref}' is ambiguous: it matches {', '.join(matches)}",
            "Type more of the id",
        )
    claim = store.get("claims", matches[0])
    assert claim is not None
    return claim


def responses_to(store: Store, claim_id: str) -> list[Claim]:
    replies = [c for c in store.records("claims") if c["responds_to"] == claim_id]
    return sort_claims(replies, "date")


# --- recording and editing -------------------------------------------------------------


def record_claim(store: Store, given: ClaimInput, now: str) -> Claim:
    """Validate and store a new claim; returns it with its new id."""
    given = with_known_speaker(store, given, default_side=True)
    missing = [name for name in INPUT_REQUIRED_FIELDS if name not in given.values]
    if missing:
        raise InputError(f"a claim needs {', '.join(missing)}")
    claim = blank_claim()
    _apply(store, claim, given)
    if claim["date"] is None:
        raise InputError("a claim needs a date or a round", "Give --date DATE or --round ROUND")
    _refuse_duplicate(store, claim)
    claim["id"] = mint_claim_id(
        claim["side"], claim["date"], claim["topics"], claim["text"], store.keys("claims")
    )
    claim["created"] = claim["updated"] = now
    store.insert("claims", claim["id"], claim)
    return claim


def edit_claim(store: Store, ref: str, given: ClaimInput, clear: Sequence[str], now: str) -> Claim:
    """Change the given fields; `id` and `created` never change, `updated` always does."""
    claim = find_claim(store, ref)
    given = with_known_speaker(store, given, default_side=False)
    for name in clear:
        if name not in CLEARABLE_CLAIM_FIELDS:
            raise InputError(
                f"cannot clear '{name}'", f"Clearable: {', '.join(CLEARABLE_CLAIM_FIELDS)}"
            )
        claim[name] = FIELDS[name].empty
    old_round, old_date = claim["round"], claim["date"]
    _apply(store, claim, given)
    if "round" in given.values and "date" not in given.values and old_round is not None:
        # A date that only came from the old round follows the claim to its new round.
        old = store.get("rounds", old_round)
        if old is not None and old["date"] == old_date:
            claim["date"] = _round_date(store, claim["round"])
    if "responds_to" in given.values and claim["responds_to"] == claim["id"]:
        raise InputError("a claim cannot respond to itself")
    _refuse_duplicate(store, claim)
    claim["updated"] = now
    store.replace("claims", claim["id"], claim)
    return claim


def with_known_speaker(store: Store, given: ClaimInput, *, default_side: bool) -> ClaimInput:
    """A speaker naming a known person (slug or alias) becomes their display name, and
    their side when no side is given; any other speaker stays as typed."""
    speaker = given.values.get("speaker")
    person = find_person(store, speaker) if speaker else None
    if person is None:
        return given
    values = {**given.values, "speaker": person["name"]}
    if default_side and "side" not in values:
        values["side"] = person["side"]
    return ClaimInput(add=given.add, drop=given.drop, **values)


def _round_date(store: Store, slug: str) -> str:
    record = store.get("rounds", slug)
    assert record is not None
    date: str = record["date"]
    return date


def _apply(store: Store, claim: Claim, given: ClaimInput) -> None:
    """Validate each given field and write it into `claim`."""
    for spec in CLAIM_SPEC:
        if spec.name in given.values:
            claim[spec.name] = _parsed(store, spec, given.values[spec.name])
        if spec.name in given.add or spec.name in given.drop:
            claim[spec.name] = _changed_list(store, claim, spec, given)
        if spec.required and spec.many and not claim[spec.name]:
            raise InputError(f"a claim needs at least one {spec.name.removesuffix('s')}")
    if "round" in given.values and claim["date"] is None:
        claim["date"] = _round_date(store, claim["round"])
    if claim["side"] in claim["to"]:
        raise InputError(f"a claim by '{claim['side']}' cannot be addressed to itself")


def _parsed(store: Store, spec: ClaimField, value: Any) -> Any:
    if spec.type == "claim":  # a prefix is enough, as everywhere an id is typed
        return find_claim(store, value)["id"]
    return parse_value(store, spec, value)


def _changed_list(store: Store, claim: Claim, spec: ClaimField, given: ClaimInput) -> list[str]:
    """A list field with `given.add`'s items appended and `given.drop`'s removed."""
    items: list[str] = list(claim[spec.name])
    for item in parse_value(store, spec, given.add.get(spec.name, [])):
        if item not in items:
            items.append(item)
    for item in parse_value(store, spec, given.drop.get(spec.name, [])):
        if item not in items:
            what = "addressee" if spec.name == "to" else spec.name.removesuffix("s")
            raise InputError(f"claim {claim['id']} has no {what} '{item}'")
        items.remove(item)
    return items


def _refuse_duplicate(store: Store, claim: Claim) -> None:
    topics = topic_key(claim["topics"])
    for other in store.records("claims"):
        if (
            other["id"] != claim["id"]
            and other["text"] == claim["text"]
            and other["side"] == claim["side"]
            and other["date"] == claim["date"]
            and topic_key(other["topics"]) == topics
        ):
            raise InputError(
                f"claim {other['id']} already records this text by '{claim['side']}' "
                f"on '{', '.join(claim['topics'])}' on {claim['date']}",
                f"See it with: claimtrack show {other['id']}",
            )


# --- removing --------------------------------------------------------------------------


def remove_claims(store: Store, refs: Sequence[str], *, force: bool, now: str) -> list[str]:
    """Remove claims; those others respond to need `force`, which unlinks the replies."""
    targets = list(dict.fromkeys(find_claim(store, ref)["id"] for ref in refs))
    doomed = set(targets)
    for claim_id in targets:
        replies = [r["id"] for r in responses_to(store, claim_id) if r["id"] not in doomed]
        if replies and not force:
            raise InputError(
                f"claim {claim_id} is answered by {', '.join(replies)}",
                "Use --force to remove it and unlink those replies",
            )
        for reply_id in replies:
            reply = store.get("claims", reply_id)
            assert reply is not None
            reply["responds_to"] = None
            reply["updated"] = now
            store.replace("claims", reply_id, reply)
    for claim_id in targets:
        store.delete("claims", claim_id)
    return targets


# --- listing ---------------------------------------------------------------------------


@dataclass
class ClaimFilter:
    """What `list` narrows by. Values within one field are OR'd, fields are AND'd."""

    sides: Sequence[str] = ()
    to: Sequence[str] = ()
    rounds: Sequence[str] = ()
    topics: Sequence[str] = ()
    kinds: Sequence[str] = ()
    speakers: Sequence[str] = ()
    tags: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    grep: Sequence[str] = field(default_factory=tuple)


def filter_claims(store: Store, wanted: ClaimFilter) -> list[Claim]:
    """The claims matching every given filter (unknown names are errors, not empty results)."""
    sides = set(resolve_all(store, SIDES, wanted.sides))
    to = set(resolve_all(store, SIDES, wanted.to))
    rounds = set(resolve_all(store, ROUNDS, wanted.rounds))
    topics = set(resolve_all(store, TOPICS, wanted.topics))
    kinds = {check_kind(k) for k in wanted.kinds}
    # A person's slug or alias finds the claims under any of their names.
    speakers = [name for s in wanted.speakers for name in person_names(store, s)]
    tags = {fold(t) for t in wanted.tags}
    since = parse_date(wanted.since) if wanted.since else None
    until = parse_date(wanted.until) if wanted.until else None
    greps = [fold(g) for g in wanted.grep]
    if since and until and since > until:
        raise InputError(f"--since {since} is after --until {until}")

    def keep(c: Claim) -> bool:
        return (
            (not sides or c["side"] in sides)
            and (not to or not to.isdisjoint(c["to"]))
            and (not rounds or c["round"] in rounds)
            and (not topics or not topics.isdisjoint(c["topics"]))
            and (not kinds or c["kind"] in kinds)
            and (not since or c["date"] >= since)
            and (not until or c["date"] <= until)
            and (not speakers or any(s in fold(c["speaker"] or "") for s in speakers))
            and (not tags or not tags.isdisjoint(fold(t) for t in c["tags"]))
            and (not greps or any(g in _searchable(c) for g in greps))
        )

    claims = store.records("claims")
    if not (
        sides or to or rounds or topics or kinds or speakers or tags or since or until or greps
    ):
        return claims  # no filter: spare a call per claim
    return [c for c in claims if keep(c)]


def _searchable(claim: Claim) -> str:
    parts = (claim["text"], claim["translation"], claim["note"], claim["speaker"])
    return fold("\n".join(p for p in parts if p))


SORT_KEYS = ("date", "round", "side", "topic", "kind")


def sort_claims(
    claims: list[Claim],
    by: str = "date",
    *,
    reverse: bool = False,
    round_dates: dict[str, str] | None = None,
) -> list[Claim]:
    """Sort by one field, then date, then creation time (which breaks every tie)."""
    # One string per claim rather than a tuple of fields: strings compare several
    # times faster (see benchmarks/README.md). The fields are joined by NUL,
    # which sorts before every other character and which none of them holds (dates,
    # timestamps, ids, slugs and kinds have fixed formats), so the order is exactly
    # that of the tuple (field, date, created, id).
    dates = round_dates or {}
    kind_order = {k: f"{i:03d}" for i, k in enumerate(KINDS)}
    unknown_kind = f"{len(KINDS):03d}"

    def key(c: Claim) -> str:
        tail = f"{c['date']}\0{c['created']}\0{c['id']}"
        if by == "round":
            # Claims outside any round sort after every round.
            if c["round"] is None:
                return f"1\0{tail}"
            return f"0\0{dates.get(c['round'], '9999-99-99')}\0{c['round']}\0{tail}"
        if by == "kind":
            return f"{kind_order.get(c['kind'], unknown_kind)}\0{tail}"
        if by == "side":
            return f"{c['side']}\0{tail}"
        if by == "topic":
            return f"{','.join(c['topics'])}\0{tail}"
        return tail

    return sorted(claims, key=key, reverse=reverse)


def round_dates(store: Store) -> dict[str, str]:
    return {r["slug"]: r["date"] for r in store.records("rounds")}
