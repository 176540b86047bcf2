"""The command line's contract: exit codes, skip lines, formats, standard input."""

import json

from click.testing import CliRunner

from dyad.cli import main

TEXT = "Venezuela backed North Korea at the United Nations on Monday."


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def test_stdin_and_date():
    result = run(["code", "--date", "2015-06-22", "--format", "jsonl", "-"], input=TEXT)
    assert result.exit_code == 0
    event = json.loads(result.stdout.splitlines()[0])
    assert (event["source"]["code"], event["target"]["code"], event["root"]) == ("VEN", "PRK", "05")
    assert event["doc_id"] == "stdin"
    assert event["date"] == "2015-06-22"  # "on Monday" = the Monday up to the document date


def test_jsonl_with_a_bad_line_goes_on(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "one", "text": TEXT}) + "\n{not json\n"
                      + json.dumps({"id": "two", "text": TEXT}) + "\n", encoding="utf-8")
    result = run(["code", "--format", "jsonl", "--jsonl", str(corpus)])
    assert result.exit_code == 0
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    assert "one" in ids and "two" in ids
    assert "dyad: skipped in.jsonl:2: malformed JSON" in result.stderr
    assert "Traceback" not in result.output


def test_nothing_readable_exits_1_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = run(["code", str(empty), str(binary), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln]
    assert len(lines) == 3 and all(ln.startswith("dyad: skipped ") for ln in lines)
    assert "empty input" in lines[0] and "binary" in lines[1] and "no such file" in lines[2]


def test_usage_errors_exit_2():
    assert run(["code"]).exit_code == 2
    assert run(["code", "--date", "June 22", "-"], input=TEXT).exit_code == 2
    assert run(["code", "--format", "xml", "-"], input=TEXT).exit_code == 2


def test_table_format_names_countries():
    result = run(["code", "--format", "table", "-"], input=TEXT)
    assert result.exit_code == 0
    assert "Venezuela" in result.stdout and "North Korea" in result.stdout


def test_windows_1252_input_is_read(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Venezuela respaldó a Corea del Norte en la ONU.".encode("cp1252"))
    result = run(["code", "--format", "jsonl", "--lang", "es", str(path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["source"]["country"] == "VEN"
