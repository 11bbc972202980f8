"""Reviewing proposals one by one, as `git add -p` reviews hunks.

For each proposal the analyst answers y (record it), n (skip it), e (edit a field,
then answer again), q (stop: record what was accepted so far) or ? (help). Nothing
is written here: the caller records the accepted claims in one transaction at the
end. Input and output are functions the caller passes, so this loop runs the same
under a terminal, a pseudo-terminal and a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimtrack.errors import ClaimtrackError
from claimtrack.extract.proposals import Proposal

Fields = dict[str, Any]
EDITABLE = (
    "text",
    "speaker",
    "side",
    "to",
    "attribution",
    "kind",
    "topics",
    "date",
    "round",
    "note",
)
LIST_FIELDS = ("to", "topics")
HELP = """y - record this claim
n - skip it
e - edit a field, then decide
q - stop here; record the claims accepted so far
? - this help"""


@dataclass
class Review:
    """What the loop needs from its caller."""

    ask: Callable[[str], str | None]  # a prompt -> the answer; None at end of input
    show: Callable[[str], None]
    check: Callable[[Fields], None]  # raises ClaimtrackError for a claim that cannot be recorded
    complete: Callable[[Fields], Fields]  # fills in what an edit implies (a person's side)
    accepted: list[Fields] = field(default_factory=list)


def review(
    proposals: list[tuple[Proposal, Fields]], loop: Review, *, include_duplicates: bool = False
) -> list[Fields]:
    """The claims the analyst accepts, in the order of the article."""
    total = len(proposals)
    for number, (proposal, fields) in enumerate(proposals, start=1):
        if proposal.duplicate_of and not include_duplicates:
            loop.show(
                f"({number}/{total}) skipped: claim {proposal.duplicate_of} already records it"
            )
            continue
        if not _decide(loop, number, total, proposal, fields):
            break
    return loop.accepted


def _decide(loop: Review, number: int, total: int, proposal: Proposal, fields: Fields) -> bool:
    """Show one proposal until the analyst decides; False when they quit."""
    loop.show(describe(number, total, proposal, fields))
    while True:
        answer = loop.ask(f"({number}/{total}) Record this claim [y,n,e,q,?]? ")
        if answer is None or answer.strip().lower() == "q":
            return False
        choice = answer.strip().lower()
        if choice == "y":
            try:
                loop.check(fields)
            except ClaimtrackError as exc:
                loop.show(f"Error: {exc}")
                continue
            loop.accepted.append(fields)
            return True
        if choice == "n":
            return True
        if choice == "e":
            if not _edit(loop, fields):
                return False
            loop.show(describe(number, total, proposal, fields))
            continue
        loop.show(HELP)


def _edit(loop: Review, fields: Fields) -> bool:
    """Change one field as the analyst says; False at end of input."""
    name = loop.ask(f"Field to edit ({', '.join(EDITABLE)}): ")
    if name is None:
        return False
    name = name.strip().lower()
    if name not in EDITABLE:
        loop.show(f"Error: no field '{name}'; choose one of: {', '.join(EDITABLE)}")
        return True
    current = _shown(fields.get(name))
    value = loop.ask(f"New {name} [{current}] (empty keeps it, '-' clears it): ")
    if value is None:
        return False
    value = value.strip()
    if value == "-":
        fields[name] = [] if name in LIST_FIELDS else None
    elif value:
        fields[name] = (
            [v.strip() for v in value.split(",") if v.strip()] if name in LIST_FIELDS else value
        )
    fields.update(loop.complete(fields))
    return True


def describe(number: int, total: int, proposal: Proposal, fields: Fields) -> str:
    """One proposal as the analyst sees it: a line per field, store text made visible."""
    from claimtrack.render import visible  # keeps control characters off the terminal

    lines = [f"Proposal {number} of {total}" + (" (incomplete)" if proposal.missing else "")]
    for name in (*EDITABLE, "source", "published"):
        value = fields.get(name)
        if value in (None, []) and name not in ("side", "topics", "speaker"):
            continue
        lines.append(f"  {name:<12}{visible(_shown(value))}")
    if proposal.duplicate_of:
        lines.append(f"  {'duplicate':<12}of claim {proposal.duplicate_of}")
    return "\n".join(lines)


def _shown(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    return str(value)
