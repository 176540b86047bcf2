"""Large cities act as places inside their country (scripts/build_data.py, data_src/actors/cities_not_actors.tsv).

Sentences written for dyad."""

from __future__ import annotations

import pytest
from tests.actors._helpers import code_of

import dyad


@pytest.mark.parametrize(
    "text, city, code",
    [
        ("Drones launched from the sea hit the port of Odesa before dawn.", "Odesa", "UKR"),
        ("Rocket fire from across the border reached Lahore's outskirts.", "Lahore", "PAK"),
        ("Saboteurs cut power lines feeding Mombasa overnight.", "Mombasa", "KEN"),
        ("Demonstrators in Porto Alegre marched on the consulate.", "Porto Alegre", "BRA"),
    ],
)
def test_a_large_city_is_a_place_of_its_country(find, text: str, city: str, code: str) -> None:
    assert code_of(find(text), city) == code


@pytest.mark.parametrize(
    "text, word",
    [
        # ordinary words, first names and parts of longer names stay out (cities_not_actors.tsv)
        ("Beim Essen sprachen die Minister über die Grenze.", "Essen"),
        ("Carrefour opened two stores in the port last year.", "Carrefour"),
        ("A cold front will erode support, Phoenix analysts said.", "Phoenix"),
        # a city whose name another country's city shares is no one's (Valencia: Spain and Venezuela)
        ("Valencia hosted the summit of Mediterranean mayors.", "Valencia"),
        # a city held by another state than the one it belongs to is left to the story
        ("Warships left Sevastopol on Tuesday.", "Sevastopol"),
    ],
)
def test_names_that_are_not_only_a_city_are_no_actor(find, text: str, word: str) -> None:
    assert code_of(find(text), word) is None


def test_a_strike_on_a_large_city_is_on_its_country():
    events = dyad.code_text("Russian drones struck Odesa overnight, the governor said.", date="2024-05-07", fast=True)
    top = max(events, key=lambda e: e.confidence)
    assert (top.source.code[:3], top.root, top.target.code) == ("RUS", "19", "UKR")


def test_a_meeting_in_a_large_city_takes_place_there():
    events = dyad.code_text("Chinese and Pakistani officials met in Karachi on Monday.", date="2024-05-07", fast=True)
    assert events and all("PAK" in e.target.code or "CHN" in e.target.code for e in events)
    assert {e.location.name for e in events if e.location} == {"Karachi"}
