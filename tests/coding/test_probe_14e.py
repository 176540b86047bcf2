"""Causes read on the events probe's misses (issue 14e), each tested with sentences written for these
tests, a hard negative beside it."""

from __future__ import annotations

import pytest
from tests.coding._helpers import coded

import dyad


@pytest.mark.parametrize(
    ("text", "source", "cameo", "target"),
    [
        # a headline's bare participle: the speaker before the colon did it, the clause's actors suffered it
        ("Israels Luftwaffe: Dutzende Hamas-Stellungen im Gazastreifen angegriffen", "ISRMIL", "190", "PSEREB"),
        ("Türkisches Militär: Mehr als 40 PKK-Ziele im Irak bombardiert", "TURMIL", "194", "TURREB"),
        # the same participle with its agent after "von" and no auxiliary
        ("Ukrainische Dörfer von Russland angegriffen", "RUS", "190", "UKR"),
    ],
)
def test_german_headline_participle(text, source, cameo, target):
    assert (source, cameo, target) in coded(text, "de")


def test_german_headline_participle_hard_negative():
    # the clause has its own auxiliary and subject: the place before the colon is only where it was said
    found = coded("Kiew: Russische Truppen haben Charkiw angegriffen", "de")
    assert ("RUSMIL", "190", "UKR") in found
    assert not any(source.startswith("UKR") for source, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # the expelled group's demonym, then the country it was sent away from: that country expelled it
        ("L'expulsion de diplomates français d'Algérie a surpris Paris.", "fr", "DZA", "FRAGOV"),
        ("A expulsão de diplomatas brasileiros da Nicarágua irritou o governo.", "pt", "NIC", "BRAGOV"),
        ("La expulsión de diplomáticos españoles de Venezuela fue anunciada el lunes.", "es", "VEN", "ESPGOV"),
    ],
)
def test_an_expelled_group_and_the_country_it_left(text, lang, source, target):
    assert (source, "166", target) in coded(text, lang)


def test_an_expelled_group_without_a_country_of_origin_keeps_the_subject_as_agent():
    # hard negative: no "de X" after the group: the clause's subject expelled it
    found = coded("La Pologne décide l'expulsion de diplomates russes.", "fr")
    assert ("POL", "166", "RUSGOV") in found
    assert not any(source.startswith("RUS") for source, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # foreign ministers in the plural belong to the country or union named after them, not to the target
        ("Les ministres des Affaires étrangères de l'UE ont adopté des sanctions contre la Russie.", "fr",
         "IGOEEC", "163", "RUS"),
        ("Los ministros de Exteriores de la UE acordaron nuevas sanciones contra Bielorrusia.", "es",
         "IGOEEC", "163", "BLR"),
        ("El ministro de Exteriores de Chile recibió ayer a los ministros de Exteriores de Perú y Bolivia.", "es",
         "CHLGOV", "043", "BOLGOV"),
    ],
)
def test_plural_foreign_ministers_of_a_country(text, lang, source, cameo, target):
    found = coded(text, lang)
    assert (source, cameo, target) in found
    # hard negative: the act's target is never made its source
    assert not any(s == target for s, _, _ in found)


def test_a_french_gerund_of_force_shares_the_sentence_subject():
    # ", en lâchant ..." after a verb no pattern knows: the sentence's subject fired, at its object
    found = coded("Pour la deuxième nuit, le Hezbollah vise Israël, en lâchant des salves de roquettes.", "fr")
    assert ("LBNREB", "194", "ISR") in found
    assert not any(s == "ISR" and c.startswith("19") for s, c, _ in found)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # hard negatives: letting go of ballast is no attack; a missile fired into the sea is a test
        ("Le gouvernement a lâché du lest face aux syndicats.", "19"),
        ("La Corée du Nord a tiré deux missiles balistiques en mer du Japon.", "19"),
    ],
)
def test_dropping_words_that_are_no_attack(text, root):
    assert not any(c.startswith(root) for _, c, _ in coded(text, "fr"))


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # the act named right after "resolution" is its content, done by whoever adopted it
        ("Die UN-Generalversammlung hat eine Resolution zur Verurteilung der Besetzung von Teilen Georgiens "
         "durch Russland verabschiedet.", "de", "IGOUNO", "RUS"),
        ("Une résolution condamnant la Syrie a été adoptée par le Conseil de sécurité de l'ONU.", "fr",
         "IGOUNO", "SYR"),
        ("A Assembleia Geral da ONU aprovou uma resolução que condena a Rússia.", "pt", "IGOUNO", "RUS"),
    ],
)
def test_a_resolution_condemning_is_its_adopter_condemning(text, lang, source, target):
    found = coded(text, lang)
    assert (source, target) in {(s, t) for s, c, t in found if c.startswith("11")}
    assert not any(s == target and c.startswith("11") for s, c, _ in found)


def test_a_vetoed_resolution_is_no_condemnation_by_the_veto():
    # hard negative: no verb of adopting: the one who vetoed never becomes the body that condemns
    events = dyad.code_text("Rusia vetó una resolución que condena a Siria.", date="2020-03-12", lang="es", fast=True)
    assert any(e.cameo == "129" and e.source.code == "RUS" for e in events)
    assert not any(e.cameo.startswith("11") and e.source.code == "RUS" and e.confidence >= 0.5 for e in events)
