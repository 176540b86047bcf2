"""Ingest sources into a store: read, process, store one document at a time; report the rest.

A bad input is reported in one line and skipped; what is already stored stays stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dyad.doc import Document
from dyad.engine import default_engine
from dyad.errors import DyadError, InputError
from dyad.ingest.readers import iter_jsonl, read_file
from dyad.store import Store

_TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md"}


def iter_source(source: str, *, url: str | None = None, date: str | None = None,
                lang: str | None = None) -> Iterator[Document | InputError]:
    """Documents of one source: a file, a folder (recursively) or a JSONL corpus."""
    path = Path(source)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in _TEXT_SUFFIXES or child.suffix.lower() == ".jsonl":
                yield from iter_source(str(child), date=date, lang=lang)
        return
    if not path.exists():
        yield InputError(f"{source}: no such file or folder")
        return
    if path.suffix.lower() == ".jsonl":
        yield from iter_jsonl(path, date=date, lang=lang)
        return
    try:
        yield read_file(path, date=date, lang=lang, url=url)
    except InputError as exc:
        yield exc


def ingest_sources(store: Store, sources: tuple[str, ...] | list[str], *, url: str | None = None,
                   date: str | None = None, lang: str | None = None, fast: bool = False, progress: bool = False,
                   on_skip: Callable[[str, str], None] | None = None) -> dict[str, Any]:
    """Ingest every source; returns {"read", "new", "updated", "unchanged", "skipped", "events"}."""
    summary = {"read": 0, "new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "events": 0}
    engine = default_engine(fast)

    def skip(doc_id: str, reason: str) -> None:
        summary["skipped"] += 1
        if on_skip is not None:
            on_skip(doc_id, reason)

    def documents() -> Iterator[Document]:
        for source in sources:
            for item in iter_source(source, url=url, date=date, lang=lang):
                if isinstance(item, InputError):
                    doc_id, _, reason = str(item).partition(": ")
                    skip(doc_id, reason or str(item))
                else:
                    summary["read"] += 1
                    yield item

    bar = _progress() if progress else None
    task = bar.add_task("ingesting", total=None) if bar else None
    try:
        if bar:
            bar.start()
        for doc in engine.run(documents(), on_skip=skip):
            try:
                result = store.add_document(doc)
            except DyadError as exc:
                skip(doc.id, str(exc))
                continue
            summary[result.status] += 1
            summary["events"] += result.events
            if bar is not None and task is not None:
                bar.update(task, advance=1, description=f"ingesting {doc.id[:40]}")
    finally:
        if bar:
            bar.stop()
    return summary


def _progress():  # noqa: ANN202 - rich.progress.Progress
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), transient=False)
