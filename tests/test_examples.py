"""The example store built from the five Arabic seed articles.

Conventions the store follows (and these tests rely on):

- Every claim carries exactly one tag ``seed:NNN`` naming the seed article its text
  comes from: the file ``NNN_*.txt`` in ``../shared/seeds/`` beside the repository.
- A claim's ``text`` is an excerpt copied character for character from that article;
  the comparison only collapses runs of whitespace.
- The preset ``security-guarantees-2022`` holds exactly the store's sides, topics and
  rounds; ``examples/security-guarantees-2022.sh`` builds the store from nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "security-guarantees-2022.json"
SCRIPT = ROOT / "examples" / "security-guarantees-2022.sh"
PRESET = ROOT / "src" / "claimtrack" / "presets" / "security-guarantees-2022.json"
# The seed articles sit in shared/seeds beside the repository (or beside a folder
# that holds it, for a git worktree).
SEEDS = next(
    (
        folder / "shared" / "seeds"
        for folder in ROOT.parents
        if (folder / "shared" / "seeds").is_dir()
    ),
    ROOT.parent / "shared" / "seeds",
)

SEED_TAG_PREFIX = "seed:"
VOCAB_TABLES = ("sides", "topics", "rounds")
VOCAB_SHAPES = {
    "sides": ("slug", "name", "aliases"),
    "topics": ("slug", "title", "description", "aliases"),
    "rounds": ("slug", "name", "date", "end", "venue", "parties", "note", "aliases"),
}
REQUIRED_ROUNDS = {
    "draft-treaties": "2021-12-17",
    "geneva": "2022-01-09",
    "nrc": "2022-01-12",
    "osce": "2022-01-13",
    "lavrov-blinken": "2022-01-21",
    "written-replies": "2022-01-26",
    "putin-macron": "2022-01-28",
    "putin-biden": "2022-02-12",
    "lavrov-putin": "2022-02-14",
    "lavrov-blinken-call": "2022-02-15",
}
REQUIRED_SIDES = {"russia", "us", "nato", "osce", "ukraine", "france", "eu"}
REQUIRED_TOPICS = {
    "nato-nonexpansion",
    "strike-weapons",
    "posture-1997",
    "indivisible-security",
    "minsk",
    "deescalation",
    "missiles",
    "publish-replies",
}


def squash(text: str) -> str:
    """Collapse every run of whitespace (including no-break spaces) to one space."""
    return " ".join(text.split())


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def store() -> dict[str, Any]:
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def claims(store: dict[str, Any]) -> list[dict[str, Any]]:
    return list(store["claims"].values())


def seed_tag(claim: dict[str, Any]) -> str:
    tags = [t for t in claim["tags"] if t.startswith(SEED_TAG_PREFIX)]
    assert len(tags) == 1, f"claim {claim['id']} has seed tags {tags}, expected exactly one"
    return tags[0].removeprefix(SEED_TAG_PREFIX)


def vocabulary(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["slug"]: record for record in records}


# --- (a) every text is in the article it cites -----------------------------------------


def test_every_claim_cites_one_seed_article(claims: list[dict[str, Any]]) -> None:
    ids = {seed_tag(claim) for claim in claims}
    assert ids == {"000", "001", "002", "003", "004"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_claim_texts_are_excerpts_of_their_seed_articles(claims: list[dict[str, Any]]) -> None:
    articles: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        articles[path.name.split("_", 1)[0]] = squash(path.read_text(encoding="utf-8"))
    missing = []
    for claim in claims:
        article = articles.get(seed_tag(claim))
        assert article is not None, f"claim {claim['id']} cites a seed article that is absent"
        if squash(claim["text"]) not in article:
            missing.append(f"{claim['id']} ({seed_tag(claim)}): {claim['text']}")
    assert missing == [], "texts not found in their articles:\n" + "\n".join(missing)


# --- (b) enough claims, each translated and sourced ------------------------------------


def test_claims_are_many_translated_and_sourced(claims: list[dict[str, Any]]) -> None:
    assert len(claims) >= 40
    for claim in claims:
        for field in ("translation", "source", "published"):
            assert claim[field], f"claim {claim['id']} has no {field}"


def test_each_article_has_one_publication_date(claims: list[dict[str, Any]]) -> None:
    published: dict[str, set[str]] = {}
    for claim in claims:
        published.setdefault(seed_tag(claim), set()).add(claim["published"])
    assert published == {
        "000": {"2022-01-21"},
        "001": {"2022-01-11"},
        "002": {"2022-01-28"},
        "003": {"2022-02-15"},
        "004": {"2022-02-14"},
    }


def test_replies_point_to_earlier_or_same_day_claims(claims: list[dict[str, Any]]) -> None:
    by_id = {claim["id"]: claim for claim in claims}
    for claim in claims:
        if claim["responds_to"] is not None:
            answered = by_id[claim["responds_to"]]
            assert answered["date"] <= claim["date"], claim["id"]
            assert answered["side"] != claim["side"], claim["id"]


# --- (c) the preset is the example's vocabulary ----------------------------------------


def test_preset_records_have_the_documented_shapes() -> None:
    preset = load(PRESET)
    assert set(preset) == {*VOCAB_TABLES, "people"}
    for table in VOCAB_TABLES:
        for record in preset[table]:
            assert tuple(record) == VOCAB_SHAPES[table], record["slug"]
    assert set(vocabulary(preset["sides"])) >= REQUIRED_SIDES
    assert set(vocabulary(preset["topics"])) >= REQUIRED_TOPICS
    rounds = vocabulary(preset["rounds"])
    assert {slug: rounds[slug]["date"] for slug in REQUIRED_ROUNDS} == REQUIRED_ROUNDS
    assert "توسع الناتو" in vocabulary(preset["topics"])["nato-nonexpansion"]["aliases"]


def test_side_aliases_are_unique() -> None:
    aliases = [a.casefold() for side in load(PRESET)["sides"] for a in side["aliases"]]
    assert len(aliases) == len(set(aliases))


def test_preset_equals_the_example_vocabulary(store: dict[str, Any]) -> None:
    preset = load(PRESET)
    for table in VOCAB_TABLES:
        assert vocabulary(preset[table]) == store[table], table


def test_init_preset_creates_the_example_vocabulary(
    run: Any, isolated_store: Path, store: dict[str, Any]
) -> None:
    result = run("init", "--preset", "security-guarantees-2022")
    assert result.exit_code == 0, result.stderr
    created = load(isolated_store)
    for table in VOCAB_TABLES:
        assert created[table] == store[table], table
    assert created["claims"] == {}


# --- (d) the script rebuilds the example -------------------------------------------------


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """Claims without their timestamps, and the vocabulary."""
    claims = {
        key: {k: v for k, v in claim.items() if k not in ("created", "updated")}
        for key, claim in data["claims"].items()
    }
    return {"claims": claims, **{table: data[table] for table in VOCAB_TABLES}}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_script_rebuilds_the_example_store(tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    env = {**os.environ, "CLAIMTRACK": f"{sys.executable} -m claimtrack"}
    env.pop("CLAIMTRACK_DB", None)
    result = subprocess.run(
        ["bash", str(SCRIPT), str(target)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert comparable(load(target)) == comparable(load(EXAMPLE))

    again = subprocess.run(
        ["bash", str(SCRIPT), str(target)], env=env, capture_output=True, text=True
    )
    assert again.returncode == 1
    assert "refusing to overwrite" in again.stderr


# --- (e) the corrections of the independent check hold ---------------------------------

ATTRIBUTIONS = {"quote", "readout", "paraphrase"}
DRAFT_DEMANDS = {"security-guarantees", "nato-nonexpansion", "strike-weapons", "posture-1997"}
WESTS_REJECTION = "الغرب لا يوافق على المبادئ التي وضعتها روسيا"


def claims_with_text(claims: list[dict[str, Any]], excerpt: str) -> list[dict[str, Any]]:
    found = [claim for claim in claims if excerpt in claim["text"]]
    assert found, f"no claim quotes {excerpt!r}"
    return found


def test_every_claim_says_whose_words_it_gives(claims: list[dict[str, Any]]) -> None:
    assert {claim["attribution"] for claim in claims} == ATTRIBUTIONS


def test_official_statements_about_a_speaker_are_readouts(claims: list[dict[str, Any]]) -> None:
    kremlin = [claim for claim in claims if claim["source"] == "Kremlin readout"]
    assert kremlin and {claim["attribution"] for claim in kremlin} == {"readout"}
    # the Foreign Ministry's statement on the 15 February call speaks of Lavrov
    for excerpt in ("شدد لافروف على عدم قبول", "داعيا إلى حوار عملي", "مع التأكيد على مبدأ"):
        assert [c["attribution"] for c in claims_with_text(claims, excerpt)] == ["readout"]


def test_each_draft_demand_is_recorded_once(claims: list[dict[str, Any]]) -> None:
    drafts = [claim for claim in claims if claim["round"] == "draft-treaties"]
    topics = sorted(topic for claim in drafts for topic in claim["topics"])
    assert topics == sorted(DRAFT_DEMANDS)


def test_the_wests_rejection_answers_every_draft_demand(claims: list[dict[str, Any]]) -> None:
    rejections = claims_with_text(claims, WESTS_REJECTION)
    assert {claim["side"] for claim in rejections} == {"us", "nato"}
    for claim in rejections:
        assert set(claim["topics"]) == DRAFT_DEMANDS
        assert claim["kind"] == "rejection"


def test_claims_in_a_round_are_dated_within_it(
    store: dict[str, Any], claims: list[dict[str, Any]]
) -> None:
    for claim in claims:
        if claim["round"] is not None:
            held = store["rounds"][claim["round"]]
            assert held["date"] <= claim["date"] <= (held["end"] or held["date"]), claim["id"]


def test_the_next_days_comments_are_not_part_of_the_round(claims: list[dict[str, Any]]) -> None:
    peskov = [claim for claim in claims if claim["speaker"] == "Dmitry Peskov"]
    assert len(peskov) == 3
    assert {(claim["date"], claim["round"]) for claim in peskov} == {("2022-01-11", None)}


def test_no_speaker_is_named_where_the_article_names_none(claims: list[dict[str, Any]]) -> None:
    for excerpt in ("حاول زملاؤنا الأمريكيون", "بعض التكرار للجدل", "سمعنا أول رد فعل"):
        for claim in claims_with_text(claims, excerpt):
            assert claim["speaker"] is None, claim["id"]
            assert claim["attribution"] == "paraphrase", claim["id"]


def test_the_missing_claims_are_recorded(claims: list[dict[str, Any]]) -> None:
    (oral,) = claims_with_text(claims, "سمعنا أول رد فعل من الولايات المتحدة بشكل شفهي")
    assert (oral["side"], oral["kind"], oral["round"]) == ("us", "response", "lavrov-blinken")
    (repeat,) = claims_with_text(claims, "لم نكن بحاجة إلى تكرار")
    assert (repeat["side"], repeat["speaker"]) == ("russia", "Sergei Lavrov")
    (deadlines,) = claims_with_text(claims, "لا توجد مواعيد نهائية واضحة")
    assert (deadlines["speaker"], deadlines["date"]) == ("Dmitry Peskov", "2022-01-11")


def test_corrected_kinds(claims: list[dict[str, Any]]) -> None:
    expected = {
        "تجاهلت الردود الأمريكية الأطلسية": "response",
        "ليس بإمكان أحد سوى الولايات المتحدة": "statement",
        "استجابةً لمخاوفنا بشأن ما نراه": "statement",
        "فرص الحوار بين موسكو والغرب": "statement",
        "وجود أطراف تسعى إلى تأجيج الحرب": "statement",
    }
    for excerpt, kind in expected.items():
        assert [claim["kind"] for claim in claims_with_text(claims, excerpt)] == [kind]
    (accusation,) = claims_with_text(claims, "وجود أطراف تسعى إلى تأجيج الحرب")
    assert accusation["to"] == []


def test_no_invented_reply(claims: list[dict[str, Any]]) -> None:
    assert not [c for c in claims if "وزيري الخارجية بحثا جدول الاتصالات" in c["text"]]
    (missiles,) = claims_with_text(claims, "المقترحات الروسية هي لتقليل المخاطر العسكرية")
    assert missiles["responds_to"] is None
