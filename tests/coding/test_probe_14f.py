"""Causes read on the events probe's third batch and on tune (issue 14f), each tested with sentences written
for these tests, a hard negative beside each."""

from __future__ import annotations

import pytest

import dyad


def coded(text: str, lang: str, date: str = "2020-03-12") -> set[tuple[str, str, str]]:
    return {(e.source.code, e.cameo, e.target.code) for e in dyad.code_text(text, date=date, lang=lang, fast=True)}


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
