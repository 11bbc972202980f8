"""Files that never end up half-written: locking, atomic replace, durable commits.

A writer holds an exclusive lock (filelock's: flock on POSIX, LockFileEx on Windows)
on ``<file>.lock``: the data file is replaced on every commit, so its own inode
cannot carry the lock. A lock file that is a symlink is refused, never followed. A
commit writes a
temporary file in the same folder, fsyncs it, renames it over the file and fsyncs
the folder: a reader sees the old file or the new one, never half of either, and a
power cut after the rename cannot bring the old one back. The lock dies with its
process, so a writer killed with SIGKILL never blocks the next one; its temp file is
removed by the next writer, under the lock.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from claimtrack.errors import LockTimeoutError, StoreError
from claimtrack.portable import OPEN_FLAGS, give_to_owner_of, set_mode


def reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def locked(path: Path, timeout: float, *, shown: Path | None = None) -> Iterator[None]:
    """Hold the exclusive lock of `path` (``<path>.lock``), waiting up to `timeout` s."""
    shown = shown or path
    lock_path = path.with_name(path.name + ".lock")
    _refuse_odd_lock_file(lock_path, shown)
    import filelock  # slow to import: only a commit needs it, not an error message

    lock = filelock.FileLock(lock_path, timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockTimeoutError(
            f"another claimtrack process holds the store {shown} (waited {timeout:g}s)",
            "Try again when it has finished, or raise --lock-timeout",
        ) from None
    except OSError as exc:
        raise StoreError(
            f"cannot write {shown}: cannot create its lock file {lock_path.name} "
            f"({reason(exc)}); nothing was changed"
        ) from None
    try:
        yield
    finally:
        lock.release()  # as does the death of the process


def _refuse_odd_lock_file(lock_path: Path, shown: Path) -> None:
    """A lock file that is a symlink could make a writer create or lock another file."""
    try:
        info = lock_path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot write {shown}: {reason(exc)}; nothing was changed") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise StoreError(
            f"cannot write {shown}: its lock file {lock_path} is {kind}; nothing was changed",
            f"Remove it if no claimtrack is running: rm {lock_path}",
        )


def _temp_name_re(path: Path) -> re.Pattern[str]:
    # No dot in the random part: `.claims.json.old.1a2b3c4d.tmp` belongs to claims.json.old.
    return re.compile(re.escape(f".{path.name}.") + r"\w+\.tmp", re.ASCII)


def _create_temp(path: Path, shown: Path) -> tuple[int, Path]:
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_FLAGS
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise StoreError(f"cannot write {shown}: {reason(exc)}; nothing was changed") from None


def remove_leftover_temp_files(path: Path) -> None:
    """A writer killed between creating and renaming its temp file leaves it behind.

    Only names this module makes for this store match: another store's temp file
    (say of ``claims.json.old``) is left to that store's own writers.
    """
    pattern = _temp_name_re(path)
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if pattern.fullmatch(leftover.name):
            with contextlib.suppress(OSError):
                leftover.unlink()


def atomic_write(
    path: Path, payload: bytes, *, shown: Path | None = None, like: Path | None = None
) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file.

    The new file keeps the mode (and, where allowed, the owner) of `like`, which
    defaults to `path` itself; `shown` is the name errors give.
    """
    shown = shown or path
    try:
        old = (like or path).stat()
    except FileNotFoundError:
        old = None
    fd, temp = _create_temp(path, shown)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            set_mode(fd, old.st_mode & 0o7777 if old else 0o666 & ~_umask())
            if old:
                give_to_owner_of(fd, old)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write {shown}: {reason(exc)}; nothing was changed") from None
        raise
    _fsync_folder(path.parent, shown)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _fsync_folder(folder: Path, shown: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # folders some systems cannot sync
            raise StoreError(
                f"saved {shown}, but could not sync its folder ({reason(exc)}); "
                "the change may be lost if the machine loses power"
            ) from None
    finally:
        os.close(fd)


def check_writable(path: Path, shown: Path) -> None:
    """A store the user made read-only stays so, though renaming over it would work.

    The mode bits count for root too, for whom os.access always says yes.
    """
    effective = {"effective_ids": True} if os.access in os.supports_effective_ids else {}
    no_write_bits = not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if no_write_bits or not os.access(path, os.W_OK, **effective):
        raise StoreError(
            f"{shown} is read-only; nothing was changed",
            f"Make it writable with: chmod u+w {shown}",
        )


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C during a commit takes effect once the commit is done.

    The commit is a few milliseconds; deferring keeps `Store.committed` true to
    what happened, so the interrupted command can say whether its change was saved.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)
