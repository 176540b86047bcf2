"""The combiner: learned weights over rule and model signals become each candidate's confidence."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import dyad
from dyad.coding.combine import Combiner, features, load_combiners
from dyad.coding.model import Reading
from dyad.errors import DataFileError


def _events(text: str) -> list[dyad.Event]:
    return dyad.code_text(text, date="2021-05-04", fast=True)


def test_rule_signals_ride_on_each_event_and_become_features():
    (e, *_) = _events("Norway praised Colombia for the peace accord.")
    assert {"rule", "weight", "rank0", "structural", "no_trigger"} <= set(e.signals)
    f = features(e, [e])
    assert f["root_05"] == 1.0 and sum(f[k] for k in f if k.startswith("root_")) == 1.0
    assert f["rule_top"] == 1.0 and f["src_country"] == 1.0 and "m_penta" not in f
    assert "signals" not in e.to_dict()  # not part of the contract's JSON


def test_model_features_read_the_candidates_class_root_and_roles():
    (e, *_) = _events("Norway praised Colombia for the peace accord.")
    offsets = ((0, 6), (7, 14), (15, 23))
    reading = Reading(penta=(0.05, 0.8, 0.05, 0.05, 0.05), roots=tuple([0.01] * 4 + [0.81] + [0.01] * 15),
                      offsets=offsets, source=(0.9, 0.1, 0.1), target=(0.1, 0.1, 0.95), event=0.7)
    f = features(e, [e], reading)
    assert f["m_penta"] == 0.8 and f["m_root"] == pytest.approx(0.81) and f["m_best"] == 1.0
    assert f["m_src"] == 0.9 and f["m_tgt"] == 0.95 and f["m_event"] == 0.7
    assert f["m_roles"] == pytest.approx(math.sqrt(0.9 * 0.95))


def test_a_combiner_is_a_logistic_regression_over_named_features():
    c = Combiner(("a", "b"), (2.0, -1.0), -0.5)
    assert c.score({"a": 1.0, "b": 0.5}) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert c.score({}) == pytest.approx(1 / (1 + math.exp(0.5)))
    assert Combiner.from_dict(c.to_dict(), "here") == c


def test_combiner_files_load_or_fail_with_one_clear_line(tmp_path: Path):
    assert load_combiners(str(tmp_path)) == {}
    load_combiners.cache_clear()  # read once per process: a new file needs a new process
    (tmp_path / "combiner.json").write_text(json.dumps({"rules": {"bias": 0.1, "weights": {"rule": 2.0}}}))
    got = load_combiners(str(tmp_path))
    assert set(got) == {"rules"} and got["rules"].names == ("rule",)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "combiner.json").write_text("{not json")
    with pytest.raises(DataFileError, match="combiner.json"):
        load_combiners(str(bad))
    (bad / "combiner.json").write_text(json.dumps({"model": {"weights": "x"}}))
    load_combiners.cache_clear()
    with pytest.raises(DataFileError, match="not a combiner"):
        load_combiners(str(bad))
