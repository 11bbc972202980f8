"""Matching keys for text (interim: case-insensitive after NFKC)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def contains(needle_folded: str, text: str | None) -> bool:
    return bool(text) and needle_folded in fold(text or "")
