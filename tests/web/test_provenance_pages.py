"""Events imported from GDELT on the JSON routes and the pages, and the provenance filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.gdelt_sample import rows
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.kb.gdelt import COLUMN, import_gdelt
from dyad.store import Store

TOKEN = "provenance-token"
ARTICLE = {  # written for this test
    "url": "https://paper.example.org/p/1",
    "date": "2016-03-02",
    "text": "Venezuela criticized North Korea over its missile test on Thursday.",
}


@pytest.fixture()
def site(sqlite_url: str, tmp_path: Path) -> TestClient:
    client = TestClient(create_app(sqlite_url, token=TOKEN, fast=True))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/documents", json=ARTICLE, headers=headers).status_code == 201
    cells = next(rows(1, seed=60)).split("\t")
    for name, value in {"GLOBALEVENTID": "777000111", "Actor1Code": "PRKGOV", "Actor1CountryCode": "PRK",
                        "Actor2Code": "VEN", "Actor2CountryCode": "VEN", "EventCode": "036", "EventBaseCode": "036",
                        "EventRootCode": "03", "QuadClass": "1", "GoldsteinScale": "4", "SQLDATE": "20160305",
                        "SOURCEURL": "https://wire.example.net/story"}.items():
        cells[COLUMN[name]] = value
    path = tmp_path / "g.CSV"
    path.write_text("\t".join(cells) + "\n", encoding="utf-8")
    with Store(sqlite_url) as store:
        assert import_gdelt(store, [path]).imported == 1
    return client


def test_api_events_and_relations_filter_by_provenance(site: TestClient) -> None:
    everything = site.get("/api/events", params={"source": "PRK"}).json()
    gdelt = site.get("/api/events", params={"source": "PRK", "provenance": "gdelt"}).json()
    dyad = site.get("/api/events", params={"source": "PRK", "provenance": "dyad"}).json()
    assert [e["gdelt"]["id"] for e in gdelt] == [777000111]
    assert all("provenance" not in e for e in dyad)
    assert len(everything) == len(dyad) + 1
    assert site.get("/api/events", params={"provenance": "other"}).status_code == 422
    theirs = site.get("/api/relations/VEN/PRK", params={"provenance": "gdelt"}).json()
    assert theirs["totals"]["events"] == 1 and theirs["provenance"] == "gdelt"


def test_dyad_page_shows_gdelt_events_without_an_article_link(site: TestClient) -> None:
    both = site.get("/dyad/VEN/PRK").text
    assert "GDELT 777000111" in both and "https://wire.example.net/story" in both
    assert "/doc/gdelt:" not in both  # GDELT's events have no article page in dyad
    assert "criticized North Korea" in both
    theirs = site.get("/dyad/VEN/PRK", params={"provenance": "gdelt"}).text
    assert "GDELT 777000111" in theirs and "criticized North Korea" not in theirs
    ours = site.get("/dyad/VEN/PRK", params={"provenance": "dyad"}).text
    assert "GDELT 777000111" not in ours and "criticized North Korea" in ours
    assert '<strong>coded by dyad</strong>' in ours
    country = site.get("/country/PRK", params={"provenance": "gdelt"}).text
    assert "GDELT 777000111" in country


def test_the_placeholder_that_holds_imported_events_is_no_article(site: TestClient) -> None:
    assert [d["id"] for d in site.get("/api/documents").json()] == [ARTICLE["url"]]
    assert site.get("/doc/gdelt").status_code == 404
    assert site.get("/api/documents/gdelt").status_code == 404
