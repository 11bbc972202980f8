"""init: create a store."""

from __future__ import annotations

import click

from claimtrack.commands.common import AppContext, pass_app
from claimtrack.output import say


@click.command(name="init")
@click.option(
    "--preset",
    metavar="NAME",
    help="Also add a ready-made set of sides, topics and rounds "
    "(security-guarantees-2022: the Russia / US / NATO talks of 2021-22).",
)
@pass_app
def store_init(app: AppContext, preset: str | None) -> None:
    """Create an empty store (an existing one is only upgraded, if it is older).

    The store is --db, else $CLAIMTRACK_DB, else claims.json in claimtrack's app folder.
    With --preset, the preset's sides, topics and rounds are added (those already
    present are left alone); no claims. A store from an older claimtrack is upgraded
    by any change, and by `init` at once, keeping a copy of the old file beside it
    as <store>.v<N>.bak.

    \b
    Examples:
      claimtrack init
      claimtrack --db talks.json init --preset security-guarantees-2022
    """
    from claimtrack import presets

    if preset is not None:
        presets.load(preset)  # an unknown name fails before anything is created
    older = False
    if app.db_path.exists():
        # A damaged file is reported, never overwritten.
        older = app.read().migrated_from is not None
        if preset is None and not older:
            say(f"Store already exists at {app.db_path}")
            return
    with app.write("init") as store:
        store.rewrite = older
        added = presets.install(store, preset) if preset else 0
    if preset:
        say(f"Added {added} entries from preset {preset}")
