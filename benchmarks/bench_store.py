"""The store's questions on a grown store: merged events, relations, missions, exports (SQLite, PostgreSQL).

    nice -n 10 .venv/bin/python benchmarks/bench_store.py                      # 2,000 docs, both stores
    nice -n 10 .venv/bin/python benchmarks/bench_store.py --docs 500 --db sqlite

Generated articles (benchmarks/corpus.py) are ingested with `ingest_sources --fast` (their
rate is printed, but benchmarks/bench_ingest.py is the ingest benchmark); then each question
runs a few times and its median wall time is printed, with how many reports the store merged
into how many events across articles. PostgreSQL runs when scripts/ci_postgres.sh can start a
throwaway server on 127.0.0.1 (fsync off).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ingest import peak_rss_mb, start_postgres, stop_postgres  # noqa: E402
from corpus import write_corpus  # noqa: E402


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(url: str, corpus: Path, workdir: Path) -> dict[str, object]:
    from dyad.ingest.run import ingest_sources
    from dyad.kb.export import export_events
    from dyad.kb.relations import relations
    from dyad.store import Store

    store = Store(url)
    start = time.perf_counter()
    summary = ingest_sources(store, [str(corpus)], fast=True)
    ingest_s = time.perf_counter() - start
    stats = store.stats()
    out: dict[str, object] = {
        "store": url.split(":", 1)[0], "docs": summary.new, "ingest_docs_per_s": round(summary.new / ingest_s, 1),
        "reports": stats["events"], "merged_events": stats["merged_events"],
    }
    pairs = [("events (merged, all)", lambda: len(store.events())),
             ("events --source FRA", lambda: len(store.events(source="FRA"))),
             ("events --reports", lambda: len(store.events(merged=False))),
             ("relations FRA DEU", lambda: relations(store, "FRA", "DEU")["totals"]["events"]),
             ("missions --city Caracas", lambda: len(store.missions(city="Caracas"))),
             ("export gdelt", lambda: export_events(store, "gdelt", io.StringIO())),
             ("export parquet", lambda: export_events(store, "parquet", path=str(workdir / "e.parquet")))]
    for name, fn in pairs:
        seconds, result = timed(fn)
        out[name] = f"{seconds * 1000:.0f} ms ({result})"
    store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = write_corpus(workdir / "corpus.jsonl", args.docs)
        results = []
        if args.db in ("sqlite", "both"):
            results.append(run(f"sqlite:///{workdir / 'bench.db'}", corpus, workdir))
        if args.db in ("postgresql", "both"):
            server = start_postgres()
            if server is not None:
                try:
                    results.append(run(server[0], corpus, workdir))
                finally:
                    stop_postgres(server[1])
        for result in results:
            print(json.dumps(result))
        print(f"peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
