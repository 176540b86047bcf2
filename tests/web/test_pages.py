"""The web pages over HTTP (TestClient): each answers, shows the store's records, escapes article text."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.api.markup import Span, mark_article, spans_for
from dyad.store import Store

TOKEN = "pages-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = '<script>alert("x")</script>'
ATTR = '"><img src=x onerror=alert(1)>'

# Sentences written for these tests.
ARTICLES = [
    {
        "url": "https://paper.example.org/a/1",
        "date": "2016-03-02",
        "title": f"Embassy {HOSTILE}",
        "text": f"North Korea opened an embassy in Caracas on Monday {HOSTILE}, "
        "and Venezuela welcomed the move.\n"
        f"Venezuela criticized North Korea {ATTR} over its missile test on Thursday.",
    },
    {
        "url": "https://paper.example.org/a/2",
        "date": "2017-01-20",
        "title": "Oil deal",
        "text": "Venezuela and China signed new oil agreements in Beijing on Friday.",
    },
]


@pytest.fixture()
def site(sqlite_url: str) -> TestClient:
    client = TestClient(create_app(sqlite_url, token=TOKEN, fast=True))
    for article in ARTICLES:
        assert client.post("/api/documents", json=article, headers=AUTH).status_code == 201
    return client


def _no_injection(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")  # only ever as escaped text


def test_home_shows_latest_events_and_the_world(site, sqlite_url):
    html = site.get("/").text
    assert '<svg class="world"' in html
    assert 'href="/country/VEN"' in html
    newest = Store(sqlite_url).events(limit=1000)[-1]
    assert unescape(newest["sentence_text"][:40]) in unescape(html)
    _no_injection(html)


def test_country_page_lists_missions_relations_and_events(site, sqlite_url):
    response = site.get("/country/ven")
    assert response.status_code == 200
    html = response.text
    store = Store(sqlite_url)
    assert f"Missions it hosts ({len(store.missions(host='VEN'))})" in html
    assert f"Its missions abroad ({len(store.missions(sender='VEN'))})" in html
    assert 'href="/dyad/VEN/PRK"' in html and 'href="/dyad/VEN/CHN"' in html
    assert '<svg class="citymap"' in html  # Caracas's missions have coordinates
    _no_injection(html)
    assert site.get("/country/XQZ").status_code == 404
    assert site.get("/country/%3Cb%3E").status_code == 422


def test_dyad_page_draws_the_timeline_and_lists_the_events(site, sqlite_url):
    from dyad.kb import min_confidence

    html = site.get("/dyad/VEN/PRK").text
    store = Store(sqlite_url)
    floor = min_confidence()
    both = store.events(source="VEN", target="PRK", min_confidence=floor) + store.events(
        source="PRK", target="VEN", min_confidence=floor
    )
    assert '<svg class="timeline"' in html
    assert html.count('<tr id="ev') == len(both) > 0
    bars = re.findall(r'<rect class="q(\d)"[^>]*><title>[^<]*: (\d+) ', html)
    assert sum(int(n) for _, n in bars) == len(both)
    assert {q for q, _ in bars} == {str(e["quad"]) for e in both}
    _no_injection(html)


def test_city_page_names_senders_since_and_sources(site):
    html = site.get("/city/Caracas").text
    assert '<svg class="citymap"' in html
    row = re.search(r'<tr><td><a href="/country/PRK">.*?</tr>', html, re.S)
    assert row and "opened" in row.group(0) and "/doc/https://paper.example.org/a/1" in row.group(0)
    assert "wikidata" in html  # reference missions name their dataset
    assert site.get("/city/Nowhereville").status_code == 404
    hostile = site.get("/city/%3Cscript%3Ealert(1)")
    assert hostile.status_code == 422 and "<script>alert" not in hostile.text


def test_article_page_marks_mentions_and_triggers_and_escapes_the_text(site, sqlite_url):
    stored = Store(sqlite_url).document("https://paper.example.org/a/1")
    html = site.get("/doc/https://paper.example.org/a/1").text
    _no_injection(html)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    article = re.search(r'<article class="text" id="article">(.*?)</article>', html, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", article)) == stored["version"]["text"]
    assert article.count('<mark class="mention"') >= len(stored["mentions"])
    triggers = set(re.findall(r'<mark class="trigger"[^>]*data-ref="ev(\d+)"', article))
    assert triggers == {str(i) for i, e in enumerate(stored["events"]) if e["trigger"]}
    assert triggers
    findings = set(re.findall(r'<mark class="finding"[^>]*data-ref="fi(\d+)"', article))
    assert findings == {str(i) for i in range(len(stored["findings"]))}
    for i in triggers:  # each mark points at its row in the events table
        assert f'<tr id="ev{i}" class="event">' in html


def test_older_versions_stay_reachable(site):
    first = ARTICLES[1]
    site.post(
        "/api/documents", json=dict(first, text=first["text"].replace("Friday", "Saturday")), headers=AUTH
    )
    current = site.get("/doc/https://paper.example.org/a/2").text
    assert "version 2 of 2" in current and 'href="/doc/https://paper.example.org/a/2?version=1"' in current
    old = site.get("/doc/https://paper.example.org/a/2?version=1").text
    assert "Friday" in old and "older version" in old
    assert site.get("/doc/https://paper.example.org/a/2?version=9").status_code == 404


def test_paste_codes_and_checks_without_storing(site, sqlite_url):
    before = Store(sqlite_url).stats()
    text = f"Venezuela criticized North Korea on Thursday. {HOSTILE}"
    response = site.post("/paste", data={"text": text, "date": "2016-07-15", "lang": "en"})
    assert response.status_code == 200
    html = response.text
    _no_injection(html)
    assert '<mark class="trigger"' in html and '<mark class="mention"' in html
    assert Store(sqlite_url).stats() == before
    bad = site.post("/paste", data={"text": "Venezuela.", "date": "next week"})
    assert bad.status_code == 422 and "not a date" in bad.text


def test_search_goes_to_the_right_page(site):
    for query, where in [
        ("VEN/PRK", "/dyad/VEN/PRK"),
        ("Venezuela and North Korea", "/dyad/VEN/PRK"),
        ("venezuela", "/country/VEN"),
        ("PRK", "/country/PRK"),
        ("caracas", "/city/Caracas"),
    ]:
        response = site.get("/search", params={"q": query}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == where, query
    page = site.get("/search", params={"q": HOSTILE})
    assert page.status_code == 200
    _no_injection(page.text)


def test_no_page_loads_anything_from_elsewhere(site):
    for path in (
        "/",
        "/country/VEN",
        "/dyad/VEN/PRK",
        "/city/Caracas",
        "/doc/https://paper.example.org/a/1",
        "/paste",
    ):
        html = site.get(path).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert ref.startswith(("/", "#")), (path, ref)
    assert site.get("/static/dyad.css").status_code == 200
    assert site.get("/static/dyad.js").status_code == 200


def test_markup_escapes_every_piece_and_nests_overlaps():
    text = 'A <b>"x"</b> & B'
    spans = [
        Span(0, 8, "mention", 'tip "q" <i>'),
        Span(2, 14, "trigger", "t", "ev0"),
        Span(5, 6, "finding", "f"),
    ]
    html = str(mark_article(text, spans, {0: 0}))
    assert "<b>" not in html and "<i>" not in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert html.startswith(
        '<a class="anchor" id="s0"></a><mark class="mention" title="tip &#34;q&#34; &lt;i&gt;">'
    )
    assert (
        '<mark class="finding" title="f"><mark class="trigger" title="t" data-ref="ev0">'
        '<mark class="mention"' in html
    )


def test_spans_over_other_words_than_they_were_found_on_are_dropped():
    text = "Venezuela thanked Cuba."
    mentions = [
        {"sentence": 0, "start": 0, "end": 9, "text": "Venezuela", "code": "VEN"},
        {"sentence": 0, "start": 10, "end": 17, "text": "Ecuador", "code": "ECU"},  # offsets of another text
    ]
    findings = [{"start": 18, "end": 22, "text": "Cuba", "kind": "k"}, {"start": 40, "end": 44, "text": "x"}]
    spans = spans_for(text, {0: 0}, mentions, [], findings)
    assert [(s.kind, text[s.start : s.end]) for s in spans] == [("mention", "Venezuela"), ("finding", "Cuba")]


def test_dyad_page_shows_the_diplomatic_record_and_reports_that_disagree(site):
    # written for this test: two reports of the same day about Chile's embassy in Caracas, and a break
    for url, text in (
        ("https://paper.example.org/c/1", "Chile closed its embassy in Caracas on Monday."),
        ("https://paper.example.org/c/2", "Chile reopened its embassy in Caracas on Monday."),
        ("https://paper.example.org/c/3", "Venezuela broke off diplomatic relations with Chile on Monday."),
    ):
        body = {"text": text, "url": url, "date": "2021-03-10"}
        assert site.post("/api/documents", json=body, headers=AUTH).status_code == 201
    html = site.get("/dyad/CHL/VEN").text
    record = re.search(r'<section class="relations-record">.*?</section>', html, re.S)
    assert record and "severed" in record.group(0) and "broke off diplomatic relations" in record.group(0)
    row = re.search(r'<tr><td>CHL</td><td>VEN</td>.*?</tr>', html, re.S)
    assert row and "reports of 2021-03-08 disagree" in row.group(0)
    assert "/doc/https://paper.example.org/c/1#s0" in row.group(0)
    relations = site.get("/api/relations/CHL/VEN").json()
    assert relations["diplomatic"]["status"] == "severed"
