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

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from dyad.doc import Document
from dyad.errors import StoreError
from dyad.store import clusters
from dyad.store import schema as s
from dyad.store.breaks import break_settings, record_breaks
from dyad.store.changes import list_changes
from dyad.store.imported import ImportedEvent, import_version, write_imported
from dyad.store.migrations import migrate
from dyad.store.missions import INACTIVE, reference_digest, reference_missions
from dyad.store.provenance import diplomatic_record, mission_rows
from dyad.store.writer import AddResult, now_utc, write_document

DEFAULT_URL = "sqlite:///dyad.db"


def canonical_url(url: str) -> str:
    """The identity of an article's URL: scheme and host lower-cased, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def document_identity(doc: Document) -> str:
    if doc.url:
        return canonical_url(doc.url)
    return "sha256:" + doc.content_hash[:32]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    # SQLite's default page cache is 2 MB: once the event indexes outgrow it, every insert reads
    # its index pages back from the OS, and the ingest rate sinks as the store grows.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def engine_url(url: str) -> str:
    """SQLAlchemy's URL for a store URL: postgresql:// (or postgres://) goes through psycopg 3,
    and a bare path ("dyad.db") is a SQLite file."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


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
        self._listeners: list[Callable[[Sequence[dict[str, Any]]], None]] = []
        try:
            self.engine: Engine = create_engine(engine_url(url), future=True, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._open(seed_missions)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(
                f"cannot open the store {self.url!r}: {_short(exc)}; check --db / DYAD_DB"
            ) from exc

    # ------------------------------------------------------------------ set-up
    def _open(self, seed_missions: bool) -> None:
        """Migrate and seed. Processes opening a new store at once race to create it: the losers'
        transactions fail on a unique key or an existing table, roll back whole, and try again,
        finding the store the winner made."""
        for attempt in range(6):
            try:
                self._migrate()
                if seed_missions:
                    self.seed_missions()
                return
            except (IntegrityError, OperationalError, ProgrammingError):
                if attempt == 5:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def _migrate(self) -> None:
        if migrate(self.engine):
            with self.engine.begin() as conn:
                clusters.cluster_pending(conn, now_utc(), self.window_days)

    def schema_versions(self) -> list[int]:
        """The migrations applied to this store (see store/migrations.py)."""
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(s.schema_migrations.c.version)).scalars())

    def seed_missions(self) -> int:
        """Load the bundled reference missions; returns how many rows were written.

        A no-op when the store holds this version of the table already. When the bundled table
        changed (a newer dyad), reference rows no news spoke of are replaced by the new table's;
        rows the news changed stay, with their sources.
        """
        digest = reference_digest()
        m = s.missions.c
        with self.engine.begin() as conn:
            stored = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "missions_reference")).scalar()
            have = conn.execute(
                select(func.count()).select_from(s.missions).where(m.origin == "dataset")
            ).scalar_one()
            if stored == digest or (have and stored is None and not self._reference_outdated(conn)):
                if stored is None:
                    conn.execute(insert(s.meta).values(key="missions_reference", value=digest))
                return 0
            # Claim the seeding before writing (a unique key, or the old value): a concurrent opener
            # fails or finds nothing to update, and retries once this transaction has committed.
            if stored is None:
                conn.execute(insert(s.meta).values(key="missions_reference", value=digest))
            elif not conn.execute(update(s.meta).where(s.meta.c.key == "missions_reference",
                                                       s.meta.c.value == stored).values(value=digest)).rowcount:
                return 0
            sourced = select(s.mission_sources.c.mission_id)
            conn.execute(delete(s.missions).where(m.origin == "dataset", m.id.not_in(sourced)))
            kept = {
                tuple(r)
                for r in conn.execute(select(m.sender, m.host, m.city, m.kind).where(m.origin == "dataset"))
            }
            rows = [
                r for r in reference_missions() if (r["sender"], r["host"], r["city"], r["kind"]) not in kept
            ]
            for start in range(0, len(rows), 2000):
                conn.execute(insert(s.missions), rows[start : start + 2000])
            return len(rows)

    @staticmethod
    def _reference_outdated(conn: Connection) -> bool:
        """A store seeded before the digest was kept: outdated when its row count differs from the table's."""
        have = conn.execute(
            select(func.count()).select_from(s.missions).where(s.missions.c.origin == "dataset")
        ).scalar_one()
        return int(have) != sum(1 for _ in reference_missions())

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
                    result = write_document(conn, identity, doc, window_days=self.window_days)
                self._tell(result.changes)
                return result
            except IntegrityError:
                if attempt == 2:
                    raise StoreError(f"{doc.id}: concurrent writers kept colliding; try again") from None
            except OperationalError as exc:
                if attempt == 2 or not any(
                    w in str(exc).lower() for w in ("locked", "deadlock", "serialize")
                ):
                    raise StoreError(f"{doc.id}: cannot write to the store: {_short(exc)}") from exc
        raise StoreError(f"{doc.id}: cannot write to the store")

    # ------------------------------------------------------------------ changes (store/changes.py)
    def subscribe(self, listener: Callable[[Sequence[dict[str, Any]]], None]) -> None:
        """Call `listener(changes)` with the changes this store object records, after each commit
        (a webhook's queue, dyad/notify.py). A listener must not block: it runs in the writer."""
        self._listeners.append(listener)

    def _tell(self, found: Sequence[dict[str, Any]]) -> None:
        if found:
            for listener in self._listeners:
                listener(found)

    def record_breaks(self, months: Iterable[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """Test these (country, country, YYYY-MM) for a Goldstein break (store/breaks.py) and record
        the new ones; ingest and watch call it with the `AddResult.months` of what they stored."""
        keys = set(months)
        if not keys:
            return []
        with self.engine.begin() as conn:
            found = record_breaks(conn, keys, break_settings(), now_utc())
        self._tell(found)
        return found

    def changes(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Recorded changes (missions opened or closed, relations severed or restored, Goldstein
        breaks), latest first; `since`/`until` bound the day they happened, `country` is either party."""
        with self.engine.connect() as conn:
            return list_changes(conn, since=since, until=until, country=country, kind=kind, limit=limit,
                                offset=offset)

    def add_imported(self, events: Sequence[ImportedEvent], *, provenance: str, label: str) -> int:
        """Store events imported from elsewhere (one transaction); returns how many were new
        (an id the store holds under this provenance already is skipped). See store/imported.py."""
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    version_id = import_version(conn, provenance, label, now_utc())
                    return write_imported(conn, events, provenance=provenance, version_id=version_id)
            except IntegrityError:  # another importer wrote some of these ids meanwhile: look again
                if attempt == 2:
                    raise StoreError(f"{label}: concurrent importers kept colliding; try again") from None
            except OperationalError as exc:
                raise StoreError(f"{label}: cannot write to the store: {_short(exc)}") from exc
        return 0

    # ------------------------------------------------------------------ questions
    def stats(self) -> dict[str, int]:
        """Counts: articles, their versions, active event reports, merged events, missions, and how many
        of the merged events were imported from GDELT."""
        with self.engine.connect() as conn:

            def count(table: Any, *where: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

            dyad_docs = s.documents.c.provenance == "dyad"
            return {
                "documents": count(s.documents, dyad_docs),
                "versions": count(
                    s.versions, s.versions.c.document_id.in_(select(s.documents.c.id).where(dyad_docs))
                ),
                "events": count(s.events, s.events.c.active.is_(True)),
                "merged_events": count(s.event_clusters, s.event_clusters.c.num_mentions > 0),
                "missions": count(s.missions),
                "gdelt_events": count(s.event_clusters, s.event_clusters.c.provenance == "gdelt"),
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
        min_confidence: float | None = None,
        provenance: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events, oldest first: the contract's JSON objects.

        By default one object per real-world event, merged across articles, with `event_id`,
        `num_mentions`, `num_sources` and `num_articles` added (see store/clusters.py). With
        `merged=False`, a `document`, or `include_superseded`, one object per report instead.
        `min_confidence` leaves out events below it (a merged event has its first report's);
        `provenance` ("dyad" or "gdelt") keeps the events of that origin only.
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
                min_confidence=min_confidence,
                provenance=provenance,
            )
        c = s.event_clusters.c
        query = _merged_query().where(c.num_mentions > 0).order_by(func.coalesce(c.day, "9999"), c.id)
        if min_confidence:
            query = query.where(s.events.c.confidence >= min_confidence)
        if provenance:
            query = query.where(c.provenance == provenance)
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
        min_confidence: float | None = None,
        provenance: str | None = None,
    ) -> list[dict[str, Any]]:
        e = s.events.c
        query = select(e.payload).order_by(func.coalesce(e.date, "9999"), e.id)
        if min_confidence:
            query = query.where(e.confidence >= min_confidence)
        if provenance:
            query = query.where(e.provenance == provenance)
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

    def count_below(
        self,
        min_confidence: float,
        *,
        source: str | None = None,
        target: str | None = None,
        provenance: str | None = None,
    ) -> int:
        """How many merged events (from `source`, to `target`, of `provenance`) lie below
        `min_confidence`: what the ledger's questions leave out."""
        if not min_confidence:
            return 0
        c = s.event_clusters.c
        query = (
            select(func.count())
            .select_from(s.event_clusters)
            .join(s.events, s.events.c.id == c.first_event_id)
            .where(c.num_mentions > 0, s.events.c.confidence < min_confidence)
        )
        if provenance:
            query = query.where(c.provenance == provenance)
        query = _dyad_filter(query, c.source_code, c.source_country, c.target_code, c.target_country, source, target)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def stream_events(
        self, *, limit: int | None = None, page: int = 2000, **filters: Any
    ) -> Iterator[dict[str, Any]]:
        """`events(**filters)` page by page, so a large store is printed without holding all of it."""
        offset = 0
        while True:
            size = page if limit is None else min(page, limit - offset)
            if size <= 0:
                return
            rows = self.events(limit=size, offset=offset, **filters)
            yield from rows
            if len(rows) < size:
                return
            offset += len(rows)

    def event_reports(self, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The active reports of merged events: merged event id -> its reports (article, sentence, spans)."""
        out: dict[int, list[dict[str, Any]]] = {}
        e = s.events.c
        with self.engine.connect() as conn:
            for start in range(0, len(event_ids), 500):
                query = (
                    select(e.cluster_id, e.payload, e.mentions)
                    .where(e.cluster_id.in_(event_ids[start : start + 500]), e.active.is_(True))
                    .order_by(e.cluster_id, e.id)
                )
                for cluster_id, payload, mentions in conn.execute(query):
                    item = json.loads(payload)
                    out.setdefault(int(cluster_id), []).append(
                        {
                            "doc_id": item["doc_id"],
                            "url": item.get("url"),
                            "sentence": item["sentence"],
                            "sentence_text": item["sentence_text"],
                            "source": {k: item["source"][k] for k in ("text", "start", "end")},
                            "target": {k: item["target"][k] for k in ("text", "start", "end")},
                            "trigger": item.get("trigger"),
                            "date": item.get("date"),
                            "mentions": int(mentions),
                        }
                    )
        return out

    def iter_merged_events(
        self, batch: int = 2000, min_confidence: float | None = None, provenance: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every merged event (as `events` prints it, plus `day` and `first_seen`), streamed in id order;
        those at or above `min_confidence` when one is given, of `provenance` when one is given."""
        c = s.event_clusters.c
        last = 0
        floor = s.events.c.confidence >= (min_confidence or 0.0)
        origin = c.provenance == provenance if provenance else c.provenance.is_not(None)
        while True:
            with self.engine.connect() as conn:
                rows = (
                    conn.execute(
                        _merged_query()
                        .where(c.num_mentions > 0, c.id > last, floor, origin)
                        .order_by(c.id)
                        .limit(batch)
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
        """Missions, each with its sources: the news reports (active versions) and the reference dataset
        (store/provenance.py)."""
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
        with self.engine.connect() as conn:
            return mission_rows(conn, query)

    def diplomatic_relations(self, a: str, b: str) -> dict[str, Any]:
        """What the news said of the dyad's diplomatic relations: the latest status, plans, every change."""
        with self.engine.connect() as conn:
            return diplomatic_record(conn, a.upper(), b.upper())

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """The articles dyad read, newest first (not the placeholders that hold imported events)."""
        query = (
            select(s.documents)
            .where(s.documents.c.provenance == "dyad")
            .order_by(s.documents.c.first_seen.desc(), s.documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def document(self, identity: str, version: int | None = None) -> dict[str, Any] | None:
        """One article's version (the current one by default) with its mentions, findings and events."""
        with self.engine.connect() as conn:
            doc = (
                conn.execute(
                    select(s.documents).where(s.documents.c.id == identity, s.documents.c.provenance == "dyad")
                )
                .mappings()
                .first()
            )
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
