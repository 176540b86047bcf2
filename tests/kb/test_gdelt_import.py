"""`dyad import gdelt` on SQLite and PostgreSQL, over samples made by benchmarks/gdelt_sample.py."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.gdelt_sample import rows, write_sample
from click.testing import CliRunner

from dyad.cli import main
from dyad.kb.export import GDELT_COLUMNS, export_events
from dyad.kb.gdelt import COLUMN, country_map, import_gdelt, parse_row
from dyad.kb.relations import relations
from dyad.resources import default_resources
from dyad.store import Store

A2 = GDELT_COLUMNS.index("Actor2Code")


def expected(lines: list[str]) -> dict[str, int]:
    """What an import of these generated lines must report, counted from the lines themselves."""
    cells = [line.split("\t") for line in lines]
    two = [c for c in cells if c[A2]]
    regions = Counter(
        code
        for c in two
        for code in (c[COLUMN["Actor1CountryCode"]], c[COLUMN["Actor2CountryCode"]])
        if code in ("AFR", "EUR", "MEA")
    )
    return {"rows": len(cells), "two_actors": len(two), "one_actor": len(cells) - len(two), **regions}


def row(**values: str) -> str:
    """One GDELT 2.0 line with these columns set (the rest as a generated row has them)."""
    cells = next(rows(1, seed=99)).split("\t")
    for name, value in values.items():
        cells[COLUMN[name]] = value
    return "\t".join(cells)


def test_import_plain_and_zipped_files_then_again(store_url: str, tmp_path: Path) -> None:
    plain = write_sample(tmp_path / "a.export.CSV", 600, seed=1)
    zipped = write_sample(tmp_path / "b.export.CSV.zip", 400, seed=2, zipped=True)
    want_a = expected(list(rows(600, seed=1)))
    want_b = expected(list(rows(400, seed=2)))
    with Store(store_url) as store:
        summary = import_gdelt(store, [plain, zipped], batch=250).to_dict()
        assert summary["files"] == 2 and summary["bad"] == 0
        assert summary["rows"] == 1000
        assert summary["one_actor"] == want_a["one_actor"] + want_b["one_actor"]
        assert summary["imported"] == want_a["two_actors"] + want_b["two_actors"]
        assert summary["unmapped_codes"]["AFR"] == want_a["AFR"] + want_b["AFR"]
        assert summary["unmapped_actors"] == sum(want_a[r] + want_b[r] for r in ("AFR", "EUR", "MEA"))
        stats = store.stats()
        assert stats["gdelt_events"] == summary["imported"] == stats["merged_events"]
        assert stats["documents"] == 0  # the placeholder that holds imported events is not an article
        again = import_gdelt(store, [zipped]).to_dict()
        assert (again["imported"], again["already"]) == (0, want_b["two_actors"])
        assert store.stats()["gdelt_events"] == summary["imported"]


def test_an_event_keeps_gdelt_provenance_ids_and_counts(store_url: str, tmp_path: Path) -> None:
    line = row(GLOBALEVENTID="123456789", Actor1Code="ROMGOV", Actor1CountryCode="ROM", Actor1Name="ROMANIA",
               Actor1Type1Code="GOV", Actor2Code="VEN", Actor2CountryCode="VEN", Actor2Name="VENEZUELA",
               Actor2Type1Code="", EventCode="0841", EventBaseCode="084", EventRootCode="08", QuadClass="2",
               GoldsteinScale="7", NumMentions="12", NumSources="3", NumArticles="10", SQLDATE="20150623",
               SOURCEURL="https://News.Example.org/a/story/")
    path = tmp_path / "one.CSV"
    path.write_text(line + "\n", encoding="utf-8")
    with Store(store_url) as store:
        assert import_gdelt(store, [path]).imported == 1
        (event,) = store.events(provenance="gdelt")
    assert event["provenance"] == "gdelt"
    assert event["source"] == {"text": "ROMANIA", "start": 0, "end": 0, "code": "ROUGOV", "country": "ROU",
                               "sector": "GOV", "name": "Romania"}
    assert (event["target"]["code"], event["target"]["country"]) == ("VEN", "VEN")
    assert (event["cameo"], event["root"], event["quad"], event["goldstein"], event["date"]) == (
        "0841", "08", 2, 7.0, "2015-06-23")
    assert (event["num_mentions"], event["num_sources"], event["num_articles"]) == (12, 3, 10)
    assert event["gdelt"]["id"] == 123456789
    assert event["url"] == "https://News.Example.org/a/story/"
    assert event["doc_id"] == "gdelt:https://news.example.org/a/story"  # canonical, as the store has URLs


def test_bad_rows_get_one_line_each_and_the_import_goes_on(sqlite_url: str, tmp_path: Path) -> None:
    good = list(rows(5, seed=4))
    bad = [
        "just\ttwo",
        row(GLOBALEVENTID="12x"),
        row(SQLDATE="20151345"),
        row(EventCode="999", EventRootCode="99"),
        row(QuadClass="7"),
        row(GoldsteinScale="strong"),
    ]
    path = tmp_path / "mixed.CSV"
    path.write_text("\n".join([good[0], *bad, *good[1:]]) + "\n", encoding="utf-8")
    lines: list[tuple[str, str]] = []
    with Store(sqlite_url) as store:
        summary = import_gdelt(store, [path, tmp_path / "missing.CSV"], on_bad=lambda w, r: lines.append((w, r)))
    assert summary.bad == len(bad) + 1
    assert [w for w, _ in lines] == [f"mixed.CSV:{n}" for n in range(2, 8)] + ["missing.CSV"]
    reasons = [r for _, r in lines]
    assert reasons[0] == "2 columns, not the 61 of a GDELT 2.0 event"
    assert "GLOBALEVENTID '12x'" in reasons[1] and "SQLDATE '20151345'" in reasons[2]
    assert "not a CAMEO code" in reasons[3] and "QuadClass 7" in reasons[4] and "GoldsteinScale" in reasons[5]
    assert reasons[6] == "no such file"
    assert summary.imported == expected(good)["two_actors"]


def test_cli_prints_the_summary_and_fails_when_no_file_was_read(sqlite_url: str, tmp_path: Path) -> None:
    path = write_sample(tmp_path / "c.CSV", 50, seed=5)
    result = CliRunner().invoke(main, ["--db", sqlite_url, "import", "gdelt", str(path)])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stderr.strip().splitlines()[-1])
    assert summary["imported"] == expected(list(rows(50, seed=5)))["two_actors"]
    missing = CliRunner().invoke(main, ["--db", sqlite_url, "import", "gdelt", str(tmp_path / "none.CSV")])
    assert missing.exit_code == 1
    assert "dyad: skipped none.CSV: no such file" in missing.stderr


def test_provenance_filters_events_relations_and_exports(store_url: str, tmp_path: Path, seed_dir: Path) -> None:
    # a GDELT event between the seed's two countries, so both sources speak of VEN and PRK
    path = tmp_path / "d.CSV"
    path.write_text(row(Actor1Code="PRK", Actor1CountryCode="PRK", Actor2Code="VEN", Actor2CountryCode="VEN",
                        SQLDATE="20150623", EventCode="054", EventBaseCode="054", EventRootCode="05",
                        QuadClass="1", GoldsteinScale="6") + "\n", encoding="utf-8")
    runner = CliRunner()
    seed = str(seed_dir / "caracas-chronicles-2015-06-23.txt")
    assert runner.invoke(main, ["--db", store_url, "ingest", "--fast", seed, "--date", "2015-06-23"]).exit_code == 0
    with Store(store_url) as store:
        dyad_only = store.events(source="PRK", target="VEN")
        assert import_gdelt(store, [path]).imported == 1
        everything = store.events(source="PRK", target="VEN")
        assert store.events(source="PRK", target="VEN", provenance="dyad") == dyad_only
        (imported,) = store.events(source="PRK", target="VEN", provenance="gdelt")
        assert len(everything) == len(dyad_only) + 1
        # dyad's 054 PRK -> VEN of the same day did not merge with GDELT's: its counts are its own
        assert imported["num_articles"] == int(path.read_text().split("\t")[COLUMN["NumArticles"]])
        assert all(e["num_articles"] == 1 for e in dyad_only)
        both = relations(store, "VEN", "PRK", min_confidence=0)
        ours = relations(store, "VEN", "PRK", min_confidence=0, provenance="dyad")
        theirs = relations(store, "VEN", "PRK", min_confidence=0, provenance="gdelt")
        assert theirs["totals"]["events"] == 1
        assert both["totals"]["events"] == ours["totals"]["events"] + 1
        out = io.StringIO()
        assert export_events(store, "jsonl", out, min_confidence=0, provenance="gdelt") == 1
        all_ours = store.events(provenance="dyad")
    code = runner.invoke(main, ["--db", store_url, "events", "--provenance", "dyad", "--format", "jsonl"])
    assert code.exit_code == 0
    assert all("provenance" not in json.loads(line) for line in code.stdout.splitlines())
    assert [json.loads(line)["event_id"] for line in code.stdout.splitlines()] == [e["event_id"] for e in all_ours]


def test_export_gdelt_then_import_gives_the_same_events(sqlite_url: str, tmp_path: Path) -> None:
    path = write_sample(tmp_path / "e.CSV", 300, seed=6)
    again_db = f"sqlite:///{tmp_path / 'again.db'}"
    with Store(sqlite_url) as store:
        import_gdelt(store, [path])
        first = sorted(store.events(provenance="gdelt"), key=lambda e: e["gdelt"]["id"])
        out = tmp_path / "exported.CSV"
        with out.open("w", encoding="utf-8") as f:
            export_events(store, "gdelt", f, min_confidence=0)
    with Store(again_db) as again:
        summary = import_gdelt(again, [out])
        second = sorted(again.events(provenance="gdelt"), key=lambda e: e["event_id"])
    assert (summary.bad, summary.imported) == (0, len(first))
    # exported ids are the store's event ids: compare everything else, in the order the ids give
    by_store_id = sorted(first, key=lambda e: e["event_id"])

    def key(e: dict) -> tuple:
        return (e["source"]["code"], e["source"]["country"], e["target"]["code"], e["target"]["country"],
                e["cameo"], e["root"], e["quad"], e["goldstein"], e["date"], e["url"], e["num_mentions"],
                e["num_sources"], e["num_articles"], e["gdelt"]["is_root_event"], e["gdelt"]["avg_tone"])

    assert [key(e) for e in second] == [key(e) for e in by_store_id]


@pytest.mark.parametrize(("given", "iso"), [("ROM", "ROU"), ("TMP", "TLS"), ("USA", "USA"), ("WSB", "PSE"),
                                            ("AFR", None), ("YUG", None), ("XYZ", None)])
def test_cameo_country_codes_map_to_iso(given: str, iso: str | None) -> None:
    assert country_map().country(given) == iso


def test_one_actor_rows_are_left_out_not_bad() -> None:
    cells = row(Actor2Code="", Actor2CountryCode="", Actor2Name="").split("\t")
    assert parse_row(cells, country_map(), default_resources().cameo) is None


def test_imported_events_leave_dyad_queries_on_their_indexes(sqlite_url: str, tmp_path: Path) -> None:
    """With many imported events, filters on provenance must not make SQLite read all of them."""
    from sqlalchemy import event

    from dyad.store.clusters import _candidate_query

    with Store(sqlite_url) as store:
        import_gdelt(store, [write_sample(tmp_path / "f.CSV", 300, seed=8)])
        statements: list[tuple[str, object]] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda _c, _cur, sql, params, _ctx, _many: statements.append((sql, params)))
        store.events(source="USA", provenance="dyad", limit=5)
        with store.engine.connect() as conn:
            plans = [" | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                     for sql, params in statements[-1:]]
            sql, params = _candidate_query(conn, [("USA", "RUS", "010", "factual")], ["2015-01-05"], 3)
            plans.append(" | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)))
    assert "ix_clusters_dyad" in plans[0] and "ux_clusters_external" not in plans[0]
    assert "ix_clusters_key" in plans[1] and "SCAN" not in plans[1]
