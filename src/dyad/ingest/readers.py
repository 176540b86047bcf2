"""Read documents from files, standard input and JSONL corpora.

Each reader yields `Document`s, or `InputError`s for the inputs it could not read, so a
caller can report a bad input in one line and carry on with the rest of the batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.doc import Document
from dyad.errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # a larger single document is refused, not read into memory
MAX_HTML_CHARS = 8_000_000  # a larger HTML page is refused before it is parsed
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<p[\s>]|<div)", re.IGNORECASE)
_META_TIME = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:)?(published_time|modified_time|datePublished|"""
    r"""dateModified|date)["'][^>]*content=["']([^"']+)["']""",
    re.IGNORECASE,
)
_HTML_LANG = re.compile(r"""<html[^>]*\slang=["']([A-Za-z]{2,3})""", re.IGNORECASE)


def decode_bytes(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; binary data is refused."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text (a NUL byte in the first 8 KB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def looks_like_html(data: bytes | str, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = data[:2048].encode("utf-8", "replace") if isinstance(data, str) else data[:2048]
    return bool(_HTML_SNIFF.match(head))


def document_from_html(
    html: str,
    doc_id: str,
    *,
    url: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Document:
    """Main text, title, dates and language of an HTML page (trafilatura), keeping the raw HTML for checks."""
    import trafilatura

    if len(html) > MAX_HTML_CHARS:
        # trafilatura builds the whole tree (about 15x the page in memory): refuse before parsing.
        raise InputError(
            f"{doc_id}: an HTML page of {len(html) // 1_000_000} million characters is over the "
            f"{MAX_HTML_CHARS // 1_000_000} million limit for HTML; extract its text and pass that instead"
        )

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, fast=True, with_metadata=True, include_comments=False
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura and the parsers under it raise many kinds on odd HTML
        raise InputError(f"{doc_id}: HTML could not be parsed ({type(exc).__name__})") from exc
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        raise InputError(f"{doc_id}: no article text found in the HTML")
    times = {k.lower(): v for k, v in _META_TIME.findall(html[:200_000])}
    published = times.get("published_time") or times.get("datepublished") or times.get("date")
    modified = times.get("modified_time") or times.get("datemodified")
    found_lang = _HTML_LANG.search(html[:5000])
    return Document(
        id=doc_id,
        text=text,
        url=url,
        title=title or getattr(extracted, "title", None),
        date=date or (published[:10] if published else None) or getattr(extracted, "date", None),
        modified=modified or published,
        lang=lang or (found_lang.group(1).lower() if found_lang else None),
        html=html,
        # the page's own claim, which the language stage checks; a language the caller gives is not checked
        meta={"lang_source": "html"} if found_lang and not lang else {},
    )


def document_from_bytes(
    data: bytes,
    doc_id: str,
    *,
    url: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Document:
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{doc_id}: {len(data) // (1024 * 1024)} MB is over the {MAX_BYTES // (1024 * 1024)} MB "
            "limit for one document; split it"
        )
    text = decode_bytes(data, doc_id)
    if looks_like_html(data, doc_id):
        return document_from_html(text, doc_id, url=url, date=date, lang=lang, title=title)
    return Document(id=doc_id, text=text, url=url, date=date, lang=lang, title=title or _first_line(text))


def read_file(
    path: Path, *, date: str | None = None, lang: str | None = None, url: str | None = None
) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path.name}: {size // (1024 * 1024)} MB is over the {MAX_BYTES // (1024 * 1024)} MB "
                "limit for one document; split it"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    doc = document_from_bytes(data, path.name, url=url, date=date, lang=lang)
    doc.source_path = str(path)
    return doc


def iter_jsonl(
    path: Path | None, lines: Iterator[str] | None = None, *, date: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Documents of a JSONL corpus: {"id", "text" or "html", "date"?, "lang"?, "url"?, "title"?} a line."""
    name = path.name if path is not None else "stdin"
    if lines is None:
        if path is None:
            raise InputError("iter_jsonl needs a path or lines")
        try:
            handle = path.open(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        lines = iter(handle)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            yield _document_from_record(record, f"{name}:{lineno}", date=date, lang=lang)
        except RecursionError:
            yield InputError(f"{name}:{lineno}: malformed JSON (nested too deep)")
        except (ValueError, InputError) as exc:
            reason = exc if isinstance(exc, InputError) else f"malformed JSON ({str(exc)[:80]})"
            yield InputError(f"{name}:{lineno}: {reason}")


def _document_from_record(
    record: dict[str, Any], where: str, *, date: str | None, lang: str | None
) -> Document:
    raw_id = record.get("id")
    doc_id = _clean(str(raw_id)) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else where
    text, html = record.get("text"), record.get("html")
    fields = {name: _text_field(record, name, doc_id) for name in ("url", "title", "date", "lang")}
    if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()):
        return document_from_html(
            html,
            doc_id,
            url=fields["url"],
            date=fields["date"] or date,
            lang=fields["lang"] or lang,
            title=fields["title"],
        )
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{doc_id}: no 'text' (or 'html') in the record")
    return Document(
        id=doc_id,
        text=text,
        url=fields["url"],
        title=fields["title"],
        date=fields["date"] or date,
        lang=fields["lang"] or lang,
    )


def _text_field(record: dict[str, Any], name: str, doc_id: str) -> str | None:
    """An optional string field of a JSONL record; another type is refused, naming the field."""
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{doc_id}: field '{name}' must be a string, not {type(value).__name__}")
    return _clean(value)


def _clean(value: str) -> str:
    """Lone surrogates (JSON's "\\ud800") cannot be written as UTF-8: each becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


# CSV columns by what they hold; the first present wins.
_CSV_COLUMNS = {
    "id": ("id", "doc_id", "guid", "key"),
    "text": ("text", "content", "body", "article", "maintext"),
    "html": ("html", "raw_html"),
    "date": ("date", "published", "date_publish", "publish_date", "pubdate"),
    "lang": ("lang", "language"),
    "url": ("url", "link", "source_url"),
    "title": ("title", "headline"),
}


def iter_csv(
    path: Path, *, date: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Documents of a CSV corpus whose header names its columns (text or html; id, date, lang, url, title)."""
    import csv

    csv.field_size_limit(MAX_BYTES)
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with handle:
        sample = handle.read(8192)
        handle.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        header = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
        columns = {
            key: next((header[c] for c in names if c in header), None) for key, names in _CSV_COLUMNS.items()
        }
        if columns["text"] is None and columns["html"] is None:
            yield InputError(
                f"{path.name}: no text column (one of {', '.join(_CSV_COLUMNS['text'])}) in the header"
            )
            return
        try:
            for lineno, row in enumerate(reader, 2):
                record = {
                    key: (row.get(col) or "").strip() for key, col in columns.items() if col is not None
                }
                try:
                    yield _document_from_record(record, f"{path.name}:{lineno}", date=date, lang=lang)
                except InputError as exc:
                    yield InputError(f"{path.name}:{lineno}: {exc}")
        except csv.Error as exc:
            yield InputError(
                f"{path.name}:{reader.line_num}: malformed CSV ({exc}); the rest of the file is skipped"
            )
