"""Questions the pages and routes ask of the store, composed from `Store.events` and `Store.missions`.

    dyad_timeline(store, "VEN", "PRK")        # periods with quad-class counts and mean Goldstein
    country_relations(store, "VEN")           # counterparts ranked by recent cooperation / conflict
    latest_events(store, 20)                  # the newest events, newest first

`/api/relations` answers with `dyad.kb.relations` (per month, as `dyad relations` prints it);
the dyad page draws its chart from `dyad_timeline` here, which can also count per day, so a dyad
whose events all fall in one month still gets a readable timeline. Both count the store's
merged events; these functions read nothing but the store's public methods.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from typing import Any

from dyad.store import Store

HALF_LIFE_DAYS = 365.0  # a relation's score halves for each year an event lies before the newest one
MAX_SCAN = 20_000  # events read for one aggregate; the newest are kept when there are more


def actor_key(actor: dict[str, Any]) -> str:
    """The party an actor stands for: its country, else its code (IGOUNO, NGO...)."""
    return str(actor.get("country") or actor.get("code") or "?")


def dyad_events(
    store: Store,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = MAX_SCAN,
    min_confidence: float = 0.0,
    provenance: str | None = None,
) -> list[dict[str, Any]]:
    """Events from a to b and from b to a (at or above `min_confidence`, of `provenance`), oldest first."""
    rows = store.events(source=a, target=b, since=since, until=until, limit=limit, min_confidence=min_confidence,
                        provenance=provenance)
    if a.upper() != b.upper():
        rows += store.events(
            source=b, target=a, since=since, until=until, limit=limit, min_confidence=min_confidence,
            provenance=provenance,
        )
    rows.sort(key=lambda e: (e.get("date") or "", e.get("doc_id") or "", e.get("sentence") or 0))
    return rows


def dyad_timeline(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    events: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The dyad's events per period (month or day): counts per QuadClass, mean Goldstein, direction."""
    a, b = a.upper(), b.upper()
    rows = events if events is not None else dyad_events(store, a, b, since=since, until=until)
    width = 7 if by == "month" else 10
    periods: dict[str, dict[str, Any]] = {}
    for e in rows:
        date = e.get("date")
        if not date or len(date) < width:
            continue
        key = date[:width]
        p = periods.setdefault(
            key,
            {
                "period": key,
                "events": 0,
                "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
                "_g": [],
                "a_to_b": 0,
                "b_to_a": 0,
            },
        )
        p["events"] += 1
        p["quad"][str(e.get("quad"))] = p["quad"].get(str(e.get("quad")), 0) + 1
        p["_g"].append(float(e.get("goldstein") or 0.0))
        src = e["source"]
        if src.get("country") == a or src.get("code") == a:
            p["a_to_b"] += 1
        else:
            p["b_to_a"] += 1
    timeline = []
    for key in sorted(periods):
        p = periods[key]
        g = p.pop("_g")
        p["goldstein"] = round(sum(g) / len(g), 2) if g else None
        timeline.append(p)
    dated = [e for e in rows if e.get("date")]
    coop = sum(1 for e in rows if e.get("quad") in (1, 2))
    conflict = sum(1 for e in rows if e.get("quad") in (3, 4))
    goldstein = [float(e.get("goldstein") or 0.0) for e in rows]
    return {
        "a": a,
        "b": b,
        "by": by,
        "events": len(rows),
        "first": dated[0]["date"] if dated else None,
        "last": dated[-1]["date"] if dated else None,
        "scores": {
            "cooperation": coop,
            "conflict": conflict,
            "goldstein_mean": round(sum(goldstein) / len(goldstein), 2) if goldstein else None,
            "goldstein_recent": _recent_score(rows),
        },
        "timeline": timeline,
    }


def fill_periods(timeline: list[dict[str, Any]], by: str, pad: int = 2) -> list[dict[str, Any]]:
    """The timeline with empty periods between (and `pad` around) the ones that have events, for charts."""
    if not timeline:
        return []
    have = {p["period"]: p for p in timeline}
    first, last = timeline[0]["period"], timeline[-1]["period"]
    keys = _period_range(first, last, by, pad)
    empty = {
        "events": 0,
        "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
        "goldstein": None,
        "a_to_b": 0,
        "b_to_a": 0,
    }
    return [have.get(k) or {"period": k, **empty} for k in keys]


def _period_range(first: str, last: str, by: str, pad: int) -> list[str]:
    if by == "day":
        start = dt.date.fromisoformat(first) - dt.timedelta(days=pad)
        end = dt.date.fromisoformat(last) + dt.timedelta(days=pad)
        return [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)][:2000]
    y, m = int(first[:4]), int(first[5:7])
    ey, em = int(last[:4]), int(last[5:7])
    low, high = y * 12 + m - 1 - pad, ey * 12 + em - 1 + pad
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(low, high + 1)][:2000]


def best_granularity(rows: list[dict[str, Any]]) -> str:
    """'day' when the dated events span two months or less, else 'month'."""
    dates = sorted(e["date"][:10] for e in rows if e.get("date") and len(e["date"]) >= 10)
    if not dates:
        return "month"
    span = (dt.date.fromisoformat(dates[-1]) - dt.date.fromisoformat(dates[0])).days
    return "day" if span <= 62 else "month"


def _recent_score(rows: list[dict[str, Any]]) -> float | None:
    """Goldstein summed with a one-year half-life back from the newest event (> 0 cooperative)."""
    dated = [(e["date"][:10], float(e.get("goldstein") or 0.0)) for e in rows if _is_day(e.get("date"))]
    if not dated:
        return None
    newest = max(dt.date.fromisoformat(d) for d, _ in dated)
    total = 0.0
    for d, g in dated:
        age = (newest - dt.date.fromisoformat(d)).days
        total += g * math.pow(0.5, age / HALF_LIFE_DAYS)
    return round(total, 2)


def _is_day(date: str | None) -> bool:
    if not date or len(date) < 10:
        return False
    try:
        dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    return True


def country_relations(
    store: Store, iso3: str, min_confidence: float = 0.0, provenance: str | None = None
) -> list[dict[str, Any]]:
    """The country's counterparts, each with counts and a recency-weighted score, most active first."""
    iso3 = iso3.upper()
    rows = store.events(source=iso3, limit=MAX_SCAN, min_confidence=min_confidence, provenance=provenance) + (
        store.events(target=iso3, limit=MAX_SCAN, min_confidence=min_confidence, provenance=provenance)
    )
    seen: set[str] = set()
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, str] = {}
    for e in rows:
        ident = _event_ident(e)
        if ident in seen:
            continue
        seen.add(ident)
        src, tgt = actor_key(e["source"]), actor_key(e["target"])
        other, side = (tgt, e["target"]) if src == iso3 else (src, e["source"])
        if other == iso3:
            continue
        groups[other].append(e)
        names.setdefault(other, side.get("name") or other)
    dates = [e["date"][:10] for g in groups.values() for e in g if _is_day(e.get("date"))]
    newest = max((dt.date.fromisoformat(d) for d in dates), default=None)
    out: list[dict[str, Any]] = []
    for other, evs in groups.items():
        weights = [_weight(e, newest) for e in evs]
        coop = sum(w for w, e in zip(weights, evs, strict=True) if e.get("quad") in (1, 2))
        conflict = sum(w for w, e in zip(weights, evs, strict=True) if e.get("quad") in (3, 4))
        out.append(
            {
                "code": other,
                "name": names[other],
                "events": len(evs),
                "cooperation": sum(1 for e in evs if e.get("quad") in (1, 2)),
                "conflict": sum(1 for e in evs if e.get("quad") in (3, 4)),
                "recent_cooperation": round(coop, 2),
                "recent_conflict": round(conflict, 2),
                "goldstein_recent": round(
                    sum(w * float(e.get("goldstein") or 0.0) for w, e in zip(weights, evs, strict=True)), 2
                ),
                "last": max((e.get("date") or "" for e in evs), default="") or None,
            }
        )
    out.sort(key=lambda r: (-(r["recent_cooperation"] + r["recent_conflict"]), r["code"]))
    return out


def _weight(e: dict[str, Any], newest: dt.date | None) -> float:
    if newest is None or not _is_day(e.get("date")):
        return 0.5
    age = (newest - dt.date.fromisoformat(e["date"][:10])).days
    return math.pow(0.5, max(age, 0) / HALF_LIFE_DAYS)


def _event_ident(e: dict[str, Any]) -> str:
    return "|".join(
        str(x)
        for x in (
            e.get("doc_id"),
            e.get("sentence"),
            e["source"].get("code"),
            e["target"].get("code"),
            e.get("cameo"),
            e.get("mode"),
        )
    )


def country_events(
    store: Store, iso3: str, limit: int = 30, min_confidence: float = 0.0, provenance: str | None = None
) -> list[dict[str, Any]]:
    """The country's most recent events (as source or target, at or above `min_confidence`), newest first."""
    rows = _newest(store, limit, min_confidence, provenance, source=iso3) + _newest(
        store, limit, min_confidence, provenance, target=iso3
    )
    unique = {_event_ident(e): e for e in rows}
    return sorted(unique.values(), key=lambda e: e.get("date") or "", reverse=True)[:limit]


def _newest(
    store: Store, limit: int, min_confidence: float, provenance: str | None, **filters: str
) -> list[dict[str, Any]]:
    rows = store.events(
        limit=MAX_SCAN, min_confidence=min_confidence, provenance=provenance, **filters  # type: ignore[arg-type]
    )
    return rows[-limit:]


def latest_events(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The newest stored events by date, newest first (the store lists oldest first, undated last)."""
    window = min(limit * 10, 2000)
    rows = store.events(limit=window, offset=max(_event_count(store) - window, 0))
    dated = sorted((e for e in rows if e.get("date")), key=lambda e: e["date"], reverse=True)
    return (dated or list(reversed(rows)))[:limit]


def _event_count(store: Store) -> int:
    """How many rows `Store.events` lists: merged events where the store merges them, else reports."""
    stats = store.stats()
    return int(stats.get("merged_events", stats["events"]))


def activity(store: Store, limit: int = 2000) -> dict[str, Any]:
    """Who was active in the newest `limit` events: events per party, and the located events."""
    rows = store.events(limit=limit, offset=max(_event_count(store) - limit, 0))
    per_party: Counter[str] = Counter()
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for e in rows:
        for key in {actor_key(e["source"]), actor_key(e["target"])}:
            per_party[key] += 1
        loc = e.get("location") or {}
        if loc.get("lat") is not None and loc.get("lon") is not None:
            spot = (round(float(loc["lat"]), 2), round(float(loc["lon"]), 2))
            entry = places.setdefault(
                spot, {"name": loc.get("name"), "lat": spot[0], "lon": spot[1], "events": 0}
            )
            entry["events"] += 1
    return {"events": len(rows), "parties": dict(per_party.most_common()), "places": list(places.values())}
