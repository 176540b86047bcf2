"""Find the names of confusable places, and the cues that point to them, in a text.

One Aho-Corasick automaton over folded text (offsets carry over), word boundaries, longest
match first, as the actor matcher does; abbreviations count only as written and a name
written with a capital counts only when the text has one too ("Georgia", not "georgia").
An office holder's surname counts only after a title ("President Tinubu", "el canciller Tuggar").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs

from dyad.checks.data import CheckData, Cue, NameRow
from dyad.text.normalize import fold, fold_key

_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’", "'": "'", "„": "“"}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # offsets in the scanned text
    end: int
    text: str
    names: tuple[NameRow, ...] = ()
    cues: tuple[Cue, ...] = ()

    @property
    def is_name(self) -> bool:
        return bool(self.names)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(n.entity for n in self.names) | frozenset(c.entity for c in self.cues)

    @property
    def shared(self) -> bool:
        return len({n.entity for n in self.names}) > 1

    @property
    def masked(self) -> bool:
        return any(c.kind == "mask" for c in self.cues)


class Scanner:
    """Built once from `CheckData`; `find(text)` is pure."""

    def __init__(self, data: CheckData):
        table: dict[str, tuple[list[NameRow], list[Cue]]] = {}
        for n in data.names:
            table.setdefault(fold_key(n.name), ([], []))[0].append(n)
        for c in data.cues:
            table.setdefault(fold_key(c.text), ([], []))[1].append(c)
        self._keys = list(table)
        self._values = [table[k] for k in self._keys]
        self._automaton = _automaton(self._keys)
        titles = [t for words in data.titles.values() for t in words]
        titles += data.words.get("office", []) + data.words.get("honorific", [])
        ordered = sorted({fold_key(t).rstrip(".") for t in titles if t.strip()}, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in ordered)
        self._title_before = re.compile(rf"(?:^|\W)(?:{alternation})\.?\s+$")

    # Pickled (for the compiled-tables cache) without the automaton, which cannot be: it is rebuilt.
    def __getstate__(self) -> tuple[list[str], list[tuple[list[NameRow], list[Cue]]], re.Pattern[str]]:
        return self._keys, self._values, self._title_before

    def __setstate__(self, state: tuple[list[str], list[tuple[list[NameRow], list[Cue]]], re.Pattern[str]]) -> None:
        self._keys, self._values, self._title_before = state
        self._automaton = _automaton(self._keys)

    def find(self, text: str) -> list[Hit]:
        folded = fold(text)
        candidates = []
        for idx, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if not _on_boundaries(folded, start, end):
                continue
            surface = text[start:end]
            names, cues = self._values[idx]
            names = [n for n in names if _case_fits(n.name, surface, exact=n.style == "abbr")]
            cues = [c for c in cues if _case_fits(c.text, surface, exact=c.text.isupper())]
            if any(c.kind == "surname" for c in cues) and not self._title_before.search(
                folded[max(0, start - 40) : start]
            ):
                cues = [c for c in cues if c.kind != "surname"]
            if names or cues:
                candidates.append(Hit(start, end, surface, tuple(names), tuple(cues)))
        return _longest_first(candidates, len(text))


def _automaton(keys: list[str]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard)


def _case_fits(written: str, surface: str, *, exact: bool) -> bool:
    if exact:
        return written == surface
    if written[:1].isupper():
        return surface[:1].isupper()
    return True


def _on_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_#@"):
        return False
    return not (end < len(text) and (text[end].isalnum() or text[end] == "_"))


def _longest_first(hits: list[Hit], length: int) -> list[Hit]:
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    occupied = bytearray(length + 1)
    taken: list[Hit] = []
    for hit in hits:
        if not any(occupied[hit.start : hit.end]):
            taken.append(hit)
            occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    taken.sort(key=lambda h: h.start)
    return [h for h in taken if not h.masked]


def quoted(text: str, start: int, end: int, slack: int = 30) -> bool:
    """Whether text[start:end] stands inside a short quotation ("called it the “Republic of Korea”")."""
    left = text[max(0, start - slack) : start]
    for i in range(len(left) - 1, -1, -1):
        ch = left[i]
        if ch in "”»’\n.;:":
            return False
        if ch not in _QUOTES:
            continue
        between = left[i + 1 :]
        if ch in "'‘’" and (between or (i > 0 and left[i - 1].isalnum())):
            continue  # an apostrophe ("Korea's"), not a quotation mark
        if len(between.split()) > 3:
            return False
        tail = text[end : end + slack]
        j = tail.find(_QUOTES[ch])
        return j >= 0 and len(tail[:j].split()) <= 3 and "\n" not in tail[:j]
    return False
