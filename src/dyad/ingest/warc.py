"""WARC files (warcio), as Common Crawl News publishes them: one document per HTML response.

Records are read one at a time from the (possibly gzipped) stream; only successful HTTP
responses (and `resource` records) whose content is HTML or plain text become documents.
The record's target URI is the article's URL; its WARC-Date stands in for a missing date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyad.doc import Document
from dyad.errors import InputError
from dyad.ingest.readers import MAX_BYTES, document_from_bytes

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc.gz"))


def iter_warc(
    path: Path, *, date: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), 1):
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                name = url or f"{path.name}#{number}"
                if record.rec_type == "response":
                    http = record.http_headers
                    if http is None or not (http.get_statuscode() or "").startswith("2"):
                        continue
                    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
                else:
                    content_type = (
                        (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                    )
                if content_type and content_type not in _TEXT_TYPES:
                    continue
                data = record.content_stream().read(MAX_BYTES + 1)
                warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    doc = document_from_bytes(data, name, url=url, lang=lang)
                except InputError as exc:
                    yield exc
                    continue
                doc.date = doc.date or date or warc_date
                doc.source_path = str(path)
                yield doc
        except ArchiveLoadFailed as exc:
            yield InputError(f"{path.name}: not a readable WARC file ({str(exc)[:120]})")
