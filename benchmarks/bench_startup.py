"""Start-up: wall time of a one-sentence `dyad code`, `--fast` and default, cold and warm cache.

    nice -n 10 .venv/bin/python benchmarks/bench_startup.py              # 7 runs of each
    .venv/bin/python benchmarks/bench_startup.py --runs 11 --dyad /other/venv/bin/dyad

Each run is a fresh process (`dyad code [--fast] FILE` on a file holding one sentence), timed
from spawn to exit. Caches (the compiled tables, see dyad/cache.py):

- cold: an empty cache folder for every run (the run builds the tables and writes them);
- warm: a folder the first, untimed, run filled;
- off:  DYAD_CACHE_DIR=off, no cache at all (how every run went before the cache).

Conditions are timed in rotating order within a run, so a change in the machine's load falls
on all of them; the figures are medians (min and max beside). Each process's CPU time (user +
system) is printed too: on a busy machine wall time mostly measures the queue for a core, while
CPU time is what the run would take on an idle one. Every run's output must equal the
`off` run's: a cache that changed an event would fail here. Python's bytecode for dyad is compiled
first (`compileall`), as a normal install has it: the figures are dyad's start-up, not the compiler's.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "North Korea opened its embassy in Caracas on Tuesday, and Venezuela welcomed the move."
GOALS = {"--fast": 0.7, "default": 1.5}  # seconds, warm cache (issue 17)


def run(dyad: str, args: list[str], cache: str, text_file: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and the output of one `dyad code` process."""
    env = {**os.environ, "DYAD_CACHE_DIR": cache}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([dyad, "code", *args, str(text_file)], env=env, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"dyad code {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed, cpu, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each condition (default 7)")
    parser.add_argument("--dyad", default=str(Path(sys.executable).with_name("dyad")),
                        help="the dyad executable to time (default: the one beside this Python)")
    parser.add_argument("--modes", default="--fast,default", help="comma-separated: --fast, default")
    a = parser.parse_args(argv)
    if not Path(a.dyad).exists() and shutil.which(a.dyad) is None:
        raise SystemExit(f"{a.dyad}: no such executable; give --dyad PATH")

    import dyad

    compileall.compile_dir(str(Path(dyad.__file__).parent), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="dyad-startup-"))
    text_file = work / "one.txt"
    text_file.write_text(SENTENCE + "\n", encoding="utf-8")
    warm = work / "warm"
    modes = [m.strip() for m in a.modes.split(",") if m.strip()]
    conditions = [(mode, cache) for mode in modes for cache in ("off", "cold", "warm")]
    times: dict[tuple[str, str], list[float]] = {c: [] for c in conditions}
    cpus: dict[tuple[str, str], list[float]] = {c: [] for c in conditions}
    expected: dict[str, str] = {}
    try:
        for mode in modes:  # the untimed runs: the reference output, and the warm cache filled
            args = [] if mode == "default" else [mode]
            expected[mode] = run(a.dyad, args, "off", text_file)[2]
            run(a.dyad, args, str(warm), text_file)
        for i in range(a.runs):
            shift = i % len(conditions)
            for mode, cache in conditions[shift:] + conditions[:shift]:
                args = [] if mode == "default" else [mode]
                folder = {"off": "off", "warm": str(warm)}.get(cache) or tempfile.mkdtemp(dir=work)
                elapsed, cpu, out = run(a.dyad, args, folder, text_file)
                if out != expected[mode]:
                    raise SystemExit(f"dyad code {mode} with a {cache} cache printed other events than without")
                times[(mode, cache)].append(elapsed)
                cpus[(mode, cache)].append(cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"one-sentence `dyad code`, seconds, {a.runs} runs each, load average {load:.1f} at the end")
    print(f"{'mode':10} {'cache':6} {'wall median':>11} {'min':>6} {'max':>6} {'CPU median':>11}")
    for mode, cache in conditions:
        ts, cs = times[(mode, cache)], cpus[(mode, cache)]
        goal = f"   goal <= {GOALS[mode]} s wall" if cache == "warm" and mode in GOALS else ""
        print(f"{mode:10} {cache:6} {statistics.median(ts):11.2f} {min(ts):6.2f} {max(ts):6.2f} "
              f"{statistics.median(cs):11.2f}{goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
