"""Word tokens with character offsets (no model: a regular expression)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.text.normalize import fold

# Dotted abbreviations ("U.S.", "EE.UU."), then an elided French article or pronoun as a word of its own
# ("l'ambassadeur" is "l'" + "ambassadeur", "qu'il" is "qu'" + "il"), then words with inner hyphens and
# apostrophes ("didn't", "reuniu-se"), then punctuation.
_TOKEN = re.compile(
    r"(?:[^\W\d_]{1,2}\.){2,}"
    r"|(?:[CcDdJjLlMmNnSsTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=[^\W\d_])"
    r"|\w+(?:[-'’]\w+)*|[^\w\s]",
    re.UNICODE,
)


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    norm: str  # folded (lower case, no accents)


def tokenize(text: str) -> list[Token]:
    folded = fold(text)
    return [
        Token(i, m.start(), m.end(), m.group(), folded[m.start():m.end()])
        for i, m in enumerate(_TOKEN.finditer(text))
    ]
