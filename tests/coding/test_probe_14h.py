"""Causes read on the events probe's Spanish batches 1-5 and on tune (issue 14h), each tested with sentences
written for these tests, a must-not-fire variant beside each."""

from __future__ import annotations

import pytest
from tests.coding._helpers import coded as coded_on
from tests.coding._helpers import sources_of

from dyad.doc import Document
from dyad.engine import process_document


def coded(text: str, lang: str = "es") -> set[tuple[str, str, str]]:
    return coded_on(text, lang, date="2021-05-10")


# A Spanish feminine demonym that is spelled as its country's name ("argentina", "siria", "noruega") is the
# adjective when written in lower case after a body; capitalised it stays the country.
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("La diplomacia argentina criticó el lunes al Gobierno de Chile por el cierre del paso.", "ARG", "CHLGOV"),
        ("La delegación siria rechazó la propuesta presentada por Japón en la cumbre.", "SYR", "JPN"),
        ("La diplomacia noruega condenó el ataque de Rusia contra la ciudad fronteriza.", "NOR", "RUS"),
    ],
)
def test_feminine_demonym_spelled_as_the_country(text, source, target):
    assert any(s.startswith(source) and t == target for s, _, t in coded(text)), coded(text)


def test_capitalised_country_name_is_still_the_country():
    # must not fire: "Argentina" with a capital is the state acting, not an adjective of the body before it
    found = coded("El canciller de Perú dijo que Argentina criticó a Chile por el cierre del paso.")
    assert "ARG" in sources_of(found, "CHL") or "ARGGOV" in sources_of(found, "CHL")
    assert not any(s == "ARG" and t == "ARG" for s, _, t in found)


# "EU" in a Mexican story is the United States (Estados Unidos); in English it stays the European Union.
def test_eu_in_a_mexican_story_is_the_united_states():
    text = ("La cancillería de México criticó el martes los nuevos aranceles que EU aplicó a Cuba. "
            "El gobierno de Estados Unidos no respondió.")
    found = coded(text)
    assert "MEXGOV" in sources_of(found, "USA") or any(t == "USA" for _, _, t in found), found
    assert not any("IGOEEC" in (s, t) for s, _, t in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Brussels said on Tuesday that EU ministers condemned Russia over the attack.", "en"),
        ("The Kremlin criticised EU sanctions on Moscow, the United States said.", "en"),
        ("La Comisión Europea dijo que la EU condenó a Rusia por el ataque en Bruselas.", "es"),
    ],
)
def test_eu_without_spanish_us_cues_stays_the_union(text, lang):
    # must not fire: no Spanish word for the United States in the story
    found = coded(text, lang)
    assert any("IGOEEC" in (s, t) for s, _, t in found), found
    assert not any(s == "USA" and t == "RUS" for s, _, t in found)


def test_portuguese_eu_is_no_acronym():
    # must not fire: Portuguese "Eu" (I) opening a sentence names no organisation
    found = coded("Eu acredito que o Brasil vai negociar com a Argentina, disse o chanceler.", "pt")
    assert not any("IGOEEC" in (s, t) for s, _, t in found)


# Ordering another state's envoy to leave the country is expelling him (166); ordering one's own citizens out
# is no expulsion.
@pytest.mark.parametrize(
    "text",
    [
        "El Gobierno de Chile ordenó al encargado de negocios boliviano que saliera del territorio antes del viernes.",
        "Chile ha ordenado a la embajadora de Bolivia que deje el país en un plazo de dos días.",
    ],
)
def test_ordering_an_envoy_out_is_an_expulsion(text):
    found = coded(text)
    assert any(s.startswith("CHL") and c.startswith("16") and t.startswith("BOL") for s, c, t in found), found


def test_ordering_citizens_out_is_no_expulsion():
    # must not fire: the state's own nationals told to leave a country in turmoil
    found = coded("Chile ordenó a sus ciudadanos que abandonen Bolivia por la ola de violencia.")
    assert not any(c.startswith("166") for _, c, _ in found)


# A state's protest in the diplomatic register is a formal protest (114), whatever verb carries it; a crowd's
# protest stays a demonstration (14).
@pytest.mark.parametrize(
    "text",
    [
        "El Gobierno de Chile elevó una protesta diplomática a Bolivia por el cierre del paso fronterizo.",
        "La cancillería de Chile transmitió una protesta diplomática al Gobierno de Bolivia tras el incidente.",
    ],
)
def test_diplomatic_protest_is_a_formal_protest(text):
    found = coded(text)
    assert any(s == "CHLGOV" and c == "114" and t.startswith("BOL") for s, c, t in found), found


def test_crowd_protest_is_no_formal_protest():
    # must not fire
    found = coded("Miles de estudiantes expresaron su protesta frente a la embajada de Bolivia en Santiago.")
    assert not any(c.startswith("11") for _, c, _ in found)


# "el Gobierno nacional" is the government of the state the story is filed from: the dateline's, even when
# another state is named more ("Santiago.- " puts a full stop before the dash).
def test_national_government_is_the_datelines():
    text = ("Santiago.- Luego de que Bolivia anunciara maniobras cerca del límite, el Gobierno nacional envió "
            "una nota de protesta a Bolivia. Bolivia dijo que las maniobras son rutinarias.")
    assert any(s == "CHLGOV" and c.startswith("11") and t == "BOL" for s, c, t in coded(text))


def test_national_government_without_dateline_is_not_the_datelines():
    # must not fire: no dateline, so "nacional" says nothing about which state
    text = ("Luego de que Bolivia anunciara maniobras cerca del límite, el Gobierno nacional envió "
            "una nota de protesta a Bolivia. Bolivia dijo que las maniobras son rutinarias.")
    assert not any(s.startswith("CHL") for s, _, _ in coded(text))


# "manifestar" without its pronoun states or expresses ("manifestó su desacuerdo"); only "manifestarse" demonstrates.
def test_manifesto_without_pronoun_is_no_demonstration():
    found = coded("La cancillería de Chile manifestó su desacuerdo con las maniobras anunciadas por Bolivia.")
    assert found and not any(c.startswith("14") for _, c, _ in found), found


def test_manifestarse_with_pronoun_is_a_demonstration():
    # the must-fire twin: the reflexive form is the street protest
    found = coded("Miles de personas se manifestaron el sábado ante la embajada de Bolivia en Santiago.")
    assert any(c.startswith("14") and t.startswith("BOL") for _, c, t in found), found


# "llamar a consultas" is a recall (161) on its own, even with words between it and the envoy.
def test_called_home_for_consultations_with_words_between():
    text = ("El Gobierno de Chile decidió llamar a consultas 'sin plazo' a la embajadora en Bolivia, Ana Pérez, "
            "tras los insultos del presidente boliviano.")
    assert any(s == "CHLGOV" and c == "161" and t.startswith("BOL") for s, c, t in coded(text)), coded(text)


def test_consultations_of_voters_are_no_recall():
    # must not fire: "consultas populares" are ballots, not an envoy's recall
    found = coded("El presidente de Chile llamó a las consultas populares en Bolivia un fraude.")
    assert not any(c.startswith("16") for _, c, _ in found)


# "X anunció ... . Las autoridades afirmaron ...": a bare Spanish body opening its sentence continues the state that
# opened the sentence before, not the story's most-named state (often the other party).
def test_bare_authorities_continue_the_previous_subject():
    text = ("Chile anunció el lunes que revisará sus relaciones con Bolivia. Las autoridades afirmaron que Bolivia "
            "violó el tratado.")
    found = coded(text)
    assert any(s == "CHLGOV" and c.startswith("12") and t == "BOL" for s, c, t in found), found
    assert not any(s == "BOLGOV" and t == "BOL" for s, _, t in found)


def test_bare_authorities_after_a_body_keep_the_home_rule():
    # must not fire: the sentence before opens with a body, not a state's name, so nothing is carried over
    text = ("El presidente de Chile viajó el lunes a Bolivia. Las autoridades señalaron que la visita fue un éxito. "
            "Bolivia y Bolivia firmaron acuerdos.")
    doc = process_document(Document(id="t", text=text, lang="es"))
    assert not any("state that opened the sentence before" in m.why for m in doc.mentions)
