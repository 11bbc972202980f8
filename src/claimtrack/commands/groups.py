"""side, topic, round and person: each vocabulary's fields, columns and examples."""

from __future__ import annotations

from dataclasses import replace

import click

from claimtrack.claims import ClaimFilter, filter_claims, sort_claims
from claimtrack.commands.common import AppContext, emit, format_options, pass_app
from claimtrack.commands.completion import complete_rounds, complete_sides
from claimtrack.commands.lookup import claim_listing
from claimtrack.commands.vocab import (
    ALIASES,
    EntryField,
    VocabularyCommands,
    built_without_store,
    vocabulary_group,
)
from claimtrack.render import Column, table_view
from claimtrack.vocab import (
    PEOPLE,
    ROUNDS,
    SIDES,
    TOPICS,
    get_entry,
    new_person,
    new_round,
    new_side,
    new_topic,
)

SLUG = Column("slug", "slug", no_wrap=True)

SIDE = VocabularyCommands(
    SIDES,
    about="""Sides: who states claims and who they are addressed to.

    \b
    Examples:
      claimtrack side add russia --name Russia --alias روسيا --alias RU
      claimtrack side list --format json
    """,
    fields=[EntryField("name", "The side's name, e.g. 'Russia'.", required=True), ALIASES],
    build=built_without_store(new_side),
    add_example="claimtrack side add russia --name Russia --alias روسيا --alias RU",
    edit_example='claimtrack side edit russia --alias "Russian Federation" --drop-alias RU',
    columns=(
        SLUG,
        Column("name", "name"),
        Column("aliases", "aliases", ratio=1),
    ),
)

TOPIC = VocabularyCommands(
    TOPICS,
    about="""Topics: what claims are about.

    \b
    Examples:
      claimtrack topic add missiles --title "Missiles in Europe"
      claimtrack topic list --format md
    """,
    fields=[
        EntryField("title", "A short title.", required=True),
        EntryField("description", "What the topic covers."),
        ALIASES,
    ],
    build=built_without_store(new_topic),
    add_example='''claimtrack topic add nato-nonexpansion --title "No further NATO expansion" \\
        --alias "توسع الناتو"''',
    edit_example='claimtrack topic edit missiles --description "INF-range missiles in Europe"',
    columns=(
        SLUG,
        Column("title", "title"),
        Column("description", "description", ratio=1),
        Column("aliases", "aliases"),
    ),
)

ROUND = VocabularyCommands(
    ROUNDS,
    about="""Rounds: dated meetings, calls and exchanges where claims are made.

    \b
    Examples:
      claimtrack round add geneva --date 2022-01-10 --name "Geneva talks" --party russia
      claimtrack round list
      claimtrack round show geneva --format json
    """,
    fields=[
        EntryField(
            "date",
            "The day it started.",
            required=True,
            metavar="DATE",
            change_help="A new start date.",
        ),
        EntryField("name", "e.g. 'US-Russia talks, Geneva'.", required=True),
        EntryField(
            "end",
            "The last day, if it lasted more than one.",
            metavar="DATE",
            change_help="A new end date.",
        ),
        EntryField("venue", "Where it took place."),
        EntryField(
            "parties",
            "A side taking part; repeat.",
            item="party",
            metavar="SIDE",
            complete=complete_sides,
        ),
        EntryField("note", "Your own note."),
        ALIASES,
    ],
    build=new_round,
    add_example="""claimtrack round add geneva --date 2022-01-09 --end 2022-01-10 \\
        --name "US-Russia strategic stability talks" --venue Geneva \\
        --party russia --party us --alias جنيف""",
    edit_example="claimtrack round edit geneva --end 2022-01-10 --party nato",
    columns=(
        SLUG,
        Column("date", "date", no_wrap=True),
        Column("end", "end", no_wrap=True),
        Column("name", "name", ratio=1),
        Column("venue", "venue", drop=2),
        Column("parties", "parties"),
        Column("aliases", "aliases", drop=1),
    ),
)

PERSON = VocabularyCommands(
    PEOPLE,
    about="""People: who speaks for a side, known by any alias in any script.

    `record --speaker` takes a person's slug or alias and stores the display name;
    `list --speaker` finds a person's claims by any alias; `extract` recognises them.

    \b
    Examples:
      claimtrack person add lavrov --name "Sergei Lavrov" --side russia \\
          --role "Foreign Minister" --alias لافروف --alias Лавров --alias Lavrov
      claimtrack person list --format json
    """,
    fields=[
        EntryField(
            "name",
            "The display name claims store, e.g. 'Sergei Lavrov'.",
            required=True,
            change_help="A new display name (claims already recorded keep theirs).",
        ),
        EntryField(
            "side",
            "The side the person speaks for.",
            required=True,
            metavar="SIDE",
            complete=complete_sides,
        ),
        EntryField("role", "e.g. 'Foreign Minister'."),
        ALIASES,
    ],
    build=new_person,
    add_example="""claimtrack person add lavrov --name "Sergei Lavrov" --side russia \\
        --alias لافروف --alias Лавров --alias Lavrov""",
    edit_example='claimtrack person edit lavrov --alias "Сергей Лавров" --role "Foreign Minister"',
    columns=(
        SLUG,
        Column("name", "name"),
        Column("side", "side"),
        Column("role", "role", ratio=1),
        Column("aliases", "aliases"),
    ),
)

side_group = vocabulary_group(SIDE)
topic_group = vocabulary_group(TOPIC)
round_group = vocabulary_group(ROUND)
person_group = vocabulary_group(PERSON)


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
            table_view(ROUND.listing([record])),
            table_view(claim_listing(claims, title="Claims")),
        ],
    )
    emit(listing, fmt, raw=raw)
