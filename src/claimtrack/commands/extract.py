"""extract: propose claims from an article; review them on a terminal, or pipe jsonl."""

from __future__ import annotations

import copy
import sys
from typing import IO, TYPE_CHECKING, Any

import click

from claimtrack.commands.common import AppContext, emit, pass_app
from claimtrack.commands.completion import complete_rounds
from claimtrack.output import say
from claimtrack.render import Listing

if TYPE_CHECKING:
    from claimtrack.claims import ClaimInput
    from claimtrack.extract.proposals import Proposal
    from claimtrack.store import Store

FORMATS = ("review", "jsonl")
Pairs = list[tuple["Proposal", dict[str, Any]]]


@click.command(name="extract")
@click.argument("article", type=click.File("rb"), metavar="FILE|-")
@click.option("--published", metavar="DATE", help="When it was published [default: its dateline].")
@click.option("--source", metavar="OUTLET", help="The outlet, e.g. TASS.")
@click.option("--url", metavar="URL", help="Where the article is (http or https).")
@click.option(
    "--round",
    "-r",
    "round_",
    metavar="ROUND",
    help="The round every claim belongs to.",
    shell_complete=complete_rounds,
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="review (one by one, on a terminal) or jsonl for `claimtrack import` "
    "[default: review on a terminal, jsonl otherwise].",
)
@click.option(
    "--include-duplicates",
    is_flag=True,
    help="Also propose passages a stored claim of the same day already records.",
)
@pass_app
def extract_command(
    app: AppContext,
    article: IO[bytes],
    published: str | None,
    source: str | None,
    url: str | None,
    round_: str | None,
    fmt: str | None,
    include_duplicates: bool,
) -> None:
    """Propose claims from an article (Arabic, Russian or English) for review.

    FILE is plain text or an HTML page saved from a browser. Each quotation and each
    sentence built on a reporting verb ("said", "заявил", "قال") becomes a proposed
    claim with its speaker, side, attribution, kind, topics and date filled in from
    the store's people, sides and topics. On a terminal you review each one as with
    `git add -p` (y record, n skip, e edit a field, q stop); the accepted claims are
    recorded together at the end. In a pipe the proposals are jsonl that
    `claimtrack import` takes. Proposals a stored claim already records are skipped.

    \b
    Examples:
      claimtrack extract article.txt --source TASS
      claimtrack extract page.html --published 2022-01-21 --format jsonl > claims.jsonl
      claimtrack extract article.txt | claimtrack import --format jsonl -
    """
    from claimtrack.extract.proposals import claim_fields, mark_duplicates

    store = app.read()
    proposals = mark_duplicates(
        _proposals(store, article.read(), published, source, url, round_),
        store.records("claims"),
    )
    pairs = [(p, claim_fields(p)) for p in proposals]
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if (fmt or ("review" if interactive else "jsonl")).lower() == "jsonl":
        _write_jsonl(pairs, include_duplicates)
    else:
        _review(app, store, pairs, include_duplicates)


def _proposals(
    store: Store,
    raw: bytes,
    published: str | None,
    source: str | None,
    url: str | None,
    round_: str | None,
) -> list[Proposal]:
    from claimtrack.dates import parse_date
    from claimtrack.errors import InputError
    from claimtrack.extract.article import article_text, dateline
    from claimtrack.extract.names import Vocabulary
    from claimtrack.extract.proposals import propose
    from claimtrack.model import check_text, check_url
    from claimtrack.vocab import ROUNDS, resolve

    text = article_text(raw)
    day = parse_date(published) if published else dateline(text)
    if day is None:
        raise InputError(
            "the article has no dateline to take the publication date from",
            "Give it with --published DATE",
        )
    return propose(
        text,
        Vocabulary.of(store),
        published=day,
        source=check_text(source, "source") if source else None,
        url=check_url(url) if url else None,
        round_=resolve(store, ROUNDS, round_) if round_ else None,
    )


def _write_jsonl(pairs: Pairs, include_duplicates: bool) -> None:
    lines: list[dict[str, Any]] = []
    duplicates, incomplete = 0, 0
    for proposal, fields in pairs:
        if proposal.duplicate_of and not include_duplicates:
            duplicates += 1
        elif proposal.missing:
            incomplete += 1
        else:
            lines.append(fields)
    emit(Listing(lines, (), ()), "jsonl")
    message = f"Proposed {len(lines)} claim{'s' if len(lines) != 1 else ''}"
    if duplicates:
        message += f"; skipped {duplicates} already in the store"
    if incomplete:
        message += (
            f"; left out {incomplete} without a side or topic "
            "(review them on a terminal: claimtrack extract FILE)"
        )
    say(message)


def _review(app: AppContext, store: Store, pairs: Pairs, include_duplicates: bool) -> None:
    from claimtrack.claims import record_claim
    from claimtrack.extract.review import Review, review
    from claimtrack.store import Store

    scratch = Store(store.path, copy.deepcopy(store.data))  # accepting checks a claim here

    def check(fields: dict[str, Any]) -> None:
        record_claim(scratch, claim_input(fields), app.now())

    loop = Review(
        ask=_ask,
        show=click.echo,  # the dialogue itself, on the terminal (describe made it visible)
        check=check,
        complete=lambda fields: _complete(store, fields),
    )
    accepted = review(pairs, loop, include_duplicates=include_duplicates)
    if not accepted:
        say("Recorded nothing")
        return
    with app.write("extract", create=False) as target:
        ids = [record_claim(target, claim_input(fields), app.now())["id"] for fields in accepted]
    say(f"Recorded {len(ids)} claim{'s' if len(ids) != 1 else ''}: {', '.join(ids)}")


def _ask(prompt: str) -> str | None:
    try:
        answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix="")
    except click.Abort:  # end of input (Ctrl-D): stop, as `git add -p` does
        click.echo()
        return None
    return answer


def _complete(store: Store, fields: dict[str, Any]) -> dict[str, Any]:
    """A speaker edited to a known person's alias shows their name, and their side if none."""
    from claimtrack.vocab import find_person

    person = find_person(store, fields["speaker"]) if fields.get("speaker") else None
    if person is None:
        return {}
    return {"speaker": person["name"], "side": fields.get("side") or person["side"]}


def claim_input(fields: dict[str, Any]) -> ClaimInput:
    from claimtrack.claims import ClaimInput

    return ClaimInput(**fields)
