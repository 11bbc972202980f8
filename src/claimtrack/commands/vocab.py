"""side, topic and round: the vocabulary commands, one group each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from claimtrack.claims import ClaimFilter, filter_claims, sort_claims
from claimtrack.commands.common import (
    AppContext,
    emit,
    format_options,
    pass_app,
    stack,
)
from claimtrack.commands.completion import (
    COMPLETERS,
    complete_rounds,
    complete_sides,
    complete_topics,
)
from claimtrack.commands.lookup import claim_listing
from claimtrack.model import ROUND_FIELDS, SIDE_FIELDS, TOPIC_FIELDS
from claimtrack.output import say
from claimtrack.render import Column, Listing, table_view
from claimtrack.store import Store
from claimtrack.vocab import (
    PERSON_FIELDS,
    ROUNDS,
    SIDES,
    TOPICS,
    Vocabulary,
    add_entry,
    edit_entry,
    entries,
    get_entry,
    new_round,
    new_side,
    new_topic,
    remove_entry,
)

SIDE_COLUMNS = (
    Column("slug", "slug", no_wrap=True),
    Column("name", "name"),
    Column("aliases", "aliases", ratio=1),
)
TOPIC_COLUMNS = (
    Column("slug", "slug", no_wrap=True),
    Column("title", "title"),
    Column("description", "description", ratio=1),
    Column("aliases", "aliases"),
)
ROUND_COLUMNS = (
    Column("slug", "slug", no_wrap=True),
    Column("date", "date", no_wrap=True),
    Column("end", "end", no_wrap=True),
    Column("name", "name", ratio=1),
    Column("venue", "venue", drop=2),
    Column("parties", "parties"),
    Column("aliases", "aliases", drop=1),
)
PERSON_COLUMNS = (
    Column("slug", "slug"),
    Column("name", "name"),
    Column("side", "side"),
    Column("role", "role", ratio=1),
    Column("aliases", "aliases"),
)
LAYOUTS: dict[str, tuple[tuple[str, ...], tuple[Column, ...]]] = {
    "side": (SIDE_FIELDS, SIDE_COLUMNS),
    "topic": (TOPIC_FIELDS, TOPIC_COLUMNS),
    "round": (ROUND_FIELDS, ROUND_COLUMNS),
    "person": (PERSON_FIELDS, PERSON_COLUMNS),
}

new_aliases = click.option(
    "--alias", "-a", "aliases", multiple=True, metavar="TEXT", help="Another name; repeat."
)
changed_aliases = stack(
    click.option("--alias", "-a", "aliases", multiple=True, metavar="TEXT", help="Add an alias."),
    click.option("--drop-alias", multiple=True, metavar="TEXT", help="Remove an alias."),
)


def clear_option(vocab: Vocabulary) -> Callable[[Any], Any]:
    return click.option(
        "--clear",
        multiple=True,
        type=click.Choice(vocab.optional_fields),
        help="Empty an optional field; repeat.",
    )


def entry_listing(vocab: Vocabulary, records: list[dict[str, Any]]) -> Listing:
    fields, columns = LAYOUTS[vocab.kind]
    return Listing(records, fields, columns, id_key="slug")


def list_command(vocab: Vocabulary) -> click.Command:
    order = "in date order" if vocab is ROUNDS else "by slug"

    @click.command(
        name="list",
        help=f"List every {vocab.kind}, {order}.\n\n\b\nExample:\n"
        f"  claimtrack {vocab.kind} list --format json",
    )
    @format_options()
    @pass_app
    def vocab_list(app: AppContext, fmt: str | None, raw: bool) -> None:
        emit(entry_listing(vocab, entries(app.read(), vocab)), fmt, raw=raw)

    return vocab_list


def rm_command(vocab: Vocabulary) -> click.Command:
    users = "claim or round" if vocab is SIDES else "claim"

    @click.command(
        name="rm",
        help=f"Remove a {vocab.kind}; refused while any {users} uses it.\n\n\b\nExample:\n"
        f"  claimtrack {vocab.kind} rm SLUG",
    )
    @click.argument("slug", shell_complete=COMPLETERS[vocab.kind])
    @pass_app
    def vocab_rm(app: AppContext, slug: str) -> None:
        with app.write(f"{vocab.kind} rm", create=False) as store:
            removed = remove_entry(store, vocab, slug)
        say(f"Removed {vocab.kind} {removed}")

    return vocab_rm


def finish_add(
    app: AppContext, vocab: Vocabulary, build: Callable[[Store], dict[str, Any]]
) -> None:
    with app.write(f"{vocab.kind} add") as store:
        record = add_entry(store, vocab, build(store))
    say(f"Added {vocab.kind} {record['slug']}")


def finish_edit(app: AppContext, vocab: Vocabulary, slug: str, **how: Any) -> None:
    with app.write(f"{vocab.kind} edit", create=False) as store:
        record = edit_entry(store, vocab, slug, **how)
    say(f"Updated {vocab.kind} {record['slug']}")


# --- side ----------------------------------------------------------------------------


@click.group(name="side")
def side_group() -> None:
    """Sides: who states claims and who they are addressed to.

    \b
    Examples:
      claimtrack side add russia --name Russia --alias روسيا --alias RU
      claimtrack side list --format json
    """


@side_group.command(name="add")
@click.argument("slug")
@click.option("--name", required=True, help="The side's name, e.g. 'Russia'.")
@new_aliases
@pass_app
def side_add(app: AppContext, slug: str, name: str, aliases: tuple[str, ...]) -> None:
    """Add a side. SLUG is lowercase a-z, 0-9 and '-'.

    \b
    Example:
      claimtrack side add russia --name Russia --alias روسيا --alias RU
    """
    finish_add(app, SIDES, lambda store: new_side(slug, name, aliases))


@side_group.command(name="edit")
@click.argument("slug", shell_complete=complete_sides)
@click.option("--name", help="A new name.")
@changed_aliases
@clear_option(SIDES)
@pass_app
def side_edit(
    app: AppContext,
    slug: str,
    name: str | None,
    aliases: tuple[str, ...],
    drop_alias: tuple[str, ...],
    clear: tuple[str, ...],
) -> None:
    """Change a side's name or aliases (its slug never changes).

    \b
    Example:
      claimtrack side edit russia --alias "Russian Federation" --drop-alias RU
    """
    finish_edit(
        app,
        SIDES,
        slug,
        changes={"name": name},
        add={"aliases": aliases},
        drop={"aliases": drop_alias},
        clear=clear,
    )


side_group.add_command(list_command(SIDES))
side_group.add_command(rm_command(SIDES))


# --- topic ---------------------------------------------------------------------------


@click.group(name="topic")
def topic_group() -> None:
    """Topics: what claims are about.

    \b
    Examples:
      claimtrack topic add missiles --title "Missiles in Europe"
      claimtrack topic list --format md
    """


@topic_group.command(name="add")
@click.argument("slug")
@click.option("--title", required=True, help="A short title.")
@click.option("--description", help="What the topic covers.")
@new_aliases
@pass_app
def topic_add(
    app: AppContext, slug: str, title: str, description: str | None, aliases: tuple[str, ...]
) -> None:
    """Add a topic. SLUG is lowercase a-z, 0-9 and '-'.

    \b
    Example:
      claimtrack topic add nato-nonexpansion --title "No further NATO expansion" \\
          --alias "توسع الناتو"
    """
    finish_add(app, TOPICS, lambda store: new_topic(slug, title, description, aliases))


@topic_group.command(name="edit")
@click.argument("slug", shell_complete=complete_topics)
@click.option("--title", help="A new title.")
@click.option("--description", help="A new description.")
@changed_aliases
@clear_option(TOPICS)
@pass_app
def topic_edit(
    app: AppContext,
    slug: str,
    title: str | None,
    description: str | None,
    aliases: tuple[str, ...],
    drop_alias: tuple[str, ...],
    clear: tuple[str, ...],
) -> None:
    """Change a topic's title, description or aliases (its slug never changes).

    \b
    Example:
      claimtrack topic edit missiles --description "INF-range missiles in Europe"
    """
    finish_edit(
        app,
        TOPICS,
        slug,
        changes={"title": title, "description": description},
        add={"aliases": aliases},
        drop={"aliases": drop_alias},
        clear=clear,
    )


topic_group.add_command(list_command(TOPICS))
topic_group.add_command(rm_command(TOPICS))


# --- round ---------------------------------------------------------------------------


@click.group(name="round")
def round_group() -> None:
    """Rounds: dated meetings, calls and exchanges where claims are made.

    \b
    Examples:
      claimtrack round add geneva --date 2022-01-10 --name "Geneva talks" --party russia
      claimtrack round list
      claimtrack round show geneva --format json
    """


@round_group.command(name="add")
@click.argument("slug")
@click.option("--date", required=True, metavar="DATE", help="The day it started.")
@click.option("--name", required=True, help="e.g. 'US-Russia talks, Geneva'.")
@click.option("--end", metavar="DATE", help="The last day, if it lasted more than one.")
@click.option("--venue", help="Where it took place.")
@click.option(
    "--party",
    "parties",
    multiple=True,
    metavar="SIDE",
    help="A side taking part.",
    shell_complete=complete_sides,
)
@click.option("--note", help="Your own note.")
@new_aliases
@pass_app
def round_add(app: AppContext, slug: str, **fields: Any) -> None:
    """Add a round. SLUG is lowercase a-z, 0-9 and '-'.

    \b
    Example:
      claimtrack round add geneva --date 2022-01-09 --end 2022-01-10 \\
          --name "US-Russia strategic stability talks" --venue Geneva \\
          --party russia --party us --alias جنيف
    """
    finish_add(app, ROUNDS, lambda store: new_round(store, slug, **fields))


@round_group.command(name="edit")
@click.argument("slug", shell_complete=complete_rounds)
@click.option("--name", help="A new name.")
@click.option("--date", metavar="DATE", help="A new start date.")
@click.option("--end", metavar="DATE", help="A new end date.")
@click.option("--venue", help="A new venue.")
@click.option("--note", help="A new note.")
@click.option(
    "--party",
    "parties",
    multiple=True,
    metavar="SIDE",
    help="Add a party.",
    shell_complete=complete_sides,
)
@click.option(
    "--drop-party",
    multiple=True,
    metavar="SIDE",
    help="Remove a party.",
    shell_complete=complete_sides,
)
@changed_aliases
@clear_option(ROUNDS)
@pass_app
def round_edit(
    app: AppContext,
    slug: str,
    parties: tuple[str, ...],
    drop_party: tuple[str, ...],
    aliases: tuple[str, ...],
    drop_alias: tuple[str, ...],
    clear: tuple[str, ...],
    **changes: str | None,
) -> None:
    """Change a round (its slug never changes; its claims keep their dates).

    \b
    Example:
      claimtrack round edit geneva --end 2022-01-10 --party nato
    """
    finish_edit(
        app,
        ROUNDS,
        slug,
        changes=changes,
        add={"aliases": aliases, "parties": parties},
        drop={"aliases": drop_alias, "parties": drop_party},
        clear=clear,
    )


@round_group.command(name="show")
@click.argument("slug", shell_complete=complete_rounds)
@format_options()
@pass_app
def round_show(app: AppContext, slug: str, fmt: str | None, raw: bool) -> None:
    """Show a round's details and its claims.

    json gives the round with a `claims` list; tsv, csv, jsonl, md and ids give its
    claims, as `claimtrack list --round SLUG` would.

    \b
    Example:
      claimtrack round show geneva
    """
    store = app.read()
    record = get_entry(store, ROUNDS, slug)
    claims = sort_claims(filter_claims(store, ClaimFilter(rounds=[record["slug"]])))
    listing = replace(
        claim_listing(claims),
        json={**record, "claims": claims},
        view=lambda width: [
            table_view(entry_listing(ROUNDS, [record])),
            table_view(claim_listing(claims, title="Claims")),
        ],
    )
    emit(listing, fmt, raw=raw)


round_group.add_command(list_command(ROUNDS))
round_group.add_command(rm_command(ROUNDS))
