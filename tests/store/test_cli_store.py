"""The contract's store commands on SQLite and PostgreSQL, on the seed and the ANTV-style correction."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.kb.export import GDELT_COLUMNS

ANTV_URL = "https://antv.example.ve/noticias/embajada-rpdc"


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def seeded(store_url: str, seed_dir: Path) -> str:
    code, _, err = run(
        store_url,
        "ingest",
        "--fast",
        str(seed_dir / "caracas-chronicles-2015-06-23.txt"),
        "--date",
        "2015-06-23",
    )
    assert code == 0, err
    for name in ("antv-style-original.es.html", "antv-style-corrected.es.html"):
        code, _, err = run(store_url, "ingest", "--fast", str(seed_dir / name), "--url", ANTV_URL)
        assert code == 0, err
    return store_url


def test_seed_and_correction_give_two_documents_three_versions(seeded: str) -> None:
    stats = json.loads(run(seeded, "stats")[1])
    assert (stats["documents"], stats["versions"]) == (2, 3)
    assert stats["events"] >= 3 and stats["missions"] > 9000


def test_missions_in_caracas_reference_and_news(seeded: str) -> None:
    code, out, _ = run(seeded, "missions", "--city", "Caracas", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len({r["sender"] for r in rows}) >= 30
    (prk,) = [r for r in rows if r["sender"] == "PRK"]
    assert (prk["host"], prk["kind"], prk["status"], prk["since"]) == ("VEN", "embassy", "opened", "2015-06")
    assert prk["district"] == "Las Mercedes"
    assert ANTV_URL in {s.get("url") for s in prk["sources"]}
    assert not [r for r in rows if r["sender"] == "KOR"]
    # districts of the reference data (Chacao) are mapped to their city
    assert any(r["district"] == "Chacao" for r in rows)


def test_the_correction_supersedes_the_original(seeded: str) -> None:
    code, out, _ = run(seeded, "events", "--reports", "--format", "jsonl")
    reports = [json.loads(line) for line in out.splitlines()]
    antv = [r for r in reports if r["doc_id"] == ANTV_URL]
    assert antv and all("Corea" not in r["source"]["text"] or r["source"]["country"] == "PRK" for r in antv)
    code, out, _ = run(seeded, "events", "--source", "PRK", "--target", "VEN", "--format", "jsonl")
    merged = [json.loads(line) for line in out.splitlines()]
    assert merged and all(
        {"event_id", "num_mentions", "num_sources", "num_articles"} <= set(m) for m in merged
    )
    opening = [m for m in merged if m["cameo"] == "054"]
    assert opening and max(m["num_articles"] for m in opening) >= 1


def test_relations_timeline_and_plot(seeded: str, tmp_path: Path) -> None:
    png = tmp_path / "ven-prk.png"
    code, out, err = run(seeded, "relations", "VEN", "PRK", "--plot", str(png), "--format", "json")
    assert code == 0, err
    rel = json.loads(out)
    june = next(m for m in rel["months"] if m["month"] == "2015-06")
    assert june["events"] == sum(june["quad"].values()) == june["a_to_b"] + june["b_to_a"] > 0
    assert june["goldstein_mean"] == pytest.approx(june["goldstein_sum"] / june["events"], abs=0.01)
    assert any(c["sender"] == "PRK" and c["status"] == "opened" for c in june["status"])
    assert {"sender": "PRK", "host": "VEN"}.items() <= next(
        s for s in rel["status"] if s["sender"] == "PRK"
    ).items()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = run(seeded, "relations", "VEN", "PRK", "--format", "table")
    assert code == 0 and "2015-06" in out


def test_exports(seeded: str, tmp_path: Path) -> None:
    merged = json.loads(run(seeded, "stats")[1])["merged_events"]
    code, out, err = run(seeded, "export", "--format", "gdelt")
    counted = len(out.splitlines())
    assert code == 0 and 0 < counted <= merged
    if counted < merged:  # the ledger's default floor leaves the unsure events out, and says so
        assert f"{merged - counted} below confidence" in err
    code, out, _ = run(seeded, "export", "--format", "gdelt", "--min-confidence", "0")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and len(rows) == merged
    assert {len(r) for r in rows} == {61} == {len(GDELT_COLUMNS)}
    opening = next(r for r in rows if r[GDELT_COLUMNS.index("EventCode")] == "054")
    assert opening[GDELT_COLUMNS.index("Actor1CountryCode")] == "PRK"
    assert opening[GDELT_COLUMNS.index("EventRootCode")] == "05"
    assert opening[GDELT_COLUMNS.index("QuadClass")] == "1"
    code, out, _ = run(seeded, "export", "--format", "csv", "--min-confidence", "0")
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == merged and table[0]["num_articles"]
    code, out, _ = run(seeded, "export", "--format", "jsonl", "--min-confidence", "0")
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == [int(r["event_id"]) for r in table]
    parquet = tmp_path / "events.parquet"
    code, _, err = run(seeded, "export", "--format", "parquet", "--output", str(parquet), "--min-confidence", "0")
    assert code == 0, err
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == merged
    code, _, err = run(seeded, "export", "--format", "parquet")
    assert code == 2 and "--output" in err


def test_unreachable_store_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("postgresql://nobody@127.0.0.1:9/none", "stats")
    assert code == 1 and err.startswith("dyad: cannot open the store") and err.count("\n") == 1
