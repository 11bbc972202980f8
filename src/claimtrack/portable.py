"""The few os calls the store makes that differ between POSIX and Windows.

Flags a system lacks count as 0; what Windows cannot do (set a file's mode bits
beyond read-only, give a file to another owner, read at an offset without moving
the file position) is done its way or left out. See the README for what stays
POSIX-only.
"""

from __future__ import annotations

import contextlib
import os

# Not inherited by child processes; bytes as they are (Windows would translate \n).
OPEN_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
# Opening a FIFO without a writer must return at once, not wait.
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_at(fd: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # Windows: fine for a file only this process uses
    return os.read(fd, size)


def set_mode(fd: int, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def give_to_owner_of(fd: int, stat: os.stat_result) -> None:
    """Keep a file's owner when someone else (root) rewrites it; POSIX only."""
    if not hasattr(os, "fchown"):
        return
    if (stat.st_uid, stat.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may give files away
            os.fchown(fd, stat.st_uid, stat.st_gid)
