"""matrix and timeline: the analysis commands that lay claims out over time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from claimtrack import analysis
from claimtrack.commands.analysis import (
    NO_IDS,
    Wanted,
    claim_index,
    scope_options,
    slugs,
)
from claimtrack.commands.analysis_views import (
    ANALYTIC_FIELDS,
    TIMELINE_COLUMNS,
    answers_label,
)
from claimtrack.commands.common import (
    AppContext,
    Presentation,
    output,
    pass_app,
    presentation_options,
    resolve_format,
)
from claimtrack.commands.completion import complete_rounds
from claimtrack.commands.lookup import repeated_option
from claimtrack.output import say
from claimtrack.render import FORMATS, Column, Listing
from claimtrack.store import Store
from claimtrack.vocab import ROUNDS, TOPICS, entries, resolve

# --- matrix ----------------------------------------------------------------------------


@click.command(name="matrix")
@scope_options()
@repeated_option("--round -r", "rounds", "ROUND", "Only this round; repeat.", complete_rounds)
@click.option(
    "--by",
    type=click.Choice(analysis.MATRIX_PERIODS),
    default="round",
    show_default=True,
    help="Columns: rounds, ISO weeks or months.",
)
@presentation_options(NO_IDS)
@pass_app
def analysis_matrix(
    app: AppContext,
    wanted: Wanted,
    rounds: tuple[str, ...],
    by: str,
    how: Presentation,
) -> None:
    """Show the kinds each side stated per round.

    The table has topics down, one line per side, and columns across in date
    order: rounds (--by round, the default), ISO weeks (2022-W02) or months
    (2022-01). A claim on several topics counts under each. Each cell shows the
    kinds of the side's claims there as coloured marks explained by a legend:

    \b
      D demand  P proposal  R response  A acceptance  X rejection
      W warning  S statement

    By round, a side's claims in a round are its claims whose round is that round;
    claims that belong to no round cannot be placed, and a line under the table
    (on stderr for the other formats) says how many of the claims in scope that
    leaves out: see them with --by month. By week or month every claim is placed.
    json, jsonl, tsv, csv and md give one row per topic, column and side that has
    claims, in date order: topic, round (period by week or month), side, kinds
    (spelt out, in kind order, a list in json).

    \b
    Examples:
      claimtrack matrix
      claimtrack matrix --side russia --side us --round geneva --round brussels
      claimtrack matrix --by month --format json --svg matrix.svg
    """
    store = app.read()
    chosen = slugs(store, ROUNDS, rounds)
    matrix = analysis.kind_matrix(
        claim_index(store),
        {r["slug"]: r["date"] for r in store.records("rounds")},
        by=by,
        scope=wanted.scope(store),
        rounds=chosen,
    )
    column = "round" if by == "round" else "period"
    footer = unplaced_note(matrix.unplaced)

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import matrix_view

        heads = matrix_columns(store, matrix.rows, by, chosen)
        return matrix_view(matrix.rows, heads, f"Kinds stated per {by}", width, footer)

    fields = ("topic", column, "side", "kinds")
    listing = Listing(matrix.rows, fields, [Column(name, name) for name in fields])
    output(how, listing, table=table, svg_title="claimtrack matrix")
    if footer and resolve_format(how.fmt) != "table":
        say(footer)  # after the rows, so that a failure is the last word


def unplaced_note(count: int) -> str | None:
    if not count:
        return None
    if count == 1:
        return "1 claim in scope belongs to no round and is not shown; see it with --by month"
    return f"{count} claims in scope belong to no round and are not shown; see them with --by month"


def matrix_columns(
    store: Store, rows: list[dict[str, Any]], by: str, chosen: set[str] | None
) -> list[tuple[str, str | None]]:
    """The matrix's columns in date order, each with the date shown under it (if any)."""
    if by == "round":
        shown = {row["round"] for row in rows} | (chosen or set())
        return [(r["slug"], r["date"]) for r in entries(store, ROUNDS) if r["slug"] in shown]
    periods = sorted({row["period"] for row in rows})
    if by == "week":
        return [(p, week_start(p)) for p in periods]
    return [(p, None) for p in periods]


def week_start(week: str) -> str:
    """The Monday of an ISO week written 2022-W02."""
    year, number = week.split("-W")
    return dt.date.fromisocalendar(int(year), int(number), 1).isoformat()


# --- timeline --------------------------------------------------------------------------


@click.command(name="timeline")
@click.argument("topic")
@scope_options(topics=False)
@presentation_options(FORMATS)
@pass_app
def analysis_timeline(
    app: AppContext,
    topic: str,
    wanted: Wanted,
    how: Presentation,
) -> None:
    """Show every claim on one topic in date order.

    A claim on several topics appears on each one's timeline. Claims are ordered
    by date, then kind (demand, proposal, response, acceptance, rejection,
    warning, statement), then id: never by when they were recorded. The table
    shows date and round, side (and whom it addresses), speaker, kind, text with
    its translation under it, and the claim each one responds to; json, jsonl, tsv
    and csv give the claims with every field but created and updated.

    \b
    Examples:
      claimtrack timeline nato-nonexpansion
      claimtrack timeline "توسع الناتو" --side russia --side us --svg timeline.svg
    """
    store = app.read()
    slug = resolve(store, TOPICS, topic)
    index = claim_index(store)
    claims = analysis.topic_timeline(index, slug, wanted.scope(store))
    shown = [{**analysis.analytic_claim(c), "answers": answers_label(index, c)} for c in claims]
    listing = Listing(shown, ANALYTIC_FIELDS, TIMELINE_COLUMNS, title=f"timeline {slug}")
    json_rows = [analysis.analytic_claim(c) for c in claims]
    output(how, listing, json_rows=json_rows, svg_title=f"claimtrack timeline {slug}")
