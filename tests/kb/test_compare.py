"""`dyad compare`: articles dyad read whose URLs GDELT's imported events cite, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.gdelt_sample import rows
from click.testing import CliRunner

from dyad.cli import main
from dyad.kb.compare import Coded, compare, pair_events, same
from dyad.kb.gdelt import COLUMN, import_gdelt
from dyad.store import Store

# Articles written for this test, each with a URL.
ARTICLES = [
    ("https://paper.example.org/one", "Venezuela criticized North Korea over its missile test on Thursday."),
    ("https://paper.example.org/two", "China signed new oil agreements with Venezuela in Beijing on Friday."),
    ("https://paper.example.org/three", "Cuba praised Chile for its support at the United Nations on Monday."),
    ("https://paper.example.org/four", "France condemned Iran over the detention of two journalists on Sunday."),
]


def gdelt_line(event_id: int, url: str, source: str, target: str, code: str, quad: int) -> str:
    cells = next(rows(1, seed=50)).split("\t")
    values = {
        "GLOBALEVENTID": str(event_id), "Actor1Code": source, "Actor1CountryCode": source, "Actor1Name": source,
        "Actor1Type1Code": "", "Actor2Code": target, "Actor2CountryCode": target, "Actor2Name": target,
        "Actor2Type1Code": "", "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": str(quad), "SQLDATE": "20160302", "SOURCEURL": url,
    }
    for name, value in values.items():
        cells[COLUMN[name]] = value
    return "\t".join(cells)


def test_compare_counts_agreement_where_both_coded(store_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": url, "url": url, "text": text, "date": "2016-03-02"}) + "\n"
                              for url, text in ARTICLES), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", store_url, "ingest", "--fast", str(corpus)]).exit_code == 0
    with Store(store_url) as store:
        first = {url: store.events(document=url, min_confidence=0.5) for url, _ in ARTICLES}
    assert all(first.values()), "each article must give dyad at least one event for this test"
    one, two, three = (first[u][0] for u, _ in ARTICLES[:3])

    def party(actor: dict) -> str:
        return actor["country"] or actor["code"]

    other_root = "190" if one["root"] != "19" else "010"
    lines = [
        # article one, as dyad coded it, its URL written as GDELT might (case, trailing slash)
        gdelt_line(1, "HTTPS://Paper.Example.org/one/", party(one["source"]), party(one["target"]), one["cameo"],
                   one["quad"]),
        # article two: the same countries, another root and quad class
        gdelt_line(2, ARTICLES[1][0], party(two["source"]), party(two["target"]),
                   "190" if two["root"] != "19" else "010", 4 if two["quad"] != 4 else 1),
        # article three: the countries the other way round, the same code
        gdelt_line(3, ARTICLES[2][0], party(three["target"]), party(three["source"]), three["cameo"],
                   three["quad"]),
        # article one again: countries dyad did not see there
        gdelt_line(4, ARTICLES[0][0], "JPN", "BRA", other_root, 1),
        # an article dyad never read
        gdelt_line(5, "https://elsewhere.example.net/x", "USA", "RUS", "111", 3),
    ]
    imported = tmp_path / "gdelt.CSV"
    imported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(store_url) as store:
        assert import_gdelt(store, [imported]).imported == 5
        result = compare(store, min_confidence=0.5)
    summary = result.summary
    assert summary["articles"] == 3  # four and the article dyad never read are not compared
    assert [a["doc_id"] for a in result.articles] == sorted(u for u, _ in ARTICLES[:3])
    assert (summary["gdelt_events"], summary["paired"], summary["gdelt_only"]) == (4, 3, 1)
    # one agrees on all three, two on the dyad only, three on root and quad (the other way round)
    assert summary["agree"] == {"dyad": 2, "root": 2, "quad": 2, "all": 1}
    assert summary["agreement"]["dyad"] == 0.5
    dyad_total = sum(len(first[u]) for u, _ in ARTICLES[:3])
    assert (summary["dyad_events"], summary["dyad_only"]) == (dyad_total, dyad_total - 3)

    table = runner.invoke(main, ["--db", store_url, "compare", "--format", "table"])
    assert table.exit_code == 0, table.stderr
    assert "3 articles coded by both" in table.stdout and "Where they differ" in table.stdout
    assert "JPN" in table.stdout and "dyad has no event of these countries" in table.stdout
    lines_out = runner.invoke(main, ["--db", store_url, "compare", "--format", "jsonl"]).stdout.splitlines()
    assert json.loads(lines_out[-1]) == {"summary": summary}
    assert len(lines_out) == 4


def test_pairing_prefers_the_same_dyad_then_reversed_then_one_country() -> None:
    def ev(src: str, tgt: str, cameo: str, quad: int) -> Coded:
        return Coded(src, tgt, cameo, cameo[:2], quad, "factual", "x")

    gdelt = [ev("USA", "RUS", "111", 3), ev("CHN", "JPN", "042", 1), ev("FRA", "DEU", "051", 1)]
    dyad = [ev("RUS", "USA", "111", 3), ev("USA", "RUS", "190", 4), ev("JPN", "KOR", "042", 1)]
    pairs, left = pair_events(gdelt, dyad)
    assert [(g.source, d.source if d else None, d.target if d else None) for g, d in pairs] == [
        ("USA", "USA", "RUS"),  # the same direction beats the same code the other way round
        ("CHN", "JPN", "KOR"),  # one country in common
        ("FRA", None, None),  # nothing in common: unpaired
    ]
    assert left == [dyad[0]]
    assert same(*pairs[0]) == {"dyad": True, "root": False, "quad": False}
    assert same(gdelt[2], None) == {"dyad": False, "root": False, "quad": False}
