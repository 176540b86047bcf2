"""Missions and diplomatic relations in the store, on SQLite and PostgreSQL: breaks and restorations,
conflicting reports, corrections, and where each row comes from (`dyad missions`, `dyad relations`)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dyad.cli import main
from dyad.doc import Document
from dyad.missions import read_missions
from dyad.store import Store

REFERENCE = {"dataset": "wikidata-2022-11-16", "date": "2022-11-16"}


def article(url: str | None, text: str, date: str, lang: str = "en") -> Document:
    """An article as ingest stores it after the missions stage (no events: missions need none)."""
    doc = read_missions(text, date=date, lang=lang, doc_id=url or "text")
    doc.url = url
    return doc


def test_a_break_of_relations_ends_both_sides_missions_and_is_a_record(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://wire.example/b", "Colombia broke off diplomatic relations with "
                                   "Venezuela on Friday.", "2019-02-23"))
        (col,) = store.missions(sender="COL", city="Caracas")
        assert (col["status"], col["until"], col["from"]) == ("relations severed", "2019-02", "news")
        assert [m["status"] for m in store.missions(sender="VEN", city="Bogota")] == ["relations severed"]
        assert not store.missions(sender="COL", city="Caracas", include_closed=False)
        record = store.diplomatic_relations("VEN", "COL")
        assert (record["status"], record["since"]) == ("severed", "2019-02-22")
        (change,) = record["history"]
        assert change["rule"].startswith("en relation 'broke")
        assert change["sentence_text"].startswith("Colombia broke off")


def test_a_restoration_plans_the_reopening_of_dormant_missions(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://wire.example/b", "Colombia broke off diplomatic relations with "
                                   "Venezuela.", "2019-02-23"))
        store.add_document(article("https://wire.example/r", "Colombia and Venezuela restored diplomatic "
                                   "relations on Thursday.", "2022-08-12"))
        for sender, city in (("COL", "Caracas"), ("VEN", "Bogota")):
            (mission,) = store.missions(sender=sender, city=city)
            assert mission["status"] == "planned", mission
            (plan,) = [src for src in mission["sources"] if src.get("status") == "planned"]
            assert plan["plan"] == "opened" and "relations restored" in plan["rule"]
        record = store.diplomatic_relations("COL", "VEN")
        assert [h["change"] for h in record["history"]] == ["severed", "restored"]
        assert record["status"] == "established"


def test_the_latest_dated_report_wins_and_same_day_reports_that_disagree_are_shown(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://one.example/a", "Chile closed its embassy in Caracas on Monday.",
                                   "2021-03-10"))
        store.add_document(article("https://two.example/b", "Chile reopened its embassy in Caracas on Monday.",
                                   "2021-03-10"))
        (chile,) = store.missions(sender="CHL", city="Caracas")
        assert chile["status"] == "opened"  # the same day: the report written last
        assert {(d["doc_id"], d["status"]) for d in chile["disputed"]} == {
            ("https://one.example/a", "closed"), ("https://two.example/b", "opened")}
        # a report of an earlier day, arriving later, changes nothing
        store.add_document(article("https://three.example/c", "Chile closed its embassy in Caracas on Tuesday.",
                                   "2021-01-06"))
        (chile,) = store.missions(sender="CHL", city="Caracas")
        assert chile["status"] == "opened" and "disputed" in chile
        # a report of a later day wins, and the disagreement is history
        store.add_document(article("https://three.example/d", "Chile closed its embassy in Caracas on Friday.",
                                   "2021-06-12"))
        (chile,) = store.missions(sender="CHL", city="Caracas")
        assert (chile["status"], chile["until"]) == ("closed", "2021-06") and "disputed" not in chile


def test_a_correction_supersedes_what_the_first_version_said(store_url: str) -> None:
    url = "https://wire.example/peru"
    with Store(store_url) as store:
        store.add_document(article(url, "Peru expelled the Mexican ambassador on Tuesday.", "2022-12-21"))
        (mex,) = store.missions(sender="MEX", city="Lima")
        assert mex["status"] == "ambassador expelled"
        store.add_document(article(url, "Peru summoned the Mexican ambassador on Tuesday.", "2022-12-21"))
        (mex,) = store.missions(sender="MEX", city="Lima")
        assert mex["status"] == "open" and mex["sources"] == [REFERENCE] and mex["from"] == "reference"


def test_background_and_denials_are_never_stored(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://wire.example/x", "Spain reopened its embassy in Tripoli after a "
                                   "six-year closure. Italy did not close its embassy in Tripoli.", "2021-05-03"))
        (spain,) = store.missions(sender="ESP", city="Tripoli")
        assert [s.get("status") for s in spain["sources"]] == ["opened", None]
        (italy,) = store.missions(sender="ITA", city="Tripoli")
        assert italy["sources"] == [REFERENCE]


def test_dyad_missions_says_where_each_row_comes_from(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://wire.example/gh", "Ghana opened an embassy in Caracas on Monday.",
                                   "2019-01-09"))
    result = CliRunner().invoke(main, ["--db", store_url, "missions", "--city", "Caracas", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = {r["sender"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["ARG"]["from"] == "reference" and rows["ARG"]["sources"] == [REFERENCE]
    ghana = rows["GHA"]
    assert (ghana["from"], ghana["status"], ghana["since"]) == ("news", "opened", "2019-01")
    (src,) = ghana["sources"]
    assert (src["doc_id"], src["sentence"], src["date"], src["trigger"]) == (
        "https://wire.example/gh", 0, "2019-01-07", "opened"
    )
    assert src["sentence_text"] == "Ghana opened an embassy in Caracas on Monday."
    assert "en change 'open" in src["rule"] and src["mode"] == "factual"
    table = CliRunner().invoke(main, ["--db", store_url, "missions", "--city", "Caracas", "--format", "table"])
    assert "news 2019-01-07 wire.example/gh#0" in table.stdout and "reference 2022-11-16" in table.stdout


def test_dyad_relations_prints_the_diplomatic_record(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(article("https://wire.example/t", "São Tomé e Príncipe cortou relações diplomáticas "
                                   "com Taiwan e reconheceu a China.", "2016-12-21", lang="pt"))
    result = CliRunner().invoke(main, ["--db", store_url, "relations", "STP", "TWN", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rel = json.loads(result.stdout)
    assert rel["diplomatic"]["status"] == "severed"
    assert {s["sender"]: s["status"] for s in rel["status"] if s["from"] == "news"} == {
        "STP": "relations severed", "TWN": "relations severed"}
    with_china = json.loads(CliRunner().invoke(main, ["--db", store_url, "relations", "STP", "CHN"]).stdout)
    assert with_china["diplomatic"]["history"][0]["change"] == "recognition switched"
    assert with_china["diplomatic"]["history"][0]["previous"] == "TWN"
