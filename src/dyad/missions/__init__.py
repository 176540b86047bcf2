"""Diplomatic missions and relations as the news tells them: a pipeline stage over sentences and actors.

    from dyad.missions import read_missions
    doc = read_missions(text, date="2019-03-12")   # doc.missions, doc.relations

See `dyad.missions.stage` (the stage), `reader` (the rules), `lexicon` (the per-language cue files).
"""

from __future__ import annotations

from dyad.doc import Document

__all__ = ["read_missions"]


def read_missions(text: str, date: str | None = None, lang: str | None = None, *, doc_id: str = "text") -> Document:
    """Run sentences, actors and missions on a text; the `Document` with its `missions` and `relations`."""
    from dyad.engine import engine_with_dicts

    doc = Document(id=doc_id, text=text, date=date, lang=lang)
    return engine_with_dicts(True, (), ("sentences", "actors", "missions")).process(doc)
