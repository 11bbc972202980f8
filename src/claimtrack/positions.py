"""Claims indexed for analysis, and a side's position on a topic as of a date.

Pure functions; no click, no rich, no store I/O. Everything here orders claims by
what they say (date, then kind in the order of `model.KINDS`, then id), never by
when they were recorded: `created`, `updated` and the store's order play no part,
so the same claims recorded in any order give the same answers.

A claim on several topics counts under each of them.

Definitions (the commands' --help and the README repeat them):
- *stance kinds* are demand, proposal, acceptance, rejection and warning; a
  response or a statement is context and never replaces a stance;
- a side's *position* on a topic *as of* a date is the set of stance kinds among
  its claims on that topic dated on the latest date, on or before the as-of date,
  on which it made a stance claim there. With no stance claim but others, it is
  `non-committal`, made of its claims on the latest date it spoke on the topic;
- a position holding an acceptance together with a rejection or a warning is `mixed`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final

from claimtrack.model import KINDS

Claim = dict[str, Any]
SideTopic = tuple[str, str]

STANCE_KINDS: Final = frozenset({"demand", "proposal", "acceptance", "rejection", "warning"})
# Kinds by an addressee that answer a demand or proposal on a topic they share.
ANSWER_KINDS: Final = frozenset({"response", "acceptance", "rejection"})
NON_COMMITTAL: Final = "non-committal"
MIXED: Final = "mixed"

_KIND_RANK: Final = {kind: i for i, kind in enumerate(KINDS)}


def kind_rank(kind: str) -> int:
    return _KIND_RANK.get(kind, len(KINDS))


def claim_order(claim: Claim) -> tuple[str, int, str]:
    """Date, then kind (in the order of `model.KINDS`), then id: every list's order here."""
    return (claim["date"], kind_rank(claim["kind"]), claim["id"])


_RANK_TEXT: Final = {kind: f"{rank:03d}" for kind, rank in _KIND_RANK.items()}
_UNKNOWN_RANK_TEXT: Final = f"{len(KINDS):03d}"


def _claim_order_key(claim: Claim) -> str:
    """`claim_order` as one string, which sorts several times faster than a tuple.

    NUL sorts before every other character and neither a date nor an id holds one;
    the rank has a fixed width, so the order is that of the tuple.
    """
    rank = _RANK_TEXT.get(claim["kind"], _UNKNOWN_RANK_TEXT)
    return f"{claim['date']}\0{rank}\0{claim['id']}"


def sort_kinds(kinds: Iterable[str]) -> list[str]:
    """Distinct kinds in the order of `model.KINDS`."""
    return sorted(set(kinds), key=kind_rank)


def kinds_of(claims: Iterable[Claim]) -> list[str]:
    return sort_kinds(c["kind"] for c in claims)


@dataclass(frozen=True)
class SideClaims:
    """One side's claims by topic (a claim under each of its topics), all and stances."""

    every: dict[str, list[Claim]]
    stances: dict[str, list[Claim]]

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> SideClaims:
        every: dict[str, list[Claim]] = {}
        stances: dict[str, list[Claim]] = {}
        for claim in claims:
            stance = claim["kind"] in STANCE_KINDS
            for topic in claim["topics"]:
                every.setdefault(topic, []).append(claim)
                if stance:
                    stances.setdefault(topic, []).append(claim)
        return cls(every, stances)


def grouped(
    claims: Iterable[Claim], keys: Callable[[Claim], Iterable[str]]
) -> dict[str, list[Claim]]:
    """The claims under each key `keys` gives them, in their order (a claim may have none)."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        for key in keys(claim):
            groups.setdefault(key, []).append(claim)
    return groups


class ClaimIndex:
    """Claims grouped the ways the views look them up; every list is in `claim_order`.

    Each grouping is built on first use, in one pass, so a command pays only for
    the lookups it makes.
    """

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims: list[Claim] = sorted(claims, key=_claim_order_key)
        self._sides_done: dict[str, SideClaims] = {}

    @property
    def latest_date(self) -> str | None:
        return self.claims[-1]["date"] if self.claims else None

    @cached_property
    def by_id(self) -> dict[str, Claim]:
        return {claim["id"]: claim for claim in self.claims}

    def side_claims(self, side: str) -> SideClaims:
        """One side's claims by topic; a pass over the claims for that side alone."""
        if side not in self._sides_done:
            self._sides_done[side] = SideClaims.of(c for c in self.claims if c["side"] == side)
        return self._sides_done[side]

    @cached_property
    def by_side(self) -> dict[str, SideClaims]:
        """Every side's claims by topic, in one pass."""
        by_side = grouped(self.claims, lambda claim: [claim["side"]])
        for side, claims in by_side.items():
            if side not in self._sides_done:
                self._sides_done[side] = SideClaims.of(claims)
        return {side: self._sides_done[side] for side in by_side}

    @cached_property
    def by_round(self) -> dict[str, list[Claim]]:
        return grouped(self.claims, lambda claim: [claim["round"]] if claim["round"] else [])

    @cached_property
    def by_topic(self) -> dict[str, list[Claim]]:
        return grouped(self.claims, lambda claim: claim["topics"])

    @cached_property
    def replies(self) -> dict[str, list[Claim]]:
        """Claim id -> the claims that respond to it."""
        return grouped(
            self.claims, lambda claim: [claim["responds_to"]] if claim["responds_to"] else []
        )

    @cached_property
    def answer_dates(self) -> dict[SideTopic, list[str]]:
        """(side, topic) -> the dates of that side's responses, acceptances, rejections there."""
        dates: dict[SideTopic, list[str]] = {}
        for claim in self.claims:
            if claim["kind"] in ANSWER_KINDS:
                for topic in claim["topics"]:
                    dates.setdefault((claim["side"], topic), []).append(claim["date"])
        return dates

    @cached_property
    def sides(self) -> set[str]:
        """Every side that states a claim or is addressed by one."""
        found = {claim["side"] for claim in self.claims}
        for claim in self.claims:
            found.update(claim["to"])
        return found


def index_claims(claims: Iterable[Claim]) -> ClaimIndex:
    return ClaimIndex(claims)


@dataclass(frozen=True)
class Position:
    """A side's position on a topic: the claims that make it, all of one date."""

    claims: tuple[Claim, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The stance kinds, in the order of `model.KINDS`; empty when non-committal."""
        return tuple(k for k in sort_kinds(c["kind"] for c in self.claims) if k in STANCE_KINDS)

    @property
    def date(self) -> str:
        date: str = self.claims[0]["date"]
        return date

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c["id"] for c in self.claims)

    @property
    def non_committal(self) -> bool:
        return not self.kinds

    @property
    def mixed(self) -> bool:
        kinds = set(self.kinds)
        return "acceptance" in kinds and bool(kinds & {"rejection", "warning"})

    @property
    def label(self) -> str:
        """`mixed`, `non-committal`, or the stance kinds joined by ', '."""
        if self.mixed:
            return MIXED
        return ", ".join(self.kinds) or NON_COMMITTAL

    def includes(self, *kinds: str) -> bool:
        return not set(self.kinds).isdisjoint(kinds)

    def only(self, *kinds: str) -> bool:
        """Whether it is a stance made of these kinds alone."""
        return bool(self.kinds) and set(self.kinds) <= set(kinds)


def _date(claim: Claim) -> str:
    date: str = claim["date"]
    return date


def _latest_day(claims: list[Claim], as_of: str | None) -> list[Claim]:
    """The claims (in order) of the latest date on or before `as_of` (None: no limit)."""
    end = len(claims) if as_of is None else bisect_right(claims, as_of, key=_date)
    if not end:
        return []
    day = claims[end - 1]["date"]
    start = end - 1
    while start and claims[start - 1]["date"] == day:
        start -= 1
    return claims[start:end]


def position(index: ClaimIndex, side: str, topic: str, as_of: str | None) -> Position | None:
    """A side's position on a topic as of a date (None: every claim), or None if it has none."""
    claims = index.side_claims(side)
    stances = _latest_day(claims.stances.get(topic, []), as_of)
    if stances:
        return Position(tuple(stances))
    spoken = _latest_day(claims.every.get(topic, []), as_of)
    return Position(tuple(spoken)) if spoken else None


def answered_on(index: ClaimIndex, topic: str, by: Iterable[str], since: str, until: str) -> bool:
    """Whether one of `by` made a response, acceptance or rejection on `topic` in [since, until]."""
    for side in by:
        dates = index.answer_dates.get((side, topic))
        if dates:
            first = bisect_left(dates, since)
            if first < len(dates) and dates[first] <= until:
                return True
    return False
