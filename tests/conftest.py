"""Shared fixtures: the seed fixtures (copied from ../shared/seed), a temporary SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED / "caracas-chronicles-2015-06-23.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'dyad.db'}"
