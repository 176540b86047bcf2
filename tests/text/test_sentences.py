from dyad.text.normalize import fold
from dyad.text.sentences import load_abbreviations, split_sentences
from dyad.text.tokens import tokenize


def test_split_keeps_offsets_and_abbreviations():
    text = "Mr. Lee met U.S. envoys in Seoul on Jan. 5. The talks ended! Will they meet again? Yes."
    sentences = split_sentences(text, load_abbreviations())
    assert [s.text for s in sentences] == [
        "Mr. Lee met U.S. envoys in Seoul on Jan. 5.",
        "The talks ended!",
        "Will they meet again?",
        "Yes.",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_line_breaks_end_sentences_and_titles_without_stops():
    sentences = split_sentences("A headline without a stop\n\nThe body starts here. It goes on.")
    assert [s.text for s in sentences] == ["A headline without a stop", "The body starts here.", "It goes on."]


def test_spanish_openers_start_a_sentence():
    text = "Caracas abrió su embajada. ¿Qué sigue ahora? «Nada», dijo."
    assert len(split_sentences(text)) == 3


def test_spanish_spaced_plural_abbreviations_end_no_sentence():
    # "EE. UU." (Estados Unidos), "FF. AA." (fuerzas armadas), "RR. EE." (relaciones exteriores): the first
    # half's stop is no sentence end
    text = "Cuba acusó a EE. UU. de espionaje. Las FF. AA. de Bolivia y el Ministerio de RR. EE. lo negaron."
    assert [s.text for s in split_sentences(text, load_abbreviations())] == [
        "Cuba acusó a EE. UU. de espionaje.",
        "Las FF. AA. de Bolivia y el Ministerio de RR. EE. lo negaron.",
    ]


def test_fold_keeps_length_and_strips_accents():
    for text in ("República Popular Democrática", "Côte d’Ivoire", "İstanbul", "straße"):
        assert len(fold(text)) == len(text)
    assert fold("República de Corea") == "republica de corea"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"


def test_tokens_keep_dotted_abbreviations():
    assert [t.text for t in tokenize("The U.S. and EE.UU. differ.")] == ["The", "U.S.", "and", "EE.UU.", "differ", "."]


def test_a_pages_furniture_is_no_sentence_of_the_document():
    import dyad
    from dyad.doc import Document
    from dyad.engine import default_engine

    text = (
        "Peru recalled its ambassador to Bolivia on Monday.\n"
        "Read more: Ecuador expels the ambassador of Colombia\n"
        "Pingback: Chile closes its embassy in Caracas - a blog\n"
        "This article was originally published by a partner site.\n"
        "Officials in Lima said the move was temporary.\n"
    )
    doc = default_engine(True).process(Document(id="t", text=text, date="2021-03-10", lang="en"))
    assert [s.text[:4] for s in doc.sentences] == ["Peru", "Offi"]
    assert {(e.source.country, e.target.country) for e in doc.events} <= {("PER", "BOL"), ("PER", "PER")}
    assert not [m for m in doc.missions if m.sender in ("ECU", "CHL")]
    # a sentence that only mentions reading more is kept
    kept = dyad.code_text("Ecuador said it would read more carefully the proposal from Colombia.", fast=True)
    assert kept
