"""The vocabulary commands (side, topic, round, person), built from one description each.

A vocabulary's fields are described once (`EntryField`); its add and edit options,
their help and the groups' list and rm commands follow from that description, so
that the four groups cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import click

from claimtrack.commands.common import AppContext, emit, format_options, pass_app, stack
from claimtrack.commands.completion import COMPLETERS, Completer
from claimtrack.model import VOCAB_FIELDS
from claimtrack.output import say
from claimtrack.render import Column, Listing
from claimtrack.store import Store
from claimtrack.vocab import Vocabulary, add_entry, edit_entry, entries, remove_entry

Builder = Callable[..., dict[str, Any]]  # (store, slug, **fields) -> the new entry


@dataclass(frozen=True)
class EntryField:
    """One field of a vocabulary entry, as `add` and `edit` take it."""

    name: str  # the entry's key and the option's parameter: "name", "parties"
    help: str  # add's help: what the field holds
    required: bool = False  # add must be given it
    metavar: str | None = None
    complete: Completer | None = None
    # A list field: the name of one item ("alias", "party"). add's --ITEM repeats;
    # edit's --ITEM adds one and --drop-ITEM removes one.
    item: str | None = None
    short: str | None = None  # e.g. "-a"
    change_help: str | None = None  # edit's help when "A new NAME." does not say it

    def add_option(self) -> Callable[[Any], Any]:
        return self._option(self.item or self.name, self.name, self.help, self.required)

    def edit_options(self) -> list[Callable[[Any], Any]]:
        if self.item is None:
            return [self._option(self.name, self.name, self.change_help or f"A new {self.name}.")]
        one = f"{'an' if self.item[0] in 'aeiou' else 'a'} {self.item}"
        return [
            self._option(self.item, self.name, f"Add {one}."),
            self._option(f"drop-{self.item}", f"drop_{self.name}", f"Remove {one}.", short=False),
        ]

    def _option(
        self, flag: str, name: str, help: str, required: bool = False, *, short: bool = True
    ) -> Callable[[Any], Any]:
        flags = [f"--{flag}"] + ([self.short] if short and self.short else [])
        return click.option(
            *flags,
            name,
            required=required,
            multiple=self.item is not None,
            metavar=self.metavar or ("TEXT" if self.item else None),
            help=help,
            shell_complete=self.complete,
        )


ALIASES = EntryField("aliases", "Another name; repeat.", item="alias", short="-a")


@dataclass(frozen=True)
class VocabularyCommands:
    """What a vocabulary's command group needs besides its fields' descriptions."""

    vocab: Vocabulary
    about: str  # the group's help
    fields: Sequence[EntryField]
    build: Builder
    add_example: str  # continuation lines indented by four more spaces
    edit_example: str
    columns: Sequence[Column]

    def listing(self, records: list[dict[str, Any]]) -> Listing:
        """Entries for `emit`: every field in tsv and csv, `columns` in tables."""
        return Listing(records, VOCAB_FIELDS[self.vocab.table], self.columns, id_key="slug")


def vocabulary_group(commands: VocabularyCommands) -> click.Group:
    """The group `claimtrack KIND` with add, edit, list and rm."""
    group = click.Group(name=commands.vocab.kind, help=commands.about)
    for make in (add_command, edit_command, list_command, rm_command):
        group.add_command(make(commands))
    return group


def add_command(commands: VocabularyCommands) -> click.Command:
    vocab = commands.vocab
    help = (
        f"Add a {vocab.kind}. SLUG is lowercase a-z, 0-9 and '-'.\n\n\b\nExample:\n"
        f"  {commands.add_example}".replace("\n    ", "\n  ")
    )

    @click.command(name="add", help=help)
    @click.argument("slug")
    @stack(*(field.add_option() for field in commands.fields))
    @pass_app
    def vocab_add(app: AppContext, slug: str, **fields: Any) -> None:
        with app.write(f"{vocab.kind} add") as store:
            record = add_entry(store, vocab, commands.build(store, slug, **fields))
        say(f"Added {vocab.kind} {record['slug']}")

    return vocab_add


def edit_command(commands: VocabularyCommands) -> click.Command:
    vocab = commands.vocab
    lists = [field.name for field in commands.fields if field.item is not None]
    *others, last = (field.name for field in commands.fields)
    summary = f"Change a {vocab.kind}'s {', '.join(others)} or {last} (its slug never changes)."
    help = f"{summary}\n\n\b\nExample:\n  {commands.edit_example}"

    @click.command(name="edit", help=help)
    @click.argument("slug", shell_complete=COMPLETERS[vocab.kind])
    @stack(*(option for field in commands.fields for option in field.edit_options()))
    @click.option(
        "--clear",
        multiple=True,
        type=click.Choice(vocab.optional_fields),
        help="Empty an optional field; repeat.",
    )
    @pass_app
    def vocab_edit(app: AppContext, slug: str, clear: tuple[str, ...], **options: Any) -> None:
        add = {name: options.pop(name) for name in lists}
        drop = {name: options.pop(f"drop_{name}") for name in lists}
        with app.write(f"{vocab.kind} edit", create=False) as store:
            record = edit_entry(store, vocab, slug, options, add=add, drop=drop, clear=clear)
        say(f"Updated {vocab.kind} {record['slug']}")

    return vocab_edit


def list_command(commands: VocabularyCommands) -> click.Command:
    kind = commands.vocab.kind
    order = "in date order" if kind == "round" else "by slug"

    @click.command(
        name="list",
        help=f"List every {kind}, {order}.\n\n\b\nExample:\n  claimtrack {kind} list --format json",
    )
    @format_options()
    @pass_app
    def vocab_list(app: AppContext, fmt: str | None, raw: bool) -> None:
        emit(commands.listing(entries(app.read(), commands.vocab)), fmt, raw=raw)

    return vocab_list


def rm_command(commands: VocabularyCommands) -> click.Command:
    vocab = commands.vocab
    users = "claim, round or person" if vocab.kind == "side" else "claim"

    @click.command(
        name="rm",
        help=f"Remove a {vocab.kind}; refused while any {users} uses it.\n\n\b\nExample:\n"
        f"  claimtrack {vocab.kind} rm SLUG",
    )
    @click.argument("slug", shell_complete=COMPLETERS[vocab.kind])
    @pass_app
    def vocab_rm(app: AppContext, slug: str) -> None:
        with app.write(f"{vocab.kind} rm", create=False) as store:
            removed = remove_entry(store, vocab, slug)
        say(f"Removed {vocab.kind} {removed}")

    return vocab_rm


def built_without_store(build: Callable[..., dict[str, Any]]) -> Builder:
    """A builder that needs no store (sides, topics) in the shape `add` calls."""

    def with_store(store: Store, slug: str, **fields: Any) -> dict[str, Any]:
        return build(slug, **fields)

    return with_store
