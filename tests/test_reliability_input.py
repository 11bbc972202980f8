"""Requirements 10 and 11: input limits, pipes that close early, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.model import MAX_TEXT_LENGTH
from claimtrack.store import read_store, write_store
from reliability_helpers import folder_state, ok, record, run, seed, temp_files

RECORD = ("record", "-s", "russia", "-T", "missiles", "-k", "demand", "-d", "2022-01-26")

# Every option that takes free text, with the field name the error uses.
TEXT_OPTIONS = [
    (("record", *RECORD[1:], "--", "{}"), "text"),
    ((*RECORD, "--speaker", "{}", "t"), "speaker"),
    ((*RECORD, "--translation", "{}", "t"), "translation"),
    ((*RECORD, "--source", "{}", "t"), "source"),
    ((*RECORD, "--note", "{}", "t"), "note"),
    ((*RECORD, "--tag", "{}", "t"), "tag"),
    ((*RECORD, "--url", "https://example.org/{}", "t"), "url"),
    (("edit", "{id}", "--text", "{}"), "text"),
    (("edit", "{id}", "--note", "{}"), "note"),
    (("side", "add", "china", "--name", "{}"), "name"),
    (("side", "add", "china", "--name", "China", "--alias", "{}"), "alias"),
    (("side", "edit", "us", "--name", "{}"), "name"),
    (("side", "edit", "us", "--alias", "{}"), "alias"),
    (("topic", "add", "t2", "--title", "{}"), "title"),
    (("topic", "add", "t2", "--title", "T", "--description", "{}"), "description"),
    (("topic", "edit", "missiles", "--description", "{}"), "description"),
    (("round", "add", "r2", "--date", "2022-02-01", "--name", "{}"), "name"),
    (("round", "add", "r2", "--date", "2022-02-01", "--name", "R", "--venue", "{}"), "venue"),
    (("round", "add", "r2", "--date", "2022-02-01", "--name", "R", "--note", "{}"), "note"),
    (("round", "edit", "geneva", "--venue", "{}"), "venue"),
    (("round", "edit", "geneva", "--note", "{}"), "note"),
]
BAD_TEXT = {
    "nul": ("a\x00b", "{field} contains a NUL byte"),
    "lone surrogate": (
        "bad \udcff byte",
        "{field} is not valid UTF-8 text. Check the terminal's or file's encoding",
    ),
    "too long": (
        "x" * (MAX_TEXT_LENGTH + 1),
        "{field} is 100,001 characters long; the limit is 100,000",
    ),
}


@pytest.mark.parametrize("bad", list(BAD_TEXT))
@pytest.mark.parametrize(("args", "field"), TEXT_OPTIONS, ids=lambda v: str(v)[:40])
def test_bad_text_is_refused_everywhere(
    isolated_store: Path, args: tuple[str, ...], field: str, bad: str
) -> None:
    seed()
    claim_id = record("existing")
    value, message = BAD_TEXT[bad]
    before = folder_state(isolated_store.parent)
    result = run(*(a.replace("{}", value).replace("{id}", claim_id) for a in args))
    assert result.exit_code == 1
    if field == "url" and bad != "too long":
        assert result.stderr == f"Error: {message.format(field='url')}\n"
    elif field != "url":
        assert result.stderr == f"Error: {message.format(field=field)}\n"
    assert folder_state(isolated_store.parent) == before


def test_text_of_exactly_the_limit_is_accepted(isolated_store: Path) -> None:
    seed()
    claim_id = record("y" * MAX_TEXT_LENGTH)
    assert len(read_store(isolated_store).get("claims", claim_id)["text"]) == MAX_TEXT_LENGTH  # type: ignore[index]


def test_invalid_utf8_from_the_command_line(isolated_store: Path) -> None:
    seed()
    before = folder_state(isolated_store.parent)
    # Python decodes argv with surrogateescape: the byte 0xff becomes a lone surrogate.
    args = [sys.executable, "-m", "claimtrack", *RECORD]
    child = subprocess.run([*args, b"caf\xe9 latin-1"], capture_output=True, check=False)
    assert (child.returncode, child.stdout) == (1, b"")
    assert child.stderr == (
        b"Error: text is not valid UTF-8 text. Check the terminal's or file's encoding\n"
    )
    assert folder_state(isolated_store.parent) == before


ICONV = "Convert it first, e.g. with iconv -t UTF-8"


def test_text_from_stdin(isolated_store: Path) -> None:
    seed()
    before = folder_state(isolated_store.parent)
    for data, message in (
        (b"caf\xe9", "stdin is not valid UTF-8 text (byte 3). " + ICONV),
        (b"a\x00b\n", "text contains a NUL byte"),
        (b"\n", "text must not be empty"),
    ):  # fmt: skip
        result = run(*RECORD, "-", input=data)
        assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n")
    assert folder_state(isolated_store.parent) == before
    claim_id = ok(*RECORD, "-", input="\ufeffنص من الملف\r\n".encode()).stdout.strip()
    assert read_store(isolated_store).get("claims", claim_id)["text"] == "نص من الملف"  # type: ignore[index]


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "javascript:alert(1)", "example.org", "http://", "https:///x"]
)
def test_urls_must_be_http_or_https(isolated_store: Path, url: str) -> None:
    seed()
    before = folder_state(isolated_store.parent)
    result = run(*RECORD, "--url", url, "t")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: invalid url '{url}'. A url must start with http:// or https://\n",
    )
    assert folder_state(isolated_store.parent) == before


@pytest.mark.parametrize("grade", ["G1", "A7", "A0", "A", "1A", "AA1", "A12", " "])
def test_grades_must_be_admiralty_codes(isolated_store: Path, grade: str) -> None:
    seed()
    before = folder_state(isolated_store.parent)
    result = run(*RECORD, "--grade", grade, "t")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: invalid grade '{grade}'. A grade is an Admiralty code: "
        "reliability A-F then credibility 1-6, e.g. B2\n",
    )
    assert folder_state(isolated_store.parent) == before


def test_good_urls_and_grades_are_kept(isolated_store: Path) -> None:
    seed()
    claim_id = record("t", "--url", "https://tass.ru/politika/13383133", "--grade", "f6")
    claim = read_store(isolated_store).get("claims", claim_id)
    assert claim is not None and (claim["url"], claim["grade"]) == (
        "https://tass.ru/politika/13383133",
        "F6",
    )


# --- requirement 11: pipes and Ctrl-C ---------------------------------------------------


def many_claims(path: Path, count: int = 100) -> None:
    seed()
    with write_store(path, operation="test") as store:
        for n in range(count):
            claim = {"id": f"c{n:09d}", "text": f"claim {n} " + "x" * 2000, "side": "russia"}
            store.insert("claims", claim["id"], _claim(claim))


def _claim(fields: dict[str, str]) -> dict[str, object]:
    from claimtrack.model import blank_claim

    claim = blank_claim()
    claim.update(fields, topics=["missiles"], kind="demand", date="2022-01-26")
    claim["created"] = claim["updated"] = "2022-01-26T00:00:00.000000Z"
    return claim


@pytest.mark.parametrize("fmt", ["tsv", "json", "table", "csv"])
def test_a_closed_pipe_ends_quietly(isolated_store: Path, fmt: str) -> None:
    many_claims(isolated_store)  # about 200 kB: far more than a pipe holds
    claimtrack = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "list", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    head = subprocess.run(["head", "-1"], stdin=claimtrack.stdout, capture_output=True)
    assert claimtrack.stdout is not None and claimtrack.stderr is not None
    claimtrack.stdout.close()
    stderr = claimtrack.stderr.read()
    assert (claimtrack.wait(), stderr) == (0, b"")
    assert head.returncode == 0 and head.stdout.count(b"\n") == 1


def test_ctrl_c_in_the_middle_of_a_change_leaves_the_store_unchanged(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    before = folder_state(isolated_store.parent)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    for where in ("claimtrack.commands.claims.record_claim", "os.replace", "os.fsync"):
        with monkeypatch.context() as patch:
            patch.setattr(where, interrupted)
            result = run(*RECORD, "never saved")
        assert (result.exit_code, result.stderr) == (
            130,
            "Error: interrupted; the store is unchanged\n",
        )
        assert folder_state(isolated_store.parent) == before


def test_ctrl_c_after_the_commit_says_the_change_was_saved(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    from claimtrack.output import say as real_say

    def say(message: str) -> None:
        if message.startswith("Recorded claim"):
            raise KeyboardInterrupt
        real_say(message)

    monkeypatch.setattr("claimtrack.commands.claims.say", say)
    result = run(*RECORD, "saved before the interrupt")
    assert (result.exit_code, result.stderr) == (
        130,
        "Error: interrupted after the change was saved\n",
    )
    assert [c["text"] for c in read_store(isolated_store).records("claims")] == [
        "saved before the interrupt"
    ]


def test_ctrl_c_during_the_commit_lets_the_commit_finish(
    isolated_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    real_replace = os.replace

    def replace_interrupted(src: str, dst: str) -> None:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C arrives just as the rename starts
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_interrupted)
    result = run(*RECORD, "renamed in full")
    assert (result.exit_code, result.stderr) == (
        130,
        "Error: interrupted after the change was saved\n",
    )
    assert [c["text"] for c in read_store(isolated_store).records("claims")] == ["renamed in full"]
    assert temp_files(isolated_store.parent) == []
