"""Claims as sentences ready to paste into writing (`claimtrack cite`).

One sentence per claim, in the shape a newspaper prints, whatever the grammar of
the translation: the words always follow a colon, never a "that" which would need
the translation to be a clause.

- quote (the speaker's own words):
  `Sergei Lavrov (Russia) warned on 1 February 2022, as reported by TASS: "…"`
- readout (an official statement's wording about the speaker):
  `Vladimir Putin (Russia) demanded on 21 January 2022, according to the Kremlin's readout: "…"`
- paraphrase (the reporter's words), reported speech without quotation marks:
  `Sergei Ryabkov (Russia) demanded on 10 January 2022, according to Sputnik: …`

The verb follows the kind. When a claim has a translation, the translation leads and
the original follows it. Store text goes through `render.visible()`, so a pasted
citation never carries a hidden control or direction character.
"""

from __future__ import annotations

import re
from typing import Any, Final

from claimtrack.dates import format_date_long
from claimtrack.render import visible

STYLES: Final = ("plain", "md")

VERBS: Final = {
    "demand": "demanded",
    "proposal": "proposed",
    "acceptance": "accepted",
    "rejection": "rejected",
    "warning": "warned",
    "response": "responded",
    "statement": "said",
}

_MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>])")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”»']?$")
# A source named as a readout or statement ("Kremlin readout") is the readout's owner.
_READOUT_SOURCE_RE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)\s+(?:readout|statement)s?$", re.I)
# A name ending in one of these words (or "Ministry of ...") is an institution,
# which English names with "the"; "Kremlin spokesman Dmitry Peskov" is not.
_INSTITUTION_RE = re.compile(
    r"\b(?:Ministry|Department|Office|Service|Council|Commission|Government|Kremlin|"
    r"Committee|Parliament|Embassy|Mission|Secretariat|House|Union|States|Kingdom|"
    r"Nations|Emirates|Republic|Federation|Netherlands|Philippines)(?:\s+of\b.*)?$"
)
_FULL_STOP_RE = re.compile(r"(?<![.])\.$")
# A source that names an occasion rather than an outlet ("Russian radio interview")
# reads "in a Russian radio interview", not "as reported by Russian radio interview".
_OCCASION_RE = re.compile(
    r"\b(?:interview|press conference|briefing|speech|broadcast|talk show)s?$", re.I
)


def _clean(text: str, style: str) -> str:
    """One line of visible text; Markdown's own characters escaped for `md`."""
    text = visible(" ".join(text.split()))
    return _MD_SPECIAL_RE.sub(r"\\\1", text) if style == "md" else text


def _link(url: str, style: str) -> str:
    shown = visible(url)
    if style != "md":
        return shown
    target = shown.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{_clean(url, style)}]({target})"


def with_article(name: str) -> str:
    """`the Russian Foreign Ministry`, `the United States`; `Russia`, `NATO` as they are."""
    if name.lower().startswith("the ") or not _INSTITUTION_RE.search(name):
        return name
    return f"the {name}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject(claim: dict[str, Any], side_name: str, style: str) -> str:
    side = _clean(side_name, style)
    speaker = claim.get("speaker")
    if speaker:
        return f"{with_article(_clean(speaker, style))} ({side})"
    return with_article(side)


def _attributed_to(claim: dict[str, Any], style: str) -> str:
    """', as reported by TASS' / ', according to the Kremlin's readout' / ''."""
    source = _clean(claim["source"], style) if claim.get("source") else None
    attribution = claim.get("attribution", "quote")
    if attribution == "readout":
        owner = _READOUT_SOURCE_RE.match(source or "")
        if owner:
            return f", according to {with_article(owner['owner'])}'s readout"
        if source:
            return f", according to the official readout reported by {source}"
        return ", according to the official readout"
    if source and _OCCASION_RE.search(source):
        occasion = f", in {_indefinite(source)}"
        return occasion + (", in paraphrase" if attribution == "paraphrase" else "")
    if attribution == "paraphrase":
        return f", according to {source}" if source else ", in paraphrase"
    return f", as reported by {source}" if source else ""


def _indefinite(noun: str) -> str:
    if noun.lower().startswith(("a ", "an ", "the ")):
        return noun
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _words(claim: dict[str, Any], style: str) -> str:
    """The words after the colon: quoted unless paraphrased, translation first."""
    text = _clean(claim["text"], style)
    translation = _clean(claim["translation"], style) if claim.get("translation") else None
    if claim.get("attribution", "quote") != "paraphrase":
        return f'"{translation}" (original: "{text}")' if translation else f'"{text}"'
    if translation:
        # the full stop belongs to the sentence, after the original
        return f"{_FULL_STOP_RE.sub('', translation)} (original: {text})"
    return text


def cite(claim: dict[str, Any], side_name: str, style: str = "plain") -> str:
    """One sentence: who, the kind's verb, the date written out, whose words, the words, url."""
    verb = VERBS.get(claim["kind"], "said")
    sentence = _capitalised(_subject(claim, side_name, style))
    sentence += f" {verb} on {format_date_long(claim['date'])}"
    sentence += f"{_attributed_to(claim, style)}: {_words(claim, style)}"
    if not _SENTENCE_END_RE.search(sentence):
        sentence += "."
    if claim.get("url"):
        sentence += " " + _link(claim["url"], style)
    return sentence
