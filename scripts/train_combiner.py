#!/usr/bin/env python3
"""Train the combiner (dyad/coding/combine.py) on out-of-fold predictions, and measure it.

    nice -n 10 .venv/bin/python scripts/train_combiner.py --dev ../shared/eval/dev/cameo-penta-dev.jsonl \\
        --work /tmp/dyad-combiner --folds 3            # trains 3 fold models, then the combiners
    .venv/bin/python scripts/train_combiner.py --dev ... --work /tmp/dyad-combiner --reuse   # refit only

Every training example (the dev set, `training/sentences`, `training/wire`) falls in one of
`--folds` folds by a hash of its id. For each fold a sentence model is trained on the other folds
(`scripts/train_model.py`), and the fold's own examples are read with it: so every example gets the
model readings of a model that never saw it, as unseen news will. Each sentence's candidates are
built exactly as the `model` stage builds them (the rules' events, the same events with the role
head's actors, the model's own proposal), each candidate's features are computed by
`combine.features`, and a candidate is labelled right when its class (and root, where the gold
has one) is the gold's and its actors overlap the gold's spans. Two logistic regressions are fitted
(L2, strength chosen by cross-validation over examples): `rules` on the rules' candidates and
their signals only (the `--fast` mode), and `model` on every candidate with the model's readings.

Printed: for each way of choosing a sentence's top event (the rules' own score, the rules'
combiner, the model's combiner), the top event's PentaClass, root, source and target right, over
the out-of-fold examples; and the combiners written to `--out/combiner.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import pickle
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import train_model as tm  # noqa: E402

FAST_STAGES = ["sentences", "actors", "checks", "events", "attach_findings"]


def fold_of(example_id: str, k: int) -> int:
    return int(hashlib.sha256(example_id.encode("utf-8")).hexdigest(), 16) % k


def all_examples(dev: Path | None) -> list[dict[str, Any]]:
    examples = []
    for e in tm.own_sentences():
        examples.append({**e, "lang": "es" if e["id"].startswith("es:") else "en", "event": 1})
    for e in tm.wire_sentences():
        examples.append({**e, "lang": e["id"].split("/")[0]})
    if dev is not None:
        for e in tm.load_examples(dev):
            examples.append({**e, "lang": "en", "event": 1, "root": -1, "dev": True})
    return examples


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def label(event: Any, sentence_start: int, ex: dict[str, Any]) -> int:
    """1 when the candidate is the gold's event: class (and root), and actors on the gold's spans."""
    if not ex.get("event", 1) or ex["penta"] < 0 or event.penta != ex["penta"]:
        return 0
    if ex["root"] >= 0 and event.root != tm.ROOTS[ex["root"]]:
        return 0
    s, t = event.source, event.target
    if ex["source"] and not _overlaps(sentence_start + s.start, sentence_start + s.end, ex["source"]):
        return 0
    if ex["target"] and not _overlaps(sentence_start + t.start, sentence_start + t.end, ex["target"]):
        return 0
    return 1


def collect(examples: list[dict[str, Any]], fold_dir: Path | None) -> list[dict[str, Any]]:
    """Candidates with features and labels for these examples, read with the model in `fold_dir`."""
    from dyad.coding.combine import features
    from dyad.coding.model import ModelStage, _actors
    from dyad.doc import Document
    from dyad.engine import Engine

    engine = Engine(fast=True, stages=FAST_STAGES)
    stage = ModelStage(engine.resources, path=str(fold_dir)) if fold_dir else None
    rows = []
    docs = []
    for ex in examples:
        doc = engine.process(Document(id=ex["id"], text=ex["text"], lang=ex["lang"], date=ex.get("date")))
        docs.append(doc)
    todo = [(k, s) for k, doc in enumerate(docs) for s in doc.sentences]
    # the model stage reads English only (`only_languages` in default.toml): other sentences get no reading
    english = [stage is not None and examples[k]["lang"] == "en" for k, _ in todo]
    read = iter(stage.model.read([s.text for (_, s), en in zip(todo, english, strict=True) if en]) if stage else ())
    readings = [next(read) if en else None for en in english]
    for (k, sentence), reading in zip(todo, readings, strict=True):
        doc, ex = docs[k], examples[k]
        rules = [e for e in doc.events if e.sentence == sentence.index]
        mentions = _actors(doc.sentence_mentions(sentence.index))
        for e in rules:
            rows.append(
                {
                    "ex": ex["id"],
                    "kind": "rules",
                    "f": features(e, rules),
                    "y": label(e, sentence.start, ex),
                    "penta": e.penta,
                    "root": e.root,
                    "src": (sentence.start + e.source.start, sentence.start + e.source.end),
                    "tgt": (sentence.start + e.target.start, sentence.start + e.target.end),
                }
            )
        if stage is None or reading is None:
            continue
        found, _ = stage.candidates(doc, sentence, mentions, rules, reading)
        for e in found:
            rows.append(
                {
                    "ex": ex["id"],
                    "kind": "model",
                    "f": features(e, found, reading, stage.model.root_names),
                    "y": label(e, sentence.start, ex),
                    "penta": e.penta,
                    "root": e.root,
                    "src": (sentence.start + e.source.start, sentence.start + e.source.end),
                    "tgt": (sentence.start + e.target.start, sentence.start + e.target.end),
                }
            )
    return rows


# ---------------------------------------------------------------- logistic regression


def fit(rows: list[dict[str, Any]], names: list[str], l2: float) -> dict[str, Any]:
    """L2-penalised logistic regression by Newton's method on standardised features; weights are
    returned on the features' own scale (divided by their spread), so scoring is one dot product."""
    import numpy as np

    x = np.array([[r["f"].get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array([r["y"] for r in rows], dtype=float)
    mean, std = x.mean(0), x.std(0)
    std[std < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    weights = w[1:] / std
    bias = float(w[0] - (w[1:] * mean / std).sum())
    return {"bias": bias, "weights": {n: float(v) for n, v in zip(names, weights, strict=True)}}


def score_with(model: dict[str, Any], f: dict[str, float]) -> float:
    z = model["bias"] + sum(w * f.get(n, 0.0) for n, w in model["weights"].items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def top1(rows: list[dict[str, Any]], examples: dict[str, dict[str, Any]], scorer) -> dict[str, float]:
    """Per example, the top candidate by `scorer`: penta, root, source and target right (as the
    scorer in ../shared/eval counts them: no candidate is a wrong answer); negatives: silent below 0.5."""
    by_ex: dict[str, list[tuple[float, dict[str, Any]]]] = defaultdict(list)
    for r in rows:
        by_ex[r["ex"]].append((scorer(r), r))
    n = ok = root_n = root_ok = src_n = src_ok = tgt_n = tgt_ok = neg_n = neg_ok = both = 0
    for ex_id, ex in examples.items():
        cands = sorted(by_ex.get(ex_id, []), key=lambda t: -t[0])
        top = cands[0][1] if cands else None
        if not ex.get("event", 1):
            neg_n += 1
            neg_ok += not cands or cands[0][0] < 0.5
            continue
        n += 1
        ok += bool(top) and top["penta"] == ex["penta"]
        if ex["root"] >= 0:
            root_n += 1
            root_ok += bool(top) and top["root"] == tm.ROOTS[ex["root"]]
        if ex["source"]:
            src_n += 1
            src_ok += bool(top) and _overlaps(*top["src"], ex["source"])
        if ex["target"]:
            tgt_n += 1
            tgt_ok += bool(top) and _overlaps(*top["tgt"], ex["target"])
        both += bool(top) and top["y"] == 1
    return {
        "penta": round(ok / max(n, 1), 4),
        "root": round(root_ok / max(root_n, 1), 4),
        "source": round(src_ok / max(src_n, 1), 4),
        "target": round(tgt_ok / max(tgt_n, 1), 4),
        "all_right": round(both / max(n, 1), 4),
        "negatives_silent": round(neg_ok / max(neg_n, 1), 4),
        "n": n,
    }


def cross_validate(rows: list[dict[str, Any]], names: list[str], l2: float, k: int = 5) -> tuple[float, list]:
    """Log-loss of the combiner over k folds of examples, and the out-of-fold scored rows."""
    folds = defaultdict(list)
    for r in rows:
        folds[fold_of("cv" + r["ex"], k)].append(r)
    loss, scored = 0.0, []
    for f in range(k):
        train = [r for g, rs in folds.items() if g != f for r in rs]
        model = fit(train, names, l2)
        for r in folds[f]:
            p = min(max(score_with(model, r["f"]), 1e-6), 1 - 1e-6)
            loss -= r["y"] * math.log(p) + (1 - r["y"]) * math.log(1 - p)
            scored.append({**r, "p": p})
    return loss / max(len(rows), 1), scored


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, help="the dev set (read only, never copied)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/dyad-combiner"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help="reuse fold models and readings in --work")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dyad" / "data" / "model")
    a = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    a.work.mkdir(parents=True, exist_ok=True)
    examples = all_examples(a.dev)
    by_id = {e["id"]: e for e in examples}
    print(
        f"{len(examples)} examples ({sum(not e.get('event', 1) for e in examples)} without an event)", file=sys.stderr
    )
    rows: list[dict[str, Any]] = []
    for k in range(a.folds):
        held = [e for e in examples if fold_of(e["id"], a.folds) == k]
        fold_dir = a.work / f"fold{k}"
        cache = a.work / f"fold{k}.rows.pkl"
        if a.reuse and cache.exists():
            rows += pickle.loads(cache.read_bytes())
            continue
        if not (a.reuse and (fold_dir / "model.onnx").exists()):
            train = [e for e in examples if fold_of(e["id"], a.folds) != k]
            print(f"fold {k}: training on {len(train)} examples", file=sys.stderr)
            tm.train(
                train,
                fold_dir,
                epochs=a.epochs,
                max_len=a.max_len,
                threads=a.threads,
                log=lambda s: print(s, file=sys.stderr),
                card={"fold": k, "folds": a.folds},
            )
        got = collect(held, fold_dir)
        cache.write_bytes(pickle.dumps(got))
        rows += got
        print(f"fold {k}: {len(held)} examples, {len(got)} candidate rows", file=sys.stderr)
    rule_rows = [r for r in rows if r["kind"] == "rules"]
    model_rows = [r for r in rows if r["kind"] == "model"]
    results: dict[str, Any] = {}
    chosen: dict[str, Any] = {}
    for kind, part in (("rules", rule_rows), ("model", model_rows)):
        names = sorted({n for r in part for n in r["f"]})
        best = None
        for l2 in (0.3, 1.0, 3.0, 10.0, 30.0):
            loss, scored = cross_validate(part, names, l2)
            print(f"{kind} l2={l2}: cv log-loss {loss:.4f}", file=sys.stderr)
            if best is None or loss < best[0]:
                best = (loss, l2, scored)
        loss, l2, scored = best
        chosen[kind] = {**fit(part, names, l2), "l2": l2, "cv_log_loss": round(loss, 4), "rows": len(part)}
        p_of = {id(r): r["p"] for r in scored}
        del p_of
        results[f"{kind} combiner (cross-validated)"] = top1(scored, by_id, lambda r: r["p"])
    results["rules' own score"] = top1(rule_rows, by_id, lambda r: r["f"]["rule"])
    for name, figures in results.items():
        print(f"{name:38} {json.dumps(figures)}")
    dev_ids = {i for i, e in by_id.items() if e.get("dev")}
    if dev_ids:
        dev = {i: by_id[i] for i in dev_ids}
        for kind, part in (("rules", rule_rows), ("model", model_rows)):
            names = list(chosen[kind]["weights"])
            _, scored = cross_validate(part, names, chosen[kind]["l2"])
            figures = top1([r for r in scored if r["ex"] in dev_ids], dev, lambda r: r["p"])
            print(f"dev only, {kind} combiner: {json.dumps(figures)}")
        figures = top1([r for r in rule_rows if r["ex"] in dev_ids], dev, lambda r: r["f"]["rule"])
        print(f"dev only, rules' own score: {json.dumps(figures)}")
    a.out.mkdir(parents=True, exist_ok=True)
    payload = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "examples": len(examples),
        "folds": a.folds,
        "figures": results,
        **chosen,
    }
    (a.out / "combiner.json").write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out / 'combiner.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
