"""terminal.py: the width and styling rich would choose, checked against rich itself."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import IO, Any

import pytest
from rich.console import Console

from claimtrack import terminal

ENVIRONMENTS: list[dict[str, str]] = [
    {},
    {"COLUMNS": "120"},
    {"COLUMNS": "120", "LINES": "40"},
    {"COLUMNS": "0"},
    {"COLUMNS": "wide"},
    {"FORCE_COLOR": "1"},
    {"FORCE_COLOR": ""},
    {"FORCE_COLOR": "1", "COLUMNS": "100"},
    {"FORCE_COLOR": "1", "TERM": "dumb"},
    {"FORCE_COLOR": "1", "TERM": "UNKNOWN", "COLUMNS": "100"},
    {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "LINES": "30"},
    {"FORCE_COLOR": "1", "NO_COLOR": "1"},
    {"TTY_COMPATIBLE": "1"},
    {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
    {"TTY_COMPATIBLE": "2", "FORCE_COLOR": "1"},
    {"TERM": "dumb"},
]


@pytest.fixture(params=["pipe", "tty"])
def stream(request: pytest.FixtureRequest) -> Iterator[IO[Any]]:
    if request.param == "pipe":
        yield io.StringIO()
        return
    leader, follower = os.openpty()
    with open(follower, "w", closefd=True) as tty:
        try:
            yield tty
        finally:
            os.close(leader)


def rich_console(stream: IO[Any], environ: dict[str, str]) -> Console:
    return Console(file=stream, _environ=environ, markup=False, emoji=False, highlight=False)


@pytest.mark.parametrize("environ", ENVIRONMENTS, ids=[repr(e) for e in ENVIRONMENTS])
def test_the_same_width_and_styling_as_rich(stream: IO[Any], environ: dict[str, str]) -> None:
    console = rich_console(stream, environ)
    assert terminal.width(stream, environ) == console.width
    assert terminal.styles(stream, environ) == (console.color_system is not None)
    assert terminal.is_terminal(stream, environ) == console.is_terminal


def test_a_closed_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    stream.close()
    assert not terminal.is_terminal(stream, {})
    assert not terminal.styles(stream, {})


def test_a_stream_without_isatty_is_not_a_terminal() -> None:
    class Sink:
        def write(self, text: str) -> int:
            return len(text)

    assert not terminal.is_terminal(Sink(), {})  # type: ignore[arg-type]
