"""What a document says about each confusable place: the names it uses and the cues that point to it.

A *name* hit names a place ("República de Corea"); a *cue* points to one without naming it:
its capital or a city, an institution, a leader (from the actor mentions, resolved by date).
The *dateline* is the cue a paragraph opens with ("NIAMEY, Aug. 20 (Reuters) -", "Niamey, 20
ago (EFE).-"): where the story was filed from. Offsets are in `Document.text`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from dyad.checks.data import CheckData
from dyad.checks.scan import Hit, Scanner, quoted
from dyad.doc import Document, Mention, Sentence
from dyad.text.dates import after_time_stamp
from dyad.text.normalize import fold_key

_CUE_MENTION_KINDS = ("leader", "capital", "epithet", "organisation")
# after the city of a dateline: "/ Place", ", Aug. 20", "(Reuters)", then a dash or ".-"
_DATELINE_AFTER = re.compile(
    r"(?:\s*/\s*[A-Z][\w .]{1,20})?\s*(?:,[^\n]{0,25}?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:[-—–]\s|\.-|\.\s)"
)
_DATELINE_PARAGRAPHS = 3


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
    pair_memo: dict[tuple[str, str], bool] = field(default_factory=dict)
    _names_memo: dict[tuple[str, bool], list[Hit]] = field(default_factory=dict)
    _cue_starts: dict[str, list[int]] = field(default_factory=dict)
    _texts_memo: dict[str, list[str]] = field(default_factory=dict)
    dateline: Signal | None = None
    _mention_index: dict[int, list[tuple[int, int, int]]] | None = None
    _sentence_starts: list[int] = field(default_factory=list)
    _by_index: dict[int, Sentence] = field(default_factory=dict)

    def sentence(self, index: int) -> Sentence | None:
        if not self._by_index:
            self._by_index = {s.index: s for s in self.doc.sentences}
        return self._by_index.get(index)

    def names_of(self, entity: str, *, with_quoted: bool = False) -> list[Hit]:
        key = (entity, with_quoted)
        if key not in self._names_memo:
            self._names_memo[key] = [
                h
                for h in self.names
                if not h.shared and entity in h.entities and (with_quoted or id(h) not in self.quoted)
            ]
        return self._names_memo[key]

    def mentions_at(self, start: int, end: int) -> list[tuple[int, Mention]]:
        """The actor mentions (with their position in doc.mentions) that overlap a document span."""
        if self._mention_index is None:
            index: dict[int, list[tuple[int, int, int]]] = {}
            by_index = {s.index: s for s in self.doc.sentences}
            for i, m in enumerate(self.doc.mentions):
                sentence = by_index.get(m.sentence)
                if sentence is not None:
                    index.setdefault(m.sentence, []).append(
                        (i, sentence.start + m.start, sentence.start + m.end)
                    )
            self._mention_index = index
            self._sentence_starts = [s.start for s in self.doc.sentences]
        starts = self._sentence_starts
        first = max(0, bisect_right(starts, start) - 1)
        last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
        out = []
        for sentence in self.doc.sentences[first : last + 1]:
            for i, m_start, m_end in self._mention_index.get(sentence.index, []):
                if m_start < end and start < m_end:
                    out.append((i, self.doc.mentions[i]))
        return out

    def cues_near(self, entity: str, start: int, end: int, window: int = 40) -> list[Signal]:
        """The cues of `entity` within `window` characters of a span (cues are in text order)."""
        cues = self.cues.get(entity, [])
        if entity not in self._cue_starts:
            self._cue_starts[entity] = [c.start for c in cues]
        starts = self._cue_starts[entity]
        lo = bisect_right(starts, start - window - 200)
        hi = bisect_right(starts, end + window)
        return [c for c in cues[lo:hi] if c.end >= start - window]

    def cue_texts(self, entity: str) -> list[str]:
        """The different cues of `entity`, in text order (first spelling of each)."""
        if entity not in self._texts_memo:
            seen: dict[str, str] = {}
            for c in self.cues.get(entity, []):
                seen.setdefault(fold_key(c.text), c.text)
            self._texts_memo[entity] = list(seen.values())
        return self._texts_memo[entity]


_FUNCTION_WORDS = {
    "en": frozenset("the of and to in that is was for on with by from has have said will".split()),
    "es": frozenset("el la los las de del que y en un una por con para se su dijo ha".split()),
}


def guess_lang(text: str) -> str | None:
    """English or Spanish by their commonest words, for a story whose language nobody gave."""
    words = re.findall(r"[a-záéíóúñü]+", text[:5000].lower())
    counts = {lang: sum(w in common for w in words) for lang, common in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 and counts[best] > 2 * min(counts.values()) else None


def in_language(hit: Hit, lang: str | None) -> Hit:
    """A name hit read with the senses its words have in the story's language: Spanish "Guinea"
    may stand for Equatorial Guinea, the English word does not. Kept whole when the language is
    unknown or none of its names is of that language (an English name quoted in Spanish)."""
    own = tuple(n for n in hit.names if n.lang == lang)
    if not own or len(own) == len(hit.names):
        return hit
    return replace(hit, names=own)


def build_context(doc: Document, scanner: Scanner, data: CheckData) -> Context:
    lang = doc.lang if doc.lang in ("en", "es") else guess_lang(doc.text)
    hits = [in_language(h, lang) if h.is_name else h for h in scanner.find(doc.text)]
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
    taken = bytearray(len(doc.text) + 1)
    for h in hits:
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    by_index = {s.index: s for s in doc.sentences}
    for m in doc.mentions:
        if m.kind not in _CUE_MENTION_KINDS or not m.country or m.country not in data.partners:
            continue
        sentence = by_index.get(m.sentence)
        if sentence is None:
            continue
        start, end = sentence.start + m.start, sentence.start + m.end
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        ctx.cues.setdefault(m.country, []).append(Signal(start, end, m.text, m.country, m.kind, m.sentence))
    for signals in ctx.cues.values():
        signals.sort(key=lambda c: c.start)
    ctx.dateline = _dateline(doc.text, [c for signals in ctx.cues.values() for c in signals])
    return ctx


def _dateline(text: str, cues: list[Signal]) -> Signal | None:
    """The place cue that opens one of the first paragraphs as a dateline, if any."""
    starts = [0] + [i + 1 for i, ch in enumerate(text[:2000]) if ch == "\n"]
    opening = set()
    for start in starts:
        line = text[start : start + 200]
        lead = len(line) - len(line.lstrip(" \t\ufe0f" + "".join(chr(c) for c in range(0x1F1E6, 0x1F200))))
        if line.strip():
            opening.add(after_time_stamp(text, start + lead))
            if len(opening) >= _DATELINE_PARAGRAPHS:
                break
    for c in sorted(cues, key=lambda c: c.start):
        if c.start in opening and c.kind in ("capital", "city") and _DATELINE_AFTER.match(text, c.end):
            return c
    return None


def _sentence_at(doc: Document, starts: list[int], offset: int) -> int:
    index = bisect_right(starts, offset) - 1
    return doc.sentences[index].index if index >= 0 else -1


class LazyPattern:
    """A regular expression compiled when first used: the checks hold many large alternations of
    names and words, and a document with no confusable name never needs them (compiling them all
    took a fifth of a second of every start-up)."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._get().match(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._get().search(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._get().fullmatch(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self._get().finditer(text, pos)

    def sub(self, repl: str, text: str) -> str:
        return self._get().sub(repl, text)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return (LazyPattern, (self.pattern, self.flags))


def words_pattern(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)
