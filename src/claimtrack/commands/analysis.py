"""diff, compare, gaps, matrix, timeline, cite: the analysis commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from claimtrack import analysis
from claimtrack.analysis import ClaimIndex
from claimtrack.citation import STYLES, cite
from claimtrack.claims import find_claim
from claimtrack.commands.analysis_views import (
    COMPARE_FIELDS,
    DIFF_FIELDS,
    GAP_COLUMNS,
    TIMELINE_COLUMNS,
    answers_label,
    flat_compare_row,
    flat_diff_row,
    output,
)
from claimtrack.commands.common import AppContext, format_options, pass_app
from claimtrack.dates import parse_date
from claimtrack.errors import InputError
from claimtrack.model import CLAIM_FIELDS
from claimtrack.render import FORMATS, Column, Listing
from claimtrack.store import Store
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, entries, get_entry, resolve, resolve_all

NO_IDS = tuple(f for f in FORMATS if f != "ids")

svg_option = click.option(
    "--svg",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also save the table as an SVG picture.",
)


def side_option(help_text: str) -> Callable[[Any], Any]:
    return click.option("--side", "-s", "sides", multiple=True, metavar="SIDE", help=help_text)


topic_option = click.option(
    "--topic", "-T", "topics", multiple=True, metavar="TOPIC", help="Only this topic; repeat."
)


# --- shared plumbing -------------------------------------------------------------------


def claim_index(store: Store) -> ClaimIndex:
    """The analysis index, built once per store (the store drops it on any change)."""
    index: ClaimIndex | None = store.cache.get("analysis-index")
    if index is None:
        index = analysis.index_claims(store.records("claims"))
        store.cache["analysis-index"] = index
    return index


def slugs(store: Store, vocab: Any, texts: Sequence[str]) -> set[str] | None:
    """The slugs named (an unknown name is an error); None when none was given."""
    return set(resolve_all(store, vocab, texts)) or None


def last_day(round_record: dict[str, Any]) -> str:
    day: str = round_record["end"] or round_record["date"]
    return day


# --- diff ------------------------------------------------------------------------------


@click.command(name="diff")
@click.argument("round_a")
@click.argument("round_b")
@side_option("Only this side; repeat.")
@topic_option
@click.option("--cumulative", is_flag=True, help="Compare positions as of A and B instead.")
@svg_option
@format_options(NO_IDS)
@pass_app
def analysis_diff(
    app: AppContext,
    round_a: str,
    round_b: str,
    sides: tuple[str, ...],
    topics: tuple[str, ...],
    cumulative: bool,
    svg: Path | None,
    fmt: str | None,
    raw: bool,
) -> None:
    """Show what changed between two rounds.

    A side's claims in a round are its claims whose round is that round. One row
    per side and topic that has claims in either round, with a status:

    \b
      raised    claims in ROUND_B, none in ROUND_A
      dropped   claims in ROUND_A, none in ROUND_B
      shifted   the set of kinds differs (e.g. rejection in A, proposal in B)
      restated  the same kinds (the table highlights the words that changed)

    With --cumulative it compares each side's position as of ROUND_A with its
    position as of ROUND_B instead; `a` and `b` then hold at most one claim.
    A side's position on a topic as of a round or date is its latest claim on that
    topic dated on or before it (ties: the later created), whether or not that claim
    belongs to a round; as of a round means as of its last day (end, else date).

    \b
      raised     no position as of ROUND_A
      shifted    the kind changed
      reworded   the same kind, a newer claim
      unchanged  the same claim
      dropped    a position as of ROUND_A, none as of ROUND_B (A dated after B)

    If ROUND_A is dated after ROUND_B, a note on stderr says so and the diff goes on.
    json: one object per row with side, topic, status, a and b (lists of claims);
    tsv and csv: side, topic, status, then ids, kinds and text for a and b.

    \b
    Examples:
      claimtrack diff geneva brussels
      claimtrack diff geneva reply --cumulative --side russia --format json
      claimtrack diff geneva brussels --topic nato-nonexpansion --svg diff.svg
    """
    store = app.read()
    a, b = get_entry(store, ROUNDS, round_a), get_entry(store, ROUNDS, round_b)
    if a["date"] > b["date"]:
        click.echo(
            f"Note: round '{a['slug']}' ({a['date']}) is dated after round "
            f"'{b['slug']}' ({b['date']}); comparing them in the order given",
            err=True,
        )
    wanted = {"sides": slugs(store, SIDES, sides), "topics": slugs(store, TOPICS, topics)}
    index = claim_index(store)
    if cumulative:
        rows = analysis.diff_cumulative(index, last_day(a), last_day(b), **wanted)
        header_a, header_b = (f"as of {r['slug']} ({last_day(r)})" for r in (a, b))
    else:
        rows = analysis.diff_rounds(index, a["slug"], b["slug"], **wanted)
        header_a, header_b = (f"in {r['slug']} ({r['date']})" for r in (a, b))
    columns = [Column(name, name) for name in ("side", "topic", "status")]
    columns += [Column(f"{header_a}: {part}", f"a_{part}") for part in ("kinds", "text")]
    columns += [Column(f"{header_b}: {part}", f"b_{part}") for part in ("kinds", "text")]
    title = f"diff {a['slug']} {b['slug']}" + (" --cumulative" if cumulative else "")

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import diff_table

        return diff_table(rows, header_a, header_b, title)

    listing = Listing([flat_diff_row(r) for r in rows], DIFF_FIELDS, columns)
    output(fmt, raw, listing, json_rows=rows, table=table, svg=svg, svg_title=f"claimtrack {title}")


# --- compare ---------------------------------------------------------------------------


@click.command(name="compare")
@click.argument("side_a")
@click.argument("side_b")
@click.option("--round", "-r", "round_", metavar="ROUND", help="Positions as of this round.")
@click.option("--as-of", metavar="DATE", help="Positions as of this date.")
@topic_option
@svg_option
@format_options(NO_IDS)
@pass_app
def analysis_compare(
    app: AppContext,
    side_a: str,
    side_b: str,
    round_: str | None,
    as_of: str | None,
    topics: tuple[str, ...],
    svg: Path | None,
    fmt: str | None,
    raw: bool,
) -> None:
    """Compare two sides' positions topic by topic.

    A side's position on a topic as of a round or date is its latest claim on that
    topic dated on or before it (ties: the later created), whether or not that claim
    belongs to a round; as of a round means as of its last day (end, else date).
    Without --round or --as-of (which exclude each other) positions take every claim.
    One row per topic on which either side has a position; the first rule that holds:

    \b
      unanswered  only one side has a position
      agreed      one position is an acceptance, the other a demand, proposal
                  or acceptance
      opposed     one position is a rejection or warning, the other a demand
                  or proposal
      open        both have positions, none of the above

    json: one object per topic with topic, verdict, a and b (a claim or null);
    tsv and csv: topic, verdict, then id, kind, date and text for a and b.

    \b
    Examples:
      claimtrack compare russia us
      claimtrack compare russia nato --round brussels --format json
      claimtrack compare RU US --as-of 2022-01-20 --svg compare.svg
    """
    if round_ is not None and as_of is not None:
        raise InputError("--round and --as-of cannot be used together", "Give one of them")
    store = app.read()
    a, b = resolve(store, SIDES, side_a), resolve(store, SIDES, side_b)
    if a == b:
        raise InputError(f"cannot compare side '{a}' with itself", "Name two different sides")
    when = parse_date(as_of) if as_of is not None else None
    if round_ is not None:
        when = last_day(get_entry(store, ROUNDS, round_))
    rows = analysis.compare_sides(
        claim_index(store), a, b, as_of=when, topics=slugs(store, TOPICS, topics)
    )
    title = f"compare {a} {b}" + (f" as of {when}" if when else "")
    columns = [Column("topic", "topic"), Column("verdict", "verdict")]
    columns += [Column(f"{a} {part}", f"a_{part}") for part in ("kind", "date", "text")]
    columns += [Column(f"{b} {part}", f"b_{part}") for part in ("kind", "date", "text")]

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import compare_table

        return compare_table(rows, a, b, title)

    listing = Listing([flat_compare_row(r) for r in rows], COMPARE_FIELDS, columns)
    output(fmt, raw, listing, json_rows=rows, table=table, svg=svg, svg_title=f"claimtrack {title}")


# --- gaps ------------------------------------------------------------------------------


@click.command(name="gaps")
@side_option("Only demands and proposals by this side; repeat.")
@click.option(
    "--to", "-t", "to", multiple=True, metavar="SIDE", help="Only those addressed to SIDE; repeat."
)
@topic_option
@click.option("--as-of", metavar="DATE", help="[default: the date of the latest claim]")
@format_options()
@pass_app
def analysis_gaps(
    app: AppContext,
    sides: tuple[str, ...],
    to: tuple[str, ...],
    topics: tuple[str, ...],
    as_of: str | None,
    fmt: str | None,
    raw: bool,
) -> None:
    """List demands and proposals no one answered.

    A demand or proposal D is answered when a claim by one of D's addressees (its
    `to`, or any other side when D has no `to`), dated on or before the as-of date,
    either responds to D (`responds_to`) or is a response, acceptance or rejection
    on D's topic dated on or after D. Only claims dated on or before the as-of date
    (default: the date of the latest claim in the store) count, D included. Each row
    is the claim with `days_open`: days from D's date to the as-of date. --to SIDE
    keeps D addressed to SIDE, counting a D without `to` as addressed to all others.

    \b
    Examples:
      claimtrack gaps
      claimtrack gaps --side russia --to us --as-of 2022-01-20 --format json
    """
    store = app.read()
    when = parse_date(as_of) if as_of is not None else None
    rows = analysis.find_gaps(
        claim_index(store),
        as_of=when,
        all_sides=store.keys("sides"),
        sides=slugs(store, SIDES, sides),
        to=slugs(store, SIDES, to),
        topics=slugs(store, TOPICS, topics),
    )
    output(fmt, raw, Listing(rows, (*CLAIM_FIELDS, "days_open"), GAP_COLUMNS))


# --- matrix ----------------------------------------------------------------------------


@click.command(name="matrix")
@side_option("Only this side; repeat.")
@topic_option
@click.option(
    "--round", "-r", "rounds", multiple=True, metavar="ROUND", help="Only this round; repeat."
)
@svg_option
@format_options(NO_IDS)
@pass_app
def analysis_matrix(
    app: AppContext,
    sides: tuple[str, ...],
    topics: tuple[str, ...],
    rounds: tuple[str, ...],
    svg: Path | None,
    fmt: str | None,
    raw: bool,
) -> None:
    """Show the kinds each side stated per round.

    A side's claims in a round are its claims whose round is that round (claims
    outside any round are left out). The table has topics down, one line per side,
    and rounds across in date order; each cell shows the kinds as coloured marks
    explained by a legend under the table:

    \b
      D demand  P proposal  R response  A acceptance  X rejection
      W warning  S statement

    json, jsonl, tsv, csv and md give one row per topic, round and side that has
    claims, rounds in date order: topic, round, side, kinds (spelt out, a list in json).

    \b
    Examples:
      claimtrack matrix
      claimtrack matrix --side russia --side us --round geneva --round brussels
      claimtrack matrix --format json --svg matrix.svg
    """
    store = app.read()
    chosen = slugs(store, ROUNDS, rounds)
    rows = analysis.kind_matrix(
        claim_index(store),
        {r["slug"]: r["date"] for r in store.records("rounds")},
        sides=slugs(store, SIDES, sides),
        topics=slugs(store, TOPICS, topics),
        rounds=chosen,
    )
    shown = {row["round"] for row in rows} | (chosen or set())
    columns = [(r["slug"], r["date"]) for r in entries(store, ROUNDS) if r["slug"] in shown]

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import matrix_view

        return matrix_view(rows, columns, "Kinds stated per round", width)

    fields = ("topic", "round", "side", "kinds")
    listing = Listing(rows, fields, [Column(name, name) for name in fields])
    output(fmt, raw, listing, table=table, svg=svg, svg_title="claimtrack matrix")


# --- timeline --------------------------------------------------------------------------


@click.command(name="timeline")
@click.argument("topic")
@side_option("Only this side; repeat.")
@svg_option
@format_options()
@pass_app
def analysis_timeline(
    app: AppContext,
    topic: str,
    sides: tuple[str, ...],
    svg: Path | None,
    fmt: str | None,
    raw: bool,
) -> None:
    """Show every claim on one topic in date order.

    Claims are ordered by date, then by when they were recorded. The table shows
    date and round, side (and whom it addresses), speaker, kind, text with its
    translation under it, and the claim each one responds to; json, jsonl, tsv and
    csv give the full claims, as `claimtrack list` does.

    \b
    Examples:
      claimtrack timeline nato-nonexpansion
      claimtrack timeline "توسع الناتو" --side russia --side us --svg timeline.svg
    """
    store = app.read()
    slug = resolve(store, TOPICS, topic)
    index = claim_index(store)
    claims = analysis.topic_timeline(index, slug, sides=slugs(store, SIDES, sides))
    shown = [{**c, "answers": answers_label(index, c)} for c in claims]
    listing = Listing(shown, CLAIM_FIELDS, TIMELINE_COLUMNS, title=f"timeline {slug}")
    output(fmt, raw, listing, json_rows=claims, svg=svg, svg_title=f"claimtrack timeline {slug}")


# --- cite ------------------------------------------------------------------------------


@click.command(name="cite")
@click.argument("claim_ids", metavar="ID...", nargs=-1, required=True)
@click.option("--style", type=click.Choice(STYLES), default="plain", show_default=True)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(NO_IDS, case_sensitive=False),
    help="Rows of id and citation [default: the sentences alone, one per line].",
)
@click.option("--raw", is_flag=True, help="csv: do not guard formula-like cells.")
@pass_app
def analysis_cite(
    app: AppContext, claim_ids: tuple[str, ...], style: str, fmt: str | None, raw: bool
) -> None:
    """Print claims as sentences ready to paste.

    One sentence per claim, one per line: the speaker and side, the date written
    out, the outlet, the quote (the translation when there is one, with the original
    after it) and the url. A paraphrase is written as reported speech, without quotation marks.
    --style md makes the url a Markdown link and escapes Markdown's own characters.

    \b
    Examples:
      claimtrack cite 3fk2 9qz7
      claimtrack cite 3fk2 --style md >> report.md
    """
    store = app.read()
    claims = [find_claim(store, ref) for ref in claim_ids]
    names: dict[str, str] = {s["slug"]: s["name"] for s in store.records("sides")}
    rows = [
        {"id": c["id"], "citation": cite(c, names.get(c["side"]) or c["side"], style)}
        for c in claims
    ]
    fields = ("id", "citation")
    columns = [Column("id", "id", no_wrap=True), Column("citation", "citation", ratio=1)]
    # Without --format, the sentences alone: the ids format of the citations.
    listing = Listing(rows, fields, columns, id_key="citation" if fmt is None else "id")
    output(fmt or "ids", raw, listing)
