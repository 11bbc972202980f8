"""The `claimtrack` command: global options, error handling, and the command table.

Commands are imported only when used, so `claimtrack --version` and a json listing
pay for nothing they do not need. This module itself imports nothing beyond click
that `--version` or `--help` would not use (tests/test_startup_imports.py checks).
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click
from click.core import ParameterSource

from claimtrack.errors import ClaimtrackError, OutputError

if TYPE_CHECKING:
    from pathlib import Path

# store.DEFAULT_LOCK_TIMEOUT, repeated so that `--help` need not import the store
# (a test keeps the two equal).
DEFAULT_LOCK_TIMEOUT = 10.0

# command name -> "module:attribute", loaded on first use
COMMANDS = {
    "init": "claimtrack.commands.storecmds:store_init",
    "record": "claimtrack.commands.claims:claims_record",
    "list": "claimtrack.commands.lookup:claims_list",
    "show": "claimtrack.commands.lookup:claims_show",
    "edit": "claimtrack.commands.claims:claims_edit",
    "rm": "claimtrack.commands.claims:claims_rm",
    "side": "claimtrack.commands.groups:side_group",
    "topic": "claimtrack.commands.groups:topic_group",
    "round": "claimtrack.commands.groups:round_group",
    "person": "claimtrack.commands.groups:person_group",
    "extract": "claimtrack.commands.extract:extract_command",
    "diff": "claimtrack.commands.analysis:analysis_diff",
    "compare": "claimtrack.commands.analysis:analysis_compare",
    "gaps": "claimtrack.commands.analysis:analysis_gaps",
    "matrix": "claimtrack.commands.timeline:analysis_matrix",
    "timeline": "claimtrack.commands.timeline:analysis_timeline",
    "cite": "claimtrack.commands.citing:analysis_cite",
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
    "export": "Export claims: json (a full dump), jsonl, csv, tsv, md, xlsx, sqlite or plover.",
    "import": "Import claims, sides, topics, rounds and people from a json, jsonl or csv file.",
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
        if cmd_name not in STORELESS_COMMANDS:
            accept_db_option(command)
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
        except OutputError as exc:
            saved = "; the change was saved" if getattr(ctx.obj, "committed", False) else ""
            fail(ctx, f"{exc}{saved}", exc.exit_code)
        except ClaimtrackError as exc:
            fail(ctx, message_with_db(exc, ctx.meta.get(DB_GIVEN)), exc.exit_code)
        except KeyboardInterrupt:
            # A commit in progress finishes first (see store.write_store), so this is true.
            if getattr(ctx.obj, "committed", False):
                fail(ctx, "interrupted after the change was saved", 130)
            fail(ctx, "interrupted; the store is unchanged", 130)
        except BrokenPipeError:
            # Only where the streams are not guarded (see output.GuardedStream).
            from claimtrack.output import quiet_stdout

            quiet_stdout()
            ctx.exit(0)


# Commands that never open the store named by --db (git hands the merge driver its files).
STORELESS_COMMANDS = frozenset({"merge-driver"})
# ctx.meta key (meta is shared by every context of one invocation): the --db text given
# on the command line, before or after the command name; not $CLAIMTRACK_DB's value.
DB_GIVEN = "claimtrack.db"
DB_HELP = "The store file [default: claims.json in claimtrack's app folder]."


def take_db(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Note a --db given on the command line, wherever it stood, and point the store there."""
    if value is None or ctx.get_parameter_source("db") is not ParameterSource.COMMANDLINE:
        return value
    earlier = ctx.meta.get(DB_GIVEN)
    if earlier is not None and earlier != value:
        raise click.BadParameter(f"given twice, as {earlier} and as {value}", ctx, param)
    ctx.meta[DB_GIVEN] = value
    app = ctx.find_root().obj
    if app is not None:  # --db after the command: the root has made the context already
        app.use_db(value)
    return value


def accept_db_option(command: click.Command) -> None:
    """Let `claimtrack list --db f.json` mean `claimtrack --db f.json list`, for every
    command and every command of a group (`claimtrack side add --db f.json ...`)."""
    if not any(param.name == "db" for param in command.params):
        command.params.append(
            click.Option(
                ["--db"],
                type=click.Path(dir_okay=False),
                expose_value=False,
                callback=take_db,
                help=DB_HELP + " Also accepted before the command.",
            )
        )
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            accept_db_option(subcommand)


def message_with_db(error: ClaimtrackError, db: str | None) -> str:
    """The error as shown, its hint's commands repeating the --db the user gave."""
    if db is None or not error.hint:
        return str(error)
    import re
    import shlex

    names = "|".join(re.escape(name) for name in sorted(COMMANDS, key=len, reverse=True))
    with_db = f"claimtrack --db {shlex.quote(db)} "
    hint = re.sub(rf"\bclaimtrack (?=(?:{names})\b)", lambda _: with_db, error.hint)
    return str(ClaimtrackError(error.message, hint))


def fail(ctx: click.Context, message: str, code: int) -> None:
    from claimtrack.output import say

    say(f"Error: {message}")
    ctx.exit(code)


def default_db_path() -> Path:
    from pathlib import Path

    return Path(click.get_app_dir("claimtrack")) / "claims.json"


def print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        # __version__ is also what the package metadata says (pyproject.toml reads it).
        from claimtrack import __version__

        click.echo(f"claimtrack, version {__version__}")
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
    callback=take_db,
    help=DB_HELP + " Also accepted after the command.",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_LOCK_TIMEOUT,
    show_default=True,
    help="Seconds to wait for another claimtrack process to finish writing.",
)
@click.option(
    "--no-pager",
    is_flag=True,
    help="Never page: write long output straight to stdout (as with an empty PAGER).",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None, lock_timeout: float, no_pager: bool) -> None:
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
        paging=not no_pager,
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
    from claimtrack.output import guard_standard_streams

    guard_standard_streams()
    try:
        cli.main(prog_name="claimtrack")
    except SystemExit as exc:
        leave(exc.code)
    except KeyboardInterrupt:
        leave(130)
    leave(0)


def leave(code: Any) -> NoReturn:
    """Flush and end the process without freeing what it loaded.

    Freeing a store of 100,000 claims object by object takes a third of a second,
    only for the memory to be returned to the system a moment later anyway. Every
    command has closed its files and committed its writes before it returns.
    """
    from claimtrack.output import say

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        say(str(code))
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OutputError as exc:  # output held back until now could not be written
            if status == 0:
                say(f"Error: {exc}")
                status = exc.exit_code
        except (OSError, ValueError):  # a stream already closed: nothing left to keep
            pass
    os._exit(status)
