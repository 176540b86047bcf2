"""The knowledge base's questions over the store: dyad relations and exports."""

from dyad.kb.export import FORMATS, GDELT_COLUMNS, export_events
from dyad.kb.ledger import min_confidence
from dyad.kb.relations import plot_relations, relations

__all__ = ["FORMATS", "GDELT_COLUMNS", "export_events", "min_confidence", "plot_relations", "relations"]
