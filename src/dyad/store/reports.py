"""Writing what an article version says of missions and relations, and deriving each mission's status.

    touched = retire_version_changes(conn, identity)            # a newer version supersedes the older ones
    touched |= learn_missions(conn, identity, version_id, doc)   # the missions stage's news changes
    learn_relations(conn, identity, version_id, doc)
    for mission_id in touched: refresh_mission(conn, mission_id, now)

A change is stored when it is news (done or planned), never when the article gives it as background,
denies it, supposes it or asks. A mission's status is the fold of its active changes by date
(`store.missions.derive`), computed from three indexed lookups (`refresh_mission`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from dyad.doc import Document, MissionChange, RelationChange
from dyad.errors import StoreError
from dyad.store import schema as s
from dyad.store.changes import Reported
from dyad.store.missions import INACTIVE, OPENING, OPENING_PLANS, derive, kinds_of

_CLOSING = (*INACTIVE,)
# After a restoration of relations, a mission in one of these states is to reopen (a planned reopening).
_DORMANT = (*INACTIVE, "ambassador recalled", "ambassador expelled")


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def retire_version_changes(conn: Connection, identity: str) -> set[int]:
    """Mark every stored change of an article inactive (a new version arrives); returns the missions concerned."""
    ms = s.mission_sources.c
    touched = set(conn.execute(select(ms.mission_id).where(ms.document_id == identity, ms.active.is_(True))).scalars())
    conn.execute(update(s.mission_sources).where(ms.document_id == identity).values(active=False))
    rc = s.relation_changes.c
    conn.execute(update(s.relation_changes).where(rc.document_id == identity).values(active=False))
    return touched


def _sentence_text(doc: Document, index: int) -> str | None:
    return doc.sentences[index].text if 0 <= index < len(doc.sentences) else None


def learn_missions(
    conn: Connection,
    identity: str,
    version_id: int,
    doc: Document,
    *,
    created: set[int] | None = None,
    reported: dict[int, list[Reported]] | None = None,
) -> set[int]:
    """Record the document's news mission changes; returns the missions concerned (and adds the
    ones it created to `created`, and what the article said of each to `reported`, for the
    changes feed: store/changes.py)."""
    touched: set[int] = set()
    for change in doc.missions:
        if not change.news:
            continue
        mission_id, new = _mission_row(conn, change)
        if new and created is not None:
            created.add(mission_id)
        _add_source(conn, mission_id, change, identity, version_id, doc, change.status)
        touched.add(mission_id)
        _said(reported, mission_id, change, change.status)
        if change.status == "relocated":  # the mission left its other cities in the host country
            m = s.missions.c
            same = and_(m.sender == change.sender, m.host == change.host, m.kind.in_(kinds_of(change.kind)))
            for other in conn.execute(select(m.id).where(same, m.id != mission_id)).scalars():
                _add_source(conn, other, change, identity, version_id, doc, "closed")
                touched.add(other)
                _said(reported, other, change, "closed")
    return touched


def _said(reported: dict[int, list[Reported]] | None, mission_id: int, change: MissionChange, status: str) -> None:
    if reported is not None:
        reported.setdefault(mission_id, []).append(Reported(status, change.date, change.sentence))


def _mission_row(conn: Connection, change: MissionChange) -> tuple[int, bool]:
    """The stored mission a change speaks of (in its city, else the one mission of that sender there),
    or a new one; and whether it is new."""
    m = s.missions.c
    same = and_(m.sender == change.sender, m.host == change.host, m.kind.in_(kinds_of(change.kind)))
    row = None
    if change.city is not None:
        row = (
            conn.execute(
                select(s.missions).where(same, or_(m.city == change.city, m.district == change.city)).order_by(m.id)
            )
            .mappings()
            .first()
        )
        if row is None:  # a reference row whose city is unknown
            row = conn.execute(select(s.missions).where(same, m.city.is_(None)).order_by(m.id)).mappings().first()
    else:
        rows = conn.execute(select(s.missions).where(same).order_by(m.id)).mappings().all()
        capital = _capital(conn, change.host)
        row = next((r for r in rows if r["city"] == capital), rows[0] if rows else None)
    if row is not None:
        if (row["city"] is None and change.city) or (change.district and not row["district"]):
            values = {"city": row["city"] or change.city, "district": row["district"] or change.district}
            conn.execute(update(s.missions).where(m.id == row["id"]).values(**values))
        return int(row["id"]), False
    city = change.city or (_capital(conn, change.host) if change.kind == "embassy" else None)
    lat, lon = _point(city, change.host)
    new_id = _new_id(
        conn.execute(
            insert(s.missions).values(
                sender=change.sender,
                host=change.host,
                city=city,
                district=change.district if city == change.city else None,
                kind=change.kind,
                lat=lat,
                lon=lon,
                origin="news",
                status=change.status,
                updated_at=now_utc(),
            )
        ).inserted_primary_key
    )
    return new_id, True


def _capital(conn: Connection, host: str) -> str | None:
    from dyad.resources import default_resources

    country = default_resources().countries.get(host)
    return country.capital if country and country.capital else None


def _point(city: str | None, host: str) -> tuple[float | None, float | None]:
    if not city:
        return None, None
    from dyad.resources import default_resources

    place = next((p for p in default_resources().places.get(city.casefold(), []) if p.country == host), None)
    return (place.lat, place.lon) if place else (None, None)


def _add_source(
    conn: Connection, mission_id: int, change: MissionChange, identity: str, version_id: int, doc: Document, status: str
) -> None:
    conn.execute(
        insert(s.mission_sources).values(
            mission_id=mission_id,
            event_id=None,
            document_id=identity,
            url=doc.url,
            sentence=change.sentence,
            status=status,
            date=change.date,
            version_id=version_id,
            active=True,
            plan=change.plan if status == change.status else None,
            mode=change.mode,
            trigger=change.trigger.text,
            rule=change.rule if status == change.status else f"the mission moved to {change.city}; {change.rule}",
            sentence_text=_sentence_text(doc, change.sentence),
            from_city=change.from_city,
        )
    )


def learn_relations(conn: Connection, identity: str, version_id: int, doc: Document) -> set[int]:
    """Record the document's news relation changes; a restoration plans the reopening of dormant missions.
    Returns the missions concerned."""
    touched: set[int] = set()
    told = {(m.sender, m.host) for m in doc.missions}
    for r in doc.relations:
        if not r.news:
            continue
        conn.execute(
            insert(s.relation_changes).values(
                a=r.a,
                b=r.b,
                change=r.change,
                plan=r.plan,
                previous=r.previous,
                mode=r.mode,
                date=r.date,
                document_id=identity,
                version_id=version_id,
                url=doc.url,
                sentence=r.sentence,
                sentence_text=_sentence_text(doc, r.sentence),
                trigger=r.trigger.text,
                rule=r.rule,
                active=True,
            )
        )
        if "restored" in (r.change, r.plan):
            touched |= _plan_reopenings(conn, r, identity, version_id, doc, told)
    return touched


def _plan_reopenings(
    conn: Connection, r: RelationChange, identity: str, version_id: int, doc: Document, told: set[tuple[str, str]]
) -> set[int]:
    """Each side's dormant mission (closed, severed, its ambassador recalled) is planned to reopen."""
    m = s.missions.c
    touched = set()
    for sender, host in ((r.a, r.b), (r.b, r.a)):
        if (sender, host) in told:
            continue  # the article says what happened to that mission itself
        rows = (
            conn.execute(
                select(m.id).where(
                    m.sender == sender, m.host == host, m.kind.in_(kinds_of("embassy")), m.status.in_(_DORMANT)
                )
            )
            .scalars()
            .all()
        )
        for mission_id in rows:
            change = MissionChange(
                sender,
                host,
                None,
                "embassy",
                "planned",
                r.mode,
                r.date,
                r.sentence,
                r.trigger,
                f"relations restored: the dormant mission is to reopen; {r.rule}",
                plan="opened",
            )
            _add_source(conn, mission_id, change, identity, version_id, doc, "planned")
            touched.add(mission_id)
    return touched


# ------------------------------------------------------------------------------------ a mission's status


def _effective(ms: Any) -> Any:
    """A change that sets the status: not a planned closure (see store.missions.takes_effect)."""
    return or_(ms.status != "planned", ms.plan.is_(None), ms.plan.in_(OPENING_PLANS))


def _latest_change(
    conn: Connection, mission_id: int, statuses: tuple[str, ...] = (), after: tuple[str, int] | None = None
) -> dict[str, Any] | None:
    """The mission's latest active change (by date, then write order), of these statuses, after a point."""
    ms = s.mission_sources.c
    day = func.coalesce(ms.date, "")
    query = select(ms.id, ms.status, ms.date, ms.plan).where(
        ms.mission_id == mission_id, ms.active.is_(True), _effective(ms)
    )
    if statuses:
        query = query.where(ms.status.in_(statuses))
    if after is not None:
        query = query.where(or_(day > after[0], and_(day == after[0], ms.id > after[1])))
    row = conn.execute(query.order_by(day.desc(), ms.id.desc()).limit(1)).mappings().first()
    return dict(row) if row is not None else None


def refresh_mission(conn: Connection, mission_id: int, now: str) -> None:
    """A mission's status from its active news changes (by date), else from the reference row.

    The status is a fold over the changes (`derive`); its result depends only on the last change
    (the status), the last opening (since) and the last closing after it (until), so three
    indexed lookups give it however long the mission's history. An undated last opening keeps
    an earlier since: that case replays the whole history.
    """
    row = conn.execute(select(s.missions).where(s.missions.c.id == mission_id)).mappings().first()
    if row is None:
        return
    ms = s.mission_sources.c
    last = _latest_change(conn, mission_id)
    if last is None and row["origin"] == "news":
        anything = conn.execute(select(ms.id).where(ms.mission_id == mission_id, ms.active.is_(True))).first()
        if anything is None:  # no current article speaks of it: it goes
            conn.execute(delete(s.mission_sources).where(ms.mission_id == mission_id))
            conn.execute(delete(s.missions).where(s.missions.c.id == mission_id))
            return
    reference = dict(row) if row["origin"] == "dataset" else None
    if last is None:
        values = derive(reference, [])
        if row["origin"] == "news":
            values["status"] = "planned"  # only plans that do not take effect yet
    else:
        opening = _latest_change(conn, mission_id, OPENING)
        if opening is not None and not opening["date"]:
            values = derive(reference, history(conn, mission_id))
        else:
            after = (opening["date"] or "", opening["id"]) if opening is not None else None
            closing = _latest_change(conn, mission_id, _CLOSING, after)
            values = derive(reference, [c for c in (opening, closing) if c is not None])
            values["status"] = last["status"]
    conn.execute(update(s.missions).where(s.missions.c.id == mission_id).values(updated_at=now, **values))


def history(conn: Connection, mission_id: int) -> list[dict[str, Any]]:
    """All of a mission's active changes, oldest first (ties in write order)."""
    ms = s.mission_sources.c
    query = (
        select(ms.status, ms.date, ms.plan)
        .where(ms.mission_id == mission_id, ms.active.is_(True))
        .order_by(func.coalesce(ms.date, ""), ms.id)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def replay_mission(conn: Connection, mission_id: int) -> dict[str, Any] | None:
    """What `derive` makes of the mission's whole history (the reference for `refresh_mission`)."""
    row = conn.execute(select(s.missions).where(s.missions.c.id == mission_id)).mappings().first()
    if row is None:
        return None
    values = derive(dict(row) if row["origin"] == "dataset" else None, history(conn, mission_id))
    if row["origin"] == "news" and not any(c for c in history(conn, mission_id) if _takes(c)):
        values["status"] = "planned"
    return values


def _takes(change: dict[str, Any]) -> bool:
    return change["status"] != "planned" or change["plan"] in (None, *OPENING_PLANS)


def _new_id(key: Any) -> int:
    """The id of the row an INSERT just wrote."""
    if not key:
        raise StoreError("the database did not return the new row's id")
    return int(key[0])
