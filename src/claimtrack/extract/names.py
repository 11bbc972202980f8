"""Finding a vocabulary's names (people, sides, topics) in an article's sentences.

Names are matched on `textmatch.fold`ed text, whole words only, with the particles
Arabic writes joined to the next word (و، ف، ب، ل، ك، ال) and the case endings
Russian adds to a name (Лаврова, Лаврову) allowed around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimtrack.store import Store
from claimtrack.textmatch import fold

_ARABIC_PARTICLES = r"(?:وبال|وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)"
_RUSSIAN_ENDING = r"(?:[а-яё]{1,3})"


@dataclass(frozen=True)
class Found:
    key: str  # the slug (or, for plain word lists, the folded word)
    start: int
    end: int


class Names:
    """The names of a set of entries, each leading to the entry's key."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.owner: dict[str, str] = {}
        for name, key in names:
            self.owner.setdefault(fold(name), key)
        alternation = "|".join(
            re.escape(name) for name in sorted(self.owner, key=len, reverse=True) if name
        )
        self.pattern = (
            re.compile(rf"(?<!\w){_ARABIC_PARTICLES}?({alternation}){_RUSSIAN_ENDING}?(?!\w)")
            if alternation
            else None
        )

    def find(self, folded: str) -> list[Found]:
        """Every name in already-folded text, in order, longest first where they overlap."""
        if self.pattern is None:
            return []
        return [
            Found(self.owner[m.group(1)], m.start(), m.end()) for m in self.pattern.finditer(folded)
        ]

    def keys_in(self, folded: str) -> list[str]:
        return list(dict.fromkeys(found.key for found in self.find(folded)))


def words(entries: Iterable[str]) -> Names:
    """A plain word list (readout nouns, back references): each word is its own key."""
    return Names((word, fold(word)) for word in entries)


@dataclass(frozen=True)
class Vocabulary:
    """What extraction knows of a store: its people, sides and topics, and their names."""

    people: dict[str, dict[str, Any]]
    people_names: Names
    side_names: Names
    topic_names: Names

    @classmethod
    def of(cls, store: Store) -> Vocabulary:
        people = {p["slug"]: p for p in store.records("people")}
        return cls(
            people=people,
            people_names=_names(people.values(), "name"),
            side_names=_names(store.records("sides"), "name"),
            topic_names=_names(store.records("topics"), "title"),
        )


def _names(records: Iterable[dict[str, Any]], label: str) -> Names:
    pairs: list[tuple[str, str]] = []
    for record in records:
        for name in (record[label], *record.get("aliases", [])):
            pairs.append((name, record["slug"]))
    return Names(pairs)
