"""Causes read on the events probe's misses (issue 14e), each tested with sentences written for these
tests, a hard negative beside it."""

from __future__ import annotations

import pytest

import dyad


def coded(text: str, lang: str, date: str = "2020-03-12") -> set[tuple[str, str, str]]:
    return {(e.source.code, e.cameo, e.target.code) for e in dyad.code_text(text, date=date, lang=lang, fast=True)}


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
