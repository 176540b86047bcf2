"""Diplomatic missions: the bundled reference table, and what the news says of them.

An embassy opening (CAMEO 054 with a mission word in its trigger) opens or plans a mission;
a closure, suspension or expulsion changes its status. Each change names its event, so a
superseded article version takes its changes with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dyad.data._load import read_tsv
from dyad.doc import Document, Event
from dyad.resources import Resources, default_resources
from dyad.text.normalize import fold

_DATASET = "wikidata-2022-11-16"
_MISSION_WORDS = {"embassy": "embassy", "embassies": "embassy", "embajada": "embassy", "consulate": "consulate",
                  "consulado": "consulate", "mission": "embassy", "sede diplomatica": "embassy",
                  "diplomatic post": "embassy", "mision diplomatica": "embassy"}
# CAMEO code -> (status for a factual report, status for a future one)
_STATUS_BY_CODE = {"054": ("opened", "planned"), "161": ("suspended", None), "1661": ("ambassador expelled", None),
                   "164": ("closed", None)}


@dataclass(frozen=True, slots=True)
class MissionChange:
    sender: str
    host: str
    city: str | None
    district: str | None
    kind: str
    status: str
    since: str | None
    until: str | None
    lat: float | None
    lon: float | None
    event_id: int
    sentence: int


def reference_missions() -> Iterator[dict[str, Any]]:
    for r in read_tsv("missions/missions.tsv", required=("sender", "host")):
        yield dict(sender=r["sender"], host=r["host"], city=r["city"] or None, district=r["district"] or None,
                   kind=r["kind"] or "mission", status="open", since=r["since"] or None, until=None,
                   lat=float(r["lat"]) if r["lat"] else None, lon=float(r["lon"]) if r["lon"] else None,
                   origin="dataset", dataset=_DATASET)


def mission_changes(doc: Document, event_ids: list[int],
                    resources: Resources | None = None) -> Iterator[MissionChange]:
    resources = resources or default_resources()
    for event, event_id in zip(doc.events, event_ids, strict=True):
        change = _change(doc, event, event_id, resources)
        if change is not None:
            yield change


def _change(doc: Document, event: Event, event_id: int, resources: Resources) -> MissionChange | None:
    statuses = _STATUS_BY_CODE.get(event.cameo)
    if statuses is None or event.mode not in ("factual", "future"):
        return None
    status = statuses[0] if event.mode == "factual" else statuses[1]
    sender, host = event.source.country, event.target.country
    if not status or not sender or not host or sender == host:
        return None
    words = fold(event.trigger.text if event.trigger else "") + " " + fold(event.sentence_text)
    kind = next((k for w, k in _MISSION_WORDS.items() if w in words), None)
    if kind is None:
        return None
    city, lat, lon = _host_city(event, host, resources)
    district = _district(doc.text, city, host, resources)
    since = (event.date or doc.date or "")[:7] or None
    return MissionChange(sender, host, city, district, kind, status, since,
                         since if status == "closed" else None, lat, lon, event_id, event.sentence)


def _host_city(event: Event, host: str, resources: Resources) -> tuple[str | None, float | None, float | None]:
    loc = event.location
    if loc is not None and loc.country == host and loc.lat is not None:
        return loc.name, loc.lat, loc.lon
    country = resources.countries.get(host)
    if country and country.capital:
        place = next((p for p in resources.places.get(country.capital.casefold(), []) if p.country == host), None)
        return country.capital, place.lat if place else None, place.lon if place else None
    return None, None, None


def _district(text: str, city: str | None, host: str, resources: Resources) -> str | None:
    if not city:
        return None
    folded = fold(text)
    for name, places in resources.places.items():
        for p in places:
            if p.city_of and p.city_of == city and p.country == host and fold(p.name) in folded:
                return p.name
    return None
