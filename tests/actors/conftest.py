"""Fixtures for the actor tests: one resolver over the bundled tables, shared by the session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.actors.stage import make_actor_resolver
from dyad.doc import Document, Mention
from dyad.resources import Resources
from dyad.text.sentences import make_sentence_splitter

Find = Callable[..., list[Mention]]


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def find(resources: Resources) -> Find:
    """find(text, date=None) -> the document's mentions, after context resolution."""
    split = make_sentence_splitter(resources=resources)
    resolve = make_actor_resolver(resources=resources)

    def run(text: str, date: str | None = None) -> list[Mention]:
        return resolve(split(Document(id="t", text=text, date=date))).mentions

    return run
