"""The analysis views: round diffs, side comparisons, open demands, the kind matrix, timelines.

Pure functions from claims to rows; no click, no rich, no store I/O. Every view reads
a `ClaimIndex` (see `positions`) built once per process. Rows list claims in date
order, then by kind, then by id: never by recording order or `created`.

Definitions (the commands' --help and the README repeat them):
- a side's claims *in* a round are its claims whose `round` is that round;
- a side's *position* on a topic as of a date: see `positions`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Final

from claimtrack.positions import (
    ANSWER_KINDS,
    STANCE_KINDS,
    Claim,
    ClaimIndex,
    Position,
    answered_on,
    claim_order,
    index_claims,
    kinds_of,
    position,
    sort_kinds,
)

__all__ = [
    "ANSWER_KINDS",
    "STANCE_KINDS",
    "ClaimIndex",
    "claim_order",
    "index_claims",
    "kinds_of",
    "position",
    "sort_kinds",
]

Row = dict[str, Any]

OPEN_KINDS: Final = frozenset({"demand", "proposal"})

ROUND_STATUSES: Final = ("raised", "not-restated", "shifted", "restated")
CUMULATIVE_STATUSES: Final = ("raised", "shifted", "reworded", "unchanged", "dropped")
VERDICTS: Final = ("unanswered", "mixed", "agreed", "opposed", "open")
MATRIX_PERIODS: Final = ("round", "week", "month")
# Bookkeeping fields: analytic output leaves them out, so that it never depends on
# when or in which order claims were typed in.
BOOKKEEPING_FIELDS: Final = frozenset({"created", "updated"})


@dataclass(frozen=True)
class Scope:
    """The sides and topics an analysis covers; none given is every one."""

    sides: Collection[str] | None = None
    topics: Collection[str] | None = None

    def has_side(self, side: str) -> bool:
        return not self.sides or side in self.sides

    def has_topic(self, topic: str) -> bool:
        return not self.topics or topic in self.topics

    def has_any_topic(self, topics: Collection[str]) -> bool:
        return not self.topics or not set(self.topics).isdisjoint(topics)


EVERYTHING: Final = Scope()


def analytic_claim(claim: Claim) -> Claim:
    """A claim as analytic output shows it: every field but `created` and `updated`."""
    return {k: v for k, v in claim.items() if k not in BOOKKEEPING_FIELDS}


def _claims(position_: Position | None) -> list[Claim]:
    return list(position_.claims) if position_ else []


# --- diff ------------------------------------------------------------------------------


def round_status(a: list[Claim], b: list[Claim]) -> str:
    if not a:
        return "raised"
    if not b:
        return "not-restated"
    return "shifted" if kinds_of(a) != kinds_of(b) else "restated"


def diff_rounds(
    index: ClaimIndex, round_a: str, round_b: str, scope: Scope = EVERYTHING
) -> list[Row]:
    """One row per side and topic with claims in either round, ordered by side, topic."""
    in_a = _by_side_topic(index.by_round.get(round_a, []), scope)
    in_b = _by_side_topic(index.by_round.get(round_b, []), scope)
    rows = []
    for side, topic in sorted(in_a.keys() | in_b.keys()):
        a, b = in_a.get((side, topic), []), in_b.get((side, topic), [])
        rows.append({"side": side, "topic": topic, "status": round_status(a, b), "a": a, "b": b})
    return rows


def _by_side_topic(claims: list[Claim], scope: Scope) -> dict[tuple[str, str], list[Claim]]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if not scope.has_side(claim["side"]):
            continue
        for topic in claim["topics"]:
            if scope.has_topic(topic):
                groups.setdefault((claim["side"], topic), []).append(claim)
    return groups


def cumulative_status(a: Position | None, b: Position | None) -> str:
    if a is None:
        return "raised"
    if b is None:
        return "dropped"  # only when A is dated after B: a position cannot vanish
    if a.ids == b.ids:
        return "unchanged"
    return "shifted" if a.kinds != b.kinds else "reworded"


def diff_cumulative(
    index: ClaimIndex, as_of_a: str, as_of_b: str, scope: Scope = EVERYTHING
) -> list[Row]:
    """One row per side and topic with a position as of A or B; `a`, `b` make each one."""
    pairs = sorted((s, t) for s, claims in index.by_side.items() for t in claims.every)
    rows = []
    for side, topic in pairs:
        if not (scope.has_side(side) and scope.has_topic(topic)):
            continue
        a = position(index, side, topic, as_of_a)
        b = position(index, side, topic, as_of_b)
        if a is None and b is None:
            continue
        status = cumulative_status(a, b)
        rows.append(
            {"side": side, "topic": topic, "status": status, "a": _claims(a), "b": _claims(b)}
        )
    return rows


# --- compare ---------------------------------------------------------------------------


def verdict(a: Position | None, b: Position | None) -> str:
    """The first rule that holds: unanswered, mixed, agreed, opposed, else open."""
    if a is None or b is None:
        return "unanswered"
    if a.mixed or b.mixed:
        return "mixed"
    for one, other in ((a, b), (b, a)):
        if one.includes("acceptance") and other.only("demand", "proposal", "acceptance"):
            return "agreed"
    for one, other in ((a, b), (b, a)):
        if one.only("rejection", "warning") and other.includes("demand", "proposal"):
            return "opposed"
    return "open"


def compare_sides(
    index: ClaimIndex,
    side_a: str,
    side_b: str,
    *,
    as_of: str | None = None,
    scope: Scope = EVERYTHING,
) -> list[Row]:
    """One row per topic in scope on which either side has a position as of `as_of`, by topic.

    `a` and `b` are the claims that make each side's position (empty: none).
    """
    candidates = index.side_claims(side_a).every.keys() | index.side_claims(side_b).every.keys()
    rows = []
    for topic in sorted(candidates):
        if not scope.has_topic(topic):
            continue
        a = position(index, side_a, topic, as_of)
        b = position(index, side_b, topic, as_of)
        if a is None and b is None:
            continue
        rows.append({"topic": topic, "verdict": verdict(a, b), "a": _claims(a), "b": _claims(b)})
    return rows


def position_label(claims: list[Claim]) -> str | None:
    """The label of the position these claims make: kinds, `mixed` or `non-committal`."""
    return Position(tuple(claims)).label if claims else None


# --- gaps ------------------------------------------------------------------------------


def addressees(claim: Claim, all_sides: Collection[str]) -> set[str]:
    """The sides a claim is addressed to: its `to`, else every other side."""
    if claim["to"]:
        return set(claim["to"])
    return {side for side in all_sides if side != claim["side"]}


def open_topics(index: ClaimIndex, claim: Claim, by: Collection[str], as_of: str) -> list[str]:
    """The topics of `claim` on which none of `by` answered it by `as_of`, sorted.

    A reply to the claim itself (`responds_to`) answers it on every topic; a
    response, acceptance or rejection on a topic, dated from the claim's date to
    `as_of`, answers it on that topic.
    """
    for reply in index.replies.get(claim["id"], ()):
        if reply["side"] in by and reply["date"] <= as_of:
            return []
    return [
        topic
        for topic in sorted(set(claim["topics"]))
        if not answered_on(index, topic, by, claim["date"], as_of)
    ]


def days_between(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def find_gaps(
    index: ClaimIndex,
    *,
    as_of: str | None = None,
    all_sides: Collection[str] = (),
    scope: Scope = EVERYTHING,
    to: Collection[str] | None = None,
) -> list[Row]:
    """Demands and proposals dated on or before `as_of` still open on any of their topics.

    `as_of` defaults to the latest claim's date; `all_sides` are the sides a claim
    without `to` is addressed to (besides its own). `to` keeps claims addressed to
    any of those sides, counting a claim without `to` as addressed to all others;
    the scope's topics keep claims open on any of those topics. Each row is the claim (see
    `analytic_claim`) with `days_open` and `open_topics`.
    """
    as_of = as_of or index.latest_date
    if as_of is None:
        return []
    everyone = set(all_sides) | index.sides
    rows = []
    for claim in index.claims:
        if claim["date"] > as_of:
            break
        if claim["kind"] not in OPEN_KINDS or not scope.has_side(claim["side"]):
            continue
        targets = addressees(claim, everyone)
        if to and targets.isdisjoint(to):
            continue
        still_open = open_topics(index, claim, targets, as_of)
        if still_open and scope.has_any_topic(still_open):
            days = days_between(claim["date"], as_of)
            rows.append({**analytic_claim(claim), "days_open": days, "open_topics": still_open})
    return rows


# --- matrix ----------------------------------------------------------------------------


def period_of(claim: Claim, by: str) -> str | None:
    """The matrix column of a claim: its round, ISO week (2022-W02) or month (2022-01)."""
    if by == "round":
        round_slug: str | None = claim["round"]
        return round_slug
    if by == "week":
        year, week, _ = dt.date.fromisoformat(claim["date"]).isocalendar()
        return f"{year}-W{week:02d}"
    return str(claim["date"][:7])


@dataclass(frozen=True)
class Matrix:
    """The kind matrix's rows, and how many claims in scope it could not place."""

    rows: list[Row]
    unplaced: int


def kind_matrix(
    index: ClaimIndex,
    round_dates: dict[str, str],
    *,
    by: str = "round",
    scope: Scope = EVERYTHING,
    rounds: Collection[str] | None = None,
) -> Matrix:
    """One row per topic, column and side with claims there; columns in date order.

    Columns are rounds, ISO weeks or months (`by`); rows carry the column under
    `round` or `period`. `unplaced` counts the claims in scope that belong to no
    round (always 0 for weeks and months, where every claim has a column).
    """
    cells: dict[tuple[str, str, str], set[str]] = {}
    unplaced = 0
    periods: dict[str, str | None] = {}  # by date: one calendar sum per day, not per claim
    for claim in index.claims:
        if not (scope.has_side(claim["side"]) and scope.has_any_topic(claim["topics"])):
            continue
        if rounds and claim["round"] not in rounds:
            continue
        if by == "round":
            column = claim["round"]
        else:
            if claim["date"] not in periods:
                periods[claim["date"]] = period_of(claim, by)
            column = periods[claim["date"]]
        if column is None:
            unplaced += 1
            continue
        for topic in claim["topics"]:
            if scope.has_topic(topic):
                cells.setdefault((topic, column, claim["side"]), set()).add(claim["kind"])

    def order(key: tuple[str, str, str]) -> tuple[str, str, str, str]:
        topic, column, side = key
        when = round_dates.get(column, "9999-99-99") if by == "round" else column
        return (topic, when, column, side)

    name = "round" if by == "round" else "period"
    rows = [
        {"topic": t, name: c, "side": s, "kinds": sort_kinds(cells[t, c, s])}
        for t, c, s in sorted(cells, key=order)
    ]
    return Matrix(rows, unplaced)


# --- timeline --------------------------------------------------------------------------


def topic_timeline(index: ClaimIndex, topic: str, scope: Scope = EVERYTHING) -> list[Claim]:
    """Every claim on `topic` in date order (then kind, then id), the scope's sides together."""
    return [c for c in index.by_topic.get(topic, []) if scope.has_side(c["side"])]


# --- wording ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"\s*\S+\s*|\s+")

Marked = list[tuple[str, bool]]


# SequenceMatcher without autojunk takes time growing faster than the product of
# the two word counts on repetitive text (10 s for 2,000 characters). Past this
# product, the words between the common start and end are all marked as changed.
WORD_DIFF_LIMIT = 20_000


def word_changes(old: str, new: str) -> tuple[Marked, Marked]:
    """Both texts cut into words (with their spacing), each flagged True where it changed."""
    old_words, new_words = _WORD_RE.findall(old), _WORD_RE.findall(new)
    old_bare, new_bare = [w.strip() for w in old_words], [w.strip() for w in new_words]
    start = 0
    while start < min(len(old_bare), len(new_bare)) and old_bare[start] == new_bare[start]:
        start += 1
    end = 0
    while (
        end < min(len(old_bare), len(new_bare)) - start and old_bare[-1 - end] == new_bare[-1 - end]
    ):
        end += 1
    old_middle = old_bare[start : len(old_bare) - end]
    new_middle = new_bare[start : len(new_bare) - end]
    opcodes: Sequence[tuple[str, int, int, int, int]]
    if len(old_middle) * len(new_middle) > WORD_DIFF_LIMIT:
        opcodes = [("replace", 0, len(old_middle), 0, len(new_middle))]
    else:
        matcher = difflib.SequenceMatcher(None, old_middle, new_middle, autojunk=False)
        opcodes = matcher.get_opcodes()
    old_marked: Marked = [(word, False) for word in old_words[:start]]
    new_marked: Marked = [(word, False) for word in new_words[:start]]
    for tag, i1, i2, j1, j2 in opcodes:
        changed = tag != "equal"
        old_marked += [(word, changed) for word in old_words[start + i1 : start + i2]]
        new_marked += [(word, changed) for word in new_words[start + j1 : start + j2]]
    old_marked += [(word, False) for word in old_words[len(old_words) - end :]]
    new_marked += [(word, False) for word in new_words[len(new_words) - end :]]
    return old_marked, new_marked
