"""export and import: claims and vocabularies in and out, without loss."""

from __future__ import annotations

import codecs
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from claimtrack.claims import ClaimFilter, filter_claims, sort_claims
from claimtrack.commands.common import AppContext, emit, format_option, lines_listing, pass_app
from claimtrack.commands.lookup import claim_filter, claim_listing, filter_options
from claimtrack.errors import InputError
from claimtrack.exchange import (
    BINARY_FORMATS,
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    export_bytes,
    export_format,
    format_for,
    parse,
)
from claimtrack.importing import import_records
from claimtrack.importreport import Action, ImportConflicts, ImportProblems, Report
from claimtrack.output import say
from claimtrack.render import render
from claimtrack.store import MissingStoreError, Store, empty_data

# Below this many records an import is over before a bar would be worth drawing.
PROGRESS_THRESHOLD = 1000


@click.command(name="export")
@filter_options
@format_option(EXPORT_FORMATS, "[default: from --output's extension, else json]")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of stdout; its extension names the format "
    "(.json .jsonl .csv .tsv .md .xlsx .sqlite).",
)
@click.option("--excel", is_flag=True, help="csv: begin with a UTF-8 BOM, for Excel.")
@click.option(
    "--salvage",
    is_flag=True,
    help="From a damaged store, export the records that are whole (json only).",
)
@pass_app
def exchange_export(
    app: AppContext,
    fmt: str | None,
    output: Path | None,
    excel: bool,
    salvage: bool,
    **filters: Any,
) -> None:
    """Export claims: json (a full dump), jsonl, csv, tsv, md, xlsx, sqlite or plover.

    Filters are list's. json, xlsx and sqlite with filters hold the matching claims,
    the sides, topics and rounds they use and the people who speak in them; jsonl,
    csv, tsv, md and plover hold one claim per line. xlsx needs the optional extra:
    pip install 'claimtrack[xlsx]'.

    \b
    Examples:
      claimtrack export --output backup.json
      claimtrack export --side russia --output russia.csv --excel
      claimtrack export --output talks.xlsx
      claimtrack export --output talks.sqlite && datasette talks.sqlite
      claimtrack export --format jsonl | jq -r .text
      claimtrack export --format plover --since 2022-01-01 > events.jsonl
    """
    fmt = export_format(fmt, None if output is None else str(output))
    if excel and fmt != "csv":
        raise InputError(f"--excel applies to csv, not {fmt}")
    if output is None and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise InputError(f"{fmt} is a binary file, not for a terminal", "Give --output FILE")
    if output is not None and output.resolve() == app.db_path.resolve():
        raise InputError(f"{output} is the store itself", "Export to another file")
    store = _salvaged(app, fmt) if salvage else app.read()
    wanted = claim_filter(**filters)
    claims = None if wanted == ClaimFilter() else filter_claims(store, wanted)
    payload = _export_payload(store, fmt, claims)
    if excel:
        payload = codecs.BOM_UTF8 + payload
    if output is None:
        emit(payload, fmt)
        return
    try:
        output.write_bytes(payload)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    say(f"Exported to {output}")


def _export_payload(store: Store, fmt: str, claims: list[dict[str, Any]] | None) -> bytes:
    if fmt in ("tsv", "md"):  # list's formats, for a report or a pipeline
        every = sort_claims(store.records("claims") if claims is None else claims)
        return b"".join(render(claim_listing(every), fmt))
    return export_bytes(store, fmt, claims)


def _salvaged(app: AppContext, fmt: str) -> Store:
    from claimtrack.integrity import salvaged_store

    if fmt != "json":
        raise InputError("--salvage writes json only", "Use --format json")
    store, dropped = salvaged_store(app.db_path)
    if dropped:
        shown = ", ".join(dropped[:10]) + (", …" if len(dropped) > 10 else "")
        say(f"Left out {len(dropped)} damaged record(s): {shown}")
    return store


@click.command(name="import")
@click.argument("source", metavar="FILE|-", type=click.Path(allow_dash=True))
@format_option(
    IMPORT_FORMATS, "json, jsonl or csv [default: from FILE's extension; needed for stdin]."
)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--update", is_flag=True, help="Conflicts: take the file's version.")
@click.option(
    "--skip-conflicts", is_flag=True, help="Conflicts: keep the store's; import the rest."
)
@click.option(
    "--add-missing",
    is_flag=True,
    help="Create the sides, topics and rounds the claims name and the store lacks.",
)
@pass_app
def exchange_import(
    app: AppContext,
    source: str,
    fmt: str | None,
    dry_run: bool,
    update: bool,
    skip_conflicts: bool,
    add_missing: bool,
) -> None:
    """Import claims, sides, topics, rounds and people from a json, jsonl or csv file.

    Everything is checked before anything is written; any problem is listed with its
    line or index and field, and nothing is imported. Records already present and
    identical are skipped. A record whose id (or slug) is in the store with other
    content is a conflict: conflicts refuse the whole import, each one listed,
    unless --update takes the file's version or --skip-conflicts keeps the store's
    and imports the rest.

    csv and jsonl carry no sides, topics or rounds: add them first, or let
    --add-missing create them from their slugs (a round is dated by the earliest of
    its claims).

    \b
    Examples:
      claimtrack import backup.json --dry-run
      claimtrack import russia.csv --add-missing
      claimtrack import colleague.json --update
      curl -s https://example.org/claims.jsonl | claimtrack import - --format jsonl
    """
    if update and skip_conflicts:
        raise click.UsageError("--update and --skip-conflicts exclude each other")
    name = "stdin" if source == "-" else source
    fmt = (fmt or format_for(source) or "").lower()
    if not fmt:
        raise InputError(f"cannot tell the format of {name}", "Give --format json, jsonl or csv")
    incoming = parse(_read_source(source), fmt)

    def run(store: Store, progress: Callable[[int], None] | None) -> Report:
        try:
            return import_records(
                store,
                incoming,
                source=name,
                update=update,
                skip_conflicts=skip_conflicts,
                add_missing=add_missing,
                now=app.now(),
                progress=progress,
            )
        except ImportProblems as exc:
            for problem in exc.problems:
                say(f"{name}: {problem}")
            raise
        except ImportConflicts as exc:
            if dry_run:
                _print_actions(exc.report)
            for action in exc.report.conflicts:
                say(f"{name}: conflict: {_conflict(action)}")
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
        say(f"No store at {app.db_path} yet; importing would create it")
        return Store(app.db_path, empty_data(), created=True)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on stderr for large imports, only when a person is watching."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="Importing", file=sys.stderr) as bar:
        yield bar.update


def _conflict(action: Action) -> str:
    return f"{action.kind} {action.key}: {', '.join(action.differs)} differ"


def _print_actions(report: Report) -> None:
    emit(lines_listing(map(str, report.actions)), "ids")


def _print_report(report: Report, name: str, dry_run: bool) -> None:
    would = "Would add" if dry_run else "Added"
    for kind, slug, said in report.added_missing:
        say(f"{would} missing {kind} {slug}, {said}")
    if dry_run:
        _print_actions(report)
        say(f"Dry run of {name}: {report.summary(dry_run=True)}; nothing was written")
        return
    for action in report.conflicts:
        say(f"Skipped {_conflict(action)}; kept the store's")
    say(f"Imported {name}: {report.summary()}")
