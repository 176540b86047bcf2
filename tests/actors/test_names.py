"""Countries by every name: formal and short names, abbreviations, demonyms, capitals, seats, epithets."""

from __future__ import annotations

import pytest
from tests.actors._helpers import code_of

from dyad.data._load import read_tsv


@pytest.mark.parametrize(
    "text, code",
    [
        ("Republic of Korea", "KOR"),
        ("South Korea", "KOR"),
        ("República de Corea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("República Popular Democrática de Corea", "PRK"),
        ("Corea del Norte", "PRK"),
        ("North Korea", "PRK"),
        ("People's Republic of China", "CHN"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("República Bolivariana de Venezuela", "VEN"),
        ("Estados Unidos", "USA"),
        ("Reino Unido", "GBR"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Nordkorea", "PRK"),  # German, from CLDR
        ("Corée du Nord", "PRK"),  # French, from CLDR
    ],
)
def test_formal_and_common_names(find, text: str, code: str) -> None:
    assert code_of(find(f"Officials said {text} had agreed."), text) == code


@pytest.mark.parametrize(
    "abbr, code",
    [
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("PRC", "CHN"),
        ("ROC", "TWN"),
        ("DRC", "COD"),
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("EE.UU.", "USA"),
        ("EEUU", "USA"),
        ("UAE", "ARE"),
        ("RPDC", "PRK"),
    ],
)
def test_abbreviations(find, abbr: str, code: str) -> None:
    assert code_of(find(f"The talks with {abbr} resumed on Monday."), abbr) == code


def test_abbreviations_are_case_exact(find) -> None:
    # "us" the pronoun and "uk" in lower case are not countries
    assert not [m for m in find("They told us the deal was off.") if m.code == "USA"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("North Korean", "PRK"),
        ("norcoreano", "PRK"),
        ("norcoreana", "PRK"),
        ("venezolano", "VEN"),
        ("venezolanas", "VEN"),
        ("Venezuelan", "VEN"),
        ("Venezuelans", "VEN"),
        ("Iraqi", "IRQ"),
        ("Iraqis", "IRQ"),
        ("francés", "FRA"),
        ("francesa", "FRA"),
        ("alemanes", "DEU"),
        ("estadounidense", "USA"),
        ("Kosovar", "XKX"),
        ("Sahrawi", "ESH"),
        ("Palestinian", "PSE"),
        ("Taiwanese", "TWN"),
        ("iraquíes", "IRQ"),
    ],
)
def test_demonyms_in_english_and_spanish(find, text: str, code: str) -> None:
    assert code_of(find(f"A {text} painter arrived. Un pintor {text} llegó."), text) == code


def test_every_country_in_the_demonym_table_resolves_in_both_languages(find) -> None:
    wrong = []
    # the curated table is the source of truth: each of its English and Spanish forms must come back
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[2] / "data_src" / "actors" / "demonyms.tsv"
    for row in read_tsv(path, required=("iso3", "en", "es")):
        en = row["en"].split("|")[0]
        es = row["es"].split("|")[0]
        for form in (en, es):
            got = code_of(find(f"Then {form} painters spoke."), form)
            if got != row["iso3"]:  # a form that is also the country's name ("malauí") needs its capital
                got = code_of(find(f"Then {form.capitalize()} painters spoke."), form.capitalize())
            if got != row["iso3"]:
                wrong.append((form, row["iso3"], got))
    assert not wrong, wrong[:20]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Pyongyang", "PRK"),
        ("Caracas", "VEN"),
        ("Washington", "USA"),
        ("Moscú", "RUS"),
        ("Seúl", "KOR"),
        ("Kabul", "AFG"),
        ("Nairobi", "KEN"),
        ("Ouagadougou", "BFA"),
        ("La Habana", "CUB"),
        ("Pristina", "XKX"),
    ],
)
def test_capitals_as_metonyms(find, text: str, code: str) -> None:
    assert code_of(find(f"{text} rejected the proposal."), text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("The Kremlin", "RUSGOV"),
        ("Miraflores", "VENGOV"),
        ("The White House", "USAGOV"),
        ("The Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("La Casa Blanca", "USAGOV"),
    ],
)
def test_seats_of_government(find, text: str, code: str) -> None:
    assert code_of(find(f"{text} denied the report."), text) == code


def test_every_capital_of_a_large_state_is_known(resources) -> None:
    capitals = {n.code for n in resources.actor_names if n.kind == "capital"}
    for iso3 in (
        "USA",
        "VEN",
        "PRK",
        "KOR",
        "CHN",
        "RUS",
        "IND",
        "BRA",
        "NGA",
        "EGY",
        "IRN",
        "TUR",
        "MEX",
        "IDN",
    ):
        assert iso3 in capitals


@pytest.mark.parametrize(
    "text, code",
    [
        ("the hermit kingdom", "PRK"),
        ("reino ermitaño", "PRK"),
        ("the Jewish state", "ISR"),
    ],
)
def test_epithets(find, text: str, code: str) -> None:
    assert code_of(find(f"Diplomats say {text} is isolated."), text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
        ("Gaza", "PSE"),
    ],
)
def test_actors_outside_iso_3166(find, text: str, code: str) -> None:
    assert code_of(find(f"The envoy visited {text} last week."), text) == code


def test_capitalised_names_need_a_capital(find) -> None:
    # the bird and the porcelain are not countries
    text = "We ate turkey from fine china."
    assert not [m for m in find(text) if m.code in ("TUR", "CHN")]
    assert code_of(find("Turkey and China signed a deal."), "Turkey") == "TUR"


def test_accents_are_folded(find) -> None:
    assert code_of(find("Tensions rose in Peru and Perú alike."), "Perú") == "PER"


def test_capitals_that_are_common_place_names_need_their_country_nearby(find) -> None:
    assert code_of(find("Kingston upon Thames council met."), "Kingston") is None
    assert code_of(find("Kingston thanked Jamaica's partners."), "Kingston") == "JAM"
    assert code_of(find("Valletta and Nassau protested."), "Valletta") == "MLT"
