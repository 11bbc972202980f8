"""Claims as PLOVER event records, for event-data researchers.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data
Alliance) codes who did what to whom: an actor, recipients, an event type, and where
the type has them, a mode. PLOVER 2.0 suggests one JSON object per line. Each claim
becomes one record; the mapping of kinds is in the README.

Claims carry no mode of their own, so a mode comes from the claim's tags: a tag that
names one of its event type's PLOVER modes (e.g. `meet` on a demand, `violence` on a
warning) becomes the record's mode.
"""

from __future__ import annotations

from typing import Any, Final

import orjson

from claimtrack.claims import sort_claims
from claimtrack.store import Store

# claimtrack kind -> PLOVER 2.0 event type. PLOVER dropped CAMEO's "make public
# statement" and has no type a bare statement fits, so a statement has none (null).
EVENT_TYPES: Final[dict[str, str | None]] = {
    "demand": "REQUEST",
    "proposal": "AGREE",  # PLOVER's AGREE: "agree to, offer, promise"
    "acceptance": "AGREE",
    "rejection": "REJECT",
    "warning": "THREATEN",
    "response": "CONSULT",
    "statement": None,
}

# The PLOVER modes of the event types above that have modes.
MODES: Final[dict[str, tuple[str, ...]]] = {
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
}


def mode_for(event_type: str | None, tags: list[str]) -> str | None:
    """The first tag that names a mode of `event_type`, lowercased; None if none does."""
    modes = MODES.get(event_type or "", ())
    for tag in tags:
        if tag.strip().lower() in modes:
            return tag.strip().lower()
    return None


def event_record(claim: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """One claim as a PLOVER event; `names` maps side slugs to their names."""
    event_type = EVENT_TYPES.get(claim["kind"])
    return {
        "id": claim["id"],
        "date": claim["date"],
        "actor": claim["side"],
        "actor_name": names.get(claim["side"], claim["side"]),
        "recipient": list(claim["to"]),
        "recipient_name": [names.get(slug, slug) for slug in claim["to"]],
        "event_type": event_type,
        "mode": mode_for(event_type, claim["tags"]),
        "source": claim["source"],
        "url": claim["url"],
        "published": claim["published"],
        "text": claim["text"],
        "translation": claim["translation"],
        "speaker": claim["speaker"],
        "kind": claim["kind"],
        "topics": list(claim["topics"]),
        "round": claim["round"],
    }


def plover_jsonl(store: Store, claims: list[dict[str, Any]]) -> bytes:
    names = {side["slug"]: side["name"] for side in store.records("sides")}
    option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return b"".join(
        orjson.dumps(event_record(claim, names), option=option) for claim in sort_claims(claims)
    )
