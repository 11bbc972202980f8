"""init: create a store."""

from __future__ import annotations

import click

from claimtrack.commands.common import AppContext, pass_app


@click.command(name="init")
@pass_app
def store_init(app: AppContext) -> None:
    """Create an empty store (does nothing to one that exists).

    The store is --db, else $CLAIMTRACK_DB, else claims.json in claimtrack's app folder.

    \b
    Examples:
      claimtrack init
      claimtrack --db talks.json init
    """
    if app.db_path.exists():
        app.read()  # a damaged file is reported, never overwritten
        click.echo(f"Store already exists at {app.db_path}", err=True)
        return
    with app.write("init"):
        pass
