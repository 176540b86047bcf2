"""A bare group placed by its own phrase ("the victims of the floods that struck northern Italy") is of that
state, not of the story's home country. Sentences written for dyad."""

from __future__ import annotations

import pytest
from tests.actors._helpers import code_of

from dyad.doc import Document
from dyad.engine import process_document


def _mentions(text: str, lang: str) -> list:
    return process_document(Document(id="g", text=text, lang=lang, date="2024-05-05"), fast=True).mentions


@pytest.mark.parametrize(
    ("lang", "text", "group", "code"),
    [
        ("en", "WASHINGTON - The president sent condolences to the victims of the floods that struck northern Italy.",
         "victims", "ITACVL"),
        ("es", "MADRID - El rey expresó sus condolencias a las familias de los fallecidos en Marruecos.",
         "familias", "MARCVL"),
        ("fr", "PARIS - Le président a adressé ses condoléances aux familles des victimes du séisme en Turquie.",
         "victimes", "TURCVL"),
    ],
)
def test_a_group_takes_the_state_its_own_phrase_places_it_in(lang: str, text: str, group: str, code: str) -> None:
    assert code_of(_mentions(text, lang), group) == code


@pytest.mark.parametrize(
    ("lang", "text", "group", "code"),
    [
        # a verb, not a preposition, follows the group: the place is where they went, the group stays the story's
        ("en", "WASHINGTON - The victims met the Italian ambassador on Friday and flew to Rome.", "victims", "USACVL"),
        # punctuation ends the group's phrase
        ("en", "WASHINGTON - The victims, most of them tourists, were flown home from Italy.", "victims", "USACVL"),
    ],
)
def test_a_place_outside_the_groups_phrase_leaves_it_the_storys(lang: str, text: str, group: str, code: str) -> None:
    assert code_of(_mentions(text, lang), group) == code
