"""How the analysis commands show their rows: flat rows for tsv and csv, rich tables, SVG.

rich is imported inside each function, as everywhere in the CLI layer. Store text
reaches rich only as `Text` built from `render.visible()`, never as markup.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from claimtrack.analysis import (
    BOOKKEEPING_FIELDS,
    Claim,
    ClaimIndex,
    Marked,
    Row,
    analytic_claim,
    kinds_of,
    position_label,
    word_changes,
)
from claimtrack.commands.common import emit, make_console, resolve_format
from claimtrack.errors import InputError
from claimtrack.model import CLAIM_FIELDS, KINDS
from claimtrack.positions import claim_order
from claimtrack.render import Column, Listing, cell_text, render, visible

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

# One letter per kind for the matrix; rejection is X because R is response.
KIND_MARKS: Final = {
    "demand": ("D", "bold yellow"),
    "proposal": ("P", "bold cyan"),
    "response": ("R", "bold blue"),
    "acceptance": ("A", "bold green"),
    "rejection": ("X", "bold red"),
    "warning": ("W", "bold magenta"),
    "statement": ("S", "dim"),
}
STATUS_STYLES: Final = {
    "raised": "bold green",
    "not-restated": "bold yellow",
    "dropped": "bold red",
    "shifted": "bold yellow",
    "restated": "",
    "reworded": "bold cyan",
    "unchanged": "dim",
}
VERDICT_STYLES: Final = {
    "mixed": "bold magenta",
    "agreed": "bold green",
    "opposed": "bold red",
    "open": "bold yellow",
    "unanswered": "dim",
}
OLD_WORDS_STYLE: Final = "bold red strike"
NEW_WORDS_STYLE: Final = "bold green underline"
SVG_WIDTH: Final = 120

# --- rows for tsv, csv and md ----------------------------------------------------------

# Every claim field but the bookkeeping ones (see analysis.analytic_claim).
ANALYTIC_FIELDS: Final = tuple(f for f in CLAIM_FIELDS if f not in BOOKKEEPING_FIELDS)

DIFF_FIELDS: Final = tuple(
    ["side", "topic", "status"] + [f"{k}_{p}" for k in "ab" for p in ("ids", "kinds", "text")]
)
COMPARE_FIELDS: Final = tuple(
    ["topic", "verdict"] + [f"{k}_{p}" for k in "ab" for p in ("position", "ids", "date", "text")]
)
GAP_FIELDS: Final = (*ANALYTIC_FIELDS, "days_open", "open_topics")
GAP_COLUMNS: Final = (
    Column("id", "id", no_wrap=True),
    Column("date", "date", under="round", no_wrap=True),
    Column("days open", "days_open", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ ", max_width=14),
    Column("kind", "kind", under="open_topics", under_prefix="open: ", no_wrap=True),
    Column("text", "text", under="translation", ratio=1),
)
TIMELINE_COLUMNS: Final = (
    Column("id", "id", no_wrap=True),
    Column("date", "date", under="round", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ ", max_width=14),
    Column("speaker", "speaker", max_width=16),
    Column("kind", "kind", no_wrap=True),
    Column("text", "text", under="translation", ratio=1),
    Column("answers", "answers", max_width=24),
)


def flat_diff_row(row: Row) -> Row:
    flat = {"side": row["side"], "topic": row["topic"], "status": row["status"]}
    for key in ("a", "b"):
        flat[f"{key}_ids"] = [c["id"] for c in row[key]]
        flat[f"{key}_kinds"] = kinds_of(row[key])
        flat[f"{key}_text"] = "\n".join(c["text"] for c in row[key])
    return flat


def flat_compare_row(row: Row) -> Row:
    flat = {"topic": row["topic"], "verdict": row["verdict"]}
    for key in ("a", "b"):
        claims = row[key]
        flat[f"{key}_position"] = position_label(claims)
        flat[f"{key}_ids"] = [c["id"] for c in claims]
        flat[f"{key}_date"] = claims[0]["date"] if claims else None
        flat[f"{key}_text"] = "\n".join(c["text"] for c in claims)
    return flat


def json_claim_rows(rows: list[Row]) -> list[Row]:
    """diff and compare rows for json: each claim as analytic output shows it."""
    return [
        {**row, "a": list(map(analytic_claim, row["a"])), "b": list(map(analytic_claim, row["b"]))}
        for row in rows
    ]


def answers_label(index: ClaimIndex, claim: Claim) -> str | None:
    """The claim `claim` responds to, as 'id (side kind)'."""
    reply_to: str | None = claim["responds_to"]
    answered = index.by_id.get(reply_to or "")
    if answered is None:
        return reply_to
    return f"{answered['id']} ({answered['side']} {answered['kind']})"


def output(
    fmt: str | None,
    raw: bool,
    listing: Listing,
    *,
    json_rows: list[Row] | None = None,
    table: Callable[[int], RenderableType] | None = None,
    svg: Path | None = None,
    svg_title: str = "claimtrack",
) -> None:
    """Print rows in `fmt` (json gets the nested `json_rows` when given); --svg saves the table.

    `table(width)` builds the table view; without it the listing's columns are used.
    """

    def make_table(width: int) -> RenderableType:
        return table(width) if table is not None else render(listing, "table", width=width)

    fmt = resolve_format(fmt)
    if svg is not None:
        save_svg(make_table(SVG_WIDTH), svg, svg_title)
    if fmt == "table":
        console = make_console()
        console.print(make_table(console.width))
    elif fmt in ("json", "jsonl") and json_rows is not None:
        emit(Listing(json_rows, listing.fields, listing.columns), fmt, raw=raw)
    else:
        emit(listing, fmt, raw=raw)


# --- diff and compare tables -----------------------------------------------------------


def plain(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(cell_text(value), keep_newlines=True), style=style)


def _table(title: str | None = None, **options: Any) -> Table:
    from rich import box
    from rich.table import Table

    return Table(title=plain(title) if title else None, box=box.SIMPLE_HEAD, **options)


def claim_cell(claim: Claim | None, marked: Marked | None = None, style: str = "") -> Text:
    """A claim as kind, date and id over its text (changed words styled), translation dim."""
    from rich.text import Text

    if claim is None:
        return plain("—", "dim")
    cell = Text()
    cell.append(visible(claim["kind"]), "bold")
    cell.append(f" {visible(claim['date'])} {visible(claim['id'])}\n", "dim")
    if marked is None:
        cell.append(visible(claim["text"], keep_newlines=True))
    else:
        for word, changed in marked:
            cell.append(visible(word, keep_newlines=True), style if changed else "")
    if claim.get("translation"):
        cell.append("\n" + visible(claim["translation"], keep_newlines=True), "dim")
    return cell


def _by_kind(claim: Claim) -> tuple[int, str, int, str]:
    rank = KINDS.index(claim["kind"]) if claim["kind"] in KINDS else len(KINDS)
    return (rank, *claim_order(claim))


def claim_cells(a: list[Claim], b: list[Claim], *, highlight: bool) -> tuple[Text, Text]:
    """Both sides' claims; with `highlight`, pairs them by kind and marks the changed words."""
    from rich.text import Text

    cells = (Text(), Text())
    for old, new in zip_longest(sorted(a, key=_by_kind), sorted(b, key=_by_kind)):
        old_marked = new_marked = None
        if highlight and old is not None and new is not None:
            old_marked, new_marked = word_changes(old["text"], new["text"])
        for cell, claim, marked, style in (
            (cells[0], old, old_marked, OLD_WORDS_STYLE),
            (cells[1], new, new_marked, NEW_WORDS_STYLE),
        ):
            if claim is not None:
                if cell.plain:
                    cell.append("\n\n")
                cell.append_text(claim_cell(claim, marked, style))
    for cell in cells:
        if not cell.plain:
            cell.append_text(plain("—", "dim"))
    return cells


def diff_table(rows: list[Row], header_a: str, header_b: str, title: str) -> Table:
    table = _table(title, expand=True)
    table.add_column("side", max_width=14, overflow="fold")
    table.add_column("topic", max_width=20, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column(plain(header_a), ratio=1, overflow="fold")
    table.add_column(plain(header_b), ratio=1, overflow="fold")
    for row in rows:
        highlight = row["status"] in ("restated", "reworded")
        a_cell, b_cell = claim_cells(row["a"], row["b"], highlight=highlight)
        status = plain(row["status"], STATUS_STYLES.get(row["status"], ""))
        table.add_row(plain(row["side"]), plain(row["topic"]), status, a_cell, b_cell)
    return table


def compare_table(rows: list[Row], header_a: str, header_b: str, title: str) -> Table:
    table = _table(title, expand=True)
    table.add_column("topic", max_width=20, overflow="fold")
    table.add_column("verdict", no_wrap=True)
    table.add_column(plain(header_a), ratio=1, overflow="fold")
    table.add_column(plain(header_b), ratio=1, overflow="fold")
    for row in rows:
        verdict = plain(row["verdict"], VERDICT_STYLES.get(row["verdict"], ""))
        table.add_row(
            plain(row["topic"]), verdict, position_cell(row["a"]), position_cell(row["b"])
        )
    return table


def position_cell(claims: list[Claim]) -> Text:
    """A position: its label when one claim's kind does not say it, then each claim."""
    from rich.text import Text

    if not claims:
        return plain("—", "dim")
    label = position_label(claims) or ""
    cell = Text()
    if len(claims) > 1 or label != claims[0]["kind"]:
        cell.append(visible(label) + "\n", "italic")
    for number, claim in enumerate(claims):
        if number:
            cell.append("\n")
        cell.append_text(claim_cell(claim))
    return cell


# --- matrix ----------------------------------------------------------------------------

# The narrowest the topic and side columns get before round headers give way to numbers.
TOPIC_WIDTH: Final = 14
SIDE_WIDTH: Final = 10


def kind_marks(kinds: list[str]) -> Text:
    from rich.text import Text

    marks = Text()
    for kind in kinds:
        mark, style = KIND_MARKS.get(kind, ("?", ""))
        marks.append(mark, style)
    return marks


def wrapped_key(entries: list[Text], width: int) -> Text:
    """Legend entries joined by two spaces, broken between entries, never inside one."""
    from rich.text import Text

    key, line = Text(), 0
    for entry in entries:
        if line and line + 2 + entry.cell_len > width:
            key.append("\n")
            line = 0
        elif line:
            key.append("  ")
            line += 2
        key.append_text(entry)
        line += entry.cell_len
    return key


def _kind_entries() -> list[Text]:
    entries = []
    for kind in KINDS:
        entry = kind_marks([kind])
        entry.append(f" {kind}")
        entries.append(entry)
    return entries


def _round_dates(rounds: list[tuple[str, str | None]]) -> list[str]:
    """'10 Jan' under each round, with the year under the first round of each year.

    A column without a date (a month) gets no date line.
    """
    shown, year = [], ""
    for _, date in rounds:
        if date is None:
            shown.append("")
            continue
        day = dt.date.fromisoformat(date)
        # every header gets the year line, blank or not, so that headers line up
        shown.append(f"{day.day} {day:%b}\n" + (str(day.year) if date[:4] != year else ""))
        year = date[:4]
    return shown


def _matrix_layout(
    rows: list[Row], heads: list[tuple[str, str | None]], width: int
) -> tuple[bool, int, int]:
    """Whether to number the rounds, and the topic and side column widths.

    The first layout that fits wins: round slugs over numbers, whole names over
    folded ones. rich squeezes the last one if nothing fits.
    """
    marks = max((len(row["kinds"]) for row in rows), default=1)
    topic = max([len("topic")] + [len(row["topic"]) for row in rows])
    side = max([len("side")] + [len(row["side"]) for row in rows])
    capped = (min(topic, TOPIC_WIDTH), min(side, SIDE_WIDTH))
    layouts = [(False, topic, side), (False, *capped), (True, topic, side), (True, *capped)]
    for numbered, topic_width, side_width in layouts:
        rounds_width = sum(
            max(len(f"#{n}" if numbered else slug), len("10 Jan"), marks)
            for n, (slug, _) in enumerate(heads, start=1)
        )
        if topic_width + side_width + rounds_width + 2 * (len(heads) + 2) <= width:
            break
    return numbered, topic_width, side_width


def matrix_view(
    rows: list[Row],
    rounds: list[tuple[str, str | None]],
    title: str,
    width: int,
    footer: str | None = None,
) -> RenderableType:
    """Topics down (a line per side), columns across in date order, kinds as coloured marks.

    `rounds` are the columns (a round's slug or a period, with the date shown under
    it, if any); rows name theirs under `round` or `period`. Columns are headed by
    their names when that fits `width`; otherwise by numbers #1, #2, ... explained
    under the table, after the kinds. `footer` closes the view.
    """
    from rich.console import Group

    numbered, topic_width, side_width = _matrix_layout(rows, rounds, width)
    cells: dict[str, dict[str, dict[str, list[str]]]] = {}
    for row in rows:
        column = row["round"] if "round" in row else row["period"]
        cells.setdefault(row["topic"], {}).setdefault(row["side"], {})[column] = row["kinds"]
    table = _table(title, show_edge=False, collapse_padding=True)
    # rich's max_width counts the cell padding too
    table.add_column("topic", max_width=topic_width + 2, overflow="fold")
    table.add_column("side", max_width=side_width + 2, overflow="fold")
    for number, ((slug, _), date) in enumerate(zip(rounds, _round_dates(rounds), strict=True), 1):
        header = plain(f"#{number}" if numbered else slug)
        if date:
            header.append(f"\n{date}", "dim")
        table.add_column(header, overflow="fold")
    for topic, by_side in cells.items():
        for line, side in enumerate(sorted(by_side)):
            marks = [kind_marks(by_side[side].get(slug, [])) for slug, _ in rounds]
            last = line == len(by_side) - 1
            table.add_row(plain("" if line else topic), plain(side), *marks, end_section=last)
    keys = [wrapped_key(_kind_entries(), width)]
    if numbered:
        numbers = [plain(f"#{n} {slug}") for n, (slug, _) in enumerate(rounds, start=1)]
        keys.append(wrapped_key(numbers, width))
    if footer:
        keys.append(plain(footer, "dim"))
    return Group(table, *keys)


# --- svg -------------------------------------------------------------------------------


def save_svg(renderable: RenderableType, path: Path, title: str) -> None:
    """Save what the table shows as an SVG picture, in colour whatever the terminal."""
    from rich.console import Console

    console = Console(
        record=True,
        file=io.StringIO(),
        width=SVG_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.print(renderable)
    try:
        console.save_svg(str(path), title=title)
    except OSError as exc:
        raise InputError(f"cannot write the SVG file {path}: {exc.strerror}") from None
