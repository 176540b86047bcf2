"""`dyad demo` on a fresh store: the Quick start's first command."""

import io

from click.testing import CliRunner
from rich.console import Console

from dyad.cli import main
from dyad.demo import run_demo
from dyad.store import Store


def test_demo_answers_the_caracas_question(sqlite_url):
    store = Store(sqlite_url)
    out = io.StringIO()
    totals = run_demo(store, fast=True, db_url=sqlite_url, console=Console(file=out, width=200))
    text = out.getvalue()
    assert totals["read"] >= 8 and totals["skipped"] == 0
    assert totals["updated"] >= 1  # the ANTV correction is a new version of the same article
    assert "Which countries have an embassy in Caracas?" in text
    caracas = store.missions(city="Caracas")
    senders = {m["sender"] for m in caracas}
    assert len(senders) >= 30
    prk = [m for m in caracas if m["sender"] == "PRK"]
    assert prk and prk[0]["status"] == "opened" and prk[0]["since"] == "2015-06"
    assert any("doc_id" in s for s in prk[0]["sources"])
    stats = store.stats()
    assert stats["versions"] == stats["documents"] + 1


def test_demo_twice_changes_nothing(sqlite_url):
    runner = CliRunner()
    assert runner.invoke(main, ["--db", sqlite_url, "demo", "--fast"]).exit_code == 0
    before = Store(sqlite_url).stats()
    assert runner.invoke(main, ["--db", sqlite_url, "demo", "--fast"]).exit_code == 0
    assert Store(sqlite_url).stats() == before
