"""What an import did, or would do, with each record; and why it refused.

`import_records` (importing.py) fills a `Report` with one `Action` per record, and
raises `ImportProblems` for invalid records or `ImportConflicts` for records the
store holds with other content (unless told to update or skip them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.errors import InputError
from claimtrack.exchange import Problem

__all__ = ["Action", "ImportConflicts", "ImportProblems", "Report"]


class ImportProblems(InputError):
    """Every problem found in a file; nothing was imported."""

    def __init__(self, source: str, problems: list[Problem], hint: str | None = None) -> None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in {source}; nothing was imported", hint)
        self.problems = problems


class ImportConflicts(InputError):
    """Records the store holds with other content; nothing was imported."""

    def __init__(self, source: str, report: Report) -> None:
        count = len(report.conflicts)
        super().__init__(
            f"{count} conflict{'s' if count != 1 else ''} with the store in {source}; "
            "nothing was imported",
            "Take the file's version with --update, or import the rest with --skip-conflicts",
        )
        self.report = report


@dataclass(frozen=True)
class Action:
    """What import did (or would do) with one record."""

    verb: str  # add, update, skip
    kind: str  # side, topic, round, claim
    key: str
    differs: tuple[str, ...] = ()  # for a conflict: the fields that differ

    @property
    def conflict(self) -> bool:
        return self.verb == "skip" and bool(self.differs)

    def __str__(self) -> str:
        text = f"{self.verb} {self.kind} {self.key}"
        if self.conflict:
            return f"{text} (conflict: {', '.join(self.differs)} differ)"
        if self.verb == "skip":
            return f"{text} (unchanged)"
        return text


@dataclass
class Report:
    actions: list[Action] = field(default_factory=list)
    # What --add-missing created: (kind, slug, what was said about it)
    added_missing: list[tuple[str, str, str]] = field(default_factory=list)

    def count(self, verb: str) -> int:
        return sum(1 for a in self.actions if a.verb == verb)

    @property
    def conflicts(self) -> list[Action]:
        return [a for a in self.actions if a.conflict]

    def summary(self, *, dry_run: bool = False) -> str:
        words = ("to add", "to update", "to skip") if dry_run else ("added", "updated", "skipped")
        counts = (self.count(verb) for verb in ("add", "update", "skip"))
        text = ", ".join(f"{count} {word}" for count, word in zip(counts, words, strict=True))
        if self.conflicts:
            text += f" ({len(self.conflicts)} in conflict)"
        return text
