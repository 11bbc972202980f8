"""Where output goes: stdout, or a pager once it is longer than the screen, as git does.

The pager is `CLAIMTRACK_PAGER`, else `PAGER`, else `less -FRX`; an empty setting
turns it off, and it is never used when stdout is not a terminal. Output is held
back only until it fills a screen: shorter output goes straight to the terminal,
longer output starts the pager with what is held and then streams the rest.

Errors are the command's to report: a reader that has gone (a closed pipe, a pager
the user quit) ends the output quietly; any other failure to write stdout is an
`OutputError`.

Messages for the person running a command (what was done, a warning, an error) go
to stderr through `say`, never through stdout, so that a pipeline gets data only.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from claimtrack.errors import OutputError

if TYPE_CHECKING:
    import subprocess

DEFAULT_PAGER = "less -FRX"
# What git gives less and lv when the user has not set them: quit if one screen,
# pass colours through, do not clear the screen.
PAGER_ENVIRONMENT = {"LESS": "FRX", "LV": "-c"}


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run, or None when the user turned paging off."""
    for name in ("CLAIMTRACK_PAGER", "PAGER"):
        if name in environ:
            return environ[name].strip() or None
    import shutil  # here: only a terminal needs a pager, and scripts skip the import

    # Without less, output goes straight to the terminal rather than to an error.
    return DEFAULT_PAGER if shutil.which("less") else None


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (ValueError, AttributeError):  # closed, or a stream without isatty
        return False


def screen_lines() -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return 24


def quiet_stdout() -> None:
    """The reader (head, less) has gone: later writes go to /dev/null, as for `cat`."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def say(message: str) -> None:
    """`message` as a line on stderr; store text in it is shown, never acted on."""
    from claimtrack.render import visible  # not at start-up: --version and --help pay for it

    stream = sys.stderr
    if stream is None:  # nowhere to say it
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(visible(message) + "\n")
        stream.flush()


def write_stdout(data: bytes) -> None:
    """`data` to stdout as it is, flushed: an `OutputError` unless the reader has gone."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write the output: stdout is closed")
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        quiet_stdout()
        raise
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "stdout is closed"
        raise OutputError(f"cannot write the output: {reason}") from None


class Sink:
    """Writes output pieces to stdout, or to a pager started once a screen is full."""

    def __init__(self, pager: str | None) -> None:
        self.pager = pager
        self.held: list[bytes] = []
        self.held_lines = 0
        self.screen = screen_lines() if pager else 0
        self.process: subprocess.Popen[bytes] | None = None
        self.gone = False  # the reader has gone; the rest is dropped

    def write(self, data: bytes) -> None:
        if self.gone:
            return
        if self.process is not None:
            self._to_pager(data)
        elif self.pager is None:
            self._to_stdout(data)
        else:
            self.held.append(data)
            self.held_lines += data.count(b"\n")
            if self.held_lines >= self.screen:
                self._start_pager()

    def write_all(self, pieces: Iterable[bytes]) -> None:
        try:
            for piece in pieces:
                self.write(piece)
                if self.gone:
                    break
        finally:
            self.close()

    def close(self) -> None:
        """Write what is held, and wait for the pager, whose screen the user is reading."""
        if self.held and self.process is None and not self.gone:
            held, self.held = b"".join(self.held), []
            self._to_stdout(held)
        if self.process is not None:
            process, self.process = self.process, None
            stdin: IO[bytes] | None = process.stdin
            with contextlib.suppress(OSError):
                if stdin is not None:
                    stdin.close()
            # Ctrl-C belongs to the pager (less uses it to stop a search), as in git.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                process.wait()
            finally:
                signal.signal(signal.SIGINT, previous)

    def _to_stdout(self, data: bytes) -> None:
        try:
            write_stdout(data)
        except BrokenPipeError:
            self.gone = True

    def _start_pager(self) -> None:
        assert self.pager is not None
        import subprocess

        environment = {**PAGER_ENVIRONMENT, **os.environ}
        try:
            self.process = subprocess.Popen(
                self.pager, shell=True, stdin=subprocess.PIPE, env=environment
            )
        except OSError as exc:
            raise OutputError(f"cannot start the pager {self.pager!r}: {exc.strerror}") from None
        held, self.held = b"".join(self.held), []
        self._to_pager(held)

    def _to_pager(self, data: bytes) -> None:
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write(data)
            self.process.stdin.flush()
        except (BrokenPipeError, ValueError):  # the user quit the pager
            self.gone = True


class GuardedStream(io.RawIOBase):
    """File descriptor 1 or 2 for the `claimtrack` program, failing as a command should.

    A reader that has gone (EPIPE) ends the output quietly, so that the command
    finishes and keeps its own exit status (`check | head -1` still exits 1). Any
    other write error on stdout, or a stdout that was closed when the program
    started, is an `OutputError`, once; stderr's errors have nowhere to go.
    """

    def __init__(self, fd: int, *, closed: bool = False) -> None:
        super().__init__()
        self.fd = fd
        self.closed_at_start = closed
        self.gone = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return not self.closed_at_start and os.isatty(self.fd)

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if self.gone:
            return size
        if self.closed_at_start:
            self.gone = True
            return self._fail("stdout is closed")
        try:
            return os.write(self.fd, data)
        except BrokenPipeError:
            self.gone = True
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.fd)
                os.close(devnull)
            return size
        except OSError as exc:
            self.gone = True
            return self._fail(exc.strerror or str(exc))

    def _fail(self, reason: str) -> int:
        if self.fd == 1:
            raise OutputError(f"cannot write the output: {reason}")
        return 0


def guard_standard_streams() -> None:
    """Replace sys.stdout and sys.stderr with guarded ones (see `GuardedStream`).

    A descriptor closed at start-up is first pointed at /dev/null, so that no file
    the command opens (the store!) can take its number and receive its output.
    """
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        closed = stream is None
        if closed:
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                if devnull != fd:
                    os.dup2(devnull, fd)
                    os.close(devnull)
        encoding = "utf-8" if closed else stream.encoding
        errors = "backslashreplace" if closed else stream.errors
        line_buffering = not closed and stream.line_buffering
        buffered = io.BufferedWriter(GuardedStream(fd, closed=closed))
        wrapper = io.TextIOWrapper(
            buffered,
            encoding=encoding,
            errors=errors,
            line_buffering=line_buffering,
            write_through=not closed and getattr(stream, "write_through", False),
        )
        setattr(sys, name, wrapper)
