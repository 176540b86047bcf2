"""Our own sentences, one PentaClass each: the top event of each must land in its class."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyad

_ROWS = [
    line.split("\t", 1)
    for line in (Path(__file__).parent / "penta_sentences.tsv").read_text(encoding="utf-8").splitlines()[2:]
    if line.strip()
]


@pytest.mark.parametrize(("penta", "text"), _ROWS)
def test_top_event_class(penta: str, text: str) -> None:
    events = dyad.code_text(text, date="2023-05-10", fast=True)
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    assert top.penta == int(penta), (top.cameo, top.trigger, top.explanation)
