"""The `checks` pipeline stage: fills `doc.findings` (issue 6 grows the checks)."""

from __future__ import annotations

from dyad.doc import Document
from dyad.pipeline import stage
from dyad.resources import Resources


@stage("checks", requires=("mentions",), provides=("findings",))
def make_checker(*, resources: Resources):
    del resources

    def check(doc: Document) -> Document:
        return doc

    return check
