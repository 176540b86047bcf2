"""English: a state or its army that attacks, strikes or hits uses armed force (root 19), as the yardstick's
readers code it and as es/de/fr/pt read it; a crowd or a politician who "attacks" does not. Sentences
written for these tests."""

from __future__ import annotations

import pytest

import dyad


def best(text: str):
    events = dyad.code_text(text, date="2021-05-04", lang="en", fast=True)
    assert events, f"no event for: {text}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel struck targets in southern Lebanon on Wednesday.", "ISR", "LBN"),
        ("The Russian army hit power plants in Ukraine overnight.", "RUSMIL", "UKR"),
        ("Turkish troops attacked positions in northern Syria on Tuesday.", "TURMIL", "SYR"),
        ("Egyptian commandos raided a camp inside Libya before dawn.", "EGY", "LBY"),
    ],
)
def test_a_state_or_its_army_attacking_uses_armed_force(text, source, target):
    top = best(text)
    assert (top.source.code, top.root, top.target.code) == (source, "19", target)
    trusted = [e for e in dyad.code_text(text, lang="en", fast=True) if e.confidence >= 0.5]
    assert not any(e.root == "18" and e.source.code == source for e in trusted)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Protesters attacked the Spanish embassy in Caracas on Monday.", "CVL"),
        ("The president of Brazil attacked the government of Argentina in a speech.", "BRAGOV"),
    ],
)
def test_others_who_attack_use_no_armed_force(text, source):
    assert not any(
        e.root == "19" and e.source.code == source for e in dyad.code_text(text, lang="en", fast=True)
    )


def test_targets_named_by_a_demonym_are_no_attacker():
    # "targets" is a noun here: the country its demonym names did not act
    text = "Israeli jets struck Iranian targets near Damascus on Sunday."
    trusted = [e for e in dyad.code_text(text, lang="en", fast=True) if e.confidence >= 0.5]
    assert not any(e.source.code.startswith("IRN") for e in trusted)
    assert best(text).source.code.startswith("ISR")
