import pytest

from dyad.doc import Document
from dyad.engine import Engine
from dyad.errors import ConfigError
from dyad.pipeline import Pipeline, stage
from dyad.resources import default_resources


def test_build_names_the_missing_stage():
    with pytest.raises(ConfigError, match="stage 'events' needs .*mentions.*put actors before it"):
        Pipeline.build(["sentences", "events"], default_resources())


def test_unknown_stage_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown pipeline stage 'nope'"):
        Pipeline.build(["sentences", "nope"], default_resources())


@stage("test_explode", requires=("sentences",), provides=())
def _make_exploder(*, resources):
    def explode(doc: Document) -> Document:
        if "boom" in doc.text:
            raise ValueError("this document explodes")
        return doc

    return explode


def test_runner_skips_a_failing_document_and_goes_on():
    pipeline = Pipeline.build(["sentences", "test_explode"], default_resources())
    skipped = []
    docs = [Document(id="a", text="fine"), Document(id="b", text="boom"), Document(id="c", text="fine too")]
    out = list(pipeline.run(docs, on_skip=lambda doc_id, reason: skipped.append((doc_id, reason))))
    assert [d.id for d in out] == ["a", "c"]
    assert skipped == [("b", "this document explodes")]


def test_engine_fast_and_default_build_from_config():
    fast = Engine(fast=True)
    assert fast.pipeline.names[:3] == ["sentences", "language", "actors"]
    assert "events" in fast.pipeline.names


class _Marker:
    """A stage with a batch method, like the sentence model's."""

    def __call__(self, doc: Document) -> Document:
        doc.meta["marked"] = True
        return doc

    def process_many(self, docs: list[Document]) -> list[Document]:
        return [self(d) for d in docs]


@stage("test_marker", requires=(), provides=())
def _make_marker(*, resources):
    return _Marker()


def test_only_languages_limits_a_stage_to_some_documents():
    pipeline = Pipeline.build(["test_marker"], default_resources(), {"test_marker": {"only_languages": ["en"]}})
    docs = [Document(id="a", text="x", lang="en"), Document(id="b", text="x", lang="de"), Document(id="c", text="x")]
    out = list(pipeline.run(docs))  # batched through process_many
    assert [d.meta.get("marked", False) for d in out] == [True, False, True]
    assert pipeline(Document(id="d", text="x", lang="pt")).meta.get("marked") is None


def test_the_sentence_model_reads_english_documents_only():
    engine = Engine()
    gate = dict(engine.pipeline.stages)["model"]
    assert getattr(gate, "languages", None) == frozenset({"en"})
