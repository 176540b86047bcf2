"""Text folding that keeps offsets: one output character per input character."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic variants folded to their plain form, so "Kim Jong‑un" and "Côte d’Ivoire" match.
_PLAIN = {"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
          "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _PLAIN:
        return _PLAIN[ch]
    low = ch.lower()
    if len(low) != 1:
        return ch
    base = unicodedata.normalize("NFKD", low)
    return base[0] if base and not unicodedata.combining(base[0]) else low


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping `len(fold(t)) == len(t)` so offsets carry over."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def fold_key(text: str) -> str:
    """A dictionary key: folded, with runs of white space made single."""
    return " ".join(fold(text).split())


_UNENCODABLE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """`text` with lone surrogates (from JSON escapes like "\\ud800") made U+FFFD, one for one.

    They cannot be encoded as UTF-8, so they would break the matchers, the store and the output;
    the length is kept, so offsets carry over.
    """
    if text.isascii():
        return text
    return _UNENCODABLE.sub("\ufffd", text)
