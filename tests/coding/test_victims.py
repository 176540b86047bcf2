"""Those who suffered force are not its agents: the victims of a passive ("were killed in an air strike",
a headline's "soldiers killed in ..."), the place it happened, and the agent named with the act's noun.
Sentences written for these tests (issue 13: wrong parties on real news); each rule has a sentence it
must not change."""

from __future__ import annotations

import dyad

FORCE = ("18", "19", "20")


def events(text: str, fast: bool = True) -> list[tuple[str, str, str]]:
    """(source code, CAMEO code, target code), most confident first."""
    found = sorted(dyad.code_text(text, date="2023-04-18", lang="en", fast=fast), key=lambda e: -e.confidence)
    return [(e.source.code, e.cameo, e.target.code) for e in found]


def force(text: str, fast: bool = True) -> list[tuple[str, str, str]]:
    return [e for e in events(text, fast) if e[1][:2] in FORCE]


def test_the_demonym_before_an_attack_noun_acts_on_those_killed_in_it() -> None:
    got = force("Seven Armenian soldiers were killed in an Azerbaijani drone strike on Tuesday.")
    assert got and got[0][0] == "AZE" and got[0][2] == "ARMMIL"
    assert all(s != "ARMMIL" for s, _, _ in got)
    # the must-not: the same soldiers striking are its agents
    got = force("Armenian soldiers carried out a drone strike on Azerbaijani positions on Tuesday.")
    assert got and got[0][0] == "ARMMIL"


def test_the_agent_after_by_acts_on_those_who_died_in_the_attack() -> None:
    got = force("Four Nigerien police officers died in an attack by Malian gunmen near the border.")
    assert got and got[0][0].startswith("MLI") and got[0][2] == "NERCOP"
    assert all(not s.startswith("NER") for s, _, _ in got)


def test_with_no_agent_named_those_killed_are_no_agent_and_the_place_no_target() -> None:
    got = force("Nine Lebanese soldiers were killed in an air strike near Tyre on Sunday.")
    assert all(s != "LBNMIL" for s, _, _ in got)
    got = force("Nine Lebanese soldiers were killed in an air strike near Tyre on Sunday.", fast=False)
    assert all(s != "LBNMIL" for s, _, _ in got)


def test_a_place_is_not_who_killed_someone_there() -> None:
    for fast in (True, False):
        got = force("A Dutch soldier was killed in Afghanistan on Monday, the defence ministry said.", fast)
        assert not [e for e in got if {e[0], e[2]} >= {"AFG"} or e[0] == "NLDMIL"]
    # an arrest in a place is still the act of that place's state
    assert ("PHL", "173", "CHN") in [
        (s, c, t[:3]) for s, c, t in events("A Chinese national was arrested in Manila on Friday.")
    ]


def test_a_headline_participle_with_no_auxiliary_is_a_passive() -> None:
    got = force("Two Georgian border guards killed by Russian troops near South Ossetia")
    assert got and got[0][0] == "RUSMIL" and got[0][2].startswith("GEO")
    # the past tense takes its object right after the verb: active
    got = force("Georgian border guards killed two Russian soldiers near South Ossetia")
    assert got and got[0][0].startswith("GEO") and got[0][2] == "RUSMIL"


def test_a_clash_with_a_partner_is_still_read_between_the_two_sides() -> None:
    got = force("Four Malaysian soldiers were killed in a clash with Thai troops near the border.")
    assert {(s, t) for s, _, t in got if s != t} & {("MYSMIL", "THAMIL"), ("THAMIL", "MYSMIL")}
    got = force("Malaysian troops killed four Thai soldiers in a clash near the border.")
    assert got[0][0] == "MYSMIL" and got[0][2] == "THAMIL"


def test_those_killed_in_an_act_both_sides_do_fought_too() -> None:
    # "fighting" is theirs as well as the other side's: the usual reading stands beside the air strike
    got = force("Eleven Sudanese soldiers have died in fighting and an air strike on the Chadian border.")
    assert [e for e in got if e[0] == "SDNMIL" and e[2].startswith("TCD") and e[1].startswith("19")]
    assert not [e for e in got if e[0] == "SDNMIL" and e[1] == "195"]  # the air strike is not theirs
