"""An expulsion's group and the state it was sent away from (roles._expelled_from, grammar class sent_from).

Sentences written for dyad, in the five coded languages."""

from __future__ import annotations

import pytest

import dyad


def top(text: str, lang: str) -> tuple[str, str, str]:
    event = max(dyad.code_text(text, date="2019-12-04", lang=lang, fast=True), key=lambda e: e.confidence)
    return event.source.code[:3], event.cameo[:2], event.target.code[:3]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The expulsion of two Chilean diplomats from Bolivia strained ties further.", "en"),
        ("Die Ausweisung von zwei chilenischen Diplomaten aus Bolivien belastete die Beziehungen.", "de"),
        ("La expulsión de diplomáticos chilenos de Bolivia tensó aún más la relación.", "es"),
        ("L'expulsion de diplomates chiliens de Bolivie a tendu les relations.", "fr"),
        ("A expulsão de diplomatas chilenos da Bolívia abalou as relações.", "pt"),
    ],
)
def test_the_state_a_group_is_expelled_from_expels_it(text: str, lang: str) -> None:
    source, root, target = top(text, lang)
    assert (source, target) == ("BOL", "CHL") and root in ("16", "17")


def test_an_expulsion_by_a_state_keeps_its_agent() -> None:
    # no "from": the usual reading (the state before the noun acts)
    assert top("Bolivia ordered the expulsion of two Chilean diplomats on Tuesday.", "en")[::2] == ("BOL", "CHL")


def test_a_withdrawal_from_a_state_is_the_group_s_own_act() -> None:
    # troops leaving a country withdraw themselves: the country they leave does nothing
    source, root, target = top("The withdrawal of Chilean troops from Bolivia began on Monday.", "en")
    assert (source, target) == ("CHL", "BOL") and root == "08"


def test_a_group_of_the_same_state_as_the_place_is_not_read_as_sent_away() -> None:
    # "Bolivian diplomats from Bolivia": the place names the group's own state, not an expeller
    events = dyad.code_text("The expulsion of Bolivian diplomats from Bolivia was reported.", date="2019-12-04",
                            lang="en", fast=True)
    assert events and not any("expelled from the state after it" in str(e.explanation) for e in events)
    events = dyad.code_text("The expulsion of Chilean diplomats from Bolivia was reported.", date="2019-12-04",
                            lang="en", fast=True)
    assert any("expelled from the state after it" in str(e.explanation) for e in events)
