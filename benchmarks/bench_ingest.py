"""`dyad ingest` end to end into SQLite (and PostgreSQL): articles per second per block, peak memory.

    nice -n 10 .venv/bin/python benchmarks/bench_ingest.py                       # 100,000 docs, SQLite
    nice -n 10 .venv/bin/python benchmarks/bench_ingest.py --docs 20000 --block 2000 --db both --fast
    nice -n 10 .venv/bin/python benchmarks/bench_ingest.py --docs 4000 --block 1000 --workers 2

Generated articles (benchmarks/corpus.py, distinct URLs) are written one block at a time to a
JSONL file, and each block goes through the same call as `dyad ingest` (`ingest_sources`, or
`ingest_parallel` with --workers) into a store that keeps growing. Each block's time is shown
with its rate; "flat" compares the last blocks' rate with the first blocks'. Peak memory is
this process's peak RSS (the corpus is never held whole). PostgreSQL runs when
scripts/ci_postgres.sh can start a throwaway server on 127.0.0.1 (it runs with fsync off).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def start_postgres() -> tuple[str, str] | None:
    script = ROOT / "scripts" / "ci_postgres.sh"
    if not script.is_file():
        print("(no scripts/ci_postgres.sh: PostgreSQL skipped)", file=sys.stderr)
        return None
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"(PostgreSQL could not start: {done.stderr.strip()[:200]})", file=sys.stderr)
        return None
    data = done.stderr.split("data in ", 1)[1].split(";", 1)[0].strip()
    return done.stdout.strip(), data


def stop_postgres(data: str) -> None:
    subprocess.run(["sh", str(ROOT / "scripts" / "ci_postgres.sh"), "--stop", data], check=False)


def run(url: str, args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    from dyad.distributed import dask_client, ingest_parallel
    from dyad.engine import default_engine
    from dyad.ingest.run import ingest_sources
    from dyad.store import Store

    store = Store(url)
    storing = [0.0]
    add_document = store.add_document

    def timed_add(doc):  # noqa: ANN001, ANN202 - the store's own call, timed
        start = time.perf_counter()
        try:
            return add_document(doc)
        finally:
            storing[0] += time.perf_counter() - start

    store.add_document = timed_add  # type: ignore[method-assign]
    default_engine(args.fast)  # build the engine before the clock starts (start-up is measured elsewhere)
    stream = articles(args.docs, seed=args.seed, words=args.words)
    blocks: list[dict[str, float]] = []
    totals = {"read": 0, "new": 0, "events": 0, "skipped": 0}
    client_cm = dask_client(args.workers) if args.workers else None
    client = client_cm.__enter__() if client_cm else None
    try:
        number = 0
        while True:
            path = workdir / f"block-{number}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                written = 0
                for record in islice(stream, args.block):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
            if not written:
                path.unlink()
                break
            start = time.perf_counter()
            storing[0] = 0.0
            if client is not None:
                summary = ingest_parallel(store, [str(path)], client=client, fast=args.fast)
            else:
                summary = ingest_sources(store, [str(path)], fast=args.fast)
            seconds = time.perf_counter() - start
            path.unlink()
            for key in totals:
                totals[key] += summary[key]
            number += 1
            blocks.append(
                {
                    "block": number,
                    "docs": written,
                    "seconds": round(seconds, 2),
                    "articles_per_s": round(written / seconds, 1),
                    "events": summary["events"],
                    "store_seconds": round(storing[0], 2),
                    "peak_rss_mb": round(peak_rss_mb()),
                }
            )
            print(
                f"  {url.split(':')[0]:10s} block {number:3d}: {written} docs in {seconds:7.1f} s = "
                f"{written / seconds:6.1f} articles/s  ({summary['events']} events; "
                f"{100 * storing[0] / seconds:.0f}% of the time in Store.add_document; "
                f"peak RSS {peak_rss_mb():.0f} MB)",
                flush=True,
            )
    finally:
        if client_cm is not None:
            client_cm.__exit__(None, None, None)
    stats = store.stats()
    store.close()
    rates = [b["articles_per_s"] for b in blocks]
    k = max(1, len(rates) // 3)
    return {
        "db": url.split(":")[0],
        "docs": args.docs,
        "block": args.block,
        "fast": args.fast,
        "workers": args.workers or 0,
        "totals": totals,
        "stats": stats,
        "seconds": round(sum(b["seconds"] for b in blocks), 1),
        "articles_per_s_overall": round(totals["read"] / max(1e-9, sum(b["seconds"] for b in blocks)), 1),
        "median_block_rate": round(statistics.median(rates), 1) if rates else None,
        "last_over_first_rate": round(statistics.mean(rates[-k:]) / statistics.mean(rates[:k]), 2)
        if rates
        else None,
        "peak_rss_mb": round(peak_rss_mb()),
        "blocks": blocks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=10_000, help="documents per timed block")
    parser.add_argument("--words", type=int, default=300, help="approximate words per article")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--fast", action="store_true", help="ingest with --fast")
    parser.add_argument("--workers", type=int, default=0, help="code on a LocalCluster of N workers")
    args = parser.parse_args(argv)
    print(
        f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start (shared machine)",
        flush=True,
    )

    results = []
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        workdir = Path(tmp)
        if args.db in ("sqlite", "both"):
            results.append(run(f"sqlite:///{workdir / 'bench.db'}", args, workdir))
        if args.db in ("postgres", "both"):
            pg = start_postgres()
            if pg is not None:
                try:
                    results.append(run(pg[0], args, workdir))
                finally:
                    stop_postgres(pg[1])
    for r in results:
        blocks = r.pop("blocks")
        print(json.dumps(r))
        print("  per-block seconds:", [b["seconds"] for b in blocks])
        print("  of which storing:  ", [b["store_seconds"] for b in blocks])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
