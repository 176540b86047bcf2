#!/usr/bin/env python3
"""Benchmark the actors stage: speed on a large text, and (optionally) gold-span recall on a dev set.

    python benchmarks/bench_actors.py                       # speed: mentions/s and MB/s
    python benchmarks/bench_actors.py --dev ../shared/eval/dev/cameo-penta-dev.jsonl [--show 30]

Speed: the bundled demo articles repeated to --mb megabytes, split into sentences once, then
the actor matcher and resolver timed alone. Recall: the share of gold source/target spans that
some mention overlaps (the upper bound the event coder can reach on source_acc/target_acc).
The dev set is read from ../shared at run time, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import resources as importlib_resources
from pathlib import Path

from dyad.actors.stage import make_actor_resolver
from dyad.doc import Document
from dyad.resources import Resources
from dyad.text.sentences import make_sentence_splitter


def _corpus(megabytes: float) -> list[str]:
    demo = importlib_resources.files("dyad").joinpath("data/demo")
    texts = [demo.joinpath(n).read_text(encoding="utf-8") for n in ("caracas-chronicles-2015-06-23.txt",)]
    samples = demo.joinpath("samples.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in samples if line.strip()]
    size = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, int(megabytes * 1_000_000 / size))
    return texts * reps


def bench_speed(megabytes: float) -> None:
    resources = Resources()
    t0 = time.perf_counter()
    resolver = make_actor_resolver(resources=resources)
    build = time.perf_counter() - t0
    texts = _corpus(megabytes)
    split = make_sentence_splitter(resources=resources)
    docs = [split(Document(id=f"bench-{i}", text=t, date="2015-06-23")) for i, t in enumerate(texts)]
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        resolver(doc)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    sentences = sum(len(d.sentences) for d in docs)
    mentions = sum(len(d.mentions) for d in docs)
    print(f"automaton build: {build:.2f} s ({resolver.matcher.size:,} patterns)")
    print(f"text: {size:.1f} MB in {len(docs):,} documents, {sentences:,} sentences, {mentions:,} mentions")
    print(
        f"actors stage: {secs:.2f} s wall = {size / secs:.2f} MB/s, {mentions / secs:,.0f} mentions/s, "
        f"{sentences / secs:,.0f} sentences/s"
    )
    print(
        f"actors stage: {cpu:.2f} s CPU = {size / cpu:.2f} MB/s, {mentions / cpu:,.0f} mentions/s "
        "(CPU time: less sensitive to a shared machine)"
    )


def bench_recall(path: Path, show: int) -> None:
    resources = Resources()
    resolver = make_actor_resolver(resources=resources)
    split = make_sentence_splitter(resources=resources)
    n = {"source": 0, "target": 0}
    hit = {"source": 0, "target": 0}
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if not gold.get("source") and not gold.get("target"):
            continue
        doc = resolver(
            split(Document(id=gold["id"], text=gold["text"], date=gold.get("date") or "2000-01-01"))
        )
        spans = []
        for m in doc.mentions:
            off = doc.sentences[m.sentence].start
            spans.append((m.start + off, m.end + off, m.code))
        for role in ("source", "target"):
            golds = gold.get(role) or []
            if not golds:
                continue
            golds = golds + (gold.get("reciprocal") or [])
            n[role] += 1
            ok = any(s < g["end"] and g["start"] < e for s, e, _ in spans for g in golds)
            hit[role] += ok
            if not ok:
                misses.append((role, golds[0]["text"], [(gold["text"][s:e], c) for s, e, c in spans]))
    for role in ("source", "target"):
        print(f"{role} spans overlapped by a mention: {hit[role] / max(n[role], 1):.3f} (n={n[role]})")
    for role, text, got in misses[:show]:
        print(f"  miss {role}: {text!r}  mentions={got}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the speed text in MB")
    parser.add_argument("--dev", type=Path, help="a penta dev set with gold source/target spans")
    parser.add_argument("--show", type=int, default=0, help="print this many missed gold spans")
    args = parser.parse_args(argv)
    if args.dev:
        bench_recall(args.dev, args.show)
    else:
        bench_speed(args.mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
