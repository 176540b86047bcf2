"""What moved: the changes the store records as articles come in, and the questions over them.

    before = snapshot(conn, mission_ids, new=created)    # while writing a document, before and after
    after = snapshot(conn, mission_ids)                  # its missions are derived again
    recorded = record_changes(conn, before, after, reported, source, now)
    list_changes(conn, since="2015-01-01", country="VEN")

Kinds (each change is recorded once, by its `key`, however many articles report it):

    mission opened      a mission the news reports opened (or relocated to a city) that was not
                        operating before: unknown, planned, closed or suspended
    mission closed      a mission the news reports closed or suspended that was operating (or unknown)
    relations severed   the two countries' relations, read from their missions' statuses, went from
                        operating to severed: every mission either keeps in the other is closed or
                        suspended, or one carries the status "relations severed"
    relations restored  from severed to operating again: one of their missions reopened
    goldstein break     a dyad's monthly mean Goldstein score broke from its previous 12 months
                        (store/breaks.py)

A mission change is recorded only when the article being written reported that status for that
mission, and a relations change only when it reported a closing (severed) or an opening (restored)
between the two, so a correction that withdraws a report does not read as news. `relations_state` derives
a dyad's relations from the mission statuses that exist today; `record_changes` is the one place
that turns a before and an after into changes, to extend when the store keeps a relations record
per dyad.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from dyad.resources import default_resources
from dyad.store import schema as s
from dyad.store.clusters import event_day

OPERATING = ("open", "opened", "relocated", "ambassador expelled", "ambassador recalled")
NOT_OPERATING = ("closed", "suspended", "relations severed")


@dataclass(frozen=True, slots=True)
class Mission:
    id: int
    sender: str
    host: str
    city: str | None
    kind: str
    status: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Missions and, for each pair of countries they join, the statuses of all the pair's missions."""

    missions: Mapping[int, Mission] = field(default_factory=dict)
    pairs: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reported:
    """What the article being written said of a mission: its status, the date and the sentence."""

    status: str
    date: str | None
    sentence: int


@dataclass(frozen=True, slots=True)
class Source:
    doc_id: str
    url: str | None


def pair(a: str, b: str) -> tuple[str, str]:
    """A dyad without direction: its two countries in alphabetical order."""
    return (a, b) if a <= b else (b, a)


def snapshot(conn: Connection, mission_ids: Iterable[int], new: Iterable[int] = ()) -> Snapshot:
    """The missions (leaving out `new` ones: they did not exist before) and their pairs' statuses."""
    ids = sorted(set(mission_ids) - set(new))
    absent = set(new)
    if not ids and not absent:
        return Snapshot()
    m = s.missions.c
    missions: dict[int, Mission] = {}
    for start in range(0, len(ids), 500):
        for row in conn.execute(
            select(m.id, m.sender, m.host, m.city, m.kind, m.status).where(m.id.in_(ids[start : start + 500]))
        ):
            missions[int(row[0])] = Mission(int(row[0]), row[1], row[2], row[3], row[4], row[5])
    pairs_wanted = {pair(x.sender, x.host) for x in missions.values()}
    for sender, host in conn.execute(select(m.sender, m.host).where(m.id.in_(sorted(absent)))) if absent else ():
        pairs_wanted.add(pair(sender, host))
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    for a, b in sorted(pairs_wanted):
        query = select(m.id, m.status).where(
            or_(and_(m.sender == a, m.host == b), and_(m.sender == b, m.host == a))
        )
        pairs[(a, b)] = tuple(status for mid, status in conn.execute(query) if mid not in absent)
    return Snapshot(missions, pairs)


def mission_change(before: str | None, after: str | None, reported: str | None) -> str | None:
    """The kind of change a mission went through, if the article reported its new status."""
    if after is None or reported is None or after != reported:
        return None
    if after in ("opened", "relocated") and before not in OPERATING:
        return "mission opened"
    if after in NOT_OPERATING and before not in NOT_OPERATING:
        return "mission closed"
    return None


def relations_state(statuses: Iterable[str]) -> str:
    """A dyad's relations from its missions' statuses: operating, severed, or none known."""
    found = set(statuses)
    if "relations severed" in found:
        return "severed"
    if found & set(OPERATING):
        return "operating"
    if found & set(NOT_OPERATING):
        return "severed"
    return "none"


def relations_change(before: str, after: str) -> str | None:
    if after == "severed" and before != "severed":
        return "relations severed"
    if before == "severed" and after == "operating":
        return "relations restored"
    return None


def record_changes(
    conn: Connection,
    before: Snapshot,
    after: Snapshot,
    reported: Mapping[int, Sequence[Reported]],
    source: Source,
    now: str,
) -> list[dict[str, Any]]:
    """Record what moved between two snapshots taken around one article's write; returns the new changes."""
    names = default_resources()
    found: list[dict[str, Any]] = []
    for mission_id, mission in sorted(after.missions.items()):
        # what the article said of this mission last that is its status now
        said = next((r for r in reversed(reported.get(mission_id, ())) if r.status == mission.status), None)
        old = before.missions.get(mission_id)
        kind = mission_change(old.status if old else None, mission.status, said.status if said else None)
        if kind is None or said is None:
            continue
        day = event_day(said.date)
        verb = "opened" if kind == "mission opened" else mission.status
        found.append(
            change(
                kind,
                mission.sender,
                mission.host,
                day,
                f"{_name(names, mission.sender)} {verb} its {mission.kind} in "
                f"{mission.city or '?'}, {_name(names, mission.host)}",
                {"mission": {"sender": mission.sender, "host": mission.host, "city": mission.city,
                             "kind": mission.kind, "status": mission.status,
                             "before": old.status if old else None}},
                [{"doc_id": source.doc_id, "url": source.url, "sentence": said.sentence}],
                key=f"mission:{mission.sender}:{mission.host}:{mission.city}:{mission.kind}:{kind}:{day}",
            )
        )
    dated = [event_day(r.date) for said in reported.values() for r in said if r.date]
    day = max((d for d in dated if d), default=None)
    said_of_pair: dict[tuple[str, str], set[str]] = {}
    for mission_id, said_here in reported.items():
        known = after.missions.get(mission_id)
        if known is not None:
            said_of_pair.setdefault(pair(known.sender, known.host), set()).update(r.status for r in said_here)
    for (a, b), statuses in sorted(after.pairs.items()):
        old_state = relations_state(before.pairs.get((a, b), ()))
        new_state = relations_state(statuses)
        kind = relations_change(old_state, new_state)
        # as for missions: only what the article reported moves relations (not a withdrawn report)
        cause = NOT_OPERATING if new_state == "severed" else ("opened", "relocated")
        if kind is None or not said_of_pair.get((a, b), set()) & set(cause):
            continue
        found.append(
            change(
                kind,
                a,
                b,
                day,
                f"{_name(names, a)} and {_name(names, b)}: {kind}",
                {"relations": {"before": old_state, "after": new_state, "statuses": sorted(statuses)}},
                [{"doc_id": source.doc_id, "url": source.url}],
                key=f"relations:{a}:{b}:{kind}:{day}",
            )
        )
    return insert_changes(conn, found, now)


def change(
    kind: str,
    a: str,
    b: str | None,
    day: str | None,
    summary: str,
    details: dict[str, Any],
    sources: list[dict[str, Any]],
    *,
    key: str,
    provenance: str = "dyad",
) -> dict[str, Any]:
    """A change as the API shows it (without the id and time it gets when recorded)."""
    return {"kind": kind, "countries": [c for c in (a, b) if c], "day": day, "provenance": provenance,
            "summary": summary, "details": details, "sources": sources, "key": key}


def insert_changes(conn: Connection, found: list[dict[str, Any]], now: str) -> list[dict[str, Any]]:
    """Record changes not recorded before (by key); returns them with their id and time."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    recorded = []
    for item in found:
        payload = {k: v for k, v in item.items() if k != "key"}
        countries = item["countries"]
        statement = (
            dialect.insert(s.changes)
            .values(
                key=item["key"][:300],
                kind=item["kind"],
                a=countries[0],
                b=countries[1] if len(countries) > 1 else None,
                day=item["day"],
                recorded_at=now,
                provenance=item["provenance"],
                summary=item["summary"],
                payload=json.dumps(payload, ensure_ascii=False),
            )
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(s.changes.c.id)
        )
        new_id = conn.execute(statement).scalar()
        if new_id is not None:
            recorded.append({"id": int(new_id), "recorded_at": now, **payload})
    return recorded


def list_changes(
    conn: Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Recorded changes, the latest (by the day they happened, then by when recorded) first."""
    c = s.changes.c
    query = select(c.id, c.recorded_at, c.payload).order_by(func.coalesce(c.day, "").desc(), c.id.desc())
    if since:
        query = query.where(c.day >= since)
    if until:
        query = query.where(c.day <= until + "\uffff")
    if country:
        query = query.where(or_(c.a == country.upper(), c.b == country.upper()))
    if kind:
        query = query.where(c.kind == kind)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [{"id": int(i), "recorded_at": at, **json.loads(p)} for i, at, p in conn.execute(query)]


def _name(names: Any, iso3: str) -> str:
    return f"{names.country_name(iso3) or iso3} ({iso3})"
