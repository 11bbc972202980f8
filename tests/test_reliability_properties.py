"""Requirement 12: whatever Unicode text goes in through the CLI comes back identical."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.model import MAX_TEXT_LENGTH
from reliability_helpers import ok, run, seed

# Any character a store can hold: every code point but NUL and lone surrogates
# (which no UTF-8 text can carry).
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
any_text = st.text(characters, min_size=1, max_size=200)
# Optional fields treat blank text as "not given", and record's TEXT `-` means stdin.
text = any_text.filter(lambda t: not t.isspace() and t != "-")
# Tags are trimmed and de-duplicated, so a tag set is of trimmed, distinct texts.
tag = any_text.map(str.strip).filter(bool)
tags = st.lists(tag, max_size=4, unique=True)

EXAMPLES = int(os.environ.get("CLAIMTRACK_EXAMPLES", "40"))


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A seeded store, copied fresh for every example (hypothesis reuses the test's
    function-scoped fixtures across examples, so each example makes its own folder)."""
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-props-"))
    path = folder / "claims.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMTRACK_DB", str(path))
        seed()
    yield path
    shutil.rmtree(folder)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=text, speaker=text, note=text, translation=text, tags=tags)
def test_recorded_text_comes_back_identical(
    template: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    speaker: str,
    note: str,
    translation: str,
    tags: list[str],
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-example-"))
    try:
        store = folder / "claims.json"
        shutil.copyfile(template, store)
        monkeypatch.setenv("CLAIMTRACK_DB", str(store))
        args = ["record", "-s", "russia", "-T", "missiles", "-k", "statement", "-d", "2022-02-01"]
        args += [f"--speaker={speaker}", f"--note={note}", f"--translation={translation}"]
        args += [f"--tag={t}" for t in tags]
        claim_id = ok(*args, "--", text).stdout.strip()

        shown = json.loads(ok("show", claim_id, "--format", "json").stdout)
        # jsonl is one object per "\n"; str.splitlines would also split at U+2028 and others.
        lines = ok("list", "--format", "jsonl").stdout.split("\n")
        assert lines[-1] == ""
        (listed,) = [json.loads(line) for line in lines[:-1]]
        for claim in (shown, listed):
            assert claim["text"] == text
            assert claim["speaker"] == speaker
            assert claim["note"] == note
            assert claim["translation"] == translation
            assert claim["tags"] == tags
        # An edit that sets the same values changes nothing but `updated`.
        ok("edit", claim_id, f"--note={note}", f"--speaker={speaker}")
        again = json.loads(ok("show", claim_id, "--format", "json").stdout)
        assert {**again, "updated": None} == {**shown, "updated": None}
    finally:
        shutil.rmtree(folder)


over_the_limit = st.builds(
    lambda head, extra: head + "y" * (MAX_TEXT_LENGTH + extra - len(head)),
    st.text(characters, max_size=50),
    st.integers(min_value=1, max_value=5),
)


@pytest.mark.slow
@settings(max_examples=EXAMPLES // 4, deadline=None)
@given(over_the_limit)
def test_text_over_the_limit_is_always_refused(text: str) -> None:
    result = run("side", "add", "x", "--name", text)
    assert result.exit_code == 1
    assert result.stderr == f"Error: name is {len(text):,} characters long; the limit is 100,000\n"
