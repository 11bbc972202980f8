"""record, list, show, edit, rm: the claim commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimtrack.checks import ATTRIBUTIONS
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
    with_known_speaker,
)
from claimtrack.commands.common import (
    AppContext,
    emit,
    format_options,
    lines_listing,
    pass_app,
    read_text_argument,
)
from claimtrack.commands.completion import (
    claim_ids,
    complete_rounds,
    complete_sides,
    complete_topics,
)
from claimtrack.errors import InputError
from claimtrack.fields import CLAIM_SPEC, ClaimField
from claimtrack.model import CLAIM_FIELDS, CLEARABLE_CLAIM_FIELDS, KINDS
from claimtrack.notices import outside_round_warning, removal_line
from claimtrack.output import say
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


def _completer(spec: ClaimField) -> Any:
    return {
        "side": complete_sides,
        "topic": complete_topics,
        "round": complete_rounds,
        "claim": claim_ids,
    }.get(spec.type)


def _choices(spec: ClaimField) -> click.Choice[str] | None:
    choices = {"kind": KINDS, "attribution": ATTRIBUTIONS}.get(spec.type)
    return click.Choice(choices, case_sensitive=False) if choices else None


def _field_option(spec: ClaimField, *, for_record: bool) -> Callable[[F], F]:
    assert spec.option is not None
    flags = [spec.option.flag] + ([spec.option.short] if spec.option.short else [])
    help_text = spec.help
    if for_record and spec.default is not None:
        help_text += f" [default: {spec.default}]"
    if for_record and spec.input_required:
        help_text += " [required]"
    return click.option(
        *flags,
        spec.name,
        multiple=spec.many,
        metavar=spec.option.metavar,
        type=_choices(spec),
        help=help_text,
        shell_complete=_completer(spec),
    )


def _list_change_options(spec: ClaimField) -> list[Callable[[F], F]]:
    """`edit --add-X` and `--drop-X` for a list field whose option is `--X`."""
    assert spec.option is not None
    stem = spec.option.flag.removeprefix("--")
    return [
        click.option(
            f"--{verb}-{stem}",
            f"{verb}_{spec.name}",
            multiple=True,
            metavar=spec.option.metavar,
            help=f"{verb.capitalize()} one {stem}, keeping the others; repeat.",
            shell_complete=_completer(spec),
        )
        for verb in ("add", "drop")
    ]


def claim_field_options(*, for_record: bool) -> Callable[[F], F]:
    """The options `record` and `edit` take, one per field of `fields.CLAIM_SPEC`."""

    def decorate(function: F) -> F:
        options: list[Callable[[F], F]] = []
        for spec in CLAIM_SPEC:
            if spec.option is None:
                continue
            options.append(_field_option(spec, for_record=for_record))
            if spec.many and not for_record:
                options += _list_change_options(spec)
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def claim_input(text: str | None, paraphrase: bool, **options: Any) -> ClaimInput:
    """The fields `record` or `edit` was given, from their options."""
    values = {spec.name: options.pop(spec.name) for spec in CLAIM_SPEC if spec.name in options}
    if text is not None:
        values["text"] = read_text_argument(text)
    if paraphrase:
        if values.get("attribution") not in (None, "paraphrase"):
            raise InputError("--paraphrase contradicts --attribution " + values["attribution"])
        values["attribution"] = "paraphrase"
    add = {name.removeprefix("add_"): v for name, v in options.items() if name.startswith("add_")}
    drop = {n.removeprefix("drop_"): v for n, v in options.items() if n.startswith("drop_")}
    return ClaimInput(add=add, drop=drop, **values)


_PARAPHRASE_HELP = "Shorthand for --attribution paraphrase."


def _refuse_missing_options(given: ClaimInput) -> None:
    """Name the options `record` needs and was not given, as the user would type them."""
    missing = [
        spec.option.flag
        for spec in CLAIM_SPEC
        if spec.input_required and spec.option and spec.name not in given.values
    ]
    if len(missing) == 1:
        raise InputError(f"{missing[0]} is required")
    if missing:
        raise InputError(f"{', '.join(missing[:-1])} and {missing[-1]} are required")


@click.command(name="record")
@claim_field_options(for_record=True)
@click.option("--paraphrase", is_flag=True, help=_PARAPHRASE_HELP)
@click.argument("text")
@pass_app
def claims_record(app: AppContext, text: str, paraphrase: bool, **fields: Any) -> None:
    """Record one claim; prints its new id. TEXT `-` reads stdin.

    A claim may be on several topics: repeat --topic.

    \b
    Examples:
      claimtrack record --side russia --to us --to nato --round geneva \\
          --topic nato-nonexpansion --kind demand --speaker "Sergei Ryabkov" \\
          --source TASS --published 2022-01-10 \\
          --translation "NATO must never expand further" "..."
      echo "quote" | claimtrack record -s us -T deescalation -k demand -d 2022-01-21 -
    """
    given = claim_input(text, paraphrase, **fields)
    with app.write("record") as store:
        # a known speaker brings their side, so --side is checked after the lookup
        given = with_known_speaker(store, given, default_side=True)
        _refuse_missing_options(given)
        claim = record_claim(store, given, app.now())
        warning = outside_round_warning(store, claim)
    emit(lines_listing([claim["id"]]), "ids")
    if warning:
        say(f"Warning: {warning}")
    say(f"Recorded claim {claim['id']} ({claim['side']}, {claim['kind']}, {claim['date']})")


@click.command(name="edit")
@claim_field_options(for_record=False)
@click.option("--paraphrase", is_flag=True, help=_PARAPHRASE_HELP)
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
    app: AppContext, claim_id: str, paraphrase: bool, clear: tuple[str, ...], **fields: Any
) -> None:
    """Change fields of a claim; its id and creation time never change.

    Options set fields (a repeated option such as --topic, --to or --tag replaces the
    list; --add-topic, --drop-tag and the like change one item); --clear empties one.

    \b
    Examples:
      claimtrack edit 3fk2 --kind rejection --grade B2
      claimtrack edit 3fk2 --add-topic missiles --attribution readout
      claimtrack edit 3fk2 --clear responds_to --clear tags
    """
    text = fields.pop("text")
    given = claim_input(text, paraphrase, **fields)
    if not given and not clear:
        raise InputError("nothing to change", "Give an option such as --kind, or --clear FIELD")
    with app.write("edit", create=False) as store:
        claim = edit_claim(store, claim_id, given, clear, app.now())
    say(f"Updated claim {claim['id']}")


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
        found = (find_claim(store, ref) for ref in claim_ids)
        doomed = list({claim["id"]: claim for claim in found}.values())  # each once
        for claim in doomed:
            say(f"  {removal_line(claim)}")
        ids = ", ".join(claim["id"] for claim in doomed)
        if not click.confirm(f"Remove {len(doomed)} claim(s): {ids}?", err=True):
            raise InputError("nothing removed")
    with app.write("rm", create=False) as store:
        removed = remove_claims(store, claim_ids, force=force, now=app.now())
    say(f"Removed {len(removed)} claim(s): {', '.join(removed)}")


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
