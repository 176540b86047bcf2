"""Ingest from every kind of source: feeds and pages over HTTP, CSV, JSONL, folders, WARC; languages."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.ingest.fetch import fetch
from dyad.ingest.lang import detect_language
from dyad.ingest.run import ingest_sources, iter_source
from dyad.store import Store

OPENING = (
    "<html lang='en'><head><title>Embassy news</title>"
    "<meta property='article:published_time' content='2019-04-02T09:00:00Z'></head><body>"
    "<nav>Home | World | Subscribe</nav><article><h1>Ghana opens an embassy in Caracas</h1>"
    "<p>Ghana opened an embassy in Caracas on Monday, its foreign ministry said in a statement.</p>"
    "<p>The two governments have traded envoys for a decade and plan further visits this year.</p>"
    "</article><aside>Donate to keep this site running.</aside></body></html>"
)
PRAISE = (
    "<html><body><article><p>Venezuela praised Cuba for its medical brigades during a summit in Havana "
    "on Tuesday, and both governments promised to deepen their cooperation in health care.</p>"
    "</article></body></html>"
)


def _rss(base: str) -> str:
    long_content = ("Bolivia criticized Chile over the use of a border river on Wednesday. " * 4).strip()
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link><description>d</description>
<language>en</language>
<item><title>Ghana opens an embassy</title><link>{base}/ghana.html</link>
  <pubDate>Tue, 02 Apr 2019 09:00:00 GMT</pubDate><description>Ghana and Venezuela.</description></item>
<item><title>Praise for brigades</title><link>{base}/praise.html</link>
  <pubDate>Wed, 03 Apr 2019 09:00:00 GMT</pubDate></item>
<item><title>Border river</title><link>{base}/gone.html</link>
  <pubDate>Thu, 04 Apr 2019 09:00:00 GMT</pubDate><description>{long_content}</description></item>
<item><title>Nothing here</title><link>{base}/missing.html</link></item>
</channel></rss>"""


class _Site(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}
    hits: dict[str, int] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky.html" and self.hits[self.path] == 1:
            self.send_response(503)
            self.end_headers()
            return
        status, kind, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Site.hits = {}
    _Site.pages = {
        "/feed.xml": (200, "application/rss+xml", _rss(base).encode()),
        "/ghana.html": (200, "text/html; charset=utf-8", OPENING.encode()),
        "/praise.html": (200, "text/html", PRAISE.encode()),
        "/flaky.html": (200, "text/html", PRAISE.encode()),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_over_http_is_ingested_end_to_end(site: str, store_url: str) -> None:
    skipped: list[tuple[str, str]] = []
    with Store(store_url) as store:
        summary = ingest_sources(
            store, [f"{site}/feed.xml"], fast=True, retries=0, on_skip=lambda d, r: skipped.append((d, r))
        )
        assert (summary.read, summary.new, summary.skipped) == (3, 3, 1)
        # the item whose page is gone was read from the feed's own content; the bare one is skipped
        assert skipped == [(f"{site}/missing.html", "HTTP 404 Not Found")]
        assert summary.reasons == {"HTTP 404 Not Found": 1}
        docs = {d["id"]: d for d in store.documents()}
        assert set(docs) == {f"{site}/ghana.html", f"{site}/praise.html", f"{site}/gone.html"}
        page = store.document(f"{site}/ghana.html")
        assert page is not None
        assert "Donate" not in page["version"]["text"] and "Subscribe" not in page["version"]["text"]
        assert (page["version"]["date"], page["version"]["lang"]) == ("2019-04-02", "en")
        (ghana,) = store.missions(sender="GHA", city="Caracas")
        assert ghana["status"] == "opened" and ghana["sources"][0]["url"] == f"{site}/ghana.html"
        assert any(e["source"]["country"] == "BOL" for e in store.events())
        again = ingest_sources(store, [f"{site}/feed.xml"], fast=True, retries=0)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 3)


def test_feed_items_content_only_without_fetching(site: str, sqlite_url: str) -> None:
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [f"{site}/feed.xml"], fast=True, fetch_items=False)
    assert (summary.read, summary.skipped) == (1, 3)  # only the item with enough content of its own
    assert _Site.hits.get("/ghana.html") is None


def test_retries_then_succeeds_and_unreachable_is_one_line(site: str) -> None:
    page = fetch(f"{site}/flaky.html", retries=1, backoff=0.01)
    assert b"brigades" in page.data and _Site.hits["/flaky.html"] == 2
    items = list(iter_source("http://127.0.0.1:9/none.html", retries=1, timeout=2))
    assert len(items) == 1 and isinstance(items[0], Exception)
    message = str(items[0])
    assert message.startswith("http://127.0.0.1:9/none.html: unreachable") and "after 2 attempts" in message
    assert "\n" not in message


def test_csv_jsonl_and_folders(tmp_path: Path, sqlite_url: str) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "deep" / "deeper").mkdir(parents=True)
    (corpus / "a.csv").write_text(
        "headline,content,published,link\n"
        "Envoys,Peru praised Ecuador for the border accord on Friday.,2018-02-09,https://x.example/1\n"
        "Empty,,2018-02-09,https://x.example/2\n",
        encoding="utf-8",
    )
    (corpus / "deep" / "b.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Chile criticized Bolivia over the river.", "date": "2018-03-01"})
        + "\n{broken\n",
        encoding="utf-8",
    )
    (corpus / "deep" / "deeper" / "c.html").write_text(PRAISE, encoding="utf-8")
    (corpus / "deep" / "notes.bin").write_bytes(b"\x00\x01")
    skipped: list[str] = []
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [str(corpus)], fast=True, on_skip=lambda d, r: skipped.append(d))
        assert (summary.read, summary.new, summary.skipped) == (3, 3, 2)
        assert sorted(skipped) == ["a.csv:3", "b.jsonl:2"]
        ids = {d["id"] for d in store.documents()}
        assert "https://x.example/1" in ids
        (peru,) = [d for d in store.documents() if d["id"] == "https://x.example/1"]
        assert peru["title"] == "Envoys"


def test_a_csv_without_a_text_column_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    (item,) = list(iter_source(str(path)))
    assert "no text column" in str(item)


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, kind, status in (
            ("https://paper.example/ghana", OPENING, "text/html", "200 OK"),
            ("https://paper.example/logo.png", "PNG", "image/png", "200 OK"),
            ("https://paper.example/moved", "", "text/html", "301 Moved"),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_warc_responses_become_documents(tmp_path: Path, store_url: str) -> None:
    path = tmp_path / "news.warc.gz"
    _warc(path)
    with gzip.open(path) as check:
        assert check.read(4) == b"WARC"
    items = list(iter_source(str(path)))
    assert [getattr(i, "url", None) for i in items] == ["https://paper.example/ghana"]
    with Store(store_url) as store:
        summary = ingest_sources(store, [str(path)], fast=True)
        assert (summary.read, summary.new) == (1, 1)
        assert store.missions(sender="GHA", city="Caracas")[0]["status"] == "opened"


def test_language_detection_marks_uncoded_documents(tmp_path: Path, sqlite_url: str) -> None:
    assert (
        detect_language("El gobierno de Chile anunció nuevas medidas económicas para el próximo año.") == "es"
    )
    assert detect_language("ok") is None
    italian = tmp_path / "it.txt"
    italian.write_text(
        "Il Venezuela ha lodato lunedì la Corea del Nord per la cooperazione, ha comunicato il governo "
        "di Caracas in una nota.",
        encoding="utf-8",
    )
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [str(italian)], fast=True)
        assert (summary.read, summary.new, summary.not_coded, summary.events) == (1, 1, 1, 0)
        (doc,) = store.documents()
        stored = store.document(doc["id"])
        assert stored is not None
        assert (stored["version"]["lang"], stored["version"]["coded"]) == ("it", False)
        assert {m["code"][:3] for m in stored["mentions"]} >= {"VEN"}  # actors are still found


def test_german_documents_are_coded(tmp_path: Path, sqlite_url: str) -> None:
    german = tmp_path / "de.txt"
    german.write_text(
        "Venezuela hat am Montag Nordkorea für die Zusammenarbeit gelobt, teilte die Regierung "
        "in Caracas mit.",
        encoding="utf-8",
    )
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [str(german)], fast=True)
        assert (summary.read, summary.new, summary.not_coded) == (1, 1, 0)
        (doc,) = store.documents()
        stored = store.document(doc["id"])
        assert stored is not None
        assert (stored["version"]["lang"], stored["version"]["coded"]) == ("de", True)
        assert ("VEN", "051", "PRK") in {(e["source"]["code"][:3], e["cameo"], e["target"]["code"][:3])
                                         for e in stored["events"]}


def test_missing_sources_are_reported_and_the_batch_goes_on(tmp_path: Path, sqlite_url: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Peru praised Ecuador for the border accord on Friday.", encoding="utf-8")
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [str(tmp_path / "nope.txt"), str(good)], fast=True)
    assert (summary.read, summary.new, summary.skipped) == (1, 1, 1)
    assert summary.to_dict()["reasons"] == {"no such file or folder": 1}


def test_a_short_uncertain_guess_does_not_switch_coding_off() -> None:
    from dyad.doc import Document
    from dyad.ingest.lang import mark_language

    short = Document(id="x", text="Maduro met Kim in Pyongyang.")
    assert mark_language(short, {"en", "es"}) and short.lang is None
    given = Document(id="y", text="Maduro met Kim in Pyongyang.", lang="FR")
    assert not mark_language(given, {"en", "es"}) and given.lang == "fr"


def test_an_atom_file_with_full_content(tmp_path: Path, sqlite_url: str) -> None:
    body = (
        "<p>Ghana opened an embassy in Caracas on Monday, its foreign ministry said.</p>"
        "<p>The two governments have traded envoys for a decade and plan further visits this year.</p>"
        "<p>Officials from both countries are expected to sign agreements on trade and health.</p>"
    )
    atom = tmp_path / "wire.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<id>urn:wire</id><updated>2019-04-02T09:00:00Z</updated>"
        "<entry><title>Ghana in Caracas</title><id>urn:wire:1</id>"
        '<link href="https://wire.example/ghana"/><updated>2019-04-02T09:00:00Z</updated>'
        f'<content type="html"><![CDATA[{body}]]></content></entry></feed>',
        encoding="utf-8",
    )
    with Store(sqlite_url) as store:
        summary = ingest_sources(store, [str(atom)], fast=True, fetch_items=False)
        assert (summary.read, summary.new) == (1, 1)
        stored = store.document("https://wire.example/ghana")
        assert stored is not None and stored["version"]["date"] == "2019-04-02"
        assert stored["document"]["title"] == "Ghana in Caracas"


def test_the_ingest_command_summary_and_exit_codes(site: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dyad.cli import main

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--fast", "--retries", "0", f"{site}/feed.xml"])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"dyad: skipped {site}/missing.html: HTTP 404 Not Found"
    summary = json.loads(lines[-1])
    assert (summary["read"], summary["new"], summary["skipped"]) == (3, 3, 1)
    result = CliRunner().invoke(main, ["--db", db, "ingest", str(tmp_path / "absent")])
    assert result.exit_code == 1 and json.loads(result.stderr.splitlines()[-1])["read"] == 0


def test_broken_feeds_are_one_line_each(tmp_path: Path) -> None:
    not_feed = tmp_path / "data.xml"
    not_feed.write_text("<?xml version='1.0'?><inventory><item>1</item></inventory>", encoding="utf-8")
    (item,) = list(iter_source(str(not_feed)))
    assert str(item) == "data.xml: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)"
    truncated = tmp_path / "cut.rss"
    truncated.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>W", encoding="utf-8")
    (item,) = list(iter_source(str(truncated)))
    assert str(item).startswith("cut.rss: not a readable RSS/Atom feed")
