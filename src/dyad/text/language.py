"""The `language` stage: each document's language, and each sentence's where it quotes another.

    doc.lang                 the language the caller gave (kept as given: it wins), else detected
                             (py3langid, offline); `doc.meta["lang_source"]` says which ("given",
                             "detected", "html": the page's own <html lang>, checked like a detection)
    Sentence.lang            the document's, or, in a document whose language was detected, another
                             language a long enough sentence is clearly in ("« We will not accept
                             this », a déclaré le ministre" stays French; a quoted English paragraph
                             in a German article is English), or, at any length, another coded
                             language its function words plainly say (`plain_language`: "The United
                             States expelled two Russian diplomats." in a Portuguese page is English)

The events stage codes each sentence with its language's patterns. Nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.doc import Document
from dyad.ingest.lang import CODED_LANGUAGES, language_among, language_probability
from dyad.pipeline import stage
from dyad.resources import Resources

_AMONG_CODED = 0.6  # how sure the detector restricted to the coded languages must be
# A text is clearly in a language by its function words (data/lexicon/function_words.tsv) when that
# language's words are at least this share of its words, this many, and twice any other language's.
_FUNCTION_SHARE, _FUNCTION_MIN, _FUNCTION_LEAD = 0.2, 3, 2.0
# A sentence too short for the detector is plainly in another coded language when it has none of its
# document's function words and at least this many of that language's (and twice any other's).
_PLAIN_MIN = 2
_WORD = re.compile(r"[^\W\d_]+")


@stage("language", requires=("sentences",), provides=("languages",))
def make_language_marker(
    *, resources: Resources, sentence_chars: int = 60, sentence_probability: float = 0.95,
    document_probability: float = 0.6,
) -> Callable[[Document], Document]:
    """`sentence_chars`: a sentence shorter than this keeps its document's language; `sentence_probability`:
    how sure detection must be to give a sentence another language than its document's;
    `document_probability`: how sure it must be to name the document's language at all."""
    del resources

    def mark(doc: Document) -> Document:
        return mark_languages(doc, sentence_chars, sentence_probability, document_probability)

    return mark


def mark_languages(
    doc: Document, sentence_chars: int = 60, sentence_probability: float = 0.95, document_probability: float = 0.6
) -> Document:
    """Fill `doc.lang` (unless given) and every sentence's `lang` (see the module docstring)."""
    source = doc.meta.get("lang_source") or ("given" if doc.lang else None)
    clear = clear_language(doc.text) if source is None else None
    if clear is not None:
        # the function words settle it: the open detector (and its half-second model) is not needed
        doc.lang, source = clear, "detected"
    elif source in (None, "html"):
        found, probability = language_probability(doc.text)
        if found is not None and probability >= (document_probability if source is None else 0.9):
            doc.lang, source = found, "detected"
        elif source is None:
            # Too short or too mixed to tell among a hundred languages: among the coded ones it may be clear.
            found, probability = language_among(doc.text)
            if found is not None and probability >= _AMONG_CODED:
                doc.lang, source = found, "detected"
    if doc.lang:
        doc.lang = doc.lang.lower()[:2]
        doc.meta["lang_source"] = source
    for sentence in doc.sentences:
        sentence.lang = doc.lang
        if source != "detected":
            continue
        plain = plain_language(sentence.text, doc.lang)
        if plain is not None:
            # a short quoted line the detector cannot weigh, but whose function words leave no doubt
            sentence.lang = plain
            continue
        if sum(ch.isalpha() for ch in sentence.text) < sentence_chars:
            continue
        if clear_language(sentence.text) == doc.lang:
            continue  # plainly in the document's language
        found, probability = language_probability(sentence.text)
        if found is not None and found != doc.lang and probability >= sentence_probability:
            sentence.lang = found
    return doc


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {row["lang"]: frozenset(row["words"].split("|")) for row in read_tsv("lexicon/function_words.tsv")}


def clear_language(text: str, coded: tuple[str, ...] = CODED_LANGUAGES) -> str | None:
    """The coded language a text is clearly in by its function words, else None (the detector decides)."""
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    if len(words) < 6:
        return None
    counts = sorted(
        ((sum(w in table for w in words), lang) for lang, table in _function_words().items()), reverse=True
    )
    (best, lang), (second, _) = counts[0], counts[1]
    if lang not in coded or best < _FUNCTION_MIN or best < _FUNCTION_SHARE * len(words):
        return None
    return lang if best >= _FUNCTION_LEAD * second else None


def plain_language(text: str, against: str | None, coded: tuple[str, ...] = CODED_LANGUAGES) -> str | None:
    """The coded language other than `against` a sentence's function words plainly say, else None: none
    of `against`'s function words, at least `_PLAIN_MIN` of the other's and twice any third language's.
    One word of the document's language ("Segundo o The Guardian, ...") keeps the sentence its own."""
    tables = _function_words()
    if against not in tables:
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    if any(w in tables[against] for w in words):
        return None
    counts = sorted(
        ((sum(w in table for w in words), lang) for lang, table in tables.items() if lang != against), reverse=True
    )
    (best, lang), (second, _) = counts[0], counts[1]
    if lang not in coded or best < _PLAIN_MIN or best < _FUNCTION_LEAD * second:
        return None
    return lang
