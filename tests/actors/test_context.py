"""Ambiguous names from context, "the country" and "both nations", data-driven from ambiguity.tsv."""

from __future__ import annotations

import pytest
from tests.actors._helpers import code_of


def test_korea_alone_follows_the_story(find) -> None:
    north = "Pyongyang tested a missile. Korea's leader Kim Jong Un watched."
    south = "Samsung shares rose in Seoul. Korea's exports grew."
    assert [m.code for m in find(north, "2017-01-01") if m.text.startswith("Korea")][0].startswith("PRK")
    assert [m.code for m in find(south, "2017-01-01") if m.text.startswith("Korea")][0].startswith("KOR")


def test_georgia_the_state_is_not_the_country(find) -> None:
    assert code_of(find("Russian tanks crossed into Georgia near Tbilisi."), "Georgia") == "GEO"
    assert code_of(find("Voters in Georgia lined up in Atlanta for the Senate race."), "Georgia") is None


def test_congo_by_its_capital(find) -> None:
    assert code_of(find("Congo said Brazzaville would host the talks."), "Congo") == "COG"
    assert code_of(find("Congo said Kinshasa would host the talks."), "Congo") == "COD"


def test_guinea_and_its_neighbours(find) -> None:
    mentions = find("Guinea and Guinea-Bissau met Equatorial Guinea and Papua New Guinea.")
    assert [(m.text, m.code) for m in mentions] == [
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Papua New Guinea", "PNG"),
    ]


def test_dominica_is_not_the_dominican_republic(find) -> None:
    mentions = find("Dominica thanked the Dominican Republic.")
    assert [(m.text, m.code) for m in mentions] == [("Dominica", "DMA"), ("Dominican Republic", "DOM")]


def test_niger_is_not_nigeria(find) -> None:
    mentions = find("Niger closed its border with Nigeria.")
    assert [(m.text, m.code) for m in mentions][:2] == [("Niger", "NER"), ("Nigeria", "NGA")]


def test_jordan_the_person_is_not_jordan_the_country(find) -> None:
    assert code_of(find("Michael Jordan visited Paris."), "Jordan") is None
    assert code_of(find("Jordan closed its airspace."), "Jordan") == "JOR"


def test_the_country_is_the_one_just_named(find) -> None:
    mentions = find("Peru declared an emergency. The country closed its schools.")
    assert code_of(mentions, "The country") == "PER"


def test_both_nations_are_the_dyad_just_named(find) -> None:
    mentions = find("Ghana and Togo met in Accra. Both nations agreed to open the border.")
    assert sorted(m.code for m in mentions if m.text == "Both nations") == ["GHA", "TGO"]


def test_both_nations_without_two_countries_is_left_alone(find) -> None:
    assert not [m for m in find("Both nations agreed to talk.") if m.text == "Both nations"]


def test_both_nations_in_the_sentence_that_names_one_of_them(find) -> None:
    mentions = find("Chile hosted Bolivia's envoy. Santiago said both nations would reopen the consulates.")
    assert sorted(m.code for m in mentions if m.text == "both nations") == ["BOL", "CHL"]


def test_the_country_is_not_repeated_beside_its_name(find) -> None:
    mentions = find("Aid reached Yemen as the country's cholera epidemic spread.")
    assert [m.code for m in mentions] == ["YEM"]


def test_both_nations_with_one_country_near_is_the_story_dyad(find) -> None:
    text = (
        "Ghana and Togo opened a joint border post. Ghana's president praised Togo.\n\n"
        "Benin was not invited.\n\n"
        "What comes next for both nations?"
    )
    mentions = find(text)
    assert sorted(m.code for m in mentions if m.text == "both nations") == ["GHA", "TGO"]


def test_the_country_stays_in_its_paragraph(find) -> None:
    text = "Peru declared an emergency. Peru's president spoke. Chile sent aid.\n\nThe country shut it."
    assert (
        code_of(find(text), "The country") == "PER"
    )  # the story's home country, not Chile of the paragraph before


def test_a_dateline_is_where_the_story_was_filed(find) -> None:
    mentions = find("HAVANA (Reuters) - Cuba reopened talks with Mexico.")
    by_text = {m.text: m for m in mentions}
    assert by_text["HAVANA"].confidence < 0.5 and "dateline" in by_text["HAVANA"].why
    assert by_text["Reuters"].confidence < 0.5
    assert by_text["Cuba"].confidence == 1.0


@pytest.mark.parametrize(
    "stamp", ["2019-04-02 ", "  date 2019-04 ", "Published: 2019-04-02 08:15 ", "Atualizado 2019-04-02T08:15 "]
)
def test_a_dateline_after_a_pages_time_stamp_is_still_a_dateline(find, stamp: str) -> None:
    found = find(f"{stamp}Nairobi (AFP) - Kenya recalled its envoy from Somalia.")
    mentions = {m.text.split(" (")[0]: m for m in found}
    assert "dateline" in mentions["Nairobi"].why and mentions["Nairobi"].confidence < 0.5
    assert mentions["Kenya"].confidence == 1.0


def test_a_city_after_a_date_with_no_dash_is_no_dateline(find) -> None:
    # a date and a capital that acts: nothing marks the capital as where the story was filed
    mentions = {m.text: m for m in find("2019-04-02 Nairobi recalled its envoy from Somalia.")}
    assert "dateline" not in mentions["Nairobi"].why


def test_words_that_are_not_the_actor(find) -> None:
    text = "Chad Smith said the Turkey dinner was served. Fans filled the Santiago Bernabeu stadium."
    assert find(text) == []
    assert code_of(find("Officials met in Kabul Sunday."), "Kabul") == "AFG"
