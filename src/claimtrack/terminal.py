"""The width and styling rich's Console would choose for a stream, without rich.

A long table is written by plaintable.py, which needs only these two answers;
importing rich to get them is a large part of start-up. The rules are rich's own (its
`Console.size`, `is_terminal`, `is_dumb_terminal` and `_detect_color_system`), for
the platforms other than Windows, where the caller asks rich itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

# rich looks for a terminal size on stdin, stdout and stderr, in that order.
_SIZE_DESCRIPTORS = (0, 1, 2)
_DEFAULT_WIDTH = 80


def is_terminal(stream: IO[Any], environ: Mapping[str, str]) -> bool:
    """Whether rich would write escape sequences to `stream`."""
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:  # https://force-color.org/
        return force_color != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _is_dumb(stream: IO[Any], environ: Mapping[str, str]) -> bool:
    term = environ.get("TERM", "").lower()
    return term in ("dumb", "unknown") and is_terminal(stream, environ)


def styles(stream: IO[Any], environ: Mapping[str, str]) -> bool:
    """Whether rich would give `stream` a colour system, and so bold and dim text.

    NO_COLOR takes colours away in rich, not bold or dim, so it changes nothing here.
    """
    return is_terminal(stream, environ) and not _is_dumb(stream, environ)


def width(stream: IO[Any], environ: Mapping[str, str]) -> int:
    """The width rich would lay `stream`'s output out to."""
    columns = _digits(environ.get("COLUMNS"))
    if columns is not None and _digits(environ.get("LINES")) is not None:
        return columns
    if _is_dumb(stream, environ):
        return _DEFAULT_WIDTH
    if columns is not None:
        return columns
    for descriptor in _SIZE_DESCRIPTORS:
        try:
            return os.get_terminal_size(descriptor).columns or _DEFAULT_WIDTH
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return _DEFAULT_WIDTH


def _digits(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None
