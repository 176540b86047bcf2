"""Writing one document into the store: its version, mentions, findings, events, clusters, missions.

    with engine.begin() as conn:
        result = write_document(conn, identity, doc, window_days=3)

Everything happens in the caller's transaction. Re-adding the same content is a no-op; new
content under the same identity is a new version: the old versions' events turn inactive, their
clusters are recounted and the missions they spoke for are derived again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from dyad.doc import Document
from dyad.errors import StoreError
from dyad.store import changes, clusters
from dyad.store import schema as s
from dyad.store.missions import MissionChange, derive, mission_changes


@dataclass(frozen=True, slots=True)
class AddResult:
    id: str
    version: int
    status: str  # new | updated | unchanged
    events: int
    # (country, country, YYYY-MM) of the document's events between two countries, in alphabetical
    # order: the dyad-months whose Goldstein scores may have broken (store/breaks.py)
    months: frozenset[tuple[str, str, str]] = frozenset()
    changes: tuple[dict[str, Any], ...] = ()  # the changes this document made (store/changes.py)


def outlet_of(url: str | None) -> str | None:
    """The publisher of a URL: its host, lower-cased, without "www." (None for no URL or a file)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_document(conn: Connection, identity: str, doc: Document, *, window_days: int) -> AddResult:
    """Write one processed document (in the caller's transaction): new article, new version, or nothing."""
    digest = doc.content_hash
    outlet = outlet_of(doc.url)
    now = now_utc()
    current = conn.execute(select(s.documents).where(s.documents.c.id == identity)).mappings().first()
    touched_clusters: set[int] = set()
    touched_missions: set[int] = set()
    if current is not None:
        same = conn.execute(
            select(s.versions.c.version).where(
                and_(s.versions.c.document_id == identity, s.versions.c.content_hash == digest)
            )
        ).first()
        if same is not None:
            return AddResult(identity, int(same[0]), "unchanged", 0)
        number = int(current["current_version"]) + 1
        old_ids = [
            r[0] for r in conn.execute(select(s.versions.c.id).where(s.versions.c.document_id == identity))
        ]
        old_events = select(s.events.c.id).where(s.events.c.version_id.in_(old_ids))
        touched_clusters.update(
            c
            for c in conn.execute(
                select(s.events.c.cluster_id).where(
                    s.events.c.version_id.in_(old_ids), s.events.c.active.is_(True)
                )
            ).scalars()
            if c is not None
        )
        touched_missions.update(
            conn.execute(
                select(s.mission_sources.c.mission_id).where(s.mission_sources.c.event_id.in_(old_events))
            ).scalars()
        )
        conn.execute(update(s.events).where(s.events.c.version_id.in_(old_ids)).values(active=False))
        conn.execute(
            update(s.documents)
            .where(s.documents.c.id == identity)
            .values(current_version=number, title=doc.title or current["title"])
        )
        status = "updated"
    else:
        number = 1
        conn.execute(
            insert(s.documents).values(
                id=identity,
                url=doc.url,
                title=doc.title,
                first_seen=now,
                current_version=1,
                outlet=outlet,
            )
        )
        status = "new"
    version_id = _new_id(
        conn.execute(
            insert(s.versions).values(
                document_id=identity,
                version=number,
                content_hash=digest,
                text=doc.text,
                html=doc.html,
                title=doc.title,
                date=doc.date,
                modified=doc.modified,
                lang=doc.lang,
                home_country=doc.home_country,
                coded=doc.coded,
                ingested_at=now,
            )
        ).inserted_primary_key
    )
    if doc.mentions:
        conn.execute(
            insert(s.mentions),
            [
                dict(
                    version_id=version_id,
                    sentence=m.sentence,
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    code=m.code,
                    country=m.country,
                    sector=m.sector,
                    name=m.name,
                    kind=m.kind,
                )
                for m in doc.mentions
            ],
        )
    if doc.findings:
        conn.execute(
            insert(s.findings),
            [
                dict(
                    version_id=version_id,
                    kind=f.kind,
                    severity=f.severity,
                    start=f.start,
                    end=f.end,
                    says=f.says,
                    context=f.context,
                    payload=json.dumps(f.to_dict(), ensure_ascii=False),
                )
                for f in doc.findings
            ],
        )
    rows: list[dict[str, Any]] = []
    for e in doc.events:
        payload = e.to_dict()
        payload["doc_id"] = identity
        if doc.url:
            payload["url"] = doc.url
        row = dict(
            version_id=version_id,
            document_id=identity,
            active=True,
            sentence=e.sentence,
            source_code=e.source.code,
            source_country=e.source.country,
            target_code=e.target.code,
            target_country=e.target.country,
            cameo=e.cameo,
            root=e.root,
            quad=e.quad,
            penta=e.penta,
            goldstein=e.goldstein,
            mode=e.mode,
            confidence=e.confidence,
            date=e.date or doc.date,
            location_name=e.location.name if e.location else None,
            location_country=e.location.country if e.location else None,
            payload=json.dumps(payload, ensure_ascii=False),
            mentions=max(1, e.mentions),
            outlet=outlet,
        )
        rows.append(row)
    for row, cluster_id in zip(rows, clusters.assign_many(conn, rows, now, window_days), strict=True):
        row["cluster_id"] = cluster_id
    event_ids: list[int] = []
    if rows:
        inserted = conn.execute(insert(s.events).returning(s.events.c.id, sort_by_parameter_order=True), rows)
        event_ids = [int(r[0]) for r in inserted]
    # Clusters an earlier version reported in are counted afresh; the others take the new
    # reports as increments (a full count reads every report of a cluster: slow in a large store).
    fresh = [(row, event_id) for row, event_id in zip(rows, event_ids, strict=True)
             if row["cluster_id"] not in touched_clusters]
    clusters.add_reports(conn, [r for r, _ in fresh], [i for _, i in fresh], outlet)
    fresh_ids = {int(row["cluster_id"]) for row, _ in fresh}
    touched_clusters.update(int(row["cluster_id"]) for row in rows)
    clusters.recount(conn, touched_clusters - fresh_ids)
    created: set[int] = set()
    reported: dict[int, list[changes.Reported]] = {}
    touched_missions.update(learn_missions(conn, identity, doc, event_ids, created=created, reported=reported))
    before = changes.snapshot(conn, touched_missions, new=created)
    for mission_id in sorted(touched_missions):
        refresh_mission(conn, mission_id, now)
    recorded: list[dict[str, Any]] = []
    if touched_missions:
        after = changes.snapshot(conn, touched_missions)
        recorded = changes.record_changes(conn, before, after, reported, changes.Source(identity, doc.url), now)
    months = frozenset(
        (*changes.pair(r["source_country"], r["target_country"]), r["date"][:7])
        for r in rows
        if r["source_country"] and r["target_country"] and r["source_country"] != r["target_country"]
        and r["date"] and len(r["date"]) >= 7
    )
    return AddResult(identity, number, status, len(doc.events), months, tuple(recorded))


def learn_missions(
    conn: Connection,
    identity: str,
    doc: Document,
    event_ids: list[int],
    *,
    created: set[int] | None = None,
    reported: dict[int, list[changes.Reported]] | None = None,
) -> set[int]:
    """Record what the document's events say of missions; returns the missions concerned (and adds
    the ones it created to `created`, and what it said of each to `reported`)."""
    touched: set[int] = set()
    m = s.missions.c
    for change in mission_changes(doc, event_ids):
        same = and_(m.sender == change.sender, m.host == change.host, m.kind == change.kind)
        row = (
            conn.execute(
                select(s.missions)
                .where(same, or_(m.city == change.city, m.district == change.city))
                .order_by(m.id)
            )
            .mappings()
            .first()
        )
        if row is None and change.city is not None:  # a reference row whose city is unknown
            row = (
                conn.execute(select(s.missions).where(same, m.city.is_(None)).order_by(m.id))
                .mappings()
                .first()
            )
        if row is None:
            mission_id = _new_id(
                conn.execute(
                    insert(s.missions).values(
                        sender=change.sender,
                        host=change.host,
                        city=change.city,
                        district=change.district,
                        kind=change.kind,
                        lat=change.lat,
                        lon=change.lon,
                        origin="news",
                        status=change.status,
                        updated_at=now_utc(),
                    )
                ).inserted_primary_key
            )
            if created is not None:
                created.add(mission_id)
        else:
            mission_id = row["id"]
            if row["city"] is None or (change.district and not row["district"]):
                conn.execute(
                    update(s.missions)
                    .where(m.id == mission_id)
                    .values(city=row["city"] or change.city, district=row["district"] or change.district)
                )
        _add_source(conn, mission_id, change, identity, doc.url, change.status)
        touched.add(mission_id)
        _said(reported, mission_id, change, change.status)
        if change.status == "relocated":  # the mission left its other cities in the host country
            for other in conn.execute(select(m.id).where(same, m.city != change.city)).scalars():
                _add_source(conn, other, change, identity, doc.url, "closed")
                touched.add(other)
                _said(reported, other, change, "closed")
    return touched


def _said(
    reported: dict[int, list[changes.Reported]] | None, mission_id: int, change: MissionChange, status: str
) -> None:
    if reported is not None:
        reported.setdefault(mission_id, []).append(changes.Reported(status, change.date, change.sentence))


def _add_source(
    conn: Connection, mission_id: int, change: Any, identity: str, url: str | None, status: str
) -> None:
    conn.execute(
        insert(s.mission_sources).values(
            mission_id=mission_id,
            event_id=change.event_id,
            document_id=identity,
            url=url,
            sentence=change.sentence,
            status=status,
            date=change.date,
        )
    )


_OPENING = ("opened", "planned", "relocated")
_CLOSING = ("closed", "suspended")


def _latest_change(
    conn: Connection, mission_id: int, statuses: tuple[str, ...] = (), after: tuple[str, int] | None = None
) -> dict[str, Any] | None:
    """The mission's latest active change (by date, then write order), of these statuses, after a point."""
    ms, ev = s.mission_sources.c, s.events.c
    day = func.coalesce(ms.date, "")
    query = select(ms.id, ms.status, ms.date).join(s.events, ev.id == ms.event_id).where(
        ms.mission_id == mission_id, ev.active.is_(True)
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
    last = _latest_change(conn, mission_id)
    if last is None and row["origin"] == "news":
        ms = s.mission_sources.c
        conn.execute(delete(s.mission_sources).where(ms.mission_id == mission_id))
        conn.execute(delete(s.missions).where(s.missions.c.id == mission_id))
        return
    reference = dict(row) if row["origin"] == "dataset" else None
    if last is None:
        values = derive(reference, [])
    else:
        opening = _latest_change(conn, mission_id, _OPENING)
        if opening is not None and not opening["date"]:
            values = derive(reference, _history(conn, mission_id))
        else:
            after = (opening["date"] or "", opening["id"]) if opening is not None else None
            closing = _latest_change(conn, mission_id, _CLOSING, after)
            values = derive(reference, [c for c in (opening, closing) if c is not None])
            values["status"] = last["status"]
    conn.execute(update(s.missions).where(s.missions.c.id == mission_id).values(updated_at=now, **values))


def _history(conn: Connection, mission_id: int) -> list[dict[str, Any]]:
    """All of a mission's active changes, oldest first (ties in write order)."""
    ms, ev = s.mission_sources.c, s.events.c
    query = (
        select(ms.status, ms.date)
        .join(s.events, ev.id == ms.event_id)
        .where(ms.mission_id == mission_id, ev.active.is_(True))
        .order_by(func.coalesce(ms.date, ""), ms.id)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def replay_mission(conn: Connection, mission_id: int) -> dict[str, Any] | None:
    """What `derive` makes of the mission's whole history (the reference for `refresh_mission`)."""
    row = conn.execute(select(s.missions).where(s.missions.c.id == mission_id)).mappings().first()
    if row is None:
        return None
    return derive(dict(row) if row["origin"] == "dataset" else None, _history(conn, mission_id))


def _new_id(key: Any) -> int:
    """The id of the row an INSERT just wrote."""
    if not key:
        raise StoreError("the database did not return the new row's id")
    return int(key[0])
