"""Every actor listed in the seed's expected.json resolves to the code it lists."""

from __future__ import annotations

import pytest

from dyad.actors.stage import make_actor_resolver
from dyad.doc import Document
from dyad.resources import Resources
from dyad.text.sentences import make_sentence_splitter


@pytest.fixture(scope="module")
def seed_mentions(seed_text: str, seed_expected: dict, resources: Resources) -> list:
    doc = Document(id="seed", text=seed_text, date=seed_expected["date"])
    doc = make_sentence_splitter(resources=resources)(doc)
    return make_actor_resolver(resources=resources)(doc).mentions


def test_seed_home_country(seed_text: str, seed_expected: dict, resources: Resources) -> None:
    doc = make_sentence_splitter(resources=resources)(Document(id="seed", text=seed_text, date="2015-06-23"))
    assert make_actor_resolver(resources=resources)(doc).home_country == seed_expected["home_country"]


def test_every_seed_actor_resolves_as_listed(seed_mentions: list, seed_expected: dict) -> None:
    missing = []
    for actor in seed_expected["actors"]:
        found = [m for m in seed_mentions if actor["text"].lower() in m.text.lower()]
        if not any(m.code == actor["code"] for m in found):
            missing.append((actor["text"], actor["code"], [(m.text, m.code) for m in found]))
    assert not missing, missing


def test_seed_korea_names_are_not_confused(seed_mentions: list) -> None:
    by_text = {m.text: m.code for m in seed_mentions}
    assert by_text["Republic of Korea"] == "KOR"
    assert by_text["North Korea"] == "PRK"
