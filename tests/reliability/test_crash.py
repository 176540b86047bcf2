"""Crash safety: `kill -9` a real `dyad ingest` at random moments of a folder ingest, rerun the
same ingest, and the store must equal a clean run's: no document, version or event lost,
half-written or doubled."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

from .conftest import DYAD, run_dyad

_PAIRS = [
    ("Chile", "Peru"),
    ("Bolivia", "Chile"),
    ("Ecuador", "Colombia"),
    ("Argentina", "Uruguay"),
    ("Venezuela", "Colombia"),
    ("Brazil", "Paraguay"),
    ("Mexico", "Guatemala"),
    ("Cuba", "Venezuela"),
]
_ACTS = [
    "criticised",
    "praised",
    "accused",
    "thanked",
    "met with",
    "signed a trade agreement with",
    "expelled the ambassador of",
    "promised aid to",
]


def write_corpus(folder: Path, n: int = 48) -> None:
    """`n` articles as files in nested folders, plus a JSONL with corrections (same URL, new text)."""
    rng = random.Random(7)
    for i in range(n):
        a, b = _PAIRS[i % len(_PAIRS)]
        act = _ACTS[(i // len(_PAIRS)) % len(_ACTS)]
        day = 1 + i % 27
        text = (
            f"{a} {act} {b} on Monday, officials said. "
            f"The talks in the capital lasted {rng.randint(2, 9)} hours, item {i}.\n"
            f"{b} {rng.choice(_ACTS)} {a} a day later.\n"
        )
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"2016-03-{day:02d}-{i:03d}.txt").write_text(text, encoding="utf-8")
    lines = []
    for i in range(6):
        a, b = _PAIRS[i]
        url = f"https://news.example.org/story/{i}"
        lines.append(
            {
                "id": f"story-{i}-v1",
                "url": url,
                "date": "2016-04-02",
                "text": f"{a} criticised {b} over the border on Friday.",
            }
        )
        lines.append(
            {
                "id": f"story-{i}-v2",
                "url": url,
                "date": "2016-04-02",
                "text": f"{a} criticised {b} over the border on Friday. {b} rejected the claim. (Updated.)",
            }
        )
    (folder / "corrections.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )


def snapshot(db: Path) -> dict[str, Counter]:
    """The store's content without timestamps or row ids, as multisets (so doubles show)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        docs = Counter(conn.execute("select id, current_version from documents").fetchall())
        versions = Counter(conn.execute("select document_id, version, content_hash from versions").fetchall())
        events = Counter(
            conn.execute(
                "select v.document_id, v.version, e.active, e.payload from events e "
                "join versions v on v.id = e.version_id"
            ).fetchall()
        )
        per_version = Counter(
            conn.execute(
                "select v.document_id, v.version, count(e.id) from versions v "
                "left join events e on e.version_id = v.id "
                "group by v.id"
            ).fetchall()
        )
        missions = Counter(
            conn.execute("select sender, host, city, kind, status, origin from missions").fetchall()
        )
        # events merged across articles: each cluster by its key and counts, each event by its cluster's key
        clusters = Counter(
            conn.execute(
                "select source_code, target_code, cameo, mode, day, num_mentions, num_sources, num_articles "
                "from event_clusters"
            ).fetchall()
        )
        membership = Counter(
            conn.execute(
                "select v.document_id, v.version, e.sentence, c.source_code, c.target_code, c.cameo, c.day "
                "from events e join versions v on v.id = e.version_id "
                "left join event_clusters c on c.id = e.cluster_id"
            ).fetchall()
        )
    return {
        "documents": docs,
        "versions": versions,
        "events": events,
        "events_per_version": per_version,
        "missions": missions,
        "clusters": clusters,
        "cluster_membership": membership,
    }


def _start(db: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [DYAD, "--db", f"sqlite:///{db}", "ingest", "--fast", "-q", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )


def _documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_kill_9_during_ingest_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # Large enough that storing takes a few seconds after start-up: a kill then lands mid-ingest.
    articles = 300
    total = articles + 6
    write_corpus(corpus, n=articles)
    clean_db = tmp_path / "clean.db"
    started = time.monotonic()
    clean = run_dyad("--db", f"sqlite:///{clean_db}", "ingest", "--fast", "-q", str(corpus))
    clean_seconds = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    expected = snapshot(clean_db)
    assert sum(expected["documents"].values()) == total
    assert sum(expected["versions"].values()) == articles + 12
    assert sum(expected["events"].values()) > articles

    crash_db = tmp_path / "crash.db"
    rng = random.Random(int(os.environ.get("DYAD_CRASH_SEED", "9")))
    kills = 0
    stored_after_kills = []
    # Round 1: kill once documents are being written; round 2: at a random moment from the start
    # (often while the store is opened or migrated); round 3: kill again mid-way; then finish.
    for round_no in range(3):
        proc = _start(crash_db, corpus)
        if round_no in (0, 2):
            deadline = time.monotonic() + clean_seconds + 30
            base = _documents_in(crash_db)
            while _documents_in(crash_db) <= base and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 0.3))
        else:
            time.sleep(rng.uniform(0.05, max(0.1, clean_seconds * 0.6)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
            proc.wait(timeout=60)
            stored_after_kills.append(_documents_in(crash_db))
        proc.wait(timeout=60)
        proc.stderr.close()
    assert kills >= 2, "the ingest finished before it could be killed: make the corpus larger"
    # A fast machine may store the last documents in round 3; what matters is that some kill
    # landed mid-ingest, so the reruns had half-done work to finish.
    assert min(stored_after_kills) < total, f"no kill landed mid-ingest: {stored_after_kills}"
    partial = _documents_in(crash_db)
    print(
        f"\nclean ingest {clean_seconds:.1f} s; {kills} kills; "
        f"{partial} of {total} documents stored before the rerun"
    )

    final = run_dyad("--db", f"sqlite:///{crash_db}", "ingest", "--fast", "-q", str(corpus))
    assert final.returncode == 0, final.stderr
    got = snapshot(crash_db)
    for table in expected:
        assert got[table] == expected[table], (
            table,
            (got[table] - expected[table]),
            (expected[table] - got[table]),
        )
    # and a second full rerun changes nothing (idempotent)
    again = run_dyad("--db", f"sqlite:///{crash_db}", "ingest", "--fast", "-q", str(corpus))
    assert json.loads(again.stderr.strip().splitlines()[-1])["new"] == 0
    assert snapshot(crash_db) == expected
