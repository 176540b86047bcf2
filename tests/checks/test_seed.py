"""The cases of ../shared/seed/checks-expected.json (copied into tests/fixtures/seed/), through `dyad check`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.ingest.readers import read_file

from .conftest import FIXTURES

CASES = json.loads((FIXTURES / "checks-expected.json").read_text(encoding="utf-8"))["cases"]


def _check(name: str, date: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--date", date, "--format", "jsonl", str(FIXTURES / name)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _covers(finding: dict, want: dict, text: str) -> bool:
    if finding["kind"] != want["kind"]:
        return False
    if finding["text"] == want["text"]:
        return True  # a flag image: its file name is the text
    shown = text[finding["start"] : finding["end"]]
    return want["text"] in shown


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_seed_case_holds(case: dict) -> None:
    findings = _check(case["file"], case["date"])
    text = read_file(FIXTURES / case["file"], date=case["date"]).text
    if not isinstance(case["findings"], list):
        assert [f for f in findings if f["severity"] != "info"] == []
        return
    for want in case["findings"]:
        matches = [f for f in findings if _covers(f, want, text)]
        assert matches, f"no {want['kind']} finding for {want['text']!r} in {findings}"
        for f in matches:
            assert f["says"] == want["says"] and f["context"] == want["context"]
            assert f["severity"] in ("warning", "error")
            if "suggest" in want:
                assert f["suggest"] == want["suggest"]


def test_findings_carry_the_contract_fields() -> None:
    findings = _check("antv-style-original.es.html", "2015-06-22")
    assert findings
    for f in findings:
        assert set(f) >= {
            "doc_id",
            "kind",
            "severity",
            "text",
            "start",
            "end",
            "says",
            "context",
            "suggest",
            "evidence",
            "message",
        }
        assert f["doc_id"] == "antv-style-original.es.html"
        assert f["message"]
    confusion = [f for f in findings if f["kind"] == "name-confusion"]
    assert all(set(f["evidence"]) & {"Pyongyang", "Kim Jong-Un"} for f in confusion)


def test_the_quoted_mistake_is_an_info_note_at_most() -> None:
    findings = _check("caracas-chronicles-2015-06-23.txt", "2015-06-23")
    assert all(f["severity"] == "info" for f in findings)
    # the correct "South Korea" of the last paragraph is not flagged at all
    assert not [f for f in findings if f["text"] == "South Korea"]


def test_table_format_and_missing_file() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--date",
            "2015-06-22",
            "--format",
            "table",
            str(FIXTURES / "antv-style-original.en.txt"),
            str(FIXTURES / "nope.txt"),
        ],
    )
    assert result.exit_code == 0
    assert "name-confusion" in result.stdout
    assert "nope.txt" in result.stderr


@pytest.mark.parametrize("name", ["antv-style-original.es.html", "antv-style-original.en.txt"])
def test_events_take_the_context_country(engine, name: str) -> None:
    doc = engine.process(read_file(FIXTURES / name, date="2015-06-22"))
    assert doc.events, "the fixture reports events"
    codes = {e.source.country for e in doc.events} | {e.target.country for e in doc.events}
    assert "KOR" not in codes
    assert "PRK" in codes
    corrected = [m for m in doc.mentions if m.why.startswith("check:")]
    assert corrected and all(m.country == "PRK" for m in corrected)
    carrying = [e for e in doc.events if e.findings]
    assert carrying, "an event built from a corrected mention carries the finding"
    for e in carrying:
        assert all(f.kind == "name-confusion" and f.context == "PRK" for f in e.findings)
        assert "findings" in e.to_dict()


def test_corrected_version_codes_the_same_dyad(engine) -> None:
    original = engine.process(read_file(FIXTURES / "antv-style-original.es.html", date="2015-06-22"))
    corrected = engine.process(read_file(FIXTURES / "antv-style-corrected.es.html", date="2015-06-22"))
    dyads = lambda doc: {(e.source.country, e.target.country) for e in doc.events}  # noqa: E731
    assert ("PRK", "VEN") in dyads(original) & dyads(corrected)
    assert not corrected.findings or all(f.severity == "info" for f in corrected.findings)
