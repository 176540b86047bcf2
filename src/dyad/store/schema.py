"""The store's tables (SQLAlchemy Core). The same schema serves SQLite and PostgreSQL.

documents  one row per article (its canonical URL, or a content hash without one)
versions   every version of an article's text; the newest is current, older ones are superseded
mentions   actor mentions of a version, with spans (for the article page)
findings   check findings of a version
events     coded events of a version; `active` is false once a newer version supersedes it
event_clusters  one row per real-world event: the same source, target, code and mode within a
           date window, across articles, with GDELT-style NumMentions/NumSources/NumArticles
missions   diplomatic missions, from reference data and from the news
mission_sources  which document, sentence and words said what of a mission (and why: the rule)
relation_changes what the news said of a dyad's diplomatic relations, with the same provenance
changes    what moved: missions opened or closed, relations severed or restored, Goldstein breaks
meta       settings
schema_migrations  the migrations applied (store/migrations.py), one row each

Events, merged events and documents carry a `provenance`: "dyad" for what dyad coded itself,
"gdelt" for events imported from GDELT's exports (store/imported.py), whose merged event keeps
GDELT's GlobalEventID in `external_id`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

SCHEMA_VERSION = 5  # the highest migration in store/migrations.py

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(512), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("first_seen", String(32), nullable=False),
    Column("current_version", Integer, nullable=False, default=1),
    Column("outlet", Text),  # the publisher: the URL's host without "www."
    Column("provenance", String(8), nullable=False, default="dyad", server_default="dyad"),
)

versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(512), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("html", Text),
    Column("title", Text),
    Column("date", String(32)),
    Column("modified", String(64)),
    Column("lang", String(16)),
    Column("home_country", String(8)),
    Column("coded", Boolean, nullable=False, default=True),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("document_id", "content_hash", name="uq_version_content"),
    UniqueConstraint("document_id", "version", name="uq_version_number"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("versions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("code", String(32), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("name", Text),
    Column("kind", String(32)),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("versions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("says", String(16)),
    Column("context", String(16)),
    Column("payload", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("versions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(512), nullable=False, index=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("sentence", Integer, nullable=False),
    Column("source_code", String(32), nullable=False),
    Column("source_country", String(8)),
    Column("target_code", String(32), nullable=False),
    Column("target_country", String(8)),
    Column("cameo", String(8), nullable=False),
    Column("root", String(4), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("penta", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("mode", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("date", String(32)),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("payload", Text, nullable=False),  # the contract's JSON object
    Column("mentions", Integer, nullable=False, default=1),  # sentences of the article reporting it
    Column("outlet", Text),
    Column("cluster_id", Integer),
    Column("provenance", String(8), nullable=False, default="dyad", server_default="dyad"),
)
Index("ix_events_dyad", events.c.source_country, events.c.target_country, events.c.date)
Index("ix_events_date", events.c.date)
# A cluster's reports, and whether an outlet already reported it (counted without reading them all).
Index("ix_events_cluster_outlet", events.c.cluster_id, events.c.outlet)

event_clusters = Table(
    "event_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_code", String(32), nullable=False),
    Column("target_code", String(32), nullable=False),
    Column("source_country", String(8)),
    Column("target_country", String(8)),
    Column("cameo", String(8), nullable=False),
    Column("root", String(4), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("mode", String(16), nullable=False),
    Column("day", String(10)),  # YYYY-MM-DD of the first report's event date
    Column("first_event_id", Integer),  # the earliest active report, whose payload stands for the cluster
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("first_seen", String(32), nullable=False),
    Column("provenance", String(8), nullable=False, default="dyad", server_default="dyad"),
    Column("external_id", String(64)),  # the event's id where it came from (GDELT's GlobalEventID)
)
# external_id first: a filter on provenance alone must not pick this index (it would read every
# merged event of that provenance instead of the dyad's or the country's few)
Index("ux_clusters_external", event_clusters.c.external_id, event_clusters.c.provenance, unique=True)
Index(
    "ix_clusters_key",
    event_clusters.c.source_code,
    event_clusters.c.target_code,
    event_clusters.c.cameo,
    event_clusters.c.day,
)
Index(
    "ix_clusters_dyad", event_clusters.c.source_country, event_clusters.c.target_country, event_clusters.c.day
)

missions = Table(
    "missions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sender", String(8), nullable=False),
    Column("host", String(8), nullable=False),
    Column("city", Text),
    Column("district", Text),
    Column("kind", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    Column("since", String(32)),
    Column("until", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("origin", String(16), nullable=False),  # dataset | news
    Column("dataset", Text),
    Column("updated_at", String(32)),
    # what the reference data said, restored when the news that overrode it is superseded
    Column("ref_status", String(32)),
    Column("ref_since", String(32)),
)
Index("ix_missions_host_city", missions.c.host, missions.c.city)
Index("ix_missions_sender", missions.c.sender)

mission_sources = Table(
    "mission_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mission_id", Integer, ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), index=True),
    Column("document_id", String(512)),
    Column("url", Text),
    Column("sentence", Integer),
    Column("status", String(32)),
    Column("date", String(32)),
    # migration 4: changes read by the missions stage, with their provenance and reading
    Column("version_id", Integer, index=True),  # the article version that said it
    Column("active", Boolean, nullable=False, default=True),  # false once a newer version supersedes it
    Column("plan", String(32)),  # for a planned change: what is planned
    Column("mode", String(16)),
    Column("trigger", Text),
    Column("rule", Text),
    Column("sentence_text", Text),
    Column("from_city", Text),
)
# A mission's latest change (by date, then write order) is one index lookup, however long its history.
Index(
    "ix_mission_sources_order",
    mission_sources.c.mission_id,
    func.coalesce(mission_sources.c.date, ""),
    mission_sources.c.id,
)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),  # one row per change, however often it is seen
    Column("kind", String(32), nullable=False),  # mission opened | mission closed | relations ... | goldstein break
    Column("a", String(16), nullable=False),  # the countries concerned (a mission's sender, then its host)
    Column("b", String(16)),
    Column("day", String(10)),  # when it happened, as the news or the data say (YYYY-MM-DD or YYYY-MM)
    Column("recorded_at", String(32), nullable=False),
    Column("provenance", String(8), nullable=False, default="dyad", server_default="dyad"),
    Column("summary", Text, nullable=False),
    Column("payload", Text, nullable=False),  # the change's JSON object
)
Index("ix_changes_a", changes.c.a, changes.c.id)
Index("ix_changes_b", changes.c.b, changes.c.id)
Index("ix_changes_day", changes.c.day)

relation_changes = Table(
    "relation_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("a", String(8), nullable=False),
    Column("b", String(8), nullable=False),
    Column("change", String(32), nullable=False),  # established, severed, restored, ..., planned
    Column("plan", String(32)),
    Column("previous", String(8)),  # recognition switched: the state no longer recognised
    Column("mode", String(16)),
    Column("date", String(32)),
    Column("document_id", String(512), nullable=False, index=True),
    Column("version_id", Integer, index=True),
    Column("url", Text),
    Column("sentence", Integer),
    Column("sentence_text", Text),
    Column("trigger", Text),
    Column("rule", Text),
    Column("active", Boolean, nullable=False, default=True),
)
Index("ix_relation_changes_dyad", relation_changes.c.a, relation_changes.c.b)
