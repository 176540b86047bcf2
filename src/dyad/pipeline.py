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
    "dyad.actors.stage",
    "dyad.checks.stage",
    "dyad.coding.stage",
    "dyad.coding.model",
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
            built.append((name, spec.factory(resources=resources, **settings.get(name, {}))))
            provided.update(spec.provides)
        return cls(built)

    def __call__(self, doc: Document) -> Document:
        for _name, fn in self.stages:
            doc = fn(doc)
        return doc

    def run(
        self, docs: Iterable[Document], on_skip: Callable[[str, str], None] | None = None
    ) -> Iterator[Document]:
        """Process documents one by one; a document that fails is reported and skipped.

        Any `Exception` a stage raises on one document (a bug included) costs that document only:
        the batch goes on, and the reason names the stage for anything that is not bad input.
        """
        for doc in docs:
            current = "?"
            try:
                for name, fn in self.stages:
                    current = name
                    doc = fn(doc)
            except (DyadError, ValueError, IndexError, KeyError, UnicodeError, RecursionError) as exc:
                if on_skip is not None:
                    on_skip(doc.id, _reason(exc))
                continue
            except MemoryError:
                if on_skip is not None:
                    on_skip(doc.id, "out of memory while processing; split the document")
                continue
            except Exception as exc:  # a stage's bug must not end the batch
                if on_skip is not None:
                    on_skip(doc.id, f"internal error in stage '{current}' ({type(exc).__name__}: "
                                    f"{_reason(exc)}); please report it with this document")
                continue
            yield doc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]
