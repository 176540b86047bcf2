#!/usr/bin/env python3
"""Benchmark the checks: catch rate and false alarms on the project's stories and the demo corpus.

    python benchmarks/bench_checks.py            # the figures, per category
    python benchmarks/bench_checks.py --show     # and each story that misses or raises a false alarm

Stories: tests/checks/stories.toml (written for dyad, English and Spanish). A flagged story is
caught when every finding it expects is reported as a warning or an error with the same kind,
text, `says` and `context` (and, when it says `at`, inside that passage); any other warning or
error in it is an extra finding. A clean story raises a false alarm when it draws any warning
or error. Demo corpus: the documents of src/dyad/data/demo as `dyad demo` reads them; a warning
or error there is a false alarm unless it is one of the seed findings the ANTV-style original
must draw (../shared/seed/checks-expected.json, copied in tests/fixtures/seed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections import Counter
from importlib import resources as importlib_resources
from pathlib import Path

from dyad.doc import Document, Finding
from dyad.engine import Engine
from dyad.ingest.readers import document_from_html

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "checks" / "stories.toml"
SEED_EXPECTED = ROOT / "tests" / "fixtures" / "seed" / "checks-expected.json"
RAISED = ("warning", "error")


def load_stories(path: Path = STORIES) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["story"]


def matches(finding: Finding, want: dict, text: str) -> bool:
    """Whether a finding is the one a story expects."""
    if finding.severity not in RAISED or finding.kind != want["kind"]:
        return False
    if (finding.says, finding.context) != (want["says"], want["context"]):
        return False
    if want["text"] not in finding.text and finding.text not in want["text"]:
        return False
    if "at" in want:
        at = text.index(want["at"])
        return at <= finding.start < at + len(want["at"])
    return True


def judge(story: dict, findings: list[Finding]) -> tuple[bool, list[Finding]]:
    """(caught, extra): every expectation met; the raised findings no expectation accounts for."""
    raised = [f for f in findings if f.severity in RAISED]
    met = [any(matches(f, w, story["text"]) for f in raised) for w in story["expect"]]
    extra = [f for f in raised if not any(matches(f, w, story["text"]) for w in story["expect"])]
    return all(met), extra


def run_stories(engine: Engine, stories: list[dict], show: bool) -> None:
    caught: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    clean: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    extra_total = 0
    for story in stories:
        doc = engine.process(Document(id=story["id"], text=story["text"], date=story["date"]))
        ok, extra = judge(story, doc.findings)
        cat = story["category"]
        if story["expect"]:
            flagged[cat] += 1
            caught[cat] += ok
            extra_total += len(extra)
        else:
            clean[cat] += 1
            alarms[cat] += bool(extra)
        if show and (not ok or extra):
            print(
                f"  {story['id']}: {'missed' if not ok else 'caught'}; raised "
                f"{[(f.kind, f.severity, f.text, f.says, f.context) for f in doc.findings]}"
            )
    print(f"{'category':<12} {'caught':>9} {'clean, false alarms':>22}")
    for cat in sorted(set(flagged) | set(clean), key=lambda c: (c == "two-country", c)):
        left = f"{caught[cat]}/{flagged[cat]}" if flagged[cat] else "-"
        right = f"{alarms[cat]}/{clean[cat]}" if clean[cat] else "-"
        print(f"{cat:<12} {left:>9} {right:>22}")
    langs = Counter(s["lang"] for s in stories)
    total_caught = f"{sum(caught.values())}/{sum(flagged.values())}"
    total_alarms = f"{sum(alarms.values())}/{sum(clean.values())}"
    print(
        f"{'all':<12} {total_caught:>9} {total_alarms:>22}   ({len(stories)} stories: {langs['en']} English, "
        f"{langs['es']} Spanish; {extra_total} other warnings or errors in the flagged stories)"
    )


def demo_documents() -> list[Document]:
    base = importlib_resources.files("dyad.data").joinpath("demo")
    rows = [
        line.split("\t")
        for line in base.joinpath("manifest.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "file\t"))
    ]
    docs = []
    for row in rows:
        name, date = row[0], (row[2] if len(row) > 2 else "") or None
        data = base.joinpath(name).read_text(encoding="utf-8")
        if name.endswith(".jsonl"):
            for r in map(json.loads, filter(str.strip, data.splitlines())):
                docs.append(Document(id=r["id"], text=r["text"], date=r.get("date"), lang=r.get("lang")))
        elif name.endswith(".html"):
            docs.append(document_from_html(data, name, date=date))
        else:
            docs.append(Document(id=name, text=data, date=date))
    return docs


def run_demo(engine: Engine, show: bool) -> None:
    expected = {c["file"]: c["findings"] for c in json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["cases"]}
    expected["antv-original.es.html"] = expected["antv-style-original.es.html"]
    alarms = raised = 0
    docs = demo_documents()
    for doc in docs:
        found = engine.process(doc).findings
        wants = expected.get(doc.id)
        wants = wants if isinstance(wants, list) else []
        for f in found:
            if f.severity not in RAISED:
                continue
            raised += 1
            if not any(f.kind == w["kind"] and (f.says, f.context) == (w["says"], w["context"]) for w in wants):
                alarms += 1
                if show:
                    print(f"  demo {doc.id}: {f.kind} {f.severity} {f.text!r} {f.says}->{f.context}")
    print(f"demo corpus: {len(docs)} documents, {raised} warnings or errors, {alarms} false alarms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print each miss and false alarm")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    engine = Engine(fast=True)
    stories = load_stories()
    batches = sorted({s.get("batch", "tuning") for s in stories}, key=lambda b: b != "tuning")
    for batch in batches:
        print(f"-- {batch} stories")
        run_stories(engine, [s for s in stories if s.get("batch", "tuning") == batch], args.show)
    print("-- all stories")
    run_stories(engine, stories, False)
    run_demo(engine, args.show)
    print(f"({time.perf_counter() - t0:.1f} s, fast pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
