"""A small negotiation no example uses, for extraction tests: two sides, three topics,
two people with aliases in Latin, Cyrillic and Arabic script."""

from __future__ import annotations

from pathlib import Path

from claimtrack.store import Store, empty_data
from claimtrack.vocab import PEOPLE, SIDES, TOPICS, add_entry, new_person, new_side, new_topic

ARTICLES = Path(__file__).parent / "articles"

VOCABULARY_COMMANDS = (
    ("side", "add", "north", "--name", "Northern Republic", "--alias", "Northern",
     "--alias", "Северной Республики", "--alias", "الشمال"),
    ("side", "add", "south", "--name", "Southern Republic", "--alias", "Southern",
     "--alias", "Южной Республики", "--alias", "الجنوب"),
    ("topic", "add", "troops", "--title", "Troop withdrawal", "--alias", "troops",
     "--alias", "вывода войск", "--alias", "انسحاب القوات"),
    ("topic", "add", "sanctions", "--title", "Sanctions", "--alias", "sanctions",
     "--alias", "санкции", "--alias", "العقوبات"),
    ("topic", "add", "ceasefire", "--title", "Ceasefire", "--alias", "ceasefire",
     "--alias", "перемирии", "--alias", "перемирие", "--alias", "وقف إطلاق النار"),
    ("person", "add", "holloway", "--name", "Jane Holloway", "--side", "north",
     "--alias", "Holloway", "--alias", "Холлоуэй", "--alias", "هولواي"),
    ("person", "add", "petrenko", "--name", "Ivan Petrenko", "--side", "south",
     "--alias", "Petrenko", "--alias", "Петренко", "--alias", "بيترينكو"),
)  # fmt: skip


def memory_store(path: Path) -> Store:
    """The same vocabulary as an in-memory store, for plain calls."""
    store = Store(path, empty_data(), created=True)
    for command in VOCABULARY_COMMANDS:
        table, _, slug, *options = command
        values: dict[str, list[str]] = {}
        for flag, value in zip(options[::2], options[1::2], strict=True):
            values.setdefault(flag, []).append(value)
        aliases = values.get("--alias", [])
        if table == "side":
            add_entry(store, SIDES, new_side(slug, values["--name"][0], aliases))
        elif table == "topic":
            add_entry(store, TOPICS, new_topic(slug, values["--title"][0], None, aliases))
        else:
            record = new_person(
                store, slug, name=values["--name"][0], side=values["--side"][0], aliases=aliases
            )
            add_entry(store, PEOPLE, record)
    return store
