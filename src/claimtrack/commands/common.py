"""What every command shares: the app context, the --format option, printing output."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from claimtrack.render import FORMATS, Listing, render
from claimtrack.store import Store, read_store, utc_now, write_store

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    db_path: Path
    lock_timeout: float
    is_default_path: bool = False

    def read(self) -> Store:
        return read_store(self.db_path)

    @contextlib.contextmanager
    def write(self, operation: str, *, create: bool = True) -> Iterator[Store]:
        """A locked transaction: nothing is written unless the body succeeds."""
        if self.is_default_path:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        with write_store(
            self.db_path, operation=operation, lock_timeout=self.lock_timeout, create=create
        ) as store:
            yield store
        if store.created:
            click.echo(f"Created a new store at {self.db_path}", err=True)

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
        console = make_console()
        console.print(render(listing, fmt, width=console.width))
    else:
        click.echo(render(listing, fmt, raw=raw), nl=False)


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
    data = click.open_file("-").read()
    return data[:-1] if data.endswith("\n") else data


def stack(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """Several click decorators as one, applied in the order written."""

    def decorator(function: F) -> F:
        for option in reversed(decorators):
            function = option(function)
        return function

    return decorator
