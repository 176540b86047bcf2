"""The stage registry and the runner.

A stage is a callable `Document -> Document`, built by a factory that receives the shared
`Resources` and its settings as keyword arguments. Stages register under a stable name with
what they need and what they fill; `Pipeline.build` checks the order once and names the
missing stage. Which stages run, and with what settings, is TOML (`dyad/default.toml`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyad.doc import Document
from dyad.errors import ConfigError, DyadError

if TYPE_CHECKING:
    from dyad.resources import Resources

StageFn = Callable[[Document], Document]
StageFactory = Callable[..., StageFn]


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    factory: StageFactory
    requires: tuple[str, ...]
    provides: tuple[str, ...]


_REGISTRY: dict[str, StageSpec] = {}

# Modules whose import registers the built-in stages, in the order data flows.
_STAGE_MODULES = (
    "dyad.text.sentences",
    "dyad.text.language",
    "dyad.actors.stage",
    "dyad.checks.stage",
    "dyad.coding.stage",
    "dyad.coding.model",
    "dyad.missions.stage",
)


def stage(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()) -> Callable[
    [StageFactory], StageFactory
]:
    """Register a stage factory under `name`."""

    def register(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = StageSpec(name, factory, requires, provides)
        return factory

    return register


def registered_stages() -> dict[str, StageSpec]:
    for module in _STAGE_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


class LanguageGate:
    """A stage that runs on documents in some languages only (the setting `only_languages`, read by the
    runner for any stage): the shipped sentence model reads English, so `[stages.model] only_languages =
    ["en"]` leaves other documents to the rules. A document of unknown language passes through the stage."""

    def __init__(self, fn: StageFn, languages: frozenset[str]):
        self.fn = fn
        self.languages = languages
        many = getattr(fn, "process_many", None)
        if many is not None:
            self.process_many = self._many

    def _applies(self, doc: Document) -> bool:
        return doc.lang is None or doc.lang in self.languages

    def __call__(self, doc: Document) -> Document:
        return self.fn(doc) if self._applies(doc) else doc

    def _many(self, docs: list[Document]) -> list[Document]:
        chosen = [d for d in docs if self._applies(d)]
        done = iter(self.fn.process_many(chosen) if chosen else [])  # type: ignore[attr-defined]
        return [next(done) if self._applies(d) else d for d in docs]


class SkippedDocument(DyadError):
    """Raised by a stage that decides a document cannot be processed; the runner reports it."""


class Pipeline:
    """An ordered list of built stages."""

    def __init__(self, stages: list[tuple[str, StageFn]]):
        self.stages = stages

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    @classmethod
    def build(
        cls, names: Iterable[str], resources: Resources, settings: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        specs = registered_stages()
        settings = settings or {}
        provided: set[str] = {"text"}
        built: list[tuple[str, StageFn]] = []
        for name in names:
            spec = specs.get(name)
            if spec is None:
                raise ConfigError(f"unknown pipeline stage '{name}'; known stages: {', '.join(sorted(specs))}")
            missing = [r for r in spec.requires if r not in provided]
            if missing:
                providers = [s.name for s in specs.values() if set(missing) & set(s.provides)]
                raise ConfigError(
                    f"stage '{name}' needs {', '.join(missing)}; put {' or '.join(providers) or '?'} before it"
                )
            options = dict(settings.get(name, {}))
            only = options.pop("only_languages", None)
            fn = spec.factory(resources=resources, **options)
            built.append((name, fn if only is None else LanguageGate(fn, frozenset(str(x) for x in only))))
            provided.update(spec.provides)
        return cls(built)

    def __call__(self, doc: Document) -> Document:
        for _name, fn in self.stages:
            doc = fn(doc)
        return doc

    def run(
        self, docs: Iterable[Document], on_skip: Callable[[str, str], None] | None = None,
        *, chunk_docs: int = 16, chunk_chars: int = 200_000,
    ) -> Iterator[Document]:
        """Process documents in order; a document that fails is reported and skipped.

        Documents go through the stages in small chunks (at most `chunk_docs` documents and about
        `chunk_chars` characters, so memory stays bounded), which lets a stage that has a
        `process_many(docs)` method (the sentence model) batch work across short documents.
        Any `Exception` a stage raises on one document (a bug included) costs that document only:
        the batch goes on, and the reason names the stage for anything that is not bad input.
        """
        group: list[Document] = []
        size = 0
        for doc in docs:
            group.append(doc)
            size += len(doc.text)
            if len(group) >= chunk_docs or size >= chunk_chars:
                yield from self._run_chunk(group, on_skip)
                group, size = [], 0
        if group:
            yield from self._run_chunk(group, on_skip)

    def _run_chunk(self, docs: list[Document], on_skip: Callable[[str, str], None] | None) -> list[Document]:
        alive = docs
        for name, fn in self.stages:
            many = getattr(fn, "process_many", None)
            if many is not None and len(alive) > 1:
                try:
                    alive = many(alive)
                    continue
                except Exception:  # noqa: BLE001 - redo one by one, so the failure is pinned to its document
                    pass
            survivors = []
            for doc in alive:
                try:
                    survivors.append(fn(doc))
                except Exception as exc:  # noqa: BLE001 - one document's failure never ends the batch
                    if on_skip is not None:
                        on_skip(doc.id, _skip_reason(name, exc))
            alive = survivors
        return alive


def _skip_reason(stage_name: str, exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory while processing; split the document"
    if isinstance(exc, (DyadError, ValueError, IndexError, KeyError, UnicodeError, RecursionError)):
        return _reason(exc)
    return (f"internal error in stage '{stage_name}' ({type(exc).__name__}: {_reason(exc)}); "
            "please report it with this document")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]
