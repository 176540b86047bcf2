"""The date of an event: one reader for events and missions (dyad.text.dates), sentences written for dyad."""

import pytest

import dyad
from dyad.text.dates import date_words, event_date
from dyad.text.normalize import fold


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a weekday alone dates the act in wire copy ("said Monday"), as "on Monday" does
        ("The Chilean foreign minister said Monday that talks would resume.", "en", "2021-03-08"),
        ("Officials met on Tuesday in Lima.", "en", "2021-03-09"),
        # a month with its year, and a bare year that is not the story's own
        ("The two states signed the accord in May 2015 in Vienna.", "en", "2015-05"),
        ("Relations were cut in 2009 over the border dispute.", "en", "2009"),
        # the story's own year adds nothing: the document's day is more precise
        ("In 2021 the ministry has already expelled three envoys.", "en", "2021-03-10"),
        # the most precise date wins over a vaguer one, wherever it stands
        ("Last year's dispute ended on 4 March when both envoys returned.", "en", "2021-03-04"),
        ("El ministro viajó ayer a Quito, como el año pasado.", "es", "2021-03-09"),
        ("Die Regierung hat am Montag den Botschafter einbestellt.", "de", "2021-03-08"),
        ("Le ministre s'est rendu à Dakar le 2 mars.", "fr", "2021-03-02"),
        ("O governo anunciou em fevereiro de 2020 a abertura da embaixada.", "pt", "2020-02"),
    ],
)
def test_the_most_precise_date_dates_the_act(sentence, lang, expected):
    assert event_date(fold(sentence), "2021-03-10", date_words(lang)) == expected


def test_a_span_back_is_background_not_the_acts_date():
    # "two years ago" tells when something earlier happened; the act itself is the story's
    sentence = "Uruguay reopened the embassy it had closed two years ago."
    assert event_date(fold(sentence), "2021-03-10", date_words("en")) == "2021-03-10"


def test_without_a_document_date_only_absolute_dates_count():
    words = date_words("en")
    assert event_date(fold("Ghana opened an embassy in Lima on Monday."), None, words) is None
    assert event_date(fold("Ghana opened an embassy in Lima on 3 June 2019."), None, words) == "2019-06-03"


def test_the_coder_dates_events_with_the_sentences_language():
    text = "Le Maroc a rappelé lundi son ambassadeur à Alger."
    events = dyad.code_text(text, date="2021-03-10", lang="fr", fast=True)
    assert events and {e.date for e in events} == {"2021-03-08"}
