"""The knowledge base's questions over the store: dyad relations, exports, GDELT imports and the
comparison with GDELT."""

from dyad.kb.compare import compare
from dyad.kb.export import FORMATS, GDELT_COLUMNS, export_events
from dyad.kb.gdelt import import_gdelt
from dyad.kb.ledger import min_confidence
from dyad.kb.relations import plot_relations, relations

__all__ = ["FORMATS", "GDELT_COLUMNS", "compare", "export_events", "import_gdelt", "min_confidence",
           "plot_relations", "relations"]
