"""Who an act's parties are: lists of subjects, statements, attributions, regions, sector actors at the
country level. Sentences written for these tests (and the three worked examples of issue 13)."""

from __future__ import annotations

import pytest

import dyad


def events(text: str, date: str = "2021-03-10") -> list[tuple[str, str, str]]:
    """(source code, CAMEO code, target code), most confident first."""
    found = sorted(dyad.code_text(text, date=date, fast=True), key=lambda e: -e.confidence)
    return [(e.source.code, e.cameo, e.target.code) for e in found]


def pairs(text: str) -> set[tuple[str, str]]:
    return {(s, t) for s, _, t in events(text)}


def test_an_embassy_opened_in_a_city_is_an_act_towards_its_country() -> None:
    got = events("Ghana has opened an embassy in Lima, the foreign ministry said.")
    assert got[0] == ("GHA", "054", "PER")
    # the ministry reports the opening: it is no party to it, and what it said is about Ghana, not Lima
    assert all(t != "GHAGOV" for _, _, t in got)
    assert not [e for e in got if e[1].startswith("01") and e[2] == "PER"]


def test_a_union_calling_off_its_strike_acts_on_no_one_of_its_own_code() -> None:
    got = events("The Kenyan teachers union announced that it has called off its strike.")
    assert got and all(s != t for s, _, t in got)
    assert all(s == "KENLAB" for s, _, _ in got)


def test_a_government_and_the_rebels_of_its_country_agree() -> None:
    got = pairs("The Malian government and the rebels have agreed to allow aid convoys into the north.")
    assert ("MLIGOV", "MLIREB") in got and ("MLIREB", "MLIGOV") in got


def test_each_subject_of_a_list_acts_on_the_object() -> None:
    got = events("Norway and Denmark recalled their envoys from Belarus on Monday.")
    assert {(s, t) for s, c, t in got if c.startswith("16")} >= {("NOR", "BLR"), ("DNK", "BLR")}
    assert ("NOR", "DNK") not in pairs("Norway and Denmark recalled their envoys from Belarus on Monday.")


def test_a_longer_list_of_subjects() -> None:
    got = pairs("Kuwait, Oman and Jordan condemned Iran for the attack.")
    assert {("KWT", "IRN"), ("OMN", "IRN"), ("JOR", "IRN")} <= got
    assert not got & {("KWT", "OMN"), ("OMN", "JOR"), ("KWT", "JOR")}


def test_the_members_of_a_list_do_not_act_on_each_other_unless_the_act_is_joint() -> None:
    assert not pairs("Peru and Chile condemned the decision.") & {("PER", "CHL"), ("CHL", "PER")}
    assert {("PER", "CHL"), ("CHL", "PER")} <= pairs("Peru and Chile signed a trade agreement.")
    # a noun after "for" is the purpose of the act, not something the two did together
    assert not pairs("Peru and Chile recalled their consuls for consultations.") & {("PER", "CHL"), ("CHL", "PER")}


def test_a_pronoun_after_saying_is_the_sayer() -> None:
    text = "Kuwait and Oman said they were joining Jordan and recalling their ambassadors from Iran."
    got = {(s, t) for s, c, t in events(text) if c.startswith("16")}
    assert {("KWT", "IRN"), ("OMN", "IRN")} <= got and ("JOR", "IRN") not in got


def test_a_statement_targets_whom_it_is_about() -> None:
    got = events("The ministry of Chile said on Friday that Bolivia had closed two border crossings.")
    statements = [(s, t) for s, c, t in got if c.startswith("01")]
    assert statements == [("CHLGOV", "BOL")]


def test_a_statement_addressed_to_no_one_is_the_speakers_alone() -> None:
    got = dyad.code_text("Argentina's foreign ministry declined to comment on the report.", fast=True)
    assert [(e.source.code, e.target.code, e.unary) for e in got] == [("ARGGOV", "ARG", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan evacuated staff from its embassy in Iran on Sunday.", ("AZE", "161", "IRN")),
        ("Italy suspended the work of its embassy in Damascus.", ("ITA", "161", "SYR")),
        ("Germany has evacuated its embassy in Niamey.", ("DEU", "161", "NER")),
    ],
)
def test_emptying_a_mission_reduces_relations_with_its_host(text: str, expected: tuple[str, str, str]) -> None:
    assert events(text)[0] == expected


def test_evacuating_citizens_is_no_cut_in_relations() -> None:
    assert not [c for _, c, _ in events("Spain evacuated its citizens from Sudan.") if c.startswith("16")]


def test_an_actor_past_a_comma_is_no_object_while_the_clause_names_a_place() -> None:
    text = "Israeli aircraft bombed a depot near Aleppo on Tuesday, days after Iran's foreign minister visited Beirut."
    assert events(text)[0][::2] == ("ISR", "SYR")
    text = "Russian drones hit a power plant near Kharkiv, while Moldova reported debris on its side of the border."
    assert events(text)[0][::2] == ("RUSMIL", "UKR")


def test_who_reports_an_act_is_no_party_to_it() -> None:
    assert events("Brazil recalled its ambassador from Israel, the foreign ministry in Brasilia said.")[0][::2] == (
        "BRA",
        "ISR",
    )
    got = pairs("Morocco closed its consulate in Dakhla, according to Spanish officials.")
    assert ("MAR", "ESPGOV") not in got
    got = pairs("Uganda closed the border on Monday, a Kenyan army officer said.")
    assert not [t for _, t in got if t == "KENMIL"]


def test_a_description_is_a_target() -> None:
    text = "Qatar hosted the talks on Monday. Argentina and Uruguay recalled their ambassadors to the Gulf state."
    got = {(s, t) for s, c, t in events(text) if c.startswith("16")}
    assert {("ARG", "QAT"), ("URY", "QAT")} <= got


def test_a_region_never_acts_and_is_a_target_only_when_no_state_is() -> None:
    assert all(s not in ("AFR", "EUR") for s, _, _ in events("Africa welcomed the loan from China."))
    assert ("DEU", "WAF") in pairs("Germany sent doctors to West Africa.")
    assert ("DEU", "WAF") not in pairs("Germany sent doctors to Liberia in West Africa.")


def test_a_currency_is_no_party() -> None:
    assert all("USA" not in (s, t) for s, _, t in events("Japan lent Kenya US$50 million on Tuesday."))


def test_a_fronted_visit_belongs_to_the_main_subject() -> None:
    got = events("During his visit to Ghana, Kenya's president signed a trade agreement.")
    assert ("KENGOV", "042", "GHA") in got


def test_a_surname_carries_its_persons_country_into_later_events() -> None:
    text = "Foreign Minister Rafael Quispe of Peru flew to Quito on Monday. Quispe later met Bolivia's president."
    assert ("PERGOV", "BOLGOV") in pairs(text)


def test_an_actor_after_a_preposition_of_place_is_no_subject() -> None:
    # "outside the French embassy": where the students gathered, not who burned the flags
    got = pairs("Hundreds of students gathered outside the French embassy in Dakar and burned Russian flags.")
    assert all(s != "FRAGOV" for s, _ in got)
    got = pairs("Protesters rallied outside the Israeli embassy in Amman and chanted slogans against Egypt.")
    assert all(s != "ISRGOV" for s, _ in got)


def test_an_actor_after_a_preposition_of_time_or_cause_is_no_target_while_another_is_named() -> None:
    assert events("Guatemala opened an embassy in Jerusalem following the U.S. lead.")[0] == ("GTM", "054", "ISR")
    assert events("Chile expelled two Argentine diplomats despite protests from Peru.")[0] == ("CHL", "166", "ARGGOV")


def test_every_member_of_a_long_list_of_subjects_acts_on_the_object() -> None:
    got = pairs("Saudi Arabia, the UAE, Bahrain and Egypt cut diplomatic ties with Qatar on Monday.")
    assert {("SAU", "QAT"), ("ARE", "QAT"), ("BHR", "QAT"), ("EGY", "QAT")} <= got
    # a joint act with its object named is towards the object, not between the members
    got = pairs("Mexico, Brazil, Chile and Argentina recalled their envoys from Caracas.")
    assert {("MEX", "VEN"), ("CHL", "VEN")} <= got and ("CHL", "ARG") not in got


def test_a_country_acting_on_its_own_government_or_army_is_one_party_twice_and_not_trusted() -> None:
    # the story's envoy read as the expelling country's own government: the pair is one party twice
    for text in (
        "Ecuador expelled the ambassador on Tuesday, Ecuadorian officials said.",
        "Iran says its navy seized a Greek oil tanker in the Gulf.",
    ):
        for fast in (True, False):
            found = dyad.code_text(text, date="2021-03-10", fast=fast)
            own = [
                e for e in found
                if e.source.sector is None and e.target.sector and e.source.country == e.target.country
            ]
            assert all(e.confidence < 0.5 for e in own)
    # must not: two bodies of one state are two parties, and one actor alone keeps its own act (as a
    # domestic act below the 0.5 line: test_domestic.py)
    assert ("PERMIL", "PERGOV") in pairs("Peru's army deposed the government on Friday.")
    found = dyad.code_text("The Kenyan government declined to comment.", date="2021-03-10", fast=False)
    assert [(e.source.code, e.target.code) for e in found] == [("KENGOV", "KEN")]


@pytest.mark.parametrize("dateline", ["NAIROBI —", "Nairobi —", "NAIROBI (Reuters) -"])
def test_a_dateline_is_no_subject_of_an_infinitive_clause(dateline: str) -> None:
    # where the story was filed opens the sentence, but the one who has the envoy expelled is the
    # subject of the main verb
    got = events(f"{dateline} Ghana's military government has told police to expel Togo's ambassador.")
    expelled = [(s, t) for s, code, t in got if code.startswith("16")]
    assert expelled and all(s.startswith("GHA") for s, _ in expelled)


def test_a_capital_that_opens_the_clause_is_still_its_subject() -> None:
    # no dash after it: "Accra" is the government's metonym, not a dateline
    got = events("Accra has told police to expel Togo's ambassador, officials said.")
    assert any(s.startswith("GHA") and code.startswith("16") for s, code, _ in got)


@pytest.mark.parametrize(
    ("text", "code", "parties", "outsider"),
    [
        ("A ceasefire between Armenia and Azerbaijan held for a third day, officials in Baku said.", "0871",
         ("ARM", "AZE"), None),
        ("Switzerland hosted a meeting between Serbia and Croatia in Geneva.", "040", ("SRB", "HRV"), "CHE"),
        ("Brazil welcomed the trade agreement between Argentina and Chile.", "057", ("ARG", "CHL"), "BRA"),
        ("Oman welcomed the ceasefire agreement between Yemen and Saudi Arabia.", "0871", ("YEM", "SAU"), "OMN"),
    ],
)
def test_a_joint_acts_noun_names_its_parties_after_between(
    text: str, code: str, parties: tuple[str, str], outsider: str | None
) -> None:
    a, b = parties
    got = {(s, t) for s, c, t in events(text) if c == code}
    assert {(a, b), (b, a)} <= got
    # who announced, hosted or welcomed it is no party to the meeting or the agreement itself
    assert not any(outsider in pair for pair in got)


def test_a_verb_before_between_is_the_subjects_act_on_both() -> None:
    got = events("Norway mediated between Colombia and Venezuela.")
    assert {("NOR", "COL"), ("NOR", "VEN")} <= {(s, t) for s, c, t in got if c == "045"}
    assert not {("COL", "VEN"), ("VEN", "COL")} & {(s, t) for s, _, t in got}


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Kenya and Uganda praised the ruling.", "KEN", "UGA"),
        ("The United States and Britain imposed sanctions on the generals.", "USA", "GBR"),
        ("Russia and China congratulated the winner.", "RUS", "CHN"),
    ],
)
def test_two_subjects_of_a_one_way_act_do_not_do_it_to_each_other(text: str, a: str, b: str) -> None:
    assert not pairs(text) & {(a, b), (b, a)}


def test_a_one_way_act_done_to_each_other_or_a_joint_act_keeps_both_directions() -> None:
    assert {("RUS", "CHN"), ("CHN", "RUS")} <= pairs("Russia and China praised each other for their restraint.")
    assert {("IRN", "SAU"), ("SAU", "IRN")} <= pairs("Iran and Saudi Arabia cut diplomatic ties in 2016.")


def test_a_one_way_acts_noun_before_between_is_the_mediators_act() -> None:
    got = events("Egyptian mediation between Israel and Hamas continued on Sunday.")
    assert ("EGY", "045", "ISR") in got
    assert not [e for e in got if {e[0], e[2]} == {"ISR", "PSEREB"}]


def test_the_actor_of_an_absolute_phrase_does_its_gerunds_act() -> None:
    text = (
        "Washington's tariff plan drew sharp criticism abroad, "
        "with Canada threatening to retaliate against American exports."
    )
    got = events(text)
    assert ("CAN", "USA") in {(s, t) for s, c, t in got if c.startswith("13")}
    assert ("USA", "CAN") not in {(s, t) for s, c, t in got if c.startswith("13")}
    backing = events("Hungary blocked the sanctions package, with Slovakia backing Budapest.")
    assert ("SVK", "051", "HUN") in backing and ("HUN", "051", "SVK") not in backing


def test_with_and_a_gerund_without_a_comma_is_no_absolute_phrase() -> None:
    got = events("Japan agreed a deal with China providing for joint patrols.")
    assert got[0] == ("JPN", "057", "CHN")
    assert all(s != "CHN" for s, _, _ in got)


def test_a_phrase_of_time_after_since_names_no_target() -> None:
    text = "Ghana has promised free elections every four years since its independence from Britain."
    sure = [e for e in dyad.code_text(text, date="2021-03-10", fast=True) if e.confidence >= 0.5]
    assert not [e for e in sure if e.target.country == "GBR"]


def test_an_object_before_since_stays_the_target() -> None:
    assert ("AZE", "ARM") in pairs("Azerbaijan has refused to reopen its embassy in Armenia since the war.")
    assert ("RUS", "194", "UKR") in events("Russia has shelled Ukrainian cities since February.")
    # the phrase of time ends at its comma: what follows is the clause's again
    returned = events("German customs officers returned a painting, missing since 1944, to Poland.")
    assert ("DEUCOP", "084", "POL") in returned


@pytest.mark.parametrize(
    ("text", "root", "agent", "aimed_at"),
    [
        ("Washington's new tariff plan drew sharp criticism from China on Monday.", "11", "CHN", "USA"),
        ("Britain faced warnings from the European Union over the border plan.", "13", "IGOEEC", "GBR"),
    ],
)
def test_an_acts_noun_with_from_names_who_did_it(text: str, root: str, agent: str, aimed_at: str) -> None:
    got = {(s, t) for s, c, t in events(text) if c.startswith(root)}
    assert (agent, aimed_at) in got and (aimed_at, agent) not in got


def test_from_after_another_word_is_no_agent() -> None:
    got = events("The United States announced the withdrawal of its troops from Syria.")
    assert all(s == "USA" for s, _, _ in got)


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Poland arrests second suspect in Belarus spying case.", "BLR"),
        ("Police in Warsaw detained two men in a Russian espionage probe.", "RUS"),
    ],
)
def test_a_state_naming_what_a_case_is_about_is_no_target(text: str, about: str) -> None:
    assert not [e for e in events(text) if e[1].startswith("17") and e[2].startswith(about)]


def test_a_state_outside_a_phrase_about_a_case_stays_the_target() -> None:
    assert ("DEU", "173", "RUS") in events("Germany arrested a Russian citizen in Munich on Tuesday.")
    assert ("GBR", "166", "RUSGOV") in events("Britain expelled a Russian diplomat over the Salisbury case.")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police arrested three men near the Somali border on Monday.",
        "Israeli troops shot two gunmen close to the border with Syria.",
        "Ghanaian soldiers detained four smugglers at the frontier between Togo and Benin.",
    ],
)
def test_a_state_naming_a_border_where_it_happened_is_no_object(text: str) -> None:
    # the border only says where the arrest or the shooting happened
    assert all(t[:3] not in ("SOM", "SYR", "TGO", "BEN") for _, _, t in events(text))


def test_a_border_as_the_object_or_a_show_of_force_at_it_keeps_its_state() -> None:
    # no preposition before the border: it is what was closed; troops massed at a border face its state
    assert ("KEN", "191", "SOM") in events("Kenya closed its border with Somalia on Monday.")
    assert any(s == "RUS" and c.startswith("15") and t[:3] == "UKR" for s, c, t in events(
        "Russia massed troops near the Ukrainian border."))


def test_where_a_seized_cargo_was_going_is_no_object() -> None:
    for text in ("Dutch customs confiscated a shipment of rifles destined for Italy on Tuesday.",
                 "The Egyptian navy seized a freighter sailing to Greece with stolen cars in its hold."):
        assert not [e for e in events(text) if e[1].startswith("17") and e[2][:3] in ("ITA", "GRC")]


def test_where_a_delivery_was_going_is_its_recipient() -> None:
    assert any(s == "JPN" and c.startswith("07") and t == "HTI"
               for s, c, t in events("Japan sent a shipment of rice bound for Haiti."))



@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kenyan police arrested three men near the Somali border on Monday.", "SOM"),
        ("Dutch customs confiscated a shipment of rifles destined for Italy on Tuesday.", "ITA"),
    ],
)
def test_the_model_reading_takes_no_place_for_a_target_either(text: str, place: str) -> None:
    # the default mode's model stage reads roles of its own: the sentence's places bind it too
    found = dyad.code_text(text, date="2021-03-10", fast=False)
    assert found is not None and not [e for e in found if e.target.code == place]


def test_a_border_a_proposal_is_about_keeps_its_state() -> None:
    # "on" names what the proposal is about, not where something happened
    got = events("The British government rejected a proposal on the Irish border on Friday.")
    assert any(s == "GBRGOV" and c.startswith("12") and t == "IRL" for s, c, t in got)


def test_a_sea_named_after_a_state_is_water_not_the_state() -> None:
    for text in ("The Indian navy seized a freighter in the Gulf of Oman on Monday.",
                 "The US Navy intercepted a dhow carrying rifles off the coast of Yemen on Monday."):
        assert not [e for e in events(text) if e[2][:3] in ("OMN", "YEM")]


def test_a_state_after_of_with_no_sea_or_no_place_keeps_its_reading() -> None:
    # the south of a country is the country; waters entered with no preposition are its own
    assert any(t == "LBN" and c.startswith("19") for _, c, t in events(
        "Israeli jets struck targets in the south of Lebanon on Sunday."))
    assert any(s == "PRK" and t == "JPN" for s, _, t in events(
        "North Korea violated the waters of Japan with two patrol boats on Monday."))
