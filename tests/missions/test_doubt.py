"""Readings the missions stage holds back (issue 15, m18), on texts written for dyad in five languages."""

from __future__ import annotations

import pytest

from dyad.missions import read_missions
from dyad.missions.doubt import WITHHELD

# (lang, a lede that closes Chile's embassy in Caracas and a later sentence that tells the same days' change as a
# suspension; the same lede and a later sentence that tells a reopening weeks later)
TWICE = [
    (
        "en",
        "Chile closed its embassy in Caracas on Monday. The Chilean embassy in Caracas suspended all its "
        "activities, the foreign ministry said.",
        "Chile closed its embassy in Caracas on 1 February. Chile reopened its embassy in Caracas on Monday.",
    ),
    (
        "es",
        "Chile cerró el lunes su embajada en Caracas. La embajada chilena en Caracas suspendió todas sus "
        "actividades, informó la cancillería.",
        "Chile cerró su embajada en Caracas el 1 de febrero. Chile reabrió su embajada en Caracas el lunes.",
    ),
    (
        "de",
        "Chile hat am Montag seine Botschaft in Caracas geschlossen. Die chilenische Botschaft in Caracas hat alle "
        "ihre Tätigkeiten ausgesetzt, teilte das Außenministerium mit.",
        "Chile hat am 1. Februar seine Botschaft in Caracas geschlossen. Chile hat am Montag seine Botschaft in "
        "Caracas wieder eröffnet.",
    ),
    (
        "fr",
        "Le Chili a fermé lundi son ambassade à Caracas. L'ambassade du Chili à Caracas a suspendu toutes ses "
        "activités, a indiqué le ministère.",
        "Le Chili a fermé son ambassade à Caracas le 1er février. Le Chili a rouvert lundi son ambassade à Caracas.",
    ),
    (
        "pt",
        "O Chile fechou na segunda-feira a sua embaixada em Caracas. A embaixada chilena em Caracas suspendeu "
        "todas as suas atividades, informou o ministério.",
        "O Chile fechou a sua embaixada em Caracas em 1 de fevereiro. O Chile reabriu a sua embaixada em Caracas "
        "na segunda-feira.",
    ),
]


def _news(text: str, lang: str) -> list[tuple[str, str, str, int]]:
    doc = read_missions(text, date="2021-03-10", lang=lang)
    return sorted((m.sender, m.host, m.status, m.sentence) for m in doc.missions if m.news)


@pytest.mark.parametrize(("lang", "same_days", "sequence"), TWICE, ids=[t[0] for t in TWICE])
def test_one_mission_told_two_ways_keeps_the_status_told_first(lang: str, same_days: str, sequence: str) -> None:
    """The later wording of the same days' change is withheld (kept on the document, not news)."""
    assert _news(same_days, lang) == [("CHL", "VEN", "closed", 0)]
    doc = read_missions(same_days, date="2021-03-10", lang=lang)
    (withheld,) = [m for m in doc.missions if m.mode == WITHHELD]
    assert (withheld.status, withheld.sentence) == ("suspended", 1)
    assert "sentence 0 tells this mission's change as closed" in withheld.rule


@pytest.mark.parametrize(("lang", "same_days", "sequence"), TWICE, ids=[t[0] for t in TWICE])
def test_a_later_change_weeks_apart_is_a_sequence_and_is_kept(lang: str, same_days: str, sequence: str) -> None:
    assert _news(sequence, lang) == [("CHL", "VEN", "closed", 0), ("CHL", "VEN", "opened", 1)]
