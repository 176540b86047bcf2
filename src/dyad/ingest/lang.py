"""Offline language identification (py3langid), for documents that do not say their language.

    detect_language("El Gobierno autorizó la apertura de la embajada.")   # -> "es"

The model ships with py3langid (97 languages); nothing is downloaded. A text too short or too
mixed to tell (probability under `min_probability`) gets None, not a guess.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Collection
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from dyad.doc import Document

# The languages dyad codes events in unless the pipeline config says otherwise ([stages.events] languages).
CODED_LANGUAGES = ("en", "es", "de", "fr", "pt")
_SAMPLE_CHARS = 4000  # the start of a long article is enough, and keeps detection fast
_SURE_CHARS = 200  # below this, a language dyad does not code must be a confident guess to count
_CHECK_HTML = 0.9  # how sure detection must be to overrule a page's <html lang> attribute


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier over all its languages. Its model file is compressed: reading it takes over
    half a second, so the model is kept in the compiled-tables cache (dyad/cache.py), keyed by
    py3langid's version and Python's."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    from dyad.cache import TableCache, digest

    def build() -> Any:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    key = digest(["py3langid", version("py3langid"), sys.version, str(MODEL_FILE)])
    return TableCache.default().load_or_build("langid", key, build, LanguageIdentifier)


@lru_cache(maxsize=4)
def _identifier_among(languages: tuple[str, ...]) -> Any:
    """The same restricted to `languages` (a copy: `set_languages` rebinds the copy's arrays and keeps the
    full model it restricts from)."""
    identifier = copy.copy(_identifier())
    identifier.set_languages(list(languages))
    return identifier


def language_among(text: str, languages: tuple[str, ...] = CODED_LANGUAGES) -> tuple[str | None, float]:
    """The most likely of `languages` for the text and its probability among them: a short sentence
    ("Seis civis morreram num ataque.") that the open detector calls Latin is Portuguese here."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 12:
        return None, 0.0
    lang, probability = _identifier_among(tuple(sorted(languages))).classify(sample)
    return str(lang), float(probability)


def detect_language(text: str, *, min_probability: float = 0.6) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot tell."""
    lang, probability = language_probability(text)
    return lang if lang is not None and probability >= min_probability else None


def language_probability(text: str) -> tuple[str | None, float]:
    """The most likely language of the text and its probability (None, 0.0 without enough letters)."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 12:
        return None, 0.0
    lang, probability = _identifier().classify(sample)
    return str(lang), float(probability)


def mark_language(doc: Document, coded_languages: Collection[str]) -> bool:
    """Set `doc.lang` (detected when the document does not say) and `doc.coded`; returns `doc.coded`.
    A detected language is marked `doc.meta["lang_source"] = "detected"` (the language stage may then
    give a quotation in another language its own).

    A document in a language dyad does not code events in keeps `coded = False`: the pipeline
    still finds its actors, and the event coder leaves it alone.
    """
    if doc.lang and doc.meta.get("lang_source") == "html":
        found, probability = language_probability(doc.text)
        if found is not None and probability >= _CHECK_HTML and found != doc.lang.lower()[:2]:
            doc.lang, doc.meta["lang_source"] = found, "detected"  # the page's template claimed another language
    if doc.lang:
        doc.lang = doc.lang.lower()[:2]
        doc.coded = doc.coded and doc.lang in coded_languages
        return doc.coded
    lang, probability = language_probability(doc.text)
    if lang is None or probability < 0.6:
        return doc.coded
    if lang not in coded_languages and probability < 0.95 and len(doc.text) < _SURE_CHARS:
        return doc.coded  # a short text's guess is not enough to switch coding off
    doc.lang = lang
    doc.meta["lang_source"] = "detected"
    doc.coded = doc.coded and lang in coded_languages
    return doc.coded
