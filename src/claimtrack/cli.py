"""The `claimtrack` command: global options, error handling, and the command table.

Commands are imported only when used, so `claimtrack --version` and a json listing
pay for nothing they do not need.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
from pathlib import Path
from typing import Any

import click

from claimtrack.errors import ClaimtrackError
from claimtrack.store import DEFAULT_LOCK_TIMEOUT

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
    return Path(click.get_app_dir("claimtrack")) / "claims.json"


@click.group(cls=ClaimtrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtrack", prog_name="claimtrack")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
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
def cli(ctx: click.Context, db: Path | None, lock_timeout: float) -> None:
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
    from claimtrack.commands.common import AppContext

    ctx.obj = AppContext(
        db_path=db if db is not None else default_db_path(),
        lock_timeout=lock_timeout,
        is_default_path=db is None,
    )


def main() -> None:
    try:
        cli.main(prog_name="claimtrack")
    except BrokenPipeError:
        quiet_stdout()
        sys.exit(0)
