"""Events that come from elsewhere (GDELT's exports), written beside dyad's own.

    version_id = import_version(conn, "gdelt", "20150218230000.export.CSV.zip")
    written = write_imported(conn, events, provenance="gdelt", version_id=version_id)

An imported event is already a merged event: its source counted its mentions, sources and
articles. Each becomes one report (`events`) and one merged event (`event_clusters`) of its own
provenance, with the source's counts and its id (`external_id`, GDELT's GlobalEventID); dyad's
merging never joins them with dyad's reports (store/clusters.py looks at provenance "dyad" only).
An id already stored under the same provenance is skipped, so importing a file twice adds nothing.

The reports hang off one placeholder document per provenance ("gdelt"), with one version per
imported file (its name): `documents` and `stats` leave it out. A report's `document_id` is
"gdelt:" and the canonical URL of the article the source coded it from, which is how
`dyad compare` finds the articles both sides coded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from dyad.store import schema as s


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One event as its source published it, with dyad's codes (ISO countries) already in place."""

    external_id: str
    url: str | None  # the article the source coded it from (GDELT's SOURCEURL)
    document_id: str  # "gdelt:" + the URL's canonical form (or + the id when there is no URL)
    source_code: str
    source_country: str | None
    target_code: str
    target_country: str | None
    cameo: str
    root: str
    quad: int
    penta: int
    goldstein: float
    date: str | None  # YYYY-MM-DD
    location_name: str | None
    location_country: str | None
    num_mentions: int
    num_sources: int
    num_articles: int
    first_seen: str  # when the source first saw it (GDELT's DATEADDED), ISO 8601
    outlet: str | None
    payload: dict[str, Any]  # the contract's event object, with "provenance" and the source's fields


def import_version(conn: Connection, provenance: str, label: str, now: str) -> int:
    """The version (one per imported file, by its name) that imported reports of `provenance` hang off."""
    d, v = s.documents.c, s.versions.c
    digest = hashlib.sha256(label.encode("utf-8", "surrogatepass")).hexdigest()
    found = conn.execute(select(v.id).where(v.document_id == provenance, v.content_hash == digest)).scalar()
    if found is not None:
        return int(found)
    current = conn.execute(select(d.current_version).where(d.id == provenance)).scalar()
    if current is None:
        number = 1
        conn.execute(
            insert(s.documents).values(
                id=provenance,
                url=None,
                title=f"events imported from {provenance}",
                first_seen=now,
                current_version=1,
                provenance=provenance,
            )
        )
    else:
        number = int(current) + 1
        conn.execute(update(s.documents).where(d.id == provenance).values(current_version=number))
    key = conn.execute(
        insert(s.versions).values(
            document_id=provenance,
            version=number,
            content_hash=digest,
            text=label,
            title=label,
            coded=True,
            ingested_at=now,
        )
    ).inserted_primary_key
    return int(key[0]) if key else 0


def write_imported(
    conn: Connection, events: Sequence[ImportedEvent], *, provenance: str, version_id: int
) -> int:
    """Write the events whose ids this provenance does not hold yet; returns how many were new."""
    c = s.event_clusters.c
    wanted: dict[str, ImportedEvent] = {}
    for event in events:
        wanted.setdefault(event.external_id, event)  # a file that repeats a row holds one event
    ids = list(wanted)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        for known in conn.execute(
            select(c.external_id).where(c.provenance == provenance, c.external_id.in_(chunk))
        ).scalars():
            wanted.pop(known, None)
    fresh = list(wanted.values())
    if not fresh:
        return 0
    # SQL text and DB-API parameters: building a million rows through SQLAlchemy's statement
    # compiler cost more than writing them (the approach of clusters._candidate_query). The text
    # holds only the constant column lists and placeholders; every value is a bound parameter.
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cluster_ids: dict[str, int] = {}
    for start in range(0, len(fresh), 500):
        part = fresh[start : start + 500]
        params = tuple(v for e in part for v in _cluster_values(e, provenance))
        statement = _insert_sql("event_clusters", _CLUSTER_COLUMNS, len(part), mark, _RETURNING)
        rows = conn.exec_driver_sql(statement, params)
        cluster_ids.update((str(ext), int(cid)) for cid, ext in rows)
    conn.exec_driver_sql(
        _insert_sql("events", _EVENT_COLUMNS, 1, mark),
        [_event_values(e, provenance, version_id, cluster_ids[e.external_id]) for e in fresh],
    )
    # Each imported merged event has exactly one report: point it there, a chunk at a time.
    c = s.event_clusters.c
    first = select(func.min(s.events.c.id)).where(s.events.c.cluster_id == c.id).scalar_subquery()
    new_ids = sorted(cluster_ids.values())
    for start in range(0, len(new_ids), 1000):
        conn.execute(
            update(s.event_clusters)
            .where(c.id.in_(bindparam("ids", expanding=True)))
            .values(first_event_id=first),
            {"ids": new_ids[start : start + 1000]},
        )
    return len(fresh)


_RETURNING = " RETURNING id, external_id"


def _insert_sql(table: str, columns: tuple[str, ...], rows: int, mark: str, tail: str = "") -> str:
    """INSERT INTO table (columns) VALUES (placeholders) for `rows` rows: names and marks only."""
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * rows) + tail


_CLUSTER_COLUMNS = (
    "source_code", "target_code", "source_country", "target_country", "cameo", "root", "quad", "goldstein",
    "mode", "day", "num_mentions", "num_sources", "num_articles", "first_seen", "provenance", "external_id",
)
_EVENT_COLUMNS = (
    "version_id", "document_id", "active", "sentence", "source_code", "source_country", "target_code",
    "target_country", "cameo", "root", "quad", "penta", "goldstein", "mode", "confidence", "date",
    "location_name", "location_country", "payload", "mentions", "outlet", "cluster_id", "provenance",
)


def _cluster_values(e: ImportedEvent, provenance: str) -> tuple[Any, ...]:
    return (e.source_code, e.target_code, e.source_country, e.target_country, e.cameo, e.root, e.quad,
            e.goldstein, "factual", e.date, e.num_mentions, e.num_sources, e.num_articles, e.first_seen,
            provenance, e.external_id)


def _event_values(e: ImportedEvent, provenance: str, version_id: int, cluster_id: int) -> tuple[Any, ...]:
    return (version_id, e.document_id, True, int(e.payload.get("sentence", 0)), e.source_code, e.source_country,
            e.target_code, e.target_country, e.cameo, e.root, e.quad, e.penta, e.goldstein, "factual",
            float(e.payload.get("confidence", 1.0)), e.date, e.location_name, e.location_country,
            json.dumps(e.payload, ensure_ascii=False), max(1, e.num_mentions), e.outlet, cluster_id, provenance)
