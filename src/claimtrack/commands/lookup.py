"""list and show: finding claims, and the filters every command that selects claims takes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimtrack.claims import (
    SORT_KEYS,
    ClaimFilter,
    filter_claims,
    find_claim,
    responses_to,
    round_dates,
    sort_claims,
)
from claimtrack.commands.common import AppContext, emit, format_options, pass_app
from claimtrack.commands.completion import (
    claim_ids,
    complete_rounds,
    complete_sides,
    complete_topics,
)
from claimtrack.model import CLAIM_FIELDS, KINDS
from claimtrack.render import Column, Listing

F = TypeVar("F", bound=Callable[..., Any])

CLAIM_COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("date", "date", under="round", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ "),
    # several topics wrap between slugs, never inside one
    Column("kind", "kind", under="topics"),
    Column("attr", "attribution", no_wrap=True),
    Column("speaker", "speaker", drop=1),
    Column("text", "text", under="translation", ratio=1),
)


def claim_listing(claims: list[dict[str, Any]], title: str | None = None) -> Listing:
    return Listing(claims, CLAIM_FIELDS, CLAIM_COLUMNS, title=title)


def repeated_option(
    flag: str, name: str, metavar: str, help: str | None, complete: Any = None
) -> Callable[[F], F]:
    """An option that may be given again and again, as `name` (a tuple); `flag` has a
    short form after a space, e.g. "--side -s"."""
    option: Callable[[F], F] = click.option(
        *flag.split(), name, multiple=True, metavar=metavar, help=help, shell_complete=complete
    )
    return option


def side_option(help: str) -> Callable[[F], F]:
    return repeated_option("--side -s", "sides", "SIDE", help, complete_sides)


def topic_option(help: str | None) -> Callable[[F], F]:
    return repeated_option("--topic -T", "topics", "TOPIC", help, complete_topics)


def filter_options(function: F) -> F:
    """list's filters, shared with every command that selects claims."""
    options = [
        side_option("Stated by."),
        repeated_option("--to -t", "to", "SIDE", "Addressed to.", complete_sides),
        repeated_option("--round -r", "rounds", "ROUND", None, complete_rounds),
        topic_option(None),
        click.option(
            "--kind", "-k", "kinds", multiple=True, type=click.Choice(KINDS, case_sensitive=False)
        ),
        click.option(
            "--speaker",
            "speakers",
            multiple=True,
            help="Substring, any case; a person's slug or alias finds all their names.",
        ),
        click.option("--tag", "tags", multiple=True),
        click.option("--since", metavar="DATE", help="On or after DATE."),
        click.option("--until", metavar="DATE", help="On or before DATE."),
        click.option(
            "--grep",
            "-g",
            multiple=True,
            metavar="TEXT",
            help="In text, translation, note or speaker; any case.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def claim_filter(**options: Any) -> ClaimFilter:
    """The filter that `filter_options`' values describe."""
    return ClaimFilter(**{f.name: options[f.name] for f in dataclasses.fields(ClaimFilter)})


@click.command(name="list")
@filter_options
@click.option("--sort", type=click.Choice(SORT_KEYS), default="date", show_default=True)
@click.option("--reverse", is_flag=True, help="Reverse the order.")
@click.option("--limit", "-n", type=click.IntRange(min=0), help="Show at most N claims.")
@format_options()
@pass_app
def claims_list(
    app: AppContext,
    sort: str,
    reverse: bool,
    limit: int | None,
    fmt: str | None,
    raw: bool,
    **filters: Any,
) -> None:
    """List claims, oldest first; filters narrow the list.

    Repeating a filter means any of its values; different filters must all hold.

    \b
    Examples:
      claimtrack list --side russia --topic nato-nonexpansion
      claimtrack list --kind demand --kind proposal --since 2022-01-01 --format json
      claimtrack list --grep "ضمانات" --format ids
    """
    store = app.read()
    claims = filter_claims(store, claim_filter(**filters))
    dates = round_dates(store) if sort == "round" else None
    claims = sort_claims(claims, sort, reverse=reverse, round_dates=dates)
    if limit is not None:
        claims = claims[:limit]
    emit(claim_listing(claims), fmt, raw=raw)


@click.command(name="show")
@click.argument("claim_id", metavar="ID", shell_complete=claim_ids)
@format_options()
@pass_app
def claims_show(app: AppContext, claim_id: str, fmt: str | None, raw: bool) -> None:
    """Show one claim whole, the claim it responds to, and the claims that respond to it.

    json gives the claim with two more keys, `responds_to_claim` (a claim or null) and
    `responses` (a list of claims); tsv, csv, md and ids give one row per claim,
    with a `relation` column: claim, responds-to or response.

    \b
    Examples:
      claimtrack show 3fk2
      claimtrack show 3fk2 --format json | jq .responses
    """
    store = app.read()
    claim = find_claim(store, claim_id)
    # A dangling link (a hand-edited store; `check` reports it) shows as no parent.
    parent = store.get("claims", claim["responds_to"]) if claim["responds_to"] else None
    replies = responses_to(store, claim["id"])
    related = [("claim", claim)] + ([("responds-to", parent)] if parent else [])
    related += [("response", reply) for reply in replies]
    rows = [{"relation": relation, **c} for relation, c in related]
    whole = {**claim, "responds_to_claim": parent, "responses": replies}
    listing = Listing(
        rows,
        ("relation", *CLAIM_FIELDS),
        (Column("relation", "relation"), *CLAIM_COLUMNS),
        json=whole,
        jsonl=[whole],
        view=lambda width: claim_detail_parts(claim, parent, replies),
    )
    emit(listing, fmt, raw=raw)


def claim_detail_parts(
    claim: dict[str, Any], parent: dict[str, Any] | None, replies: list[dict[str, Any]]
) -> list[Any]:
    """The claim field by field, then tables of the claim it answers and of its responses."""
    from rich.table import Table
    from rich.text import Text

    from claimtrack.render import cell_text, table_view, visible

    details = Table.grid(padding=(0, 2))
    details.add_column(style="bold", no_wrap=True)
    details.add_column(overflow="fold")
    for name in CLAIM_FIELDS:
        details.add_row(name, Text(visible(cell_text(claim[name]), keep_newlines=True)))
    parts: list[Any] = [details]
    if parent:
        parts.append(table_view(claim_listing([parent], title="Responds to")))
    if replies:
        parts.append(table_view(claim_listing(replies, title="Responses")))
    return parts
