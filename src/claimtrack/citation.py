"""Claims as sentences ready to paste into writing (`claimtrack cite`).

A direct quote is quoted; a paraphrase (`attribution` paraphrase) is reported speech without
quotation marks. When a claim has a translation, the translation leads and the
original follows it. Store text goes through `render.visible()`, so a pasted
citation never carries a hidden control or direction character.
"""

from __future__ import annotations

import re
from typing import Any, Final

from claimtrack.dates import format_date_long
from claimtrack.render import visible

STYLES: Final = ("plain", "md")

_MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>])")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”]?$")


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


def cite(claim: dict[str, Any], side_name: str, style: str = "plain") -> str:
    """One sentence: speaker and side, date written out, outlet, quote or speech, url."""
    side = _clean(side_name, style)
    speaker = claim.get("speaker")
    lead = f"{_clean(speaker, style)} ({side})" if speaker else side
    lead += f" said on {format_date_long(claim['date'])}"
    if claim.get("source"):
        lead += f", as reported by {_clean(claim['source'], style)}"
    text = _clean(claim["text"], style)
    translation = _clean(claim["translation"], style) if claim.get("translation") else None
    if claim.get("attribution", "quote") != "paraphrase":
        quote = f'"{translation}" (original: "{text}")' if translation else f'"{text}"'
        sentence = f"{lead}: {quote}"
    else:
        speech = f"{translation} (original: {text})" if translation else text
        sentence = f"{lead}, that {speech}"
    if not _SENTENCE_END_RE.search(sentence):
        sentence += "."
    if claim.get("url"):
        sentence += " " + _link(claim["url"], style)
    return sentence
