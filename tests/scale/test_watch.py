"""`dyad watch`: keep ingesting a folder, only the new items, round after round."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.distributed import parse_every, watch
from dyad.errors import ConfigError
from dyad.store import Store

FIRST = "Kenya expelled two Somali diplomats on Tuesday. Somalia recalled its ambassador from Nairobi."
SECOND = "Japan and South Korea agreed to hold talks on fishing rights in Tokyo on Monday."


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("30s", 30), ("1h30m", 5400), ("90", 90), ("0.5s", 0.5), ("2d", 172800), ("250ms", 0.25)],
)
def test_intervals(text, seconds):
    assert parse_every(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "0s", "soon", "15 minutes", "-5m", "m"])
def test_bad_intervals_say_what_is_wanted(text):
    with pytest.raises(ConfigError, match="not an interval like 15m"):
        parse_every(text)


def test_a_watched_folder_gives_only_new_items_each_round(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(FIRST, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    rounds: list[dict] = []
    skips: list[str] = []
    waits: list[float] = []

    def between_rounds(seconds: float) -> None:  # runs where the watch would sleep
        waits.append(seconds)
        if len(waits) == 1:
            (inbox / "b.txt").write_text(SECOND, encoding="utf-8")
        if len(waits) == 2:
            (inbox / "a.txt").write_text(FIRST + " The talks ended.", encoding="utf-8")

    totals = watch(
        store,
        str(inbox),
        every=60,
        rounds=4,
        sleep=between_rounds,
        on_skip=lambda doc_id, reason: skips.append(doc_id),
        on_round=lambda n, summary: rounds.append(dict(summary, round=n)),
    )
    assert [r["read"] for r in rounds] == [1, 1, 1, 0]
    assert [r["new"] for r in rounds] == [1, 1, 1, 0]
    assert [r["skipped"] for r in rounds] == [1, 0, 0, 0]  # the empty file is reported once, not each round
    assert skips == ["empty.txt"]
    assert len(waits) == 3 and all(0 < w <= 60 for w in waits)
    assert totals["rounds"] == 4 and totals["new"] == 3
    assert store.stats()["documents"] == 3
    assert rounds[0]["events"] > 0


def test_cli_watch_with_a_short_interval_and_bounded_rounds(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(FIRST, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = CliRunner().invoke(main, ["--db", db, "watch", str(inbox), "--every", "0.2s", "--rounds", "3"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [line.get("round") for line in lines[:3]] == [1, 2, 3]
    assert [line["new"] for line in lines[:3]] == [1, 0, 0]
    assert lines[3]["total"] is True and lines[3]["rounds"] == 3 and lines[3]["new"] == 1
    assert Store(db).stats()["documents"] == 1


def test_cli_watch_rejects_a_bad_interval(tmp_path):
    result = CliRunner().invoke(
        main, ["--db", f"sqlite:///{tmp_path / 'w.db'}", "watch", str(tmp_path), "--every", "often"]
    )
    assert result.exit_code == 2
    assert "'often' is not an interval like 15m" in result.stderr


@pytest.mark.slow
def test_a_watch_on_a_cluster_stores_what_a_local_watch_stores(tmp_path, corpus, cluster):
    from test_distributed import snapshot

    local = Store(f"sqlite:///{tmp_path / 'local.db'}")
    remote = Store(f"sqlite:///{tmp_path / 'remote.db'}")
    folder = corpus[0]  # the demo folder
    a = watch(local, folder, every=0.01, rounds=2)
    b = watch(remote, folder, every=0.01, rounds=2, scheduler=cluster.scheduler_address)
    assert a == b and a["new"] > 0 and a["rounds"] == 2
    assert snapshot(local) == snapshot(remote)
