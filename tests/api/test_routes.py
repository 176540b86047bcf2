"""The contract's JSON routes through FastAPI's TestClient, each checked against the library's own payload."""

from __future__ import annotations

import json

import pytest
from apihelp import ARTICLES, TOKEN, make_client

import dyad
from dyad.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_health_reports_the_store(filled, sqlite_url):
    body = filled.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["version"] == dyad.__version__
    assert body["store"] == Store(sqlite_url).stats()
    assert body["store"]["documents"] == len(ARTICLES)


def test_code_answers_what_dyad_code_prints(client):
    text = ARTICLES[0]["text"]
    response = client.post("/api/code", json={"text": text, "date": "2016-03-02", "fast": True})
    assert response.status_code == 200
    expected = [e.to_dict() for e in dyad.code_text(text, date="2016-03-02", fast=True)]
    for e in expected:
        e.pop("explanation", None)
    assert response.json() == expected
    assert expected, "the test article should yield events"
    explained = client.post("/api/code?explain=true", json={"text": text, "date": "2016-03-02"}).json()
    assert any("explanation" in e for e in explained)


def test_code_rejects_bad_bodies_with_clear_json(client):
    for body, field in [
        ({"text": ""}, "text"),
        ({"text": "x", "date": "23/06/2015"}, "date"),
        ({"text": "x", "lang": "<b>"}, "lang"),
        ({"txt": "x"}, "txt"),
        ({}, "text"),
    ]:
        response = client.post("/api/code", json=body)
        assert response.status_code == 422, body
        error = response.json()
        assert error["error"] == "invalid request"
        assert field in error["message"]
    response = client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and "error" in response.json()


def test_check_takes_text_or_html_and_answers_findings(client):
    text = "El canciller de la República de Corea llegó a Caracas desde Pyongyang."
    as_text = client.post("/api/check", json={"text": text, "date": "2015-06-22"})
    assert as_text.status_code == 200
    assert as_text.json() == [f.to_dict() for f in dyad.check_text(text, date="2015-06-22")]
    html = f"<html lang='es'><body><article><h1>Embajada</h1><p>{text}</p></article></body></html>"
    as_html = client.post("/api/check", json={"html": html})
    assert as_html.status_code == 200 and isinstance(as_html.json(), list)
    assert client.post("/api/check", json={"date": "2015-06-22"}).status_code == 422


def test_actors_answers_mentions_as_the_cli_prints_them(client):
    text = "Nicolas Maduro received the envoy of Pyongyang. The Venezuelan army stayed home."
    response = client.post("/api/actors", json={"text": text, "date": "2015-06-22"})
    assert response.status_code == 200
    got = {(m["text"], m["code"]) for m in response.json()}
    assert {("Nicolas Maduro", "VENGOV"), ("envoy of Pyongyang", "PRKGOV"), ("Venezuelan army", "VENMIL")} <= got
    for m in response.json():
        assert text[m["doc_start"]:m["doc_end"]] == m["text"] and m["why"]
    # the date decides who held office
    later = client.post("/api/actors", json={"text": "Obama spoke.", "date": "2012-01-01"}).json()
    assert [m["code"] for m in later] == ["USAGOV"]
    assert client.post("/api/actors", json={"text": ""}).status_code == 422
    assert client.post("/api/actors", json={"text": "x", "date": "yesterday"}).status_code == 422
    assert client.post("/api/actors", json={"text": "x", "path": "/etc/passwd"}).status_code == 422


def test_documents_need_the_token(client):
    article = ARTICLES[1]
    assert client.post("/api/documents", json=article).status_code == 401
    wrong = client.post("/api/documents", json=article, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert "DYAD_TOKEN" in wrong.json()["message"]
    assert client.get("/api/health").json()["store"]["documents"] == 0


def test_documents_are_open_without_a_token(sqlite_url):
    open_client = make_client(sqlite_url, token=None)
    assert open_client.post("/api/documents", json=ARTICLES[2]).status_code == 201


def test_a_second_text_under_one_url_is_a_new_version(client, sqlite_url):
    first = client.post("/api/documents", json=ARTICLES[0], headers=AUTH)
    assert first.status_code == 201
    created = first.json()
    assert created["version"] == 1 and created["status"] == "new" and created["events"] > 0
    again = client.post("/api/documents", json=ARTICLES[0], headers=AUTH).json()
    assert again["status"] == "unchanged" and again["version"] == 1
    corrected = dict(ARTICLES[0], text=ARTICLES[0]["text"].replace("Monday", "Tuesday"))
    second = client.post("/api/documents", json=corrected, headers=AUTH).json()
    assert (second["id"], second["version"], second["status"]) == (created["id"], 2, "updated")
    stored = Store(sqlite_url).document(created["id"])
    assert stored is not None and stored["version"]["text"] == corrected["text"]
    old = client.get(f"/api/documents/{created['id']}", params={"version": 1}).json()
    assert old["version"]["text"] == ARTICLES[0]["text"]


def test_html_articles_are_extracted(client):
    html = (
        "<html lang='en'><head><title>Embassy</title></head><body><article><h1>Embassy news</h1>"
        "<p>Venezuela and China signed new oil agreements in Beijing on Friday.</p>"
        "<p>The agreements cover mining and oil for the coming decade, officials said.</p>"
        "</article></body></html>"
    )
    response = client.post(
        "/api/documents",
        json={"html": html, "url": "https://news.example.net/html", "date": "2017-01-20"},
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    assert response.json()["events"] > 0


def test_an_unreadable_article_is_a_400_with_the_reason(client):
    response = client.post(
        "/api/documents", json={"html": "<html><body><script>var x = 1;</script></body></html>"}, headers=AUTH
    )
    assert response.status_code == 400
    assert response.json() == {"error": "bad input", "message": "api: no article text found in the HTML"}


def test_events_filters_and_pagination(filled, sqlite_url):
    store = Store(sqlite_url)
    everything = filled.get("/api/events", params={"limit": 1000}).json()
    assert everything == store.events(limit=1000)
    assert everything
    vp = filled.get("/api/events", params={"source": "VEN", "target": "PRK"}).json()
    assert vp == store.events(source="VEN", target="PRK")
    assert vp and all(e["source"]["country"] == "VEN" and e["target"]["country"] == "PRK" for e in vp)
    dated = filled.get("/api/events", params={"since": "2016-07", "until": "2016-12-31"}).json()
    assert dated and all("2016-07" <= e["date"] <= "2016-12-31" for e in dated)
    page = filled.get("/api/events", params={"limit": 2})
    assert page.json() == everything[:2]
    assert 'rel="next"' in page.headers["link"]
    nxt = page.headers["link"].split(";")[0].strip("<>")
    assert filled.get(nxt).json() == everything[2:4]
    reports = filled.get("/api/events", params={"merged": "false", "limit": 1000}).json()
    assert reports == store.events(merged=False, limit=1000)
    assert len(reports) >= len(everything)
    last = filled.get("/api/events", params={"limit": 1000, "offset": len(everything) - 1})
    assert last.json() == everything[-1:] and "link" not in last.headers


@pytest.mark.parametrize(
    "query",
    [
        "source=%3Cscript%3E",
        "target=VEN%27%20OR%201=1--",
        "since=yesterday",
        "until=2015-13-45x",
        "limit=0",
        "limit=100000",
        "offset=-1",
        "limit=abc",
        "source=" + "A" * 200,
    ],
)
def test_hostile_query_strings_get_422(filled, query):
    response = filled.get(f"/api/events?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid request" and body["message"]
    assert "<script>" not in response.text


def test_missions_by_city_host_and_sender(filled, sqlite_url):
    store = Store(sqlite_url)
    caracas = filled.get("/api/missions", params={"city": "caracas"}).json()
    assert caracas == store.missions(city="caracas")
    prk = [m for m in caracas if m["sender"] == "PRK"]
    assert prk and any("doc_id" in s for m in prk for s in m["sources"]), "the news should have opened it"
    hosted = filled.get("/api/missions", params={"host": "VEN", "sender": "PRK"}).json()
    assert hosted == store.missions(host="VEN", sender="PRK")
    page = filled.get("/api/missions", params={"host": "VEN", "limit": 3})
    assert len(page.json()) == 3 and "link" in page.headers
    assert filled.get("/api/missions", params={"city": "<x>"}).status_code == 422


def test_relations_answer_what_dyad_relations_prints(filled, sqlite_url):
    from dyad.kb.relations import relations

    store = Store(sqlite_url)
    body = filled.get("/api/relations/ven/prk").json()
    assert body.pop("names") == {"VEN": "Venezuela", "PRK": "North Korea"}
    assert body == json.loads(json.dumps(relations(store, "VEN", "PRK")))
    floor = body["min_confidence"]
    both = store.events(source="VEN", target="PRK", min_confidence=floor) + store.events(
        source="PRK", target="VEN", min_confidence=floor
    )
    assert sum(m["events"] for m in body["months"]) == len(both) > 0
    for m in body["months"]:
        month = [e for e in both if (e["date"] or "").startswith(m["month"])]
        assert m["quad"] == {q: sum(1 for e in month if str(e["quad"]) == q) for q in "1234"}
    later = filled.get("/api/relations/VEN/PRK", params={"since": "2016-07"}).json()
    assert [m["month"] for m in later["months"]] == [
        m["month"] for m in body["months"] if m["month"] >= "2016-07"
    ]
    assert filled.get("/api/relations/VEN/<b>").status_code in (404, 422)
    assert filled.get("/api/relations/VEN/PRK", params={"since": "last year"}).status_code == 422


def test_page_timeline_counts_the_dyads_events_per_period(filled, sqlite_url):
    from dyad.api.ledger import dyad_timeline

    store = Store(sqlite_url)
    both = store.events(source="VEN", target="PRK") + store.events(source="PRK", target="VEN")
    for by, width in (("month", 7), ("day", 10)):
        body = dyad_timeline(store, "VEN", "PRK", by=by)
        assert body["events"] == len(both)
        assert [p["period"] for p in body["timeline"]] == sorted({e["date"][:width] for e in both})
        for p in body["timeline"]:
            period = [e for e in both if e["date"].startswith(p["period"])]
            assert p["goldstein"] == pytest.approx(
                sum(e["goldstein"] for e in period) / len(period), abs=0.01
            )
            assert p["a_to_b"] == sum(1 for e in period if e["source"]["country"] == "VEN")


def test_errors_are_json_with_a_message(filled):
    missing = filled.get("/api/documents/https://nowhere.example/none")
    assert missing.status_code == 404 and "no stored article" in missing.json()["message"]
    nothing = filled.get("/api/nothing-here")
    assert nothing.status_code == 404 and nothing.json()["error"] == "not found"
    wrong_method = filled.delete("/api/events")
    assert wrong_method.status_code == 405 and "DELETE" in wrong_method.json()["message"]


def test_bodies_over_the_limit_get_413(sqlite_url):
    small = make_client(sqlite_url, max_body=4096)
    big = {"text": "Venezuela criticized North Korea. " * 400}
    response = small.post("/api/code", json=big)
    assert response.status_code == 413
    assert "limit" in response.json()["message"]
    chunked = small.post(
        "/api/documents",
        content=(json.dumps(big).encode() for _ in range(1)),
        headers={**AUTH, "content-type": "application/json"},
    )
    assert chunked.status_code == 413
    assert small.post("/api/code", json={"text": "Venezuela criticized North Korea."}).status_code == 200


def test_openapi_describes_every_contract_route(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in [
        ("/api/health", "get"),
        ("/api/code", "post"),
        ("/api/check", "post"),
        ("/api/documents", "post"),
        ("/api/events", "get"),
        ("/api/missions", "get"),
        ("/api/relations/{a}/{b}", "get"),
    ]:
        assert method in paths[path], path
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"source", "target", "since", "until", "limit", "offset"} <= params
    assert "/country/{iso3}" not in paths  # pages are not part of the API description


def test_security_headers_on_every_response(client):
    for path in ("/api/health", "/"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_a_bug_still_answers_json(sqlite_url, monkeypatch):
    from fastapi.testclient import TestClient

    from dyad.api import create_app

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    app = create_app(sqlite_url, fast=True)
    monkeypatch.setattr(Store, "stats", broken)
    response = TestClient(app, raise_server_exceptions=False).get("/api/health")
    assert response.status_code == 500
    assert response.json() == {
        "error": "server error",
        "message": "internal error (RuntimeError: boom); the server's log has the details",
    }
