"""Diplomatic missions: the bundled reference table, and what the news says of them.

An event changes a mission when its sentence names a mission ("embassy", "embajada",
"ambassador") and either its trigger carries a status cue (data/missions/cues.tsv: opened,
closed, suspended, relocated, ambassador expelled, ambassador recalled) or its CAMEO code
implies one (054 opens, or plans to open, an embassy). Each change names its event, so a
superseded article version takes its changes with it, and the store derives a mission's status
from its latest active change, falling back on the reference row's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dyad.data._load import read_tsv
from dyad.doc import Document, Event, Location
from dyad.resources import Resources, default_resources
from dyad.text.normalize import fold

DATASET = "wikidata-2022-11-16"
STATUSES = (
    "opened",
    "planned",
    "closed",
    "relocated",
    "suspended",
    "ambassador expelled",
    "ambassador recalled",
)
INACTIVE = ("closed", "suspended")  # a mission in this status does not operate
_MISSION_WORDS = {
    "embassy": "embassy",
    "embassies": "embassy",
    "embajada": "embassy",
    "consulate": "consulate",
    "consulado": "consulate",
    "diplomatic mission": "embassy",
    "sede diplomatica": "embassy",
    "diplomatic post": "embassy",
    "mision diplomatica": "embassy",
    "ambassador": "embassy",
    "embajador": "embassy",
    "legacion": "embassy",
    "legation": "embassy",
}
_MISSION_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_MISSION_WORDS, key=len, reverse=True)) + r")"
)
# CAMEO codes that say what happened to a mission without a cue in the trigger:
# code -> (status when factual, status when future)
_STATUS_BY_CODE = {"054": ("opened", "planned")}
# codes under which a status cue found anywhere in the sentence counts (the trigger may be "ties")
_CUE_CODES = ("054", "16", "160", "161", "166", "1662")
# roots under which a cue in the trigger counts ("opened fire", 19, says nothing of an embassy)
_MISSION_ROOTS = ("03", "04", "05", "08", "16", "17")
_NEAR = 60  # characters between the trigger and the mission word it speaks of


@dataclass(frozen=True, slots=True)
class MissionChange:
    sender: str
    host: str
    city: str | None
    district: str | None
    kind: str
    status: str
    date: str | None  # YYYY-MM-DD or YYYY-MM of the event
    lat: float | None
    lon: float | None
    event_id: int
    sentence: int


@dataclass(frozen=True, slots=True)
class _Cue:
    pattern: re.Pattern[str]
    status: str
    sender: str  # source | target


@lru_cache(maxsize=1)
def _cues() -> tuple[_Cue, ...]:
    cues = []
    for r in read_tsv("missions/cues.tsv", required=("cue", "status", "sender")):
        words = [re.escape(w).replace(r"\*", r"\w*") for w in r["cue"].split()]
        tail = "" if r["cue"].endswith("*") else r"\b"
        cues.append(_Cue(re.compile(r"\b" + r"\s+".join(words) + tail), r["status"], r["sender"]))
    return tuple(cues)


def reference_digest() -> str:
    """A fingerprint of the bundled reference table, to notice when a newer dyad ships another."""
    from importlib import resources as importlib_resources

    data = importlib_resources.files("dyad.data").joinpath("missions/missions.tsv").read_bytes()
    return hashlib.sha256(data).hexdigest()[:32]


def reference_missions() -> Iterator[dict[str, Any]]:
    for r in read_tsv("missions/missions.tsv", required=("sender", "host")):
        since = r["since"] or None
        yield dict(
            sender=r["sender"],
            host=r["host"],
            city=r["city"] or None,
            district=r["district"] or None,
            kind=r["kind"] or "mission",
            status="open",
            since=since,
            until=None,
            lat=float(r["lat"]) if r["lat"] else None,
            lon=float(r["lon"]) if r["lon"] else None,
            origin="dataset",
            dataset=DATASET,
            ref_status="open",
            ref_since=since,
        )


def mission_changes(
    doc: Document, event_ids: list[int], resources: Resources | None = None
) -> Iterator[MissionChange]:
    """The mission changes a processed document's events report (one per event at most)."""
    resources = resources or default_resources()
    for event, event_id in zip(doc.events, event_ids, strict=True):
        change = _change(doc, event, event_id, resources)
        if change is not None:
            yield change


def _status(event: Event) -> tuple[str, str] | None:
    """(status, which role sends the mission) of an event, or None."""
    trigger = fold(event.trigger.text) if event.trigger else ""
    if event.root in _MISSION_ROOTS:
        for cue in _cues():
            if trigger and cue.pattern.search(trigger):
                return cue.status, cue.sender
    if event.cameo in _CUE_CODES or event.root == "16":
        sentence = fold(event.sentence_text)
        for cue in _cues():
            if cue.pattern.search(sentence):
                return cue.status, cue.sender
    by_code = _STATUS_BY_CODE.get(event.cameo)
    return (by_code[0], "source") if by_code else None


def _mission_word(event: Event) -> str | None:
    """The mission word nearest the event's trigger, if one lies within `_NEAR` characters of it."""
    folded = fold(event.sentence_text)
    best: tuple[int, str] | None = None
    for match in _MISSION_RE.finditer(folded):
        if event.trigger is None:
            return match.group(1)
        gap = max(event.trigger.start - match.end(), match.start() - event.trigger.end, 0)
        if gap <= _NEAR and (best is None or gap < best[0]):
            best = (gap, match.group(1))
    return best[1] if best else None


def _change(doc: Document, event: Event, event_id: int, resources: Resources) -> MissionChange | None:
    if event.mode not in ("factual", "future"):
        return None
    words = _mission_word(event)
    if words is None:
        return None
    found = _status(event)
    if found is None:
        return None
    status, sender_role = found
    if event.mode == "future":
        if status != "opened":
            return None
        status = "planned"
    sender, host = event.source.country, event.target.country
    if sender_role == "target":
        sender, host = host, sender
    loc = event.location or _sentence_place(event.sentence_text, (sender, host), resources)
    if loc is not None and loc.country == sender and loc.country != host and status in ("opened", "planned"):
        # "Venezuela allowed North Korea to open its embassy in Caracas": the mission is in the
        # place's country, whichever role that country plays in the sentence
        sender, host = host, sender
    elif loc is not None and loc.country and loc.country != sender and host in (None, sender):
        # "North Korea opened an embassy in Caracas, its foreign ministry said": the place names the host
        host = loc.country
    if not sender or not host or sender == host:
        return None
    city, lat, lon = _host_city(loc, host, resources)
    district = _district(doc.text, city, host, resources)
    date = (event.date or doc.date or "")[:10] or None
    return MissionChange(
        sender,
        host,
        city,
        district,
        _MISSION_WORDS[words],
        status,
        date,
        lat,
        lon,
        event_id,
        event.sentence,
    )


def _sentence_place(
    sentence: str, countries: tuple[str | None, str | None], resources: Resources
) -> Location | None:
    """The first city or district of these countries that the sentence names (the coder found none)."""
    folded = fold(sentence)
    index = _places_by_country(resources)
    best: tuple[int, Location] | None = None
    for country in countries:
        for name, place in index.get(country or "", ()):
            at = folded.find(name)
            if at < 0 or (best is not None and at >= best[0]):
                continue
            end = at + len(name)
            if (at == 0 or not folded[at - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            ):
                best = (at, Location(place.name, place.country, place.lat, place.lon))
    return best[1] if best else None


@lru_cache(maxsize=4)
def _places_by_country(resources: Resources) -> dict[str, tuple[tuple[str, Any], ...]]:
    """Country -> (folded name, place) of its cities and districts; built once per Resources."""
    index: dict[str, list[tuple[str, Any]]] = {}
    for key, places in resources.places.items():
        for place in places:
            if len(key) >= 4:
                index.setdefault(place.country, []).append((fold(key), place))
    return {country: tuple(items) for country, items in index.items()}


def _host_city(
    loc: Location | None, host: str, resources: Resources
) -> tuple[str | None, float | None, float | None]:
    if loc is not None and loc.country == host:
        place = next((p for p in resources.places.get(fold(loc.name), []) if p.country == host), None)
        if place is not None and place.city_of:  # a district: its city holds the mission
            city = next((p for p in resources.places.get(fold(place.city_of), []) if p.country == host), None)
            return place.city_of, city.lat if city else loc.lat, city.lon if city else loc.lon
        return loc.name, loc.lat, loc.lon
    country = resources.countries.get(host)
    if country and country.capital:
        place = next(
            (p for p in resources.places.get(country.capital.casefold(), []) if p.country == host), None
        )
        return country.capital, place.lat if place else None, place.lon if place else None
    return None, None, None


def _district(text: str, city: str | None, host: str, resources: Resources) -> str | None:
    if not city:
        return None
    candidates = resources.districts.get((city, host), ())
    if not candidates:
        return None
    folded = fold(text)
    return next((p.name for p in candidates if fold(p.name) in folded), None)


def derive(reference: dict[str, Any] | None, changes: list[dict[str, Any]]) -> dict[str, Any]:
    """A mission's status, since and until from its active news changes (oldest first) and reference row.

    News overrides the reference row whatever its date: the reference table is a snapshot, and
    an embassy suspended before it was taken may still be listed in it.
    """
    status = (reference or {}).get("ref_status") or "open"
    since = (reference or {}).get("ref_since")
    until = None
    for change in changes:
        status = change["status"]
        date = (change["date"] or "")[:7] or None
        if status in ("opened", "planned", "relocated"):
            since, until = date or since, None
        elif status in ("closed", "suspended"):
            until = date
    return {"status": status, "since": since, "until": until}
