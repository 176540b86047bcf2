#!/usr/bin/env python3
"""Run the checks over a probe set of fresh real news and list what they raise.

    python benchmarks/probe_checks.py                      # eval/probe/checks.jsonl, --fast pipeline
    python benchmarks/probe_checks.py --lang es --all      # Spanish only; info notes too
    python benchmarks/probe_checks.py --summary            # counts only
    python benchmarks/probe_checks.py --batch 2            # only the articles marked "batch": 2

Each probe article (`eval/probe/README.md`: facts only, texts in the git-ignored cache) runs
through the pipeline as one document, as the real-news yardstick runs them
(`benchmarks/eval_news.py`). A warning or error on an article its reader marked
`"confusion": false` is a false alarm; one on an article not yet read is listed as unread.
Probe figures show where to look, never results (eval/probe/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_checks import RAISED  # noqa: E402
from eval_news import doc_date  # noqa: E402

from dyad.doc import Document  # noqa: E402
from dyad.engine import process_document  # noqa: E402

PROBE = Path(__file__).resolve().parent.parent / "eval" / "probe"


def load_probe(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def findings_of(art: dict[str, Any], fast: bool) -> list[dict[str, Any]] | None:
    """The findings of one article as dicts, or None when its text is not in the cache."""
    path = PROBE / "cache" / f"{art['id']}.txt"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    doc = Document(id=art["id"], text=text, url=art["url"], date=doc_date(art.get("date")))
    return [f.to_dict() for f in process_document(doc, fast=fast).findings]


def verdict(art: dict[str, Any], raised: list[dict[str, Any]]) -> str:
    """How to count an article's warnings and errors: by what its reader found."""
    if not raised:
        return "silent"
    if "confusion" not in art:
        return "unread"
    return "caught" if art["confusion"] else "false alarm"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("probe", nargs="?", default=str(PROBE / "checks.jsonl"))
    ap.add_argument("--lang", help="only articles in this language")
    ap.add_argument("--all", action="store_true", help="list info notes too")
    ap.add_argument("--default", action="store_true", help="the default pipeline, not --fast")
    ap.add_argument("--summary", action="store_true", help="counts only")
    ap.add_argument("--batch", type=int, help="only articles of this batch (1: those without a batch mark)")
    a = ap.parse_args()
    arts = [x for x in load_probe(Path(a.probe)) if not a.lang or x["lang"] == a.lang]
    # a later batch is gathered before a round's rules and scored once, apart from the rest
    arts = [x for x in arts if a.batch is None or x.get("batch", 1) == a.batch]
    counts: Counter[str] = Counter()
    missing = 0
    for art in arts:
        found = findings_of(art, fast=not a.default)
        if found is None:
            missing += 1
            continue
        counts[f"articles {art['lang']}"] += 1
        raised = [f for f in found if f["severity"] in RAISED]
        v = verdict(art, raised)
        counts[v] += 1
        counts["findings raised"] += len(raised)
        counts["info notes"] += len(found) - len(raised)
        shown = found if a.all else raised
        if shown and not a.summary:
            print(f"## {art['id']} {art['lang']} [{v}] {art['url']}")
            for f in shown:
                where = f"{f['says']}->{f['context']} @{f['start']}"
                print(f"  {f['severity']:7} {f['kind']} {f['text']!r} {where}: {f['message']}")
    if missing:
        print(f"{missing} article(s) without a cached text (refill them from their queries)", file=sys.stderr)
    for key in sorted(counts):
        print(f"{key:20} {counts[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
