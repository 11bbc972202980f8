"""export and import: claims and vocabularies in and out, without loss."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from claimtrack.claims import ClaimFilter, filter_claims
from claimtrack.commands.claims import claim_filter, filter_options
from claimtrack.commands.common import AppContext, pass_app
from claimtrack.errors import InputError
from claimtrack.exchange import EXPORT_FORMATS, IMPORT_FORMATS, export_bytes, format_for, parse
from claimtrack.importing import ImportProblems, Report, import_records
from claimtrack.render import visible
from claimtrack.store import MissingStoreError, Store, empty_data

# Below this many records an import is over before a bar would be worth drawing.
PROGRESS_THRESHOLD = 1000


@click.command(name="export")
@filter_options
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    help="json (the default, or from --output's extension), jsonl, csv or plover.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of stdout.",
)
@click.option(
    "--salvage",
    is_flag=True,
    help="From a damaged store, export the records that are whole (json only).",
)
@pass_app
def exchange_export(
    app: AppContext, fmt: str | None, output: Path | None, salvage: bool, **filters: Any
) -> None:
    """Export claims: json (without filters, a full dump), jsonl, csv or plover.

    Filters are list's. json with filters holds the matching claims and the sides,
    topics and rounds they use; jsonl, csv and plover hold one claim per line.

    \b
    Examples:
      claimtrack export --output backup.json
      claimtrack export --side russia --format csv --output russia.csv
      claimtrack export --format jsonl | jq -r .text
      claimtrack export --format plover --since 2022-01-01 > events.jsonl
    """
    fmt = (fmt or (format_for(output.name) if output else None) or "json").lower()
    store = _salvaged(app, fmt) if salvage else app.read()
    wanted = claim_filter(**filters)
    claims = None if wanted == ClaimFilter() else filter_claims(store, wanted)
    payload = export_bytes(store, fmt, claims)
    if output is None:
        click.echo(payload, nl=False)
        return
    if output.resolve() == app.db_path.resolve():
        raise InputError(f"{output} is the store itself", "Export to another file")
    try:
        output.write_bytes(payload)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"Exported to {output}", err=True)


def _salvaged(app: AppContext, fmt: str) -> Store:
    from claimtrack.integrity import salvaged_store

    if fmt != "json":
        raise InputError("--salvage writes json only", "Use --format json")
    store, dropped = salvaged_store(app.db_path)
    if dropped:
        shown = ", ".join(dropped[:10]) + (", …" if len(dropped) > 10 else "")
        click.echo(f"Left out {len(dropped)} damaged record(s): {visible(shown)}", err=True)
    return store


@click.command(name="import")
@click.argument("source", metavar="FILE|-", type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(IMPORT_FORMATS, case_sensitive=False),
    help="json, jsonl or csv [default: from FILE's extension; needed for stdin].",
)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--update", is_flag=True, help="Replace records that differ with the file's.")
@pass_app
def exchange_import(
    app: AppContext, source: str, fmt: str | None, dry_run: bool, update: bool
) -> None:
    """Import claims, sides, topics and rounds from a json, jsonl or csv file.

    Everything is checked before anything is written; any problem is listed with its
    line or index and field, and nothing is imported. Records already present and
    identical are skipped; ones that differ are conflicts, left alone unless --update.

    \b
    Examples:
      claimtrack import backup.json --dry-run
      claimtrack import russia.csv
      claimtrack import colleague.json --update
      curl -s https://example.org/claims.jsonl | claimtrack import - --format jsonl
    """
    name = "stdin" if source == "-" else source
    fmt = (fmt or format_for(source) or "").lower()
    if not fmt:
        raise InputError(f"cannot tell the format of {name}", "Give --format json, jsonl or csv")
    incoming = parse(_read_source(source), fmt)

    def run(store: Store, progress: Callable[[int], None] | None) -> Report:
        try:
            return import_records(
                store, incoming, source=name, update=update, now=app.now(), progress=progress
            )
        except ImportProblems as exc:
            for problem in exc.problems:
                click.echo(visible(f"{name}: {problem}"), err=True)
            raise

    with _progress(len(incoming)) as progress:
        if dry_run:
            report = run(_store_for_dry_run(app), progress)
        else:
            with app.write("import") as store:
                report = run(store, progress)
    _print_report(report, name, dry_run)


def _read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}") from None


def _store_for_dry_run(app: AppContext) -> Store:
    try:
        return app.read()
    except MissingStoreError:
        click.echo(f"No store at {app.db_path} yet; importing would create it", err=True)
        return Store(app.db_path, empty_data(), created=True)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on stderr for large imports, only when a person is watching."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="Importing", file=sys.stderr) as bar:
        yield bar.update


def _print_report(report: Report, name: str, dry_run: bool) -> None:
    if dry_run:
        for action in report.actions:
            click.echo(str(action))
        click.echo(
            f"Dry run of {name}: {report.summary(dry_run=True)}; nothing was written", err=True
        )
        return
    for action in report.conflicts:
        click.echo(
            f"Conflict: {action.kind} {action.key} differs in {', '.join(action.differs)}; "
            "kept the store's (--update takes the file's)",
            err=True,
        )
    click.echo(f"Imported {name}: {report.summary()}", err=True)
