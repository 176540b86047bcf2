"""Facts about the world that can contradict a name: who borders whom, who has relations with whom.

Read from `data/checks/neighbours.tsv` (land neighbours of the confusable countries) and
`data/checks/ties.tsv` (periods without diplomatic relations, and the one-China rule). A
question the tables cannot answer gets `None`, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

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
class World:
    neighbours: dict[str, frozenset[str]]
    ties: dict[str, tuple[Tie, ...]]

    @classmethod
    def load(cls) -> World:
        neighbours = {
            r["country"]: frozenset(c for c in r["borders"].split("|") if c)
            for r in read_tsv("checks/neighbours.tsv", required=("country",))
        }
        ties: dict[str, list[Tie]] = {}
        for r in read_tsv("checks/ties.tsv", required=("a", "b", "ties")):
            value = r["ties"]
            if value not in ("yes", "no") and not value.startswith("unlike:"):
                raise DataFileError(
                    f"checks/ties.tsv: ties {value!r} for {r['a']}-{r['b']}; write yes, no or unlike:ISO3"
                )
            ties.setdefault(r["a"], []).append(Tie(r["a"], r["b"], value, r["from"], r["until"]))
        return cls(neighbours, {k: tuple(v) for k, v in ties.items()})

    def borders(self, a: str, b: str) -> bool | None:
        """Whether `a` and `b` share a land border; None when the table does not list `a`."""
        if a not in self.neighbours:
            return None
        return b in self.neighbours[a]

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
