"""The `claimtrack` command: global options, error handling, and the command table.

Commands are imported only when used, so `claimtrack --version` and a json listing
pay for nothing they do not need. This module itself imports nothing beyond click
that `--version` or `--help` would not use (tests/test_startup_imports.py checks).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from pathlib import Path

# store.DEFAULT_LOCK_TIMEOUT, repeated so that `--help` need not import the store
# (a test keeps the two equal).
DEFAULT_LOCK_TIMEOUT = 10.0

# command name -> "module:attribute", loaded on first use
COMMANDS = {
    "init": "claimtrack.commands.storecmds:store_init",
    "record": "claimtrack.commands.claims:claims_record",
    "list": "claimtrack.commands.claims:claims_list",
    "show": "claimtrack.commands.claims:claims_show",
    "edit": "claimtrack.commands.claims:claims_edit",
    "rm": "claimtrack.commands.claims:claims_rm",
    "side": "claimtrack.commands.vocab:side_group",
    "topic": "claimtrack.commands.vocab:topic_group",
    "round": "claimtrack.commands.vocab:round_group",
    "person": "claimtrack.commands.people:person_group",
    "extract": "claimtrack.commands.extract:extract_command",
    "diff": "claimtrack.commands.analysis:analysis_diff",
    "compare": "claimtrack.commands.analysis:analysis_compare",
    "gaps": "claimtrack.commands.analysis:analysis_gaps",
    "matrix": "claimtrack.commands.analysis:analysis_matrix",
    "timeline": "claimtrack.commands.analysis:analysis_timeline",
    "cite": "claimtrack.commands.analysis:analysis_cite",
    "check": "claimtrack.commands.maintenance:store_check",
    "log": "claimtrack.commands.maintenance:history_log",
    "undo": "claimtrack.commands.maintenance:history_undo",
    "export": "claimtrack.commands.exchange:exchange_export",
    "import": "claimtrack.commands.exchange:exchange_import",
    "git-setup": "claimtrack.commands.teams:teams_git_setup",
    "merge-driver": "claimtrack.commands.teams:teams_merge_driver",
}

# The first paragraph of each command's help, so that `claimtrack --help` need not
# import every command module to list them (a test keeps these in step with the
# docstrings). A command missing here is imported for its help, as before.
SUMMARIES = {
    "init": "Create an empty store (an existing one is only upgraded, if it is older).",
    "record": "Record one claim; prints its new id. TEXT `-` reads stdin.",
    "list": "List claims, oldest first; filters narrow the list.",
    "show": "Show one claim whole, the claim it responds to, and the claims that respond to it.",
    "edit": "Change fields of a claim; its id and creation time never change.",
    "rm": "Remove claims. Asks first on a terminal; scripts must pass --yes.",
    "side": "Sides: who states claims and who they are addressed to.",
    "topic": "Topics: what claims are about.",
    "round": "Rounds: dated meetings, calls and exchanges where claims are made.",
    "person": "People: who speaks for a side, known by any alias in any script.",
    "extract": "Propose claims from an article (Arabic, Russian or English) for review.",
    "diff": "Show what changed between two rounds.",
    "compare": "Compare two sides' positions topic by topic.",
    "gaps": "List demands and proposals no one answered.",
    "matrix": "Show the kinds each side stated per round.",
    "timeline": "Show every claim on one topic in date order.",
    "cite": "Print claims as sentences ready to paste.",
    "check": "Report every integrity problem in the store, one per line; exit 1 if any.",
    "log": "Show the history of changes, newest first; with ID, that record's history.",
    "undo": "Revert the latest change; repeat to go further back.",
    "export": "Export claims: json (without filters, a full dump), jsonl, csv or plover.",
    "import": "Import claims, sides, topics and rounds from a json, jsonl or csv file.",
    "git-setup": "Let git merge the store by record: writes .gitattributes and the git "
    "config entry.",
    "merge-driver": "Merge two versions of a store by record (git runs this; see git-setup).",
}


class ClaimtrackGroup(click.Group):
    """Loads commands lazily and turns claimtrack's errors into `Error:` lines."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in SUMMARIES:
                # click's own shortening, applied to the summary instead of the docstring
                summary = click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)
                rows.append((name, summary))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimtrackError as exc:
            fail(ctx, str(exc), exc.exit_code)
        except KeyboardInterrupt:
            # A commit in progress finishes first (see store.write_store), so this is true.
            if getattr(ctx.obj, "committed", False):
                fail(ctx, "interrupted after the change was saved", 130)
            fail(ctx, "interrupted; the store is unchanged", 130)
        except BrokenPipeError:
            quiet_stdout()
            ctx.exit(0)


def quiet_stdout() -> None:
    """The reader (head, less) has gone: stop quietly, as `cat` does.

    Later writes, and the flush at exit, go to /dev/null instead of raising again.
    """
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def fail(ctx: click.Context, message: str, code: int) -> None:
    from claimtrack.render import visible

    click.echo(f"Error: {visible(message)}", err=True)
    ctx.exit(code)


def default_db_path() -> Path:
    from pathlib import Path

    return Path(click.get_app_dir("claimtrack")) / "claims.json"


def installed_version() -> str:
    """claimtrack's version, from the name of its NAME-VERSION.dist-info folder.

    importlib.metadata finds the same folder but imports email, zipfile and csv on
    the way, which would double the time `claimtrack --version` takes.
    """
    prefix, suffix = "claimtrack-", ".dist-info"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(suffix):
                return name[len(prefix) : -len(suffix)]
    from importlib.metadata import version

    return version("claimtrack")


def print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"claimtrack, version {installed_version()}")
        ctx.exit()


@click.group(cls=ClaimtrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_version,
    help="Show the version and exit.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar="CLAIMTRACK_DB",
    show_envvar=True,
    help="The store file [default: claims.json in claimtrack's app folder].",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_LOCK_TIMEOUT,
    show_default=True,
    help="Seconds to wait for another claimtrack process to finish writing.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None, lock_timeout: float) -> None:
    """Track diplomatic claims: who demanded, proposed, accepted or rejected what.

    \b
    Quick tour:
      claimtrack init
      claimtrack side add russia --name Russia --alias روسيا
      claimtrack topic add nato-nonexpansion --title "No further NATO expansion"
      claimtrack round add geneva --date 2022-01-10 --name "Geneva talks"
      claimtrack record --side russia --topic nato-nonexpansion --kind demand \\
          --round geneva "No further NATO expansion eastwards"
      claimtrack list --side russia --format json
    """
    from pathlib import Path

    from claimtrack.commands.common import AppContext

    ctx.obj = AppContext(
        db_path=Path(db) if db is not None else default_db_path(),
        lock_timeout=lock_timeout,
        is_default_path=db is None,
    )
    if _kept is not None:
        _kept.append(ctx.obj)


# What the command loaded, kept alive until the process ends; set only by main().
_kept: list[Any] | None = None


def main() -> None:
    global _kept
    # One command per process: the cyclic collector would only re-scan the loaded
    # store again and again while it is parsed (most of the load time at 100,000
    # claims) and find nothing to free; reference counting still frees the rest.
    gc.disable()
    _kept = []
    try:
        cli.main(prog_name="claimtrack")
    except SystemExit as exc:
        leave(exc.code)
    except BrokenPipeError:
        quiet_stdout()
        leave(0)
    leave(0)


def leave(code: Any) -> NoReturn:
    """Flush and end the process without freeing what it loaded.

    Freeing a store of 100,000 claims object by object takes a third of a second,
    only for the memory to be returned to the system a moment later anyway. Every
    command has closed its files and committed its writes before it returns.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # A reader that has gone, or a stream already closed: nothing left to keep.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(status)
