"""Where `dyad code` spends its time: cProfile over the dev set or generated articles.

    nice -n 10 .venv/bin/python benchmarks/profile_code.py --fast --docs 200
    nice -n 10 .venv/bin/python benchmarks/profile_code.py --fast --dev

Prints the share of time per pipeline stage (cumulative), per dyad module (own time) and the
top functions by own time, so a hot spot can be named with its function and share.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402

from dyad.doc import Document  # noqa: E402
from dyad.engine import Engine  # noqa: E402

DEV = HERE.parent.parent / "shared" / "eval" / "dev" / "cameo-penta-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--dev", action="store_true", help="profile the dev set's sentences (read only here)")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    if args.dev:
        with DEV.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    else:
        records = list(articles(args.docs))
    engine = Engine(fast=args.fast)
    docs = [Document(id=r["id"], text=r["text"], date=r.get("date"), lang=r.get("lang")) for r in records]
    for _ in engine.run(docs[:20]):  # warm-up
        pass
    docs = [Document(id=r["id"], text=r["text"], date=r.get("date"), lang=r.get("lang")) for r in records]
    profile = cProfile.Profile()
    profile.enable()
    for _ in engine.run(docs):
        pass
    profile.disable()
    stats = pstats.Stats(profile)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values())
    print(f"profiled {len(docs)} documents, {total:.2f} s of own time (under cProfile)")

    print("\nper stage (share of wall time, measured without the profiler):")
    spent: dict[str, float] = defaultdict(float)
    for record in records:
        doc = Document(id=record["id"], text=record["text"], date=record.get("date"), lang=record.get("lang"))
        for name, fn in engine.pipeline.stages:
            start = time.perf_counter()
            doc = fn(doc)
            spent[name] += time.perf_counter() - start
    wall = sum(spent.values())
    for name, seconds in spent.items():
        print(f"  {name:16s} {100 * seconds / wall:5.1f}%  {seconds:7.2f} s")

    by_module: dict[str, float] = defaultdict(float)
    for (file, _line, _func), (_cc, _nc, tt, _ct, _callers) in raw.items():
        key = (
            file.split("/src/")[-1]
            if "/src/dyad/" in file
            else ("python/stdlib+libs" if "/" in file else file)
        )
        by_module[key] += tt
    print("\nper module (own time share):")
    for module, tt in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {100 * tt / total:5.1f}%  {module}")

    print(f"\ntop {args.top} functions by own time:")
    rows = sorted(raw.items(), key=lambda kv: -kv[1][2])[: args.top]
    for (file, line, func), (_cc, nc, tt, ct, _callers) in rows:
        where = file.split("/src/")[-1] if "/src/" in file else Path(file).name
        print(
            f"  {100 * tt / total:5.1f}% own {100 * ct / total:5.1f}% cum  {nc:8d} calls",
            f"{where}:{line} {func}",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
