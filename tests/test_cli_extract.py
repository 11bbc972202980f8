"""claimtrack extract: jsonl in a pipe and into import, errors, and review on a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract_vocabulary import ARTICLES, VOCABULARY_COMMANDS
from helpers import Fails, Run


@pytest.fixture
def vocabulary_store(run: Run, isolated_store: Path) -> Path:
    for command in VOCABULARY_COMMANDS:
        result = run(*command)
        assert result.exit_code == 0, result.stderr
    return isolated_store


def claims(path: Path) -> list[dict[str, object]]:
    stored = json.loads(path.read_bytes())["claims"].values()
    return sorted(stored, key=lambda c: (str(c["date"]), str(c["text"])))


def test_jsonl_in_a_pipe(run: Run, vocabulary_store: Path) -> None:
    result = run("extract", str(ARTICLES / "press-ru.txt"), "--source", "ТАСС")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    assert lines[1] == {
        "date": "2023-03-14",
        "kind": "demand",
        "note": "date: the publication date (the sentence names no day)",
        "published": "2023-03-14",
        "round": None,
        "side": "south",
        "source": "ТАСС",
        "speaker": "Ivan Petrenko",
        "tags": [],
        "text": "Мы требуем немедленного вывода войск с границы до следующего раунда",
        "to": [],
        "topics": ["troops"],
        "url": None,
        "attribution": "quote",
    }
    assert result.stderr == "Proposed 5 claims\n"


def test_jsonl_goes_into_import_and_a_second_run_finds_duplicates(
    run: Run, vocabulary_store: Path
) -> None:
    article = str(ARTICLES / "press-en.txt")
    proposed = run("extract", article, "--format", "jsonl", "--url", "https://example.org/a")
    imported = run("import", "--format", "jsonl", "-", input=proposed.stdout)
    assert imported.exit_code == 0, imported.stderr
    assert len(claims(vocabulary_store)) == 7
    assert {c["url"] for c in claims(vocabulary_store)} == {"https://example.org/a"}
    again = run("extract", article)
    assert (again.stdout, again.stderr) == (
        "",
        "Proposed 0 claims; skipped 7 already in the store\n",
    )
    everything = run("extract", article, "--include-duplicates")
    assert len(everything.stdout.splitlines()) == 7


def test_stdin_html_and_round(run: Run, vocabulary_store: Path) -> None:
    assert run("round", "add", "r1", "--date", "2023-03-01", "--name", "Round one").exit_code == 0
    html = (ARTICLES / "press-en.html").read_text(encoding="utf-8")
    result = run("extract", "-", "--round", "r1", input=html)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["round"], line["date"]) for line in lines] == [("r1", "2023-03-03")] * 2


def test_incomplete_proposals_are_left_out_of_jsonl(run: Run, vocabulary_store: Path) -> None:
    result = run("extract", "-", "--published", "2023-03-03", input='A man said that "x y z w".\n')
    assert result.stdout == ""
    assert result.stderr == (
        "Proposed 0 claims; left out 1 without a side or topic "
        "(review them on a terminal: claimtrack extract FILE)\n"
    )


@pytest.mark.parametrize(
    ("args", "stdin", "code", "error"),
    [
        (("-",), "Lavrov said that nothing would change at all.\n", 1,
         "the article has no dateline to take the publication date from. "
         "Give it with --published DATE"),
        (("-", "--published", "31 Feb 2022"), "x", 1, None),
        (("-", "--published", "2022-01-01", "--round", "nowhere"), "x", 1, None),
        (("-", "--published", "2022-01-01", "--url", "ftp://x"), "x", 1, None),
        (("-",), "   \n", 1, "the article has no text"),
        (("missing.txt",), None, 2, None),
    ],
)  # fmt: skip
def test_errors(
    fails: Fails,
    vocabulary_store: Path,
    args: tuple[str, ...],
    stdin: str | None,
    code: int,
    error: str | None,
) -> None:
    fails("extract", *args, input=stdin, code=code, error=error)


def test_bytes_that_are_not_utf8_are_refused(
    fails: Fails, vocabulary_store: Path, tmp_path: Path
) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Lavrov said that ça va.".encode("latin-1"))
    fails(
        "extract",
        str(article),
        error="the article is not UTF-8 text (byte 17). Convert it first, e.g. with iconv -t UTF-8",
    )


# --- review on a terminal --------------------------------------------------------------------


def review(db: Path, article: Path, answers: list[str], timeout: float = 30.0) -> tuple[int, str]:
    """Run `claimtrack extract` under a pseudo-terminal, typing each answer at its prompt."""
    leader, follower = pty.openpty()
    env = {**os.environ, "CLAIMTRACK_DB": str(db), "COLUMNS": "100", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "extract", str(article)],
        stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True,
    )  # fmt: skip
    os.close(follower)
    output, pending, deadline = b"", list(answers), time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child has gone and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if pending and output.rstrip().endswith((b"?", b":")):
                os.write(leader, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    os.close(leader)
    return process.wait(timeout=timeout), output.decode("utf-8", "replace").replace("\r\n", "\n")


def test_review_accept_skip_edit_quit(vocabulary_store: Path) -> None:
    # 1 accept; 2 skip; 3 edit kind then accept; 4 help, then quit: 5-7 never shown
    answers = ["y", "n", "e", "kind", "proposal", "y", "?", "q"]
    code, output = review(vocabulary_store, ARTICLES / "press-en.txt", answers)
    assert code == 0, output
    assert "Proposal 1 of 7" in output and "Proposal 4 of 7" in output
    assert "Proposal 5 of 7" not in output
    assert "  speaker     Jane Holloway" in output
    assert "e - edit a field, then decide" in output
    assert "Recorded 2 claims: " in output
    recorded = claims(vocabulary_store)
    assert [(c["kind"], c["attribution"], c["text"]) for c in recorded] == [
        ("statement", "paraphrase", 'the talks had been "frank and useful" for both delegations'),
        ("proposal", "quote", "Only then can we discuss the rest of the agenda"),
    ]
    history = vocabulary_store.with_name(vocabulary_store.name + ".history.jsonl")
    operations = [
        json.loads(line)["operation"] for line in history.read_text(encoding="utf-8").splitlines()
    ]
    assert operations.count("extract") == 1  # one transaction for every accepted claim


def test_review_refuses_an_incomplete_claim_until_edited(
    vocabulary_store: Path, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("3 March 2023\n\nA man said that the border is closed for now.\n", "utf-8")
    answers = ["y", "e", "speaker", "Петренко", "e", "topics", "troops, ceasefire", "y"]
    code, output = review(vocabulary_store, article, answers)
    assert code == 0, output
    assert "Error: a claim needs side, topic" in output
    [claim] = claims(vocabulary_store)
    assert (claim["speaker"], claim["side"], claim["topics"]) == (
        "Ivan Petrenko",
        "south",
        ["troops", "ceasefire"],
    )


def test_review_quit_at_once_records_nothing(vocabulary_store: Path) -> None:
    before = vocabulary_store.read_bytes()
    code, output = review(vocabulary_store, ARTICLES / "press-ru.txt", ["q"])
    assert code == 0, output
    assert "Recorded nothing" in output
    assert vocabulary_store.read_bytes() == before


def test_review_answers_can_come_from_a_pipe(run: Run, vocabulary_store: Path) -> None:
    result = run("extract", str(ARTICLES / "press-ru.txt"), "--format", "review", input="n\ny\n")
    assert result.exit_code == 0, result.stderr
    assert "(2/5) Record this claim [y,n,e,q,?]? " in result.stdout
    [claim] = claims(vocabulary_store)
    assert claim["text"] == "Мы требуем немедленного вывода войск с границы до следующего раунда"
    # the end of input quits, as q does, and keeps what was accepted
    assert result.stderr.startswith("Recorded 1 claim: ")
