"""Ingest sources into a store: read, process, store one document at a time; report the rest.

    summary = ingest_sources(store, ["news/", "https://example.org/feed.xml"])
    summary.to_dict()   # {"read", "new", "updated", "unchanged", "skipped", "events", "reasons"}

A source is a file (text, HTML), a folder (recursively), a JSONL or CSV corpus, a WARC file,
an RSS/Atom feed (file or URL), or a page's URL. Documents stream through one at a time: no
corpus is ever held in memory. A bad input is reported in one line and skipped; what is
already stored stays stored.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.doc import Document
from dyad.engine import Engine, default_engine
from dyad.errors import DyadError, InputError
from dyad.ingest.feeds import iter_feed, looks_like_feed
from dyad.ingest.fetch import Fetched, fetch, is_url
from dyad.ingest.lang import CODED_LANGUAGES, mark_language
from dyad.ingest.readers import MAX_BYTES, document_from_bytes, iter_csv, iter_jsonl, looks_like_html
from dyad.ingest.warc import is_warc, iter_warc
from dyad.store import Store

_DOC_SUFFIXES = {
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".md",
    ".jsonl",
    ".csv",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
}  # and .warc.gz / .arc.gz (see is_warc)
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
BREAK_BATCH = 2000  # dyad-months gathered before they are tested for Goldstein breaks (store/breaks.py)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did: documents read, stored as new articles or new versions, unchanged, skipped."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0
    not_coded: int = 0  # read in a language dyad does not code events in (actors only)
    reasons: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "events": self.events,
            "not_coded": self.not_coded,
            "reasons": dict(self.reasons.most_common()),
        }

    def __getitem__(self, key: str) -> Any:  # summary["read"], as the foundation's dict allowed
        return self.to_dict()[key]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    url: str | None = None  # the article a single file came from
    date: str | None = None
    lang: str | None = None
    fetch_items: bool = True  # fetch each feed item's page (else use the item's content)
    timeout: float = 15.0
    retries: int = 2


def iter_source(
    source: str,
    options: IngestOptions | None = None,
    *,
    fetcher: Callable[[str], Fetched] | None = None,
    **kwargs: Any,
) -> Iterator[Document | InputError]:
    """Documents of one source, lazily: a file, folder, JSONL/CSV corpus, WARC, feed or URL."""
    opts = options or IngestOptions(**kwargs)
    get = fetcher or (lambda u: fetch(u, timeout=opts.timeout, retries=opts.retries))
    if is_url(source):
        try:
            page = get(source)
        except InputError as exc:
            yield exc
            return
        if looks_like_feed(page.data, page.content_type):
            yield from iter_feed(
                page.data, source, fetcher=get, fetch_items=opts.fetch_items, date=opts.date, lang=opts.lang
            )
            return
        try:
            yield document_from_bytes(
                page.data, opts.url or page.url, url=opts.url or page.url, date=opts.date, lang=opts.lang
            )
        except InputError as exc:
            yield exc
        return
    path = Path(source)
    if path.is_dir():
        for child in _walk(path):
            yield from iter_source(
                str(child),
                IngestOptions(
                    date=opts.date,
                    lang=opts.lang,
                    fetch_items=opts.fetch_items,
                    timeout=opts.timeout,
                    retries=opts.retries,
                ),
                fetcher=fetcher,
            )
        return
    if not path.exists():
        yield InputError(f"{source}: no such file or folder")
        return
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from iter_jsonl(path, date=opts.date, lang=opts.lang)
        elif suffix == ".csv":
            yield from iter_csv(path, date=opts.date, lang=opts.lang)
        elif is_warc(path):
            yield from iter_warc(path, date=opts.date, lang=opts.lang)
        else:
            yield from _read_one(path, opts, get)
    except InputError as exc:
        yield exc


def _read_one(
    path: Path, opts: IngestOptions, get: Callable[[str], Fetched]
) -> Iterator[Document | InputError]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path.name}: {size // (1024 * 1024)} MB is over the {MAX_BYTES // (1024 * 1024)} "
                "MB limit for one document; split it"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if looks_like_feed(data):
        yield from iter_feed(
            data, path.name, fetcher=get, fetch_items=opts.fetch_items, date=opts.date, lang=opts.lang
        )
        return
    if path.suffix.lower() in _FEED_SUFFIXES and not looks_like_html(data, path.name):
        raise InputError(f"{path.name}: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)")
    doc = document_from_bytes(data, path.name, url=opts.url, date=opts.date, lang=opts.lang)
    doc.source_path = str(path)
    yield doc


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder that dyad reads, in a stable order, without listing the whole tree first."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(root) / name
            if not name.startswith(".") and (child.suffix.lower() in _DOC_SUFFIXES or is_warc(child)):
                yield child


def ingest_sources(
    store: Store,
    sources: Iterable[str],
    *,
    url: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    fast: bool = False,
    progress: bool = False,
    on_skip: Callable[[str, str], None] | None = None,
    fetch_items: bool = True,
    timeout: float = 15.0,
    retries: int = 2,
    engine: Engine | Any | None = None,  # an Engine, or one that runs it elsewhere (dyad.distributed)
    fetcher: Callable[[str], Fetched] | None = None,
) -> IngestSummary:
    """Ingest every source into the store; returns what happened (see `IngestSummary`)."""
    summary = IngestSummary()
    engine = engine or default_engine(fast)
    coded_languages = set(engine.config.get("stages", {}).get("events", {}).get("languages", CODED_LANGUAGES))
    options = IngestOptions(
        url=url, date=date, lang=lang, fetch_items=fetch_items, timeout=timeout, retries=retries
    )

    def skip(doc_id: str, reason: str) -> None:
        summary.skipped += 1
        summary.reasons[_reason_kind(reason)] += 1
        if on_skip is not None:
            on_skip(doc_id, reason)

    def documents() -> Iterator[Document]:
        for source in sources:
            for item in iter_source(source, options, fetcher=fetcher):
                if isinstance(item, InputError):
                    doc_id, _, reason = str(item).partition(": ")
                    skip(doc_id, reason or str(item))
                    continue
                summary.read += 1
                if not mark_language(item, coded_languages):
                    summary.not_coded += 1  # actors still found; no events coded
                yield item

    bar = _progress() if progress else None
    task = bar.add_task("ingesting", total=None) if bar is not None else None
    months: set[tuple[str, str, str]] = set()  # dyad-months to test for a Goldstein break
    try:
        if bar is not None:
            bar.start()
        for doc in engine.run(documents(), on_skip=skip):
            try:
                result = store.add_document(doc)
            except DyadError as exc:
                skip(doc.id, str(exc))
                continue
            setattr(summary, result.status, getattr(summary, result.status) + 1)
            summary.events += result.events
            months.update(result.months)
            if len(months) >= BREAK_BATCH:
                store.record_breaks(months)
                months.clear()
            if bar is not None and task is not None:
                bar.update(
                    task,
                    advance=1,
                    description=f"{summary.new} new, {summary.updated} updated, "
                    f"{summary.unchanged} unchanged, {summary.skipped} skipped  {doc.id[-40:]}",
                )
    finally:
        if bar is not None:
            bar.stop()
    store.record_breaks(months)
    return summary


def _reason_kind(reason: str) -> str:
    """A skip reason without its particulars, to count reasons: "HTTP 404 Not Found", "empty input"."""
    kind = re.split(r"[;(]", reason, maxsplit=1)[0].strip()
    kind = re.sub(r"\b\d+(?:\.\d+)? (MB|s)\b", r"N \1", kind)
    return kind[:80] or "unknown"


def _progress() -> Any:  # rich.progress.Progress
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        MofNCompleteColumn(),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
