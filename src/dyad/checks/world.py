"""Facts about the world that can contradict a name: who borders whom, who has relations with whom.

Read from `data/checks/neighbours.tsv` (land neighbours of the confusable countries, with the
periods of boundaries that moved) and `data/checks/ties.tsv` (periods without diplomatic
relations, and the one-China rule). A question the tables cannot answer gets `None`, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.data._load import read_tsv
from dyad.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Tie:
    """Whether `a` has diplomatic relations with `b` (or with every state, b = '*') in a period."""

    a: str
    b: str
    ties: str  # yes | no | unlike:X
    start: str  # YYYY-MM-DD or ""
    until: str  # exclusive, or ""

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.until or date < self.until)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The land neighbours of a country in a period (start inclusive, until exclusive; "" = open)."""

    borders: frozenset[str]
    start: str
    until: str

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.until or date < self.until)


@dataclass(frozen=True, slots=True)
class World:
    neighbours: dict[str, frozenset[str]]  # today's
    ties: dict[str, tuple[Tie, ...]]
    periods: dict[str, tuple[Bounds, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> World:
        periods: dict[str, list[Bounds]] = {}
        for r in read_tsv("checks/neighbours.tsv", required=("country",)):
            borders = frozenset(c for c in r["borders"].split("|") if c)
            periods.setdefault(r["country"], []).append(Bounds(borders, r.get("from", ""), r.get("until", "")))
        neighbours = {c: next((b.borders for b in rows if not b.until), frozenset()) for c, rows in periods.items()}
        ties: dict[str, list[Tie]] = {}
        for r in read_tsv("checks/ties.tsv", required=("a", "b", "ties")):
            value = r["ties"]
            if value not in ("yes", "no") and not value.startswith("unlike:"):
                raise DataFileError(
                    f"checks/ties.tsv: ties {value!r} for {r['a']}-{r['b']}; write yes, no or unlike:ISO3"
                )
            ties.setdefault(r["a"], []).append(Tie(r["a"], r["b"], value, r["from"], r["until"]))
        return cls(neighbours, {k: tuple(v) for k, v in ties.items()}, {k: tuple(v) for k, v in periods.items()})

    def borders(self, a: str, b: str, date: str | None = None) -> bool | None:
        """Whether `a` and `b` shared a land border on `date` (today without one); None when the
        table does not list `a` then (South Sudan before 2011)."""
        if date is None:
            return b in self.neighbours[a] if a in self.neighbours else None
        rows = [p for p in self.periods.get(a, ()) if p.covers(date)]
        return any(b in p.borders for p in rows) if rows else None

    def related(self, a: str, b: str, date: str | None, *, _depth: int = 0) -> bool | None:
        """Whether `a` and `b` had diplomatic relations on `date`; the table lists the exceptions, so
        a pair it does not mention had them. None without a date."""
        if not date or a == b or _depth > 2:
            return None
        specific = [t for t in (*self.ties.get(a, ()), *self.ties.get(b, ())) if {t.a, t.b} == {a, b}]
        default = [t for t in (*self.ties.get(a, ()), *self.ties.get(b, ())) if t.b == "*"]
        for tie in (*specific, *default):
            if not tie.covers(date):
                continue
            if tie.ties.startswith("unlike:"):
                other = self.related(tie.ties.split(":", 1)[1], b if tie.a == a else a, date, _depth=_depth + 1)
                return None if other is None else not other
            return tie.ties == "yes"
        return True
