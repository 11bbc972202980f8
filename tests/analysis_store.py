"""A small hand-built store in which every analysis status and verdict occurs.

Rounds: geneva (10 Jan), brussels (12 Jan), vienna (13 Jan), reply (26 Jan 2022).
Claims are written straight into the store file with fixed ids and creation times,
so every command's output can be asserted exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimtrack.model import blank_claim
from claimtrack.store import empty_data, encode

SIDES = [
    {"slug": "nato", "name": "NATO", "aliases": ["الناتو"]},
    {"slug": "russia", "name": "Russia", "aliases": ["RU", "روسيا"]},
    {"slug": "us", "name": "United States", "aliases": ["USA"]},
]
TOPICS = [
    {"slug": "exercises", "title": "Military exercises", "description": None, "aliases": []},
    {"slug": "expansion", "title": "No NATO expansion", "description": None, "aliases": ["توسع"]},
    {"slug": "missiles", "title": "Missiles in Europe", "description": None, "aliases": []},
    {"slug": "ukraine", "title": "Troops near Ukraine", "description": None, "aliases": []},
]


def _round(slug: str, date: str, name: str, end: str | None = None) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": name,
        "date": date,
        "end": end,
        "venue": None,
        "parties": [],
        "note": None,
        "aliases": [],
    }


ROUNDS = [
    _round("geneva", "2022-01-10", "Strategic stability talks"),
    _round("brussels", "2022-01-12", "NATO-Russia Council"),
    _round("vienna", "2022-01-13", "OSCE Permanent Council"),
    _round("reply", "2022-01-26", "Written replies"),
]

# id, side, to, round, date, topic, kind, text, extra fields
_CLAIMS: list[tuple[Any, ...]] = [
    ("rexpgen", "russia", ["us", "nato"], "geneva", "2022-01-10", "expansion", "demand",
     "NATO must never expand further east",
     {"speaker": "Sergei Ryabkov", "source": "TASS", "url": "https://tass.com/politics/1"}),
    ("rexegen", "russia", [], "geneva", "2022-01-10", "exercises", "demand",
     "Exercises near our borders must stop", {"speaker": "Sergei Ryabkov"}),
    ("umisgen", "us", ["russia"], "geneva", "2022-01-10", "missiles", "proposal",
     "We are open to reciprocal limits on missiles",
     {"speaker": "Wendy Sherman", "source": "State Department",
      "url": "https://state.gov/briefing(1)"}),
    ("uexegen", "us", ["russia"], "geneva", "2022-01-10", "exercises", "rejection",
     "We will not stop exercises on allied territory", {"speaker": "Wendy Sherman"}),
    ("rexpbru", "russia", ["nato"], "brussels", "2022-01-12", "expansion", "demand",
     "NATO must never expand further east or south", {"speaker": "Alexander Grushko"}),
    ("uexebru", "us", ["russia"], "brussels", "2022-01-12", "exercises", "proposal",
     "We propose transparency for exercises", {}),
    ("nexpbru", "nato", ["russia"], "brussels", "2022-01-12", "expansion", "rejection",
     "NATO's door remains open", {"speaker": "Jens Stoltenberg"}),
    ("nexebru", "nato", ["russia"], "brussels", "2022-01-12", "exercises", "proposal",
     "We propose to notify exercises in advance", {}),
    ("rmisvst", "russia", [], "vienna", "2022-01-13", "missiles", "statement",
     "We are studying the proposals", {}),
    ("rmisvac", "russia", ["us"], "vienna", "2022-01-13", "missiles", "acceptance",
     "نرحب بالمحادثات حول الصواريخ",
     {"speaker": "Sergei Lavrov", "source": "RT Arabic",
      "translation": "We welcome talks on missiles"}),
    ("uexpvie", "us", ["russia"], "vienna", "2022-01-13", "expansion", "rejection",
     "No one can veto NATO's open door",
     {"speaker": "Michael Carpenter", "responds_to": "rexpgen"}),
    ("rukrnor", "russia", [], None, "2022-01-20", "ukraine", "warning",
     "Troop movements on Russian soil are our own affair",
     {"speaker": "Dmitry Peskov", "source": "TASS", "attribution": "paraphrase"}),
    ("nukrnor", "nato", [], None, "2022-01-20", "ukraine", "demand",
     "Russia should pull its troops back from the border", {}),
    ("rexprep", "russia", ["us"], "reply", "2022-01-26", "expansion", "demand",
     "Russia still insists on *legally binding* guarantees",
     {"speaker": "Sergei Lavrov", "source": "Interfax", "attribution": "paraphrase",
      "url": "https://interfax.com/a_b", "responds_to": "uexpvie"}),
    ("rexerep", "russia", ["nato"], "reply", "2022-01-26", "exercises", "statement",
     "We will study the notification idea", {"responds_to": "nexebru"}),
]  # fmt: skip


def claims() -> list[dict[str, Any]]:
    built = []
    for number, (id_, side, to, round_, date, topic, kind, text, extra) in enumerate(_CLAIMS):
        claim = blank_claim()
        stamp = f"2022-02-01T00:00:{number:02d}.000000Z"
        claim.update(
            id=id_, side=side, to=to, round=round_, date=date, topics=[topic], kind=kind,
            text=text, created=stamp, updated=stamp, **extra,
        )  # fmt: skip
        built.append(claim)
    return built


def claim(claim_id: str) -> dict[str, Any]:
    return next(c for c in claims() if c["id"] == claim_id)


def write(path: Path) -> Path:
    data = empty_data()
    for table, records in (("sides", SIDES), ("topics", TOPICS), ("rounds", ROUNDS)):
        data[table] = {r["slug"]: r for r in records}
    data["claims"] = {c["id"]: c for c in claims()}
    path.write_bytes(encode(data))
    return path


# --- running commands against it -------------------------------------------------------

CLAIM_HEADER = (
    "id\tside\tto\tspeaker\tround\tdate\ttopics\tkind\ttext\ttranslation\tattribution\tsource\turl"
    "\tpublished\tgrade\tresponds_to\ttags\tnote\tcreated\tupdated"
)


def ok(run: Callable[..., Any], *args: str) -> str:
    """stdout of a command that must succeed quietly."""
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return str(result.stdout)


def fails(run: Callable[..., Any], *args: str, code: int = 1) -> str:
    """stderr of a command that must fail with `code` and print nothing on stdout."""
    result = run(*args)
    assert result.exit_code == code
    assert result.stdout == ""
    return str(result.stderr)


def as_json(run: Callable[..., Any], *args: str) -> Any:
    return json.loads(ok(run, *args, "--format", "json"))


def tsv(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)
