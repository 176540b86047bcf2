"""The store's schema migrations: a small versioned table, the same on SQLite and PostgreSQL.

    migrate(engine)   -> the versions it applied (none when the store is up to date)

A fresh store gets the whole current schema at once (`schema.metadata.create_all`) and every
migration recorded as applied. An older store gets, in order, the migrations it lacks, each in
its own transaction, recorded in `schema_migrations`. A store written by a newer dyad is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, inspect, select, text

from dyad.errors import StoreError
from dyad.store import schema as s


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    for table in (
        s.meta,
        s.documents,
        s.versions,
        s.mentions,
        s.findings,
        s.events,
        s.missions,
        s.mission_sources,
    ):
        table.create(conn, checkfirst=True)


def _clusters(conn: Connection) -> None:
    """Events de-duplicated across articles; outlets; what the reference data said of a mission."""
    for statement in (
        "ALTER TABLE documents ADD COLUMN outlet TEXT",
        "ALTER TABLE events ADD COLUMN mentions INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE events ADD COLUMN outlet TEXT",
        "ALTER TABLE events ADD COLUMN cluster_id INTEGER",
        "ALTER TABLE missions ADD COLUMN ref_status VARCHAR(32)",
        "ALTER TABLE missions ADD COLUMN ref_since VARCHAR(32)",
        "UPDATE missions SET ref_status = status, ref_since = since WHERE origin = 'dataset'",
        "CREATE INDEX ix_events_cluster_id ON events (cluster_id)",
    ):
        conn.execute(text(statement))
    s.event_clusters.create(conn, checkfirst=True)


def _increments(conn: Connection) -> None:
    """Counting a new report's outlet reads an index entry, not every report of the cluster; a
    mission's latest change is one index lookup, not a read of its whole history."""
    conn.execute(text("CREATE INDEX ix_events_cluster_outlet ON events (cluster_id, outlet)"))
    conn.execute(text("DROP INDEX ix_events_cluster_id"))
    conn.execute(
        text("CREATE INDEX ix_mission_sources_order ON mission_sources (mission_id, coalesce(date, ''), id)")
    )


def _provenance_and_changes(conn: Connection) -> None:
    """Events from elsewhere (GDELT) beside dyad's own, told apart by a provenance; recorded changes.

    Self-contained: it checks what exists first, so it applies cleanly whatever number it is
    given among the migrations, and to a store whose tables an earlier migration created from
    the current schema.
    """
    columns = {
        table: {c["name"] for c in inspect(conn).get_columns(table)}
        for table in ("documents", "events", "event_clusters")
    }
    for table, column, statement in (
        ("documents", "provenance", "ALTER TABLE documents ADD COLUMN provenance VARCHAR(8) NOT NULL DEFAULT 'dyad'"),
        ("events", "provenance", "ALTER TABLE events ADD COLUMN provenance VARCHAR(8) NOT NULL DEFAULT 'dyad'"),
        ("event_clusters", "provenance",
         "ALTER TABLE event_clusters ADD COLUMN provenance VARCHAR(8) NOT NULL DEFAULT 'dyad'"),
        ("event_clusters", "external_id", "ALTER TABLE event_clusters ADD COLUMN external_id VARCHAR(64)"),
    ):
        if column not in columns[table]:
            conn.execute(text(statement))
    conn.execute(
        text("CREATE UNIQUE INDEX IF NOT EXISTS ux_clusters_external ON event_clusters (external_id, provenance)")
    )
    s.changes.create(conn, checkfirst=True)


def _missions_stage(conn: Connection) -> None:
    """Mission changes read by the missions stage (not only from events): their article version,
    whether it is current, the plan, mode, words and rule of each; diplomatic relations as records."""
    have = {c["name"] for c in inspect(conn).get_columns("mission_sources")}
    if "version_id" in have:  # the table was created from the current schema
        s.relation_changes.create(conn, checkfirst=True)
        return
    for statement in (
        "ALTER TABLE mission_sources ADD COLUMN version_id INTEGER",
        "ALTER TABLE mission_sources ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE",
        "ALTER TABLE mission_sources ADD COLUMN plan VARCHAR(32)",
        "ALTER TABLE mission_sources ADD COLUMN mode VARCHAR(16)",
        "ALTER TABLE mission_sources ADD COLUMN trigger TEXT",
        "ALTER TABLE mission_sources ADD COLUMN rule TEXT",
        "ALTER TABLE mission_sources ADD COLUMN sentence_text TEXT",
        "ALTER TABLE mission_sources ADD COLUMN from_city TEXT",
        "UPDATE mission_sources SET"
        " version_id = (SELECT e.version_id FROM events e WHERE e.id = mission_sources.event_id),"
        " active = COALESCE((SELECT e.active FROM events e WHERE e.id = mission_sources.event_id), TRUE)",
        "CREATE INDEX ix_mission_sources_version_id ON mission_sources (version_id)",
    ):
        conn.execute(text(statement))
    s.relation_changes.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, versions, mentions, findings, events, missions", _initial),
    Migration(2, "event clusters across articles, outlets, reference status of missions", _clusters),
    Migration(3, "events indexed by cluster and outlet; mission changes by date", _increments),
    Migration(4, "provenance of events (dyad, gdelt) and their external ids; recorded changes",
              _provenance_and_changes),
    Migration(5, "mission changes from the missions stage, with provenance; diplomatic relations", _missions_stage),
)
assert MIGRATIONS[-1].version == s.SCHEMA_VERSION


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def applied_versions(conn: Connection) -> set[int]:
    return {int(v) for v in conn.execute(select(s.schema_migrations.c.version)).scalars()}


# Any constant: PostgreSQL advisory locks are keyed by a number the store's users agree on.
_PG_MIGRATION_LOCK = 0x647961640001


@contextmanager
def _schema_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock from its first statement.

    Processes opening a new store at once would otherwise each read "no tables yet" and each
    create them: pysqlite runs DDL outside any transaction unless one is begun explicitly, so a
    second process could see the tables of the first before its migration rows. BEGIN IMMEDIATE
    (SQLite) or an advisory lock (PostgreSQL) makes the check and the change one step; the others
    wait (busy timeout) and then find the store up to date.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        yield conn


def _up_to_date(engine: Engine) -> bool:
    with engine.connect() as conn:
        if "schema_migrations" not in set(inspect(conn).get_table_names()):
            return False
        return applied_versions(conn) == {m.version for m in MIGRATIONS}


def migrate(engine: Engine) -> list[int]:
    """Bring the store to the current schema; returns the versions applied now."""
    if _up_to_date(engine):  # the common case, without taking the write lock
        return []
    with _schema_transaction(engine) as conn:
        tables = set(inspect(conn).get_table_names())
        if "documents" not in tables:
            s.metadata.create_all(conn)
            conn.execute(
                insert(s.schema_migrations),
                [dict(version=m.version, name=m.name, applied_at=_now()) for m in MIGRATIONS],
            )
            return [m.version for m in MIGRATIONS]
        s.schema_migrations.create(conn, checkfirst=True)
        done = applied_versions(conn)
        if not done and "meta" in tables:  # a store from before the migration table: meta says its version
            legacy = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
            done = set(range(1, int(legacy or 1) + 1))
            conn.execute(
                insert(s.schema_migrations),
                [
                    dict(version=v, name=f"(recorded from meta: schema {legacy})", applied_at=_now())
                    for v in done
                ],
            )
    newest = max(done, default=0)
    if newest > s.SCHEMA_VERSION:
        raise StoreError(
            f"the store was written by a newer dyad (schema {newest}, this one knows "
            f"{s.SCHEMA_VERSION}); upgrade dyad"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with _schema_transaction(engine) as conn:
            if migration.version in applied_versions(conn):  # another process applied it meanwhile
                continue
            migration.apply(conn)
            conn.execute(
                insert(s.schema_migrations).values(
                    version=migration.version, name=migration.name, applied_at=_now()
                )
            )
        applied.append(migration.version)
    return applied
