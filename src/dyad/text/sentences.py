"""Sentence splitting: fast rules, no model.

A sentence ends at '.', '!' or '?' (with closing quotes or brackets) followed by white
space and a capital, digit or opening quote, unless the word before the stop is a known
abbreviation or a single capital (an initial); a line break always ends one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyad.data._load import read_tsv
from dyad.doc import Document, Sentence
from dyad.errors import InputError
from dyad.pipeline import stage
from dyad.resources import Resources
from dyad.text.normalize import fold, scrub

_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«„(\[¿¡]?[A-ZÁÉÍÓÚÑÜÀÂÄÃÇÈÊËÎÏÔÖÕÛÙŒ0-9])|\n\s*""")
# A German ordinal date ("am 3. März") is no sentence end.
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def load_abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"].lower() for r in read_tsv("text/abbreviations.tsv", ("abbreviation",)))


def load_months() -> frozenset[str]:
    """Month names of every language (text/dates.tsv), folded: "3. März" continues a sentence."""
    rows = read_tsv("text/dates.tsv", ("word", "lang", "kind"))
    return frozenset(r["word"] for r in rows if r["kind"] == "month")


def load_furniture() -> tuple[str, ...]:
    """How a page's furniture line begins (text/furniture.tsv): "Read more:", "Leia também", "Pingback:"."""
    return tuple(r["lead"] for r in read_tsv("text/furniture.tsv", ("lead",)))


def is_furniture(sentence: str, leads: tuple[str, ...]) -> bool:
    """A link to another story or a credit line: no news of the document's own."""
    return fold(sentence[:60]).lstrip(" -•*>|").startswith(leads)


def split_sentences(
    text: str, abbreviations: frozenset[str] = frozenset(), months: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Split `text` into sentences with their character spans (white space trimmed)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().strip() and _is_abbreviation(text[start:match.start() + 1], abbreviations):
            continue
        if match.group() == "." and _ORDINAL.search(text[start : match.start() + 1]) and fold(
            _next_word(text, match.end())
        ) in months:
            continue
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _next_word(text: str, pos: int) -> str:
    found = re.match(r"\s*(\w+)", text[pos : pos + 40])
    return found.group(1) if found else ""


def _is_abbreviation(chunk: str, abbreviations: frozenset[str]) -> bool:
    found = _WORD_BEFORE.search(chunk)
    if not found:
        return False
    word = found.group(1).lower()
    return word in abbreviations or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


@stage("sentences", provides=("sentences",))
def make_sentence_splitter(*, resources: Resources, max_chars: int = 2000,
                           max_document_chars: int = 2_000_000) -> Callable[[Document], Document]:
    """Fill `doc.sentences`. A 'sentence' longer than `max_chars` is cut at white space.

    A document longer than `max_document_chars` is refused (the runner skips it with the reason):
    the later stages hold per-sentence records whose memory grows with the text, so this keeps one
    process's memory bounded whatever it is handed. Two million characters is a long book.
    """
    del resources  # the splitter's only table is its abbreviations
    abbreviations = load_abbreviations()
    months = load_months()
    furniture = load_furniture()

    def split(doc: Document) -> Document:
        if len(doc.text) > max_document_chars:
            raise InputError(f"{len(doc.text):,} characters is over the {max_document_chars:,}-character "
                             "limit for one document; split it (or raise [stages.sentences] "
                             "max_document_chars)")
        doc.text = scrub(doc.text)
        found = _cap_length(split_sentences(doc.text, abbreviations, months), max_chars)
        doc.sentences = _reindex([s for s in found if not is_furniture(s.text, furniture)])
        return doc

    return split


def _cap_length(sentences: list[Sentence], max_chars: int) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sentences:
        if len(s.text) <= max_chars:
            out.append(s)
            continue
        pos = 0
        while pos < len(s.text):
            cut = min(len(s.text), pos + max_chars)
            if cut < len(s.text):
                space = s.text.rfind(" ", pos + max_chars // 2, cut)
                cut = space if space > pos else cut
            piece = s.text[pos:cut]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                out.append(Sentence(0, s.start + pos + lead, s.start + pos + lead + len(piece), piece))
            pos = cut
    return out


def _reindex(sentences: list[Sentence]) -> list[Sentence]:
    for i, s in enumerate(sentences):
        s.index = i
    return sentences
