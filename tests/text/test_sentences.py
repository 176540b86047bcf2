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
