"""Synthetic claimtrack stores of realistic shape, written in the store's own on-disk format.

7 sides, 12 topics, 20 rounds; claims in Arabic or English of 100-600 characters,
a translation into the other language on half of them, a `responds_to` link on a
quarter. Ids are minted by claimtrack itself so they look like real ones. The
store has no history entries: a real store's history only makes writes slower.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack.model import KINDS, blank_claim, mint_claim_id
from claimtrack.store import empty_data, encode

SIDES = {
    "russia": ("Russia", ["روسيا", "RU"]),
    "us": ("United States", ["الولايات المتحدة", "واشنطن", "USA"]),
    "nato": ("NATO", ["الناتو", "حلف شمال الأطلسي"]),
    "ukraine": ("Ukraine", ["أوكرانيا", "UA"]),
    "eu": ("European Union", ["الاتحاد الأوروبي"]),
    "china": ("China", ["الصين", "PRC"]),
    "turkey": ("Türkiye", ["تركيا", "Turkey"]),
}
TOPICS = {
    "nato-nonexpansion": ("No further NATO expansion", ["توسع الناتو"]),
    "missiles": ("Missiles in Europe", ["الصواريخ"]),
    "deescalation": ("De-escalation at the border", ["خفض التصعيد"]),
    "sanctions": ("Sanctions relief", ["العقوبات"]),
    "grain-corridor": ("Black Sea grain corridor", ["ممر الحبوب"]),
    "prisoners": ("Prisoner exchanges", ["تبادل الأسرى"]),
    "nuclear-plant": ("Safety of the Zaporizhzhia plant", ["محطة زابوريجيا"]),
    "ceasefire": ("Ceasefire", ["وقف إطلاق النار"]),
    "humanitarian-corridors": ("Humanitarian corridors", ["الممرات الإنسانية"]),
    "security-guarantees": ("Security guarantees", ["الضمانات الأمنية"]),
    "energy-transit": ("Gas transit", ["عبور الغاز"]),
    "arms-control": ("Arms control", ["الحد من التسلح"]),
}
VENUES = ["Geneva", "Brussels", "Vienna", "Istanbul", "Minsk", "Antalya", "Riyadh", "Doha"]
SOURCES = ["TASS", "Reuters", "AP", "Al Jazeera", "Asharq Al-Awsat", "RIA", "AFP", None]
GRADES = ["A1", "B2", "B3", "C2", "C3", "D4", None, None]
TAGS = ["red-line", "security", "economy", "humanitarian", "nuclear", "follow-up"]
KIND_WEIGHTS = [4, 3, 3, 1, 2, 1, 3]  # demands, proposals and statements dominate

ENGLISH_TEXT = (
    "the delegation insists that any agreement must include binding written guarantees "
    "on security in Europe and an end to military deployments near the border while "
    "talks continue we reject the proposal as unacceptable and call on our partners to "
    "return to the table without preconditions sanctions must be lifted before any "
    "exchange of prisoners can proceed under international supervision the ministry "
    "said in a statement that the corridor will remain open for humanitarian convoys "
    "provided that inspections are carried out jointly by both sides and observers"
)
ARABIC_TEXT = (
    "أكد الوفد أن أي اتفاق يجب أن يتضمن ضمانات أمنية مكتوبة وملزمة في أوروبا ووقف "
    "نشر القوات العسكرية قرب الحدود خلال المفاوضات نرفض هذا المقترح لأنه غير مقبول "
    "وندعو شركاءنا إلى العودة إلى طاولة الحوار دون شروط مسبقة يجب رفع العقوبات قبل "
    "أي تبادل للأسرى تحت إشراف دولي وقالت الوزارة في بيان إن الممر سيبقى مفتوحا "
    "أمام القوافل الإنسانية شريطة أن تجري عمليات التفتيش بشكل مشترك بين الطرفين"
)
ENGLISH, ARABIC = ENGLISH_TEXT.split(), ARABIC_TEXT.split()


@dataclass
class Picks:
    """Claims and names the timed commands use, chosen so each path does real work."""

    side: str
    topic: str
    show_id: str  # has a parent and at least one reply
    edit_id: str
    rm_id: str  # nobody responds to it
    round_a: str
    round_b: str
    side_b: str


def _text(rng: random.Random, words: list[str]) -> str:
    length = rng.randint(100, 599)
    text = " ".join(rng.choices(words, k=length // 4 + 8))[:length].rstrip()
    return text[0].upper() + text[1:] + "."


def _vocabulary(data: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    for slug, (name, aliases) in SIDES.items():
        data["sides"][slug] = {"slug": slug, "name": name, "aliases": aliases}
    for slug, (title, aliases) in TOPICS.items():
        data["topics"][slug] = {
            "slug": slug,
            "title": title,
            "description": None,
            "aliases": aliases,
        }
    rounds = []
    start = dt.date(2022, 1, 10)
    for number in range(1, 21):
        begin = start + dt.timedelta(days=45 * (number - 1))
        record = {
            "slug": f"round-{number:02d}",
            "name": f"Round {number}",
            "date": begin.isoformat(),
            "end": (begin + dt.timedelta(days=2)).isoformat(),
            "venue": rng.choice(VENUES),
            "parties": sorted(rng.sample(sorted(SIDES), rng.randint(2, 4))),
            "note": None,
            "aliases": [f"الجولة {number}"],
        }
        data["rounds"][record["slug"]] = record
        rounds.append(record)
    return rounds


def build_data(
    size: int, seed: int = 6, progress: Callable[[int], None] | None = None
) -> tuple[dict[str, Any], Picks]:
    rng = random.Random(seed)
    data: dict[str, Any] = empty_data()
    rounds = _vocabulary(data, rng)
    sides, topics = sorted(SIDES), sorted(TOPICS)
    claims: dict[str, dict[str, Any]] = data["claims"]
    ids: list[str] = []
    created = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for index in range(size):
        claim = blank_claim()
        side = rng.choice(sides)
        in_round = rng.random() < 0.85
        round_ = rng.choice(rounds) if in_round else None
        day = (
            dt.date.fromisoformat(round_["date"]) + dt.timedelta(days=rng.randint(0, 2))
            if round_
            else dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
        )
        arabic = rng.random() < 0.5
        claim.update(
            side=side,
            to=sorted(rng.sample([s for s in sides if s != side], rng.choice([0, 1, 1, 2]))),
            round=round_["slug"] if round_ else None,
            date=day.isoformat(),
            topics=[rng.choice(topics)],
            kind=rng.choices(KINDS, KIND_WEIGHTS)[0],
            speaker=rng.choice([f"Spokesperson of {side}", f"Minister ({side})", None]),
            text=_text(rng, ARABIC if arabic else ENGLISH),
            attribution="quote" if rng.random() < 0.7 else "paraphrase",
            source=rng.choice(SOURCES),
            grade=rng.choice(GRADES),
            tags=sorted(rng.sample(TAGS, rng.choice([0, 0, 1, 2]))),
        )
        if rng.random() < 0.5:
            claim["translation"] = _text(rng, ENGLISH if arabic else ARABIC)
        if claim["source"]:
            claim["url"] = f"https://news.example.org/{day.year}/{index}"
            claim["published"] = (day + dt.timedelta(days=rng.randint(0, 1))).isoformat()
        if ids and rng.random() < 0.25:
            claim["responds_to"] = rng.choice(ids[-500:])
        if rng.random() < 0.1:
            claim["note"] = "Check the original transcript."
        stamp = (created + dt.timedelta(seconds=37 * index)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        claim["created"] = claim["updated"] = stamp
        claim["id"] = mint_claim_id(side, claim["date"], claim["topics"], claim["text"], claims)
        claims[claim["id"]] = claim
        ids.append(claim["id"])
        if progress and index % 1000 == 0:
            progress(index)
    return data, _picks(claims, ids)


def _picks(claims: dict[str, dict[str, Any]], ids: list[str]) -> Picks:
    answered = {c["responds_to"] for c in claims.values() if c["responds_to"]}
    show_id = next(
        (i for i in reversed(ids) if i in answered and claims[i]["responds_to"]), ids[-1]
    )
    rm_id = next(i for i in reversed(ids) if i not in answered and i != show_id)
    edit_id = ids[len(ids) // 2]
    return Picks(
        side="russia",
        topic="sanctions",
        show_id=show_id,
        edit_id=edit_id,
        rm_id=rm_id,
        round_a="round-09",
        round_b="round-10",
        side_b="us",
    )


def write_store(data: dict[str, Any], path: Path) -> int:
    """Write in claimtrack's format; returns the file's size in bytes."""
    payload = encode(data)
    path.write_bytes(payload)
    return len(payload)


def check_format(path: Path) -> bool:
    """True if the file is byte for byte what the standard library's json would write."""
    raw = path.read_bytes()
    expected = json.dumps(json.loads(raw), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return raw == expected.encode("utf-8")


def write_sqlite(data: dict[str, Any], path: Path) -> None:
    """The same claims in one SQLite table (lists as json text), for sqlite-utils."""
    fields = list(blank_claim())
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        columns = ", ".join(f'"{name}"' for name in fields)
        db.execute(f"CREATE TABLE claims ({columns}, PRIMARY KEY (id))")
        rows = (
            [
                json.dumps(c[f], ensure_ascii=False) if isinstance(c[f], list) else c[f]
                for f in fields
            ]
            for c in data["claims"].values()
        )
        db.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * len(fields))})", rows)
    db.close()


def main(argv: list[str]) -> None:
    """`build SIZE STORE [SQLITE]` prints the picks as json; `check STORE` exits 1 if off-format.

    run.py calls these in a child process so that it stays small itself: a child's
    peak memory as the kernel reports it includes its parent's at the time of fork.
    """
    if argv[0] == "check":
        sys.exit(0 if check_format(Path(argv[1])) else 1)
    size, store = int(argv[1]), Path(argv[2])

    def progress(index: int) -> None:
        print(f"building claims {index:,}/{size:,}", file=sys.stderr, flush=True)

    data, picks = build_data(size, progress=progress)
    print("writing the store", file=sys.stderr, flush=True)
    nbytes = write_store(data, store)
    if len(argv) > 3:
        print("writing the SQLite copy", file=sys.stderr, flush=True)
        write_sqlite(data, Path(argv[3]))
    print(json.dumps({"bytes": nbytes, "picks": dataclasses.asdict(picks)}))


if __name__ == "__main__":
    main(sys.argv[1:])
