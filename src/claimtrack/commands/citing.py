"""cite: claims as sentences ready to paste, by id or by list's filters."""

from __future__ import annotations

from typing import Any

import click

from claimtrack.citation import STYLES, cite
from claimtrack.claims import filter_claims, find_claim
from claimtrack.commands.common import AppContext, Presentation, format_option, output, pass_app
from claimtrack.commands.lookup import claim_filter, filter_options
from claimtrack.errors import InputError
from claimtrack.positions import claim_order
from claimtrack.render import FORMATS, Column, Listing

NO_IDS = tuple(f for f in FORMATS if f != "ids")


@click.command(name="cite")
@click.argument("claim_ids", metavar="[ID]...", nargs=-1)
@filter_options
@click.option("--style", type=click.Choice(STYLES), default="plain", show_default=True)
@format_option(NO_IDS, "Rows of id and citation [default: the sentences alone, one per line].")
@click.option("--raw", is_flag=True, help="csv: do not guard formula-like cells.")
@pass_app
def analysis_cite(
    app: AppContext,
    claim_ids: tuple[str, ...],
    style: str,
    fmt: str | None,
    raw: bool,
    **filters: Any,
) -> None:
    """Print claims as sentences ready to paste.

    The claims named by id, in the order given; or, without ids, every claim that
    list's filters select (--grep, --side, --topic, ...), in date order, then kind,
    then id. One English sentence per claim, one per line: the speaker and side,
    a verb that follows the kind (demanded, proposed, accepted, rejected, warned,
    responded, said), the date written out, whose words they are, then the words
    after a colon, the translation first with the original after it, and the url:

    \b
      quote       ... said on 1 February 2022, as reported by TASS: "..."
      readout     ... demanded on 28 January 2022, according to the Kremlin's
                  readout: "..."   (the readout's owner comes from a source
                  such as "Kremlin readout")
      paraphrase  ... demanded on 10 January 2022, according to Sputnik: ...
                  (reported speech, without quotation marks)

    --style md makes the url a Markdown link and escapes Markdown's own characters.

    \b
    Examples:
      claimtrack cite 3fk2 9qz7
      claimtrack cite --grep "indivisible security" --side russia
      claimtrack cite 3fk2 --style md >> report.md
    """
    store = app.read()
    if claim_ids and any(filters.values()):
        raise InputError("give claim ids or filters, not both", "Drop the ids to cite every match")
    if claim_ids:
        claims = [find_claim(store, ref) for ref in claim_ids]
    elif any(filters.values()):
        claims = sorted(filter_claims(store, claim_filter(**filters)), key=claim_order)
    else:
        raise InputError("nothing to cite", "Give claim ids, or a filter such as --grep WORDS")
    names: dict[str, str] = {s["slug"]: s["name"] for s in store.records("sides")}
    rows = [
        {"id": c["id"], "citation": cite(c, names.get(c["side"]) or c["side"], style)}
        for c in claims
    ]
    fields = ("id", "citation")
    columns = [Column("id", "id", no_wrap=True), Column("citation", "citation", ratio=1)]
    # Without --format, the sentences alone: the ids format of the citations.
    listing = Listing(rows, fields, columns, id_key="citation" if fmt is None else "id")
    output(Presentation(fmt or "ids", raw), listing)
