"""Causes read on the events probe's third batch and on tune (issue 14f), each tested with sentences written
for these tests, a hard negative beside each."""

from __future__ import annotations

import pytest
from tests.coding._helpers import coded


@pytest.mark.parametrize(
    "text",
    [
        # "Richtung X" (towards X) is a preposition: X is where the act goes, never its subject
        "Richtung Japan hat Nordkorea am Montag Raketen abgefeuert.",
        "Nordkorea hat am Montag Raketen Richtung Japan abgefeuert.",
    ],
)
def test_german_richtung_marks_the_target(text):
    found = coded(text, "de")
    assert ("PRK", "150", "JPN") in found
    assert not any(source == "JPN" for source, _, _ in found)


def test_german_richtung_as_a_noun_hard_negative():
    # "die Richtung" with its article is the noun (a course): the state after it in the genitive owns it
    found = coded("Die neue Richtung Frankreichs kritisierte Deutschland am Montag scharf.", "de")
    assert ("FRA", "111", "DEU") in found


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # people named without a state are the people of the place the sentence puts them in
        ("Centenas de pessoas protestaram em Lisboa contra o governo russo.", "pt", "PRTCVL", "140", "RUSGOV"),
        ("Estudantes protestaram diante do consulado da China em São Paulo.", "pt", "BRAEDU", "140", "CHNGOV"),
        ("Tausende Menschen haben am Samstag in Wien gegen die polnische Regierung protestiert.", "de", "AUTCVL", "140",
         "POLGOV"),
        ("Des centaines de personnes ont manifesté devant l'ambassade de Russie à Paris.", "fr", "FRACVL", "141",
         "RUSGOV"),
        ("Cientos de personas protestaron en Madrid frente a la embajada de Rusia.", "es", "ESPCVL", "140", "RUSGOV"),
    ],
)
def test_people_in_a_place_are_its_people(text, lang, source, cameo, target):
    assert (source, cameo, target) in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        # places in two countries: no one place is theirs
        ("Centenas de pessoas protestaram em Lisboa e em Madrid contra o governo russo.", "pt", "CVL"),
        # a demonym of their own wins over the place
        ("Manifestantes ucranianos protestaram em Lisboa contra o governo russo.", "pt", "UKRCVL"),
        # English is not flagged: its people keep no country here
        ("Hundreds of people protested in Vienna against the Russian government.", "en", "CVL"),
    ],
)
def test_people_in_a_place_hard_negatives(text, lang, source):
    assert (source, "140", "RUSGOV") in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [
        # "deslocar-se a X" (to travel to X) is a visit, with its destination after the preposition
        ("O primeiro-ministro português desloca-se amanhã a Moçambique.", "042", "MOZ"),
        ("O primeiro-ministro português deslocou-se ao Brasil na segunda-feira.", "042", "BRA"),
        # a reflexive verb's pronoun after an infinitive and inside the future ("vai reunir-se", "deslocar-se-á")
        ("O primeiro-ministro português vai reunir-se com o Presidente angolano em março.", "040", "AGOGOV"),
        ("O primeiro-ministro português deslocar-se-á a Angola em março.", "042", "AGO"),
    ],
)
def test_portuguese_reflexive_visits_and_clitics(text, cameo, target):
    assert ("PRTGOV", cameo, target) in coded(text, "pt")


def test_portuguese_deslocar_se_without_a_destination_hard_negative():
    # moving away from a place, with no destination preposition the pattern takes: no visit
    found = coded("O ministro português deslocou-se de Angola para o Brasil.", "pt")
    assert not any(cameo == "042" for _, cameo, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # holding a demonstration is the protest itself, a verb with its object
        ("Sindicalistas angolanos realizaram uma manifestação diante da embaixada portuguesa em Luanda.", "pt", "AGO",
         "PRTGOV"),
        ("Sindicalistas colombianos hicieron un plantón frente a la embajada de Venezuela en Bogotá.", "es", "COL",
         "VENGOV"),
        ("Des étudiants ont organisé un rassemblement devant l'ambassade d'Espagne à Paris.", "fr", "FRAEDU", "ESPGOV"),
    ],
)
def test_holding_a_demonstration(text, lang, source, target):
    found = coded(text, lang)
    assert (source, "141", target) in found


@pytest.mark.parametrize(
    ("text", "lang", "cameo"),
    [
        # a government's formal protest is a diplomatic act; a troop concentration a show of force
        ("O governo brasileiro fez um protesto formal junto ao governo argentino.", "pt", "114"),
        ("El gobierno mexicano realizó una protesta formal ante Estados Unidos.", "es", "114"),
        ("O governo angolano realizou uma concentração de tropas na fronteira com a Namíbia.", "pt", "154"),
    ],
)
def test_holding_a_demonstration_hard_negatives(text, lang, cameo):
    found = coded(text, lang)
    assert any(code == cameo for _, code, _ in found)
    assert not any(code == "141" for _, code, _ in found)


def test_portuguese_em_frente_a_is_no_battle_front():
    # "em frente à embaixada" (in front of the embassy) is a place, not a front line
    found = coded("Estudantes protestaram em frente à embaixada da França em Lisboa.", "pt")
    assert not any(code.startswith("19") for _, code, _ in found)
    # hard negative: a front line named in full still reads as fighting
    assert ("RUSMIL", "190", "UKRMIL") in coded(
        "Os soldados russos avançaram na linha de frente contra as tropas ucranianas.", "pt"
    )


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # young people named as a group are civilians, located by the place they stand in
        ("Decenas de jóvenes marcharon en Lima contra el gobierno chino.", "es", "PERCVL", "CHNGOV"),
        ("Des centaines de jeunes ont manifesté devant l'ambassade de France à Dakar.", "fr", "SENCVL", "FRAGOV"),
    ],
)
def test_young_people_are_civilians(text, lang, source, target):
    assert (source, "141", target) in coded(text, lang)


def test_young_as_an_adjective_hard_negative():
    # "jeunes" before a noun only qualifies it: the soldiers attack, no civilians
    found = coded("Les jeunes soldats russes ont attaqué des positions ukrainiennes.", "fr")
    assert ("RUSMIL", "190", "UKR") in found
    assert not any(source.endswith("CVL") for source, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # an act "attributed to X" was X's, on the next party the clause names
        ("Une frappe de drone attribuée à la Turquie a touché un village du nord de l'Irak.", "fr", "TUR", "IRQ"),
        ("Une attaque de drone imputée à l'Ukraine a visé Moscou.", "fr", "UKR", "RUS"),
        ("Um bombardeamento atribuído à Rússia atingiu uma cidade ucraniana.", "pt", "RUS", "UKR"),
    ],
)
def test_an_act_attributed_to_an_actor_is_its_own(text, lang, source, target):
    found = coded(text, lang)
    assert any(s == source and code.startswith("19") and t == target for s, code, t in found)
    assert not any(s == target and code.startswith("19") for s, code, _ in found)


def test_attributed_far_from_the_act_hard_negative():
    # the participle qualifies another noun (the base), well after the act: the attacker stays the demonym's
    found = coded("Une frappe aérienne turque a visé mardi une position attribuée à l'armée irakienne près de Mossoul.",
                  "fr")
    assert ("TUR", "195", "IRQMIL") in found
    assert not any(s.startswith("IRQ") and code.startswith("19") for s, code, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # a headline's act noun, a place and "against X": X is the target, the place's people protest
        ("Protestos em Madrid contra o governo chinês", "pt", "ESP", "140", "CHNGOV"),
        ("Manifestations à Berlin contre le gouvernement iranien", "fr", "DEU", "141", "IRNGOV"),
        ("Proteste in Prag gegen die chinesische Regierung", "de", "CZE", "140", "CHNGOV"),
        # a warning "Richtung Tokio" (towards Tokyo) goes to Japan, the clause's subject gives it
        ("Nordkorea schickte am Dienstag eine scharfe Warnung Richtung Tokio.", "de", "PRK", "130", "JPN"),
    ],
)
def test_a_nominal_act_against_an_actor_targets_it(text, lang, source, cameo, target):
    found = coded(text, lang)
    assert (source, cameo, target) in found
    assert not any(s == target for s, _, _ in found)


def test_a_nominal_act_against_an_actor_hard_negative():
    # the doer named right after the noun stays the doer
    assert ("IGOEEC", "163", "RUS") in coded("Sanções da União Europeia contra a Rússia", "pt")


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # judging another's act unacceptable is criticism
        ("El gobierno argentino consideró inaceptables las amenazas del gobierno británico.", "es", "ARGGOV", "GBRGOV"),
        ("O governo português considerou inaceitáveis as ameaças da Rússia.", "pt", "PRTGOV", "RUS"),
        ("Paris a estimé inacceptables les menaces du gouvernement iranien.", "fr", "FRA", "IRNGOV"),
        ("Die Bundesregierung nannte die Raketentests der nordkoreanischen Armee inakzeptabel.", "de", "DEUGOV",
         "PRKMIL"),
    ],
)
def test_judging_an_act_unacceptable_is_criticism(text, lang, source, target):
    assert (source, "111", target) in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the same verbs with praise: no criticism
        ("El gobierno argentino consideró positiva la visita del presidente uruguayo.", "es"),
        ("Die Bundesregierung nannte die Gespräche mit der polnischen Regierung konstruktiv.", "de"),
    ],
)
def test_judging_an_act_hard_negatives(text, lang):
    assert not any(code.startswith("11") for _, code, _ in coded(text, lang))
