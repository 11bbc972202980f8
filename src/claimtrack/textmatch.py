"""Search keys that find text in every script the way people type it.

Sources write ``الأمنيّة`` with hamza and shadda, ``Medinsky’s`` with a typographic
apostrophe, ``ещё`` with ё, ``Erdoğan`` and ``décideurs`` with their accents, and
``decision-makers`` with a hyphen; analysts type ``الامنية``, ``Medinsky's``,
``еще``, ``Erdogan``, ``decideurs`` and ``decision makers``. ``fold`` maps all of
these to one key, so a search compares ``fold(query)`` with ``fold(text)``, and an
alias lookup compares folded names.

``fold_letters`` does the same to letters and digits only, leaving punctuation as it
is, for readers of structured text such as dates (``2022-01-10``).
"""

from __future__ import annotations

import unicodedata

__all__ = ["contains", "fold", "fold_letters"]

# Combining marks that sit on Latin, Greek and Cyrillic letters: accents, cedillas,
# breves, diaereses (é, ç, ğ, ё, й, ї once NFKD has taken the letter apart). Marks
# of other scripts (Indic vowel signs, say) are letters there and stay.
_COMBINING_MARKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF))
# Harakat, shadda, sukun, madda/hamza marks, superscript alef, Quranic annotation:
# pronunciation aids that Arabic writers add or leave out at will.
_ARABIC_MARKS = ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
# Tatweel only stretches a word; bidi marks come along when text is copied from the web;
# a soft hyphen only says where a word may break.
_INVISIBLE = (
    0x0640,
    0x061C,
    0x00AD,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
# Spellings that vary between writers, keyboards and regions.
_VARIANTS = (
    ("ٱٲٳ", "ا"),  # alef forms NFKD leaves whole (the hamza and madda ones it splits)
    ("ىی", "ي"),  # alef maqsura, Persian yeh
    ("ة", "ه"),
    ("ک", "ك"),  # Persian keheh
    ("ı", "i"),  # Turkish dotless i, typed as i on most keyboards
)
_APOSTROPHES = "'`\u2018\u2019\u02bc\u02bb\u02b9\u2032"
_DASHES = "-\u2010\u2012\u2013\u2014\u2015\u2212"  # hyphens, dashes and minus: all a space


def _build_table(*, punctuation: bool) -> list[int | str | None]:
    mapping: dict[int, str | None] = {}
    for start, end in (*_COMBINING_MARKS, *_ARABIC_MARKS):
        for code in range(start, end + 1):
            mapping[code] = None
    for code in _INVISIBLE:
        mapping[code] = None
    for variants, plain in _VARIANTS:
        for char in variants:
            mapping[ord(char)] = plain
    for zero in (0x0660, 0x06F0):  # Eastern Arabic and Persian digits
        for digit in range(10):
            mapping[zero + digit] = str(digit)
    if punctuation:
        mapping.update({ord(char): "'" for char in _APOSTROPHES})
        mapping.update({ord(char): " " for char in _DASHES})
    # A list, not a dict: str.translate looks up every character, and each dict miss
    # raises a KeyError inside it, which made folding Arabic text half as slow again.
    # Unmapped code points map to themselves; those past the end translate leaves alone.
    table: list[int | str | None] = list(range(max(mapping) + 1))
    for code, replacement in mapping.items():
        table[code] = replacement
    return table


_LETTERS_TABLE = _build_table(punctuation=False)
_TABLE = _build_table(punctuation=True)
_ASCII_PUNCTUATION = str.maketrans({"-": " ", "`": "'"})


def fold(text: str) -> str:
    """Return the matching key of ``text``: case, marks, spelling variants, apostrophes,
    hyphens and spacing folded away.

    Idempotent: ``fold(fold(s)) == fold(s)``.
    """
    if text.isascii():
        # English text, ids and ISO dates need none of the Unicode work below.
        return " ".join(text.casefold().translate(_ASCII_PUNCTUATION).split())
    return _fold(text, _TABLE)


def fold_letters(text: str) -> str:
    """``fold`` for letters, digits and spacing only: punctuation stays as typed."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return _fold(text, _LETTERS_TABLE)


def _fold(text: str, table: list[int | str | None]) -> str:
    # NFKD takes accented letters apart (é -> e + acute), so the table can drop the
    # marks, and turns presentation forms, ligatures and full-width letters into plain
    # ones. casefold can put marks back ("ǰ", "İ" -> i + dot), hence NFKD after it too.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return " ".join(text.translate(table).split())


def contains(needle_folded: str, text: str | None) -> bool:
    """Whether ``text`` contains a needle already passed through ``fold``.

    The needle is folded once by the caller, not once per text searched.
    A missing text (``None``) contains nothing.
    """
    return text is not None and needle_folded in fold(text)
