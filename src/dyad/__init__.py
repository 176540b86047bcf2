"""dyad: read the news and keep the world's diplomatic ledger.

    import dyad
    for event in dyad.code_text("North Korea opened its embassy in Caracas.", date="2015-06-23"):
        print(event.to_dict())

The store, ingest and knowledge-base names (`Store`, `ingest_sources`, `export_events`,
`relations`, `import_gdelt`, `compare`) are imported on first use: `dyad code` does not pay for SQLAlchemy.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from dyad.doc import Document, Event, Finding, Location, Mention, Sentence, Trigger
from dyad.engine import Engine, check_text, code_text, find_actors, process_document
from dyad.errors import ConfigError, DataFileError, DyadError, InputError, StoreError
from dyad.resources import Resources

if _TYPE_CHECKING:
    from dyad.ingest.run import ingest_sources
    from dyad.kb import compare, export_events, import_gdelt, relations
    from dyad.store import Store

__version__ = "0.1.0"

# Public names imported on first use: name -> the module that holds it.
_LAZY = {
    "Store": "dyad.store",
    "compare": "dyad.kb",
    "export_events": "dyad.kb",
    "import_gdelt": "dyad.kb",
    "ingest_sources": "dyad.ingest.run",
    "relations": "dyad.kb",
}

__all__ = [
    "ConfigError",
    "DataFileError",
    "Document",
    "DyadError",
    "Engine",
    "Event",
    "Finding",
    "InputError",
    "Location",
    "Mention",
    "Resources",
    "Sentence",
    "Store",
    "StoreError",
    "Trigger",
    "__version__",
    "check_text",
    "code_text",
    "compare",
    "export_events",
    "find_actors",
    "import_gdelt",
    "ingest_sources",
    "process_document",
    "relations",
]


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dyad' has no attribute '{name}'")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
