"""Running claimtrack as whole processes and timing each run: run.py's machinery.

A case is one command line; a Runner runs it once to check it, then again and
again for the timings, each in a fresh process whose own peak memory is read back
with wait4. Standard library only.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SYNTHETIC = Path(__file__).resolve().with_name("synthetic.py")
# Where claimtrack keeps a store's history, beside the store.
HISTORY_SUFFIX = ".history.jsonl"


@dataclass
class Case:
    label: str
    argv: list[str]
    group: str  # start-up, read, table, first-screen, write, floor or reference
    command: str | None = None  # must be listed by `claimtrack --help`
    env: dict[str, str] = field(default_factory=dict)
    fresh_store: bool = False
    check_output: bool = True  # the warm-up must print something


@dataclass
class Timing:
    case: Case
    median: float = 0.0
    times: list[float] = field(default_factory=list)
    peak_kib: int = 0
    error: str | None = None
    note: str | None = None
    once: bool = False  # past --slow-limit: the warm-up is its only timing


class Progress:
    """One line on stderr, rewritten in place on a terminal."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.width = 0

    def show(self, text: str) -> None:
        if self.tty:
            sys.stderr.write("\r" + text.ljust(self.width)[:150])
            self.width = min(len(text), 150)
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            self.width = 0


# --- running one process ----------------------------------------------------------


def run_once(argv: list[str], env: dict[str, str], capture: bool) -> tuple[float, int, int, bytes]:
    """Seconds, peak RSS in KiB (this child's own, via wait4), exit code, and its stderr
    on failure or the start of its non-blank output on success."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out if capture else subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        text = err.read()[-2000:] if child.returncode else out.read(1 << 16).strip()[:64]
        return elapsed, usage.ru_maxrss, child.returncode, text


SCREEN_ROWS = 50
# The pager takes a screenful, notes the time and quits, as a reader who has seen enough.
FIRST_SCREEN_PAGER = f"head -n {SCREEN_ROWS} >/dev/null; date +%s.%N > "


def run_first_screen(argv: list[str], env: dict[str, str]) -> tuple[float, int, int, bytes]:
    """`run_once` for a command on a terminal: seconds until its pager has a screenful."""
    import fcntl
    import pty
    import struct
    import termios

    main, child_end = pty.openpty()
    fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", SCREEN_ROWS, 120, 0, 0))
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stamp:
        env = {**env, "CLAIMTRACK_PAGER": FIRST_SCREEN_PAGER + stamp.name}
        start = time.time()
        child = subprocess.Popen(
            argv, stdin=child_end, stdout=child_end, stderr=subprocess.PIPE, env=env
        )
        os.close(child_end)
        _, status, usage = os.wait4(child.pid, 0)
        os.close(main)
        code = os.waitstatus_to_exitcode(status)
        err = child.stderr.read() if child.stderr else b""
        seen = stamp.read().strip()
    if code or not seen:
        return 0.0, usage.ru_maxrss, code or 1, err[-2000:] or b"the pager saw no screenful"
    return float(seen) - start, usage.ru_maxrss, 0, b"paged"


class Runner:
    """Runs cases; store and work are the pristine store and the copy writes change."""

    def __init__(self, base_env: dict[str, str], store: Path, work: Path) -> None:
        self.base_env, self.store, self.work = base_env, store, work

    def run(self, case: Case, capture: bool = False) -> tuple[float, int, int, bytes]:
        if case.fresh_store:  # outside the timed region
            shutil.copyfile(self.store, self.work)
            history = self.store.with_name(self.store.name + HISTORY_SUFFIX)
            if history.exists():
                shutil.copyfile(history, self.work.with_name(self.work.name + HISTORY_SUFFIX))
        if case.group == "first-screen":
            return run_first_screen(case.argv, {**self.base_env, **case.env})
        return run_once(case.argv, {**self.base_env, **case.env}, capture)

    def warm_up(self, case: Case, slow_limit: float) -> Timing:
        """One checked run; a case past `slow_limit` keeps it as its only timing."""
        timing = Timing(case)
        elapsed, peak, code, text = self.run(case, capture=True)
        if code != 0:
            timing.error = f"exit {code}: {text.decode(errors='replace').strip()[-300:]}"
        elif case.check_output and not text.strip():
            timing.error = "printed nothing"
        elif case.group == "write" and not self.well_formed():
            timing.note = "the written file is NOT in the store's on-disk format"
        if slow_limit and elapsed > slow_limit and not timing.error:
            # Far past every target already; five more runs would only cost the afternoon.
            timing.times, timing.peak_kib, timing.median = [elapsed], peak, elapsed
            timing.once = True
            timing.note = f"timed once (the warm-up took {elapsed:.0f} s > --slow-limit)"
        return timing

    def well_formed(self) -> bool:
        check = [sys.executable, str(SYNTHETIC), "check", str(self.work)]
        return subprocess.run(check).returncode == 0

    def timed(self, timing: Timing) -> None:
        elapsed, peak, code, text = self.run(timing.case)
        if code != 0:
            timing.error = f"exit {code} in a timed run: {text.decode(errors='replace')[-300:]}"
            return
        timing.times.append(elapsed)
        timing.peak_kib = max(timing.peak_kib, peak)
        timing.median = statistics.median(timing.times)
