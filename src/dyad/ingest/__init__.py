"""Ingest: read articles from files, folders, JSONL corpora (and, in later stages, feeds, URLs, WARC)."""
