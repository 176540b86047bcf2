"""The `model` stage and its shipped ONNX model (sentences here are our own, not the dev set's)."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources as importlib_resources
from pathlib import Path

import pytest

from dyad.coding.model import SentenceModel, make_model_stage
from dyad.doc import Document
from dyad.engine import Engine
from dyad.errors import DyadError
from dyad.resources import default_resources

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return SentenceModel.load()


@pytest.fixture(scope="module")
def accurate() -> Engine:
    return Engine(stages=["sentences", "actors", "checks", "events", "model", "dedupe"])


def _train_module():
    spec = importlib.util.spec_from_file_location("train_model", ROOT / "scripts" / "train_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_model_files_and_card():
    folder = importlib_resources.files("dyad.data").joinpath("model")
    for name in ("model.onnx", "tokenizer.json", "config.json", "MODEL_CARD.md"):
        assert folder.joinpath(name).is_file(), name
    config = json.loads(folder.joinpath("config.json").read_text(encoding="utf-8"))
    assert config["labels"][0] == "neutral" and len(config["labels"]) == 5
    assert config["roots"] == [f"{r:02d}" for r in range(1, 21)]
    card = folder.joinpath("MODEL_CARD.md").read_text(encoding="utf-8")
    assert "train_model.py" in card and "train_combiner.py" in card


def test_reading_is_a_distribution_with_token_roles(model):
    text = "Germany sharply criticised Turkey over the arrest of the journalists."
    (reading,) = model.read([text])
    assert sum(reading.penta) == pytest.approx(1.0, abs=1e-4)
    assert sum(reading.roots) == pytest.approx(1.0, abs=1e-4)
    assert len(reading.offsets) == len(reading.source) == len(reading.target)
    assert all(0.0 <= p <= 1.0 for p in reading.source + reading.target)


@pytest.mark.parametrize(
    ("text", "penta"),
    [
        ("Rebel fighters shelled the army barracks on the edge of the capital overnight.", 4),
        ("The two foreign ministers met in Geneva to prepare a new round of negotiations.", 1),
        ("Sweden sent forty tonnes of medical supplies and tents to the flooded region.", 2),
        ("The prime minister harshly condemned the neighbours' decision to close the border.", 3),
        ("Los soldados bombardearon las posiciones de la guerrilla en la montaña.", 4),
    ],
)
def test_penta_class_of_clear_sentences(model, text, penta):
    (reading,) = model.read([text])
    assert reading.best == penta, reading.penta


def test_batching_gives_the_same_answers(model):
    texts = [
        "Japan praised Vietnam for its help.",
        "Police in the capital arrested forty protesters on Sunday "
        "after a long day of clashes with students who had blocked the main avenue.",
    ]
    together = model.read(texts)
    alone = [model.read([t])[0] for t in texts]
    for a, b in zip(together, alone, strict=True):
        assert a.best == b.best
        # int8 activations are quantised per batch: padding moves probabilities by about 0.01
        assert a.penta == pytest.approx(b.penta, abs=0.03)


def test_role_head_points_at_the_agent_in_either_voice(model, accurate):
    for text in (
        "Germany criticised Turkey over the arrests.",
        "Turkey was criticised by Germany over the arrests.",
    ):
        doc = accurate.process(Document(id="t", text=text, date="2020-01-01", lang="en"))
        top = max(doc.events, key=lambda e: e.confidence)
        assert (top.source.country, top.target.country) == ("DEU", "TUR"), text
        assert "model" in top.explanation


@pytest.mark.parametrize(
    ("text", "sufferer"),
    [
        ("A Chinese national was arrested in Manila on suspicion of spying.", "CHN"),
        ("Two Kenyan aid workers were detained at a checkpoint in Juba on Sunday.", "KEN"),
    ],
)
def test_who_suffered_a_passive_act_is_never_made_its_source(accurate, text, sufferer):
    doc = accurate.process(Document(id="t", text=text, date="2020-01-01", lang="en"))
    assert doc.events
    assert not [e for e in doc.events if e.source.country == sufferer], [
        (e.source.code, e.cameo, e.target.code) for e in doc.events
    ]


def test_model_proposes_an_event_where_rules_find_none(accurate):
    text = "Argentine warplanes pounded British positions around the islands for a third day."
    fast = Engine(fast=True).process(Document(id="t", text=text, date="2020-01-01", lang="en"))
    doc = accurate.process(Document(id="t", text=text, date="2020-01-01", lang="en"))
    assert doc.events, "the model should propose an event between two actors"
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.penta == 4 and top.root in {"18", "19", "20", "15", "17", "14"}
    assert top.source.country == "ARG" and top.target.country == "GBR"
    if not any(e.penta == 4 for e in fast.events):
        assert top.explanation["model"]["proposed"] is True
        assert top.cameo == top.root + "0"


def test_questions_from_the_model_are_not_factual(accurate):
    text = "Will Russia bomb Ukrainian power stations again this winter?"
    doc = accurate.process(Document(id="t", text=text, date="2020-01-01", lang="en"))
    assert doc.events and all(e.mode == "question" for e in doc.events)


def test_sentences_with_fewer_than_two_actors_are_skipped(accurate):
    doc = accurate.process(Document(id="t", text="The storm destroyed hundreds of houses.", lang="en"))
    assert doc.events == []


def test_missing_model_is_one_clear_error(tmp_path):
    stage = make_model_stage(resources=default_resources(), path=str(tmp_path))
    doc = Engine(stages=["sentences", "actors", "checks", "events"]).process(
        Document(id="t", text="France praised Germany for its help.", lang="en")
    )
    with pytest.raises(DyadError, match="sentence model is missing"):
        stage(doc)


def test_model_dir_setting_and_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_MODEL_DIR", str(tmp_path))
    assert make_model_stage(resources=default_resources()).path == str(tmp_path)
    assert make_model_stage(resources=default_resources(), path="/x").path == "/x"


def test_fast_mode_has_no_model_stage():
    assert "model" not in Engine(fast=True).pipeline.names
    assert Engine().pipeline.names.index("model") == Engine().pipeline.names.index("dedupe") - 1


def test_own_training_sentences_cover_every_root_in_both_languages():
    train = _train_module()
    by_lang: dict[str, set[str]] = {}
    for path in sorted(train.TRAINING.glob("*.tsv")):
        for row in train.read_own_tsv(path):  # validates penta against root, cell counts
            by_lang.setdefault(row["lang"], set()).add(row["root"])
            for span in row["source"] + row["target"]:
                assert span in row["text"], (row["id"], span)
    roots = {f"{r:02d}" for r in range(1, 21)}
    assert by_lang.get("en") == roots and by_lang.get("es") == roots
    assert len(train.own_sentences()) >= 200
