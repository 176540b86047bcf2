"""Renamed countries: an old name in a story dated after the change ("Swaziland" in 2020,
"Macedonia" for North Macedonia after 2019-02-12) is an info note with the new name.

A sentence that dates itself before the change ("Zaire in 1994") is history, not a slip, and so is
one that talks about the name: it gives the new name too or says the old one is old ("Eswatini,
known as Swaziland until 2018", "previously known as Swaziland", "changed its name to eSwatini").
A name several places share counts only when the story points to the renamed country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.checks.context import Context, words_pattern
from dyad.checks.data import CheckData
from dyad.data._load import read_tsv
from dyad.doc import Finding

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Rename:
    entity: str
    lang: str
    old: str
    new: str
    since: str


class RenameChecker:
    def __init__(self, data: CheckData):
        self.data = data
        self.rows = [
            Rename(r["entity"], r["lang"], r["old"], r["new"], r["since"])
            for r in read_tsv("checks/renamed.tsv", required=("entity", "old", "new", "since"))
        ]
        by_old: dict[str, list[Rename]] = {}
        for row in self.rows:
            by_old.setdefault(row.old, []).append(row)
        self.by_old = by_old
        names = sorted(by_old, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
        new_by_entity: dict[str, list[str]] = {}
        for row in self.rows:
            new_by_entity.setdefault(row.entity, []).append(row.new)
        self.new_names = {entity: _any_of(new) for entity, new in new_by_entity.items()}
        self.renaming = _any_of(data.words.get("renaming", []))

    def check(self, ctx: Context) -> list[Finding]:
        doc = ctx.doc
        if not doc.date:
            return []
        out = []
        for m in self.pattern.finditer(doc.text):
            start, end = m.span()
            if any(h.start <= start and end <= h.end and h.end - h.start > end - start for h in ctx.names):
                continue  # inside a longer name ("North Macedonia", "Macedonia del Norte")
            rows = [r for r in self.by_old[m.group()] if r.since <= doc.date]
            if not rows:
                continue
            row = next((r for r in rows if r.lang == doc.lang), rows[0])
            if not self._points_to(ctx, row.entity, start, end):
                continue
            sentence = self._sentence_text(ctx, start)
            if any(int(y) < int(row.since[:4]) for y in _YEAR.findall(sentence)):
                continue  # the sentence is about the time before the change
            if self.new_names[row.entity].search(sentence) or self.renaming.search(sentence):
                continue  # the sentence is about the name itself
            out.append(
                Finding(
                    doc_id=doc.id,
                    kind="stale-name",
                    severity="info",
                    text=m.group(),
                    start=start,
                    end=end,
                    says=row.entity,
                    context=row.entity,
                    suggest=row.new,
                    evidence=[row.since],
                    message=f"'{m.group()}' has been called '{row.new}' since {row.since}",
                )
            )
        return out

    def _points_to(self, ctx: Context, entity: str, start: int, end: int) -> bool:
        shared = [h for h in ctx.names if h.start <= start and end <= h.end and h.shared]
        if not shared:
            return True
        others = [e for e in shared[0].entities if e != entity]
        return bool(ctx.cues.get(entity)) and not any(ctx.cues.get(e) for e in others)

    @staticmethod
    def _sentence_text(ctx: Context, offset: int) -> str:
        for s in ctx.doc.sentences:
            if s.start <= offset < s.end:
                return s.text
        return ""


def _any_of(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, in any case ("eSwatini" for "Eswatini")."""
    return re.compile(rf"(?<!\w)(?:{words_pattern(phrases)})(?!\w)", re.IGNORECASE)
