"""Acronyms in all-capitals headlines: a short common word of the sentence's language ("UN" in a
Spanish or French headline, "EU" in a Portuguese one) written in capitals among other capitals is
that word, not the organisation or country the acronym names elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.doc import Mention
from dyad.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def headline_words() -> dict[str, frozenset[str]]:
    """lang -> the folded words of `actors/headline_words.tsv`."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("actors/headline_words.tsv", required=("lang", "word")):
        out.setdefault(row["lang"], set()).add(fold(row["word"]))
    return {lang: frozenset(words) for lang, words in out.items()}


def in_capitals(text: str, start: int, end: int) -> bool:
    """The words on both sides of text[start:end] (where there are any) are written in capitals."""
    before = _WORD.findall(text[:start])[-1:]
    after = _WORD.findall(text[end:])[:1]
    near = before + after
    return bool(near) and all(w.isupper() for w in near)


def read_as_a_word(mention: Mention, sentence: str, lang: str | None) -> bool:
    surface = mention.text
    if not lang or not surface.isupper() or fold(surface) not in headline_words().get(lang, frozenset()):
        return False
    return in_capitals(sentence, mention.start, mention.end)


def without_headline_words(mentions: Iterable[Mention], sentence: str, lang: str | None) -> list[Mention]:
    return [m for m in mentions if not read_as_a_word(m, sentence, lang)]
