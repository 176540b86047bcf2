"""The missions stage on sentences written for dyad, in English, Spanish, German, French and Portuguese."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dyad.doc import MissionChange, RelationChange
from dyad.missions import read_missions

CASES = tomllib.loads((Path(__file__).parent / "sentences.toml").read_text(encoding="utf-8"))["case"]
LANGS = ("en", "es", "de", "fr", "pt")


def _change(m: MissionChange) -> str:
    return f"{m.sender}>{m.host} {m.status}:{m.plan}" if m.plan else f"{m.sender}>{m.host} {m.status}"


def _relation(r: RelationChange) -> str:
    return f"{r.a}-{r.b} {r.change}:{r.plan}" if r.plan else f"{r.a}-{r.b} {r.change}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['text'][:40]}" for c in CASES])
def test_sentence(case: dict) -> None:
    doc = read_missions(case["text"], date=case.get("date", "2021-03-10"), lang=case["lang"])
    news = [m for m in doc.missions if m.news]
    why = [f"{_change(m)} [{m.mode}] {m.city}: {m.rule}" for m in doc.missions]
    expected = [e.split(" @ ") for e in case["missions"]]
    assert {_change(m) for m in news} == {e[0] for e in expected}, why
    for change, *city in expected:
        if city:
            assert city[0] in {m.city for m in news if _change(m) == change}, why
    if "relations" in case:
        rules = [r.rule for r in doc.relations]
        assert {_relation(r) for r in doc.relations if r.news} == set(case["relations"]), rules


def test_each_language_has_a_case_of_each_kind_of_change() -> None:
    kinds = ("opened", "closed", "planned", "ambassador expelled", "ambassador recalled", "relations severed")
    for lang in LANGS:
        told = {
            e.split(" ", 1)[1].split(" @ ")[0].split(":")[0] for c in CASES if c["lang"] == lang for e in c["missions"]
        }
        assert set(kinds) <= told, (lang, set(kinds) - told)
        assert any(not c["missions"] for c in CASES if c["lang"] == lang), f"{lang}: a case that reports no change"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Chile ordenó este lunes al embajador de Bolivia que abandonara Santiago antes del 30 de marzo, "
            "declarándolo persona non grata.",
            "es",
        ),
        ("Chile declared the Bolivian ambassador persona non grata on Monday, with time to leave by March 30.", "en"),
        ("Le Chili a ordonné lundi à l'ambassadeur bolivien de quitter le pays avant le 30 mars.", "fr"),
        (
            "O Chile declarou persona non grata o embaixador boliviano nesta segunda-feira, com prazo até 30 de março.",
            "pt",
        ),
    ],
)
def test_an_expulsion_ordered_with_a_deadline_is_dated_by_the_order(text: str, lang: str) -> None:
    """Issue 15 (m17): the day after the article in an expulsion order is the deadline to leave, not the
    day of the expulsion (Monday, 8 March, for an article of Wednesday, 10 March)."""
    doc = read_missions(text, date="2021-03-10", lang=lang)
    assert [(m.status, m.date) for m in doc.missions if m.news] == [("ambassador expelled", "2021-03-08")], [
        m.rule for m in doc.missions
    ]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Ghana has opened an embassy in Lima, the foreign ministry said.", "PER"),
        ("Kenya has closed its embassy in Tehran, the foreign ministry said.", "IRN"),
    ],
)
def test_an_event_that_changes_a_mission_in_a_city_targets_the_city_country(text: str, host: str) -> None:
    """Issue 13, point 5: with no other target named, the mission's host is the event's target."""
    import dyad

    events = dyad.code_text(text, date="2020-01-10", fast=True)
    (change,) = [e for e in events if e.root in ("05", "16")]
    # The roles may already find the city's country as the object; the missions stage names the
    # host only when they found no target.
    assert change.target.country == host
