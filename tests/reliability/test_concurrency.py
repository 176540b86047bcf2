"""Concurrency: two real `dyad ingest` processes writing into one store at once (SQLite, and
PostgreSQL through the shared `postgres_url` fixture) both succeed, the store ends up holding
exactly what one process ingesting both corpora would hold, and a reader polling meanwhile
never sees half a document (a document without its current version, or a version with only
some of its events)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from .conftest import DYAD, run_dyad
from .test_crash import write_corpus

_SNAPSHOT = text(
    "select d.id, d.current_version, v.id as vid, "
    "(select count(*) from events e where e.version_id = v.id) as n "
    "from documents d left join versions v on v.document_id = d.id and v.version = d.current_version"
)


def _sa_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return str(request.getfixturevalue("postgres_url"))


def _content(url: str) -> dict[str, Counter]:
    engine = create_engine(_sa_url(url))
    try:
        with engine.connect() as conn:
            versions = Counter(
                tuple(r) for r in conn.execute(text("select document_id, content_hash from versions"))
            )
            events = Counter(
                tuple(r)
                for r in conn.execute(
                    text(
                        "select v.document_id, v.content_hash, count(e.id) from versions v "
                        "left join events e on e.version_id = v.id group by v.document_id, v.content_hash"
                    )
                )
            )
            docs = Counter(r[0] for r in conn.execute(text("select id from documents")))
            missions = Counter(
                tuple(r) for r in conn.execute(text("select sender, host, city, kind, origin from missions"))
            )
            # events merged across articles: one cluster per key, its counts those of its active events
            clusters = Counter(
                tuple(r)
                for r in conn.execute(
                    text(
                        "select source_code, target_code, cameo, mode, day, num_mentions, num_articles "
                        "from event_clusters where num_mentions > 0"
                    )
                )
            )
            miscounted = Counter(
                tuple(r)
                for r in conn.execute(
                    text(
                        "select c.source_code, c.target_code, c.cameo, c.num_mentions, "
                        "(select coalesce(sum(e.mentions), 0) from events e "
                        " where e.cluster_id = c.id and e.active = :yes) as actual "
                        "from event_clusters c"
                    ),
                    {"yes": True},
                )
                if r[3] != r[4]
            )
    finally:
        engine.dispose()
    return {
        "documents": docs,
        "versions": versions,
        "events": events,
        "missions": missions,
        "clusters": clusters,
        "miscounted_clusters": miscounted,
    }


def _split_corpus(root: Path) -> tuple[Path, Path]:
    """Two corpora that overlap: 12 identical files in both, the rest different."""
    whole = root / "whole"
    write_corpus(whole, n=40)
    a, b = root / "a", root / "b"
    files = sorted(p for p in whole.rglob("*.txt"))
    for i, path in enumerate(files):
        for target in [a, b] if i < 12 else [a] if i % 2 else [b]:
            dest = target / path.relative_to(whole)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
    (a / "corrections.jsonl").write_bytes((whole / "corrections.jsonl").read_bytes())
    return a, b


def test_two_ingests_at_once_and_a_reader(url: str, tmp_path: Path) -> None:
    a, b = _split_corpus(tmp_path)
    created = run_dyad("--db", url, "stats")  # the store exists (its creation is tested below)
    assert created.returncode == 0, created.stderr
    # The reference: one process, both corpora, on its own SQLite store.
    ref_url = f"sqlite:///{tmp_path / 'reference.db'}"
    ref = run_dyad("--db", ref_url, "ingest", "--fast", "-q", str(a), str(b))
    assert ref.returncode == 0, ref.stderr
    expected = _content(ref_url)

    stop = threading.Event()
    seen: list[tuple[str, int, int]] = []
    broken: list[str] = []
    reader_errors: list[str] = []

    def reader() -> None:
        engine = create_engine(_sa_url(url))
        try:
            while not stop.is_set():
                try:
                    with engine.connect() as conn:
                        for doc_id, current, vid, n in conn.execute(_SNAPSHOT):
                            if vid is None:
                                broken.append(f"{doc_id}: version {current} not there")
                            else:
                                seen.append((doc_id, int(current), int(n)))
                except Exception as exc:  # the tables may not exist yet in the first instants
                    if "no such table" not in str(exc) and "does not exist" not in str(exc):
                        reader_errors.append(str(exc).splitlines()[0])
                time.sleep(0.02)
        finally:
            engine.dispose()

    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    procs = [
        subprocess.Popen(
            [DYAD, "--db", url, "ingest", "--fast", "-q", str(corpus)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for corpus in (a, b)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    stop.set()
    thread.join(timeout=30)
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err.decode()
        assert "Traceback" not in err.decode()
    summaries = [json.loads(err.decode().strip().splitlines()[-1]) for _out, err in outs]
    assert sum(s["skipped"] for s in summaries) == 0, summaries

    got = _content(url)
    for table in expected:
        assert got[table] == expected[table], (
            table,
            got[table] - expected[table],
            expected[table] - got[table],
        )
    assert not broken, broken[:5]
    assert not reader_errors, reader_errors[:5]
    # every version the reader saw carried all of its events, never some
    final = {}
    engine = create_engine(_sa_url(url))
    with engine.connect() as conn:
        for doc_id, current, _vid, n in conn.execute(_SNAPSHOT):
            final[doc_id] = (int(current), int(n))
    engine.dispose()
    partial = [(d, v, n) for d, v, n in seen if final[d][0] == v and final[d][1] != n]
    assert not partial, partial[:5]
    assert seen, "the reader never saw a document: the ingests were too quick to overlap it"


def _writer(url: str, k: int, n: int, barrier: Any, results: Any) -> None:
    """One writer process: code its documents first; then, in step with the other writers, store
    document i of each at the same instant (a report of event i: the same dyad, verb and day)."""
    import datetime as dt

    import dyad
    from dyad.store import Store

    day = dt.date(2016, 1, 4)  # a Monday; event i is 5 weeks after event i - 1
    docs = [
        dyad.process_document(
            dyad.Document(
                id=f"w{k}-{i}",
                date=(day + dt.timedelta(weeks=5 * i, days=1)).isoformat(),
                text=f"Chile criticised Peru on Monday. Item {k}-{i} was filed at desk {i * 7 + k}.",
            ),
            fast=True,
        )
        for i in range(n)
    ]
    store = Store(url)
    failed = []
    for doc in docs:
        barrier.wait()
        try:
            store.add_document(doc)
        except Exception as exc:  # reported to the test, which fails on any
            failed.append(f"{doc.id}: {exc}")
    store.close()
    results.put((k, failed))


@pytest.mark.parametrize(
    "backend",
    [
        "sqlite",
        "postgresql",
    ],
)
def test_concurrent_writers_converge_on_one_merged_event(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Four processes store reports of the same event at the same instant, 30 times over: 30 merged
    events, each counting its 4 reports."""
    import multiprocessing

    from dyad.store import Store

    url = (
        f"sqlite:///{tmp_path / 'w.db'}"
        if backend == "sqlite"
        else str(request.getfixturevalue("postgres_url"))
    )
    Store(url).close()  # the store exists: this test is about writers, not creation
    ctx = multiprocessing.get_context("spawn")
    writers, per_writer = 4, 30
    barrier, results = ctx.Barrier(writers), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, k, per_writer, barrier, results)) for k in range(writers)]
    for p in procs:
        p.start()
    outcome = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(not failed for _k, failed in outcome), outcome
    engine = create_engine(_sa_url(url))
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from documents")).scalar_one() == writers * per_writer
        rows = conn.execute(
            text(
                "select c.num_mentions, c.num_articles, "
                "(select coalesce(sum(e.mentions), 0) from events e "
                " where e.cluster_id = c.id and e.active = :yes) "
                "from event_clusters c where c.source_code = 'CHL' and c.target_code = 'PER'"
            ),
            {"yes": True},
        ).all()
    engine.dispose()
    assert sorted(tuple(r) for r in rows) == [(writers,) * 3] * per_writer, rows


def test_processes_opening_a_new_store_at_once(url: str) -> None:
    """Six `dyad stats` started together on a store that does not exist yet: all succeed, one store."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    procs = [
        subprocess.Popen(
            [DYAD, "--db", url, "stats"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for _ in range(6)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    failures = [err.decode().strip() for p, (_o, err) in zip(procs, outs, strict=True) if p.returncode != 0]
    assert not failures, failures
    assert len({json.loads(out)["missions"] for out, _e in outs}) == 1  # the reference missions seeded once
