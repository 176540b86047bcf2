"""An envoy summoned or expelled with no agent named is summoned or expelled by the state he is posted
to ("the French ambassador in Moscow was summoned": Russia summoned him). Sentences written for dyad."""

from __future__ import annotations

import pytest

import dyad


def _pairs(text: str, lang: str, fast: bool = True) -> list[tuple[str | None, str | None, str, float]]:
    events = dyad.code_text(text, lang=lang, date="2024-05-05", fast=fast)
    return [(e.source.country, e.target.country, e.root, e.confidence) for e in events]


@pytest.mark.parametrize(
    ("lang", "text", "host", "guest", "root"),
    [
        ("en", "The French ambassador in Moscow was summoned on Monday.", "RUS", "FRA", "11"),
        ("en", "Spain's envoy to Algeria was summoned on Tuesday over the remarks.", "DZA", "ESP", "11"),
        ("es", "El embajador de los Países Bajos en Turquía fue expulsado el domingo.", "TUR", "NLD", "16"),
        ("fr", "L'ambassadeur des Pays-Bas en Turquie a été expulsé dimanche.", "TUR", "NLD", "16"),
        ("es", "El embajador de España en Argelia fue convocado el martes.", "DZA", "ESP", "11"),
        ("fr", "L'ambassadeur de France à Moscou a été convoqué lundi.", "RUS", "FRA", "11"),
        ("pt", "O embaixador do Brasil em Caracas foi convocado na segunda-feira.", "VEN", "BRA", "11"),
        ("de", "Der deutsche Botschafter in Moskau wurde am Montag einbestellt.", "RUS", "DEU", "11"),
    ],
)
def test_the_host_summons_or_expels_the_envoy_posted_to_it(lang, text, host, guest, root) -> None:
    for fast in (True, False):
        found = sorted(_pairs(text, lang, fast), key=lambda e: -e[3])
        assert found and found[0][:3] == (host, guest, root), (fast, found)  # the top reading, in either mode
    assert found[0][3] >= 0.5, found  # confident in the default mode


@pytest.mark.parametrize(
    ("lang", "text", "owner", "post"),
    [
        # a recall is the envoy's own state's act, wherever he serves
        ("en", "The French ambassador in Moscow was recalled on Monday.", "FRA", "RUS"),
        ("es", "El embajador de España en Argelia fue llamado a consultas el martes.", "ESP", "DZA"),
    ],
)
def test_a_recall_stays_the_owners_act(lang, text, owner, post) -> None:
    found = _pairs(text, lang)
    assert not any(s == post and t == owner and r == "16" and c >= 0.5 for s, t, r, c in found), found


def test_a_named_agent_wins_over_the_post() -> None:
    found = _pairs("The French ambassador in Moscow was summoned by the Belarusian foreign ministry.", "en")
    assert any((s, t) == ("BLR", "FRA") for s, t, _, _ in found), found
    assert not any((s, t) == ("RUS", "FRA") and c >= 0.5 for s, t, _, c in found), found
