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


def test_a_mislabelled_state_teaches_the_store_nothing(sqlite_url: str, tmp_path) -> None:
    """An embassy the Republic of China could not have opened (Honduras had switched to Beijing) and a
    cabinet dissolved by 'Mali's President Lazarus Chakwera' are stored as China's and Malawi's."""
    runner = CliRunner()
    stories = [
        ("2023-06-11", "http://wire.example/roc", "TEGUCIGALPA, June 11 (Reuters) - The Republic of China opened "
         "an embassy in Tegucigalpa on Sunday, weeks after Honduras switched diplomatic recognition from Taipei.\n"),
        ("2022-01-24", "http://wire.example/mali", "LILONGWE, Jan. 24 (Reuters) - Mali's President Lazarus "
         "Chakwera dissolved his entire cabinet on Monday, citing corruption charges against three ministers.\n"),
    ]
    for i, (date, url, text) in enumerate(stories):
        path = tmp_path / f"story{i}.txt"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(main, ["--db", sqlite_url, "ingest", "-q", "--url", url, "--date", date, str(path)])
        assert result.exit_code == 0, result.output
    for wrong in ("TWN", "MLI"):
        for side in ("--source", "--target"):
            args = ["--db", sqlite_url, "events", side, wrong, "--format", "jsonl"]
            assert _jsonl(runner.invoke(main, args)) == [], wrong
    assert _jsonl(runner.invoke(main, ["--db", sqlite_url, "events", "--source", "MWI", "--format", "jsonl"]))
    missions = _jsonl(
        runner.invoke(main, ["--db", sqlite_url, "missions", "--city", "Tegucigalpa", "--format", "jsonl"])
    )
    from_news = [m for m in missions if any("doc_id" in s for s in m["sources"])]
    assert from_news and {m["sender"] for m in from_news} == {"CHN"}
