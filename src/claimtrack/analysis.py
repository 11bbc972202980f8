"""The analysis views: round diffs, side comparisons, open demands, the kind matrix, timelines.

Pure functions from claims to rows; no click, no rich, no store I/O. Every view reads
a `ClaimIndex` built once per process, so each command is one sort plus lookups
(bisect on per-side-and-topic date lists), never a scan of all claims per claim.

Definitions (the commands' --help and the README repeat them):
- a side's claims *in* a round are its claims whose `round` is that round;
- a side's *position* on a topic *as of* a date is its latest claim on that topic
  dated on or before it (ties: the later `created`), whether or not the claim
  belongs to a round. As of a round means as of its last day (`end`, else `date`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cached_property
from typing import Any, Final

from claimtrack.model import KINDS

Claim = dict[str, Any]
Row = dict[str, Any]
SideTopic = tuple[str, str]

# Kinds that answer a demand or proposal on the same topic without naming it.
ANSWER_KINDS: Final = frozenset({"response", "acceptance", "rejection"})
OPEN_KINDS: Final = frozenset({"demand", "proposal"})

ROUND_STATUSES: Final = ("raised", "dropped", "shifted", "restated")
CUMULATIVE_STATUSES: Final = ("raised", "shifted", "reworded", "unchanged", "dropped")
VERDICTS: Final = ("unanswered", "agreed", "opposed", "open")

_KIND_ORDER: Final = {kind: i for i, kind in enumerate(KINDS)}


def claim_order(claim: Claim) -> tuple[str, str, str]:
    """Date, then creation time, then id: the order of every claim list here."""
    return (claim["date"], claim["created"], claim["id"])


def _claim_order_key(claim: Claim) -> str:
    """`claim_order` as one string, which sorts several times faster than a tuple.

    NUL sorts before every other character and none of the three fields holds one,
    so the order is the same (see claims.sort_claims).
    """
    return f"{claim['date']}\0{claim['created']}\0{claim['id']}"


class ClaimIndex:
    """Claims grouped the ways the views look them up; every list is in `claim_order`.

    Each grouping is built on first use, in one pass, so a command pays only for
    the lookups it makes.
    """

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims: list[Claim] = sorted(claims, key=_claim_order_key)

    @property
    def latest_date(self) -> str | None:
        return self.claims[-1]["date"] if self.claims else None

    def _group_many(self, keys: Callable[[Claim], Iterable[Any]]) -> dict[Any, list[Claim]]:
        """Like `_group`, with a claim in every group it has a key for (its topics)."""
        groups: dict[Any, list[Claim]] = {}
        for claim in self.claims:
            for value in keys(claim):
                groups.setdefault(value, []).append(claim)
        return groups

    def _group(self, key: Callable[[Claim], Any]) -> dict[Any, list[Claim]]:
        groups: dict[Any, list[Claim]] = {}
        for claim in self.claims:
            value = key(claim)
            if value is not None:
                groups.setdefault(value, []).append(claim)
        return groups

    @cached_property
    def by_id(self) -> dict[str, Claim]:
        return {claim["id"]: claim for claim in self.claims}

    @cached_property
    def by_side_topic(self) -> dict[SideTopic, list[Claim]]:
        return self._group_many(lambda c: [(c["side"], t) for t in c["topics"]])

    @cached_property
    def dates_by_side_topic(self) -> dict[SideTopic, list[str]]:
        return {key: [c["date"] for c in group] for key, group in self.by_side_topic.items()}

    @cached_property
    def by_round(self) -> dict[str, list[Claim]]:
        return self._group(lambda c: c["round"])

    @cached_property
    def by_topic(self) -> dict[str, list[Claim]]:
        return self._group_many(lambda c: c["topics"])

    @cached_property
    def replies(self) -> dict[str, list[Claim]]:
        """Claim id -> the claims that respond to it."""
        replies: dict[str, list[Claim]] = {}
        for claim in self.claims:  # not _group: a call per claim costs more than the rest
            if claim["responds_to"] is not None:
                replies.setdefault(claim["responds_to"], []).append(claim)
        return replies

    @cached_property
    def answer_dates(self) -> dict[SideTopic, list[str]]:
        """(topic, side) -> dates of that side's responses, acceptances and rejections."""
        dates: dict[SideTopic, list[str]] = {}
        for claim in self.claims:  # one pass, no call per claim (see replies)
            if claim["kind"] in ANSWER_KINDS:
                for topic in claim["topics"]:
                    dates.setdefault((topic, claim["side"]), []).append(claim["date"])
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


def _wanted(value: str, allowed: Collection[str] | None) -> bool:
    return not allowed or value in allowed


def _any_wanted(values: Collection[str], allowed: Collection[str] | None) -> bool:
    return not allowed or any(value in allowed for value in values)


def sort_kinds(kinds: Iterable[str]) -> list[str]:
    """Distinct kinds in the order of `model.KINDS`."""
    return sorted(set(kinds), key=lambda k: _KIND_ORDER.get(k, len(KINDS)))


def kinds_of(claims: Iterable[Claim]) -> list[str]:
    return sort_kinds(c["kind"] for c in claims)


def position(index: ClaimIndex, side: str, topic: str, as_of: str | None) -> Claim | None:
    """A side's latest claim on a topic dated on or before `as_of` (None: no limit)."""
    claims = index.by_side_topic.get((side, topic))
    if not claims:
        return None
    if as_of is None:
        return claims[-1]
    # claims are sorted by (date, created): the last one on or before as_of wins ties
    found = bisect_right(index.dates_by_side_topic[(side, topic)], as_of)
    return claims[found - 1] if found else None


# --- diff ------------------------------------------------------------------------------


def round_status(a: list[Claim], b: list[Claim]) -> str:
    if not a:
        return "raised"
    if not b:
        return "dropped"
    return "shifted" if kinds_of(a) != kinds_of(b) else "restated"


def diff_rounds(
    index: ClaimIndex,
    round_a: str,
    round_b: str,
    *,
    sides: Collection[str] | None = None,
    topics: Collection[str] | None = None,
) -> list[Row]:
    """One row per side and topic with claims in either round, ordered by side, topic."""
    in_a = _by_side_topic(index.by_round.get(round_a, []), sides, topics)
    in_b = _by_side_topic(index.by_round.get(round_b, []), sides, topics)
    rows = []
    for side, topic in sorted(in_a.keys() | in_b.keys()):
        a, b = in_a.get((side, topic), []), in_b.get((side, topic), [])
        rows.append({"side": side, "topic": topic, "status": round_status(a, b), "a": a, "b": b})
    return rows


def _by_side_topic(
    claims: list[Claim], sides: Collection[str] | None, topics: Collection[str] | None
) -> dict[SideTopic, list[Claim]]:
    groups: dict[SideTopic, list[Claim]] = {}
    for claim in claims:
        if not _wanted(claim["side"], sides):
            continue
        for topic in claim["topics"]:
            if _wanted(topic, topics):
                groups.setdefault((claim["side"], topic), []).append(claim)
    return groups


def cumulative_status(a: Claim | None, b: Claim | None) -> str:
    if a is None:
        return "raised"
    if b is None:
        return "dropped"  # only when A is dated after B: a position cannot vanish
    if a["id"] == b["id"]:
        return "unchanged"
    return "shifted" if a["kind"] != b["kind"] else "reworded"


def diff_cumulative(
    index: ClaimIndex,
    as_of_a: str,
    as_of_b: str,
    *,
    sides: Collection[str] | None = None,
    topics: Collection[str] | None = None,
) -> list[Row]:
    """One row per side and topic with a position as of A or B; `a`, `b` hold at most one."""
    rows = []
    for side, topic in sorted(index.by_side_topic):
        if not (_wanted(side, sides) and _wanted(topic, topics)):
            continue
        a = position(index, side, topic, as_of_a)
        b = position(index, side, topic, as_of_b)
        if a is None and b is None:
            continue
        rows.append(
            {
                "side": side,
                "topic": topic,
                "status": cumulative_status(a, b),
                "a": [a] if a else [],
                "b": [b] if b else [],
            }
        )
    return rows


# --- compare ---------------------------------------------------------------------------


def _either_way(x: str, y: str, first: Collection[str], second: Collection[str]) -> bool:
    return (x in first and y in second) or (y in first and x in second)


def verdict(a: Claim | None, b: Claim | None) -> str:
    """The first rule that holds: unanswered, agreed, opposed, else open."""
    if a is None or b is None:
        return "unanswered"
    if _either_way(a["kind"], b["kind"], {"acceptance"}, {"demand", "proposal", "acceptance"}):
        return "agreed"
    if _either_way(a["kind"], b["kind"], {"rejection", "warning"}, OPEN_KINDS):
        return "opposed"
    return "open"


def compare_sides(
    index: ClaimIndex,
    side_a: str,
    side_b: str,
    *,
    as_of: str | None = None,
    topics: Collection[str] | None = None,
) -> list[Row]:
    """One row per topic on which either side has a position as of `as_of`, by topic."""
    candidates = {t for s, t in index.by_side_topic if s in (side_a, side_b)}
    rows = []
    for topic in sorted(candidates):
        if not _wanted(topic, topics):
            continue
        a = position(index, side_a, topic, as_of)
        b = position(index, side_b, topic, as_of)
        if a is None and b is None:
            continue
        rows.append({"topic": topic, "verdict": verdict(a, b), "a": a, "b": b})
    return rows


# --- gaps ------------------------------------------------------------------------------


def addressees(claim: Claim, all_sides: Collection[str]) -> set[str]:
    """The sides a claim is addressed to: its `to`, else every other side."""
    if claim["to"]:
        return set(claim["to"])
    return {side for side in all_sides if side != claim["side"]}


def is_answered(index: ClaimIndex, claim: Claim, by: Collection[str], as_of: str) -> bool:
    """Whether one of `by`, on or before `as_of`, responded to `claim` or answered its topic."""
    for reply in index.replies.get(claim["id"], ()):
        if reply["side"] in by and reply["date"] <= as_of:
            return True
    for side in by:
        for topic in claim["topics"]:
            dates = index.answer_dates.get((topic, side))
            if dates:
                first = bisect_left(dates, claim["date"])
                if first < len(dates) and dates[first] <= as_of:
                    return True
    return False


def days_between(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def find_gaps(
    index: ClaimIndex,
    *,
    as_of: str | None = None,
    all_sides: Collection[str] = (),
    sides: Collection[str] | None = None,
    to: Collection[str] | None = None,
    topics: Collection[str] | None = None,
) -> list[Row]:
    """Demands and proposals dated on or before `as_of` that none of their addressees answered.

    `as_of` defaults to the latest claim's date; `all_sides` are the sides a claim
    without `to` is addressed to (besides its own). `to` keeps claims addressed to
    any of those sides, counting a claim without `to` as addressed to all others.
    """
    as_of = as_of or index.latest_date
    if as_of is None:
        return []
    everyone = set(all_sides) | index.sides
    rows = []
    for claim in index.claims:
        if claim["date"] > as_of:
            break
        if claim["kind"] not in OPEN_KINDS:
            continue
        if not _wanted(claim["side"], sides) or not _any_wanted(claim["topics"], topics):
            continue
        targets = addressees(claim, everyone)
        if to and targets.isdisjoint(to):
            continue
        if not is_answered(index, claim, targets, as_of):
            rows.append({**claim, "days_open": days_between(claim["date"], as_of)})
    return rows


# --- matrix ----------------------------------------------------------------------------


def kind_matrix(
    index: ClaimIndex,
    round_dates: Mapping[str, str],
    *,
    sides: Collection[str] | None = None,
    topics: Collection[str] | None = None,
    rounds: Collection[str] | None = None,
) -> list[Row]:
    """One row per topic, round and side with claims in that round; rounds in date order."""
    cells: dict[tuple[str, str, str], set[str]] = {}
    for round_slug, claims in index.by_round.items():
        if not _wanted(round_slug, rounds):
            continue
        for claim in claims:
            if not _wanted(claim["side"], sides):
                continue
            for topic in claim["topics"]:
                if _wanted(topic, topics):
                    cells.setdefault((topic, round_slug, claim["side"]), set()).add(claim["kind"])

    def order(key: tuple[str, str, str]) -> tuple[str, str, str, str]:
        topic, round_slug, side = key
        return (topic, round_dates.get(round_slug, "9999-99-99"), round_slug, side)

    return [
        {"topic": t, "round": r, "side": s, "kinds": sort_kinds(cells[t, r, s])}
        for t, r, s in sorted(cells, key=order)
    ]


# --- timeline --------------------------------------------------------------------------


def topic_timeline(
    index: ClaimIndex, topic: str, *, sides: Collection[str] | None = None
) -> list[Claim]:
    """Every claim on `topic` in date order, all sides together."""
    return [c for c in index.by_topic.get(topic, []) if _wanted(c["side"], sides)]


# --- wording ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"\s*\S+\s*|\s+")

Marked = list[tuple[str, bool]]


def word_changes(old: str, new: str) -> tuple[Marked, Marked]:
    """Both texts cut into words (with their spacing), each flagged True where it changed."""
    old_words, new_words = _WORD_RE.findall(old), _WORD_RE.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old_words], [w.strip() for w in new_words], autojunk=False
    )
    old_marked: Marked = []
    new_marked: Marked = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        old_marked += [(word, changed) for word in old_words[i1:i2]]
        new_marked += [(word, changed) for word in new_words[j1:j2]]
    return old_marked, new_marked
