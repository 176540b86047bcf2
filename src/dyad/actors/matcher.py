"""Find actor names in text: one Aho-Corasick automaton over folded text, longest match wins.

Every name dyad knows (countries in every language, abbreviations, demonyms, capitals,
epithets, IGOs, named bodies and groups, leaders, role words, the ambiguous names of
`ambiguity.tsv`, user dictionaries) becomes one pattern over accent- and case-folded text.
A hit counts when it stands on word boundaries and when the original text agrees with
the name's case rule: case-exact names ("US", "ROK") only as written; capitalised names
("Turkey", "Jordan", "Obama") only with an initial capital. Overlapping hits are resolved
longest-first, so "Dominican Republic" never reaches "Dominica" nor "Papua New Guinea" "Guinea".

The matcher is built from a `NameTable`: plain strings and tuples, which the compiled-tables
cache (dyad.cache) stores and reads back quickly; a name's `Entry` objects are made the first
time the name is found, so start-up does not build some 40,000 of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

import ahocorasick_rs

from dyad.resources import ActorName, Leader, Resources
from dyad.text.normalize import fold, fold_key

# Which source wins when one name means several actors: the user's, curated facts, then ISO, then CLDR.
_SOURCE_RANK = {"ambiguity": 0, "curated": 1, "iso3166": 2, "geonames": 3, "cldr": 4, "countrynames": 5}
_KIND_RANK = {
    "ambiguous": 0,
    "seat": 0,
    "igo": 0,
    "ngo": 0,
    "group": 0,
    "organisation": 0,
    "leader": 1,
    "country": 2,
}


_TEXT_LANGS = {"en", "es", "de", "fr", "pt", "und"}
_LOOSE_SOURCES = {"cldr", "countrynames"}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched name may denote."""

    name: ActorName | None
    leaders: tuple[Leader, ...] = ()
    exact: str | None = None  # the only capitalisation that counts, for case-exact names
    cap: bool = False  # counts only when the text starts it with a capital


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]
    unique: bool = True  # the best source gives this name one code only


# An entry as plain data: (ActorName's fields or None, each Leader's fields, exact, cap).
EntryRow = tuple[tuple[Any, ...] | None, tuple[tuple[Any, ...], ...], str | None, bool]
_NAME_FIELDS = tuple(f.name for f in fields(ActorName))
_LEADER_FIELDS = tuple(f.name for f in fields(Leader))


@dataclass(frozen=True, slots=True)
class NameTable:
    """The matcher's compiled form: every folded name, its entries (best first) and whether its
    best source gives it one code only. Plain data, cheap to pickle and to read back."""

    keys: tuple[str, ...]
    rows: tuple[tuple[EntryRow, ...], ...]
    unique: tuple[bool, ...]


class NameMatcher:
    """Built once from a `NameTable`; `find(text)` is pure and thread-safe."""

    def __init__(self, table: NameTable):
        self._keys = table.keys
        self._rows = table.rows
        self._unique = table.unique
        self._entries: dict[int, tuple[Entry, ...]] = {}  # made from `_rows` on a name's first hit
        self._automaton = ahocorasick_rs.AhoCorasick(list(self._keys), matchkind=ahocorasick_rs.MatchKind.Standard)

    @classmethod
    def from_resources(cls, resources: Resources, extra_names: Iterable[ActorName] = ()) -> NameMatcher:
        return cls(name_table(resources, extra_names))

    @property
    def size(self) -> int:
        """How many distinct folded names the automaton holds."""
        return len(self._keys)

    def find(self, text: str) -> list[Hit]:
        folded = text.lower() if text.isascii() else text.translate(_FOLD)
        candidates = []
        for idx, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if not _on_boundaries(folded, start, end):
                continue
            entries = tuple(e for e in self._entries_of(idx) if _case_ok(e, text, start, end))
            if entries:
                candidates.append(Hit(start, end, entries, self._unique[idx]))
        return _longest_first(candidates)

    def _entries_of(self, idx: int) -> tuple[Entry, ...]:
        found = self._entries.get(idx)
        if found is None:
            found = self._entries[idx] = tuple(_entry(row) for row in self._rows[idx])
        return found


def name_table(resources: Resources, extra_names: Iterable[ActorName] = ()) -> NameTable:
    """Every name dyad knows (and `extra_names`), folded, with what it may denote, best first."""
    table: dict[str, list[Entry]] = {}
    for amb in resources.ambiguity.values():
        name = ActorName(
            amb.name,
            amb.senses[0],
            None,
            None,
            "ambiguous",
            "und",
            False,
            "ambiguity",
            cap_case=amb.name[:1].isupper(),
        )
        # an acronym ("EU") matches only as written: "eu" is a word of its own in Portuguese and French
        exact = amb.name if amb.name.isupper() else None
        table.setdefault(fold_key(amb.name), []).append(Entry(name, exact=exact, cap=name.cap_case))
    for name in (*resources.actor_names, *extra_names):
        key = fold_key(name.name)
        if key in resources.ambiguity and not name.source.startswith("user:"):
            continue  # ambiguity.tsv decides what this name means
        table.setdefault(key, []).append(
            Entry(name, exact=name.name if name.exact_case else None, cap=name.cap_case)
        )
    by_leader_name: dict[str, list[Leader]] = {}
    for leader in resources.leaders:
        for alias in (leader.name, *leader.aliases):
            if _usable_leader_name(alias) or (alias in leader.aliases and alias[:1].isupper()):
                by_leader_name.setdefault(alias, []).append(leader)
    for alias, leaders in by_leader_name.items():
        # Leader names match only as written with capitals: "Bush" the president, not "bush".
        exact = alias if " " not in alias and alias[:1].isupper() else None
        table.setdefault(fold_key(alias), []).append(
            Entry(None, tuple(leaders), exact, cap=alias[:1].isupper())
        )
    for entries in table.values():
        entries.sort(key=_entry_rank)
    shared: dict[Any, Any] = {}  # one object per equal value: a smaller pickle, read back faster
    return NameTable(
        keys=tuple(table),
        rows=tuple(tuple(_entry_row(e, shared) for e in entries) for entries in table.values()),
        unique=tuple(_unique(tuple(entries)) for entries in table.values()),
    )


def _entry_row(entry: Entry, shared: dict[Any, Any]) -> EntryRow:
    def plain(obj: object, names: tuple[str, ...]) -> tuple[Any, ...]:
        values = tuple(shared.setdefault(v, v) if isinstance(v, str) else v for v in (getattr(obj, n) for n in names))
        return shared.setdefault(values, values)  # type: ignore[no-any-return]

    name = plain(entry.name, _NAME_FIELDS) if entry.name is not None else None
    return (name, tuple(plain(leader, _LEADER_FIELDS) for leader in entry.leaders), entry.exact, entry.cap)


def _entry(row: EntryRow) -> Entry:
    name, leaders, exact, cap = row
    return Entry(
        ActorName(*name) if name is not None else None,
        tuple(Leader(*fields_) for fields_ in leaders),
        exact,
        cap,
    )


class _FoldTable(dict[int, str]):
    """`str.translate` table folding like `dyad.text.normalize.fold`, one character for one, filled lazily."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def _unique(entries: tuple[Entry, ...]) -> bool:
    first = entries[0].name
    if first is None:
        return True
    return len({e.name.code for e in entries if e.name is not None and e.name.source == first.source}) == 1


def _case_ok(entry: Entry, text: str, start: int, end: int) -> bool:
    if entry.exact is not None:
        return text[start:end] == entry.exact
    name = entry.name
    if (
        name is not None
        and name.lang not in _TEXT_LANGS
        and name.source in _LOOSE_SOURCES
        and text[start:end].isupper()
    ):
        return False  # "SIPRI" is an acronym, not Sango for Cyprus
    if entry.cap:
        return not text[start].islower()
    return True


def _usable_leader_name(name: str) -> bool:
    # One-word surnames shorter than four letters ("Kim", "Lee") are too ambiguous on their own; a short
    # alias curated for one leader ("Xi", "MBS") is the curator's word that it names that leader, and matches
    # as written.
    return len(name) >= 4 and (" " in name or name[:1].isupper())


def _entry_rank(entry: Entry) -> tuple[int, int, int]:
    if entry.name is None:
        return (1, _KIND_RANK["leader"], 0)
    user = 0 if entry.name.source.startswith("user:") else 1
    return (user, _KIND_RANK.get(entry.name.kind, 2), _SOURCE_RANK.get(entry.name.source, 6))


def _on_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    # "U.S." ends in a stop; "Korea-" in "Korea-based" is still Korea.
    return True


def _longest_first(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: list[Hit] = []
    for hit in hits:
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    taken.sort(key=lambda h: h.start)
    return taken
