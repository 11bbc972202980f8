"""The program's way out, as a person and a script meet it: the pager on a terminal
(through a pseudo-terminal and a fake pager), write errors on stdout, broken pipes
that keep the command's status, Ctrl-C at start-up, escapes for terminals."""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from claimtrack.output import pager_command

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "security-guarantees-2022.json"
PROGRAM = [sys.executable, "-m", "claimtrack"]
SCRIPT = str(Path(sys.executable).with_name("claimtrack"))  # the installed entry point
FAKE_PAGER = """\
import sys
data = sys.stdin.buffer.read()
open(sys.argv[1], "wb").write(data)
sys.stdout.write("PAGED %d lines\\n" % data.count(b"\\n"))
"""


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.json"
    shutil.copy(EXAMPLE, path)
    return path


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "CLAIMTRACK_PAGER")}
    for name in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    env.update(extra)
    return env


def on_a_terminal(
    args: list[str], env: dict[str, str], rows: int = 24, columns: int = 100
) -> tuple[int, str]:
    """Run claimtrack with stdin, stdout and stderr on a pseudo-terminal of that size."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        PROGRAM + args, stdin=child, stdout=child, stderr=child, env=env, close_fds=True
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError as exc:  # EIO: the child side has closed
            assert exc.errno == errno.EIO
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def pager(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER)
    paged = tmp_path / "paged.txt"
    return f"{sys.executable} {script} {paged}", paged


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "less -FRX"),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "more", "CLAIMTRACK_PAGER": "most -s"}, "most -s"),
        ({"PAGER": "more", "CLAIMTRACK_PAGER": ""}, None),
        ({"PAGER": " "}, None),
    ],
)
def test_pager_setting(
    env: dict[str, str], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    assert pager_command(env) == expected


def test_no_less_no_default_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert pager_command({}) is None
    assert pager_command({"PAGER": "more"}) == "more"


def test_long_output_goes_through_the_pager(tmp_path: Path, example: Path) -> None:
    command, paged = pager(tmp_path)
    code, screen = on_a_terminal(
        ["--db", str(example), "list"], environment(CLAIMTRACK_PAGER=command), columns=120
    )
    assert code == 0
    assert "PAGED" in screen
    text = re.sub(r"\x1b\[[0-9;]*m", "", paged.read_text())  # the styles, for less -R
    assert text.splitlines()[0].split()[:3] == ["id", "date", "side"]
    assert "vpx5e56uqw" in text and "vpx5e56uqw" not in screen


def test_pager_falls_back_to_PAGER(tmp_path: Path, example: Path) -> None:
    command, paged = pager(tmp_path)
    code, screen = on_a_terminal(["--db", str(example), "list"], environment(PAGER=command))
    assert (code, "PAGED" in screen, paged.exists()) == (0, True, True)


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["--no-pager", "list"], {}),
        (["list", "--no-pager"], {}),
        (["list"], {"CLAIMTRACK_PAGER": ""}),
        (["list"], {"CLAIMTRACK_PAGER": "", "PAGER": "cat"}),
    ],
)
def test_paging_turned_off(
    tmp_path: Path, example: Path, args: list[str], extra: dict[str, str]
) -> None:
    command, paged = pager(tmp_path)
    env = environment(PAGER=command, **extra) if "PAGER" not in extra else environment(**extra)
    code, screen = on_a_terminal(["--db", str(example), *args], env)
    assert code == 0
    assert "vpx5e56uqw" in screen and "PAGED" not in screen
    assert not paged.exists()


def test_short_output_is_not_paged(tmp_path: Path, example: Path) -> None:
    command, paged = pager(tmp_path)
    code, screen = on_a_terminal(
        ["--db", str(example), "list", "-n", "1"], environment(CLAIMTRACK_PAGER=command), rows=60
    )
    assert code == 0 and "vpx5e56uqw" in screen
    assert not paged.exists()


def test_never_paged_into_a_pipe(tmp_path: Path, example: Path) -> None:
    command, paged = pager(tmp_path)
    result = subprocess.run(
        [*PROGRAM, "--db", str(example), "list", "-f", "table"],
        capture_output=True,
        env=environment(CLAIMTRACK_PAGER=command, COLUMNS="100"),
        check=True,
    )
    assert b"vpx5e56uqw" in result.stdout
    assert not paged.exists()


@pytest.mark.parametrize(
    "command", [["list", "-n", "1", "-f", "csv"], ["export", "-f", "csv", "--grep", "clear"]]
)
def test_machine_formats_are_escaped_on_a_terminal_only(example: Path, command: list[str]) -> None:
    dangerous = "clear\x1b[2J and \x9b31m and \u202e"
    subprocess.run(
        [*PROGRAM, "--db", str(example), "edit", "vpx5e56uqw", "--note", dangerous],
        capture_output=True,
        check=True,
    )
    args = ["--db", str(example), *command]
    code, screen = on_a_terminal(args, environment(CLAIMTRACK_PAGER=""), rows=200)
    assert code == 0
    assert "clear<U+001B>[2J and <U+009B>31m and <U+202E>" in screen
    assert "\x1b[2J" not in screen
    piped = subprocess.run([*PROGRAM, *args], capture_output=True, check=True)
    assert dangerous.encode() in piped.stdout


def run_shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = environment(CLAIMTRACK="claimtrack" if shutil.which("claimtrack") else "")
    env["CT"] = " ".join(PROGRAM)
    return subprocess.run(
        ["bash", "-c", "set -o pipefail; " + script],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("args", ["list", "list -f json", "show vpx5e56uqw", "gaps"])
def test_a_read_command_on_a_full_disk(example: Path, args: str) -> None:
    result = run_shell(f"$CT --db {example} {args} > /dev/full", example.parent)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "Error: cannot write the output: No space left on device\n"


def test_a_read_command_with_stdout_closed(example: Path) -> None:
    result = run_shell(f"$CT --db {example} list >&-", example.parent)
    assert (result.returncode, result.stderr) == (
        1,
        "Error: cannot write the output: stdout is closed\n",
    )


@pytest.mark.parametrize("redirect", ["> /dev/full", ">&-"])
def test_a_write_command_says_its_change_was_saved(example: Path, redirect: str) -> None:
    record = "record --side russia --topic minsk --kind demand --date 2022-02-01 hello"
    result = run_shell(f"$CT --db {example} {record} {redirect}", example.parent)
    assert result.returncode == 1
    assert result.stderr.endswith("; the change was saved\n")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    listed = run_shell(f"$CT --db {example} list --grep hello -f ids", example.parent)
    assert len(listed.stdout.split()) == 1


def test_a_broken_pipe_keeps_a_failure(example: Path) -> None:
    (example.parent / "bad.jsonl").write_text('{"bad": 1}\n{"worse": 2}\n')
    result = run_shell(f"$CT --db {example} import bad.jsonl 2>&1 | head -1", example.parent)
    assert result.returncode == 1
    assert result.stdout.count("\n") == 1


def test_check_into_head_keeps_its_failure(example: Path) -> None:
    import json

    data = json.loads(example.read_text())
    for claim in data["claims"].values():
        claim["side"] = "nowhere"
    example.write_text(json.dumps(data))
    result = run_shell(f"$CT --db {example} check | head -1", example.parent)
    assert result.returncode == 1
    assert result.stdout.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_broken_pipe_after_success_is_quiet(example: Path) -> None:
    result = run_shell(f"$CT --db {example} list -f json | head -1", example.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[\n", "")


def frames_after_start_up(traceback: str) -> list[str]:
    """claimtrack's frames in `traceback`, but for launch.py's own first lines."""
    frames = re.findall(r'File "([^"]*)", line \d+, in (\S+)', traceback)
    return [
        path
        for path, function in frames
        if "/claimtrack/" in path
        and not (path.endswith(("launch.py", "__init__.py")) and function == "<module>")
    ]


@pytest.mark.slow
def test_ctrl_c_at_any_moment_exits_130_quietly(example: Path) -> None:
    for attempt in range(40):
        process = subprocess.Popen(
            [SCRIPT, "--db", str(example), "list", "-f", "json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment(),
        )
        time.sleep(0.005 * attempt)
        process.send_signal(signal.SIGINT)
        _, raw = process.communicate(timeout=60)
        err = raw.decode()
        if "Traceback" in err and not frames_after_start_up(err):
            continue  # Python's start-up, before launch.py could install its handler
        assert "Traceback" not in err, err
        # -2: killed by the signal before Python's own start-up ended; a shell says 130.
        assert process.returncode in (0, 130, -signal.SIGINT), (attempt, process.returncode)
