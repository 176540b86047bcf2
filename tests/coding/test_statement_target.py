"""A statement (010) is made to its addressee or about the subject of what was said, not to any state
named inside what was said (issue 13, item 6). Sentences written for dyad."""

from __future__ import annotations

import pytest

import dyad
from dyad.coding.grammar import grammar_for
from dyad.coding.stage import statement_aside

CONFIDENT = 0.5


def _statements(text: str, lang: str, fast: bool) -> list[tuple[str, str, float]]:
    events = dyad.code_text(text, lang=lang, date="2024-05-05", fast=fast)
    return [(e.source.country or e.source.code, e.target.country or e.target.code, e.confidence)
            for e in events if e.cameo == "010"]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("lang", "text", "aside"),
    [
        ("en", "Kenya's president said relations between his government and Tanzania were stronger than ever.", "TZA"),
        ("en", "The Thai government said the border with Cambodia remained calm on Sunday.", "KHM"),
        ("en", "Egypt's foreign minister said the dam dispute with Ethiopia was far from settled.", "ETH"),
        ("es", "El canciller chileno dijo que el comercio con Perú creció un diez por ciento.", "PER"),
        ("de", "Der polnische Außenminister sagte, der Handel mit Litauen sei stark gewachsen.", "LTU"),
        ("fr", "Le ministre sénégalais a déclaré que les échanges avec la Gambie avaient doublé.", "GMB"),
        ("pt", "O chanceler angolano disse que o comércio com a Namíbia cresceu muito.", "NAM"),
    ],
)
def test_a_state_named_inside_what_was_said_is_no_addressee(lang: str, text: str, aside: str, fast: bool) -> None:
    assert all(c < CONFIDENT for _, target, c in _statements(text, lang, fast) if target == aside)


@pytest.mark.parametrize(
    ("lang", "text", "source", "target"),
    [
        ("en", "Kenya told Tanzania on Monday that the border would reopen within a week.", "KEN", "TZA"),
        ("en", "Kenya's president said on Monday that Tanzania had agreed to reopen the border.", "KEN", "TZA"),
        ("en", "Kenya's president told Tanzania's envoy in Nairobi that the border would reopen soon.", "KEN", "TZA"),
        ("en", "The Thai prime minister spoke to Cambodia's leader about the border on Sunday.", "THA", "KHM"),
        ("es", "Chile dijo el lunes que Perú había aceptado reabrir la frontera.", "CHL", "PER"),
        ("de", "Polen sagte am Montag, dass Litauen die Grenze wieder öffnen werde.", "POL", "LTU"),
        ("fr", "Le Sénégal a déclaré lundi que la Gambie rouvrirait la frontière.", "SEN", "GMB"),
        ("pt", "Angola disse na segunda-feira que a Namíbia vai reabrir a fronteira.", "AGO", "NAM"),
    ],
)
def test_the_addressee_or_the_subject_of_what_was_said_stays_the_target(
    lang: str, text: str, source: str, target: str
) -> None:
    events = dyad.code_text(text, lang=lang, date="2024-05-05", fast=True)
    said = [e for e in events if e.cameo == "010" and (e.source.country, e.target.country) == (source, target)]
    assert said and not any(statement_aside(e, grammar_for(lang)) for e in said)


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("lang", "text", "aside"),
    [
        ("en", "The UN warned on Tuesday that fighting in South Sudan could spread to its neighbours.", "SSD"),
        ("en", "Aid agencies warned of a looming famine in South Sudan.", "SSD"),
        ("es", "La ONU advirtió que los combates en Sudán del Sur podrían extenderse a los países vecinos.", "SSD"),
    ],
)
def test_a_warning_about_a_situation_is_no_threat_to_the_state_named_in_it(lang, text, aside, fast) -> None:
    events = dyad.code_text(text, lang=lang, date="2024-05-05", fast=fast)
    assert not any(e.cameo == "130" and e.target.country == aside and e.confidence >= CONFIDENT for e in events)


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("lang", "text", "source", "target"),
    [
        ("en", "China warned Japan on Monday that it would respond firmly to any provocation.", "CHN", "JPN"),
        ("en", "The UN envoy warned South Sudan's leaders that the peace deal was at risk.", None, "SSD"),
        ("es", "China advirtió a Japón que respondería con firmeza a cualquier provocación.", "CHN", "JPN"),
    ],
)
def test_a_warning_to_its_addressee_stays_a_threat(lang, text, source, target, fast) -> None:
    events = dyad.code_text(text, lang=lang, date="2024-05-05", fast=fast)
    assert any(
        e.root == "13" and e.target.country == target and (source is None or e.source.country == source)
        and e.confidence >= CONFIDENT
        for e in events
    ), [(e.source.code, e.cameo, e.target.code, e.confidence) for e in events]
