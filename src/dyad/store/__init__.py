"""The store: SQLite by default, PostgreSQL by URL (SQLAlchemy Core)."""

from dyad.store.store import DEFAULT_URL, Store, canonical_url, document_identity
from dyad.store.writer import AddResult

__all__ = ["DEFAULT_URL", "AddResult", "Store", "canonical_url", "document_identity"]
