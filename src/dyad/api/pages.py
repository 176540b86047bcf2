"""The web pages: home, country, dyad, city, article, paste. Server-rendered, no script needed.

Each page asks the library (`Store`, `dyad.api.ledger`, `process_document`) and hands plain
dicts to a template; maps and charts are inline SVG from `dyad.api.svg`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dyad.api import ledger, svg
from dyad.api.app import NotFound
from dyad.api.markup import mark_article, sentence_starts, spans_for
from dyad.api.models import CODE_PATTERN, DATE_PATTERN, LANG_PATTERN, MAX_TEXT
from dyad.api.web import templates
from dyad.doc import Document
from dyad.kb.ledger import min_confidence as ledger_floor
from dyad.resources import Resources, default_resources
from dyad.store import Store
from dyad.store.missions import INACTIVE

router = APIRouter(include_in_schema=False)

PageCode = Annotated[str, Path(pattern=CODE_PATTERN)]
# the ledger counts events at or above this confidence (dyad/kb/ledger.py); ?min_confidence=0 shows all
PageFloor = Annotated[float | None, Query(ge=0.0, le=1.0)]
# ?provenance=dyad or gdelt: the events dyad coded, or those imported from GDELT (dyad/kb/gdelt.py)
PageProvenance = Annotated[Literal["dyad", "gdelt"] | None, Query()]
_PAIR = re.compile(
    r"^\s*([A-Za-z]{3})\s*(?:/|-|–|,|\s|\bvs?\.?\s|\band\s|\by\s)\s*([A-Za-z]{3})\s*$", re.IGNORECASE
)
_SPLIT = re.compile(r"\s*(?:/|\bvs?\.?\s|\band\b|\by\b|–|,)\s*", re.IGNORECASE)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    resources = default_resources()
    context.setdefault("title", "dyad")
    context.update(
        request=request,
        names=_names(resources),
        flags=_flags(resources),
        quad_names=svg.QUAD_NAMES,
        quad_colours=svg.QUAD_COLOURS,
    )
    return templates().TemplateResponse(request, template, context, status_code=status)


@lru_cache(maxsize=1)
def _names(resources: Resources) -> dict[str, str]:
    return {k: c.name for k, c in resources.countries.items()}


@lru_cache(maxsize=1)
def _flags(resources: Resources) -> dict[str, str]:
    return {k: c.flag for k, c in resources.countries.items()}


def error_page(request: Request, status: int, error: str, message: str) -> Response:
    return render(
        request,
        "error.html",
        status=status,
        title=f"{status} {error}",
        error=error,
        message=message,
        status_code=status,
    )


# ---------------------------------------------------------------- home and search


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    resources = default_resources()
    act = ledger.activity(store)
    parties = {k: v for k, v in act["parties"].items() if k in resources.countries}
    return render(
        request,
        "home.html",
        title="dyad: the diplomatic ledger",
        stats=store.stats(),
        latest=ledger.latest_events(store, 20),
        documents=store.documents(limit=10),
        world=svg.world_map(
            resources, parties, places=act["places"], title=f"Who acted in the newest {act['events']} events"
        ),
        active=sorted(parties.items(), key=lambda kv: -kv[1])[:12],
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=100)]) -> Response:
    resources = default_resources()
    query = q.strip()
    pair = _PAIR.match(query)
    if pair and {pair.group(1).upper(), pair.group(2).upper()} <= resources.countries.keys():
        return RedirectResponse(f"/dyad/{pair.group(1).upper()}/{pair.group(2).upper()}", status_code=303)
    one = _country(resources, query)
    if one:
        return RedirectResponse(f"/country/{one}", status_code=303)
    parts = [p for p in _SPLIT.split(query) if p]
    if len(parts) == 2:
        a, b = _country(resources, parts[0]), _country(resources, parts[1])
        if a and b:
            return RedirectResponse(f"/dyad/{a}/{b}", status_code=303)
    if resources.places.get(query.casefold()) or _store(request).missions(city=query):
        return RedirectResponse(f"/city/{_city_name(resources, query)}", status_code=303)
    folded = query.casefold()
    countries = [
        (k, c.name)
        for k, c in sorted(resources.countries.items())
        if folded in c.name.casefold() or folded in c.name_es.casefold() or folded in c.formal.casefold()
    ]
    cities = sorted(
        {
            (p.name, p.country)
            for key, ps in resources.places.items()
            if key.startswith(folded)
            for p in ps[:1]
        },
        key=lambda nc: nc[0],
    )[:30]
    return render(
        request, "search.html", title=f"search: {query}", q=query, countries=countries[:30], cities=cities
    )


def _country(resources: Resources, text: str) -> str | None:
    text = text.strip()
    if text.upper() in resources.countries:
        return text.upper()
    folded = text.casefold()
    for iso3, c in resources.countries.items():
        if folded in (c.name.casefold(), c.formal.casefold(), c.name_es.casefold()):
            return iso3
    return None


def _city_name(resources: Resources, text: str) -> str:
    places = resources.places.get(text.strip().casefold())
    return places[0].name if places else text.strip()


# ---------------------------------------------------------------- country


@router.get("/country/{iso3}", response_class=HTMLResponse)
def country(
    request: Request, iso3: PageCode, min_confidence: PageFloor = None, provenance: PageProvenance = None
) -> HTMLResponse:
    store = _store(request)
    resources = default_resources()
    iso3 = iso3.upper()
    info = resources.countries.get(iso3)
    floor = ledger_floor(min_confidence)
    events = ledger.country_events(store, iso3, limit=30, min_confidence=floor, provenance=provenance)
    if info is None and not events:
        raise NotFound(f"no country or actor '{iso3}' in dyad's tables or the store; try a code like VEN")
    abroad = store.missions(sender=iso3)
    hosted = store.missions(host=iso3)
    relations = ledger.country_relations(store, iso3, min_confidence=floor, provenance=provenance)
    by_host = Counter(m["host"] for m in abroad)
    cities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in hosted:
        cities[m["city"] or "(city not known)"].append(m)
    city_maps = []
    for city, missions in sorted(
        ((c, ms) for c, ms in cities.items() if ms[0]["city"]), key=lambda kv: -len(kv[1])
    )[:2]:
        drawn = svg.points_map(
            _mission_points(missions, "sender"),
            title=f"Missions in {city}",
            centre=_place(resources, city, iso3),
        )
        if drawn is not None:
            city_maps.append({"city": city, "svg": drawn, "count": len(missions)})
    return render(
        request,
        "country.html",
        title=f"{info.name if info else iso3}: dyad",
        iso3=iso3,
        info=info,
        abroad=abroad,
        hosted=hosted,
        cities=sorted(cities.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        city_maps=city_maps,
        relations=relations,
        cooperative=sorted(
            (r for r in relations if r["recent_cooperation"] > 0), key=lambda r: -r["recent_cooperation"]
        )[:10],
        conflictual=sorted(
            (r for r in relations if r["recent_conflict"] > 0), key=lambda r: -r["recent_conflict"]
        )[:10],
        events=events,
        floor=floor,
        provenance=provenance,
        left_out=store.count_below(floor, source=iso3, provenance=provenance)
        + store.count_below(floor, target=iso3, provenance=provenance),
        world=svg.world_map(
            resources,
            dict(by_host),
            highlight=iso3,
            title=f"Where {info.name if info else iso3} has missions",
        ),
    )


def _place(resources: Resources, city: str, iso3: str) -> tuple[float, float] | None:
    for p in resources.places.get(city.casefold(), []):
        if p.country == iso3:
            return (p.lat, p.lon)
    return None


def _mission_points(missions: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    return [
        {
            "lat": m.get("lat"),
            "lon": m.get("lon"),
            "label": m[label],
            "status": m.get("status"),
            "href": f"/country/{m[label]}",
            "tip": f"{m[label]} {m['kind']} in {m['city']}"
            + (f", {m['district']}" if m.get("district") else "")
            + (f" ({m['status']})" if m.get("status") else ""),
        }
        for m in missions
    ]


# ---------------------------------------------------------------- dyad


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, a: PageCode, b: PageCode, min_confidence: PageFloor = None, provenance: PageProvenance = None
) -> HTMLResponse:
    store = _store(request)
    resources = default_resources()
    a, b = a.upper(), b.upper()
    floor = ledger_floor(min_confidence)
    rows = ledger.dyad_events(store, a, b, min_confidence=floor, provenance=provenance)
    by = ledger.best_granularity(rows)
    timeline = ledger.dyad_timeline(store, a, b, by=by, events=rows)
    name_a, name_b = resources.country_name(a) or a, resources.country_name(b) or b
    chart = svg.timeline_chart(
        ledger.fill_periods(timeline["timeline"], by), title=f"{name_a} and {name_b}: events per {by}"
    )
    missions = store.missions(sender=a, host=b) + store.missions(sender=b, host=a)
    return render(
        request,
        "dyad.html",
        title=f"{name_a} – {name_b}: dyad",
        a=a,
        b=b,
        name_a=name_a,
        name_b=name_b,
        timeline=timeline,
        chart=chart,
        events=list(reversed(rows)),
        missions=missions,
        floor=floor,
        provenance=provenance,
        left_out=store.count_below(floor, source=a, target=b, provenance=provenance)
        + (store.count_below(floor, source=b, target=a, provenance=provenance) if a != b else 0),
        diplomatic=store.diplomatic_relations(a, b),
    )


# ---------------------------------------------------------------- city


@router.get("/city/{name}", response_class=HTMLResponse)
def city(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f<>/]+$")]
) -> HTMLResponse:
    store = _store(request)
    resources = default_resources()
    missions = store.missions(city=name)
    places = resources.places.get(name.casefold(), [])
    if not missions and not places:
        raise NotFound(f"dyad knows no city called {name!r}; search for it from the home page")
    hosts = Counter(m["host"] for m in missions)
    host = hosts.most_common(1)[0][0] if hosts else (places[0].country if places else None)
    centre = _place(resources, name, host) if host else None
    drawn = svg.points_map(_mission_points(missions, "sender"), title=f"Missions in {name}", centre=centre)
    shown = places[0].name if places else name
    return render(
        request,
        "city.html",
        title=f"{shown}: missions",
        name=shown,
        host=host,
        missions=missions,
        map=drawn,
        open=sum(1 for m in missions if m.get("status") not in INACTIVE),
    )


# ---------------------------------------------------------------- article


@lru_cache(maxsize=1)
def _splitter() -> Any:
    from dyad.engine import Engine

    return Engine(stages=["sentences"])


@router.get("/doc/{doc_id:path}", response_class=HTMLResponse)
def article(
    request: Request, doc_id: str, version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None
) -> HTMLResponse:
    found = _store(request).document(doc_id, version)
    if found is None:
        raise NotFound(f"no stored article {doc_id!r}" + (f" with a version {version}" if version else ""))
    ver = found["version"]
    split = _splitter().process(
        Document(id=doc_id, text=ver["text"], lang=ver.get("lang"), date=ver.get("date"))
    )
    sentences = [{"index": s.index, "start": s.start} for s in split.sentences]
    starts = sentence_starts(ver["text"], sentences, found["events"])
    for e in found["events"]:  # the store's events name their sentence's text: trust it over a re-split
        at = starts.get(int(e["sentence"]))
        if at is None or ver["text"][at : at + len(e["sentence_text"])] != e["sentence_text"]:
            where = ver["text"].find(e["sentence_text"])
            if where >= 0:
                starts[int(e["sentence"])] = where
    spans = spans_for(ver["text"], starts, found["mentions"], found["events"], found["findings"])
    history = []  # each version with its counts, so a correction shows what it fixed
    for v in found["versions"][-20:]:
        other = found if v["version"] == ver["version"] else _store(request).document(doc_id, v["version"])
        if other is not None:
            history.append({**v, "events": len(other["events"]), "findings": len(other["findings"])})
    return render(
        request,
        "doc.html",
        title=found["document"].get("title") or doc_id,
        doc=found["document"],
        version=ver,
        versions=history,
        marked=mark_article(ver["text"], spans, starts),
        events=found["events"],
        findings=found["findings"],
        mentions=found["mentions"],
        doc_id=doc_id,
        stored=True,
    )


# ---------------------------------------------------------------- paste


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", title="paste an article", text="", date="", lang="", result=None)


@router.post("/paste", response_class=HTMLResponse)
def paste(
    request: Request,
    text: Annotated[str, Form(min_length=1, max_length=MAX_TEXT)],
    date: Annotated[str, Form(max_length=10)] = "",
    lang: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    from dyad.engine import process_document

    problems = []
    if date and not re.fullmatch(DATE_PATTERN, date):
        problems.append(f"'{date}' is not a date like 2015-06-23")
    if lang and not re.fullmatch(LANG_PATTERN, lang):
        problems.append(f"'{lang}' is not a language code like en or es")
    if problems or not text.strip():
        return render(
            request,
            "paste.html",
            status=422,
            title="paste an article",
            text=text,
            date=date,
            lang=lang,
            result=None,
            problems=problems or ["the text is empty"],
        )
    doc = process_document(
        Document(id="pasted", text=text, date=date or None, lang=lang or None), fast=request.app.state.fast
    )
    starts = {s.index: s.start for s in doc.sentences}
    mentions = [m.to_full_dict() for m in doc.mentions]
    events = [e.to_dict() for e in doc.events]
    findings = [f.to_dict() for f in doc.findings]
    spans = spans_for(doc.text, starts, mentions, events, findings)
    return render(
        request,
        "paste.html",
        title="paste an article",
        text=text,
        date=date,
        lang=lang,
        result={
            "marked": mark_article(doc.text, spans, starts),
            "events": events,
            "findings": findings,
            "mentions": mentions,
            "lang": doc.lang,
            "home": doc.home_country,
        },
    )
