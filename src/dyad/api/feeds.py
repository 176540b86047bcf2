"""What moved, for people and machines: `GET /api/changes`, the Atom feed `/feeds/changes.atom`
and the page `/changes`, all three over `Store.changes` (store/changes.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from dyad.api.models import CODE_PATTERN, DATE_PATTERN, ErrorOut
from dyad.store import Store

router = APIRouter()

Country = Annotated[str | None, Query(pattern=CODE_PATTERN, description="Changes concerning this country (ISO3)")]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Changes that happened on or after this day")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Changes that happened on or before this day")]
Kind = Annotated[
    Literal["mission opened", "mission closed", "relations severed", "relations restored", "goldstein break"] | None,
    Query(description="Only changes of this kind"),
]
ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 100


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get(
    "/api/changes",
    tags=["api"],
    responses={422: {"model": ErrorOut}},
    summary="Recorded changes, latest first, as `dyad changes` prints them",
)
def changes(
    request: Request,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    kind: Kind = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> list[dict[str, Any]]:
    return _store(request).changes(since=since, until=until, country=country, kind=kind, limit=limit, offset=offset)


@router.get(
    "/feeds/changes.atom",
    tags=["feeds"],
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
    summary="The latest recorded changes as an Atom feed (optionally those concerning one country)",
)
def changes_feed(request: Request, country: Country = None, kind: Kind = None) -> Response:
    found = _store(request).changes(country=country, kind=kind, limit=FEED_SIZE)
    base = str(request.base_url)
    body = changes_atom(found, base=base, self_url=str(request.url), country=country.upper() if country else None)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def changes_atom(found: list[dict[str, Any]], *, base: str, self_url: str, country: str | None = None) -> bytes:
    """An Atom 1.0 document of these changes; `base` is the server's root URL ("http://host/")."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    page = f"{base}changes" + (f"?country={country}" if country else "")
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"{base}feeds/changes.atom" + (f"?country={country}" if country else ""))
    sub(feed, "title", "dyad: what changed" + (f" for {country}" if country else ""))
    sub(feed, "subtitle", "Missions opened or closed, relations severed or restored, and dyads whose Goldstein "
        "scores broke from their past, as dyad recorded them from the news")
    sub(feed, "updated", max((c["recorded_at"] for c in found), default=_now()))
    sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=page, type="text/html")
    sub(sub(feed, "author"), "name", "dyad")
    sub(feed, "generator", "dyad")
    for item in found:
        entry = sub(feed, "entry")
        sub(entry, "id", f"{base}changes#c{item['id']}")
        sub(entry, "title", f"{item['kind']}: {item['summary']}")
        sub(entry, "updated", item["recorded_at"])
        if item.get("day"):
            sub(entry, "published", f"{item['day']}T00:00:00Z")
        sub(entry, "link", rel="alternate", href=f"{base}changes#c{item['id']}", type="text/html")
        for source in item.get("sources") or []:
            if source.get("url"):
                sub(entry, "link", rel="related", href=source["url"])
        sub(entry, "category", term=item["kind"])
        for code in item.get("countries") or []:
            sub(entry, "category", term=code, scheme=f"{base}country/")
        sub(entry, "summary", _describe(item))
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _describe(item: dict[str, Any]) -> str:
    """The entry's text: the summary, when it happened, and the articles that said so."""
    parts = [item["summary"] + "."]
    if item.get("day"):
        parts.append(f"Happened {item['day']}.")
    sources = [s.get("url") or s.get("doc_id") for s in item.get("sources") or [] if s.get("url") or s.get("doc_id")]
    if sources:
        parts.append("Source: " + ", ".join(sources) + ".")
    return " ".join(parts)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@router.get("/changes", response_class=HTMLResponse, include_in_schema=False)
def changes_page(request: Request, country: Country = None, kind: Kind = None) -> HTMLResponse:
    from dyad.api.pages import render

    found = _store(request).changes(country=country, kind=kind, limit=FEED_SIZE)
    feed = "/feeds/changes.atom" + (f"?country={country.upper()}" if country else "")
    return render(
        request,
        "changes.html",
        title="dyad: what changed" + (f" for {country.upper()}" if country else ""),
        changes=found,
        country=country.upper() if country else None,
        kind=kind,
        feed=feed,
    )
