#!/usr/bin/env python3
"""K-fold cross-validation of dyad's default (accurate) mode on the dev set.

The shipped model is trained on the dev set, so scoring it there would be inflated. Instead, for
each fold: train a model on the other folds plus our own sentences (`scripts/train_model.py`),
run `dyad code` on the held-out fold with that model (`DYAD_MODEL_DIR`), and keep its events. The
events of all folds are then scored together by `../shared/eval/score.py` (same rules: each
sentence's top event, no event is a wrong answer).

    nice -n 10 .venv/bin/python benchmarks/eval_cv.py --folds 5             # all folds (~40 min on 2 cores)
    nice -n 10 .venv/bin/python benchmarks/eval_cv.py --folds 5 --only 0,1  # some folds
    .venv/bin/python benchmarks/eval_cv.py --folds 5 --reuse                # rescore trained folds

Prints one line per fold and the scorer's summary for the folds done (the last line).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev" / "cameo-penta-dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
PY = sys.executable


def folds_of(gold: list[dict], k: int, seed: int = 4) -> list[list[str]]:
    ids = sorted(g["id"] for g in gold)
    random.Random(seed).shuffle(ids)
    return [ids[f::k] for f in range(k)]


def run_dyad(gold: list[dict], model_dir: Path | None, out: Path, fast: bool = False) -> float:
    """`dyad code` over `gold`'s sentences (as the scorer feeds them); events to `out`; seconds taken."""
    inp = out.with_suffix(".in.jsonl")
    with inp.open("w", encoding="utf-8") as f:
        for g in gold:
            f.write(
                json.dumps(
                    {"id": g["id"], "text": g["text"], "date": g.get("date") or "2000-01-01", "lang": "en"}
                )
                + "\n"
            )
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    if model_dir is not None:
        env["DYAD_MODEL_DIR"] = str(model_dir)
    cmd = [str(ROOT / ".venv" / "bin" / "dyad"), "code", "--format", "jsonl"]
    cmd += ["--fast"] if fast else []
    t0 = time.perf_counter()
    p = subprocess.run(cmd + ["--jsonl", str(inp)], capture_output=True, text=True, env=env)
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"dyad code failed ({p.returncode}): {p.stderr[-1000:]}")
    out.write_text(p.stdout, encoding="utf-8")
    return secs


def score(gold: list[dict], preds: Path, work: Path, name: str) -> str:
    gold_path = work / f"{name}.gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    p = subprocess.run(
        [PY, str(SCORER), str(gold_path), "--pred", str(preds)], capture_output=True, text=True
    )
    return p.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", help="comma-separated fold numbers to run (default: all)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/dyad-cv"))
    ap.add_argument("--reuse", action="store_true", help="reuse fold models already trained in --work")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--fast", action="store_true", help="also score --fast (rules only) on the same folds")
    ap.add_argument("--threads", type=int, default=2, help="torch threads while training a fold")
    a = ap.parse_args(argv)
    gold = [json.loads(line) for line in a.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {g["id"]: g for g in gold}
    folds = folds_of(gold, a.folds)
    todo = [int(x) for x in a.only.split(",")] if a.only else list(range(a.folds))
    a.work.mkdir(parents=True, exist_ok=True)
    all_preds, all_fast, done_gold = [], [], []
    total_secs = 0.0
    for f in todo:
        held = [by_id[i] for i in folds[f]]
        model_dir = a.work / f"fold{f}"
        if not (a.reuse and (model_dir / "model.onnx").exists()):
            ids_file = a.work / f"fold{f}.ids"
            ids_file.write_text("\n".join(folds[f]) + "\n", encoding="utf-8")
            t0 = time.time()
            subprocess.run(
                [
                    "nice",
                    "-n",
                    "10",
                    PY,
                    str(ROOT / "scripts" / "train_model.py"),
                    "--dev",
                    str(a.dev),
                    "--exclude-ids",
                    str(ids_file),
                    "--out",
                    str(model_dir),
                    "--epochs",
                    str(a.epochs),
                    "--max-len",
                    str(a.max_len),
                    "--threads",
                    str(a.threads),
                ],
                check=True,
                capture_output=True,
                env=dict(os.environ, HF_HUB_OFFLINE="1"),
            )
            print(f"fold {f}: trained in {time.time() - t0:.0f} s", file=sys.stderr)
        preds = a.work / f"fold{f}.pred.jsonl"
        total_secs += run_dyad(held, model_dir, preds)
        all_preds.append(preds.read_text(encoding="utf-8"))
        done_gold.extend(held)
        print(f"fold {f} ({len(held)} sentences): {score(held, preds, a.work, f'fold{f}').splitlines()[-1]}")
        if a.fast:
            fast_preds = a.work / f"fold{f}.fast.jsonl"
            run_dyad(held, None, fast_preds, fast=True)
            all_fast.append(fast_preds.read_text(encoding="utf-8"))
    combined = a.work / "cv.pred.jsonl"
    combined.write_text("".join(all_preds), encoding="utf-8")
    if all_fast:
        (a.work / "cv.fast.jsonl").write_text("".join(all_fast), encoding="utf-8")
        print(
            f"--fast on the same {len(done_gold)} sentences: "
            f"{score(done_gold, a.work / 'cv.fast.jsonl', a.work, 'fast').splitlines()[-1]}"
        )
    print(
        f"default mode, {len(todo)} of {a.folds} folds cross-validated "
        f"({len(done_gold) / max(total_secs, 1e-9):.1f} sentences/s incl. start-up):"
    )
    print(score(done_gold, combined, a.work, "cv"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
