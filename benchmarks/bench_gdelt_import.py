"""`dyad import gdelt` at scale: generated GDELT 2.0 rows into SQLite and PostgreSQL, rows/s and peak RSS.

    nice -n 10 .venv/bin/python benchmarks/bench_gdelt_import.py                    # 1,000,000 rows, both stores
    nice -n 10 .venv/bin/python benchmarks/bench_gdelt_import.py --rows 100000 --files 4 --db sqlite

The rows come from benchmarks/gdelt_sample.py (made up, in GDELT 2.0's 61-column layout, about
one in ten with one actor) and are written as `--files` zipped exports (`.CSV.zip`) of equal size.
Each store is filled in a child process of its own, file after file, with the same call as
`dyad import gdelt` (`dyad.kb.gdelt.import_gdelt`, 5,000 rows a transaction); the child reports
each file's rate (so a rate that sinks as the store grows shows) and its own peak RSS (memory
stays bounded when it does not grow with the rows read). PostgreSQL runs when
scripts/ci_postgres.sh can start a throwaway server on 127.0.0.1 (fsync off).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ingest import start_postgres, stop_postgres  # noqa: E402
from gdelt_sample import write_sample  # noqa: E402


def child(url: str, files: list[str]) -> dict[str, object]:
    """Import the files one by one into the store at `url`; each file's figures and the peak RSS."""
    from dyad.kb.gdelt import import_gdelt
    from dyad.store import Store

    store = Store(url)
    blocks, total_rows, total_time = [], 0, 0.0
    for path in files:
        start = time.perf_counter()
        summary = import_gdelt(store, [path])
        seconds = time.perf_counter() - start
        total_rows += summary.rows
        total_time += seconds
        blocks.append({"rows": summary.rows, "imported": summary.imported, "seconds": round(seconds, 1),
                       "rows_per_s": round(summary.rows / seconds)})
    return {
        "rows": total_rows,
        "seconds": round(total_time, 1),
        "rows_per_s": round(total_rows / total_time),
        "events": store.stats()["gdelt_events"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "blocks": blocks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=10, help="split the rows into this many exports")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", nargs="+", metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1:])))
        return 0
    with tempfile.TemporaryDirectory(prefix="dyad-gdelt-bench-") as tmp:
        work = Path(tmp)
        per_file = args.rows // args.files
        start = time.perf_counter()
        files = [
            str(write_sample(work / f"part{n:02d}.export.CSV.zip", per_file, seed=n + 1, zipped=True))
            for n in range(args.files)
        ]
        print(f"generated {per_file * args.files:,} rows in {args.files} files "
              f"({sum(Path(f).stat().st_size for f in files) / 1e6:.0f} MB zipped) in "
              f"{time.perf_counter() - start:.0f} s", file=sys.stderr)
        targets: list[tuple[str, str]] = []
        if args.db in ("sqlite", "both"):
            targets.append(("SQLite", f"sqlite:///{work / 'bench.db'}"))
        server = start_postgres() if args.db in ("postgres", "both") else None
        if server is not None:
            targets.append(("PostgreSQL", server[0]))
        try:
            for name, url in targets:
                done = subprocess.run([sys.executable, __file__, "--child", url, *files], capture_output=True,
                                      text=True, check=False)
                if done.returncode != 0:
                    print(f"{name}: failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
                    continue
                result = json.loads(done.stdout.strip().splitlines()[-1])
                rates = ", ".join(str(b["rows_per_s"]) for b in result["blocks"])
                print(f"{name}: {result['rows']:,} rows ({result['events']:,} events) in {result['seconds']} s = "
                      f"{result['rows_per_s']:,} rows/s; per file: {rates} rows/s; peak RSS "
                      f"{result['peak_rss_mb']} MB")
                print(json.dumps({"store": name, **result}), file=sys.stderr)
        finally:
            if server is not None:
                stop_postgres(server[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
