"""A participle joined by "and" to a passive one is passive too ("was summoned and reprimanded"), unless
an object follows it ("was summoned and criticised Peru's decision": active). Sentences written for dyad."""

from __future__ import annotations

import pytest

import dyad


def _top(text: str, lang: str, root: str) -> tuple[str | None, str | None]:
    events = [e for e in dyad.code_text(text, lang=lang, date="2024-05-05", fast=True) if e.root == root]
    top = max(events, key=lambda e: e.confidence)
    return top.source.country, top.target.country


@pytest.mark.parametrize(
    ("lang", "text", "root", "pair"),
    [
        ("en", "Chile's envoy was summoned and reprimanded by the Peruvian foreign ministry on Monday.", "11",
         ("PER", "CHL")),
        ("es", "El embajador chileno fue convocado y amonestado por la cancillería peruana el lunes.", "11",
         ("PER", "CHL")),
        ("pt", "O embaixador chileno foi convocado e repreendido pelo governo peruano na segunda-feira.", "11",
         ("PER", "CHL")),
    ],
)
def test_a_participle_joined_to_a_passive_is_passive(lang: str, text: str, root: str, pair: tuple[str, str]) -> None:
    assert _top(text, lang, root) == pair


@pytest.mark.parametrize("fast", [True, False])
def test_a_second_participle_never_turns_the_envoy_into_the_actor(fast: bool) -> None:
    text = "Chile's envoy in Lima was summoned and reprimanded on Monday."
    events = dyad.code_text(text, lang="en", date="2024-05-05", fast=fast)
    assert not any((e.source.country, e.target.country) == ("CHL", "PER") and e.confidence >= 0.5 for e in events)


def test_a_verb_with_its_own_object_after_and_stays_active() -> None:
    text = "Chile's envoy was summoned and criticised Peru's decision to close the border on Monday."
    assert _top(text, "en", "11") == ("CHL", "PER")
