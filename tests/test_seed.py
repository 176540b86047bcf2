"""The seed article end to end through the real pipeline (issue 2's acceptance)."""

import json

from click.testing import CliRunner

import dyad
from dyad.cli import main


def test_code_text_finds_the_embassy_opening(seed_text):
    events = dyad.code_text(seed_text, date="2015-06-23", doc_id="seed")
    opening = [e for e in events if e.source.country == "PRK" and e.target.country == "VEN" and e.root == "05"
               and e.location is not None and e.location.name == "Caracas"]
    assert opening, [e.to_dict() for e in events]
    assert all(e.doc_id == "seed" for e in events)


def test_cli_code_prints_contract_json(seed_dir):
    result = CliRunner().invoke(main, ["code", "--date", "2015-06-23", "--format", "jsonl",
                                       str(seed_dir / "caracas-chronicles-2015-06-23.txt")])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    keys = {"doc_id", "sentence", "sentence_text", "source", "target", "cameo", "root", "plover", "quad", "penta",
            "goldstein", "mode", "confidence", "date", "location", "trigger"}
    for e in events:
        assert keys <= set(e)
        for role in ("source", "target"):
            actor = e[role]
            assert e["sentence_text"][actor["start"]:actor["end"]] == actor["text"]
        trig = e["trigger"]
        assert e["sentence_text"][trig["start"]:trig["end"]] == trig["text"]
    assert any(e["source"]["country"] == "PRK" and e["target"]["country"] == "VEN" and e["root"] == "05"
               and (e["location"] or {}).get("name") == "Caracas" for e in events)
    assert all(e["doc_id"] == "caracas-chronicles-2015-06-23.txt" for e in events)


def test_no_factual_event_from_questions(seed_text):
    for e in dyad.code_text(seed_text, date="2015-06-23"):
        if e.sentence_text.rstrip().endswith("?"):
            assert e.mode == "question"
