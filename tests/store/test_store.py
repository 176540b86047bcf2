"""The store on SQLite and PostgreSQL: versions, merged events, missions from the news, migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from dyad.doc import Document, Event, Location, Mention, Trigger
from dyad.missions import read_missions
from dyad.store import Store
from dyad.store.schema import SCHEMA_VERSION

CARACAS = Location("Caracas", "VEN", 10.488, -66.8792)
REFERENCE = {"dataset": "wikidata-2022-11-16", "date": "2022-11-16"}


def actor(code: str, sentence: int = 0) -> Mention:
    return Mention(sentence, 0, len(code), code, code, code[:3], code[3:] or None, code)


def event(
    doc_id: str,
    source: str,
    target: str,
    cameo: str,
    *,
    text: str,
    trigger: str,
    date: str | None,
    sentence: int = 0,
    mode: str = "factual",
    location: Location | None = None,
    mentions: int = 1,
    goldstein: float = 6.0,
    quad: int = 1,
) -> Event:
    return Event(
        doc_id=doc_id,
        sentence=sentence,
        sentence_text=text,
        source=actor(source, sentence),
        target=actor(target, sentence),
        cameo=cameo,
        root=cameo[:2],
        plover=None,
        quad=quad,
        penta=1,
        goldstein=goldstein,
        mode=mode,
        confidence=0.9,
        date=date,
        location=location,
        trigger=Trigger(trigger, 0, len(trigger)),
        mentions=mentions,
    )


def document(
    doc_id: str, url: str | None, body: str, events: list[Event], date: str = "2019-03-12"
) -> Document:
    """A processed article: the given events, and what the missions stage reads in its sentences."""
    read = read_missions(body, date=date, lang="en")
    return Document(
        id=doc_id, text=body, url=url, date=date, lang="en", events=events, sentences=read.sentences,
        missions=read.missions, relations=read.relations,
    )


def test_fresh_store_records_every_migration(store_url: str) -> None:
    with Store(store_url) as store:
        assert store.schema_versions() == list(range(1, SCHEMA_VERSION + 1))
        assert store.stats()["missions"] > 9000  # the reference table, seeded once
        seeded = store.stats()["missions"]
    with Store(store_url) as again:  # opening twice neither migrates nor seeds again
        assert again.stats()["missions"] == seeded


def test_same_content_is_a_no_op_and_new_content_a_new_version(store_url: str) -> None:
    body = "North Korea opened an embassy in Caracas."
    first = document(
        "a",
        "https://news.example/a",
        body,
        [
            event(
                "a",
                "PRK",
                "VEN",
                "054",
                text=body,
                trigger="opened an embassy",
                date="2015-06-22",
                location=CARACAS,
            )
        ],
    )
    with Store(store_url) as store:
        assert store.add_document(first).status == "new"
        assert store.add_document(first).status == "unchanged"
        # the correction: the embassy is still to open
        fixed = document("a", "https://NEWS.example/a/", "North Korea will open an embassy in Caracas.", [])
        result = store.add_document(fixed)
        assert (result.status, result.version) == ("updated", 2)
        stats = store.stats()
        assert (stats["documents"], stats["versions"], stats["events"], stats["merged_events"]) == (
            1,
            2,
            0,
            0,
        )
        assert len(store.events(include_superseded=True)) == 1  # every version is kept
        (prk,) = store.missions(sender="PRK", host="VEN")
        assert prk["status"] == "planned" and [src["status"] for src in prk["sources"]] == ["planned"]


def test_events_merge_across_articles_with_gdelt_counts(store_url: str) -> None:
    """Three articles from two outlets report one embassy opening within the date window."""
    body = "North Korea opened an embassy in Caracas."
    reports = [
        ("https://one.example/x", "2015-06-22", 2),
        ("https://www.one.example/y", "2015-06-23", 1),
        ("https://two.example/z", "2015-06-24", 1),
    ]
    with Store(store_url) as store:
        for url, date, mentions in reports:
            store.add_document(
                document(
                    url,
                    url,
                    body + url,
                    [
                        event(
                            url,
                            "PRK",
                            "VEN",
                            "054",
                            text=body,
                            trigger="opened an embassy",
                            date=date,
                            mentions=mentions,
                            location=CARACAS,
                        )
                    ],
                    date=date,
                )
            )
        # outside the window: another event
        store.add_document(
            document(
                "late",
                "https://two.example/late",
                body + " late",
                [event("late", "PRK", "VEN", "054", text=body, trigger="opened", date="2015-07-20")],
                date="2015-07-20",
            )
        )
        merged = store.events(source="PRK", target="VEN")
        assert [(e["num_mentions"], e["num_articles"], e["num_sources"]) for e in merged] == [
            (4, 3, 2),
            (1, 1, 1),
        ]
        assert merged[0]["doc_id"] == "https://one.example/x"  # the first report stands for the event
        reports = store.event_reports([merged[0]["event_id"]])[merged[0]["event_id"]]
        assert [(r["doc_id"], r["mentions"]) for r in reports] == [
            ("https://one.example/x", 2),
            ("https://www.one.example/y", 1),
            ("https://two.example/z", 1),
        ]
        assert reports[0]["source"] == {"text": "PRK", "start": 0, "end": 3}
        assert len(store.events(source="PRK", merged=False)) == 4
        assert list(store.stream_events(page=1, source="PRK", merged=False)) == store.events(
            source="PRK", merged=False
        )
        assert list(store.stream_events(page=1, limit=1)) == store.events(limit=1)
        assert store.events(since="2015-07-01")[0]["date"] == "2015-07-20"
        # a correction that drops the report takes it out of the counts
        store.add_document(document("z2", "https://two.example/z", "Corrected: nothing happened.", []))
        assert [
            (e["num_mentions"], e["num_articles"], e["num_sources"])
            for e in store.events(source="PRK", target="VEN")
        ] == [(3, 2, 1), (1, 1, 1)]


def us_suspension(url: str | None):  # noqa: ANN201 - a Document
    """A report that the US suspended its embassy in Caracas (a stale reference row in the data)."""
    body = "The United States suspended operations at its embassy in Caracas."
    return document(
        "us",
        url,
        body,
        [
            event(
                "us", "USA", "VENGOV", "170", text=body, trigger="suspended", date="2019-03-12",
                location=CARACAS, goldstein=-4.0, quad=4,
            )
        ],
    )


def test_news_overrides_a_stale_reference_row_and_a_correction_restores_it(store_url: str) -> None:
    report = us_suspension("https://wire.example/us")
    with Store(store_url) as store:
        (before,) = store.missions(sender="USA", city="Caracas")
        assert before["status"] == "open" and before["sources"] == [REFERENCE]
        store.add_document(report)
        (after,) = store.missions(sender="USA", city="Caracas")
        assert (after["status"], after["until"]) == ("suspended", "2019-03")
        assert [s.get("doc_id") or s.get("dataset") for s in after["sources"]] == [
            "https://wire.example/us",
            "wikidata-2022-11-16",
        ]
        assert not store.missions(sender="USA", city="Caracas", include_closed=False)
        store.add_document(document("us", "https://wire.example/us", "Retracted.", []))
        (restored,) = store.missions(sender="USA", city="Caracas")
        assert restored["status"] == "open" and restored["sources"] == [REFERENCE]


def test_expelled_ambassador_belongs_to_the_target(store_url: str) -> None:
    body = "Venezuela expelled the ambassador of Panama on Tuesday."
    with Store(store_url) as store:
        store.add_document(
            document(
                "pa",
                None,
                body,
                [
                    event(
                        "pa",
                        "VEN",
                        "PANGOV",
                        "166",
                        text=body,
                        trigger="expelled the ambassador",
                        date="2018-05-15",
                        goldstein=-7.0,
                        quad=4,
                    )
                ],
            )
        )
        (mission,) = store.missions(sender="PAN", host="VEN")
        assert (mission["status"], mission["city"]) == ("ambassador expelled", "Caracas")
        assert mission["sources"][0]["doc_id"].startswith("sha256:")


def test_relocation_closes_the_old_city(store_url: str) -> None:
    body = "Brazil relocated its embassy in Israel to Jerusalem."
    jerusalem = Location("Jerusalem", "ISR", 31.7683, 35.2137)
    with Store(store_url) as store:
        assert [m["city"] for m in store.missions(sender="BRA", host="ISR")] == ["Tel Aviv"]
        store.add_document(
            document(
                "gt",
                "https://wire.example/gt",
                body,
                [
                    event(
                        "gt",
                        "BRA",
                        "ISR",
                        "054",
                        text=body,
                        trigger="relocated its embassy",
                        date="2018-05-16",
                        location=jerusalem,
                    )
                ],
            )
        )
        status = {m["city"]: m["status"] for m in store.missions(sender="BRA", host="ISR")}
        assert status == {"Jerusalem": "relocated", "Tel Aviv": "closed"}


def test_future_opening_is_planned(store_url: str) -> None:
    body = "Ghana will open an embassy in Caracas next year."
    with Store(store_url) as store:
        store.add_document(
            document(
                "gh",
                None,
                body,
                [
                    event(
                        "gh",
                        "GHA",
                        "VEN",
                        "054",
                        text=body,
                        trigger="open an embassy",
                        date="2019-01-01",
                        mode="future",
                        location=CARACAS,
                    )
                ],
            )
        )
        (mission,) = store.missions(sender="GHA", city="Caracas")
        assert mission["status"] == "planned"


_V1 = """
CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id VARCHAR(512) PRIMARY KEY, url TEXT, title TEXT, first_seen VARCHAR(32) NOT NULL,
  current_version INTEGER NOT NULL);
CREATE TABLE versions (id INTEGER PRIMARY KEY, document_id VARCHAR(512) NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL, content_hash VARCHAR(64) NOT NULL, text TEXT NOT NULL, html TEXT, title TEXT,
  date VARCHAR(32), modified VARCHAR(64), lang VARCHAR(16), home_country VARCHAR(8), coded BOOLEAN NOT NULL,
  ingested_at VARCHAR(32) NOT NULL);
CREATE TABLE mentions (id INTEGER PRIMARY KEY, version_id INTEGER NOT NULL, sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, code VARCHAR(32) NOT NULL,
  country VARCHAR(8), sector VARCHAR(8), name TEXT, kind VARCHAR(32));
CREATE TABLE findings (id INTEGER PRIMARY KEY, version_id INTEGER NOT NULL, kind VARCHAR(32) NOT NULL,
  severity VARCHAR(16) NOT NULL, start INTEGER, "end" INTEGER, says VARCHAR(16), context VARCHAR(16),
  payload TEXT NOT NULL);
CREATE TABLE events (id INTEGER PRIMARY KEY, version_id INTEGER NOT NULL, document_id VARCHAR(512) NOT NULL,
  active BOOLEAN NOT NULL, sentence INTEGER NOT NULL, source_code VARCHAR(32) NOT NULL,
  source_country VARCHAR(8), target_code VARCHAR(32) NOT NULL, target_country VARCHAR(8),
  cameo VARCHAR(8) NOT NULL, root VARCHAR(4) NOT NULL,
  quad INTEGER NOT NULL, penta INTEGER NOT NULL, goldstein FLOAT NOT NULL, mode VARCHAR(16) NOT NULL,
  confidence FLOAT NOT NULL, date VARCHAR(32), location_name TEXT, location_country VARCHAR(8),
  payload TEXT NOT NULL);
CREATE TABLE missions (id INTEGER PRIMARY KEY, sender VARCHAR(8) NOT NULL, host VARCHAR(8) NOT NULL,
  city TEXT, district TEXT, kind VARCHAR(64) NOT NULL, status VARCHAR(32) NOT NULL, since VARCHAR(32),
  until VARCHAR(32),
  lat FLOAT, lon FLOAT, origin VARCHAR(16) NOT NULL, dataset TEXT, updated_at VARCHAR(32));
CREATE TABLE mission_sources (id INTEGER PRIMARY KEY, mission_id INTEGER NOT NULL, event_id INTEGER,
  document_id VARCHAR(512), url TEXT, sentence INTEGER, status VARCHAR(32), date VARCHAR(32));
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO documents VALUES ('d', NULL, NULL, '2020-01-01T00:00:00Z', 1);
INSERT INTO versions VALUES (1, 'd', 1, 'h', 'Cuba praised Chile.', NULL, NULL, '2020-01-01', NULL, 'en',
  NULL, TRUE, '2020-01-01T00:00:00Z');
INSERT INTO events VALUES (1, 1, 'd', TRUE, 0, 'CUB', 'CUB', 'CHL', 'CHL', '051', '05', 1, 1, 3.4, 'factual',
  0.8, '2020-01-01', NULL, NULL, '{"doc_id": "d", "cameo": "051"}');
INSERT INTO events VALUES (2, 1, 'd', FALSE, 0, 'CUB', 'CUB', 'CHL', 'CHL', '054', '05', 1, 1, 6.0, 'factual',
  0.8, '2019-01-01', NULL, NULL, '{"doc_id": "d", "cameo": "054"}');
INSERT INTO missions VALUES (1, 'CUB', 'CHL', 'Santiago', NULL, 'embassy', 'open', NULL, NULL, NULL, NULL,
  'dataset', 'wikidata-2022-11-16', NULL);
INSERT INTO mission_sources VALUES (1, 1, 1, 'd', NULL, 0, 'opened', '2020-01-01');
INSERT INTO mission_sources VALUES (2, 1, 2, 'd', NULL, 0, 'closed', '2019-01-01');
"""


def test_a_store_from_before_the_migration_table_is_migrated(store_url: str) -> None:
    engine = create_engine(store_url.replace("postgresql://", "postgresql+psycopg://", 1))
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        for statement in _V1.split(";"):
            if statement.strip():
                conn.execute(
                    text(
                        statement.replace("INTEGER PRIMARY KEY", "SERIAL PRIMARY KEY")
                        if postgres
                        else statement
                    )
                )
        if postgres:  # the rows above were given their ids: move the sequences past them
            for table in ("versions", "events", "missions", "mission_sources"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_versions() == list(range(1, SCHEMA_VERSION + 1))
        (merged,) = store.events()
        assert (merged["cameo"], merged["num_mentions"], merged["num_articles"]) == ("051", 1, 1)
        (cuba,) = store.missions(sender="CUB", host="CHL")
        assert cuba["status"] == "open"
        # migration 4 kept each source's article version and whether it is current (from its event)
        assert [(src.get("doc_id"), src.get("status")) for src in cuba["sources"]] == [
            ("d", "opened"),
            (None, None),
        ]


def test_a_store_from_a_newer_dyad_is_refused(sqlite_url: str) -> None:
    from dyad.errors import StoreError

    Store(sqlite_url, seed_missions=False).close()
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer dyad"):
        Store(sqlite_url)


def test_unreachable_database_is_one_store_error() -> None:
    from dyad.errors import StoreError

    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:9/none")


def test_a_new_reference_table_replaces_untouched_rows_and_keeps_news(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(us_suspension(None))
        seeded = store.stats()["missions"]
        with store.engine.begin() as conn:  # an older dyad's table: one row fewer, another digest
            conn.execute(text("DELETE FROM missions WHERE sender = 'ARG' AND host = 'VEN'"))
            conn.execute(text("UPDATE meta SET value = 'old' WHERE key = 'missions_reference'"))
        assert store.stats()["missions"] == seeded - 1
    with Store(store_url) as store:
        assert store.stats()["missions"] == seeded
        assert [m["sender"] for m in store.missions(sender="ARG", host="VEN")] == ["ARG"]
        (usa,) = store.missions(sender="USA", city="Caracas")
        assert usa["status"] == "suspended"


def test_store_urls() -> None:
    from dyad.store.store import engine_url

    assert (
        engine_url("postgres://u@h/db") == engine_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    )
    assert engine_url("dyad.db") == "sqlite:///dyad.db"
    assert engine_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_the_place_names_the_host_and_fire_is_not_an_opening(store_url: str) -> None:
    said = "Ghana opened an embassy in Caracas on Monday, its foreign ministry said."
    fire = "Police opened fire on protesters near the embassy of Colombia in Caracas."
    with Store(store_url) as store:
        store.add_document(
            document(
                "gh",
                None,
                said + " " + fire,
                [
                    event(
                        "gh",
                        "GHA",
                        "GHAGOV",
                        "054",
                        text=said,
                        trigger="opened an embassy",
                        date="2019-01-07",
                        location=CARACAS,
                    ),
                    event(
                        "gh",
                        "VENCOP",
                        "COL",
                        "190",
                        text=fire,
                        trigger="opened fire",
                        date="2019-01-07",
                        location=CARACAS,
                        goldstein=-10.0,
                        quad=4,
                        sentence=1,
                    ),
                ],
            )
        )
        (ghana,) = store.missions(sender="GHA", city="Caracas")
        assert ghana["status"] == "opened"
        assert [m["status"] for m in store.missions(sender="COL", city="Caracas")] == ["open"]
        assert not store.missions(sender="VEN", host="COL", include_closed=True) or all(
            m["sources"] == [REFERENCE]
            for m in store.missions(sender="VEN", host="COL")
        )


def test_relations_count_both_directions_per_month_and_igos_by_code(store_url: str) -> None:
    from dyad.kb import relations

    body = "Venezuela praised the United Nations. The United Nations criticized Venezuela."
    with Store(store_url) as store:
        un = Mention(0, 0, 6, "the UN", "IGOUNO", None, "IGO", "United Nations", kind="igo")
        praise = event(
            "v", "VEN", "VEN", "051", text=body, trigger="praised", date="2019-01-10", goldstein=3.4
        )
        praise.target = un
        blame = event(
            "v",
            "VEN",
            "VEN",
            "111",
            text=body,
            trigger="criticized",
            date="2019-02-02",
            sentence=1,
            goldstein=-2.0,
            quad=3,
        )
        blame.source = Mention(1, 0, 6, "the UN", "IGOUNO", None, "IGO", "United Nations", kind="igo")
        store.add_document(document("v", None, body, [praise, blame]))
        rel = relations(store, "ven", "IGOUNO")
        assert [
            (m["month"], m["events"], m["a_to_b"], m["b_to_a"], m["goldstein_sum"]) for m in rel["months"]
        ] == [("2019-01", 1, 1, 0, 3.4), ("2019-02", 1, 0, 1, -2.0)]
        assert rel["months"][1]["quad"] == {"1": 0, "2": 0, "3": 1, "4": 0}
        assert rel["totals"] == {"events": 2, "goldstein_sum": 1.4}


def test_a_recalled_ambassador_and_a_closure_of_a_news_only_mission(store_url: str) -> None:
    recall = "Peru recalled its ambassador from Venezuela on Friday."
    closing = "Ghana closed its embassy in Caracas."
    with Store(store_url) as store:
        store.add_document(
            document(
                "pe",
                None,
                recall,
                [
                    event(
                        "pe",
                        "PER",
                        "VEN",
                        "161",
                        text=recall,
                        trigger="recalled its ambassador",
                        date="2017-08-11",
                        goldstein=-4.0,
                        quad=4,
                    )
                ],
            )
        )
        (peru,) = store.missions(sender="PER", host="VEN")
        assert (peru["status"], peru["city"]) == ("ambassador recalled", "Caracas")
        store.add_document(
            document(
                "gh1",
                None,
                "Ghana opened an embassy in Caracas.",
                [
                    event(
                        "gh1",
                        "GHA",
                        "VEN",
                        "054",
                        text="Ghana opened an embassy in Caracas.",
                        trigger="opened an embassy",
                        date="2012-03-01",
                        location=CARACAS,
                    )
                ],
                date="2012-03-01",
            )
        )
        store.add_document(
            document(
                "gh2",
                None,
                closing,
                [
                    event(
                        "gh2",
                        "GHA",
                        "VEN",
                        "161",
                        text=closing,
                        trigger="closed its embassy",
                        date="2016-05-02",
                        location=CARACAS,
                        goldstein=-4.0,
                        quad=4,
                    )
                ],
                date="2016-05-02",
            )
        )
        (ghana,) = store.missions(sender="GHA", city="Caracas")
        assert (ghana["status"], ghana["since"], ghana["until"]) == ("closed", "2012-03", "2016-05")
        assert [s["status"] for s in ghana["sources"]] == ["opened", "closed"]


def test_counts_kept_as_increments_equal_a_full_recount(store_url: str) -> None:
    """Reports counted in one at a time, corrections among them, give what counting afresh gives."""
    import random

    from dyad.store import clusters
    from dyad.store import schema as s

    rng = random.Random(5)
    pairs = [("PRK", "VEN"), ("VEN", "PRK"), ("CUB", "VEN")]
    hosts = ["https://a.example/", "https://b.example/", "https://c.example/", None]
    with Store(store_url) as store:
        for n in range(60):
            host = rng.choice(hosts)
            url = f"{host}{n % 40}" if host else None  # n >= 40 revisits a URL: a new version
            body = f"Report {n}: " + " ".join(str(rng.random()) for _ in range(3))
            events = [
                event(url or f"doc{n}", *rng.choice(pairs), rng.choice(["054", "057"]), text=body, trigger="x",
                      date=f"2015-06-{rng.randint(10, 20)}", sentence=k, mentions=rng.randint(1, 2))
                for k in range(rng.randint(0, 3))
            ]
            store.add_document(document(url or f"doc{n}", url, body, events, date="2015-06-15"))

        def counts() -> list[tuple]:
            with store.engine.connect() as conn:
                c = s.event_clusters.c
                return [tuple(r) for r in conn.execute(
                    s.event_clusters.select().with_only_columns(
                        c.id, c.num_mentions, c.num_articles, c.num_sources, c.first_event_id
                    ).order_by(c.id))]

        kept = counts()
        assert sum(r[2] for r in kept) > 40 and any(r[3] < r[2] for r in kept)  # merges across outlets
        with store.engine.begin() as conn:
            clusters.recount(conn, [r[0] for r in kept])
        assert counts() == kept


def test_mission_status_from_three_lookups_equals_a_replay_of_its_history(store_url: str) -> None:
    """Openings, suspensions and recalls in and out of date order, corrections among them: after
    every article, each mission's stored status is what a fold over its whole history gives."""
    import random

    from dyad.store import schema as s
    from dyad.store.writer import refresh_mission, replay_mission

    rng = random.Random(8)
    acts = [  # (cameo, trigger, target): what each report says the US did about Venezuela
        ("170", "suspended operations at its embassy", "VENGOV"),
        ("054", "reopened its embassy", "VEN"),
        ("160", "recalled its ambassador from its embassy", "VENGOV"),
        ("054", "closed its embassy", "VEN"),
    ]
    with Store(store_url) as store:

        def check() -> int:
            c = s.missions.c
            query = s.missions.select().with_only_columns(c.id, c.status, c.since, c.until)
            with store.engine.connect() as conn:
                rows = conn.execute(query.where(c.sender == "USA", c.host == "VEN")).all()
                for mission_id, status, since, until in rows:
                    replayed = replay_mission(conn, mission_id)
                    assert replayed == {"status": status, "since": since, "until": until}, mission_id
            # and refreshing again changes nothing
            with store.engine.begin() as conn:
                for mission_id, *_ in rows:
                    refresh_mission(conn, mission_id, "2030-01-01T00:00:00Z")
                    assert conn.execute(query.where(c.id == mission_id)).one()[1:] == tuple(
                        replay_mission(conn, mission_id).values()
                    )
            return len(rows)

        seen = 0
        for n in range(60):
            cameo, trigger, target = rng.choice(acts)
            body = f"The United States {trigger} in Caracas ({n})."
            url = f"https://wire.example/{n % 28}"  # later reports correct earlier ones
            # news arrives out of order, and several reports share a day (the write order breaks ties)
            day = f"2019-{rng.randint(1, 4):02d}-{rng.randint(1, 3):02d}"
            report = event(url, "USA", target, cameo, text=body, trigger=trigger, date=day, location=CARACAS,
                           goldstein=-4.0, quad=4)
            store.add_document(document(url, url, body, [report] if rng.random() < 0.85 else [], date=day))
            seen = max(seen, check())
        assert seen  # the news spoke of a mission


def test_late_news_of_an_older_change_keeps_the_latest_status(store_url: str) -> None:
    """Opened in March, ambassador recalled in May; then a report of a January suspension arrives."""
    reports = [
        ("054", "reopened its embassy", "VEN", "2019-03-10"),
        ("160", "recalled its ambassador from its embassy", "VENGOV", "2019-05-02"),
        ("170", "suspended operations at its embassy", "VENGOV", "2019-01-20"),
    ]
    with Store(store_url) as store:
        for n, (cameo, trigger, target, day) in enumerate(reports):
            body = f"The United States {trigger} in Caracas."
            url = f"https://wire.example/late/{n}"
            report = event(url, "USA", target, cameo, text=body, trigger=trigger, date=day, location=CARACAS)
            store.add_document(document(url, url, body, [report], date=day))
        (mission,) = store.missions(sender="USA", city="Caracas")
        assert (mission["status"], mission["since"], mission["until"]) == ("ambassador recalled", "2019-03", None)
