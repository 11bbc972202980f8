"""Where an article reports speech: quoted passages and reporting sentences.

This module knows quotation marks, sentence ends and the lexicon's words, and
nothing of the store. It cuts an article into paragraphs and sentences (never
inside a quotation, so a quote running over several sentences stays whole) and
returns each stretch of reported speech with the reporter's words around it (its
*frame*), where the speaker, the verb and the date are to be found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from claimtrack.extract.lexicon import COMPLEMENTISERS, REPORTING_VERBS
from claimtrack.textmatch import fold

# opening mark -> the marks that close it
_CLOSERS = {
    "«": "»",
    "‹": "›",
    "“": "”",
    "„": "“”",
    "‚": "‘’",
    "‘": "’",
    "「": "」",
    "『": "』",
    '"': '"',
}
_OPEN_CONTEXT = set(" \t\n([{:،,؛;—–-") | set(_CLOSERS)
_SENTENCE_END_RE = re.compile(r"(?:[.!?؟…]+|\.\.)(?=\s|$)")
_ABBREVIATION_RE = re.compile(
    r"\b(?:[A-ZА-Я]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Jr|Sr|U\.S|U\.N|т\.е|т\.д|г)$"
)
_LONGEST_ABBREVIATION = 6  # looked at before a period: "U.S", with room for its boundary
_BEFORE = 300  # characters of the paragraph kept before a sentence
MIN_QUOTE_WORDS = 4  # shorter quotes are names, titles or scare quotes
# A claim is one point: a quotation longer than this is proposed sentence by
# sentence, and a sentence longer than this clause by clause.
LONG_PASSAGE = 200
MIN_CLAUSE_WORDS = 2
# Where a long sentence's clauses join: a comma then "and", "but", "as well as".
_CLAUSE_RE = re.compile(
    r"[،,;؛]\s+(?=(?:و|ف)?(?:لكن|إضافة|بالإضافة)|و(?=[^\W\d_]{2})|(?:and|but|as well as|while)\b"
    r"|(?:а|но|и|а также|однако)\b)"
)


@dataclass(frozen=True)
class Passage:
    """One stretch of reported speech."""

    text: str  # the words proposed as the claim's text
    frame: str  # the reporter's words in the sentence, quotations left out
    lead: str  # the frame's part before this passage: where its verb is
    quoted: bool
    paragraph: int
    inner: bool = False  # someone else's words reported inside a quotation
    before: str = ""  # the end of the paragraph before the sentence: who was just named


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, each a paragraph (articles pasted from pages use single newlines)."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost quotation's content; one left open runs to the end."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if stack and char in _CLOSERS[stack[-1][0]] and (char != '"' or _may_close(text, i)):
            opener, start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
        elif char in _CLOSERS and (char not in "\"'" or _may_open(text, i, bool(stack))):
            stack.append((char, i))
    if stack:
        spans.append((stack[0][1] + 1, len(text)))
    return spans


def _may_open(text: str, i: int, nested: bool) -> bool:
    before = text[i - 1] if i else " "
    return before in _OPEN_CONTEXT and i + 1 < len(text)


def _may_close(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def sentences(paragraph: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a sentence end inside a quotation is no end."""
    bounds: list[tuple[int, int]] = []
    starts = [a for a, _ in quotes]  # quotations are in order and never overlap
    start = 0
    for match in _SENTENCE_END_RE.finditer(paragraph):
        end = match.end()
        before = bisect.bisect_right(starts, match.start()) - 1
        if before >= 0 and match.start() < quotes[before][1]:
            continue
        word = paragraph[max(start, match.start() - _LONGEST_ABBREVIATION) : match.start()]
        if match.group() == "." and _ABBREVIATION_RE.search(word):
            continue
        bounds.append((start, end))
        start = end
    if paragraph[start:].strip():
        bounds.append((start, len(paragraph)))
    return [(a, b) for a, b in bounds if paragraph[a:b].strip()]


def find_passages(text: str) -> Iterator[Passage]:
    for number, paragraph in enumerate(paragraphs(text)):
        quotes = quote_spans(paragraph)
        starts = [a for a, _ in quotes]
        for start, end in sentences(paragraph, quotes):
            first, last = bisect.bisect_left(starts, start + 1), bisect.bisect_right(starts, end)
            yield from _sentence_passages(paragraph, start, end, quotes[first:last], number)


def _sentence_passages(
    paragraph: str, start: int, end: int, quotes: list[tuple[int, int]], number: int
) -> Iterator[Passage]:
    long_quotes = [(a, b) for a, b in quotes if _words(paragraph[a:b]) >= MIN_QUOTE_WORDS]
    frame = _frame(paragraph, start, end, long_quotes)
    before = paragraph[max(0, start - _BEFORE) : start]
    if long_quotes:
        previous = start
        for a, b in long_quotes:
            lead = _frame(paragraph, previous, a - 1, [])
            previous = min(b + 1, end)
            for piece in pieces(paragraph[a:b]):
                yield Passage(piece, frame, lead, True, number, before=before)
        return
    sentence = paragraph[start:end]
    verb = reporting_verb(sentence)
    if verb is None:
        return
    split = complementiser_after(sentence, verb[1])
    if split is None:
        return
    reported = clean(sentence[split:])
    if _words(reported) >= MIN_QUOTE_WORDS:
        lead = sentence[:split].strip()
        for piece in pieces(reported):
            yield Passage(piece, lead, lead, False, number, before=before)


def pieces(text: str) -> list[str]:
    """A passage cut into the points it makes: a long one into its sentences, a long
    sentence into its clauses; a piece too short to stand alone stays with the one before."""
    text = " ".join(text.split())
    if len(text) <= LONG_PASSAGE:
        return [clean(text)]
    cut: list[str] = []
    for start, end in sentences(text, []):
        sentence = text[start:end]
        if len(sentence) > LONG_PASSAGE:
            cut += _joined(_split(sentence, _CLAUSE_RE), MIN_CLAUSE_WORDS)
        else:
            cut.append(sentence)
    return [clean(piece) for piece in _joined(cut, MIN_QUOTE_WORDS)]


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    bounds = [0, *(m.end() for m in pattern.finditer(text)), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _joined(parts: list[str], min_words: int) -> list[str]:
    groups: list[list[str]] = []
    for part in parts:
        if groups and _words(clean(part)) < min_words:
            groups[-1].append(part.strip())
        else:
            groups.append([part.strip()])
    if len(groups) > 1 and _words(clean(" ".join(groups[0]))) < min_words:
        groups[:2] = [groups[0] + groups[1]]
    return [" ".join(group) for group in groups]


def _frame(paragraph: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str:
    parts, position = [], start
    for a, b in quotes:
        parts.append(paragraph[position : a - 1])
        parts.append(" … ")
        position = min(b + 1, end)
    parts.append(paragraph[position:end])
    return " ".join("".join(parts).split())


def clean(text: str) -> str:
    """The passage without surrounding spaces, quotation marks and the sentence's end."""
    text = " ".join(text.split()).strip(" \"'«»“”„‚‘’‹›「」『』")
    return re.sub(r"[\s.,،;؛:]+$", "", text) or text


def _words(text: str) -> int:
    return len(text.split())


@cache
def _verb_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for kind, forms in REPORTING_VERBS.items():
        folded = sorted({fold(form) for form in forms}, key=len, reverse=True)
        alternation = "|".join(re.escape(form) for form in folded)
        # Arabic joins "and"/"so" (و، ف) to the verb: "وقال", "فأكد".
        patterns.append(
            (re.compile(rf"(?<!\w)(?:[وف](?=[^\W\d_]{{2}}))?(?:{alternation})(?!\w)"), kind)
        )
    return patterns


def reporting_verb(text: str) -> tuple[str, int, int] | None:
    """The kind and (start, end) in fold(text) of the first reporting verb in `text`."""
    folded = fold(text)
    found: tuple[str, int, int] | None = None
    for pattern, kind in _verb_patterns():
        match = pattern.search(folded)
        if match and (found is None or match.start() < found[1]):
            found = (kind, match.start(), match.end())
    return found


@cache
def _complementiser_pattern() -> re.Pattern[str]:
    words = sorted({fold(word) for word in COMPLEMENTISERS}, key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def complementiser_after(sentence: str, position: int) -> int | None:
    """Where reported speech starts in `sentence`: after the first complementiser
    that follows the verb at `position` (a position in the folded sentence)."""
    folded = fold(sentence)
    match = _complementiser_pattern().search(folded, position)
    if match is None:
        return None
    # fold may drop marks, so find the same word in the original by counting words.
    words_before = len(folded[: match.end()].split())
    original = sentence.split()
    return len(" ".join(original[:words_before])) + (1 if sentence[:1].isspace() else 0)
