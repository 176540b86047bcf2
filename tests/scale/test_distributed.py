"""Ingest on a real Dask cluster gives the same store as a single process."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

import dyad
from dyad.cli import main
from dyad.distributed import EngineSpec, Skipped, code_document, code_partition, ingest_parallel
from dyad.doc import Document
from dyad.engine import default_engine
from dyad.ingest.run import ingest_sources
from dyad.store import Store
from dyad.store import schema as s

TEXT = "Kenya expelled two Somali diplomats on Tuesday. Somalia recalled its ambassador from Nairobi."


def snapshot(store: Store) -> dict:
    """What a store holds, without row ids or clock times."""
    with store.engine.connect() as conn:
        versions = [
            tuple(r)
            for r in conn.execute(
                select(
                    s.versions.c.document_id,
                    s.versions.c.version,
                    s.versions.c.content_hash,
                    s.versions.c.date,
                    s.versions.c.lang,
                    s.versions.c.home_country,
                    s.versions.c.coded,
                ).order_by(s.versions.c.id)
            )
        ]
        events = [
            (r.document_id, r.active, json.loads(r.payload))
            for r in conn.execute(
                select(s.events.c.document_id, s.events.c.active, s.events.c.payload).order_by(s.events.c.id)
            )
        ]
        mentions = [
            tuple(r)
            for r in conn.execute(
                select(s.mentions.c.sentence, s.mentions.c.start, s.mentions.c.code).order_by(s.mentions.c.id)
            )
        ]
    return {
        "stats": store.stats(),
        "versions": versions,
        "events": events,
        "mentions": mentions,
        "missions": store.missions(),
    }


def test_the_per_document_function_is_pure_and_picklable():
    doc = Document(id="k", text=TEXT, date="2017-09-12", lang="en")
    shipped = pickle.loads(pickle.dumps(doc))
    out = pickle.loads(pickle.dumps(code_document(shipped)))
    assert [e.to_dict() for e in out.events] == [
        e.to_dict()
        for e in default_engine().process(Document(id="k", text=TEXT, date="2017-09-12", lang="en")).events
    ]
    assert out.events, "the sample text reports events"
    assert pickle.loads(pickle.dumps(code_partition))([]) == []


def test_a_partition_keeps_order_and_turns_a_failure_into_skipped():
    # A lone surrogate cannot be encoded: the runner's policy turns that into a skip, not a crash.
    docs = [
        Document(id="a", text=TEXT, lang="en"),
        Document(id="b", text="Cuba \udc80 backed Venezuela."),
        Document(id="c", text="Chile and Peru signed a trade agreement.", lang="en"),
    ]
    outs = code_partition(docs)
    assert [o.doc_id if isinstance(o, Skipped) else o.id for o in outs] == ["a", "b", "c"]
    assert not isinstance(outs[0], Skipped) and not isinstance(outs[2], Skipped)


@pytest.mark.slow
def test_two_workers_build_the_same_store_as_one_process(tmp_path, corpus, cluster):
    from distributed import Client

    single = Store(f"sqlite:///{tmp_path / 'single.db'}")
    skipped_single: list[str] = []
    one = ingest_sources(single, corpus, on_skip=lambda i, r: skipped_single.append(i))

    parallel = Store(f"sqlite:///{tmp_path / 'parallel.db'}")
    skipped_parallel: list[str] = []
    with Client(cluster) as client:
        two = ingest_parallel(
            parallel, corpus, client=client, batch=2, on_skip=lambda i, r: skipped_parallel.append(i)
        )
        assert len(client.scheduler_info()["workers"]) == 2
    assert two.to_dict() == one.to_dict()
    assert one.updated == 1 and one.skipped == 1  # the correction, the malformed line
    assert skipped_parallel == skipped_single
    a, b = snapshot(single), snapshot(parallel)
    assert a["events"] and a == b

    # Idempotent: the same sources again store nothing new.
    with Client(cluster) as client:
        again = ingest_parallel(parallel, corpus, client=client)
    assert again.unchanged == one.new + one.updated and again.new == again.updated == 0
    assert snapshot(parallel) == b


@pytest.mark.slow
def test_cli_ingest_with_workers_and_with_a_scheduler(tmp_path, corpus, cluster):
    runner = CliRunner()
    serial = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 's.db'}", "ingest", "-q", *corpus])
    workers = runner.invoke(
        main, ["--db", f"sqlite:///{tmp_path / 'w.db'}", "ingest", "--workers", "2", *corpus]
    )
    remote = runner.invoke(
        main,
        [
            "--db",
            f"sqlite:///{tmp_path / 'r.db'}",
            "ingest",
            "--scheduler",
            cluster.scheduler_address,
            *corpus,
        ],
    )
    assert serial.exit_code == workers.exit_code == remote.exit_code == 0, workers.output + remote.output
    summaries = [json.loads(r.stderr.strip().splitlines()[-1]) for r in (serial, workers, remote)]
    assert summaries[0] == summaries[1] == summaries[2]
    stores = [snapshot(Store(f"sqlite:///{tmp_path / n}")) for n in ("s.db", "w.db", "r.db")]
    assert stores[0] == stores[1] == stores[2]


@pytest.mark.slow
def test_user_dictionary_and_config_reach_the_workers(tmp_path, cluster):
    # The workers get the dictionary's and the config's contents, not their paths (a remote
    # worker may not see the client's files): the file is moved away before the ingest starts.
    article = tmp_path / "a.txt"
    article.write_text("Frente Azul criticized Chile on Monday. Chile rejected the claims of Frente Azul.",
                       encoding="utf-8")
    runner = CliRunner()
    dict_path = tmp_path / "mine.tsv"
    dict_path.write_text("name\tcode\tkind\nFrente Azul\tARGOPP\tgroup\n", encoding="utf-8")
    serial = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 's.db'}", "ingest", "--fast", "-q",
                                  "--dict", str(dict_path), str(article)])
    assert serial.exit_code == 0, serial.output
    remote = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 'r.db'}", "ingest", "--fast", "-q",
                                  "--scheduler", cluster.scheduler_address, "--dict", str(dict_path), str(article)])
    assert remote.exit_code == 0, remote.output
    a, b = (snapshot(Store(f"sqlite:///{tmp_path / n}")) for n in ("s.db", "r.db"))
    assert a == b
    assert any(payload["source"]["code"] == "ARGOPP" for _doc, _active, payload in b["events"])
    # explanations name the user's file, not the worker's copy of it
    spec = EngineSpec.of(True, [dict_path])
    (coded,) = code_partition([Document(id="x", text="Frente Azul criticized Chile.")], spec=spec)
    whys = [m.why for m in coded.mentions if m.code == "ARGOPP"]
    assert whys and all(f"user:{dict_path}" in why for why in whys), whys

    # a config that switches unary events off, on the workers too
    config = tmp_path / "dyad.toml"
    default = (Path(dyad.__file__).parent / "default.toml").read_text(encoding="utf-8")
    config.write_text(default.replace("[stages.events]", "[stages.events]\nunary = false", 1), encoding="utf-8")
    lone = tmp_path / "lone.txt"
    lone.write_text("Eritrea declined to comment on Tuesday.", encoding="utf-8")
    plain = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 'c0.db'}", "ingest", "--fast", "-q",
                                 "--workers", "2", str(lone)])
    assert json.loads(plain.stderr.strip().splitlines()[-1])["events"] == 1  # a unary event by default
    for name, extra in (("c1.db", []), ("c2.db", ["--workers", "2"])):
        done = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / name}", "--config", str(config), "ingest",
                                    "--fast", "-q", *extra, str(lone)])
        assert done.exit_code == 0, done.output
        assert json.loads(done.stderr.strip().splitlines()[-1])["events"] == 0, name


def test_a_bad_dictionary_stops_a_cluster_ingest_before_it_starts(tmp_path, corpus):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\nSomebody\tnot a code\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", "--workers", "2",
                                       "--dict", str(bad), *corpus])
    assert result.exit_code != 0
    assert f"{bad}: row 2" in result.stderr and "Traceback" not in result.output + result.stderr


def test_cli_refuses_workers_with_a_scheduler_and_an_unreachable_scheduler(tmp_path, corpus):
    runner = CliRunner()
    both = runner.invoke(
        main,
        [
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "ingest",
            "--workers",
            "2",
            "--scheduler",
            "tcp://127.0.0.1:1",
            *corpus,
        ],
    )
    assert both.exit_code == 2 and "not both" in both.output
    gone = runner.invoke(
        main,
        ["--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", "--scheduler", "tcp://127.0.0.1:9", *corpus],
    )
    assert gone.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in gone.stderr
    assert "Traceback" not in gone.output
