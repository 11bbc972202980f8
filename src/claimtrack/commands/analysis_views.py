"""How the analysis commands show their rows: flat rows for tsv and csv, rich tables, SVG.

rich is imported inside each function, as everywhere in the CLI layer. Store text
reaches rich only as `Text` built from `render.visible()`, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING, Any, Final

from claimtrack.analysis import (
    BOOKKEEPING_FIELDS,
    ClaimIndex,
    Marked,
    Row,
    analytic_claim,
    kinds_of,
    position_label,
    word_changes,
)
from claimtrack.model import CLAIM_FIELDS, KINDS
from claimtrack.positions import Claim, claim_order
from claimtrack.render import Column, cell_text, visible

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from claimtrack.tables import TableView, ViewColumn

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
    Column("days open", "days_open", no_wrap=True, drop=1),
    Column("side", "side", under="to", under_prefix="→ "),
    Column("kind", "kind", under="open_topics", under_prefix="open: "),
    Column("text", "text", under="translation", ratio=1),
)
TIMELINE_COLUMNS: Final = (
    Column("id", "id", no_wrap=True),
    Column("date", "date", under="round", no_wrap=True),
    Column("side", "side", under="to", under_prefix="→ "),
    Column("speaker", "speaker", drop=2),
    Column("kind", "kind", no_wrap=True),
    Column("text", "text", under="translation", ratio=1),
    Column("answers", "answers", drop=1),
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


def _slug_column(header: str, key: str, styles: dict[str, str] | None = None) -> ViewColumn:
    """A column of one slug or status word per row: never wrapped."""
    from claimtrack.tables import ViewColumn

    def cell(row: Row) -> Text:
        return plain(row[key], (styles or {}).get(row[key], ""))

    def texts(rows: Sequence[Row]) -> set[str]:
        return {visible(cell_text(row[key])) for row in rows}

    return ViewColumn(header, "whole", cell, texts)


def diff_table(rows: list[Row], header_a: str, header_b: str, title: str) -> TableView:
    from claimtrack.tables import TableView, ViewColumn

    def cells(row: Row) -> tuple[Text, Text]:
        highlight = row["status"] in ("restated", "reworded")
        return claim_cells(row["a"], row["b"], highlight=highlight)

    columns = [
        _slug_column("side", "side"),
        _slug_column("topic", "topic"),
        _slug_column("status", "status", STATUS_STYLES),
        ViewColumn(visible(header_a), "text", lambda row: cells(row)[0]),
        ViewColumn(visible(header_b), "text", lambda row: cells(row)[1]),
    ]
    return TableView(columns, rows, title=visible(title))


def compare_table(rows: list[Row], header_a: str, header_b: str, title: str) -> TableView:
    from claimtrack.tables import TableView, ViewColumn

    columns = [
        _slug_column("topic", "topic"),
        _slug_column("verdict", "verdict", VERDICT_STYLES),
        ViewColumn(visible(header_a), "text", lambda row: position_cell(row["a"])),
        ViewColumn(visible(header_b), "text", lambda row: position_cell(row["b"])),
    ]
    return TableView(columns, rows, title=visible(title))


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
) -> tuple[bool, bool]:
    """Whether to number the rounds, and whether to date them in the headers.

    The first layout that fits wins: round slugs over numbers, dates in the headers
    over dates in the key. Topics and sides are never folded.
    """
    marks = max((len(row["kinds"]) for row in rows), default=1)
    topic = max([len("topic")] + [len(row["topic"]) for row in rows])
    side = max([len("side")] + [len(row["side"]) for row in rows])
    layouts = [(False, True), (True, True), (True, False)]
    for numbered, dated in layouts:
        rounds_width = sum(
            max(len(f"#{n}" if numbered else slug), len("10 Jan") if dated else 0, marks)
            for n, (slug, _) in enumerate(heads, start=1)
        )
        # a space between two columns, the box's divider (the cells have no padding)
        if topic + side + rounds_width + len(heads) + 1 <= width:
            break
    return numbered, dated


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
    their names (and dates) when that fits `width`; otherwise by numbers #1, #2, ...
    explained under the table, after the kinds. `footer` closes the view.
    """
    from rich.console import Group

    numbered, dated = _matrix_layout(rows, rounds, width)
    cells: dict[str, dict[str, dict[str, list[str]]]] = {}
    for row in rows:
        column = row["round"] if "round" in row else row["period"]
        cells.setdefault(row["topic"], {}).setdefault(row["side"], {})[column] = row["kinds"]
    table = _table(title, show_edge=False, padding=0)
    table.add_column("topic", no_wrap=True)
    table.add_column("side", no_wrap=True)
    for number, ((slug, _), date) in enumerate(zip(rounds, _round_dates(rounds), strict=True), 1):
        header = plain(f"#{number}" if numbered else slug)
        if dated and date:
            header.append(f"\n{date}", "dim")
        table.add_column(header, no_wrap=True)
    for topic, by_side in cells.items():
        for line, side in enumerate(sorted(by_side)):
            marks = [kind_marks(by_side[side].get(slug, [])) for slug, _ in rounds]
            last = line == len(by_side) - 1
            table.add_row(plain("" if line else topic), plain(side), *marks, end_section=last)
    keys = [wrapped_key(_kind_entries(), width)]
    if numbered:
        numbers = [
            plain(f"#{n} {slug}" + ("" if dated or date is None else f" ({date})"))
            for n, (slug, date) in enumerate(rounds, start=1)
        ]
        keys.append(wrapped_key(numbers, width))
    if footer:
        keys.append(plain(footer, "dim"))
    return Group(table, *keys)
