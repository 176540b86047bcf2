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
