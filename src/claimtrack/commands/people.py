"""person: the people who speak for the sides, a vocabulary like side, topic and round."""

from __future__ import annotations

import click

from claimtrack.commands.common import AppContext, pass_app
from claimtrack.commands.completion import complete_people, complete_sides
from claimtrack.commands.vocab import (
    changed_aliases,
    clear_option,
    finish_add,
    finish_edit,
    list_command,
    new_aliases,
    rm_command,
)
from claimtrack.vocab import PEOPLE, new_person


@click.group(name="person")
def person_group() -> None:
    """People: who speaks for a side, known by any alias in any script.

    `record --speaker` takes a person's slug or alias and stores the display name;
    `list --speaker` finds a person's claims by any alias; `extract` recognises them.

    \b
    Examples:
      claimtrack person add lavrov --name "Sergei Lavrov" --side russia \\
          --role "Foreign Minister" --alias لافروف --alias Лавров --alias Lavrov
      claimtrack person list --format json
    """


@person_group.command(name="add")
@click.argument("slug")
@click.option("--name", required=True, help="The display name claims store, e.g. 'Sergei Lavrov'.")
@click.option(
    "--side",
    required=True,
    metavar="SIDE",
    help="The side the person speaks for.",
    shell_complete=complete_sides,
)
@click.option("--role", help="e.g. 'Foreign Minister'.")
@new_aliases
@pass_app
def person_add(
    app: AppContext,
    slug: str,
    name: str,
    side: str,
    role: str | None,
    aliases: tuple[str, ...],
) -> None:
    """Add a person. SLUG is lowercase a-z, 0-9 and '-'.

    \b
    Example:
      claimtrack person add lavrov --name "Sergei Lavrov" --side russia \\
          --alias لافروف --alias Лавров --alias Lavrov
    """
    finish_add(
        app,
        PEOPLE,
        lambda store: new_person(store, slug, name=name, side=side, role=role, aliases=aliases),
    )


@person_group.command(name="edit")
@click.argument("slug", shell_complete=complete_people)
@click.option("--name", help="A new display name (claims already recorded keep theirs).")
@click.option("--side", metavar="SIDE", help="A new side.", shell_complete=complete_sides)
@click.option("--role", help="A new role.")
@changed_aliases
@clear_option(PEOPLE)
@pass_app
def person_edit(
    app: AppContext,
    slug: str,
    name: str | None,
    side: str | None,
    role: str | None,
    aliases: tuple[str, ...],
    drop_alias: tuple[str, ...],
    clear: tuple[str, ...],
) -> None:
    """Change a person's name, side, role or aliases (the slug never changes).

    \b
    Example:
      claimtrack person edit lavrov --alias "Сергей Лавров" --role "Foreign Minister"
    """
    finish_edit(
        app,
        PEOPLE,
        slug,
        changes={"name": name, "side": side, "role": role},
        add={"aliases": aliases},
        drop={"aliases": drop_alias},
        clear=clear,
    )


person_group.add_command(list_command(PEOPLE))
person_group.add_command(rm_command(PEOPLE))
