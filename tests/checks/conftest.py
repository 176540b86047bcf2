"""Fixtures for the checks: one fast engine for the module, and the ANTV-style seed fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.checks.data import CheckData
from dyad.doc import Document
from dyad.engine import Engine
from dyad.resources import default_resources

FIXTURES = Path(__file__).parent.parent / "fixtures" / "seed"  # the seed fixtures all tests share


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(fast=True)


@pytest.fixture(scope="session")
def check_data() -> CheckData:
    return CheckData.build(default_resources())


@pytest.fixture(scope="session")
def checks_expected() -> dict:
    return json.loads((FIXTURES / "checks-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def run(engine: Engine):
    def process(
        text: str,
        date: str | None = None,
        *,
        html: str | None = None,
        lang: str | None = None,
        doc_id: str = "t",
    ) -> Document:
        return engine.process(Document(id=doc_id, text=text, date=date, html=html, lang=lang))

    return process
