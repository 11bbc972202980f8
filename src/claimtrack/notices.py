"""What the terminal tells a person about a claim before or after a change.

`record` warns when a claim's date falls outside the dates of the round it names (a
likely typo, or a claim filed under the wrong round); `rm` shows what it is about to
remove, one line per claim, before asking.
"""

from __future__ import annotations

from typing import Any

from claimtrack.store import Store

__all__ = ["outside_round_warning", "removal_line"]

TEXT_START = 50  # characters of the text shown in rm's preview


def outside_round_warning(store: Store, claim: dict[str, Any]) -> str | None:
    """A warning if `claim` is dated before its round starts or after it ends."""
    if not claim.get("round"):
        return None
    round_record = store.get("rounds", claim["round"])
    if round_record is None:
        return None
    start = round_record["date"]
    end = round_record.get("end") or start
    if start <= claim["date"] <= end:
        return None
    dates = start if end == start else f"{start} to {end}"
    return f"the claim's date {claim['date']} is outside round {claim['round']} ({dates})"


def removal_line(claim: dict[str, Any]) -> str:
    """`id  side  date  kind  start of the text…` on one line, for rm's question."""
    from claimtrack.render import visible

    text = " ".join(str(claim.get("text") or "").split())
    if len(text) > TEXT_START:
        text = text[: TEXT_START - 1].rstrip() + "…"
    parts = (claim["id"], claim["side"], claim["date"], claim["kind"], text)
    return visible("  ".join(str(part) for part in parts))
