"""diff, compare, gaps, matrix, timeline, cite: the analysis commands."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from claimtrack import analysis
from claimtrack.analysis import ClaimIndex, Row, Scope
from claimtrack.commands.analysis_views import (
    COMPARE_FIELDS,
    DIFF_FIELDS,
    GAP_COLUMNS,
    GAP_FIELDS,
    flat_compare_row,
    flat_diff_row,
    json_claim_rows,
)
from claimtrack.commands.common import (
    AppContext,
    Presentation,
    output,
    pass_app,
    presentation_options,
    stack,
)
from claimtrack.commands.completion import complete_sides
from claimtrack.commands.lookup import repeated_option, side_option, topic_option
from claimtrack.dates import parse_date
from claimtrack.errors import InputError
from claimtrack.output import say
from claimtrack.render import FORMATS, Column, Listing
from claimtrack.store import Store
from claimtrack.vocab import ROUNDS, SIDES, TOPICS, get_entry, resolve, resolve_all

NO_IDS = tuple(f for f in FORMATS if f != "ids")
F = TypeVar("F", bound=Callable[..., Any])


ONLY_THIS_SIDE = "Only this side; repeat."


@dataclass(frozen=True)
class Wanted:
    """The sides and topics named on the command line, not yet looked up in a store."""

    sides: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    def scope(self, store: Store) -> Scope:
        """Their slugs (an unknown name is an error); none named is every one."""
        return Scope(slugs(store, SIDES, self.sides), slugs(store, TOPICS, self.topics))


def scope_options(
    side_help: str | None = ONLY_THIS_SIDE, *, topics: bool = True
) -> Callable[[F], F]:
    """--side (unless `side_help` is None) and --topic, handed to the command as `wanted`."""

    def decorator(function: F) -> F:
        @functools.wraps(function)
        def gathered(*args: Any, **kwargs: Any) -> Any:
            wanted = Wanted(kwargs.pop("sides", ()), kwargs.pop("topics", ()))
            return function(*args, wanted=wanted, **kwargs)

        options = [] if side_help is None else [side_option(side_help)]
        options += [topic_option("Only this topic; repeat.")] if topics else []
        return stack(*options)(gathered)  # type: ignore[return-value]

    return decorator


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
@scope_options()
@click.option("--cumulative", is_flag=True, help="Compare positions as of A and B instead.")
@presentation_options(NO_IDS)
@pass_app
def analysis_diff(
    app: AppContext,
    round_a: str,
    round_b: str,
    wanted: Wanted,
    cumulative: bool,
    how: Presentation,
) -> None:
    """Show what changed between two rounds.

    A side's claims in a round are its claims whose round is that round; a claim
    on several topics counts under each. One row per side and topic that has
    claims in either round, with a status:

    \b
      raised        claims in ROUND_B, none in ROUND_A
      not-restated  claims in ROUND_A, none in ROUND_B (not repeating a
                    position is not giving it up: see --cumulative)
      shifted       the set of kinds differs (e.g. rejection in A, proposal in B)
      restated      the same kinds (the table highlights the words that changed)

    With --cumulative it compares each side's position as of ROUND_A with its
    position as of ROUND_B instead (as of a round: its last day, end else date).
    A position on a topic is the set of stance kinds (demand, proposal, acceptance,
    rejection, warning) among the side's claims there on the latest date, on or
    before the as-of date, on which it made one; a response or statement never
    replaces a stance. With no stance, the position is non-committal: its claims
    on the latest date it spoke on the topic. `a` and `b` are the claims that
    make each position.

    \b
      raised     no position as of ROUND_A
      shifted    the set of stance kinds changed
      reworded   the same kinds, newer claims
      unchanged  the same claims
      dropped    a position as of ROUND_A, none as of ROUND_B (A dated after B)

    If ROUND_A is dated after ROUND_B, a note on stderr says so and the diff goes on.
    Claims are ordered by date, then kind, then id, never by when they were recorded.
    json: one object per row with side, topic, status, a and b (lists of claims,
    every field but created and updated); tsv and csv: side, topic, status, then
    ids, kinds and text for a and b.

    \b
    Examples:
      claimtrack diff geneva brussels
      claimtrack diff geneva reply --cumulative --side russia --format json
      claimtrack diff geneva brussels --topic nato-nonexpansion --svg diff.svg
    """
    store = app.read()
    a, b = get_entry(store, ROUNDS, round_a), get_entry(store, ROUNDS, round_b)
    if a["date"] > b["date"]:
        say(
            f"Note: round '{a['slug']}' ({a['date']}) is dated after round "
            f"'{b['slug']}' ({b['date']}); comparing them in the order given"
        )
    scope = wanted.scope(store)
    index = claim_index(store)
    if cumulative:
        rows = analysis.diff_cumulative(index, last_day(a), last_day(b), scope)
        header_a, header_b = (f"as of {r['slug']} ({last_day(r)})" for r in (a, b))
    else:
        rows = analysis.diff_rounds(index, a["slug"], b["slug"], scope)
        header_a, header_b = (f"in {r['slug']} ({r['date']})" for r in (a, b))
    columns = [Column(name, name) for name in ("side", "topic", "status")]
    columns += [Column(f"{header_a}: {part}", f"a_{part}") for part in ("kinds", "text")]
    columns += [Column(f"{header_b}: {part}", f"b_{part}") for part in ("kinds", "text")]
    title = f"diff {a['slug']} {b['slug']}" + (" --cumulative" if cumulative else "")

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import diff_table

        return diff_table(rows, header_a, header_b, title)

    listing = Listing([flat_diff_row(r) for r in rows], DIFF_FIELDS, columns)
    output_pairs(how, listing, rows, table, title)


def output_pairs(
    how: Presentation, listing: Listing, rows: list[Row], table: Callable[[int], Any], title: str
) -> None:
    """diff's and compare's rows out, json naming the claims of each side of a row."""
    output(
        how, listing, json_rows=json_claim_rows(rows), table=table, svg_title=f"claimtrack {title}"
    )


# --- compare ---------------------------------------------------------------------------


@click.command(name="compare")
@click.argument("side_a")
@click.argument("side_b")
@click.option("--round", "-r", "round_", metavar="ROUND", help="Positions as of this round.")
@click.option("--as-of", metavar="DATE", help="Positions as of this date.")
@scope_options(None)
@presentation_options(NO_IDS)
@pass_app
def analysis_compare(
    app: AppContext,
    side_a: str,
    side_b: str,
    round_: str | None,
    as_of: str | None,
    wanted: Wanted,
    how: Presentation,
) -> None:
    """Compare two sides' positions topic by topic.

    A side's position on a topic as of a date is the set of stance kinds (demand,
    proposal, acceptance, rejection, warning) among its claims on that topic dated
    on the latest date, on or before the as-of date, on which it made one, whether
    or not they belong to a round. A response or statement never replaces a stance;
    with no stance at all the position is non-committal (its claims on the latest
    date it spoke on the topic). A position with an acceptance and a rejection or
    warning is mixed. As of a round means as of its last day (end, else date);
    without --round or --as-of (which exclude each other) every claim counts. A
    claim on several topics counts under each. One row per topic on which either
    side has a claim; the verdict is the first rule that holds:

    \b
      unanswered  only one side has any claim on the topic
      mixed       either position is mixed
      agreed      one position includes an acceptance and the other is made
                  of demands, proposals or acceptances only
      opposed     one position is made of rejections or warnings only and the
                  other includes a demand or proposal
      open        otherwise, including a non-committal side

    json: one object per topic with topic, verdict, a and b: the claims that make
    each position, in date, kind and id order (every field but created and
    updated; an empty list where a side has none). tsv and csv: topic, verdict,
    then the position (its kinds, mixed or non-committal), ids, date and text for
    a and b.

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
    rows = analysis.compare_sides(claim_index(store), a, b, as_of=when, scope=wanted.scope(store))
    title = f"compare {a} {b}" + (f" as of {when}" if when else "")
    columns = [Column("topic", "topic"), Column("verdict", "verdict")]
    columns += [Column(f"{a} {part}", f"a_{part}") for part in ("position", "date", "text")]
    columns += [Column(f"{b} {part}", f"b_{part}") for part in ("position", "date", "text")]

    def table(width: int) -> Any:
        from claimtrack.commands.analysis_views import compare_table

        return compare_table(rows, a, b, title)

    listing = Listing([flat_compare_row(r) for r in rows], COMPARE_FIELDS, columns)
    output_pairs(how, listing, rows, table, title)


# --- gaps ------------------------------------------------------------------------------


@click.command(name="gaps")
@scope_options("Only demands and proposals by this side; repeat.")
@repeated_option("--to -t", "to", "SIDE", "Only those addressed to SIDE; repeat.", complete_sides)
@click.option("--as-of", metavar="DATE", help="[default: the date of the latest claim]")
@presentation_options(FORMATS, svg=False)
@pass_app
def analysis_gaps(
    app: AppContext,
    wanted: Wanted,
    to: tuple[str, ...],
    as_of: str | None,
    how: Presentation,
) -> None:
    """List demands and proposals no one answered.

    A demand or proposal D is answered on one of its topics when a claim by one of
    D's addressees (its `to`, or any other side when D has no `to`), dated on or
    before the as-of date, either responds to D (`responds_to`: that answers D on
    every topic) or is a response, acceptance or rejection on that topic dated on
    or after D. D is listed while any of its topics is unanswered. Only claims
    dated on or before the as-of date (default: the date of the latest claim in
    the store) count, D included. Rows are in date order, then kind, then id; each
    is the claim (every field but created and updated) with `days_open`, the days
    from D's date to the as-of date, and `open_topics`, the topics still
    unanswered. --to SIDE keeps D addressed to SIDE, counting a D without `to` as
    addressed to all others; --topic T keeps D still unanswered on T.

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
        scope=wanted.scope(store),
        to=slugs(store, SIDES, to),
    )
    output(how, Listing(rows, GAP_FIELDS, GAP_COLUMNS))
