"""The combiner: one learned score for each candidate event, from the rules' and the model's signals.

The rules (`events` stage) and the sentence model (`model` stage) each say something about a
candidate: the pattern's weight, its rank among the sentence's verbs, whether the actors were read
from the sentence's structure; the model's probability of the candidate's class and root, how
strongly its role head reads each actor in its role, whether the sentence reports an event at all.
A logistic regression over those signals, learned on out-of-fold predictions
(`scripts/train_combiner.py`), turns them into the probability that the candidate is right: the
event's `confidence`. The highest one is the sentence's top event.

Two combiners ship in `dyad/data/model/combiner.json`: `rules` (the `--fast` mode, rule signals
only) and `model` (the default mode, both). Their weights are data, as are the features' names;
`features()` is the one place that computes them, at training time and at run time alike.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import DataFileError

if TYPE_CHECKING:
    from dyad.coding.model import Reading
    from dyad.doc import Event, Mention

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
MODES = ("future", "negated", "hypothetical", "historical", "question")
KINDS = ("country", "capital", "demonym", "leader", "igo", "role", "organisation", "anaphor")
RULE_SIGNALS = (
    "rule",
    "weight",
    "nominal",
    "objects",
    "rank0",
    "rank1",
    "demoted",
    "structural",
    "weak",
    "no_trigger",
    "position",
)


def _actor(prefix: str, m: Mention) -> dict[str, float]:
    out = {
        f"{prefix}_country": float(m.country is not None),
        f"{prefix}_sector": float(m.sector is not None),
        f"{prefix}_org": float(m.code.startswith(("IGO", "NGO"))),
        f"{prefix}_conf": float(m.confidence),
    }
    for kind in KINDS:
        out[f"{prefix}_kind_{kind}"] = float(m.kind == kind)
    return out


def features(
    event: Event, rivals: Sequence[Event], reading: Reading | None = None, root_names: Sequence[str] = ROOTS
) -> dict[str, float]:
    """The combiner's inputs for one candidate, among its sentence's candidates (`rivals`, itself included)."""
    sig = event.signals
    f = {name: float(sig.get(name, 0.0)) for name in RULE_SIGNALS}
    # rivals are other readings of the sentence; the same act of another member of a list ("X, Y and Z
    # recalled their envoys": one trigger, one code, other actors) is no rival
    others = [
        r.signals.get("rule", 0.0)
        for r in rivals
        if r is not event and not r.signals.get("derived") and not _sibling(r, event)
    ]
    f["rule_margin"] = f["rule"] - max(others, default=0.0)
    f["rule_top"] = float(f["rule"] >= max(others, default=0.0))
    f["candidates"] = min(len(rivals), 8) / 8
    for mode in MODES:
        f[f"mode_{mode}"] = float(event.mode == mode)
    for root in ROOTS:
        f[f"root_{root}"] = float(event.root == root)
    f["generic_code"] = float(len(event.cameo) == 3 and event.cameo.endswith("0"))
    f.update(_actor("src", event.source))
    f.update(_actor("tgt", event.target))
    f["same_country"] = float(event.source.country is not None and event.source.country == event.target.country)
    f["same_code"] = float(event.source.code == event.target.code)
    if reading is not None:
        p_penta = reading.penta[event.penta]
        p_root = dict(zip(root_names, reading.roots, strict=False)).get(event.root, 0.0) if reading.roots else 0.0
        src, tgt = reading.role(event.source, "source"), reading.role(event.target, "target")
        f.update(
            m_penta=p_penta,
            m_root=p_root,
            m_log_penta=math.log(p_penta + 1e-3),
            m_log_root=math.log(p_root + 1e-3),
            m_best=float(reading.best == event.penta),
            m_src=src,
            m_tgt=tgt,
            m_roles=math.sqrt(src * tgt),
            m_swapped=math.sqrt(reading.role(event.source, "target") * reading.role(event.target, "source")),
            m_event=reading.event,
            m_proposed=float(sig.get("proposed", 0.0)),
            m_derived=float(sig.get("derived", 0.0)),
            m_rule_x_penta=f["rule"] * p_penta,
        )
    return f


def _sibling(a: Event, b: Event) -> bool:
    """The same trigger and code with one party in common: two members of a list acting (or acted on) alike."""
    if a.trigger is None or b.trigger is None or a.cameo != b.cameo:
        return False
    if (a.trigger.start, a.trigger.end) != (b.trigger.start, b.trigger.end):
        return False
    return (a.source.code == b.source.code) != (a.target.code == b.target.code)


@dataclass(frozen=True, slots=True)
class Combiner:
    """A logistic regression over named features (weights already divided by the features' spread)."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(w * feats.get(n, 0.0) for n, w in zip(self.names, self.weights, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(zip(self.names, self.weights, strict=True))}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str) -> Combiner:
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(tuple(weights), tuple(weights.values()), float(data["bias"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{where}: not a combiner ({exc}); retrain it with scripts/train_combiner.py") from exc


@lru_cache(maxsize=4)
def load_combiners(folder: str | None = None) -> dict[str, Combiner]:
    """The combiners in `folder`/combiner.json (the bundled model's folder when None); {} when absent."""
    if folder is None:
        path = importlib_resources.files("dyad.data").joinpath("model", "combiner.json")
        where = "dyad/data/model/combiner.json"
    else:
        path = Path(folder) / "combiner.json"
        where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{where}: not valid JSON ({exc}); retrain it with scripts/train_combiner.py") from exc
    return {name: Combiner.from_dict(data[name], f"{where} [{name}]") for name in ("rules", "model") if name in data}


def rank(events: Iterable[Event]) -> list[Event]:
    """Events best first (the order the scorer and the ledger read confidence in)."""
    return sorted(events, key=lambda e: -e.confidence)
