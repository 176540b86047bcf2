"""The JSON routes of the contract's HTTP table; each parses, calls the library, returns its dicts."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from dyad.api.app import NotFound, check_token
from dyad.api.models import (
    CODE_PATTERN,
    DATE_PATTERN,
    ActorsRequest,
    CheckRequest,
    CodeRequest,
    DocumentCreated,
    DocumentRequest,
    ErrorOut,
    EventOut,
    FindingOut,
    Health,
    MentionOut,
    MissionOut,
)
from dyad.doc import Document
from dyad.store import Store

router = APIRouter(prefix="/api", tags=["api"], responses={422: {"model": ErrorOut}})

Code = Annotated[str | None, Query(pattern=CODE_PATTERN, description="ISO alpha-3 country or actor code")]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many rows (1-1000).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many rows first.")]
PathCode = Annotated[str, Path(pattern=CODE_PATTERN, description="ISO alpha-3 country or actor code")]
Provenance = Annotated[
    Literal["dyad", "gdelt"] | None,
    Query(description="Only the events dyad coded (dyad) or those imported from GDELT (gdelt); default both."),
]
MinConfidence = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="Count only events at or above this confidence (0-1); see docs/store.md."),
]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _next_link(request: Request, response: Response, got: int, limit: int, offset: int) -> None:
    """RFC 8288 `Link: <...>; rel="next"` when the page was full."""
    if got < limit:
        return
    params = dict(request.query_params)
    params.update(limit=str(limit), offset=str(offset + limit))
    response.headers["link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'


@router.get("/health", response_model=Health, summary="Is the server up, and what does its store hold")
def health(request: Request) -> dict[str, Any]:
    from dyad import __version__

    return {"status": "ok", "version": __version__, "store": _store(request).stats()}


@router.post(
    "/code", response_model=list[EventOut], summary="Code a text: its events, as `dyad code` prints them"
)
def code(
    body: CodeRequest,
    request: Request,
    explain: Annotated[bool, Query(description="Keep which pattern fired in each event.")] = False,
) -> list[dict[str, Any]]:
    from dyad.engine import code_text

    events = code_text(body.text, date=body.date, lang=body.lang, fast=body.fast or request.app.state.fast)
    out = []
    for e in events:
        data = e.to_dict()
        if not explain:
            data.pop("explanation", None)
        out.append(data)
    return out


@router.post(
    "/actors",
    response_model=list[MentionOut],
    summary="Find the actors of a text: spans, codes and why, as `dyad actors` prints them",
)
def actors(body: ActorsRequest) -> list[dict[str, Any]]:
    from dyad.engine import engine_with_dicts

    doc = Document(id="text", text=body.text, date=body.date, lang=body.lang)
    found = engine_with_dicts(True, (), ("sentences", "actors")).process(doc)
    return [found.mention_record(m) for m in found.mentions]


@router.post(
    "/check",
    response_model=list[FindingOut],
    summary="Check a text or page for another country's names and flags, as `dyad check` prints its findings",
)
def check(body: CheckRequest) -> list[dict[str, Any]]:
    from dyad.engine import check_text

    doc = _document(body, "text")
    return [f.to_dict() for f in check_text(doc.text, date=doc.date, html=doc.html, doc_id=doc.id)]


@router.post(
    "/documents",
    status_code=201,
    response_model=DocumentCreated,
    dependencies=[Depends(check_token)],
    responses={401: {"model": ErrorOut}, 413: {"model": ErrorOut}},
    summary="Ingest one article (needs the bearer token when the server has one)",
)
def add_document(body: DocumentRequest, request: Request) -> dict[str, Any]:
    from dyad.engine import process_document

    doc = _document(body, body.url or "api")
    doc.url, doc.lang = body.url, body.lang or doc.lang
    doc.title = body.title or doc.title
    store = _store(request)
    result = store.add_document(process_document(doc, fast=request.app.state.fast))
    store.record_breaks(result.months)
    return {"id": result.id, "version": result.version, "status": result.status, "events": result.events}


def _document(body: CheckRequest, doc_id: str) -> Document:
    from dyad.ingest.readers import document_from_html

    if body.text and body.text.strip():
        return Document(
            id=doc_id,
            text=body.text,
            date=body.date,
            lang=body.lang,
            html=body.html or None,
            title=getattr(body, "title", None),
        )
    assert body.html is not None
    return document_from_html(
        body.html,
        doc_id,
        url=getattr(body, "url", None),
        date=body.date,
        lang=body.lang,
        title=getattr(body, "title", None),
    )


@router.get("/documents", summary="Stored articles, newest first")
def documents(
    request: Request, response: Response, limit: Limit = 50, offset: Offset = 0
) -> list[dict[str, Any]]:
    rows = _store(request).documents(limit=limit, offset=offset)
    _next_link(request, response, len(rows), limit, offset)
    return rows


@router.get(
    "/documents/{doc_id:path}",
    responses={404: {"model": ErrorOut}},
    summary="One article's version (the current one by default): text, mentions, findings, events",
)
def document(
    doc_id: str, request: Request, version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None
) -> dict[str, Any]:
    found = _store(request).document(doc_id, version)
    if found is None:
        raise NotFound(f"no stored article {doc_id!r}" + (f" with a version {version}" if version else ""))
    return found


@router.get(
    "/events",
    response_model=list[EventOut],
    summary="Stored events, oldest first; a full page carries a `Link: rel=next` header",
)
def events(
    request: Request,
    response: Response,
    source: Code = None,
    target: Code = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 100,
    offset: Offset = 0,
    merged: Annotated[
        bool, Query(description="One object per real-world event (default), or per article's report.")
    ] = True,
    min_confidence: MinConfidence = None,
    provenance: Provenance = None,
) -> list[dict[str, Any]]:
    rows = _store(request).events(
        source=source, target=target, since=since, until=until, limit=limit, offset=offset, merged=merged,
        min_confidence=min_confidence, provenance=provenance,
    )
    _next_link(request, response, len(rows), limit, offset)
    return rows


@router.get(
    "/missions",
    response_model=list[MissionOut],
    summary="Diplomatic missions (reference data, updated by the news)",
)
def missions(
    request: Request,
    response: Response,
    city: Annotated[str | None, Query(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f<>]+$")] = None,
    host: Code = None,
    sender: Code = None,
    limit: Annotated[int, Query(ge=1, le=20_000)] = 1000,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    rows = _store(request).missions(city=city, host=host, sender=sender)[offset : offset + limit]
    _next_link(request, response, len(rows), limit, offset)
    return rows


@router.get(
    "/relations/{a}/{b}",
    summary="The dyad's timeline per month and its diplomatic status, as `dyad relations` prints it",
)
def relations(
    a: PathCode,
    b: PathCode,
    request: Request,
    since: Date = None,
    until: Date = None,
    min_confidence: MinConfidence = None,
    provenance: Provenance = None,
) -> dict[str, Any]:
    from dyad.kb.relations import relations as dyad_relations
    from dyad.resources import default_resources

    data = dyad_relations(_store(request), a, b, min_confidence=min_confidence, provenance=provenance)
    if since or until:
        low, high = (since or "")[:7], (until or "9999")[:7]
        data["months"] = [m for m in data["months"] if m["month"] is not None and low <= m["month"] <= high]
    names = default_resources()
    data["names"] = {data["a"]: names.country_name(data["a"]), data["b"]: names.country_name(data["b"])}
    return data
