"""dyad: read the news and keep the world's diplomatic ledger.

    import dyad
    for event in dyad.code_text("North Korea opened its embassy in Caracas.", date="2015-06-23"):
        print(event.to_dict())
"""

from dyad.doc import Document, Event, Finding, Location, Mention, Sentence, Trigger
from dyad.engine import Engine, check_text, code_text, find_actors, process_document
from dyad.errors import ConfigError, DataFileError, DyadError, InputError, StoreError
from dyad.ingest.run import ingest_sources
from dyad.kb import compare, export_events, import_gdelt, relations
from dyad.resources import Resources
from dyad.store import Store

__version__ = "0.1.0"

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
