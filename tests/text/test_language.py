"""The language stage: a document's language detected unless given, a quoted sentence's own."""

from __future__ import annotations

from dyad.doc import Document
from dyad.engine import Engine
from dyad.text.language import mark_languages
from dyad.text.sentences import split_sentences


def _doc(text: str, lang: str | None = None) -> Document:
    doc = Document(id="t", text=text, lang=lang)
    doc.sentences = split_sentences(text)
    return doc


def test_the_document_language_is_detected_and_marked_so():
    doc = mark_languages(_doc("Le gouvernement français a expulsé lundi l'ambassadeur de Russie à Paris."))
    assert (doc.lang, doc.meta["lang_source"]) == ("fr", "detected")


def test_a_short_text_is_placed_among_the_coded_languages():
    assert mark_languages(_doc("Seis civis morreram num ataque de Israel.")).lang == "pt"


def test_a_quoted_sentence_in_another_language_gets_its_own():
    text = (
        "Der russische Außenminister hat am Montag in Moskau vor Journalisten eine lange Erklärung abgegeben. "
        "We will not accept any interference in the internal affairs of our country, the minister told reporters."
    )
    doc = mark_languages(_doc(text))
    assert doc.lang == "de" and [s.lang for s in doc.sentences] == ["de", "en"]


def test_a_language_the_caller_gives_wins():
    text = "We will not accept any interference in the internal affairs of our country, the minister said."
    doc = mark_languages(_doc(text, lang="fr"))
    assert doc.lang == "fr" and doc.meta["lang_source"] == "given" and doc.sentences[0].lang == "fr"


def test_the_pipeline_codes_a_quoted_sentence_with_its_own_patterns():
    text = (
        "Le ministre russe des Affaires étrangères a tenu lundi une longue conférence de presse à Moscou. "
        "Russia expelled two diplomats from Estonia on Monday, the minister said to the reporters in Moscow."
    )
    events = Engine(fast=True).process(Document(id="q", text=text, date="2020-03-12")).events
    assert any(e.sentence == 1 and e.cameo.startswith("16") for e in events)


def test_a_short_sentence_whose_function_words_plainly_say_another_language_gets_it():
    text = (
        "O ministro das Relações Exteriores do Brasil falou nesta segunda-feira com os jornalistas em Brasília. "
        "Canada expelled three diplomats of Russia on Monday. "
        "Los ministros del Perú y de Chile se reunieron en Lima."
    )
    doc = mark_languages(_doc(text))
    assert doc.lang == "pt" and [s.lang for s in doc.sentences] == ["pt", "en", "es"]


def test_one_function_word_of_the_document_keeps_a_short_sentence_its_own():
    # hard negative: an English title inside a Portuguese sentence is no English sentence
    text = (
        "O ministro das Relações Exteriores do Brasil falou nesta segunda-feira com os jornalistas em Brasília. "
        "Segundo o The Times of London, Lisboa vai reagir."
    )
    doc = mark_languages(_doc(text))
    assert [s.lang for s in doc.sentences] == ["pt", "pt"]


def test_the_pipeline_codes_a_short_english_line_of_a_portuguese_page_in_english():
    text = (
        "O ministro das Relações Exteriores do Brasil falou nesta segunda-feira com os jornalistas em Brasília. "
        "Canada expelled three Russian diplomats on Monday, the ministry said."
    )
    events = Engine(fast=True).process(Document(id="q", text=text, date="2021-05-04")).events
    assert any(e.sentence == 1 and e.cameo.startswith("166") for e in events)
