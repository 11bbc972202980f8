"""Sides, topics and rounds: the vocabularies claims are recorded against.

People (who speaks for a side) are a vocabulary too: `record --speaker` and
`extract` recognise a person by any alias and store the display name.

Each entry has a slug and aliases in any script; wherever one is taken, the slug or
any alias works, case-insensitively and (through `textmatch.fold`) whatever the
Arabic spelling variant. A typo is an error naming the closest entries, never a
new entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrack.dates import parse_date
from claimtrack.errors import InputError, NotFoundError
from claimtrack.model import check_aliases, check_slug, check_text
from claimtrack.store import Store
from claimtrack.textmatch import fold


@dataclass(frozen=True)
class Vocabulary:
    kind: str  # singular, as the user types it: "side"
    table: str
    label: str  # the field that names an entry: "name" or "title"
    add_example: str  # what `claimtrack <kind> add SLUG` needs besides the slug
    optional_fields: tuple[str, ...]  # what `edit --clear` may empty


SIDES = Vocabulary("side", "sides", "name", "--name ...", ("aliases",))
TOPICS = Vocabulary("topic", "topics", "title", "--title ...", ("description", "aliases"))
ROUNDS = Vocabulary(
    "round",
    "rounds",
    "name",
    "--date ... --name ...",
    ("end", "venue", "parties", "note", "aliases"),
)
PEOPLE = Vocabulary("person", "people", "name", "--name ... --side ...", ("role", "aliases"))
VOCABULARIES = {v.kind: v for v in (SIDES, TOPICS, ROUNDS)}
BY_TABLE = {v.table: v for v in (SIDES, TOPICS, ROUNDS, PEOPLE)}


def _index(store: Store, vocab: Vocabulary) -> dict[str, str]:
    """Folded slug or alias -> slug, built once per store until it changes."""
    cache_key = f"vocab-index:{vocab.table}"
    index: dict[str, str] | None = store.cache.get(cache_key)
    if index is None:
        index = {}
        for record in store.records(vocab.table):
            for name in (record["slug"], *record.get("aliases", [])):
                index.setdefault(fold(name), record["slug"])
        store.cache[cache_key] = index
    return index


def resolve(store: Store, vocab: Vocabulary, text: str) -> str:
    """The slug that `text` names, by slug or alias; an unknown name is an error."""
    index = _index(store, vocab)
    slug = index.get(fold(text))
    if slug is not None:
        return slug
    raise unknown_entry_error(vocab, text, index)


def resolve_all(store: Store, vocab: Vocabulary, texts: Iterable[str]) -> list[str]:
    slugs: list[str] = []
    for text in texts:
        slug = resolve(store, vocab, text)
        if slug not in slugs:
            slugs.append(slug)
    return slugs


def unknown_entry_error(vocab: Vocabulary, text: str, index: dict[str, str]) -> NotFoundError:
    import difflib  # only for this message: not worth importing on every start

    close = difflib.get_close_matches(fold(text), list(index), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(index[name] for name in close))[:3]
    message = f"unknown {vocab.kind} '{text}'"
    if suggestions:
        message += f" (did you mean: {', '.join(suggestions)}?)"
    try:
        slug = check_slug(text, vocab.kind)
        add = f"claimtrack {vocab.kind} add {slug} {vocab.add_example}"
    except InputError:
        add = f"claimtrack {vocab.kind} add SLUG {vocab.add_example} --alias '{text}'"
    return NotFoundError(message, f"Add it with: {add}")


def entries(store: Store, vocab: Vocabulary) -> list[dict[str, Any]]:
    """All entries, rounds in date order, sides and topics by slug."""
    records = store.records(vocab.table)
    if vocab is ROUNDS:
        return sorted(records, key=lambda r: (r["date"], r["slug"]))
    return sorted(records, key=lambda r: r["slug"])


def get_entry(store: Store, vocab: Vocabulary, text: str) -> dict[str, Any]:
    record = store.get(vocab.table, resolve(store, vocab, text))
    assert record is not None
    return record


# --- building entries from what the user typed -----------------------------------------


def new_side(slug: str, name: str, aliases: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "slug": check_slug(slug, "side"),
        "name": check_text(name, "name", required=True),
        "aliases": check_aliases(aliases),
    }


def new_topic(
    slug: str, title: str, description: str | None = None, aliases: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        "slug": check_slug(slug, "topic"),
        "title": check_text(title, "title", required=True),
        "description": check_text(description, "description") if description else None,
        "aliases": check_aliases(aliases),
    }


def new_round(
    store: Store,
    slug: str,
    *,
    name: str,
    date: str,
    end: str | None = None,
    venue: str | None = None,
    parties: Sequence[str] = (),
    note: str | None = None,
    aliases: Sequence[str] = (),
) -> dict[str, Any]:
    record = {
        "slug": check_slug(slug, "round"),
        "name": check_text(name, "name", required=True),
        "date": parse_date(date),
        "end": parse_date(end) if end else None,
        "venue": check_text(venue, "venue") if venue else None,
        "parties": resolve_all(store, SIDES, parties),
        "note": check_text(note, "note") if note else None,
        "aliases": check_aliases(aliases),
    }
    _check_round_dates(record)
    return record


def new_person(
    store: Store,
    slug: str,
    *,
    name: str,
    side: str,
    role: str | None = None,
    aliases: Sequence[str] = (),
) -> dict[str, Any]:
    return {
        "slug": check_slug(slug, "person"),
        "name": check_text(name, "name", required=True),
        "side": resolve(store, SIDES, side),
        "role": check_text(role, "role") if role else None,
        "aliases": check_aliases(aliases),
    }


def find_person(store: Store, text: str) -> dict[str, Any] | None:
    """The person `text` names by slug, display name or alias; None for free text."""
    index = _index(store, PEOPLE)
    slug = index.get(fold(text))
    if slug is None:
        by_name = {fold(p["name"]): p["slug"] for p in store.records(PEOPLE.table)}
        slug = by_name.get(fold(text))
    return store.get(PEOPLE.table, slug) if slug is not None else None


def person_names(store: Store, text: str) -> list[str]:
    """Every folded name of the person `text` names, or just `text` for a free-text speaker."""
    person = find_person(store, text)
    if person is None:
        return [fold(text)]
    return [fold(name) for name in (person["name"], person["slug"], *person["aliases"])]


def _check_round_dates(record: dict[str, Any]) -> None:
    if record["end"] is not None and record["end"] < record["date"]:
        raise InputError(
            f"round '{record['slug']}' ends ({record['end']}) before it starts ({record['date']})"
        )


# --- changing the vocabulary ---------------------------------------------------------


def add_entry(store: Store, vocab: Vocabulary, record: dict[str, Any]) -> dict[str, Any]:
    slug = record["slug"]
    if store.get(vocab.table, slug) is not None:
        raise InputError(
            f"{vocab.kind} '{slug}' already exists",
            f"Change it with: claimtrack {vocab.kind} edit {slug}",
        )
    _check_names_free(store, vocab, record)
    store.insert(vocab.table, slug, record)
    return record


def edit_entry(
    store: Store,
    vocab: Vocabulary,
    text: str,
    changes: dict[str, str | None],
    *,
    add: dict[str, Sequence[str]] | None = None,
    drop: dict[str, Sequence[str]] | None = None,
    clear: Sequence[str] = (),
) -> dict[str, Any]:
    """Change an entry's fields; its slug never changes (claims refer to it).

    `changes` sets text fields (dates are parsed); `add` and `drop` change list
    fields (aliases, a round's parties); `clear` empties optional fields.
    """
    record = get_entry(store, vocab, text)
    for name in clear:
        if name not in vocab.optional_fields:
            raise InputError(
                f"cannot clear '{name}' of a {vocab.kind}",
                f"Clearable: {', '.join(vocab.optional_fields)}",
            )
        record[name] = [] if isinstance(record[name], list) else None
    for name, value in changes.items():
        if value is None:
            continue
        if name in ("date", "end"):
            record[name] = parse_date(value)
        elif vocab is PEOPLE and name == "side":
            record[name] = resolve(store, SIDES, value)
        else:
            record[name] = check_text(value, name, required=name == vocab.label)
    for name in set(add or {}) | set(drop or {}):
        record[name] = _edit_list(
            store, vocab, record, name, (add or {}).get(name, ()), (drop or {}).get(name, ())
        )
    if vocab is ROUNDS:
        _check_round_dates(record)
    _check_names_free(store, vocab, record)
    store.replace(vocab.table, record["slug"], record)
    return record


def _edit_list(
    store: Store,
    vocab: Vocabulary,
    record: dict[str, Any],
    name: str,
    additions: Sequence[str],
    removals: Sequence[str],
) -> list[str]:
    if name == "parties":
        additions = resolve_all(store, SIDES, additions)
        removals = resolve_all(store, SIDES, removals)
    current: list[str] = record[name]
    present = {fold(item) for item in current}
    for item in removals:
        if fold(item) not in present:
            singular = {"aliases": "alias", "parties": "party"}.get(name, name)
            raise InputError(f"{vocab.kind} '{record['slug']}' has no {singular} '{item}'")
    dropped = {fold(item) for item in removals}
    kept = [item for item in current if fold(item) not in dropped]
    if name == "aliases":
        return check_aliases([*kept, *additions])
    return list(dict.fromkeys([*kept, *additions]))


def _check_names_free(store: Store, vocab: Vocabulary, record: dict[str, Any]) -> None:
    """An alias may name only one entry, or resolving it would be a guess."""
    index = _index(store, vocab)
    for name in (record["slug"], *record["aliases"]):
        owner = index.get(fold(name))
        if owner is not None and owner != record["slug"]:
            raise InputError(f"'{name}' already names {vocab.kind} '{owner}'")


def remove_entry(store: Store, vocab: Vocabulary, text: str) -> str:
    slug = resolve(store, vocab, text)
    users = entry_users(store, vocab, slug)
    if users:
        shown = ", ".join(users[:5]) + (f" and {len(users) - 5} more" if len(users) > 5 else "")
        raise InputError(
            f"{vocab.kind} '{slug}' is still used by {shown}",
            "Change or remove those first",
        )
    store.delete(vocab.table, slug)
    return slug


def entry_users(store: Store, vocab: Vocabulary, slug: str) -> list[str]:
    """What refers to an entry, as 'claim ID', 'round SLUG' and 'person SLUG' labels."""
    if vocab is PEOPLE:
        person = store.get(PEOPLE.table, slug)
        name = person["name"] if person else None
        return [f"claim {c['id']}" for c in store.records("claims") if c["speaker"] == name]
    users = []
    for claim in store.records("claims"):
        if vocab is SIDES:
            used = claim["side"] == slug or slug in claim["to"]
        else:
            used = slug in claim["topics"] if vocab is TOPICS else claim[vocab.kind] == slug
        if used:
            users.append(f"claim {claim['id']}")
    if vocab is SIDES:
        users += [f"round {r['slug']}" for r in store.records("rounds") if slug in r["parties"]]
        users += [f"person {p['slug']}" for p in store.records("people") if p["side"] == slug]
    return users
