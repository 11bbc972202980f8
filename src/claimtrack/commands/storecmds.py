"""init: create a store."""

from __future__ import annotations

import click

from claimtrack.commands.common import AppContext, pass_app


@click.command(name="init")
@pass_app
def store_init(app: AppContext) -> None:
    """Create an empty store (an existing one is only upgraded, if it is older).

    The store is --db, else $CLAIMTRACK_DB, else claims.json in claimtrack's app folder.
    A store from an older claimtrack is upgraded by any change; `init` upgrades it
    at once, keeping a copy of the old file beside it as <store>.v<N>.bak.

    \b
    Examples:
      claimtrack init
      claimtrack --db talks.json init
    """
    if app.db_path.exists():
        if app.read().migrated_from is None:  # a damaged file is reported, never overwritten
            click.echo(f"Store already exists at {app.db_path}", err=True)
            return
        with app.write("upgrade", create=False) as store:
            store.rewrite = True
        return
    with app.write("init"):
        pass
