"""Claims: recording, finding, editing, removing, filtering and sorting them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from claimtrack.dates import parse_date
from claimtrack.errors import InputError, NotFoundError
from claimtrack.model import (
    CLEARABLE_CLAIM_FIELDS,
    KINDS,
    blank_claim,
    check_grade,
    check_kind,
    check_labels,
    check_text,
    check_url,
    mint_claim_id,
)
from claimtrack.store import Store
from claimtrack.textmatch import fold
from claimtrack.vocab import (
    ROUNDS,
    SIDES,
    TOPICS,
    find_person,
    person_names,
    resolve,
    resolve_all,
)

MIN_PREFIX = 4

Claim = dict[str, Any]


@dataclass
class ClaimInput:
    """Claim fields as the user typed them; None means 'not given'."""

    text: str | None = None
    side: str | None = None
    to: Sequence[str] | None = None
    round: str | None = None
    date: str | None = None
    topic: str | None = None
    kind: str | None = None
    speaker: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    translation: str | None = None
    verbatim: bool | None = None
    grade: str | None = None
    responds_to: str | None = None
    tags: Sequence[str] | None = None
    note: str | None = None


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
    missing = [name for name in ("text", "side", "topic", "kind") if getattr(given, name) is None]
    if missing:
        raise InputError(f"a claim needs {', '.join(missing)}")
    claim = blank_claim()
    _apply(store, claim, given)
    if claim["date"] is None:
        raise InputError("a claim needs a date or a round", "Give --date DATE or --round ROUND")
    _refuse_duplicate(store, claim)
    claim["id"] = mint_claim_id(
        claim["side"], claim["date"], claim["topic"], claim["text"], store.keys("claims")
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
        claim[name] = [] if name in ("to", "tags") else None
    old_round, old_date = claim["round"], claim["date"]
    _apply(store, claim, given)
    if given.round is not None and given.date is None and old_round is not None:
        # A date that only came from the old round follows the claim to its new round.
        old = store.get("rounds", old_round)
        if old is not None and old["date"] == old_date:
            claim["date"] = _round_date(store, claim["round"])
    if given.responds_to is not None and claim["responds_to"] == claim["id"]:
        raise InputError("a claim cannot respond to itself")
    _refuse_duplicate(store, claim)
    claim["updated"] = now
    store.replace("claims", claim["id"], claim)
    return claim


def with_known_speaker(store: Store, given: ClaimInput, *, default_side: bool) -> ClaimInput:
    """A speaker naming a known person (slug or alias) becomes their display name, and
    their side when no side is given; any other speaker stays as typed."""
    person = find_person(store, given.speaker) if given.speaker else None
    if person is None:
        return given
    side = given.side if given.side is not None or not default_side else person["side"]
    return replace(given, speaker=person["name"], side=side)


def _round_date(store: Store, slug: str) -> str:
    record = store.get("rounds", slug)
    assert record is not None
    date: str = record["date"]
    return date


def _apply(store: Store, claim: Claim, given: ClaimInput) -> None:
    """Validate each given field and write it into `claim`."""
    if given.text is not None:
        claim["text"] = check_text(given.text, "text", required=True)
    if given.side is not None:
        claim["side"] = resolve(store, SIDES, given.side)
    if given.to is not None and len(given.to):
        claim["to"] = resolve_all(store, SIDES, given.to)
    if claim["side"] in claim["to"]:
        raise InputError(f"a claim by '{claim['side']}' cannot be addressed to itself")
    if given.topic is not None:
        claim["topic"] = resolve(store, TOPICS, given.topic)
    if given.kind is not None:
        claim["kind"] = check_kind(given.kind)
    if given.round is not None:
        claim["round"] = resolve(store, ROUNDS, given.round)
        if claim["date"] is None:
            claim["date"] = _round_date(store, claim["round"])
    if given.date is not None:
        claim["date"] = parse_date(given.date)
    if given.published is not None:
        claim["published"] = parse_date(given.published)
    if given.url is not None:
        claim["url"] = check_url(given.url)
    if given.grade is not None:
        claim["grade"] = check_grade(given.grade)
    if given.verbatim is not None:
        claim["verbatim"] = given.verbatim
    if given.responds_to is not None:
        claim["responds_to"] = find_claim(store, given.responds_to)["id"]
    if given.tags is not None and len(given.tags):
        claim["tags"] = check_labels(given.tags, "tag")
    for name in ("speaker", "source", "translation", "note"):
        value = getattr(given, name)
        if value is not None:
            claim[name] = check_text(value, name)


def _refuse_duplicate(store: Store, claim: Claim) -> None:
    for other in store.records("claims"):
        if (
            other["id"] != claim["id"]
            and other["text"] == claim["text"]
            and other["side"] == claim["side"]
            and other["date"] == claim["date"]
            and other["topic"] == claim["topic"]
        ):
            raise InputError(
                f"claim {other['id']} already records this text by '{claim['side']}' "
                f"on '{claim['topic']}' on {claim['date']}",
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
            and (not topics or c["topic"] in topics)
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
        return claims  # no filter: spare a call per claim (~40 ms at 100,000)
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
    # times faster (290 -> 110 ms for 100,000 claims). The fields are joined by NUL,
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
        if by in ("side", "topic"):
            return f"{c[by]}\0{tail}"
        return tail

    return sorted(claims, key=key, reverse=reverse)


def round_dates(store: Store) -> dict[str, str]:
    return {r["slug"]: r["date"] for r in store.records("rounds")}
