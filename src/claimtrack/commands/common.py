"""What every command shares: the app context, the --format option, printing output."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from claimtrack.errors import InputError
from claimtrack.render import FORMATS, Listing, render
from claimtrack.store import Store, read_store, utc_now, write_store

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    db_path: Path
    lock_timeout: float
    is_default_path: bool = False
    # Whether a change reached the disk: an interrupted command says if it was saved.
    committed: bool = False
    # Every store this command loaded; cli.main keeps them alive to the end (see leave).
    loaded: list[Store] = field(default_factory=list, repr=False)

    def use_db(self, path: str) -> None:
        """Point at the store a --db given after the command names."""
        self.db_path = Path(path)
        self.is_default_path = False

    def read(self) -> Store:
        store = read_store(self.db_path)
        self.loaded.append(store)
        return store

    @contextlib.contextmanager
    def write(self, operation: str, *, create: bool = True) -> Iterator[Store]:
        """A locked transaction: nothing is written unless the body succeeds."""
        if self.is_default_path:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        store = None
        try:
            with write_store(
                self.db_path, operation=operation, lock_timeout=self.lock_timeout, create=create
            ) as store:
                self.loaded.append(store)
                yield store
        finally:
            self.committed = self.committed or bool(store and store.committed)
        if store.created:
            click.echo(f"Created a new store at {self.db_path}", err=True)
        if store.backup is not None:
            click.echo(
                f"Upgraded {self.db_path} from schema version {store.migrated_from} to "
                f"{store.schema_version}; the old file is kept as {store.backup}",
                err=True,
            )

    @staticmethod
    def now() -> str:
        return utc_now()


pass_app = click.make_pass_decorator(AppContext)


def format_options(formats: tuple[str, ...] = FORMATS) -> Callable[[F], F]:
    """--format (default: table on a terminal, tsv in a pipe) and csv's --raw."""

    def decorator(function: F) -> F:
        function = click.option(
            "--raw",
            is_flag=True,
            help="csv: do not prefix ' to cells a spreadsheet would run as formulas.",
        )(function)
        return click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(formats, case_sensitive=False),
            default=None,
            help="Output format [default: table on a terminal, tsv otherwise].",
        )(function)

    return decorator


def resolve_format(fmt: str | None) -> str:
    if fmt:
        return fmt.lower()
    return "table" if sys.stdout.isatty() else "tsv"


def emit(listing: Listing, fmt: str | None, *, raw: bool = False) -> None:
    fmt = resolve_format(fmt)
    if fmt == "table":
        from claimtrack.plaintable import FAST_TABLE_ROWS, write_table

        if len(listing.records) > FAST_TABLE_ROWS:
            # rich needs seconds per thousand rows; see plaintable.py.
            width, styled = stdout_layout()
            write_table(listing, width, sys.stdout, styled=styled)
            sys.stdout.flush()
        else:
            console = make_console()
            console.print(render(listing, fmt, width=console.width))
    else:
        write_stdout(render(listing, fmt, raw=raw))


def stdout_layout() -> tuple[int, bool]:
    """The width and whether to style, as rich would choose them for stdout.

    Importing rich only to ask is slow, so terminal.py answers by rich's rules,
    except on Windows, whose console rich detects in ways terminal.py does not follow.
    """
    if sys.platform == "win32":
        console = make_console()
        return console.width, console.color_system is not None
    from claimtrack import terminal

    return terminal.width(sys.stdout, os.environ), terminal.styles(sys.stdout, os.environ)


def write_stdout(output: str | bytes) -> None:
    """`output` to stdout exactly as it is.

    Not click.echo: unless told color=True it strips what looks like ANSI codes,
    which would change csv cells (the other formats have none left), and it costs a
    pass over the whole text. A renderer may give
    UTF-8 bytes, sparing the decoding and re-encoding of all of that.
    """
    if isinstance(output, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(output)
        sys.stdout.flush()


def print_rich(*renderables: Any) -> None:
    console = make_console()
    for renderable in renderables:
        console.print(renderable)


def make_console(stderr: bool = False) -> Any:
    from rich.console import Console

    # No markup, emoji or highlighting: store text is data (see render.py).
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def read_text_argument(text: str) -> str:
    """TEXT as given, or stdin for `-` (one trailing newline dropped, as shells add it)."""
    if text != "-":
        return text
    stdin = sys.stdin
    raw = (
        stdin.buffer.read()
        if hasattr(stdin, "buffer")
        else stdin.read().encode("utf-8", "surrogateescape")
    )
    try:
        # Strict: a text stream would quietly turn bad bytes into U+FFFD or surrogates.
        data = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"stdin is not valid UTF-8 text (byte {exc.start})",
            "Convert it first, e.g. with iconv -t UTF-8",
        ) from None
    data = data.removeprefix("\ufeff")  # a byte order mark some editors add
    return data.removesuffix("\r\n") if data.endswith("\r\n") else data.removesuffix("\n")


def stack(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """Several click decorators as one, applied in the order written."""

    def decorator(function: F) -> F:
        for option in reversed(decorators):
            function = option(function)
        return function

    return decorator
