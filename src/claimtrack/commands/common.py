"""What every command shares: the app context, the --format option, printing output."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import click

from claimtrack.errors import InputError
from claimtrack.output import Sink, pager_command, say, stdout_is_terminal
from claimtrack.render import FORMATS, Listing, render, table_parts, visible

if TYPE_CHECKING:
    from rich.console import Console
from claimtrack.store import Store, read_store, utc_now, write_store

F = TypeVar("F", bound=Callable[..., Any])

SVG_WIDTH: Final = 120


@dataclass
class AppContext:
    db_path: Path
    lock_timeout: float
    is_default_path: bool = False
    paging: bool = True  # --no-pager turns it off
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
            say(f"Created a new store at {self.db_path}")
        if store.backup is not None:
            was = store.migrated_from
            steps = (
                f"from schema version {was} to {store.schema_version}"
                if was != store.schema_version
                else f"to the current layout of schema version {was}"
            )
            say(f"Upgraded {self.db_path} {steps}; the old file is kept as {store.backup}")

    @staticmethod
    def now() -> str:
        return utc_now()


_pass_app_context = click.make_pass_decorator(AppContext)


def pass_app(function: Callable[..., Any]) -> Callable[..., Any]:
    """The command gets the AppContext as its first argument."""

    @functools.wraps(function)
    def interruptible(*args: Any, **kwargs: Any) -> Any:
        # From here on Ctrl-C raises KeyboardInterrupt, so that a write in progress
        # can finish and say whether it was saved; until now it ended the process at
        # once (see launch.py), which spares imports a half-done interruption.
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(signal.SIGINT, signal.default_int_handler)
        return function(*args, **kwargs)

    passed: Callable[..., Any] = _pass_app_context(interruptible)
    return passed


def format_options(formats: tuple[str, ...] = FORMATS) -> Callable[[F], F]:
    """--format (default: table on a terminal, tsv in a pipe), csv's --raw, --no-pager."""

    def decorator(function: F) -> F:
        function = no_pager_option(function)
        function = click.option(
            "--raw",
            is_flag=True,
            help="csv: do not prefix ' to cells a spreadsheet would run as formulas.",
        )(function)
        return format_option(
            formats, "Output format [default: table on a terminal, tsv otherwise]."
        )(function)

    return decorator


def format_option(formats: tuple[str, ...], help: str) -> Callable[[F], F]:
    """--format/-f, one of `formats` in any case, as the `fmt` parameter (None if not given)."""
    option: Callable[[F], F] = click.option(
        "--format", "-f", "fmt", type=click.Choice(formats, case_sensitive=False), help=help
    )
    return option


def _turn_pager_off(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        app = ctx.find_object(AppContext)
        if app is not None:
            app.paging = False


no_pager_option = click.option(
    "--no-pager",
    is_flag=True,
    expose_value=False,
    callback=_turn_pager_off,
    help="Write to stdout even when the output is longer than the screen.",
)


def resolve_format(fmt: str | None) -> str:
    if fmt:
        return fmt.lower()
    return "table" if stdout_is_terminal() else "tsv"


# Machine formats keep exact characters in a pipe or a file; on a terminal their
# control characters would act on it (clear the screen, set the clipboard), so there
# they are shown as the table shows them.
_EXACT_FORMATS = ("csv", "json", "jsonl", "plover")


def emit(
    shown: Listing | bytes,
    fmt: str | None,
    *,
    raw: bool = False,
    svg: Path | None = None,
    svg_title: str = "claimtrack",
) -> None:
    """The one way out: what a command shows, to stdout, through the pager when long.

    `shown` is a listing, rendered in `fmt`, or a document already made in `fmt`
    (export's file). With `svg`, the listing's table view is also saved as a picture,
    drawn to the same rules. Messages to the person go to stderr through `say`.
    """
    fmt = resolve_format(fmt)
    terminal = stdout_is_terminal()
    if isinstance(shown, bytes):
        pieces: Iterable[bytes] = [shown]
    else:
        if svg is not None:
            save_svg(shown, svg, svg_title)
        console = make_console() if fmt == "table" else None
        pieces = render(shown, fmt, raw=raw, console=console)
    if terminal and fmt in _EXACT_FORMATS:
        pieces = (escape_for_terminal(piece) for piece in pieces)
    ctx = click.get_current_context(silent=True)
    app = ctx.find_object(AppContext) if ctx is not None else None
    paging = terminal and (app is None or app.paging)
    Sink(pager_command(os.environ) if paging else None).write_all(pieces)


def lines_listing(lines: Iterable[str]) -> Listing:
    """Lines of text (an id, a problem) as a listing to `emit` in the "ids" format."""
    return Listing([{"line": line} for line in lines], ("line",), (), id_key="line")


@dataclass(frozen=True)
class Presentation:
    """How a command's result is shown: --format, csv's --raw and, for tables, --svg."""

    fmt: str | None = None
    raw: bool = False
    svg: Path | None = None


svg_option = click.option(
    "--svg",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also save the table as an SVG picture.",
)


def presentation_options(formats: tuple[str, ...], *, svg: bool = True) -> Callable[[F], F]:
    """--format, --raw, --no-pager (and --svg), handed to the command as `how`."""

    def decorator(function: F) -> F:
        @functools.wraps(function)
        def gathered(*args: Any, fmt: str | None, raw: bool, **kwargs: Any) -> Any:
            how = Presentation(fmt, raw, kwargs.pop("svg", None))
            return function(*args, how=how, **kwargs)

        options = (svg_option, format_options(formats)) if svg else (format_options(formats),)
        return stack(*options)(gathered)  # type: ignore[return-value]

    return decorator


def output(
    how: Presentation,
    listing: Listing,
    *,
    json_rows: Any = None,
    table: Callable[[int], Any] | None = None,
    svg_title: str = "claimtrack",
) -> None:
    """`listing` through `emit`, json and jsonl given the nested `json_rows` when there are.

    `table(width)` builds the table view (a TableView or a rich renderable);
    without it the listing's columns are used. --svg saves the table as a picture.
    """
    view = (lambda width: [table(width)]) if table is not None else None
    shown = replace(listing, json=json_rows, jsonl=json_rows, view=view)
    emit(shown, how.fmt, raw=how.raw, svg=how.svg, svg_title=svg_title)


def escape_for_terminal(piece: bytes) -> bytes:
    text = piece.decode("utf-8", "backslashreplace")
    return visible(text, keep_newlines=True).encode("utf-8", "backslashreplace")


def save_svg(listing: Listing, path: Path, title: str) -> None:
    """Save what the table shows as an SVG picture, in colour whatever the terminal."""
    from rich.console import Console

    console = Console(
        record=True,
        file=io.StringIO(),
        width=SVG_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    for part in table_parts(listing, console):
        console.print(part)
    try:
        console.save_svg(str(path), title=title)
    except OSError as exc:
        raise InputError(f"cannot write the SVG file {path}: {exc.strerror}") from None


def make_console(stderr: bool = False) -> Console:
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
