"""Writing one document into the store: its version, mentions, findings, events, clusters, missions.

    with engine.begin() as conn:
        result = write_document(conn, identity, doc, window_days=3)

Everything happens in the caller's transaction. Re-adding the same content is a no-op; new
content under the same identity is a new version: the old versions' events turn inactive, their
clusters are recounted, and the mission and relation changes they said turn inactive: the missions
they spoke for are derived again (store/changes.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, and_, insert, select, update

from dyad.doc import Document
from dyad.errors import StoreError
from dyad.store import changes, clusters
from dyad.store import schema as s
from dyad.store.reports import (
    learn_missions,
    learn_relations,
    now_utc,
    refresh_mission,
    replay_mission,
    retire_version_changes,
)

__all__ = ["AddResult", "now_utc", "outlet_of", "refresh_mission", "replay_mission", "write_document"]


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
        touched_clusters.update(
            c
            for c in conn.execute(
                select(s.events.c.cluster_id).where(
                    s.events.c.version_id.in_(old_ids), s.events.c.active.is_(True)
                )
            ).scalars()
            if c is not None
        )
        touched_missions.update(retire_version_changes(conn, identity))
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
    touched_missions.update(learn_missions(conn, identity, version_id, doc, created=created, reported=reported))
    touched_missions.update(learn_relations(conn, identity, version_id, doc))
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


def _new_id(key: Any) -> int:
    """The id of the row an INSERT just wrote."""
    if not key:
        raise StoreError("the database did not return the new row's id")
    return int(key[0])
