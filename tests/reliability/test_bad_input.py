"""Bad input at every command-line entry point (`dyad code`, `dyad check`, `dyad ingest`).

Each hazard of issue 9 is fed through a real subprocess (the installed `dyad`) and through
click's CliRunner (in process). Every bad document must cost one line
`dyad: skipped ID: REASON` on standard error, the rest of the batch must go on, the exit
status must follow the contract (0 with skips, 1 when nothing was readable, 2 for usage) and
no traceback may reach the user.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main

from .conftest import GOOD_TEXT, SKIP_LINE, assert_no_traceback, run_dyad, write_bad_inputs

UNREADABLE = ("empty", "blank", "binary")  # nothing in them can be read: each must be skipped
READABLE_ODD = ("invalid_utf8", "mixed")  # odd bytes, but text: read (decoded leniently), never a crash


def _stderr_lines_are_skips_or_summary(stderr: str) -> None:
    """Every line on standard error is a skip line or ingest's one JSON summary line."""
    for line in stderr.splitlines():
        if not line.strip():
            continue
        if line.startswith("{") and line.endswith("}"):
            json.loads(line)
            continue
        assert SKIP_LINE.match(line), f"not a one-line skip report: {line!r}"


# ---------------------------------------------------------------- dyad code


def test_code_subprocess_each_bad_file_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    order = ["empty", "binary", "invalid_utf8", "blank", "mixed", "deep_html", "good"]
    run = run_dyad("code", "--fast", "--format", "jsonl", *[str(files[k]) for k in order])
    assert_no_traceback(run.stderr)
    _stderr_lines_are_skips_or_summary(run.stderr)
    assert run.returncode == 0, run.stderr
    for hazard in UNREADABLE:
        assert files[hazard].name in run.skips, (hazard, run.stderr)
    for hazard in READABLE_ODD:
        assert files[hazard].name not in run.skips, (hazard, run.skips)
    # one line per bad document, never two
    assert len(run.stderr.strip().splitlines()) == len(run.skips)
    by_doc = {e["doc_id"] for e in run.events}
    assert "good.txt" in by_doc, "the good document after the bad ones was not coded"
    # the mixed-encoding file still yields its events (UTF-8 line decoded, cp1252 line tolerated)
    assert "mixed-encodings.txt" in by_doc


def test_code_subprocess_nothing_readable_exits_1_one_line_each(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    run = run_dyad("code", "--fast", *[str(files[k]) for k in UNREADABLE], str(tmp_path / "missing.txt"))
    assert_no_traceback(run.stderr)
    assert run.returncode == 1
    assert run.stdout == ""
    assert set(run.skips) == {files[k].name for k in UNREADABLE} | {str(tmp_path / "missing.txt")}
    assert "empty" in run.skips["empty.txt"]
    assert "binary" in run.skips["binary.txt"]


@pytest.mark.parametrize(
    "args",
    [
        ["code"],  # no input at all
        ["code", "--date", "yesterday", "-"],  # not a date
        ["code", "--format", "xml", "-"],  # unknown format
        ["ingest", "--url", "http://x.test/a", "a.txt", "b.txt"],  # --url with two sources
        ["nosuchverb"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], tmp_path: Path) -> None:
    run = run_dyad("--db", f"sqlite:///{tmp_path / 'u.db'}", *args, stdin=b"Chile met Peru.")
    assert run.returncode == 2, (args, run.stderr)
    assert_no_traceback(run.stderr)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x00\x01\x02PNG\x00\x00" * 500, "binary"),
    ],
)
def test_code_stdin_unreadable_exits_1_with_one_line(data: bytes, reason: str) -> None:
    run = run_dyad("code", "--fast", "-", stdin=data)
    assert_no_traceback(run.stderr)
    assert run.returncode == 1
    assert list(run.skips) == ["stdin"]
    assert reason in run.skips["stdin"]


def test_code_stdin_invalid_utf8_is_read_not_refused() -> None:
    data = "Bolivia criticised the Chilean government over the fishing deal on Monday, said Bogot\xe1.\n"
    run = run_dyad(
        "code", "--fast", "--format", "jsonl", "-", stdin=data.encode("latin-1") + b"\xc3\x28\x80\n"
    )
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert run.skips == {}
    assert any(e["source"]["country"] == "BOL" for e in run.events)


def _jsonl_corpus(path: Path) -> list[str]:
    """Good records interleaved with every kind of malformed line; returns the good ids."""
    good = [
        {"id": "good-1", "text": GOOD_TEXT},
        {"id": "good-2", "text": "Ecuador thanked Peru for its aid after the floods in Guayaquil."},
        {"id": "good-3", "text": "Argentina praised Chile for the border agreement signed in Santiago."},
    ]
    lines: list[bytes] = [
        json.dumps(good[0]).encode(),
        b'{"id": "cut-off", "text": "Chile met',  # truncated record
        b"[1, 2, 3]",  # JSON, but not an object
        b'"just a string"',
        b"\xff\xfe\x00{ binary garbage \x00\x01",  # binary
        json.dumps({"id": "no-text"}).encode(),  # no text
        json.dumps({"id": "blank-text", "text": "   "}).encode(),
        json.dumps({"id": "text-not-str", "text": 42}).encode(),
        json.dumps(good[1]).encode(),
        json.dumps({"id": "html-not-str", "html": ["<p>"]}).encode(),
        b"{" + b'"a": ' * 3 + b"}",  # nonsense
        json.dumps(good[2], ensure_ascii=False).encode("utf-8"),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return [g["id"] for g in good]


def test_code_jsonl_malformed_lines_among_good_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good_ids = _jsonl_corpus(corpus)
    run = run_dyad("code", "--fast", "--format", "jsonl", "--jsonl", str(corpus))
    assert_no_traceback(run.stderr)
    _stderr_lines_are_skips_or_summary(run.stderr)
    assert run.returncode == 0
    assert {e["doc_id"] for e in run.events} == set(good_ids)
    # every malformed line is named by file and line number (2..7, 10, 11), once
    assert len(run.skips) == 9, run.stderr
    for lineno in (2, 3, 4, 5):
        assert f"corpus.jsonl:{lineno}" in run.skips


def test_code_jsonl_deeply_nested_line_is_one_skip(tmp_path: Path) -> None:
    corpus = tmp_path / "deep.jsonl"
    corpus.write_text(
        json.dumps({"id": "before", "text": GOOD_TEXT})
        + "\n"
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + json.dumps({"id": "after", "text": GOOD_TEXT})
        + "\n",
        encoding="utf-8",
    )
    run = run_dyad("code", "--fast", "--format", "jsonl", "--jsonl", str(corpus))
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert list(run.skips) == ["deep.jsonl:2"]
    assert {e["doc_id"] for e in run.events} == {"before", "after"}


def test_code_jsonl_fields_of_the_wrong_type_are_clear_skips(tmp_path: Path) -> None:
    corpus = tmp_path / "types.jsonl"
    rows = [
        {"id": "date-int", "text": GOOD_TEXT, "date": 5},
        {"id": "lang-list", "text": GOOD_TEXT, "lang": ["en"]},
        {"id": "url-int", "text": GOOD_TEXT, "url": 7},
        {"id": "ok", "text": GOOD_TEXT},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    run = run_dyad("code", "--fast", "--format", "jsonl", "--jsonl", str(corpus))
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert "ok" in {e["doc_id"] for e in run.events}
    # each bad record is either skipped with a reason naming the field, or coded with the bad field dropped
    for doc_id, reason in run.skips.items():
        assert "internal error" not in reason, (doc_id, reason)


def test_code_jsonl_from_stdin_with_invalid_utf8_line() -> None:
    data = (
        json.dumps({"id": "a", "text": GOOD_TEXT}).encode()
        + b"\n\xff\xfe\x80 not json\n"
        + json.dumps({"id": "b", "text": "Ecuador thanked Peru for its aid after the floods."}).encode()
        + b"\n"
    )
    run = run_dyad("code", "--fast", "--format", "jsonl", "--jsonl", "-", stdin=data)
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert list(run.skips) == ["stdin:2"]
    assert {e["doc_id"] for e in run.events} == {"a", "b"}


def test_deep_html_20000_levels_is_one_line_or_read(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    run = run_dyad("code", "--fast", "--format", "jsonl", str(files["deep_html"]), str(files["good"]))
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert set(run.skips) <= {"deep.html"}
    assert "good.txt" in {e["doc_id"] for e in run.events}


# ---------------------------------------------------------------- CliRunner (in process)


def test_code_clirunner_bad_files_and_jsonl(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    corpus = tmp_path / "corpus.jsonl"
    good_ids = _jsonl_corpus(corpus)
    result = CliRunner().invoke(
        main,
        ["code", "--fast", "--format", "jsonl", "--jsonl", str(corpus), *[str(p) for p in files.values()]],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0
    assert_no_traceback(result.stderr)
    _stderr_lines_are_skips_or_summary(result.stderr)
    ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert set(good_ids) | {"good.txt"} <= ids
    for hazard in UNREADABLE:
        assert f"dyad: skipped {files[hazard].name}: " in result.stderr


def test_check_clirunner_bad_files(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    result = CliRunner().invoke(main, ["check", "--format", "jsonl", *[str(p) for p in files.values()]])
    assert result.exit_code == 0
    assert_no_traceback(result.stderr)
    _stderr_lines_are_skips_or_summary(result.stderr)
    for hazard in UNREADABLE:
        assert f"dyad: skipped {files[hazard].name}: " in result.stderr
    for line in result.stdout.splitlines():
        json.loads(line)


def test_ingest_clirunner_folder_with_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    files = write_bad_inputs(folder)
    _jsonl_corpus(folder / "corpus.jsonl")
    db = tmp_path / "store.db"
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "ingest", "--fast", "-q", str(folder)])
    assert_no_traceback(result.stderr)
    assert result.exit_code == 0, result.stderr
    _stderr_lines_are_skips_or_summary(result.stderr)
    for hazard in UNREADABLE:
        assert f"dyad: skipped {files[hazard].name}: " in result.stderr
    summary = json.loads(result.stderr.strip().splitlines()[-1])
    assert summary["read"] >= 4
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == summary["new"]


# ---------------------------------------------------------------- dyad check / dyad ingest (subprocess)


def test_check_subprocess_bad_files(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    run = run_dyad("check", "--format", "jsonl", *[str(p) for p in files.values()])
    assert_no_traceback(run.stderr)
    _stderr_lines_are_skips_or_summary(run.stderr)
    assert run.returncode == 0
    assert {files[k].name for k in UNREADABLE} <= set(run.skips)
    nothing = run_dyad("check", *[str(files[k]) for k in UNREADABLE])
    assert nothing.returncode == 1
    assert_no_traceback(nothing.stderr)


def test_ingest_subprocess_bad_sources_then_stats(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    corpus = tmp_path / "corpus.jsonl"
    good_ids = _jsonl_corpus(corpus)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run = run_dyad(
        "--db",
        db,
        "ingest",
        "--fast",
        "-q",
        *[str(p) for p in files.values()],
        str(corpus),
        str(tmp_path / "no-such-folder"),
    )
    assert_no_traceback(run.stderr)
    _stderr_lines_are_skips_or_summary(run.stderr)
    assert run.returncode == 0, run.stderr
    assert {files[k].name for k in UNREADABLE} <= set(run.skips)
    assert str(tmp_path / "no-such-folder") in run.skips
    stats = json.loads(run_dyad("--db", db, "stats").stdout)
    assert stats["documents"] >= len(good_ids) + 1
    # nothing readable at all: exit 1, the store untouched
    again = run_dyad("--db", db, "ingest", "--fast", "-q", *[str(files[k]) for k in UNREADABLE])
    assert again.returncode == 1
    assert_no_traceback(again.stderr)
    assert json.loads(run_dyad("--db", db, "stats").stdout) == stats


def test_ingest_unopenable_store_is_one_line(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "in")
    not_a_db = tmp_path / "garbage.db"
    not_a_db.write_bytes(b"this is not a database file at all\x00" * 200)
    for url in (f"sqlite:///{not_a_db}", f"sqlite:///{tmp_path}/no/such/dir/x.db", "nosuchdialect://x"):
        run = run_dyad("--db", url, "ingest", "--fast", "-q", str(files["good"]))
        assert_no_traceback(run.stderr)
        assert run.returncode == 1, (url, run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("dyad: "), (url, run.stderr)


def test_ingest_jsonl_fields_of_the_wrong_type_do_not_end_the_batch(tmp_path: Path) -> None:
    corpus = tmp_path / "types.jsonl"
    rows = [
        {"id": "lang-list", "text": GOOD_TEXT, "lang": ["en"]},
        {"id": "date-int", "text": GOOD_TEXT + " Again.", "date": 5},
        {"id": "ok", "text": "Ecuador thanked Peru for its aid after the floods in Guayaquil."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run = run_dyad("--db", db, "ingest", "--fast", "-q", str(corpus))
    assert_no_traceback(run.stderr)
    assert run.returncode == 0, run.stderr
    assert json.loads(run_dyad("--db", db, "stats").stdout)["documents"] >= 1


def test_ingest_on_workers_bad_sources_one_line_each(tmp_path: Path) -> None:
    """The scale path (`--workers`: a local Dask cluster) reports bad documents the same way."""
    folder = tmp_path / "in"
    files = write_bad_inputs(folder)
    good_ids = _jsonl_corpus(folder / "corpus.jsonl")
    db = f"sqlite:///{tmp_path / 'workers.db'}"
    run = run_dyad("--db", db, "ingest", "--fast", "-q", "--workers", "2", str(folder), timeout=600)
    assert_no_traceback(run.stderr)
    _stderr_lines_are_skips_or_summary(run.stderr)
    assert run.returncode == 0, run.stderr[-2000:]
    assert {files[k].name for k in UNREADABLE} <= set(run.skips)
    assert sum(1 for k in run.skips if k.startswith("corpus.jsonl:")) == 9
    stats = json.loads(run_dyad("--db", db, "stats").stdout)
    assert stats["documents"] >= len(good_ids) + 1
