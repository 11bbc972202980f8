"""What the README's cog blocks call: run the commands shown, put their output in.

`cog -r README.md` regenerates every output in the README from real runs, and
`cog --check README.md` (in CI) fails when the README no longer matches what the
commands print. Nothing here knows today's output: ids are looked up by query,
tsv columns by name, and abridging keeps the first lines and marks the cut with
`…`, so the blocks stay right when the example store or the commands change.

Commands run in bash from the repository root, against the example store, with the
`claimtrack` installed beside this Python on PATH, no colour, no pager, UTC and a
fixed width: the output does not depend on who runs cog, or where.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/security-guarantees-2022.json"
WIDTH = 80
HEIGHT = 50
ELLIPSIS = "…"
MIN_PREFIX = 4
# styles and hyperlinks a terminal would render; the README shows the text alone
TERMINAL_CODES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\\\)")


class CommandFailed(RuntimeError):
    """A command shown in the README did not succeed: the README must not show it."""


@dataclass(frozen=True)
class Output:
    stdout: str
    stderr: str


def environment() -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CLAIMTRACK", "COLUMNS", "LINES", "PAGER", "LESS"))
    }
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        CLAIMTRACK_DB=EXAMPLE,
        CLAIMTRACK_PAGER="",
        PAGER="",
        COLUMNS=str(WIDTH),
        LINES=str(HEIGHT),
        NO_COLOR="1",
        TERM="xterm",
        TZ="UTC",
        LC_ALL="C.UTF-8",
    )
    return env


def run(command: str, tty: bool = False) -> Output:
    """Run one shell line as a reader would type it; fail loudly if it fails.

    With `tty`, stdout is a terminal of WIDTH x HEIGHT, so claimtrack chooses its
    table as it would for a person.
    """
    argv = ["bash", "-o", "pipefail", "-c", command]
    if tty:
        return _run_on_terminal(argv)
    done = subprocess.run(
        argv, cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise CommandFailed(f"{command!r} exited {done.returncode}: {done.stderr.strip()}")
    return Output(done.stdout, done.stderr)


def _run_on_terminal(argv: list[str]) -> Output:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    with subprocess.Popen(
        argv,
        cwd=ROOT,
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
    ) as process:
        os.close(slave)
        chunks = list(_read_until_closed(master))
        os.close(master)
        stderr = process.stderr.read() if process.stderr else b""
        code = process.wait(timeout=120)
    if code != 0:
        raise CommandFailed(f"{argv[-1]!r} exited {code}: {stderr.decode().strip()}")
    # the terminal turns each newline into CR LF
    stdout = TERMINAL_CODES.sub("", b"".join(chunks).decode().replace("\r\n", "\n"))
    return Output(stdout, stderr.decode())


def _read_until_closed(fd: int) -> Iterator[bytes]:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other end closed
            return
        if not chunk:
            return
        yield chunk


def ids(filters: str) -> list[str]:
    """The ids `claimtrack list FILTERS` gives, in its order."""
    return run(f"claimtrack list {filters} --format ids").stdout.split()


def short_id(claim_id: str) -> str:
    """The shortest prefix of at least MIN_PREFIX characters that names only this claim."""
    others = [other for other in ids("") if other != claim_id]
    for length in range(MIN_PREFIX, len(claim_id) + 1):
        prefix = claim_id[:length]
        if not any(other.startswith(prefix) for other in others):
            return prefix
    return claim_id


def find(filters: str) -> str:
    """The short id of the first claim `list FILTERS` gives; an error if there is none."""
    found = ids(filters)
    if not found:
        raise CommandFailed(f"no claim matches {filters!r}")
    return short_id(found[0])


def fields(command: str, *names: str) -> str:
    """`cut -f` positions of the named tsv columns of COMMAND's output, e.g. "1,6,8".

    Name the columns in the order COMMAND prints them: cut keeps that order.

    A name may give alternatives, "topics|topic", for a column that changed name;
    a name ending in "?" is left out when COMMAND has no such column.
    """
    header = run(f"{command} --format tsv").stdout.split("\n", 1)[0].split("\t")
    positions = []
    for name in names:
        optional = name.endswith("?")
        matches = [header.index(n) + 1 for n in name.rstrip("?").split("|") if n in header]
        if matches:
            positions.append(str(matches[0]))
        elif not optional:
            raise CommandFailed(f"{command!r} has no column {name!r}: {header}")
    # cut prints columns in the file's order whatever the list's order
    return ",".join(sorted(positions, key=int))


def abridge(text: str, lines: int | None) -> str:
    """The first LINES lines of TEXT, and `…` on a line of its own if any were left out."""
    kept = text.rstrip("\n").split("\n")
    if lines is not None and len(kept) > lines:
        kept = [*kept[:lines], ELLIPSIS]
    return "\n".join(line.rstrip() for line in kept)


def session(command: str, lines: int | None = None, tty: bool = False, stderr: bool = False) -> str:
    """`$ COMMAND` and what it prints (stderr after stdout, if asked), abridged."""
    output = run(command, tty=tty)
    shown = output.stdout + (output.stderr if stderr else "")
    return f"$ {command}\n{abridge(shown, lines)}\n"


def fenced(*parts: str, language: str = "") -> str:
    return f"```{language}\n" + "".join(parts) + "```\n"


# --- the command reference ---------------------------------------------------------


def command_paths() -> list[list[str]]:
    """`claimtrack` itself, then every command and subcommand in `--help`'s order."""
    import click

    from claimtrack.cli import cli

    paths: list[list[str]] = [[]]

    def walk(group: click.Group, prefix: list[str]) -> None:
        ctx = click.Context(group, info_name=" ".join(["claimtrack", *prefix]))
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            paths.append([*prefix, name])
            if isinstance(command, click.Group):
                walk(command, [*prefix, name])

    walk(cli, [])
    return paths


def help_text(path: list[str]) -> str:
    return run(" ".join(["claimtrack", *path, "--help"])).stdout


def summary(help_output: str) -> str:
    """The first paragraph after the usage line(s) of a command's help, on one line."""
    lines = [line.strip() for line in help_output.split("\n")]
    start = lines.index("") if "" in lines else len(lines)
    paragraph: list[str] = []
    for line in lines[start:]:
        if line:
            paragraph.append(line)
        elif paragraph:
            break
    return " ".join(paragraph)


def reference(out: Callable[[str], None]) -> None:
    """A table of every command with its summary, then each command's full --help."""
    paths = command_paths()
    with ThreadPoolExecutor(max_workers=4) as pool:
        helps = list(pool.map(help_text, paths))
    out("| command | does |\n| --- | --- |\n")
    for path, text in zip(paths, helps, strict=True):
        cell = summary(text).replace("|", "\\|")
        out(f"| `{' '.join(['claimtrack', *path])}` | {cell} |\n")
    out("\nEach command's `--help` in full:\n")
    for path, text in zip(paths, helps, strict=True):
        name = " ".join(["claimtrack", *path])
        out(f"\n<details><summary><code>{name} --help</code></summary>\n\n")
        out(fenced(text.rstrip("\n") + "\n", language="text"))
        out("\n</details>\n")
