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

from sqlalchemy import Connection, bindparam, distinct, func, select, text, update
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


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    return (row["source_code"], row["target_code"], row["cameo"], row["mode"])


def assign_many(conn: Connection, rows: list[dict[str, Any]], now: str, window_days: int) -> list[int]:
    """The cluster of each event row (an existing one within the window, or a new one), in order.

    One query fetches every candidate cluster of the document's events; new clusters are
    created as needed, so two reports in the same document can share one.
    """
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        # Find-or-create must not interleave between writers (SQLite serialises them anyway): one
        # transaction-scoped lock, released at commit, makes concurrent reports share a cluster.
        conn.execute(text("SELECT pg_advisory_xact_lock(7317420)"))
    days = [event_day(r["date"]) for r in rows]
    dated = [d for d in days if d is not None]
    keys = sorted({_key(r) for r in rows})
    candidates: dict[tuple[str, str, str, str], list[tuple[int, str | None]]] = {}
    for start in range(0, len(keys), 100):
        for cid, *key, day, provenance in conn.exec_driver_sql(
            *_candidate_query(conn, keys[start : start + 100], dated, window_days)
        ):
            if provenance == "dyad":  # only dyad's own merge: an imported event keeps its source's counts
                candidates.setdefault(tuple(key), []).append((int(cid), day))
    # existing clusters get their ids; new ones a negative placeholder, shared within the document
    out: list[int] = []
    pending: list[dict[str, Any]] = []
    for row, day in zip(rows, days, strict=True):
        known = candidates.setdefault(_key(row), [])
        found = _nearest(known, day, window_days)
        if found is None:
            pending.append(
                dict(
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
                    first_event_id=None,
                    num_mentions=0,
                    num_sources=0,
                    num_articles=0,
                    first_seen=now,
                )
            )
            found = -len(pending)
            known.append((found, day))
        out.append(found)
    if pending:
        statement = sa_insert(s.event_clusters).returning(s.event_clusters.c.id, sort_by_parameter_order=True)
        ids = [int(r[0]) for r in conn.execute(statement, pending)]
        out = [ids[-cid - 1] if cid < 0 else cid for cid in out]
    return out


def _nearest(known: list[tuple[int, str | None]], day: str | None, window_days: int) -> int | None:
    if day is None:
        return next((cid for cid, d in known if d is None), None)
    target = dt.date.fromisoformat(day)
    near = [(abs((dt.date.fromisoformat(d) - target).days), cid) for cid, d in known if d is not None]
    near = [x for x in near if x[0] <= window_days]
    return min(near)[1] if near else None


def assign(conn: Connection, event_id: int, row: dict[str, Any], now: str, window_days: int) -> int:
    """Put one stored event in its cluster (for events stored before clusters existed)."""
    (found,) = assign_many(conn, [row], now, window_days)
    conn.execute(update(s.events).where(s.events.c.id == event_id).values(cluster_id=found))
    return found


def add_reports(conn: Connection, rows: list[dict[str, Any]], event_ids: list[int], outlet: str | None) -> None:
    """Count one new article's reports into their clusters, without re-reading the clusters.

    For clusters this article had no active report in (a new article, or clusters its earlier
    versions were not in): each gains the article once, its sentences, and its outlet once
    unless another active report came from that outlet. A full `recount` costs a read of every
    report of the cluster, which grows with the store; this costs one index probe a cluster.
    """
    by_cluster: dict[int, list[tuple[dict[str, Any], int]]] = {}
    for row, event_id in zip(rows, event_ids, strict=True):
        by_cluster.setdefault(int(row["cluster_id"]), []).append((row, event_id))
    if not by_cluster:
        return
    e = s.events.c
    ids = sorted(by_cluster)
    known_outlet: set[int] = set()
    if outlet is not None:
        # Whether the outlet reported each cluster before: one EXISTS a cluster, which stops at
        # the first index entry (the new reports have the highest ids, so they are left out).
        first_new = min(event_ids)
        k = s.event_clusters.c
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            earlier = (
                select(e.id)
                .where(e.cluster_id == k.id, e.outlet == outlet, e.active.is_(True), e.id < first_new)
                .exists()
            )
            known_outlet.update(conn.execute(select(k.id).where(k.id.in_(chunk), earlier)).scalars())
    values = [
        {
            "cid": cid,
            "m": sum(max(1, int(row["mentions"])) for row, _ in reports),
            "s": 0 if cid in known_outlet else 1,
            "f": min(event_id for _, event_id in reports),
        }
        for cid, reports in by_cluster.items()
    ]
    c = s.event_clusters.c
    conn.execute(
        update(s.event_clusters)
        .where(c.id == bindparam("cid"))
        .values(
            num_mentions=c.num_mentions + bindparam("m"),
            num_articles=c.num_articles + 1,
            num_sources=c.num_sources + bindparam("s"),
            first_event_id=func.coalesce(c.first_event_id, bindparam("f")),
        ),
        values,
    )


def _candidate_query(
    conn: Connection, keys: list[tuple[str, str, str, str]], dated: list[str], window_days: int
) -> tuple[str, tuple[Any, ...]]:
    """The clusters a document's events may join: one index range a key (and its undated clusters).

    Written as SQL text: building the same filter as SQLAlchemy expressions cost more than running
    it. Each term names a key and a day range, so ix_clusters_key (source, target, cameo, day) is
    read over the window only, however many clusters that key has gathered over the years.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    key = f"source_code = {mark} AND target_code = {mark} AND cameo = {mark} AND mode = {mark}"
    terms: list[str] = []
    params: list[Any] = []
    if dated:
        low, high = _shift(min(dated), -window_days), _shift(max(dated), window_days)
    for a, b, x, m in keys:
        terms.append(f"({key} AND day IS NULL)")
        params += [a, b, x, m]
        if dated:
            terms.append(f"({key} AND day >= {mark} AND day <= {mark})")
            params += [a, b, x, m, low, high]
    # The provenance is read, not filtered on: a filter on it made SQLite pick the provenance index
    # and read every merged event of dyad's (assign_many leaves out the others).
    sql = "SELECT id, source_code, target_code, cameo, mode, day, provenance FROM event_clusters WHERE " + " OR ".join(
        terms
    )
    return sql, tuple(params)


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
        values = []
        for cluster_id, mentions, articles, sources, first in conn.execute(query):
            seen.add(cluster_id)
            values.append(
                {
                    "cid": cluster_id,
                    "m": int(mentions or 0),
                    "a": int(articles),
                    "s": int(sources),
                    "f": int(first),
                }
            )
        if values:
            conn.execute(
                update(s.event_clusters)
                .where(s.event_clusters.c.id == bindparam("cid"))
                .values(
                    num_mentions=bindparam("m"),
                    num_articles=bindparam("a"),
                    num_sources=bindparam("s"),
                    first_event_id=bindparam("f"),
                ),
                values,
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
