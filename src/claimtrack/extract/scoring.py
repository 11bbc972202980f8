"""Measuring proposals against claims recorded by hand.

A proposal matches a claim when its text covers at least 80% of the claim's
characters and is at most three times as long, both with whitespace normalised.
Recall counts the claims in the source's own words (`quote` and `readout`) that
some proposal matches; precision counts the proposals that match some claim; the
field figures compare each matched proposal with the claim it matches best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from claimtrack.textmatch import fold

MIN_COVERAGE = 0.8
MAX_LENGTH_RATIO = 3.0
RECALLED_ATTRIBUTIONS = ("quote", "readout")
FIELDS = ("speaker", "side", "date", "kind")
# Longer texts are compared only by containment: SequenceMatcher is quadratic.
_MAX_ALIGNED = 5_000


def normalised(text: str) -> str:
    return " ".join(text.split())


def coverage(claim_text: str, proposal_text: str) -> float:
    """The share of the claim's characters that the proposal's text contains, in order."""
    claim, proposal = normalised(claim_text), normalised(proposal_text)
    if not claim:
        return 0.0
    if claim in proposal:
        return 1.0
    if len(claim) + len(proposal) > _MAX_ALIGNED:
        return 0.0
    matcher = SequenceMatcher(None, claim, proposal, autojunk=False)
    covered = sum(block.size for block in matcher.get_matching_blocks())
    return covered / len(claim)


def matches(proposal_text: str, claim_text: str) -> bool:
    proposal, claim = normalised(proposal_text), normalised(claim_text)
    return len(proposal) <= MAX_LENGTH_RATIO * len(claim) and (
        coverage(claim, proposal) >= MIN_COVERAGE
    )


def attribution(claim: dict[str, Any]) -> str:
    """A claim's attribution; a schema-1 claim's `verbatim` true counts as a quote."""
    if "attribution" in claim:
        return str(claim["attribution"])
    return "quote" if claim.get("verbatim") else "paraphrase"


@dataclass(frozen=True)
class Score:
    proposals: int
    matched: int  # proposals matching some claim
    in_scope: int  # quote and readout claims
    recalled: int  # of those, matched by some proposal
    right: dict[str, int]  # field -> matched proposals with that field right

    @property
    def precision(self) -> float:
        return self.matched / self.proposals if self.proposals else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.in_scope if self.in_scope else 0.0

    def share(self, name: str) -> float:
        return self.right[name] / self.matched if self.matched else 0.0

    def rows(self) -> list[tuple[str, str, str]]:
        """(figure, value, count) rows for the printed table."""
        rows = [
            ("recall of quote and readout claims", self.recall, f"{self.recalled}/{self.in_scope}"),
            ("precision", self.precision, f"{self.matched}/{self.proposals}"),
        ]
        rows += [
            (f"{name} right, of matched", self.share(name), f"{self.right[name]}/{self.matched}")
            for name in FIELDS
        ]
        return [(label, f"{value:.0%}", count) for label, value, count in rows]


def _agreement(proposal: dict[str, Any], claim: dict[str, Any]) -> list[str]:
    return [name for name in FIELDS if _same(name, proposal.get(name), claim.get(name))]


def _same(name: str, a: Any, b: Any) -> bool:
    if name == "speaker":
        return fold(a or "") == fold(b or "")
    return bool(a == b)


def score(proposals: Sequence[dict[str, Any]], claims: Sequence[dict[str, Any]]) -> Score:
    """Score proposals (dicts with text, speaker, side, date, kind) against claims.

    A proposal matching several claims (one text recorded for two speakers, say) is
    judged against the one it agrees with most; ties go to the claim listed first,
    so pass claims in a fixed order (by id) for figures that never change.
    """
    recalled: set[int] = set()
    right = dict.fromkeys(FIELDS, 0)
    matched = 0
    for proposal in proposals:
        hits = [i for i, c in enumerate(claims) if matches(proposal["text"], c["text"])]
        if not hits:
            continue
        matched += 1
        recalled.update(hits)
        best = max(hits, key=lambda i: (len(_agreement(proposal, claims[i])), -i))
        for name in _agreement(proposal, claims[best]):
            right[name] += 1
    in_scope = [i for i, c in enumerate(claims) if attribution(c) in RECALLED_ATTRIBUTIONS]
    return Score(
        proposals=len(proposals),
        matched=matched,
        in_scope=len(in_scope),
        recalled=len(recalled.intersection(in_scope)),
        right=right,
    )
