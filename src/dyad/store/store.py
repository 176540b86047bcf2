"""The knowledge base's storage: documents and their versions, events, missions.

    store = Store("sqlite:///dyad.db")          # or "postgresql://user@host/db"
    result = store.add_document(doc)            # doc already run through the pipeline
    store.events(source="PRK", target="VEN")
    store.missions(city="Caracas")

One document is written in one transaction: a crash leaves it fully stored or not at all.
Re-adding the same content is a no-op; new content under the same identity is a new version
whose events supersede the old version's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from dyad.doc import Document
from dyad.errors import StoreError
from dyad.store import clusters
from dyad.store import schema as s
from dyad.store.migrations import migrate
from dyad.store.missions import DATASET, INACTIVE, derive, mission_changes, reference_missions

DEFAULT_URL = "sqlite:///dyad.db"


@dataclass(frozen=True, slots=True)
class AddResult:
    id: str
    version: int
    status: str  # new | updated | unchanged
    events: int


def canonical_url(url: str) -> str:
    """The identity of an article's URL: scheme and host lower-cased, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def document_identity(doc: Document) -> str:
    if doc.url:
        return canonical_url(doc.url)
    return "sha256:" + doc.content_hash[:32]


def outlet_of(url: str | None) -> str | None:
    """The publisher of a URL: its host, lower-cased, without "www." (None for no URL or a file)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """A SQLite or PostgreSQL store, picked by the URL alone."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        seed_missions: bool = True,
        window_days: int = clusters.DEFAULT_WINDOW_DAYS,
    ):
        self.url = url
        self.window_days = window_days
        try:
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
            if seed_missions:
                self.seed_missions()
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(
                f"cannot open the store {self.url!r}: {_short(exc)}; check --db / DYAD_DB"
            ) from exc

    # ------------------------------------------------------------------ set-up
    def _migrate(self) -> None:
        if migrate(self.engine):
            with self.engine.begin() as conn:
                clusters.cluster_pending(conn, _now(), self.window_days)

    def schema_versions(self) -> list[int]:
        """The migrations applied to this store (see store/migrations.py)."""
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(s.schema_migrations.c.version)).scalars())

    def seed_missions(self) -> int:
        """Load the bundled reference missions once (a no-op when they are already there)."""
        with self.engine.begin() as conn:
            if conn.execute(
                select(func.count()).select_from(s.missions).where(s.missions.c.origin == "dataset")
            ).scalar_one():
                return 0
            rows = list(reference_missions())
            if rows:
                conn.execute(insert(s.missions), rows)
            return len(rows)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def add_document(self, doc: Document) -> AddResult:
        """Store a processed document as a new article, a new version, or nothing (same content)."""
        identity = document_identity(doc)
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    return self._add(conn, identity, doc)
            except IntegrityError:
                if attempt == 2:
                    raise StoreError(f"{doc.id}: concurrent writers kept colliding; try again") from None
            except OperationalError as exc:
                if attempt == 2 or "locked" not in str(exc).lower():
                    raise StoreError(f"{doc.id}: cannot write to the store: {_short(exc)}") from exc
        raise StoreError(f"{doc.id}: cannot write to the store")

    def _add(self, conn: Connection, identity: str, doc: Document) -> AddResult:
        digest = doc.content_hash
        outlet = outlet_of(doc.url)
        now = _now()
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
                r[0]
                for r in conn.execute(select(s.versions.c.id).where(s.versions.c.document_id == identity))
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
        version_id = conn.execute(
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
        ).inserted_primary_key[0]
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
        event_ids = []
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
            event_id = conn.execute(insert(s.events).values(**row)).inserted_primary_key[0]
            event_ids.append(event_id)
            touched_clusters.add(clusters.assign(conn, event_id, row, now, self.window_days))
        clusters.recount(conn, touched_clusters)
        touched_missions.update(self._learn_missions(conn, identity, doc, event_ids))
        for mission_id in sorted(touched_missions):
            self._refresh_mission(conn, mission_id, now)
        return AddResult(identity, number, status, len(doc.events))

    def _learn_missions(
        self, conn: Connection, identity: str, doc: Document, event_ids: list[int]
    ) -> set[int]:
        """Record what the document's events say of missions; returns the missions concerned."""
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
                mission_id = conn.execute(
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
                        updated_at=_now(),
                    )
                ).inserted_primary_key[0]
            else:
                mission_id = row["id"]
                if row["city"] is None or (change.district and not row["district"]):
                    conn.execute(
                        update(s.missions)
                        .where(m.id == mission_id)
                        .values(city=row["city"] or change.city, district=row["district"] or change.district)
                    )
            self._add_source(conn, mission_id, change, identity, doc.url, change.status)
            touched.add(mission_id)
            if change.status == "relocated":  # the mission left its other cities in the host country
                for other in conn.execute(select(m.id).where(same, m.city != change.city)).scalars():
                    self._add_source(conn, other, change, identity, doc.url, "closed")
                    touched.add(other)
        return touched

    @staticmethod
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

    def _refresh_mission(self, conn: Connection, mission_id: int, now: str) -> None:
        """A mission's status from its active news changes (by date), else from the reference row."""
        row = conn.execute(select(s.missions).where(s.missions.c.id == mission_id)).mappings().first()
        if row is None:
            return
        ms, ev = s.mission_sources.c, s.events.c
        changes = [
            dict(r)
            for r in conn.execute(
                select(ms.status, ms.date)
                .join(s.events, ev.id == ms.event_id)
                .where(ms.mission_id == mission_id, ev.active.is_(True))
                .order_by(func.coalesce(ms.date, ""), ms.id)
            ).mappings()
        ]
        if not changes and row["origin"] == "news":
            conn.execute(delete(s.mission_sources).where(ms.mission_id == mission_id))
            conn.execute(delete(s.missions).where(s.missions.c.id == mission_id))
            return
        values = derive(dict(row) if row["origin"] == "dataset" else None, changes)
        conn.execute(update(s.missions).where(s.missions.c.id == mission_id).values(updated_at=now, **values))

    # ------------------------------------------------------------------ questions
    def stats(self) -> dict[str, int]:
        """Counts: articles, their versions, active event reports, merged events, missions."""
        with self.engine.connect() as conn:

            def count(table: Any, *where: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

            return {
                "documents": count(s.documents),
                "versions": count(s.versions),
                "events": count(s.events, s.events.c.active.is_(True)),
                "merged_events": count(s.event_clusters, s.event_clusters.c.num_mentions > 0),
                "missions": count(s.missions),
            }

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        document: str | None = None,
        include_superseded: bool = False,
        merged: bool = True,
    ) -> list[dict[str, Any]]:
        """Stored events, oldest first: the contract's JSON objects.

        By default one object per real-world event, merged across articles, with `event_id`,
        `num_mentions`, `num_sources` and `num_articles` added (see store/clusters.py). With
        `merged=False`, a `document`, or `include_superseded`, one object per report instead.
        """
        if not merged or document or include_superseded:
            return self._reports(
                source=source,
                target=target,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
                document=document,
                include_superseded=include_superseded,
            )
        c = s.event_clusters.c
        query = _merged_query().where(c.num_mentions > 0).order_by(func.coalesce(c.day, "9999"), c.id)
        query = _dyad_filter(
            query, c.source_code, c.source_country, c.target_code, c.target_country, source, target
        )
        if since:
            query = query.where(c.day >= since)
        if until:
            query = query.where(c.day <= until + "\uffff")
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as conn:
            return [_merged_dict(r) for r in conn.execute(query).mappings()]

    def _reports(
        self,
        *,
        source: str | None,
        target: str | None,
        since: str | None,
        until: str | None,
        limit: int | None,
        offset: int,
        document: str | None,
        include_superseded: bool,
    ) -> list[dict[str, Any]]:
        e = s.events.c
        query = select(e.payload).order_by(func.coalesce(e.date, "9999"), e.id)
        if not include_superseded:
            query = query.where(e.active.is_(True))
        query = _dyad_filter(
            query, e.source_code, e.source_country, e.target_code, e.target_country, source, target
        )
        if since:
            query = query.where(e.date >= since)
        if until:
            query = query.where(e.date <= until + "\uffff")
        if document:
            query = query.where(e.document_id == document)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.execute(query)]

    def iter_merged_events(self, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every merged event (as `events` prints it, plus `day` and `first_seen`), streamed in id order."""
        c = s.event_clusters.c
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = (
                    conn.execute(
                        _merged_query().where(c.num_mentions > 0, c.id > last).order_by(c.id).limit(batch)
                    )
                    .mappings()
                    .all()
                )
            if not rows:
                return
            for row in rows:
                item = _merged_dict(row)
                item["day"], item["first_seen"] = row["day"], row["first_seen"]
                yield item
            last = rows[-1]["id"]

    def missions(
        self,
        *,
        city: str | None = None,
        host: str | None = None,
        sender: str | None = None,
        include_closed: bool = True,
    ) -> list[dict[str, Any]]:
        """Missions, each with its sources: the news reports (active versions) and the reference dataset."""
        query = select(s.missions).order_by(s.missions.c.host, s.missions.c.city, s.missions.c.sender)
        if city:
            query = query.where(
                or_(
                    func.lower(s.missions.c.city) == city.lower(),
                    func.lower(s.missions.c.district) == city.lower(),
                )
            )
        if host:
            query = query.where(s.missions.c.host == host.upper())
        if sender:
            query = query.where(s.missions.c.sender == sender.upper())
        if not include_closed:
            query = query.where(s.missions.c.status.not_in(INACTIVE))
        ms, ev = s.mission_sources.c, s.events.c
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            sources: dict[int, list[dict[str, Any]]] = {}
            ids = [r["id"] for r in rows]
            for start in range(0, len(ids), 1000):
                for src in conn.execute(
                    select(s.mission_sources)
                    .join(s.events, ev.id == ms.event_id)
                    .where(ms.mission_id.in_(ids[start : start + 1000]), ev.active.is_(True))
                    .order_by(func.coalesce(ms.date, ""), ms.id)
                ).mappings():
                    sources.setdefault(src["mission_id"], []).append(
                        {
                            "doc_id": src["document_id"],
                            "url": src["url"],
                            "sentence": src["sentence"],
                            "status": src["status"],
                            "date": src["date"],
                        }
                    )
        return [_mission_dict(r, sources.get(r["id"], [])) for r in rows]

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        query = (
            select(s.documents)
            .order_by(s.documents.c.first_seen.desc(), s.documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def document(self, identity: str, version: int | None = None) -> dict[str, Any] | None:
        """One article's version (the current one by default) with its mentions, findings and events."""
        with self.engine.connect() as conn:
            doc = conn.execute(select(s.documents).where(s.documents.c.id == identity)).mappings().first()
            if doc is None:
                return None
            number = version or doc["current_version"]
            ver = (
                conn.execute(
                    select(s.versions).where(
                        and_(s.versions.c.document_id == identity, s.versions.c.version == number)
                    )
                )
                .mappings()
                .first()
            )
            if ver is None:
                return None
            all_versions = [
                dict(r)
                for r in conn.execute(
                    select(s.versions.c.version, s.versions.c.modified, s.versions.c.ingested_at)
                    .where(s.versions.c.document_id == identity)
                    .order_by(s.versions.c.version)
                ).mappings()
            ]
            ments = [
                dict(r)
                for r in conn.execute(
                    select(s.mentions)
                    .where(s.mentions.c.version_id == ver["id"])
                    .order_by(s.mentions.c.sentence, s.mentions.c.start)
                ).mappings()
            ]
            finds = [
                json.loads(r[0])
                for r in conn.execute(
                    select(s.findings.c.payload)
                    .where(s.findings.c.version_id == ver["id"])
                    .order_by(s.findings.c.start)
                )
            ]
            evs = [
                json.loads(r[0])
                for r in conn.execute(
                    select(s.events.c.payload)
                    .where(s.events.c.version_id == ver["id"])
                    .order_by(s.events.c.sentence, s.events.c.id)
                )
            ]
        return {
            "document": dict(doc),
            "version": dict(ver),
            "versions": all_versions,
            "mentions": ments,
            "findings": finds,
            "events": evs,
        }

    def iter_events(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every active event, streamed in id order (for exports)."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(s.events.c.id, s.events.c.payload)
                    .where(and_(s.events.c.active.is_(True), s.events.c.id > last))
                    .order_by(s.events.c.id)
                    .limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                yield json.loads(row[1])
            last = rows[-1][0]


def _mission_dict(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    if row["origin"] == "dataset":
        sources = [*sources, {"dataset": row["dataset"] or DATASET}]
    return {
        "sender": row["sender"],
        "host": row["host"],
        "city": row["city"],
        "district": row["district"],
        "kind": row["kind"],
        "status": row["status"],
        "since": row["since"],
        "until": row["until"],
        "lat": row["lat"],
        "lon": row["lon"],
        "sources": sources,
    }


def _merged_query() -> Any:
    c = s.event_clusters.c
    return select(
        c.id, c.num_mentions, c.num_sources, c.num_articles, c.day, c.first_seen, s.events.c.payload
    ).join(s.events, s.events.c.id == c.first_event_id)


def _merged_dict(row: Any) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(row["payload"])
    item.update(
        event_id=row["id"],
        num_mentions=row["num_mentions"],
        num_sources=row["num_sources"],
        num_articles=row["num_articles"],
    )
    return item


def _dyad_filter(
    query: Any,
    source_code: Any,
    source_country: Any,
    target_code: Any,
    target_country: Any,
    source: str | None,
    target: str | None,
) -> Any:
    if source:
        query = query.where(or_(source_country == source.upper(), source_code == source.upper()))
    if target:
        query = query.where(or_(target_country == target.upper(), target_code == target.upper()))
    return query


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
