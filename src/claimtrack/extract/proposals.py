"""From passages of reported speech to proposed claims: who, which side, how
attributed, what kind, on which topics, on which day.

Every rule here is general: the speaker is a known person named next to the
reporting verb (or the capitalised name there, in English and Russian), the one
before when the sentence names no one; the side is the person's, or the side
named as the subject; the kind comes from the verb, then from the wording of the
passage; the date from the reporter's words ("today", "yesterday", a weekday, a
date), resolved against the publication date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from claimtrack.extract.dating import day_named
from claimtrack.extract.lexicon import (
    BACK_REFERENCES,
    CONTINUATIONS,
    KIND_CUES,
    READOUT_NOUNS,
)
from claimtrack.extract.names import Found, Names, Vocabulary, words
from claimtrack.extract.passages import (
    Passage,
    clean,
    complementiser_after,
    find_passages,
    reporting_verb,
)
from claimtrack.extract.scoring import matches
from claimtrack.textmatch import fold

_CAPITALISED_NAME_RE = re.compile(
    r"(?<![\w-])[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,3}(?![\w-])"
)
_INNER_LEAD_WORDS = 4  # how far into a quotation a verb may start an inner report


@dataclass(frozen=True)
class Proposal:
    """A claim as extraction proposes it; the analyst accepts, corrects or skips it."""

    text: str
    speaker: str | None
    side: str | None
    attribution: str
    kind: str
    topics: tuple[str, ...]
    date: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    round: str | None = None
    notes: tuple[str, ...] = ()
    duplicate_of: str | None = None

    @property
    def note(self) -> str | None:
        return "; ".join(self.notes) if self.notes else None

    @property
    def missing(self) -> list[str]:
        """Fields a claim needs that extraction could not fill."""
        return [name for name, value in (("side", self.side), ("topics", self.topics)) if not value]


@dataclass(frozen=True)
class Speaker:
    name: str | None = None
    side: str | None = None
    readout: bool = False


@dataclass
class ArticleContext:
    """What earlier passages established: the speaker now talking, the last date said."""

    published: str
    topics: tuple[str, ...] = ()  # the article's own topics, most named first
    speaker: Speaker = field(default_factory=Speaker)
    date: tuple[int, str] | None = None  # (paragraph, ISO date)


def propose(
    text: str,
    vocabulary: Vocabulary,
    *,
    published: str,
    source: str | None = None,
    url: str | None = None,
    round_: str | None = None,
) -> list[Proposal]:
    """The claims an article reports, in the order it reports them."""
    context = ArticleContext(published, _article_topics(text, vocabulary.topic_names))
    proposals: dict[str, Proposal] = {}  # a passage the article repeats is proposed once
    for passage in find_passages(text):
        proposal = _proposal(passage, vocabulary, context)
        if proposal is not None and proposal.text not in proposals:
            proposals[proposal.text] = replace(
                proposal, source=source, url=url, published=published, round=round_
            )
    return list(proposals.values())


def mark_duplicates(proposals: list[Proposal], claims: list[dict[str, Any]]) -> list[Proposal]:
    """Each proposal with `duplicate_of` set when a stored claim of that day says the same."""
    by_date: dict[str, list[dict[str, Any]]] = {}
    for claim in sorted(claims, key=lambda c: c["id"]):
        by_date.setdefault(claim["date"], []).append(claim)
    marked = []
    for proposal in proposals:
        same = next(
            (
                c["id"]
                for c in by_date.get(proposal.date, [])
                if matches(proposal.text, c["text"]) or matches(c["text"], proposal.text)
            ),
            None,
        )
        marked.append(replace(proposal, duplicate_of=same))
    return marked


def _proposal(passage: Passage, vocabulary: Vocabulary, context: ArticleContext) -> Proposal | None:
    passage = _reported_within(passage, vocabulary)
    verb = reporting_verb(passage.lead) or reporting_verb(passage.frame)
    speaker, named = _speaker(passage, vocabulary, verb)
    if not named:
        if verb is None and not _continues(passage):
            return None  # a quotation nobody is said to have spoken: a title, a slogan
        speaker = context.speaker
    if speaker.readout and speaker.side is None:
        speaker = _statement_of_someone_before(passage, vocabulary, context)
    if not passage.inner:  # the quotation's own speaker goes on after an inner report
        context.speaker = speaker
    notes: list[str] = []
    topics = _topics(passage, vocabulary.topic_names)
    if not topics and context.topics:
        topics = context.topics[:1]
        notes.append("topic from the article, not the sentence")
    date = _date(passage, context)
    if date is None:
        date = context.published
        notes.append("date: the publication date (the sentence names no day)")
    attribution = "readout" if speaker.readout else "quote" if passage.quoted else "paraphrase"
    return Proposal(
        text=passage.text,
        speaker=speaker.name,
        side=speaker.side,
        attribution=attribution,
        kind=_kind(passage.text, verb[0] if verb else None),
        topics=topics,
        date=date,
        notes=tuple(notes),
    )


def _reported_within(passage: Passage, vocabulary: Vocabulary) -> Passage:
    """A quotation that starts by reporting someone else ("Blinken said that ...")
    is that person's words as the speaker paraphrases them."""
    verb = reporting_verb(passage.text) if passage.quoted else None
    if verb is None or len(fold(passage.text)[: verb[1]].split()) > _INNER_LEAD_WORDS:
        return passage
    split = complementiser_after(passage.text, verb[1])
    if split is None:
        return passage
    lead = passage.text[:split].strip()
    folded = fold(lead)
    gaps = [
        found.start - verb[2] if found.start >= verb[2] else verb[1] - found.end
        for found in vocabulary.people_names.find(folded)
    ]
    if not gaps or min(gaps) > 1:  # the person must be the verb's subject, next to it
        return passage
    return Passage(clean(passage.text[split:]), lead, lead, False, passage.paragraph, True)


def _statement_of_someone_before(
    passage: Passage, vocabulary: Vocabulary, context: ArticleContext
) -> Speaker:
    """A statement that names no one ("according to the statements"): the statements of
    the person named last just before, else of the side spoken for before."""
    named = vocabulary.people_names.find(fold(passage.before))
    if named:
        person = vocabulary.people[named[-1].key]
        return Speaker(person["name"], person["side"], readout=True)
    return Speaker(side=context.speaker.side, readout=True)


def _continues(passage: Passage) -> bool:
    """A quotation introduced by a colon or by "also" alone goes on from the one before."""
    lead = passage.lead.rstrip()
    words = [word for word in fold(passage.frame).split() if any(c.isalpha() for c in word)]
    return lead.endswith(":") or (len(words) <= 2 and set(words) <= _continuations())


@cache
def _continuations() -> set[str]:
    return {fold(word) for word in CONTINUATIONS}


# --- the speaker -----------------------------------------------------------------------


@cache
def _readout_nouns() -> Names:
    return words(READOUT_NOUNS)


@cache
def _back_references() -> Names:
    return words(BACK_REFERENCES)


def _speaker(
    passage: Passage, vocabulary: Vocabulary, verb: tuple[str, int, int] | None
) -> tuple[Speaker, bool]:
    """Who speaks, and whether the sentence itself says so (else the last speaker goes on)."""
    for frame in (passage.lead, passage.frame):
        folded = fold(frame)
        verb_here = reporting_verb(frame)
        position = (verb_here[1], verb_here[2]) if verb_here else None
        people = vocabulary.people_names.find(folded)
        readouts = _readout_nouns().find(folded)
        sides = vocabulary.side_names.find(folded)
        back = _back_references().find(folded)
        subject = _nearest([*people, *readouts, *sides, *back], position)
        if subject is None:
            name = _capitalised_name(frame, position)
            if name is not None:
                return Speaker(name=name), True
            continue
        if subject in back:
            return Speaker(), False
        # A statement, ministry or press service speaks: a readout, unless a person does.
        readout = _is_institution(subject, people, vocabulary) or (
            bool(readouts) and subject not in people
        )
        if readout:
            return _readout_speaker(passage, vocabulary, people, sides), True
        if subject in people:
            person = vocabulary.people[subject.key]
            return Speaker(person["name"], person["side"]), True
        return Speaker(side=subject.key), True
    return Speaker(), False


def _nearest(found: list[Found], verb: tuple[int, int] | None) -> Found | None:
    """The name closest to the verb (its subject, before or after it); the first without one."""
    if not found:
        return None
    if verb is None:
        return min(found, key=lambda f: f.start)

    def distance(f: Found) -> tuple[int, int]:
        gap = f.start - verb[1] if f.start >= verb[1] else verb[0] - f.end
        return (max(gap, 0), f.start)

    return min(found, key=distance)


def _is_institution(subject: Found, people: list[Found], vocabulary: Vocabulary) -> bool:
    """A 'person' that is a ministry or press service speaks in statements: readouts."""
    if subject not in people:
        return False
    name = fold(vocabulary.people[subject.key]["name"])
    return bool(_readout_nouns().find(name))


def _readout_speaker(
    passage: Passage, vocabulary: Vocabulary, people: list[Found], sides: list[Found]
) -> Speaker:
    """A statement speaks of someone: the person it names, else the institution itself."""
    named = [f for f in vocabulary.people_names.find(fold(passage.text))]
    named += people
    for found in named:
        person = vocabulary.people[found.key]
        if not _readout_nouns().find(fold(person["name"])) or found is named[-1]:
            return Speaker(person["name"], person["side"], readout=True)
    if sides:
        return Speaker(side=sides[0].key, readout=True)
    return Speaker(readout=True)


def _capitalised_name(frame: str, verb: tuple[int, int] | None) -> str | None:
    """An unknown speaker in English or Russian: the capitalised name next to the verb."""
    if verb is None:
        return None
    candidates = [
        Found(m.group(), m.start(), m.end()) for m in _CAPITALISED_NAME_RE.finditer(frame)
    ]
    nearest = _nearest(candidates, verb)
    if nearest is None:
        return None
    gap = nearest.start - verb[1] if nearest.start >= verb[1] else verb[0] - nearest.end
    return nearest.key if gap <= 3 else None


# --- kind, topics, date ------------------------------------------------------------------


@cache
def _cues() -> list[tuple[str, Names]]:
    return [(kind, words(cues)) for kind, cues in KIND_CUES.items()]


def _kind(text: str, verb_kind: str | None) -> str:
    if verb_kind is not None and verb_kind != "statement":
        return verb_kind
    folded = fold(text)
    for kind, cues in _cues():
        if cues.find(folded):
            return kind
    return "statement"


def _topics(passage: Passage, names: Names) -> tuple[str, ...]:
    found = names.keys_in(fold(passage.text)) or names.keys_in(fold(passage.frame))
    return tuple(found)


def _article_topics(text: str, names: Names) -> tuple[str, ...]:
    counts = Counter(found.key for found in names.find(fold(text)))
    return tuple(key for key, _ in counts.most_common())


def _date(passage: Passage, context: ArticleContext) -> str | None:
    """The day the reporter's words give; the paragraph's last one; None if neither."""
    found = day_named(passage.lead, passage.frame, context.published)
    if found is not None:
        context.date = (passage.paragraph, found)
        return found
    if context.date is not None and context.date[0] == passage.paragraph:
        return context.date[1]
    return None


def claim_fields(proposal: Proposal) -> dict[str, Any]:
    """The proposal as the claim fields `record` and `import` take."""
    return {
        "side": proposal.side,
        "to": [],
        "speaker": proposal.speaker,
        "round": proposal.round,
        "date": proposal.date,
        "topics": list(proposal.topics),
        "kind": proposal.kind,
        "text": proposal.text,
        "attribution": proposal.attribution,
        "source": proposal.source,
        "url": proposal.url,
        "published": proposal.published,
        "tags": [],
        "note": proposal.note,
    }
