"""Helpers shared by the coding tests."""

from __future__ import annotations

import dyad


def coded(text: str, lang: str, date: str = "2020-03-12") -> set[tuple[str, str, str]]:
    """(source code, CAMEO code, target code) of every event the fast mode codes in `text`."""
    return {(e.source.code, e.cameo, e.target.code) for e in dyad.code_text(text, date=date, lang=lang, fast=True)}


def sources_of(found: set[tuple[str, str, str]], target: str) -> set[str]:
    """The sources of the coded events aimed at `target`."""
    return {source for source, _, t in found if t == target}
