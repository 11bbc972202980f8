"""Search keys that find Arabic (and Latin) text the way people type it.

Sources write ``الأمنيّة`` with hamza and shadda, analysts type ``الامنية``; sources
use Eastern Arabic or Persian digits, analysts type ASCII. ``fold`` maps all of these
to one key, so a search compares ``fold(query)`` with ``fold(text)``.
"""

from __future__ import annotations

import unicodedata

__all__ = ["contains", "fold"]


def _build_table() -> list[int | str | None]:
    mapping: dict[int, str | None] = {}
    # Harakat, shadda, sukun, madda/hamza marks, superscript alef, Quranic annotation:
    # pronunciation aids that writers add or leave out at will.
    for start, end in ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED)):
        for code in range(start, end + 1):
            mapping[code] = None
    # Tatweel only stretches a word; bidi marks come along when text is copied from the web.
    for code in (0x0640, 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        mapping[code] = None
    # Spellings that vary between writers, keyboards and regions.
    for variants, plain in (
        ("أإآٱٲٳ", "ا"),
        ("ؤ", "و"),
        ("ئىی", "ي"),  # hamza seat, alef maqsura, Persian yeh
        ("ة", "ه"),
        ("ک", "ك"),  # Persian keheh
    ):
        for char in variants:
            mapping[ord(char)] = plain
    for zero in (0x0660, 0x06F0):  # Eastern Arabic and Persian digits
        for digit in range(10):
            mapping[zero + digit] = str(digit)
    # A list, not a dict: str.translate looks up every character, and each dict miss
    # raises a KeyError inside it, which made folding Arabic text half as slow again.
    # Unmapped code points map to themselves; those past the end translate leaves alone.
    table: list[int | str | None] = list(range(max(mapping) + 1))
    for code, replacement in mapping.items():
        table[code] = replacement
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Return the matching key of ``text``: case, spelling variants and spacing folded away.

    Idempotent: ``fold(fold(s)) == fold(s)``.
    """
    if text.isascii():
        # English text, ids and ISO dates need none of the Unicode work below.
        return " ".join(text.casefold().split())
    # NFKC first: it turns presentation forms, ligatures and full-width letters into
    # plain letters, some of which (isolated harakat) the table must then remove.
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)
    # casefold and the table can leave text that NFKC changes again ("ß" and an acute
    # accent casefold to "ss" and the accent, which compose to "sś"); fold must be idempotent.
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def contains(needle_folded: str, text: str | None) -> bool:
    """Whether ``text`` contains a needle already passed through ``fold``.

    The needle is folded once by the caller, not once per text searched.
    A missing text (``None``) contains nothing.
    """
    return text is not None and needle_folded in fold(text)
