"""record, list, show, edit, rm: the claim commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimtrack.claims import (
    SORT_KEYS,
    ClaimFilter,
    ClaimInput,
    edit_claim,
    filter_claims,
    find_claim,
    record_claim,
    remove_claims,
    responses_to,
    round_dates,
    sort_claims,
)
from claimtrack.commands.common import (
    AppContext,
    emit,
    format_options,
    pass_app,
    print_rich,
    read_text_argument,
    resolve_format,
    write_stdout,
)
from claimtrack.commands.completion import (
    claim_ids,
    complete_rounds,
    complete_sides,
    complete_topics,
)
from claimtrack.errors import InputError
from claimtrack.model import CLAIM_FIELDS, CLEARABLE_CLAIM_FIELDS, KINDS
from claimtrack.render import Column, Listing, render, render_json_object

F = TypeVar("F", bound=Callable[..., Any])

CLAIM_COLUMNS = (
    Column("id", "id", no_wrap=True),
    Column("date", "date", under="round", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ ", max_width=16),
    Column("kind", "kind", under="topic", no_wrap=True),
    Column("speaker", "speaker", max_width=16),
    Column("text", "text", under="translation", ratio=1),
)


def claim_listing(claims: list[dict[str, Any]], title: str | None = None) -> Listing:
    return Listing(claims, CLAIM_FIELDS, CLAIM_COLUMNS, title=title)


def claim_field_options(function: F) -> F:
    """The options shared by `record` and `edit`."""
    options = [
        click.option(
            "--side",
            "-s",
            metavar="SIDE",
            help="Who states it (slug or alias).",
            shell_complete=complete_sides,
        ),
        click.option(
            "--to",
            "-t",
            multiple=True,
            metavar="SIDE",
            help="Side addressed; repeat.",
            shell_complete=complete_sides,
        ),
        click.option(
            "--round",
            "-r",
            "round_",
            metavar="ROUND",
            help="The round it belongs to.",
            shell_complete=complete_rounds,
        ),
        click.option("--date", "-d", metavar="DATE", help="When [default: the round's date]."),
        click.option(
            "--topic",
            "-T",
            metavar="TOPIC",
            help="What it is about.",
            shell_complete=complete_topics,
        ),
        click.option("--kind", "-k", type=click.Choice(KINDS, case_sensitive=False)),
        click.option(
            "--speaker",
            metavar="TEXT",
            help="Who said it: a person's slug or alias (stores their name; the side "
            "defaults to theirs), or any name, e.g. 'Sergei Lavrov'.",
        ),
        click.option("--source", metavar="OUTLET", help="The outlet that reported it."),
        click.option("--url", metavar="URL", help="Where the report is (http or https)."),
        click.option("--published", metavar="DATE", help="When the report was published."),
        click.option("--translation", metavar="TEXT", help="A translation of TEXT."),
        click.option("--grade", metavar="CODE", help="Admiralty grade, e.g. B2."),
        click.option(
            "--responds-to",
            metavar="ID",
            help="The claim this one answers.",
            shell_complete=claim_ids,
        ),
        click.option("--tag", "tags", multiple=True, metavar="TAG", help="A tag; repeat."),
        click.option("--note", metavar="TEXT", help="Your own note."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def claim_input(text: str | None, verbatim: bool | None, **fields: Any) -> ClaimInput:
    return ClaimInput(
        text=read_text_argument(text) if text is not None else None,
        side=fields["side"],
        to=fields["to"] or None,
        round=fields["round_"],
        date=fields["date"],
        topic=fields["topic"],
        kind=fields["kind"],
        speaker=fields["speaker"],
        source=fields["source"],
        url=fields["url"],
        published=fields["published"],
        translation=fields["translation"],
        verbatim=verbatim,
        grade=fields["grade"],
        responds_to=fields["responds_to"],
        tags=fields["tags"] or None,
        note=fields["note"],
    )


@click.command(name="record")
@claim_field_options
@click.option("--paraphrase", is_flag=True, help="TEXT is reported speech, not a direct quote.")
@click.argument("text")
@pass_app
def claims_record(app: AppContext, text: str, paraphrase: bool, **fields: Any) -> None:
    """Record one claim; prints its new id. TEXT `-` reads stdin.

    \b
    Examples:
      claimtrack record --side russia --to us --to nato --round geneva \\
          --topic nato-nonexpansion --kind demand --speaker "Sergei Ryabkov" \\
          --source TASS --published 2022-01-10 \\
          --translation "NATO must never expand further" "..."
      echo "quote" | claimtrack record -s us -T deescalation -k demand -d 2022-01-21 -
    """
    given = claim_input(text, False if paraphrase else None, **fields)
    with app.write("record") as store:
        claim = record_claim(store, given, app.now())
    click.echo(claim["id"])
    click.echo(
        f"Recorded claim {claim['id']} ({claim['side']}, {claim['kind']}, {claim['date']})",
        err=True,
    )


@click.command(name="edit")
@claim_field_options
@click.option(
    "--paraphrase/--verbatim", "verbatim", default=None, help="Mark as reported speech or quote."
)
@click.option("--text", "text", metavar="TEXT", help="New text; `-` reads stdin.")
@click.option(
    "--clear",
    multiple=True,
    type=click.Choice(CLEARABLE_CLAIM_FIELDS),
    help="Empty an optional field; repeat.",
)
@click.argument("claim_id", metavar="ID", shell_complete=claim_ids)
@pass_app
def claims_edit(
    app: AppContext, claim_id: str, verbatim: bool | None, clear: tuple[str, ...], **fields: Any
) -> None:
    """Change fields of a claim; its id and creation time never change.

    Options set fields (a repeated option such as --to or --tag replaces the list);
    --clear empties one.

    \b
    Examples:
      claimtrack edit 3fk2 --kind rejection --grade B2
      claimtrack edit 3fk2 --clear responds_to --clear tags
    """
    text = fields.pop("text")
    given = claim_input(text, None if verbatim is None else not verbatim, **fields)
    if given == ClaimInput() and not clear:
        raise InputError("nothing to change", "Give an option such as --kind, or --clear FIELD")
    with app.write("edit", create=False) as store:
        claim = edit_claim(store, claim_id, given, clear, app.now())
    click.echo(f"Updated claim {claim['id']}", err=True)


@click.command(name="rm")
@click.argument("claim_ids", metavar="ID...", nargs=-1, required=True, shell_complete=claim_ids)
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--force", is_flag=True, help="Also remove claims others respond to (unlinks them).")
@pass_app
def claims_rm(app: AppContext, claim_ids: tuple[str, ...], yes: bool, force: bool) -> None:
    """Remove claims. Asks first on a terminal; scripts must pass --yes.

    \b
    Examples:
      claimtrack rm 3fk2
      claimtrack rm 3fk2 9qz7 --yes --force
    """
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("refusing to remove without confirmation", "Pass --yes")
        store = app.read()
        ids = [find_claim(store, ref)["id"] for ref in claim_ids]
        if not click.confirm(f"Remove {len(ids)} claim(s): {', '.join(ids)}?", err=True):
            raise InputError("nothing removed")
    with app.write("rm", create=False) as store:
        removed = remove_claims(store, claim_ids, force=force, now=app.now())
    click.echo(f"Removed {len(removed)} claim(s): {', '.join(removed)}", err=True)


def filter_options(function: F) -> F:
    """list's filters, shared with every command that selects claims."""
    options = [
        click.option(
            "--side",
            "-s",
            "sides",
            multiple=True,
            metavar="SIDE",
            help="Stated by.",
            shell_complete=complete_sides,
        ),
        click.option(
            "--to",
            "-t",
            "to",
            multiple=True,
            metavar="SIDE",
            help="Addressed to.",
            shell_complete=complete_sides,
        ),
        click.option(
            "--round",
            "-r",
            "rounds",
            multiple=True,
            metavar="ROUND",
            shell_complete=complete_rounds,
        ),
        click.option(
            "--topic",
            "-T",
            "topics",
            multiple=True,
            metavar="TOPIC",
            shell_complete=complete_topics,
        ),
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
    return ClaimFilter(
        sides=options["sides"],
        to=options["to"],
        rounds=options["rounds"],
        topics=options["topics"],
        kinds=options["kinds"],
        speakers=options["speakers"],
        tags=options["tags"],
        since=options["since"],
        until=options["until"],
        grep=options["grep"],
    )


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
    fmt = resolve_format(fmt)
    if fmt in ("json", "jsonl"):
        whole = {**claim, "responds_to_claim": parent, "responses": replies}
        if fmt == "json":
            write_stdout(render_json_object(whole))
        else:
            emit(Listing([whole], CLAIM_FIELDS, CLAIM_COLUMNS), fmt)
        return
    related = [("claim", claim)] + ([("responds-to", parent)] if parent else [])
    related += [("response", reply) for reply in replies]
    rows = [{"relation": relation, **c} for relation, c in related]
    if fmt == "table":
        print_rich(*claim_detail_renderables(claim, parent, replies))
        return
    fields = ("relation", *CLAIM_FIELDS)
    columns = (Column("relation", "relation"), *CLAIM_COLUMNS)
    emit(Listing(rows, fields, columns), fmt, raw=raw)


def claim_detail_renderables(
    claim: dict[str, Any], parent: dict[str, Any] | None, replies: list[dict[str, Any]]
) -> list[Any]:
    from rich.table import Table
    from rich.text import Text

    from claimtrack.render import cell_text, visible

    details = Table.grid(padding=(0, 2))
    details.add_column(style="bold", no_wrap=True)
    details.add_column(overflow="fold")
    for name in CLAIM_FIELDS:
        details.add_row(name, Text(visible(cell_text(claim[name]), keep_newlines=True)))
    parts: list[Any] = [details]
    if parent:
        parts.append(render(claim_listing([parent], title="Responds to"), "table"))
    if replies:
        parts.append(render(claim_listing(replies, title="Responses"), "table"))
    return parts
