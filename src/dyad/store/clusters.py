"""Events de-duplicated across articles, counted the way GDELT counts them.

Two reports are the same event when they share source code, target code, CAMEO code and mode,
and their dates lie within a window (`window_days`, 3 by default) of the cluster's first report.
A cluster counts, over its *active* reports (superseded versions do not count):

    num_mentions   sentences reporting it (an article that repeats it counts each sentence)
    num_articles   distinct articles
    num_sources    distinct outlets (the URL's host; an article without a URL is its own outlet)

The earliest active report stands for the cluster (`first_event_id`): its JSON is what
`Store.events` prints, with the counts added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, select, update
from sqlalchemy import insert as sa_insert

from dyad.store import schema as s

DEFAULT_WINDOW_DAYS = 3


def event_day(date: str | None) -> str | None:
    """The day a date names: "2015-06-23" as is, "2015-06" as its first day, else None."""
    if not date:
        return None
    text = date.strip()[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:size], fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def assign(conn: Connection, event_id: int, row: dict[str, Any], now: str, window_days: int) -> int:
    """Put one stored event in its cluster (an existing one within the window, or a new one)."""
    day = event_day(row["date"])
    key = and_(
        s.event_clusters.c.source_code == row["source_code"],
        s.event_clusters.c.target_code == row["target_code"],
        s.event_clusters.c.cameo == row["cameo"],
        s.event_clusters.c.mode == row["mode"],
    )
    if day is None:
        query = select(s.event_clusters.c.id).where(key, s.event_clusters.c.day.is_(None)).limit(1)
        found = conn.execute(query).scalar()
    else:
        query = select(s.event_clusters.c.id, s.event_clusters.c.day).where(
            key,
            s.event_clusters.c.day >= _shift(day, -window_days),
            s.event_clusters.c.day <= _shift(day, window_days),
        )
        candidates = conn.execute(query).all()
        target = dt.date.fromisoformat(day)
        found = (
            min(candidates, key=lambda c: (abs((dt.date.fromisoformat(c[1]) - target).days), c[0]))[0]
            if candidates
            else None
        )
    if found is None:
        found = conn.execute(
            sa_insert(s.event_clusters).values(
                source_code=row["source_code"],
                target_code=row["target_code"],
                source_country=row["source_country"],
                target_country=row["target_country"],
                cameo=row["cameo"],
                root=row["root"],
                quad=row["quad"],
                goldstein=row["goldstein"],
                mode=row["mode"],
                day=day,
                first_event_id=event_id,
                num_mentions=0,
                num_sources=0,
                num_articles=0,
                first_seen=now,
            )
        ).inserted_primary_key[0]
    conn.execute(update(s.events).where(s.events.c.id == event_id).values(cluster_id=found))
    return int(found)


def recount(conn: Connection, cluster_ids: Iterable[int]) -> None:
    """Recompute the counts and the representative report of these clusters from their active events."""
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        e = s.events.c
        query = (
            select(
                e.cluster_id,
                func.sum(e.mentions),
                func.count(distinct(e.document_id)),
                func.count(distinct(func.coalesce(e.outlet, e.document_id))),
                func.min(e.id),
            )
            .where(e.active.is_(True), e.cluster_id.in_(chunk))
            .group_by(e.cluster_id)
        )
        seen = set()
        for cluster_id, mentions, articles, sources, first in conn.execute(query):
            seen.add(cluster_id)
            conn.execute(
                update(s.event_clusters)
                .where(s.event_clusters.c.id == cluster_id)
                .values(
                    num_mentions=int(mentions or 0),
                    num_articles=int(articles),
                    num_sources=int(sources),
                    first_event_id=int(first),
                )
            )
        empty = [c for c in chunk if c not in seen]
        if empty:
            conn.execute(
                update(s.event_clusters)
                .where(s.event_clusters.c.id.in_(empty))
                .values(num_mentions=0, num_articles=0, num_sources=0, first_event_id=None)
            )


def cluster_pending(conn: Connection, now: str, window_days: int, batch: int = 2000) -> int:
    """Cluster events stored before clusters existed (a migrated store); returns how many."""
    total = 0
    while True:
        rows = (
            conn.execute(
                select(s.events).where(s.events.c.cluster_id.is_(None)).order_by(s.events.c.id).limit(batch)
            )
            .mappings()
            .all()
        )
        if not rows:
            return total
        touched = [assign(conn, r["id"], dict(r), now, window_days) for r in rows]
        recount(conn, touched)
        total += len(rows)
