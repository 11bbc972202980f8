"""record, list, show, edit, rm: the claim commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimtrack.checks import ATTRIBUTIONS
from claimtrack.claims import (
    ClaimInput,
    edit_claim,
    find_claim,
    record_claim,
    remove_claims,
    with_known_speaker,
)
from claimtrack.commands.common import (
    AppContext,
    emit,
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
from claimtrack.model import CLEARABLE_CLAIM_FIELDS, KINDS
from claimtrack.notices import outside_round_warning, removal_line
from claimtrack.output import say

F = TypeVar("F", bound=Callable[..., Any])


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
