"""A bounded load test of `dyad serve` on loopback: N requests, C at a time, mixing
POST /api/code and GET /api/events against a real uvicorn process on 127.0.0.1.

    .venv/bin/python benchmarks/load_http.py                      # 2,000 requests, 20 concurrent
    .venv/bin/python benchmarks/load_http.py --requests 500 --concurrency 10 --max-seconds 120

It starts `dyad serve` on a fresh SQLite store in a temporary folder, fills it with a few
articles through POST /api/documents (with a bearer token), then fires the mix and prints the
errors (must be 0: any status other than 200, a timeout or a dropped connection) and p50/p90/p99
latency per route and overall. Bounded in count (--requests) and time (--max-seconds: requests
not started by then are not sent, and are reported). Exit status 1 when there were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

DYAD = str(Path(sys.executable).parent / "dyad")
TOKEN = "load-test-token"

# Written for this benchmark.
TEXTS = [
    "Chile and Peru signed a fishing agreement in Lima on Monday. Bolivia criticised the Chilean government.",
    "Ecuador thanked Peru for its aid after the floods, and Colombia promised to send engineers next week.",
    "Argentina accused Uruguay of polluting the river; Uruguay rejected the claim and called for talks.",
    "Venezuela expelled two Colombian diplomats on Tuesday. Colombia condemned the decision.",
    "Mexico and Guatemala agreed to hold talks on migration, the foreign ministers said in a statement.",
    "Cuba welcomed a delegation from Venezuela in Havana and praised its support during the blackout.",
]
PAIRS = [("CHL", "PER"), ("BOL", "CHL"), ("PER", None), ("COL", "VEN"), (None, None), ("URY", "ARG")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


async def _fire(base: str, total: int, concurrency: int, max_seconds: float, seed: int) -> dict:
    rng = random.Random(seed)
    plan = [
        ("code", rng.choice(TEXTS)) if rng.random() < 0.5 else ("events", rng.choice(PAIRS))
        for _ in range(total)
    ]
    latencies: dict[str, list[float]] = {"code": [], "events": []}
    errors: list[str] = []
    not_sent = 0
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    started = time.monotonic()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=60.0, limits=limits) as client:

        async def worker() -> None:
            nonlocal not_sent
            while True:
                try:
                    kind, arg = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                if time.monotonic() - started > max_seconds:
                    not_sent += 1
                    continue
                t0 = time.perf_counter()
                try:
                    if kind == "code":
                        r = await client.post(
                            "/api/code", json={"text": arg, "date": "2016-05-02", "fast": True}
                        )
                    else:
                        source, target = arg
                        params = {k: v for k, v in (("source", source), ("target", target)) if v}
                        params["limit"] = "50"
                        r = await client.get("/api/events", params=params)
                    elapsed = time.perf_counter() - t0
                    if r.status_code != 200:
                        errors.append(f"{kind}: HTTP {r.status_code} {r.text[:120]}")
                    else:
                        r.json()
                        latencies[kind].append(elapsed)
                except (httpx.HTTPError, ValueError) as exc:
                    errors.append(f"{kind}: {type(exc).__name__}: {exc}")

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return {
        "latencies": latencies,
        "errors": errors,
        "not_sent": not_sent,
        "seconds": time.monotonic() - started,
    }


def _wait_up(base: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"dyad serve exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("dyad serve did not come up")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, DYAD_TOKEN=TOKEN, PYTHONIOENCODING="utf-8")
        proc = subprocess.Popen(
            [DYAD, "--db", f"sqlite:///{Path(tmp) / 'load.db'}", "serve", "--port", str(port), "--fast"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            _wait_up(base, proc)
            for i, text in enumerate(TEXTS):
                r = httpx.post(
                    base + "/api/documents",
                    json={"text": text, "date": f"2016-05-{i + 1:02d}", "url": f"https://load.example/{i}"},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                    timeout=60,
                )
                r.raise_for_status()
            result = asyncio.run(_fire(base, args.requests, args.concurrency, args.max_seconds, args.seed))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            assert proc.stderr is not None
            server_log = proc.stderr.read().decode("utf-8", "replace")
            proc.stderr.close()

    lat = result["latencies"]
    everything = lat["code"] + lat["events"]
    done = len(everything)
    print(
        f"dyad serve on 127.0.0.1, {args.requests} requests planned, {args.concurrency} concurrent "
        f"({os.cpu_count()} CPUs)"
    )
    print(
        f"sent {done + len(result['errors'])}, answered 200: {done}, errors: {len(result['errors'])}, "
        f"not sent (time bound): {result['not_sent']}, wall {result['seconds']:.1f} s, "
        f"{done / result['seconds']:.0f} req/s"
    )
    for name, values in (
        ("POST /api/code", lat["code"]),
        ("GET /api/events", lat["events"]),
        ("all", everything),
    ):
        if values:
            print(
                f"  {name:16} n={len(values):5}  p50 {1000 * statistics.median(values):7.1f} ms  "
                f"p90 {1000 * _percentile(values, 90):7.1f} ms  "
                f"p99 {1000 * _percentile(values, 99):7.1f} ms  "
                f"max {1000 * max(values):7.1f} ms"
            )
    for line in result["errors"][:10]:
        print("  error:", line)
    if "Traceback" in server_log or result["errors"]:
        print("server log (tail):\n" + server_log[-3000:])
    if "Traceback" in server_log:
        return 1
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
