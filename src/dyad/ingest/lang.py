"""Offline language identification (py3langid), for documents that do not say their language.

    detect_language("El Gobierno autorizó la apertura de la embajada.")   # -> "es"

The model ships with py3langid (97 languages); nothing is downloaded. A text too short or too
mixed to tell (probability under `min_probability`) gets None, not a guess.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SAMPLE_CHARS = 4000  # the start of a long article is enough, and keeps detection fast


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_probability: float = 0.6) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 12:
        return None
    lang, probability = _identifier().classify(sample)
    return str(lang) if probability >= min_probability else None
