"""Causes read on the events probe's fourth batch and on tune (issue 14g), each tested with sentences written
for these tests, a must-not-fire variant beside each."""

from __future__ import annotations

import pytest
from tests.coding._helpers import coded as coded_on
from tests.coding._helpers import sources_of

import dyad


def coded(text: str, lang: str) -> set[tuple[str, str, str]]:
    return coded_on(text, lang, date="2021-05-10")


def confident(text: str, lang: str) -> set[tuple[str, str, str]]:
    events = dyad.code_text(text, date="2021-05-10", lang=lang, fast=True)
    return {(e.source.code, e.cameo, e.target.code) for e in events if e.confidence >= 0.5}


# A Spanish or Portuguese verb with no subject of its own takes the previous sentence's (pro-drop).
_LEAD_ES = "El Gobierno de Perú publicó el martes una nota sobre la situación en la frontera."
_LEAD_PT = "O governo do Peru divulgou na terça-feira uma nota sobre a situação na fronteira."


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (_LEAD_ES + " Más tarde, acusó a Bolivia de incumplir el tratado de límites.", "es"),
        (_LEAD_ES + " Además, condenó a Bolivia por el cierre del paso fronterizo.", "es"),
        (_LEAD_PT + " Mais tarde, acusou a Bolívia de descumprir o tratado de limites.", "pt"),
    ],
)
def test_unsaid_subject_is_the_previous_sentences(text, lang):
    found = coded(text, lang)
    assert "PERGOV" in sources_of(found, "BOL")
    assert any(s == "PERGOV" and c.startswith("11") and t == "BOL" for s, c, t in confident(text, lang))


def test_unsaid_plural_subject_agrees_with_a_plural_verb():
    text = "Las autoridades de Perú publicaron una nota. Más tarde, acusaron a Bolivia de incumplir el tratado."
    assert "PERGOV" in sources_of(coded(text, "es"), "BOL")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the verb agrees with a plural subject the lead does not have
        (_LEAD_ES + " Más tarde, acusaron a Bolivia de incumplir el tratado de límites.", "es"),
        (_LEAD_PT + " Mais tarde, acusaram a Bolívia de descumprir o tratado de limites.", "pt"),
        # first person: the speaker, quoted, is the subject
        (_LEAD_ES + " Condenamos a Bolivia por el cierre del paso fronterizo.", "es"),
        # an impersonal or passive "se": no agent at all
        (_LEAD_ES + " Más tarde, se acusó a Bolivia de incumplir el tratado de límites.", "es"),
        # a passive participle
        (_LEAD_ES + " Más tarde, Bolivia fue acusada de incumplir el tratado de límites.", "es"),
        # the sentence has a subject of its own: a noun phrase no actor list knows, a name
        (_LEAD_ES + " Horas después, Quispe acusó a Bolivia de incumplir el tratado de límites.", "es"),
        (_LEAD_ES + " La prensa local acusó a Bolivia de incumplir el tratado de límites.", "es"),
        # French and English name their subjects: nothing is left unsaid
        ("Le gouvernement du Pérou a publié une note. Plus tard, accuse la Bolivie de rompre le traité.", "fr"),
    ],
)
def test_unsaid_subject_must_not_fire(text, lang):
    assert "PERGOV" not in sources_of(coded(text, lang), "BOL")


def test_unsaid_subject_is_a_state_only():
    # the previous sentence's subject is an organisation, not a state: it is not carried over
    text = "La Cruz Roja publicó el martes una nota. Más tarde, acusó a Bolivia de incumplir el tratado de límites."
    assert not any(source.startswith("PER") for source in sources_of(coded(text, "es"), "BOL"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the noun of expelling with the envoys it sends away, a number between them
        ("La Suède a annoncé mardi l'expulsion de quatre diplomates iraniens.", "fr"),
        ("Suecia anunció el martes la expulsión de cuatro diplomáticos iraníes.", "es"),
        ("A Suécia anunciou na terça-feira a expulsão de quatro diplomatas iranianos.", "pt"),
    ],
)
def test_expulsion_of_diplomats_as_a_noun(text, lang):
    assert ("SWE", "166", "IRNGOV") in confident(text, lang)


def test_expulsion_of_other_people_is_not_of_diplomats():
    found = coded("La Suède a annoncé mardi l'expulsion de quatre trafiquants iraniens.", "fr")
    assert not any(cameo == "166" for _, cameo, _ in found)


def test_french_recall_of_ones_own_ambassadors_as_a_noun():
    found = confident("Le Pérou a annoncé jeudi le rappel de ses ambassadeurs au Chili.", "fr")
    assert ("PER", "161", "CHL") in found


def test_french_recall_of_goods_is_no_recall_of_envoys():
    found = coded("Le Pérou a annoncé jeudi le rappel de ses produits vendus au Chili.", "fr")
    assert not any(cameo == "161" for _, cameo, _ in found)


def test_expelled_group_with_its_country_of_origin_after_the_noun():
    # the envoys' demonym after the noun and "de" + the country they were sent from: that country acted
    found = coded("Perú estudia su respuesta a la expulsión de diplomáticos peruanos de Chile.", "es")
    assert ("CHL", "166", "PERGOV") in found
    assert not any(source == "PERGOV" and cameo == "166" for source, cameo, _ in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # several states calling their own envoys home from one host: each acts on the host
        ("La Bolivie et le Pérou ont rappelé leurs ambassadeurs au Chili.", "fr"),
        ("Bolivia y Perú retiraron a sus embajadores en Chile.", "es"),
        ("A Bolívia e o Peru retiraram os seus embaixadores no Chile.", "pt"),
        ("La Bolivie et le Pérou ont annoncé le rappel de leurs ambassadeurs au Chili.", "fr"),
    ],
)
def test_coordinated_states_recall_envoys_from_the_host(text, lang):
    found = confident(text, lang)
    assert {("BOL", "161", "CHL"), ("PER", "161", "CHL")} <= found
    assert ("BOL", "161", "PER") not in found


def test_place_of_a_joint_signing_stays_a_place():
    # an agreement signed in a third country: the place is no party, the signers act on each other
    found = coded("Bolivia y Perú firmaron un acuerdo de paz en Chile.", "es")
    assert ("BOL", "057", "PER") in found
    assert not any(target == "CHL" for _, _, target in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # signing with the new verb and a plural object, the two parties acting on each other
        ("O Brasil e o Chile rubricaram ontem sete protocolos de cooperação.", "pt", ("BRA", "057", "CHL")),
    ],
)
def test_portuguese_initialled_protocols_are_an_agreement(text, lang, expected):
    assert expected in confident(text, lang)


def test_portuguese_initialling_a_book_is_no_agreement():
    found = coded("O Brasil rubricou ontem o livro de visitas do Chile.", "pt")
    assert not any(cameo == "057" for _, cameo, _ in found)
