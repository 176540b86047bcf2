"""Where a sector actor's country comes from, and the names that are no state: sentences written for dyad."""

from __future__ import annotations

import pytest
from tests.actors._helpers import mention


@pytest.mark.parametrize(
    "text, span, code, says",
    [
        ("Nigerian soldiers guarded the bridge.", "Nigerian soldiers", "NGAMIL", "adjective 'Nigerian'"),
        ("The army of Mali retook the town.", "army of Mali", "MLIMIL", "'of Mali'"),
        ("Peru's interim president spoke on Monday.", "Peru's interim president", "PERGOV", "possessive"),
        ("The president of Kyrgyzstan flew home.", "president of Kyrgyzstan", "KGZGOV", "'of Kyrgyzstan'"),
        ("The foreign ministry of Peru issued a note.", "foreign ministry of Peru", "PERGOV", "'of Peru'"),
        ("Ghana's former finance minister resigned.", "Ghana's former finance minister", "GHAGOV", "possessive"),
        ("Angola's main opposition party left.", "Angola's main opposition party", "AGOOPP", "possessive"),
    ],
)
def test_a_sector_actor_takes_the_country_its_own_words_name(find, text, span, code, says) -> None:
    m = mention(find(text), span)
    assert m.code == code and says in m.why, m.why


def test_words_between_a_name_and_a_role_must_modify_the_role(find) -> None:
    # a country, then a verb: "Cuba sent doctors" is no Cuban doctors phrase, nor is "Chile's talks with rebels"
    assert "Cuba" in [m.text for m in find("Cuba sent 300 doctors to Angola.")]
    assert "Chile" in [m.text for m in find("Chile's talks with rebels stalled.")]


def test_bare_roles_in_a_story_about_one_state_are_that_states(find) -> None:
    text = "Thousands marched through Nairobi on Saturday. Protesters blocked the highway and police fired tear gas."
    mentions = find(text)
    assert mention(mentions, "Protesters").code == "KENCVL"
    assert mention(mentions, "police").code == "KENCOP"
    assert "one state the story is about" in mention(mentions, "Protesters").why


def test_a_state_named_once_by_its_name_gives_no_country_to_the_people_it_acts_on(find) -> None:
    # the one state named is the attacker here; a place would have located the civilians
    assert mention(find("Six civilians were killed in an air strike by Israel."), "civilians").code == "CVL"
    assert mention(find("Six civilians were killed in an air strike near Kabul."), "civilians").code == "AFGCVL"


def test_bare_roles_in_a_story_about_two_states_stay_bare(find) -> None:
    text = "Chile and Argentina held talks in Santiago. Protesters gathered outside."
    assert mention(find(text), "Protesters").code == "CVL"


def test_the_rebels_of_the_issue_take_mali(find) -> None:
    mentions = find("The Malian government and the rebels have agreed to allow aid convoys into the north.")
    assert mention(mentions, "Malian government").code == "MLIGOV"
    assert mention(mentions, "rebels").code == "MLIREB"
    assert "MLI" in mention(mentions, "rebels").why


def test_a_definite_role_refers_back_to_the_body_of_that_kind(find) -> None:
    text = (
        "Tanzania's foreign ministry summoned Uganda's envoy on Monday. Uganda called the move hasty. "
        "Uganda called it hasty again. The ministry later said the talks would go on."
    )
    m = mention(find(text), "ministry")
    assert m.code == "TZAGOV" and "same body" in m.why  # Uganda is named more, the ministry is Tanzania's


def test_an_owned_role_is_not_the_body_of_that_kind_named_before(find) -> None:
    text = (
        "Chile sent home two Bolivian diplomats on Friday. "
        "Peru has also pulled its diplomats out of La Paz, its foreign ministry said."
    )
    mentions = find(text)
    owned = [m for m in mentions if m.text == "diplomats"]
    assert owned and all(m.country != "BOL" for m in owned), [(m.text, m.code, m.why) for m in mentions]


def test_an_owned_role_is_the_one_state_named_before_it(find) -> None:
    mentions = find("Chad's army said on Monday that its soldiers had repelled an attack near the lake.")
    assert mention(mentions, "soldiers").code == "TCDMIL"
    # two states before it: whose "its" is the clause's subject, which word order alone does not tell
    mentions = find("Ghana said Togo had withdrawn its soldiers from the border.")
    assert not [m for m in mentions if m.text == "soldiers" and m.country == "GHA"]


def test_an_owned_roles_act_is_towards_the_place_it_leaves() -> None:
    import dyad

    text = (
        "Chile sent home two Bolivian diplomats on Friday. "
        "Peru has also pulled its diplomats out of Bolivia."
    )
    got = {(e.source.country, e.cameo, e.target.country) for e in dyad.code_text(text, fast=True) if e.sentence == 1}
    assert ("PER", "161", "BOL") in got and not any(t == "BOL" and s == "BOL" for s, _, t in got), got


def test_the_countrys_role_is_that_countrys(find) -> None:
    mentions = find("Floods hit Malawi again. The country's health minister asked for tents.")
    assert mention(mentions, "health minister").code == "MWIGOV"


@pytest.mark.parametrize(
    "text",
    [
        "Zambia repaid US$40 million of the loan.",
        "The bank lent A$300 million, HK$2 billion, NZ$5 million, S$1 million and C$9 million.",
        "The deal is worth 20 billion U.S. dollars.",
        "The Canadian dollar fell against the Australian dollar.",
    ],
)
def test_a_currency_is_not_its_state(find, text) -> None:
    assert [m.code for m in find(text) if m.kind != "role"] in ([], ["ZMB"])


@pytest.mark.parametrize(
    "text, span, code",
    [
        (
            "Gabon signed a fishing accord with Spain. The Central African country will open its waters.",
            "The Central African country",
            "GAB",
        ),
        ("Argentina expelled Syria's envoy. The Middle Eastern nation protested.", "The Middle Eastern nation", "SYR"),
        ("Kuwait and Germany held talks in Berlin. The Gulf state agreed to buy trains.", "The Gulf state", "KWT"),
        ("Vietnam and Brazil signed a rice deal. The Asian nation will ship in May.", "The Asian nation", "VNM"),
        (
            "Canada sent aid to Somalia, where the impoverished country faces drought.",
            "the impoverished country",
            "SOM",
        ),
        (
            "Aid from Norway reached Eritrea. The north-eastern African country had asked for it.",
            "The north-eastern African country",
            "ERI",
        ),
    ],
)
def test_a_description_stands_for_the_state_it_fits(find, text, span, code) -> None:
    m = mention(find(text), span)
    assert (m.code, m.kind) == (code, "anaphor") and "description" not in m.why, m.why


def test_a_description_of_several_states(find) -> None:
    text = "Laos and Cambodia signed a border pact with Japan's help. The two Southeast Asian countries will patrol it."
    assert sorted(m.code for m in find(text) if m.text == "The two Southeast Asian countries") == ["KHM", "LAO"]


def test_a_description_followed_by_its_name_is_no_anaphor(find) -> None:
    mentions = find("The South Pacific nation of Tuvalu asked Australia for help.")
    assert [m.code for m in mentions] == ["TUV", "AUS"]


def test_a_region_adjective_is_not_the_united_states(find) -> None:
    mentions = find("Three South American leaders and two Central American ministers met in Quito.")
    assert "USA" not in {m.country for m in mentions}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("O Panamá é o país da América Central que mais exporta café.", "CAM"),
        ("Los cancilleres de América del Sur se reunieron en Quito.", "SAM"),
        ("Le Maroc est le premier investisseur africain en Afrique de l'Ouest.", "WAF"),
        ("Die Lage im Nahen Osten bleibt angespannt.", "MEA"),
    ],
)
def test_world_regions_in_each_coded_language_are_regions(find, text: str, region: str) -> None:
    # "América Central", "América del Sur": a region, not "América" the United States
    mentions = find(text)
    assert region in {m.code for m in mentions} and "USA" not in {m.country for m in mentions}


def test_a_titled_person_takes_the_country_his_title_had(find) -> None:
    text = (
        "Japan's foreign minister Aiko Sato arrived in Nairobi. Kenya welcomed the visit. Kenya's president spoke. "
        "Foreign Minister Sato then flew to Uganda."
    )
    assert mention(find(text), "Foreign Minister Sato").code == "JPNGOV"


def test_a_titled_person_is_never_the_other_state_of_the_sentence(find) -> None:
    text = "Chad held a parade. Chad's army marched. Foreign Minister Wen Bao visited Chad on Monday."
    assert mention(find(text), "Foreign Minister Wen Bao").country != "TCD"


def test_a_surname_later_is_the_same_person(find) -> None:
    text = "Foreign Minister Rafael Quispe of Peru flew to Quito. On arrival, Quispe met Ecuador's president."
    mentions = find(text)
    assert mention(mentions, "Quispe").code == "PERGOV"
    assert "named before" in mention(mentions, "Quispe").why


def test_a_role_in_apposition_to_a_person_is_that_persons(find) -> None:
    text = "Chile hosted the summit. Emmanuel Macron, the president, met Chile's foreign minister on Monday."
    m = mention(find(text, "2020-05-01"), "president")
    assert m.code == "FRAGOV" and "apposition" in m.why, m.why
