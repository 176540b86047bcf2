"""Coding speed on Dask workers: in-process against a LocalCluster of 1 and of 2 workers.

    nice -n 10 .venv/bin/python benchmarks/bench_workers.py --docs 400 --runs 3

A CPU-bound corpus (generated articles, benchmarks/corpus.py) is coded with the same
partition function `dyad ingest --workers` uses (`dyad.distributed.code_on_cluster`), results
brought back to this process and dropped (no store: this measures coding, not SQLite). Each
cluster is started once and warmed up (engine built on every worker) before the clock starts.
Figures are medians over the runs; speed-up = 1-worker time / 2-worker time. On a machine
whose cores are shared with other work, the speed-up is bounded by the cores actually free,
so the CPU seconds of each worker and of this process (client and scheduler) are shown too:
cpu_speedup_2_over_1 = 1-worker CPU time / the busiest of the 2 workers' CPU time, the wall-time
speed-up the workers would give on otherwise idle cores (the client needs a core of its own).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402

from dyad.distributed import Skipped, code_on_cluster, dask_client, warm_up  # noqa: E402
from dyad.doc import Document  # noqa: E402
from dyad.engine import default_engine  # noqa: E402


def documents(records: list[dict[str, str]]) -> list[Document]:
    return [
        Document(id=r["id"], text=r["text"], date=r["date"], lang=r["lang"], url=r["url"]) for r in records
    ]


def time_local(records: list[dict[str, str]], fast: bool) -> float:
    engine = default_engine(fast)
    skipped: list[str] = []
    start = time.perf_counter()
    for _ in engine.run(documents(records), on_skip=lambda doc_id, reason: skipped.append(reason)):
        pass
    seconds = time.perf_counter() - start
    if skipped:  # a broken pipeline is fast: refuse to time it
        raise SystemExit(f"{len(skipped)} documents skipped, e.g. {skipped[0]}")
    return seconds


def _cpu() -> float:
    return time.process_time()


def cpu_seconds(client) -> tuple[float, dict[str, float]]:  # noqa: ANN001
    """CPU seconds used so far by this process (client and scheduler) and by each worker."""
    return time.process_time(), client.run(_cpu)


def time_cluster(client, records: list[dict[str, str]], fast: bool, batch: int) -> float:  # noqa: ANN001
    start = time.perf_counter()
    skipped = [
        out
        for out in code_on_cluster(client, documents(records), fast=fast, batch=batch)
        if isinstance(out, Skipped)
    ]
    seconds = time.perf_counter() - start
    if skipped:
        raise SystemExit(f"{len(skipped)} documents skipped, e.g. {skipped[0]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args(argv)
    records = list(articles(args.docs, words=args.words, seed=5))
    print(
        f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start (shared machine); "
        f"{args.docs} articles of ~{args.words} words, {'--fast' if args.fast else 'default mode'}",
        flush=True,
    )
    warm_up(args.fast)
    results: dict[str, list[float]] = {
        "in-process": [time_local(records, args.fast) for _ in range(args.runs)]
    }
    print(f"  in-process: {results['in-process']}", flush=True)
    cpu: dict[str, tuple[float, list[float]]] = {}
    for workers in (1, 2):
        with dask_client(workers) as client:
            time_cluster(client, records[: 4 * args.batch], args.fast, args.batch)  # warm-up
            key = f"{workers} worker{'s' if workers > 1 else ''}"
            here, there = cpu_seconds(client)
            results[key] = [time_cluster(client, records, args.fast, args.batch) for _ in range(args.runs)]
            here2, there2 = cpu_seconds(client)
            per_worker = [round((there2[w] - there[w]) / args.runs, 2) for w in there]
            print(f"  {key}: {results[key]}", flush=True)
            cpu[key] = (round((here2 - here) / args.runs, 2), per_worker)
            print(f"    CPU s per run: client+scheduler {cpu[key][0]}, workers {per_worker}", flush=True)
    medians = {k: statistics.median(v) for k, v in results.items()}
    summary = {
        k: {"median_s": round(m, 2), "articles_per_s": round(args.docs / m, 1)} for k, m in medians.items()
    }
    summary["speedup_2_over_1"] = round(medians["1 worker"] / medians["2 workers"], 2)
    summary["speedup_2_over_in_process"] = round(medians["in-process"] / medians["2 workers"], 2)
    # What the cores could give if they were free: the busiest worker's CPU time bounds the wall time.
    summary["cpu_speedup_2_over_1"] = round(sum(cpu["1 worker"][1]) / max(cpu["2 workers"][1]), 2)
    summary["cpu_seconds_per_run"] = {k: {"client": c, "workers": w} for k, (c, w) in cpu.items()}
    summary["load_at_end"] = round(os.getloadavg()[0], 1)
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
