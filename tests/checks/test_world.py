"""World facts the checks read: land neighbours and diplomatic relations by date."""

from __future__ import annotations

import pytest

from dyad.checks.world import World


@pytest.fixture(scope="module")
def world() -> World:
    return World.load()


def test_land_borders_between_countries_are_symmetric(world: World) -> None:
    for a, borders in world.neighbours.items():
        for b in borders:
            if b in world.neighbours and "-" not in a:  # a region (GB-NIR) borders its neighbour's country
                assert a in world.neighbours[b], (a, b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("NER", "DZA", True),
        ("NGA", "DZA", False),
        ("SVK", "UKR", True),
        ("SVN", "UKR", False),
        ("AUS", "HUN", False),
        ("SSD", "UGA", True),
        ("SDN", "UGA", False),
        ("FRA", "DEU", None),
    ],
)
def test_borders(world: World, a: str, b: str, expected: bool | None) -> None:
    assert world.borders(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "date", "expected"),
    [
        ("TWN", "HND", "2023-03-01", True),  # Honduras switched to Beijing on 2023-03-26
        ("TWN", "HND", "2023-06-11", False),
        ("HND", "TWN", "2023-06-11", False),
        ("CHN", "HND", "2023-06-11", True),  # Beijing is recognised exactly where Taipei is not
        ("CHN", "PRY", "2023-06-11", False),
        ("TWN", "PRY", "2023-06-11", True),
        ("KOR", "CUB", "2016-03-02", False),  # relations since 2024-02-14
        ("KOR", "CUB", "2024-03-01", True),
        ("PRK", "CUB", "2016-03-02", True),
        ("IRN", "SAU", "2020-01-01", False),
        ("IRN", "SAU", "2023-06-06", True),  # restored on 2023-03-10
        ("NGA", "FRA", "2023-06-06", True),  # not in the table: relations
        ("TWN", "HND", None, None),
    ],
)
def test_relations_by_date(world: World, a: str, b: str, date: str | None, expected: bool | None) -> None:
    assert world.related(a, b, date) is expected


@pytest.mark.parametrize(
    ("a", "b", "date", "expected"),
    [
        ("SDN", "UGA", "2005-01-01", True),  # before South Sudan's independence (2011-07-09)
        ("SDN", "UGA", "2011-07-09", False),
        ("SDN", "SSD", "2011-07-09", True),
        ("SSD", "UGA", "2005-01-01", None),  # no such state then: the table cannot say
        ("COD", "SDN", "1999-12-31", True),
        ("COD", "SDN", "2020-01-01", False),
        ("NGA", "DZA", "1990-01-01", False),
    ],
)
def test_borders_on_a_date(world: World, a: str, b: str, date: str, expected: bool | None) -> None:
    assert world.borders(a, b, date) is expected
