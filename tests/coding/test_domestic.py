"""A body of a state acting on that state as a whole (KENGOV -> KEN) is a domestic act: kept, but below
the 0.5 line, since dyad codes acts between states. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

import dyad
from dyad.coding.grammar import grammar_for
from dyad.coding.stage import distrust_domestic


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Kenyan government declined to comment on Tuesday.", "KENGOV", "KEN"),
        ("The Algerian foreign minister hosted the signing ceremony in the capital.", "DZAGOV", "DZA"),
    ],
)
def test_an_organ_acting_on_its_own_country_is_not_trusted(text, source, target, fast):
    found = dyad.code_text(text, lang="en", fast=fast)
    events = [e for e in found if (e.source.code, e.target.code) == (source, target)]
    assert events, "the domestic reading stays a candidate"
    assert all(e.confidence < 0.5 for e in events)


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Algerian foreign minister hosted his Moroccan counterpart in the capital.", "DZAGOV", "MARGOV"),
        ("Kenyan police arrested two Somali nationals in Nairobi.", "KENCOP", "SOMCVL"),
    ],
)
def test_an_act_on_another_state_keeps_its_confidence(text, source, target, fast):
    events = dyad.code_text(text, lang="en", fast=fast)
    assert any((e.source.code, e.target.code) == (source, target) and e.confidence >= 0.5 for e in events)


def test_two_bodies_of_one_state_keep_their_confidence():
    # "the army deposed the government" is between two parties of one country, not on the country as a whole
    text = "The Algerian foreign minister hosted his Moroccan counterpart in the capital."
    event = next(e for e in dyad.code_text(text, lang="en", fast=True) if e.target.code == "MARGOV")
    event.target = replace(event.target, code="DZALEG", country="DZA", sector="LEG")
    assert distrust_domestic(0.8, event) == 0.8
    event.target = replace(event.target, code="DZA", country="DZA", sector=None)
    assert distrust_domestic(0.8, event) < 0.5


# A side with no country that is neither an organisation nor a stateless armed group (a bare sector, a
# region) is no party the coding guide names: such an act stays a candidate below the line.
@pytest.mark.parametrize(
    ("text", "side", "fast"),
    [
        ("Protesters attacked the Spanish embassy in Caracas on Monday.", "CVL", True),
        ("Protesters attacked the Spanish embassy in Caracas on Monday.", "CVL", False),
        ("Protests spread across the Middle East and Africa on Friday.", "MEA", False),
    ],
)
def test_an_act_with_a_side_of_no_state_is_not_trusted(text, side, fast):
    found = dyad.code_text(text, lang="en", fast=fast)
    events = [e for e in found if side in (e.source.code, e.target.code)]
    assert events, "the reading stays a candidate"
    assert all(e.confidence < 0.5 for e in events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Hundreds of Jordanian protesters burned Israeli flags outside the embassy on Friday.", "JORCVL", "ISR"),
        ("The European Union imposed sanctions on Belarus on Monday.", "IGOEEC", "BLR"),
        ("Armed rebels attacked a Malian army convoy near Gao on Sunday.", "REB", "MLIMIL"),
    ],
)
def test_citizens_of_a_state_organisations_and_armed_groups_keep_their_confidence(text, source, target):
    events = dyad.code_text(text, lang="en", fast=False)
    assert any((e.source.code, e.target.code) == (source, target) and e.confidence >= 0.5 for e in events)


@pytest.mark.parametrize("fast", [True, False])
def test_the_speaker_of_a_report_is_not_the_target_of_the_act(fast):
    # "X says its navy seized ...": no actor after the act; X reports it and is not the one it was done to
    text = "Iran said on Monday its navy seized a tanker in the Gulf."
    found = dyad.code_text(text, lang="en", fast=fast)
    assert not any(e.root == "17" and e.target.code == "IRN" for e in found)
    assert not any(e.root == "17" and e.confidence >= 0.5 for e in found)


def test_an_actor_before_the_act_with_no_verb_of_saying_between_is_still_its_target():
    # must not: no one speaks, so the actor named before the act stays its target
    found = dyad.code_text("In Syria, Turkish troops seized two villages on Monday.", lang="en", fast=True)
    assert any(e.source.code == "TURMIL" and e.target.country == "SYR" for e in found)


@pytest.mark.parametrize("fast", [True, False])
def test_an_army_firing_at_its_own_state_as_a_whole_is_not_trusted(fast):
    # the state is named for its islands, where the jets fired: no one the army fired on
    text = "Greek fighter jets fired on an unidentified aircraft over Greece's islands on Sunday."
    found = dyad.code_text(text, lang="en", fast=fast)
    assert all(e.confidence < 0.5 for e in found if e.target.code == "GRC" and e.root == "19")


@pytest.mark.parametrize("fast", [True, False])
def test_an_army_firing_at_a_foreign_aircraft_or_a_curfew_at_home_keep_their_confidence(fast):
    foreign = "Greek fighter jets fired on a Turkish aircraft over Greece's islands on Sunday."
    found = dyad.code_text(foreign, lang="en", fast=fast)
    assert any(e.source.code == "GRCMIL" and e.target.code == "TUR" and e.confidence >= 0.5 for e in found)
    # the same reading on its own state: not trusted; coercion at home that is no war (a curfew, root 17)
    # stays civil strife, as before
    event = next(e for e in found if e.target.code == "TUR")
    event.target = replace(event.target, code="GRC", country="GRC", sector=None)
    assert distrust_domestic(0.8, event, grammar_for("en")) < 0.5
    assert distrust_domestic(0.8, replace(event, cameo="1724", root="17"), grammar_for("en")) == 0.8
    # codes, not words: the same in every language dyad codes
    assert all(distrust_domestic(0.8, event, grammar_for(lang)) < 0.5 for lang in ("es", "de", "fr", "pt"))


@pytest.mark.parametrize(
    ("lang", "unknown", "foreign"),
    [
        ("es", "Cazas griegos dispararon contra una aeronave no identificada sobre las islas griegas el domingo.",
         "Cazas griegos dispararon contra una aeronave turca sobre las islas griegas el domingo."),
        ("de", "Griechische Kampfjets feuerten am Sonntag auf ein unbekanntes Flugzeug über den griechischen Inseln.",
         "Griechische Kampfjets feuerten am Sonntag auf ein türkisches Flugzeug über den griechischen Inseln."),
        ("pt", "Caças gregos dispararam contra uma aeronave não identificada sobre as ilhas gregas no domingo.",
         "Caças gregos dispararam contra uma aeronave turca sobre as ilhas gregas no domingo."),
    ],
)
def test_in_every_language_an_army_firing_on_its_own_state_is_not_trusted(lang, unknown, foreign):
    found = dyad.code_text(unknown, lang=lang, fast=True)
    assert all(e.confidence < 0.5 for e in found if e.target.code == "GRC" and e.root == "19")
    found = dyad.code_text(foreign, lang=lang, fast=True)
    assert any(e.target.code == "TUR" and e.root == "19" and e.confidence >= 0.5 for e in found)
