"""The check tables: they load, cover every confusable set in English and Spanish, and derive more."""

from __future__ import annotations

from collections import Counter

import pytest

from dyad.checks.data import CheckData
from dyad.text.normalize import fold_key

SETS = [
    ("KOR", "PRK"),
    ("CHN", "TWN"),
    ("COD", "COG"),
    ("GIN", "GNB"),
    ("GIN", "GNQ"),
    ("NER", "NGA"),
    ("DMA", "DOM"),
    ("SDN", "SSD"),
    ("AUT", "AUS"),
    ("SVK", "SVN"),
    ("IRN", "IRQ"),
    ("GEO", "US-GA"),
    ("MKD", "GR-B"),
    ("IRL", "GB-NIR"),
    ("GIN", "PNG"),
    ("CHE", "SWZ"),
    ("MLI", "MWI"),
    ("GMB", "ZMB"),
    ("WSM", "ASM"),
]


@pytest.fixture(scope="module")
def data(check_data: CheckData) -> CheckData:
    return check_data


@pytest.mark.parametrize(("a", "b"), SETS)
def test_every_set_is_a_pair_with_names_in_both_languages(data: CheckData, a: str, b: str) -> None:
    assert b in data.partners[a] and a in data.partners[b]
    for entity in (a, b):
        langs = {n.lang for n in data.names if n.entity == entity}
        assert {"en", "es"} <= langs, entity
        assert any(c.entity == entity for c in data.cues), entity


def test_pairs_derived_from_similar_names(data: CheckData) -> None:
    assert "LBY" in data.partners["LBR"]  # Liberia / Libya: not listed by hand
    assert "WSM" in data.partners["ASM"]  # Samoa / American Samoa
    assert "FRA" not in data.partners.get("DEU", set())


def test_no_duplicate_rows(data: CheckData) -> None:
    rows = Counter((n.entity, n.lang, n.style, fold_key(n.name)) for n in data.names)
    assert [k for k, n in rows.items() if n > 1] == []
    cues = Counter((c.entity, fold_key(c.text)) for c in data.cues)
    assert [k for k, n in cues.items() if n > 1] == []


def test_capitals_and_cities_come_from_the_tables(data: CheckData) -> None:
    capitals = {(c.entity, c.text) for c in data.cues if c.kind == "capital"}
    assert ("LBR", "Monrovia") in capitals  # from countries.tsv: a derived pair, no hand-written cue
    cities = {(c.entity, c.text) for c in data.cues if c.kind == "city"}
    assert ("NGA", "Lagos") in cities


def test_suggestion_keeps_language_style_and_form(data: CheckData) -> None:
    assert data.suggestion("PRK", "es", "formal", "") == "República Popular Democrática de Corea"
    assert data.suggestion("NER", "es", "demonym", "f") == "nigerina"
    assert data.suggestion("NER", "en", "demonym", "sg") == "Nigerien"


def test_office_holders_are_cues_by_name_and_by_surname_after_a_title(data: CheckData) -> None:
    from dyad.checks.scan import Scanner

    cues = {(c.entity, c.kind, c.text) for c in data.cues}
    assert ("NGA", "leader", "Yusuf Tuggar") in cues and ("NGA", "surname", "Tuggar") in cues
    assert ("MWI", "leader", "Saulos Chilima") in cues
    assert not [c for c in data.cues if c.kind == "surname" and c.text in ("Kim", "Wong", "Dlamini")]
    scanner = Scanner(data)

    def found(text: str) -> set[str]:
        return {c.entity for h in scanner.find(text) for c in h.cues}

    assert found("Foreign Minister Tuggar said on Monday") == {"NGA"}
    assert found("el canciller Tuggar dijo el lunes") == {"NGA"}
    assert found("Gen. Tchiani spoke") == {"NER"}
    assert found("Tuggar said on Monday") == set()  # a bare surname points nowhere


def test_every_listed_country_has_its_neighbours(data: CheckData) -> None:
    assert data.world is not None
    for pair in data.pair_notes:
        for code in pair:
            if data.listed(*pair) and data.country_of(code) == code and code not in ("MKD",):
                assert code in data.world.neighbours, code
