"""A 50 MB document at each entry point: handled (coded or refused in one line), the batch goes
on, and the child's peak resident memory (wait4's ru_maxrss of that very process) stays under
a fixed ceiling. The figures measured are in docs/reliability.md.

Expensive (each run reads 50 MB), so one run per entry point and each run also checks that the
good document after the big one is still processed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import GOOD_TEXT, assert_no_traceback, run_dyad, write_big_text

# Peak RSS allowed for a process handed a 50 MB document. A bare `dyad code --fast` is ~100 MB;
# reading the document costs a few times its size, and nothing may grow beyond that: the pipeline
# refuses a document over [stages.sentences] max_document_chars instead of holding records for it.
CEILING_MB = 512
SIZE_MB = 50


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("big")
    text = write_big_text(folder / "big.txt", SIZE_MB)
    good = folder / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    return {"text": text, "good": good, "folder": folder}


def _outcome(run, doc_id: str) -> str:  # noqa: ANN001
    """'coded' or 'skipped' for the big document; fails on anything else."""
    if doc_id in run.skips:
        return "skipped"
    return "coded"


def test_code_50mb_file_bounded_memory(big: dict[str, Path]) -> None:
    run = run_dyad("code", "--fast", "--format", "jsonl", str(big["text"]), str(big["good"]), timeout=600)
    assert_no_traceback(run.stderr)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "good.txt" in {e["doc_id"] for e in run.events}, "the batch did not go on after the big document"
    print(
        f"\n50 MB file via `dyad code`: {_outcome(run, 'big.txt')}, peak RSS {run.peak_rss_mb:.0f} MB, "
        f"{run.seconds:.1f} s"
    )
    assert run.peak_rss_mb < CEILING_MB, f"peak RSS {run.peak_rss_mb:.0f} MB for a {SIZE_MB} MB document"


def test_code_50mb_stdin_bounded_memory(big: dict[str, Path]) -> None:
    run = run_dyad("code", "--fast", "--format", "jsonl", "-", stdin=big["text"].read_bytes(), timeout=600)
    assert_no_traceback(run.stderr)
    assert run.returncode in (0, 1)
    assert len(run.stderr.strip().splitlines()) <= 1
    print(
        f"\n50 MB on standard input: {_outcome(run, 'stdin')}, peak RSS {run.peak_rss_mb:.0f} MB, "
        f"{run.seconds:.1f} s"
    )
    assert run.peak_rss_mb < CEILING_MB


def test_code_50mb_jsonl_record_bounded_memory(big: dict[str, Path]) -> None:
    corpus = big["folder"] / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "huge", "text": big["text"].read_text(encoding="utf-8")}) + "\n")
        f.write(json.dumps({"id": "after", "text": GOOD_TEXT}) + "\n")
    run = run_dyad("code", "--fast", "--format", "jsonl", "--jsonl", str(corpus), timeout=600)
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert "after" in {e["doc_id"] for e in run.events}
    print(
        f"\n50 MB JSONL record: {_outcome(run, 'huge')}, peak RSS {run.peak_rss_mb:.0f} MB, "
        f"{run.seconds:.1f} s"
    )
    assert run.peak_rss_mb < CEILING_MB


def test_ingest_50mb_file_bounded_memory(big: dict[str, Path], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'big.db'}"
    run = run_dyad("--db", db, "ingest", "--fast", "-q", str(big["text"]), str(big["good"]), timeout=900)
    assert_no_traceback(run.stderr)
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stderr.strip().splitlines()[-1])
    assert summary["read"] + summary["skipped"] >= 2
    stats = json.loads(run_dyad("--db", db, "stats").stdout)
    assert stats["documents"] >= 1  # the good one at least
    print(
        f"\n50 MB file via `dyad ingest`: {_outcome(run, 'big.txt')}, peak RSS {run.peak_rss_mb:.0f} MB, "
        f"{run.seconds:.1f} s, store {stats}"
    )
    assert run.peak_rss_mb < CEILING_MB


def test_code_50mb_html_bounded_memory(big: dict[str, Path]) -> None:
    page = big["folder"] / "big.html"
    with page.open("w", encoding="utf-8") as out, big["text"].open(encoding="utf-8") as src:
        out.write(
            "<!doctype html><html lang='en'><head><title>A very long page</title></head><body><article>"
        )
        for line in src:
            out.write(f"<p>{line.strip()}</p>\n")
        out.write("</article></body></html>")
    run = run_dyad("code", "--fast", "--format", "jsonl", str(page), str(big["good"]), timeout=900)
    assert_no_traceback(run.stderr)
    assert run.returncode == 0
    assert "good.txt" in {e["doc_id"] for e in run.events}
    print(
        f"\n50 MB HTML page: {_outcome(run, 'big.html')}, peak RSS {run.peak_rss_mb:.0f} MB, "
        f"{run.seconds:.1f} s"
    )
    assert run.peak_rss_mb < CEILING_MB, f"peak RSS {run.peak_rss_mb:.0f} MB for a {SIZE_MB} MB page"


def test_the_document_limit_is_a_setting_and_a_skip_line() -> None:
    """The limit comes from the pipeline config; a document over it is skipped with the reason."""
    import dyad
    from dyad.engine import load_config

    config = load_config()
    config["stages"]["sentences"]["max_document_chars"] = 500
    engine = dyad.Engine(fast=True, config=config)
    docs = [dyad.Document(id="long", text=GOOD_TEXT * 10), dyad.Document(id="short", text=GOOD_TEXT)]
    skipped: list[tuple[str, str]] = []
    done = [d.id for d in engine.run(docs, on_skip=lambda i, r: skipped.append((i, r)))]
    assert done == ["short"]
    assert skipped[0][0] == "long" and "over the 500-character limit" in skipped[0][1]
