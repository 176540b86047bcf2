"""Changes end to end: recorded by ingest, watch and POST /api/documents; served as JSON, as an Atom
feed (read back with feedparser) and as a page; posted to a webhook served here, on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.cli import main
from dyad.notify import Webhook
from dyad.store import Store

TOKEN = "changes-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Articles written for these tests: Iceland keeps no mission in Bolivia in the reference data.
ARTICLES = [
    {"url": "https://n.example.org/1", "date": "2016-01-11",
     "text": "Iceland opened an embassy in La Paz on Monday, the foreign ministry said."},
    {"url": "https://n.example.org/2", "date": "2016-05-10",
     "text": "Iceland closed its embassy in La Paz on Tuesday."},
    {"url": "https://n.example.org/3", "date": "2017-02-01",
     "text": "Iceland reopened its embassy in La Paz on Wednesday."},
]
KINDS = ["relations restored", "mission opened", "relations severed", "mission closed", "mission opened"]


class Receiver(http.server.BaseHTTPRequestHandler):
    """A webhook's other end: keeps each body; answers the statuses queued in `answers`, then 200."""

    bodies: list[dict] = []
    answers: list[int] = []
    hold: threading.Event | None = None

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        if self.hold is not None:
            self.hold.wait(10)
        type(self).bodies.append(body)
        status = type(self).answers.pop(0) if type(self).answers else 200
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def receiver() -> Iterator[str]:
    Receiver.bodies, Receiver.answers, Receiver.hold = [], [], None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        if Receiver.hold is not None:
            Receiver.hold.set()
        server.shutdown()
        server.server_close()


def posted() -> list[dict]:
    return [change for body in Receiver.bodies for change in body["changes"]]


@pytest.fixture()
def site(sqlite_url: str, receiver: str) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_url, token=TOKEN, fast=True, webhook=receiver)) as client:
        for item in ARTICLES:
            assert client.post("/api/documents", json=item, headers=AUTH).status_code == 201
        yield client


def test_api_lists_the_changes_the_store_recorded(site: TestClient, sqlite_url: str) -> None:
    body = site.get("/api/changes").json()
    assert body == Store(sqlite_url).changes()
    assert [c["kind"] for c in body] == KINDS
    assert [c["kind"] for c in site.get("/api/changes", params={"kind": "mission closed"}).json()] == [
        "mission closed"]
    assert site.get("/api/changes", params={"country": "VEN"}).json() == []
    assert len(site.get("/api/changes", params={"since": "2016-05-10"}).json()) == 4
    assert site.get("/api/changes", params={"kind": "coup"}).status_code == 422
    assert site.get("/api/changes", params={"country": "<b>"}).status_code == 422


def test_the_atom_feed_reads_back_with_feedparser(site: TestClient) -> None:
    answer = site.get("/feeds/changes.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "dyad: what changed"
    assert [e.title.split(":")[0] for e in feed.entries] == KINDS
    first = feed.entries[0]
    assert first.link.endswith("/changes#c" + str(site.get("/api/changes").json()[0]["id"]))
    assert "Iceland (ISL)" in first.summary and "https://n.example.org/3" in first.summary
    assert first.published.startswith("2017-02-01")
    assert {t.term for t in first.tags} == {"relations restored", "BOL", "ISL"}
    assert len({e.id for e in feed.entries}) == 5
    for_isl = feedparser.parse(site.get("/feeds/changes.atom", params={"country": "ISL"}).content)
    assert len(for_isl.entries) == 5 and for_isl.feed.title == "dyad: what changed for ISL"
    assert feedparser.parse(site.get("/feeds/changes.atom", params={"country": "VEN"}).content).entries == []


def test_the_changes_page_lists_them_and_points_to_the_feed(site: TestClient) -> None:
    html = site.get("/changes").text
    assert 'type="application/atom+xml"' in html and 'href="/feeds/changes.atom"' in html
    assert html.count('class="change"') == 5
    assert "Iceland (ISL) closed its embassy in La Paz, Bolivia (BOL)" in html
    assert 'href="/doc/https://n.example.org/2#s0"' in html
    assert site.get("/changes", params={"country": "VEN"}).text.count('class="change"') == 0
    assert 'href="/changes"' in site.get("/").text  # the navigation leads there


def test_the_server_posts_what_it_records_to_the_webhook(site: TestClient, sqlite_url: str) -> None:
    hook = site.app.state.webhook  # type: ignore[attr-defined]
    assert hook.flush(10.0)
    assert sorted(c["id"] for c in posted()) == sorted(c["id"] for c in Store(sqlite_url).changes())
    assert all(body["source"] == "dyad" for body in Receiver.bodies)
    assert hook.sent == 5 and hook.failed == 0


def test_the_webhook_retries_then_gives_up(receiver: str) -> None:
    errors: list[str] = []
    hook = Webhook(receiver, backoff=0.01, retries=2, on_error=errors.append)
    Receiver.answers = [503, 429]  # two failures, then it goes through
    hook([{"id": 1, "kind": "mission opened"}])
    assert hook.flush(10.0)
    assert len(Receiver.bodies) == 3 and hook.sent == 1 and errors == []
    Receiver.answers = [500, 502, 503]  # all three attempts fail
    hook([{"id": 2, "kind": "mission closed"}])
    assert hook.flush(10.0)
    assert len(Receiver.bodies) == 6 and hook.failed == 1
    assert errors == [f"webhook {receiver}: gave up on 1 change(s) (HTTP 503)"]
    Receiver.answers = [404]  # refused: not tried again
    hook([{"id": 3}])
    assert hook.flush(10.0)
    assert len(Receiver.bodies) == 7 and hook.failed == 2
    hook.close(wait=5.0)


def test_the_webhook_never_holds_up_the_writer(receiver: str) -> None:
    Receiver.hold = threading.Event()  # the receiver stalls on the first POST
    errors: list[str] = []
    hook = Webhook(receiver, max_queue=3, batch=1, on_error=errors.append)
    hook([{"id": 0}])
    while hook.in_flight == 0:  # the thread took the first change and is stuck posting it
        threading.Event().wait(0.01)
    for n in range(1, 6):  # each call returns at once; the queue keeps the newest three
        hook([{"id": n}])
    assert hook.dropped == 2 and len(errors) == 2
    Receiver.hold.set()
    assert hook.flush(10.0)
    assert [c["id"] for c in posted()] == [0, 3, 4, 5]
    hook.close(wait=5.0)


def test_ingest_and_watch_record_changes_and_post_them(tmp_path: Path, receiver: str, seed_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner()
    seed = str(seed_dir / "caracas-chronicles-2015-06-23.txt")
    done = runner.invoke(main, ["--db", db, "ingest", "--fast", seed, "--date", "2015-06-23", "--webhook", receiver])
    assert done.exit_code == 0, done.stderr
    listed = runner.invoke(main, ["--db", db, "changes", "--country", "PRK", "--format", "jsonl"])
    (opened,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert opened["kind"] == "mission opened" and opened["countries"] == ["PRK", "VEN"]
    assert opened["details"]["mission"]["city"] == "Caracas"
    assert [c["id"] for c in posted()] == [opened["id"]]  # posted before the command returned
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    watched = runner.invoke(main, ["--db", db, "watch", str(inbox), "--rounds", "1", "--fast", "--date",
                                   "2016-01-11", "--webhook", receiver])
    assert watched.exit_code == 0, watched.stderr
    table = runner.invoke(main, ["--db", db, "changes", "--format", "table", "--since", "2016-01-01"])
    assert "mission opened" in table.stdout and "ISL" in table.stdout and "PRK" not in table.stdout
    assert [c["kind"] for c in posted()] == ["mission opened", "mission opened"]
