#!/usr/bin/env python3
"""Score dyad on one split of the dev set: `tune` (70%, for reading errors and writing rules) or
`report` (30%, scored in aggregate when a piece of work is finished).

    python benchmarks/eval_dev.py --fast                      # rules only, the tune split
    python benchmarks/eval_dev.py --fast --split report       # the figure to quote
    python benchmarks/eval_dev.py --fast --errors 30          # wrong answers (tune only)
    python benchmarks/eval_dev.py --model-dir DIR             # default mode with another model

The split is fixed by a hash of each sentence's id (`news_gold.dev_split_of`). The shipped model
was trained on every dev sentence, so the default mode's figure here is inflated: for the model,
quote the cross-validation of `benchmarks/eval_cv.py`. Scoring is `../shared/eval/score.py`'s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_cv import DEV, PY, SCORER, run_dyad  # noqa: E402
from news_gold import dev_split_of  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("tune", "report"), default="tune")
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--model-dir", type=Path)
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    if a.errors and a.split != "tune":
        ap.error("--errors reads the tune split only")
    if not DEV.exists():
        print(f"skipped: the dev set is not at {DEV}", file=sys.stderr)
        return 0
    gold = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [g for g in gold if dev_split_of(g["id"]) == a.split]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        preds = work / "pred.jsonl"
        run_dyad(gold, a.model_dir, preds, fast=a.fast)
        gold_path = work / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        cmd = [PY, str(SCORER), str(gold_path), "--pred", str(preds), "--errors", str(a.errors)]
        out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ)).stdout
    mode = (
        "--fast" if a.fast else "default" + (f" ({a.model_dir})" if a.model_dir else " (inflated: the model saw these)")
    )
    print(out.rstrip())
    print(f"dev {a.split}, {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
