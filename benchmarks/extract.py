#!/usr/bin/env python3
"""Score `claimtrack extract` on the five seed articles against the example store.

Runs extraction (the same functions `claimtrack extract` calls) on every article in
the seeds folder with the example store's vocabulary -- its sides and topics, and
its people, or the preset's people when the store has none -- and scores every
proposal, incomplete ones included, against the store's claims with
`claimtrack.extract.scoring` (a proposal matches a claim when its text covers at
least 80% of the claim's characters and is at most three times as long).
Duplicate marking is left out: the store already holds these very claims.

    python benchmarks/extract.py                      # ../shared/seeds; prints the table
    python benchmarks/extract.py --format md          # the table for the README
    python benchmarks/extract.py --check              # exit 1 when a target is missed

Deterministic: articles in name order, claims in id order.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimtrack.extract.article import article_text, dateline
from claimtrack.extract.names import Vocabulary
from claimtrack.extract.proposals import claim_fields, propose
from claimtrack.extract.scoring import Score, score
from claimtrack.presets import install
from claimtrack.store import read_store

ROOT = Path(__file__).resolve().parents[1]
PRESET = "security-guarantees-2022"
TARGETS = {
    "recall of quote and readout claims": 0.80,
    "precision": 0.50,
    "speaker right, of matched": 0.85,
    "side right, of matched": 0.90,
    "date right, of matched": 0.80,
    "kind right, of matched": 0.60,
}


def proposals_for(seeds: Path, store_path: Path) -> tuple[list[dict[str, object]], list[str]]:
    store = read_store(store_path)
    if not store.records("people"):
        install(store, PRESET)  # in memory only: nothing is written
    vocabulary = Vocabulary.of(store)
    published_by_source = _publication_dates(store.records("claims"))
    proposals: list[dict[str, object]] = []
    log = []
    for path in sorted(seeds.glob("*.txt")):
        text = article_text(path.read_bytes())
        published = dateline(text) or _matching_date(text, published_by_source)
        found = propose(text, vocabulary, published=published)
        proposals += [claim_fields(p) for p in found]
        log.append(f"{path.name}: published {published}, {len(found)} proposals")
    return proposals, log


def _publication_dates(claims: list[dict[str, object]]) -> list[tuple[str, str]]:
    return sorted({(str(c["published"]), str(c["text"])) for c in claims if c.get("published")})


def _matching_date(text: str, published_by_text: list[tuple[str, str]]) -> str:
    """For an article without a dateline: the publication date the store records for
    the claims whose text the article contains (what an analyst passes as --published)."""
    from collections import Counter

    flat = " ".join(text.split())
    votes = Counter(day for day, claim in published_by_text if " ".join(claim.split()) in flat)
    if not votes:
        raise SystemExit("an article has no dateline and no recorded claim to date it by")
    return sorted(votes.items(), key=lambda item: (-item[1], item[0]))[0][0]


def default_seeds() -> Path:
    """../shared/seeds from the checkout, or the nearest shared/seeds further up
    (a git worktree sits one folder deeper than the main checkout)."""
    for folder in ROOT.parents:
        if (folder / "shared" / "seeds").is_dir():
            return folder / "shared" / "seeds"
    return ROOT.parent / "shared" / "seeds"


def table(result: Score, fmt: str) -> str:
    rows = [(label, value, count, f"{TARGETS[label]:.0%}") for label, value, count in result.rows()]
    header = ("figure", "value", "count", "target")
    if fmt == "md":
        lines = ["| " + " | ".join(header) + " |", "|---|---:|---:|---:|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in (header, *rows)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=default_seeds())
    parser.add_argument("--store", type=Path, default=ROOT / "examples" / f"{PRESET}.json")
    parser.add_argument("--format", choices=("text", "md"), default="text")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if not sorted(args.seeds.glob("*.txt")):
        parser.error(f"no articles (*.txt) in {args.seeds}; give the folder with --seeds")
    proposals, log = proposals_for(args.seeds, args.store)
    claims = sorted(read_store(args.store).records("claims"), key=lambda c: str(c["id"]))
    result = score(proposals, claims)
    for line in log:
        print(line, file=sys.stderr)
    print(table(result, args.format))
    missed = [label for label, value in _values(result).items() if value < TARGETS[label]]
    if missed:
        print(f"below target: {', '.join(missed)}", file=sys.stderr)
    return 1 if args.check and missed else 0


def _values(result: Score) -> dict[str, float]:
    labels = list(TARGETS)
    values = [
        result.recall,
        result.precision,
        *(result.share(n) for n in ("speaker", "side", "date", "kind")),
    ]
    return dict(zip(labels, values, strict=True))


if __name__ == "__main__":
    sys.exit(main())
