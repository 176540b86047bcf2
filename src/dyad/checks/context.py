"""What a document says about each confusable place: the names it uses and the cues that point to it.

A *name* hit names a place ("República de Corea"); a *cue* points to one without naming it:
its capital or a city, an institution, a leader (from the actor mentions, resolved by date).
Offsets are in `Document.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.checks.data import CheckData
from dyad.checks.scan import Hit, Scanner, quoted
from dyad.doc import Document, Mention
from dyad.text.normalize import fold_key

_CUE_MENTION_KINDS = ("leader", "capital", "epithet", "organisation")


@dataclass(frozen=True, slots=True)
class Signal:
    """A cue: where it is, what it says, which place it points to."""

    start: int
    end: int
    text: str
    entity: str
    kind: str
    sentence: int


@dataclass(slots=True)
class Context:
    doc: Document
    names: list[Hit]  # name hits (shared or not), document offsets
    cues: dict[str, list[Signal]] = field(default_factory=dict)
    quoted: set[int] = field(default_factory=set)  # ids of quoted name hits
    sentence_of: dict[int, int] = field(default_factory=dict)  # hit start -> sentence index

    def names_of(self, entity: str, *, with_quoted: bool = False) -> list[Hit]:
        return [
            h
            for h in self.names
            if not h.shared and entity in h.entities and (with_quoted or id(h) not in self.quoted)
        ]

    def cue_texts(self, entity: str) -> list[str]:
        seen: dict[str, str] = {}
        for c in self.cues.get(entity, []):
            seen.setdefault(fold_key(c.text), c.text)
        return list(seen.values())


def build_context(doc: Document, scanner: Scanner, data: CheckData) -> Context:
    hits = scanner.find(doc.text)
    names = [h for h in hits if h.is_name]
    ctx = Context(doc, names)
    starts = [s.start for s in doc.sentences]
    for h in hits:
        ctx.sentence_of[h.start] = _sentence_at(doc, starts, h.start)
        if h.is_name and quoted(doc.text, h.start, h.end):
            ctx.quoted.add(id(h))
        if not h.is_name:
            for cue in h.cues:
                ctx.cues.setdefault(cue.entity, []).append(
                    Signal(h.start, h.end, h.text, cue.entity, cue.kind, ctx.sentence_of[h.start])
                )
    taken = [(h.start, h.end) for h in hits]
    by_index = {s.index: s for s in doc.sentences}
    for m in doc.mentions:
        if m.kind not in _CUE_MENTION_KINDS or not m.country or m.country not in data.partners:
            continue
        sentence = by_index.get(m.sentence)
        if sentence is None:
            continue
        start, end = sentence.start + m.start, sentence.start + m.end
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        ctx.cues.setdefault(m.country, []).append(Signal(start, end, m.text, m.country, m.kind, m.sentence))
    return ctx


def _sentence_at(doc: Document, starts: list[int], offset: int) -> int:
    index = -1
    for i, s in enumerate(starts):
        if s <= offset:
            index = i
        else:
            break
    return doc.sentences[index].index if index >= 0 else -1


def mentions_at(doc: Document, start: int, end: int) -> list[tuple[int, Mention]]:
    """The actor mentions (by position in doc.mentions) that overlap a document span."""
    by_index = {s.index: s for s in doc.sentences}
    out = []
    for i, m in enumerate(doc.mentions):
        sentence = by_index.get(m.sentence)
        if sentence is None:
            continue
        m_start, m_end = sentence.start + m.start, sentence.start + m.end
        if m_start < end and start < m_end:
            out.append((i, m))
    return out


def words_pattern(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)
