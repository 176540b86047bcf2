"""Titled persons the tables do not know, the EU named by its member count, and a weapon's maker: sentences
written for dyad in wire-copy style (the people are invented)."""

from __future__ import annotations

import pytest

from dyad.doc import Mention


def mention(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, [(m.text, m.code) for m in mentions]
    return found[0]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Los Veintisiete aprobaron el lunes nuevas sanciones contra Rusia.", "Los Veintisiete"),
        ("Los ministros de los Veintisiete se reunieron en Bruselas.", "los Veintisiete"),
        ("Les Vingt-Sept ont adopté lundi de nouvelles sanctions contre la Russie.", "Les Vingt-Sept"),
        ("Les dirigeants des Vingt-Sept se retrouvent jeudi.", "des Vingt-Sept"),
        ("Os Vinte e Sete aprovaram na segunda-feira novas sanções contra a Rússia.", "Os Vinte e Sete"),
        ("Les Vingt-Huit ont reconduit les sanctions.", "Les Vingt-Huit"),
    ],
)
def test_the_eu_named_by_its_member_count_is_the_eu(find, text, span) -> None:
    # "los ministros de los Veintisiete" is one actor phrase, the EU's ministers
    found = [m for m in find(text) if span in m.text]
    assert found and found[0].code == "IGOEEC", [(m.text, m.code) for m in find(text)]


@pytest.mark.parametrize(
    "text",
    ["Veintisiete personas resultaron heridas en el choque.", "Vingt-sept soldats ont été blessés."],
)
def test_a_count_that_is_not_the_bloc_is_no_actor(find, text) -> None:
    assert all(m.code != "IGOEEC" for m in find(text))


@pytest.mark.parametrize(
    "text",
    [
        "El canciller participará en la Reunión Anual de Cancilleres de la región.",
        "A Reunião de Cúpula terminou ontem.",
    ],
)
def test_a_meeting_is_not_the_island_of_reunion(find, text) -> None:
    assert all(m.code != "REU" for m in find(text))


def test_the_island_of_reunion_with_its_cues_is_still_named(find) -> None:
    found = find("France sent troops to Réunion, its island in the Indian Ocean.")
    assert "REU" in [m.code for m in found]
