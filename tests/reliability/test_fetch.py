"""URLs and feeds that misbehave: a 500, a hang, a feed that is not XML, served from a real
`http.server` thread on 127.0.0.1 inside the test, ingested by a real `dyad ingest` subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import assert_no_traceback, run_dyad


def test_ingest_urls_500_timeout_and_not_xml_feed(bad_web: str, tmp_path: Path) -> None:
    not_xml_file = tmp_path / "broken.rss"
    not_xml_file.write_bytes(b"<rss><channel><item><title>never closed \x00\xff\xfe")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    sources = [
        f"{bad_web}/error500",
        f"{bad_web}/slow",
        f"{bad_web}/not-xml.rss",
        str(not_xml_file),
        f"{bad_web}/article.html",
    ]
    run = run_dyad(
        "--db", db, "ingest", "--fast", "-q", "--timeout", "1", "--retries", "0", *sources, timeout=120
    )
    assert_no_traceback(run.stderr)
    assert run.returncode == 0, run.stderr
    skips = run.skips
    assert "500" in skips[f"{bad_web}/error500"]
    assert "timed out" in skips[f"{bad_web}/slow"]
    assert f"{bad_web}/not-xml.rss" in skips
    assert "broken.rss" in " ".join(skips), skips
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == len(skips) + 1  # one line per bad source, plus the summary
    summary = json.loads(lines[-1])
    assert summary["new"] == 1
    stats = json.loads(run_dyad("--db", db, "stats").stdout)
    assert stats["documents"] == 1


def test_ingest_feed_with_bad_items_keeps_the_good_one(bad_web: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run = run_dyad(
        "--db",
        db,
        "ingest",
        "--fast",
        "-q",
        "--timeout",
        "1",
        "--retries",
        "1",
        f"{bad_web}/feed.rss",
        timeout=120,
    )
    assert_no_traceback(run.stderr)
    assert run.returncode == 0, run.stderr
    assert "500" in run.skips[f"{bad_web}/error500"]
    assert "timed out" in run.skips[f"{bad_web}/slow"]
    assert json.loads(run_dyad("--db", db, "stats").stdout)["documents"] == 1


def test_ingest_only_unreachable_urls_exits_1(bad_web: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run = run_dyad(
        "--db",
        db,
        "ingest",
        "--fast",
        "-q",
        "--timeout",
        "1",
        "--retries",
        "0",
        f"{bad_web}/error500",
        "http://127.0.0.1:9/refused",
        timeout=60,
    )
    assert_no_traceback(run.stderr)
    assert run.returncode == 1
    assert set(run.skips) == {f"{bad_web}/error500", "http://127.0.0.1:9/refused"}
