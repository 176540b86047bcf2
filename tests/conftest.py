"""Shared fixtures: the seed fixtures (copied from ../shared/seed), a temporary SQLite store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed"


@pytest.fixture(scope="session", autouse=True)
def table_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The compiled tables (dyad.cache) go to a folder of the session's, not the user's cache; the
    processes the tests start (CLI runs, Dask workers) inherit it. A DYAD_CACHE_DIR already set
    (`DYAD_CACHE_DIR=off pytest` runs everything without a cache) is kept."""
    import os

    given = os.environ.get("DYAD_CACHE_DIR")
    folder = tmp_path_factory.mktemp("table-cache")
    if given is None:
        os.environ["DYAD_CACHE_DIR"] = str(folder)
    try:
        yield Path(os.environ["DYAD_CACHE_DIR"])
    finally:
        if given is None:
            os.environ.pop("DYAD_CACHE_DIR", None)


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


# ---------------------------------------------------------------- PostgreSQL (store and ingest tests)

_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 for the session (scripts/ci_postgres.sh).

    `DYAD_TEST_PG_URL` points the tests at a server that is already running instead. Skips
    only when Debian's PostgreSQL binaries are absent.
    """
    import glob
    import os
    import re
    import subprocess

    given = os.environ.get("DYAD_TEST_PG_URL")
    if given:
        yield given
        return
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        pytest.skip("PostgreSQL binaries are absent (apt-get install postgresql)")
    script = str(_ROOT / "scripts" / "ci_postgres.sh")
    started = subprocess.run(["sh", script], capture_output=True, text=True, timeout=120, check=False)
    if started.returncode != 0:
        pytest.fail(f"could not start PostgreSQL: {started.stderr.strip()[-500:]}")
    data_dir = re.search(r"data in (\S+?);", started.stderr)
    try:
        yield started.stdout.strip()
    finally:
        if data_dir:
            subprocess.run(["sh", str(_ROOT / "scripts" / "ci_postgres.sh"), "--stop", data_dir.group(1)],
                           capture_output=True, timeout=60, check=False)


@pytest.fixture()
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text

    name = "t_" + uuid.uuid4().hex[:12]
    admin_url = postgres_server.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = postgres_server.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dyad.db'}"
    return str(request.getfixturevalue("postgres_url"))
