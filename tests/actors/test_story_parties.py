"""Titled persons the tables do not know, the EU named by its member count, and a weapon's maker: sentences
written for dyad in wire-copy style (the people are invented)."""

from __future__ import annotations

import pytest
from tests.actors._helpers import mention


@pytest.mark.parametrize(
    "text, span, code",
    [
        (
            "LIMA, 3 mar (EFE).- El canciller Andrés Solano Vidal rechazó las críticas de Chile. Perú convocó al "
            "embajador chileno y el Gobierno peruano pidió explicaciones. Perú espera una respuesta.",
            "El canciller Andrés Solano Vidal",
            "PERGOV",
        ),
        (
            "MÉXICO - El canciller Andrés Solano Vidal criticó a Estados Unidos. México pidió explicaciones y "
            "México espera una respuesta.",
            "El canciller Andrés Solano Vidal",
            "MEXGOV",
        ),
        (
            "LISBOA - O chanceler Rui Tavares Gomes criticou a Espanha. Portugal pediu explicações ao governo "
            "espanhol e Portugal aguarda resposta.",
            "O chanceler Rui Tavares Gomes",
            "PRTGOV",
        ),
        (
            "WIEN - Außenministerin Petra Lindner kritisierte Ungarn. Österreich bestellte den ungarischen "
            "Botschafter ein. Österreich erwartet eine Antwort.",
            "Außenministerin Petra Lindner",
            "AUTGOV",
        ),
        (
            "DAKAR - Le chef de la diplomatie Moussa Ndiaye Sarr a critiqué le Mali. Le Sénégal a convoqué "
            "l'ambassadeur malien. Le Sénégal attend une réponse.",
            "Le chef de la diplomatie Moussa Ndiaye Sarr",
            "SENGOV",
        ),
    ],
)
def test_a_titled_person_in_a_sentence_opened_by_a_dateline_is_the_home_countrys(find, text, span, code) -> None:
    # the dateline names the home country in the same sentence, but only as where the story was filed: it is
    # not the other party that would leave the person without a country
    m = mention(find(text, "2024-05-02"), span)
    assert m.code == code and "home country" in m.why, m.why


def test_a_dateline_place_does_not_give_its_country_to_the_title_after_it(find) -> None:
    found = find("WIEN - Außenministerin Petra Lindner kritisierte Ungarn. Österreich protestierte.", "2024-05-02")
    m = mention(found, "Außenministerin Petra Lindner")
    assert "from 'WIEN'" not in m.why and m.confidence > 0.3, m.why
    assert mention(found, "WIEN").confidence <= 0.3


def test_the_home_country_named_as_the_other_party_still_leaves_the_person_without_a_country(find) -> None:
    # "visitó Perú" in a story about Peru: the minister is Peru's guest, not Peru's; a place ("en Lima") or a
    # dateline would not count, a country's name does
    text = "El canciller Andrés Solano Vidal visitó Perú el lunes. Perú y Chile firmaron un acuerdo en Lima."
    m = mention(find(text, "2024-05-02"), "El canciller Andrés Solano Vidal")
    assert m.country is None, m.why


@pytest.mark.parametrize(
    "text, span",
    [
        ("Los Veintisiete aprobaron el lunes nuevas sanciones contra Rusia.", "Los Veintisiete"),
        ("Los ministros de los Veintisiete se reunieron en Bruselas.", "los Veintisiete"),
        ("Les Vingt-Sept ont adopté lundi de nouvelles sanctions contre la Russie.", "Les Vingt-Sept"),
        ("Les dirigeants des Vingt-Sept se retrouvent jeudi.", "des Vingt-Sept"),
        ("Os Vinte e Sete aprovaram na segunda-feira novas sanções contra a Rússia.", "Os Vinte e Sete"),
        ("Les Vingt-Huit ont reconduit les sanctions.", "Les Vingt-Huit"),
    ],
)
def test_the_eu_named_by_its_member_count_is_the_eu(find, text, span) -> None:
    # "los ministros de los Veintisiete" is one actor phrase, the EU's ministers
    found = [m for m in find(text) if span in m.text]
    assert found and found[0].code == "IGOEEC", [(m.text, m.code) for m in find(text)]


@pytest.mark.parametrize(
    "text",
    ["Veintisiete personas resultaron heridas en el choque.", "Vingt-sept soldats ont été blessés."],
)
def test_a_count_that_is_not_the_bloc_is_no_actor(find, text) -> None:
    assert all(m.code != "IGOEEC" for m in find(text))


@pytest.mark.parametrize(
    "text, user",
    [
        ("Russia used Iranian drones to strike the port of Odesa overnight.", "RUS"),
        ("Moscou lançou drones iranianos contra o porto de Odessa.", "RUS"),
        ("Rusia lanzó drones iraníes contra el puerto de Odesa.", "RUS"),
    ],
)
def test_a_weapon_made_by_one_state_and_used_by_another_is_not_its_makers_actor(find, text, user) -> None:
    found = find(text, "2022-10-20")
    assert all(m.code != "IRNMIL" for m in found), [(m.text, m.code) for m in found]
    assert user in [m.code for m in found]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Iranian drones struck a tanker off the coast of Oman on Monday.", "Iranian drones"),
        ("Drones iranianos atacaram um petroleiro ao largo de Omã.", "Drones iranianos"),
    ],
)
def test_a_weapon_with_no_other_state_before_it_is_its_states(find, text, span) -> None:
    # with no other state as the user, the demonym's state is the one that fires it
    assert mention(find(text, "2022-10-20"), span).code == "IRNMIL"


def test_a_titled_person_visiting_the_home_country_takes_the_datelines_state(find) -> None:
    # a story about a visit names the host most; the dateline on its own line says where it was filed
    text = (
        "Canciller Ana Ruiz Paredes llega a Colombia para una cumbre\n"
        "QUITO.\n"
        "La canciller Ana Ruiz Paredes partió hacia Colombia, donde se reunirá con su par colombiano. "
        "Colombia acoge la cumbre."
    )
    found = find(text, "2017-12-07")
    assert mention(found, "QUITO").confidence <= 0.3
    for span in ("Canciller Ana Ruiz Paredes", "La canciller Ana Ruiz Paredes"):
        m = mention(found, span)
        assert m.code == "ECUGOV" and "dateline" in m.why, m.why


def test_without_a_dateline_a_visitor_to_the_home_country_keeps_no_country(find) -> None:
    text = (
        "La canciller Ana Ruiz Paredes partió hacia Colombia, donde se reunirá con su par colombiano. "
        "Colombia acoge la cumbre."
    )
    assert mention(find(text, "2017-12-07"), "La canciller Ana Ruiz Paredes").country is None


@pytest.mark.parametrize(
    "text",
    [
        "El canciller participará en la Reunión Anual de Cancilleres de la región.",
        "A Reunião de Cúpula terminou ontem.",
    ],
)
def test_a_meeting_is_not_the_island_of_reunion(find, text) -> None:
    assert all(m.code != "REU" for m in find(text))


def test_the_island_of_reunion_with_its_cues_is_still_named(find) -> None:
    found = find("France sent troops to Réunion, its island in the Indian Ocean.")
    assert "REU" in [m.code for m in found]


@pytest.mark.parametrize(
    "text, span, code",
    [
        (
            "Le chef de la diplomatie a critiqué la Russie. La France a convoqué l'ambassadeur russe. "
            "La France attend une réponse.",
            "Le chef de la diplomatie",
            "FRAGOV",
        ),
        (
            "O ministro dos Negócios Estrangeiros criticou a Rússia. Portugal convocou o embaixador russo. "
            "Portugal espera uma resposta.",
            "O ministro dos Negócios Estrangeiros",
            "PRTGOV",
        ),
        (
            "Der Außenminister kritisierte Russland. Österreich bestellte den russischen Botschafter ein. "
            "Österreich erwartet eine Antwort.",
            "Der Außenminister",
            "AUTGOV",
        ),
    ],
)
def test_a_definite_title_with_no_name_is_the_home_countrys_in_each_language(find, text, span, code) -> None:
    # "le", "o", "der" are definite articles as "the" and "el" are
    m = mention(find(text, "2024-05-02"), span)
    assert m.code == code and "home country" in m.why, m.why


def test_a_definite_title_visiting_the_home_country_is_not_the_hosts(find) -> None:
    text = (
        "O ministro dos Negócios Estrangeiros chegou a Maputo e visitou Moçambique. Moçambique e Portugal "
        "assinaram acordos. Moçambique espera investimentos."
    )
    found = find(text, "2024-05-02")
    assert all(m.code != "MOZGOV" for m in found), [(m.text, m.code) for m in found]


@pytest.mark.parametrize(
    "text, leader",
    [
        ("El gobierno de Daniel Ortega rompió relaciones con Panamá. Panamá lo lamentó.", "Daniel Ortega"),
        ("O governo de José Daniel Ortega rompeu relações com o Panamá. O Panamá lamentou.", "Daniel Ortega"),
        ("Paris a rompu avec le régime de Daniel Ortega. La France et le Nicaragua.", "Daniel Ortega"),
    ],
)
def test_a_government_named_by_its_leader_is_the_leaders_not_the_home_countrys(find, text, leader) -> None:
    # the leader stands for the government he heads; "the government" is no second actor of the home country
    found = find(text, "2018-03-01")
    assert mention(found, leader).code == "NICGOV"
    assert all(m.code not in ("PANGOV", "FRAGOV") for m in found), [(m.text, m.code) for m in found]


def test_an_army_named_by_its_leader_is_the_leaders_countrys_army(find) -> None:
    found = find("L'armée de Daniel Ortega a repris la ville. La France a protesté.", "2019-03-01")
    assert mention(found, "armée").code == "NICMIL"


@pytest.mark.parametrize(
    "text, span, code",
    [
        ("Les troupes d'élite maliennes ont repris la ville de Kidal.", "troupes d'élite maliennes", "MLIMIL"),
        (
            "El Ministerio de Defensa ruso anunció nuevos ataques contra Ucrania.",
            "Ministerio de Defensa ruso",
            "RUSMIL",
        ),
    ],
)
def test_a_demonym_a_few_words_after_a_role_is_its_state(find, text, span, code) -> None:
    assert mention(find(text), span).code == code


def test_a_demonym_after_a_verb_is_not_the_roles_state(find) -> None:
    # "les forces ont visé des cibles israéliennes": the targets are Israeli, the forces are not
    text = "Au Liban, les forces ont visé des positions israéliennes. Le Liban dénonce. Le Liban accuse."
    found = find(text)
    assert all(m.code != "ISRMIL" for m in found), [(m.text, m.code) for m in found]


def test_a_surname_and_another_surname_out_of_office_is_another_person(find) -> None:
    # Chile's president of 2022 is no party in 2018 to "el embajador peruano, Boric Soto" (an invented envoy)
    found = find("El canciller se reunió con el embajador peruano, Boric Soto, en Lima.", "2018-09-24")
    assert all(m.text != "Boric" for m in found), [(m.text, m.code) for m in found]
    assert "PERGOV" in [m.code for m in found]


def test_envoys_named_beside_the_home_country_are_not_its_own(find) -> None:
    # "os embaixadores" (definite) in a story whose home country is Argentina: the envoys serve there
    found = find("O governo do Peru convocou os embaixadores na Argentina e na Bolívia.")
    assert mention(found, "embaixadores").country is None
    assert mention(found, "governo do Peru").code == "PERGOV"
