"""Helpers shared by the actor tests."""

from __future__ import annotations

from dyad.doc import Mention


def codes(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in mentions]


def code_of(mentions: list[Mention], text: str) -> str | None:
    """The code of the mention whose text is exactly `text` (None when there is none)."""
    for m in mentions:
        if m.text == text:
            return m.code
    return None


def mention(mentions: list[Mention], text: str) -> Mention:
    """The first mention whose text is exactly `text` (the test fails, listing them, when there is none)."""
    found = [m for m in mentions if m.text == text]
    assert found, [(m.text, m.code) for m in mentions]
    return found[0]
