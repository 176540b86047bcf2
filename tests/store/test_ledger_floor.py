"""The ledger counts what it believes: relations, timelines, pages and exports leave out events
below a minimum confidence, and say how many."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.store.test_store import document, event

from dyad.cli import main
from dyad.kb import export_events, min_confidence, relations
from dyad.store import Store

BODY = "Chile praised Peru. Chile criticised Peru. Peru thanked Chile."


def _store_with_three(url: str) -> Store:
    store = Store(url)
    sure = event("d", "CHL", "PER", "051", text=BODY, trigger="praised", date="2020-03-02")
    unsure = event("d", "CHL", "PER", "111", text=BODY, trigger="criticised", date="2020-03-03",
                   sentence=1, quad=3, goldstein=-2.0)
    back = event("d", "PER", "CHL", "051", text=BODY, trigger="thanked", date="2020-04-01", sentence=2)
    sure.confidence, unsure.confidence, back.confidence = 0.91, 0.2, 0.6
    store.add_document(document("d", None, BODY, [sure, unsure, back]))
    return store


def test_the_default_floor_is_the_shipped_setting_and_an_override_wins() -> None:
    assert 0.0 < min_confidence() < 1.0
    assert min_confidence(0.0) == 0.0 and min_confidence(0.8) == 0.8


def test_relations_count_events_at_or_above_the_floor_and_say_how_many_were_left_out(store_url: str) -> None:
    with _store_with_three(store_url) as store:
        rel = relations(store, "CHL", "PER", min_confidence=0.5)
        assert rel["totals"]["events"] == 2 and rel["left_out"] == 1 and rel["min_confidence"] == 0.5
        assert [m["month"] for m in rel["months"]] == ["2020-03", "2020-04"]
        everything = relations(store, "CHL", "PER", min_confidence=0.0)
        assert everything["totals"]["events"] == 3 and everything["left_out"] == 0
        assert len(store.events(min_confidence=0.5)) == 2 and len(store.events()) == 3
        assert store.count_below(0.5) == 1 and store.count_below(0.5, source="PER") == 0


def test_exports_leave_out_what_the_ledger_does_not_count(store_url: str) -> None:
    with _store_with_three(store_url) as store:
        out = io.StringIO()
        assert export_events(store, "jsonl", out, min_confidence=0.5) == 2
        assert all(json.loads(line)["confidence"] >= 0.5 for line in out.getvalue().splitlines())
        assert export_events(store, "jsonl", io.StringIO(), min_confidence=0.0) == 3


def test_the_cli_takes_a_floor_and_reports_what_it_left_out(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _store_with_three(url).close()
    runner = CliRunner()
    got = runner.invoke(main, ["--db", url, "relations", "CHL", "PER", "--min-confidence", "0.5", "--format", "json"])
    assert got.exit_code == 0, got.output
    assert json.loads(got.output)["left_out"] == 1
    got = runner.invoke(main, ["--db", url, "export", "--min-confidence", "0.5"])
    assert got.exit_code == 0 and "1 below confidence 0.5 left out" in got.stderr
    got = runner.invoke(main, ["--db", url, "events", "--min-confidence", "0.95"])
    assert got.exit_code == 0 and got.stdout.strip() == ""
    assert runner.invoke(main, ["--db", url, "relations", "CHL", "PER", "--min-confidence", "2"]).exit_code == 2


def test_the_api_and_the_dyad_page_take_a_floor(tmp_path) -> None:
    from dyad.api import create_app

    url = f"sqlite:///{tmp_path / 'd.db'}"
    _store_with_three(url).close()
    client = TestClient(create_app(url))
    assert client.get("/api/relations/CHL/PER?min_confidence=0.5").json()["left_out"] == 1
    assert len(client.get("/api/events?min_confidence=0.5").json()) == 2
    assert client.get("/api/events?min_confidence=1.5").status_code == 422
    page = client.get("/dyad/CHL/PER?min_confidence=0.5").text
    assert "1 event below confidence 0.5 left out" in page
    assert "left out" not in client.get("/dyad/CHL/PER?min_confidence=0").text
