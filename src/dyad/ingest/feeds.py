"""RSS and Atom feeds (feedparser): one document per item.

Each item's page is fetched (`fetch_items=True`, the default) and read like any page; when
the page cannot be fetched, or `fetch_items` is False, the item's own content (or summary)
is used, provided it holds enough text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from dyad.doc import Document
from dyad.errors import InputError
from dyad.ingest.readers import document_from_bytes, document_from_html

_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
MIN_CONTENT_CHARS = 200  # an item's own content shorter than this is a teaser, not an article


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    head = data[:4096]
    if content_type in FEED_TYPES - {"application/xml", "text/xml"}:
        return True
    return bool(_FEED_SNIFF.search(head)) and b"<html" not in head.lower()


def iter_feed(
    data: bytes,
    name: str,
    *,
    fetcher: Callable[[str], Any] | None = None,
    fetch_items: bool = True,
    date: str | None = None,
    lang: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents of a feed's items. `fetcher(url)` returns an object with `.data` and `.url`."""
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield InputError(f"{name}: not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
        return
    feed_lang = (parsed.feed.get("language") or "")[:2].lower() or None
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        item_id = link or entry.get("id") or f"{name}#{number}"
        item_date = _entry_date(entry) or date
        title = entry.get("title") or None
        problem: InputError | None = None
        if fetch_items and link and fetcher is not None:
            try:
                page = fetcher(link)
                doc = document_from_bytes(
                    page.data, item_id, url=page.url or link, date=item_date, lang=lang, title=title
                )
                doc.meta["feed"] = name
                yield doc
                continue
            except InputError as exc:
                problem = exc
        content = _entry_content(entry)
        if content and len(re.sub(r"<[^>]+>", " ", content).strip()) >= MIN_CONTENT_CHARS:
            try:
                doc = document_from_html(
                    f"<html><body><article>{content}</article></body></html>",
                    item_id,
                    url=link,
                    date=item_date,
                    lang=lang or feed_lang,
                    title=title,
                )
                doc.html = None  # the feed's snippet, not the page: no flag images to check
                doc.meta["feed"] = name
                yield doc
                continue
            except InputError as exc:
                problem = problem or exc
        yield problem or InputError(f"{item_id}: the feed item has no link to fetch and too little content")


def _entry_content(entry: Any) -> str:
    for item in entry.get("content") or []:
        if item.get("value"):
            return str(item["value"])
    return str(entry.get("summary") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None
