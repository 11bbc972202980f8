"""The `claimtrack` program's entry point: Ctrl-C is quiet from the first moment.

Until a command starts, an interrupt has nothing to undo and nothing to report,
so it ends the process with status 130 at once, without the traceback Python
would print from the middle of an import. The command group then restores
Python's KeyboardInterrupt (cli.ClaimtrackGroup.invoke). Kept apart from cli.py
so that importing claimtrack (tests, notebooks) never changes signal handling.
"""

from __future__ import annotations

import os
import signal
from types import FrameType


def _interrupted(signum: int, frame: FrameType | None) -> None:
    os._exit(130)


signal.signal(signal.SIGINT, _interrupted)


def main() -> None:
    from claimtrack.cli import main as run

    run()
