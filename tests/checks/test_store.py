"""Through the store: after ingesting the ANTV-style original (and its correction under the same
URL), no event or mission learnt from the news says South Korea is opening an embassy in Caracas."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dyad.cli import main

from .conftest import FIXTURES

URL = "http://antv.example/noticias/corea-embajada"


def _jsonl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_the_knowledge_base_never_learns_the_confused_dyad(sqlite_url: str) -> None:
    runner = CliRunner()
    for name in ("antv-style-original.es.html", "antv-style-corrected.es.html"):
        result = runner.invoke(
            main,
            ["--db", sqlite_url, "ingest", "-q", "--url", URL, "--date", "2015-06-22", str(FIXTURES / name)],
        )
        assert result.exit_code == 0, result.output
    assert (
        _jsonl(runner.invoke(main, ["--db", sqlite_url, "events", "--source", "KOR", "--format", "jsonl"]))
        == []
    )
    assert (
        _jsonl(runner.invoke(main, ["--db", sqlite_url, "events", "--target", "KOR", "--format", "jsonl"]))
        == []
    )
    prk = _jsonl(runner.invoke(main, ["--db", sqlite_url, "events", "--source", "PRK", "--format", "jsonl"]))
    assert any(e["target"]["country"] == "VEN" for e in prk)
    missions = _jsonl(
        runner.invoke(main, ["--db", sqlite_url, "missions", "--city", "Caracas", "--format", "jsonl"])
    )
    from_news = [m for m in missions if any("doc_id" in s for s in m["sources"])]
    assert from_news and {m["sender"] for m in from_news} == {"PRK"}
