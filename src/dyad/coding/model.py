"""The `model` stage: a trained sentence model decides between the rules' candidates.

The rules (`events` stage) propose events with actors and codes. For every sentence that has a
candidate or at least two actors, a fine-tuned MiniLM (ONNX int8, run with onnxruntime; trained by
`scripts/train_model.py`, see docs/model.md) gives

  * the sentence's PentaClass distribution (0 neutral ... 4 material conflict),
  * per token, the probability of being part of the source and of the target actor,
  * the CAMEO root it reads (used to pick the root within the chosen PentaClass).

Each candidate's confidence becomes `rule prior x P(candidate's class) x role agreement`. When the
model's class is none of the candidates' and beats them, or when the rules found nothing in a
sentence with two actors, the stage proposes an event of the model's class, with the root's generic
code and the actors the role head points at (falling back on word order). The explanation keeps what
the model said under `"model"`.

The model is package data (`dyad/data/model/`), loaded once per process on first use; a directory
given as the stage's `path` setting (or `DYAD_MODEL_DIR`, read when the stage is built) replaces it.
"""

from __future__ import annotations

import json
import math
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from dyad.coding.combine import Combiner, features, load_combiners
from dyad.coding.grammar import grammar_for
from dyad.coding.modes import MODE_FACTOR, ModeCues, detect_mode
from dyad.coding.roles import aimed_at_a_place
from dyad.coding.stage import (
    PLACES,
    SUFFERERS,
    build_event,
    scoped_confidence,
    struck_by_its_victim,
)
from dyad.doc import Document, Event, Mention, Sentence, Trigger
from dyad.errors import ConfigError, DataFileError
from dyad.pipeline import stage
from dyad.resources import Resources
from dyad.text.dates import date_words, event_date
from dyad.text.normalize import fold
from dyad.text.tokens import Token, tokenize

_MODEL_PACKAGE = "dyad.data"
_MODEL_FOLDER = "model"
@dataclass(frozen=True, slots=True)
class Reading:
    """What the model said about one sentence."""

    penta: tuple[float, ...]  # probability of each PentaClass
    roots: tuple[float, ...]  # probability of each CAMEO root, in `SentenceModel.root_names` order
    offsets: tuple[tuple[int, int], ...]  # character span of each token in the sentence
    source: tuple[float, ...]  # per token: P(part of the source actor)
    target: tuple[float, ...]  # per token: P(part of the target actor)
    event: float = 1.0  # P(the sentence reports a codable event); 1.0 for a model without that head

    @property
    def best(self) -> int:
        return max(range(len(self.penta)), key=self.penta.__getitem__)

    def role(self, mention: Mention, which: str) -> float:
        """How strongly the model reads `mention` as the source (or target): the max over its tokens."""
        probs = self.source if which == "source" else self.target
        inside = [
            p
            for (a, b), p in zip(self.offsets, probs, strict=True)
            if a < b and a < mention.end and mention.start < b
        ]
        return max(inside, default=0.0)


class SentenceModel:
    """The ONNX model and its tokenizer. Build with `SentenceModel.load()`; `read()` is thread-safe."""

    def __init__(
        self,
        model_bytes: bytes,
        tokenizer_json: str,
        config: dict[str, Any],
        threads: int = 1,
        where: str = "model",
    ):
        try:
            import onnxruntime as ort  # type: ignore[import-untyped]
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise DataFileError(
                f"the default (accurate) mode needs onnxruntime and tokenizers ({exc}); "
                "install them with `pip install 'dyad[all]'`, or use --fast (rules only)"
            ) from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
            self.tokenizer = Tokenizer.from_str(tokenizer_json)
        except Exception as exc:  # onnxruntime raises its own error classes
            raise DataFileError(
                f"{where}: cannot load the sentence model ({exc}); retrain it with "
                "scripts/train_model.py (docs/model.md)"
            ) from exc
        self.config = config
        self.max_len = int(config.get("max_len", 96))
        self.root_names: list[str] = list(config.get("roots", []))
        self.tokenizer.enable_truncation(max_length=self.max_len)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._outputs = [o.name for o in self.session.get_outputs()]
        self._lock = threading.Lock()  # the tokenizer's padding state is shared

    @classmethod
    def load(cls, path: str | None = None, threads: int = 1) -> SentenceModel:
        """The bundled model, or the one in directory `path`; cached per process."""
        return _load_model(str(Path(path).resolve()) if path else None, int(threads))

    def read(self, texts: list[str], batch: int = 32) -> list[Reading]:
        """One reading per text, in order. Texts of similar length share a batch (less padding:
        faster, and int8 activations are quantised per batch, so padding moves probabilities a little)."""
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: dict[int, Reading] = {}
        for lo in range(0, len(order), batch):
            chunk = order[lo : lo + batch]
            with self._lock:
                encs = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            results = dict(
                zip(
                    self._outputs,
                    self.session.run(None, {"input_ids": ids, "attention_mask": mask}),
                    strict=True,
                )
            )
            penta = _softmax(results["penta_logits"])
            roots = _softmax(results["root_logits"]) if "root_logits" in results else None
            roles = 1.0 / (1.0 + np.exp(-results["role_logits"]))
            events = 1.0 / (1.0 + np.exp(-results["event_logits"])) if "event_logits" in results else None
            for k, enc in enumerate(encs):
                n = int(mask[k].sum())
                out[chunk[k]] = Reading(
                    penta=tuple(float(x) for x in penta[k]),
                    roots=tuple(float(x) for x in roots[k]) if roots is not None else (),
                    offsets=tuple((int(a), int(b)) for a, b in enc.offsets[:n]),
                    source=tuple(float(x) for x in roles[k, :n, 0]),
                    target=tuple(float(x) for x in roles[k, :n, 1]),
                    event=float(events[k]) if events is not None else 1.0,
                )
        return [out[i] for i in range(len(texts))]


def _softmax(logits: Any) -> Any:
    import numpy as np

    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=4)
def _load_model(path: str | None, threads: int) -> SentenceModel:
    names = ("model.onnx", "tokenizer.json", "config.json")
    try:
        if path is None:
            folder = importlib_resources.files(_MODEL_PACKAGE).joinpath(_MODEL_FOLDER)
            where = "dyad/data/model"
            model, tok, cfg = (folder.joinpath(n) for n in names)
            data = (model.read_bytes(), tok.read_text(encoding="utf-8"), cfg.read_text(encoding="utf-8"))
        else:
            where = path
            base = Path(path)
            data = (
                (base / names[0]).read_bytes(),
                (base / names[1]).read_text(encoding="utf-8"),
                (base / names[2]).read_text(encoding="utf-8"),
            )
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"{where if path else 'dyad/data/model'}: the sentence model is missing or unreadable ({exc}); "
            "reinstall dyad, train one with scripts/train_model.py, or use --fast (rules only)"
        ) from exc
    try:
        config = json.loads(data[2])
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{where}/config.json: not valid JSON ({exc}); retrain the model") from exc
    return SentenceModel(data[0], data[1], config, threads, where)


@stage("model", requires=("events",), provides=("events",))
def make_model_stage(
    *,
    resources: Resources,
    path: str | None = None,
    threads: int = 1,
    batch: int = 32,
    rule_trust: float = 0.9,
    model_trust: float = 0.6,
    propose: bool = True,
    roles_from: str = "model",
    skip_above: float = 0.8,
) -> ModelStage:
    """`path`: a model directory instead of the bundled one (else `DYAD_MODEL_DIR`, else bundled).

    The rules' best candidate stands unless the model reads another PentaClass with probability at
    least `model_trust` while the candidate's own confidence is below `rule_trust`; then the candidate
    of the model's class wins, or (with `propose`) an event the model proposes. `roles_from`: where
    that proposed event takes its actors: "model" (the role head's pick) or "rules" (the rules' best
    candidate's); a sentence without a two-actor candidate always uses the role head.

    With a combiner next to the model (`combiner.json`, see dyad/coding/combine.py) the gate's
    settings are unused: every candidate's confidence is the combiner's probability, and the model
    does not read a sentence whose rules' best candidate the rules' combiner already puts at
    `skip_above` or more.
    """
    if roles_from not in ("rules", "model"):
        raise ConfigError(f'[stages.model] roles_from = {roles_from!r}: use "rules" or "model"')
    return ModelStage(
        resources,
        path=path or os.environ.get("DYAD_MODEL_DIR") or None,
        threads=threads,
        batch=batch,
        rule_trust=rule_trust,
        model_trust=model_trust,
        propose=propose,
        roles_from=roles_from,
        skip_above=skip_above,
    )


class ModelStage:
    def __init__(
        self,
        resources: Resources,
        *,
        path: str | None,
        threads: int = 1,
        batch: int = 32,
        rule_trust: float = 0.9,
        model_trust: float = 0.6,
        propose: bool = True,
        roles_from: str = "model",
        skip_above: float = 0.8,
    ):
        self.resources = resources
        self.skip_above = skip_above
        self.path = path
        self.threads = threads
        self.batch = batch
        self.rule_trust = rule_trust
        self.model_trust = model_trust
        self.propose = propose
        self.roles_from = roles_from
        self._cues: ModeCues | None = None

    @property
    def model(self) -> SentenceModel:
        return SentenceModel.load(self.path, self.threads)

    @property
    def combiner(self) -> Combiner | None:
        return load_combiners(str(Path(self.path).resolve()) if self.path else None).get("model")

    @property
    def cues(self) -> ModeCues:
        if self._cues is None:
            self._cues = ModeCues.load()
        return self._cues

    def __call__(self, doc: Document) -> Document:
        return self.process_many([doc])[0]

    def process_many(self, docs: list[Document]) -> list[Document]:
        """Each document's sentences are read in batches of their own. Not across documents: the
        int8 model quantises activations per batch, so a sentence's reading would depend on which
        other documents shared its batch, and a store built on 2 workers would differ from one
        built in one process."""
        model = self.model  # loaded (once per process) even when no sentence needs it: a missing model fails early
        for doc in docs:
            plan = self._plan(doc)
            if plan:
                self._apply(doc, plan, model.read([s.text for s in plan[0]], self.batch))
        return docs

    def _plan(self, doc: Document) -> tuple[list[Sentence], dict[int, list[Mention]], dict[int, list[Event]]] | None:
        """The sentences the model must read: a candidate the rules are unsure of, or two actors and
        no candidate. Where the rules' best candidate is at least `rule_trust` confident the model
        could not overrule it, and its factor would scale every candidate alike: it is not run."""
        if not doc.coded:
            return None
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        candidates: dict[int, list[Event]] = {}
        for e in doc.events:
            candidates.setdefault(e.sentence, []).append(e)
        todo = []
        trust = self.skip_above if self.combiner is not None else self.rule_trust
        for s in doc.sentences:
            found = candidates.get(s.index)
            if found:
                if max(e.confidence for e in found) < trust:
                    todo.append(s)
                else:
                    for e in found:
                        e.explanation = {**e.explanation, "model": {"skipped": f"rules >= {trust}"}}
            elif len(_actors(by_sentence.get(s.index, []))) >= 2:
                todo.append(s)
        return (todo, by_sentence, candidates) if todo else None

    def _apply(self, doc: Document, plan: tuple[list[Sentence], dict[int, list[Mention]], dict[int, list[Event]]],
               readings: list[Reading]) -> None:
        todo, by_sentence, candidates = plan
        done = {s.index for s in todo}
        events: list[Event] = [e for e in doc.events if e.sentence not in done]
        for sentence, reading in zip(todo, readings, strict=True):
            mentions = _actors(by_sentence.get(sentence.index, []))
            rules = candidates.get(sentence.index, [])
            if self.combiner is not None:
                chosen = self.combine(doc, sentence, mentions, rules, reading, self.combiner)
            else:
                chosen = self.decide(doc, sentence, mentions, rules, reading)
            # the role head learned that a subject acts: those the rules read as killed or struck in the
            # sentence ("Two soldiers were killed in Mali") are never the agent of its force
            hurt = set(doc.meta.get(SUFFERERS, {}).get(sentence.index, ()))
            grammar = grammar_for(sentence.lang or doc.lang)
            kept = [e for e in chosen if not struck_by_its_victim(e, hurt, grammar)]
            places = set(doc.meta.get(PLACES, {}).get(sentence.index, ()))
            kept = [e for e in kept if not aimed_at_a_place(e.root, e.target.code, places)]
            for e in kept:
                e.confidence = scoped_confidence(e, grammar)
            events.extend(kept)
        events.sort(key=lambda e: (e.sentence, e.trigger.start if e.trigger else 0))
        doc.events = events

    def candidates(
        self, doc: Document, sentence: Sentence, mentions: list[Mention], rules: list[Event], reading: Reading
    ) -> tuple[list[Event], dict[int, Event]]:
        """What the combiner chooses among: the rules' events; each of them whose actors the rules
        guessed with the role head's actors where those differ (`derived`, mapped to the event it
        came from); and the model's own
        reading, its class's likeliest root between the role head's actors (`proposed`), unless a
        candidate already says the same."""
        out = list(rules)
        origin: dict[int, Event] = {}
        pair = _pick_pair(reading, mentions)
        if pair is None:
            return out, origin
        source, target, agree = pair
        # a passive with no agent ("A Chinese national was arrested in Manila") says for sure who suffered
        # the act: the role head, which learned that a subject acts, may not make the sufferer its source
        if any(e.target.code == source.code and e.explanation.get("roles", "").startswith("passive") for e in rules):
            return out, origin
        for e in rules:
            # the role head may replace a pair the rules guessed from word order, never one they
            # read from the sentence's structure (a passive's agent after "by", a subject and its object)
            if e.unary or e.signals.get("structural") or (e.source.code, e.target.code) == (source.code, target.code):
                continue
            code = self.resources.cameo_code(e.cameo)
            derived = build_event(
                doc, sentence, source, target, code, self.resources, mode=e.mode, confidence=0.0, date=e.date,
                trigger=e.trigger,
                explanation={**e.explanation, "model": {"roles": round(agree, 4), "actors": "the role head's"}},
            )
            # the act is the rules', the pair the role head's: not read from the sentence's structure
            derived.signals = {**e.signals, "derived": 1.0, "structural": 0.0}
            origin[id(derived)] = e
            out.append(derived)
        root = _root_for(reading, self.model.root_names, reading.best, self.resources)
        if not any((e.root, e.source.code, e.target.code) == (root, source.code, target.code) for e in out):
            said = _said(reading, self.model.root_names)
            proposed = self._model_event(doc, sentence, pair, reading.best, reading, said)
            proposed.signals = {"proposed": 1.0}
            out.append(proposed)
        return out, origin

    def combine(
        self,
        doc: Document,
        sentence: Sentence,
        mentions: list[Mention],
        rules: list[Event],
        reading: Reading,
        combiner: Combiner,
    ) -> list[Event]:
        """Every candidate's confidence is the combiner's probability that it is right; a derived
        candidate replaces the rules' event it came from when it scores higher, else it is dropped."""
        said = _said(reading, self.model.root_names)
        found, origin = self.candidates(doc, sentence, mentions, rules, reading)
        for e in found:
            e.confidence = combiner.score(features(e, found, reading, self.model.root_names))
            e.explanation = {**e.explanation, "model": {**e.explanation.get("model", {}), **said,
                                                          "combined": round(e.confidence, 4)}}
        dropped: set[int] = set()
        for e in found:
            first = origin.get(id(e))
            if first is not None:
                dropped.add(id(first) if e.confidence > first.confidence else id(e))
        return [e for e in found if id(e) not in dropped]

    def decide(
        self,
        doc: Document,
        sentence: Sentence,
        mentions: list[Mention],
        candidates: list[Event],
        reading: Reading,
    ) -> list[Event]:
        """Confidence for one sentence's candidates; the model's own event where it overrules the rules.

        Confidence becomes `rule confidence x (0.5 + 0.5 x P(class))` for the rules' ranking, and the
        winner of an override is put on top (its confidence: the model's probability of its class).
        """
        said = _said(reading, self.model.root_names)
        cls = reading.best
        top = max(candidates, key=lambda e: e.confidence, default=None)
        for e in candidates:
            agree = math.sqrt(reading.role(e.source, "source") * reading.role(e.target, "target"))
            e.explanation = {
                **e.explanation,
                "model": {**said, "rule_confidence": round(e.confidence, 4), "roles": round(agree, 4)},
            }
        factor = 0.5 + 0.5 * reading.penta[top.penta] if top is not None else 1.0
        for e in candidates:  # one factor for all: the rules' own ranking stands
            e.confidence *= factor
        override = top is None or (
            top.penta != cls
            and top.explanation["model"]["rule_confidence"] < self.rule_trust
            and reading.penta[cls] >= self.model_trust
        )
        if not override:
            return candidates
        ceiling = max((e.confidence for e in candidates), default=0.0)
        same = [e for e in candidates if e.penta == cls]
        winner: Event | None = None
        if same:
            winner = max(same, key=lambda e: e.confidence)
        elif self.propose:
            pair = _pick_pair(reading, mentions)
            if self.roles_from == "rules" and top is not None and not top.unary:
                agree = math.sqrt(reading.role(top.source, "source") * reading.role(top.target, "target"))
                pair = (top.source, top.target, agree)
            if pair is not None:
                winner = self._model_event(doc, sentence, pair, cls, reading, said)
                candidates = [*candidates, winner]
        if winner is not None:
            winner.confidence = max(
                MODE_FACTOR.get(winner.mode, 1.0) * reading.penta[cls], min(1.0, ceiling + 0.01)
            )
            winner.explanation["model"] = {**winner.explanation["model"], "overruled": top is not None}
        return candidates

    def _model_event(
        self,
        doc: Document,
        sentence: Sentence,
        pair: tuple[Mention, Mention, float],
        cls: int,
        reading: Reading,
        said: dict[str, Any],
    ) -> Event:
        source, target, agree = pair
        root = _root_for(reading, self.model.root_names, cls, self.resources)
        code = self.resources.cameo_code(root + "0")
        tokens = tokenize(sentence.text)
        # the verb usually follows the source: read mode cues from there
        start = next((t.index for t in tokens if t.start >= source.end), max(0, len(tokens) - 1))
        mode = detect_mode(tokens, start, sentence.text, self.cues)
        return build_event(
            doc, sentence, source, target, code, self.resources, mode=mode,
            confidence=MODE_FACTOR.get(mode, 1.0) * reading.penta[cls],
            date=event_date(fold(sentence.text), doc.date, date_words(sentence.lang or doc.lang)),
            trigger=_trigger(sentence.text, tokens, source, target),
            explanation={"model": {**said, "proposed": True, "roles": round(agree, 4)}},
        )


# Words that do not carry the act: left out at the edges of a model event's trigger.
_FUNCTION_WORDS = frozenset(
    "the a an of in on at to for with by from and or but that which who has have had is are was were be "
    "been will would could should may might its their his her "
    "el la los las un una de del en al con por para y o que su sus ha han".split()
)


def _trigger(text: str, tokens: list[Token], source: Mention, target: Mention) -> Trigger:
    """The words that carry a model event: those between source and target, else the word after the source.

    The model reads the whole sentence and points at no word; this span shows a reader where to look.
    """
    words = [t for t in tokens if t.text[0].isalnum() and t.norm not in _FUNCTION_WORDS]
    between = [t for t in words if source.end <= t.start and t.end <= target.start]
    if not between or len(between) > 4:
        after = [t for t in words if t.start >= source.end and not (target.start <= t.start < target.end)]
        before = [t for t in words if t.end <= source.start]
        between = (after or before or words or tokens)[:1]
    first, last = between[0], between[-1]
    return Trigger(text[first.start : last.end], first.start, last.end)


def _actors(mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions, one per code (the first), when at least two codes are named."""
    seen: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        seen.setdefault(m.code, m)
    return list(seen.values()) if len(seen) >= 2 else []


def _said(reading: Reading, root_names: list[str]) -> dict[str, Any]:
    said: dict[str, Any] = {"penta": reading.best, "p": [round(p, 4) for p in reading.penta]}
    if reading.roots and root_names:
        k = max(range(len(reading.roots)), key=reading.roots.__getitem__)
        said["root"] = root_names[k]
    return said


def _pick_pair(reading: Reading, mentions: list[Mention]) -> tuple[Mention, Mention, float] | None:
    """Source and target among the actors: the role head's best pair with two codes, else word order."""
    best: tuple[float, int, Mention, Mention] | None = None
    for i, s in enumerate(mentions):
        for j, t in enumerate(mentions):
            if s.code == t.code or (s.start < t.end and t.start < s.end):
                continue
            score = math.sqrt(reading.role(s, "source") * reading.role(t, "target"))
            # ties (a model that sees no roles) go to word order: source first
            key = (score, -(i * len(mentions) + j))
            if best is None or key > (best[0], best[1]):
                best = (score, key[1], s, t)
    return None if best is None else (best[2], best[3], best[0])


def _root_for(reading: Reading, root_names: list[str], cls: int, resources: Resources) -> str:
    """The most probable CAMEO root within PentaClass `cls` (the class's first root without a root head)."""
    in_class = [
        r for r in sorted({c.root for c in resources.cameo.values()}) if _penta_of(r, resources) == cls
    ]
    if reading.roots and root_names:
        probs = dict(zip(root_names, reading.roots, strict=True))
        in_class.sort(key=lambda r: -probs.get(r, 0.0))
    return in_class[0]


def _penta_of(root: str, resources: Resources) -> int:
    return resources.cameo_code(root).penta
