"""The library's entry points: build the pipeline once, run documents through it.

    import dyad
    events = dyad.code_text(text, date="2015-06-23")     # -> list[Event]
    findings = dyad.check_text(text)                      # -> list[Finding]

`Engine` holds the tables and the built pipelines; the module functions share one default
engine per mode, built on first use.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from dyad.doc import Document, Event, Finding, Mention
from dyad.errors import ConfigError
from dyad.pipeline import Pipeline
from dyad.resources import Resources, default_resources


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    try:
        if path is None:
            text = importlib_resources.files("dyad").joinpath("default.toml").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path or 'default.toml'}: cannot read pipeline config ({exc})") from exc


class Engine:
    """Tables plus a built pipeline. Thread-safe for reading; build one per process and reuse it."""

    def __init__(self, *, fast: bool = False, config: dict[str, Any] | None = None,
                 resources: Resources | None = None, stages: Sequence[str] | None = None):
        self.config = config or load_config()
        self.resources = resources or default_resources()
        self.fast = fast
        pipeline_cfg = self.config.get("pipeline", {})
        names = list(stages or pipeline_cfg.get("fast" if fast else "stages", []))
        if not names:
            raise ConfigError("the pipeline config lists no stages; see dyad/default.toml")
        self.pipeline = Pipeline.build(names, self.resources, self.config.get("stages", {}))

    def process(self, doc: Document) -> Document:
        return self.pipeline(doc)

    def run(self, docs: Iterable[Document], on_skip: Callable[[str, str], None] | None = None) -> Iterator[Document]:
        return self.pipeline.run(docs, on_skip)


@lru_cache(maxsize=4)
def default_engine(fast: bool = False) -> Engine:
    return Engine(fast=fast)


def code_text(text: str, date: str | None = None, lang: str | None = None, *, doc_id: str = "text",
              fast: bool = False, url: str | None = None, title: str | None = None) -> list[Event]:
    """Code one text: the events it reports, in document order."""
    doc = Document(id=doc_id, text=text, date=date, lang=lang, url=url, title=title)
    return default_engine(fast).process(doc).events


def check_text(text: str, date: str | None = None, *, html: str | None = None,
               doc_id: str = "text", lang: str | None = None) -> list[Finding]:
    """Check one text (and its HTML, for flag images): names and flags of the wrong country.

    With HTML and no text, the text is extracted from the HTML; offsets are in that text.
    """
    if html and not text.strip():
        from dyad.ingest.readers import document_from_html

        doc = document_from_html(html, doc_id, date=date, lang=lang)
    else:
        doc = Document(id=doc_id, text=text, date=date, html=html, lang=lang)
    return default_engine(True).process(doc).findings


@lru_cache(maxsize=8)
def engine_with_dicts(fast: bool = False, user_dicts: tuple[str, ...] = (),
                      stages: tuple[str, ...] | None = None, config_path: str | None = None,
                      labels: tuple[tuple[str, str], ...] = ()) -> Engine:
    """An engine whose tables carry the user dictionaries (`--dict PATH`) on top of the bundled ones,
    built from the pipeline config at `config_path` (`--config`) when one is given. `labels` names
    a dictionary in explanations when the file read is a copy: (path read, name shown) pairs, a
    tuple so that engines stay cached by their arguments (see dyad.distributed.EngineSpec)."""
    if not user_dicts and stages is None and config_path is None:
        return default_engine(fast)
    shown = {Path(path): name for path, name in labels}
    resources = Resources(user_dicts=[Path(p) for p in user_dicts], labels=shown) if user_dicts else None
    config = load_config(config_path) if config_path else None
    return Engine(fast=fast, resources=resources, stages=stages, config=config)


def find_actors(text: str, date: str | None = None, lang: str | None = None, *, doc_id: str = "text",
                user_dicts: Sequence[str] = ()) -> list[Mention]:
    """The actors named in a text, resolved to codes, with spans (offsets in their sentence) and why."""
    doc = Document(id=doc_id, text=text, date=date, lang=lang)
    return engine_with_dicts(True, tuple(str(p) for p in user_dicts), ("sentences", "actors")).process(doc).mentions


def process_document(doc: Document, *, fast: bool = False) -> Document:
    """Run the whole pipeline on a document: sentences, actors, findings, events."""
    return default_engine(fast).process(doc)
