"""git-setup and merge-driver: sharing one store through git."""

from __future__ import annotations

from pathlib import Path

import click

from claimtrack.commands.common import AppContext, pass_app
from claimtrack.gitshare import git_setup
from claimtrack.merge import merge_files
from claimtrack.output import say


@click.command(name="git-setup")
@click.option(
    "--command",
    metavar="TEXT",
    help="How git should run claimtrack [default: this Python with -m claimtrack].",
)
@pass_app
def teams_git_setup(app: AppContext, command: str | None) -> None:
    """Let git merge the store by record: writes .gitattributes and the git config entry.

    Run it once in every clone (git does not copy config); commit the .gitattributes
    and .gitignore it writes. The store merges with claimtrack's driver, and its
    history file (<store>.history.jsonl, commit it beside the store) with git's
    built-in merge=union.

    \b
    Examples:
      claimtrack git-setup
      claimtrack git-setup --command claimtrack     # the claimtrack on PATH
      git add .gitattributes .gitignore claims.json && git commit -m "Shared store"
    """
    setup = git_setup(app.db_path, command)
    for line in setup.attributes:
        say(f"Added to {setup.repository / '.gitattributes'}: {line}")
    for line in setup.ignores:
        say(f"Added to {setup.repository / '.gitignore'}: {line}")
    say(f"Set git config merge.claimtrack.driver to: {setup.driver}")


@click.command(name="merge-driver")
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", required=False)
@click.pass_context
def teams_merge_driver(
    ctx: click.Context, base: Path, ours: Path, theirs: Path, path: str | None
) -> None:
    """Merge two versions of a store by record (git runs this; see git-setup).

    Writes the merge to OURS. Exits 0 when clean; 1 when a field was changed
    differently on both sides: OURS keeps our value and stderr names each conflict.

    \b
    Example (what git-setup configures):
      claimtrack merge-driver %O %A %B %P
    """
    conflicts = merge_files(base, ours, theirs)
    if not conflicts:
        return
    for conflict in conflicts:
        say(str(conflict))
    name = path or str(ours)
    say(
        f"claimtrack: {len(conflicts)} conflict(s) in {name}; our values were kept. "
        "Fix them with claimtrack edit if need be, then git add the store"
    )
    ctx.exit(1)
