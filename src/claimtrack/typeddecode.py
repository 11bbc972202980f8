"""Reading a healthy store quickly: its claims decoded and shape-checked in one pass.

msgspec decodes the claims into a type built from `fields.CLAIM_SPEC` (every field
present, no other, each of its type), in C, while it parses; the Python check of
the same shapes (`validation.claims_look_whole`) then has nothing left to do but
the few checks on values (dates, kinds, lists that may not be empty).

This is only a quicker way to the same answer. Whenever it cannot vouch for the
file (an older schema, damage, a field claimtrack does not know) it returns None
and the caller reads the file the ordinary way, with orjson and the Python checks,
which also say what is wrong. A test holds the two ways equal.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import msgspec
import orjson

from claimtrack.fields import CLAIM_SPEC

CLAIMS = "claims"


@lru_cache(maxsize=1)
def _decoders() -> tuple[msgspec.json.Decoder[Any], msgspec.json.Decoder[Any]]:
    """The top level as undecoded parts, and the claims table as typed records."""
    fields = [
        (spec.name, list[str] if spec.many else str if spec.required else str | None)
        # In the stored (sorted) key order, which `asdict` then gives each record.
        for spec in sorted(CLAIM_SPEC, key=lambda spec: spec.name)
    ]
    claim = msgspec.defstruct("Claim", fields, forbid_unknown_fields=True, gc=False)
    return (
        msgspec.json.Decoder(dict[str, msgspec.Raw]),
        msgspec.json.Decoder(dict[str, claim]),  # type: ignore[valid-type]
    )


def decode_checked(raw: bytes) -> dict[str, Any] | None:
    """The store's data with its claims' shapes checked, or None when not sure."""
    parts, claims = _decoders()
    try:
        top = parts.decode(raw)
        # The rest as orjson reads it (a 2**64 is a float there), as the ordinary way does.
        data: dict[str, Any] = {
            name: orjson.loads(memoryview(part)) for name, part in top.items() if name != CLAIMS
        }
        if CLAIMS in top:
            asdict = msgspec.structs.asdict
            data[CLAIMS] = {
                key: asdict(record) for key, record in claims.decode(top[CLAIMS]).items()
            }
    except (msgspec.DecodeError, orjson.JSONDecodeError):  # bad JSON, another shape,
        return None  # an unknown field: not sure
    return data
