"""HTTP hazards, against the real app over a real SQLite store (FastAPI's TestClient) and a real
`dyad serve` process: hostile article text is shown escaped on every page, writes need the
bearer token, oversized bodies get 413, hostile query strings get 422 and never reach SQL
unparameterised, clients cannot name files, and the server binds to loopback by default."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import event  # noqa: E402

from dyad.api import create_app  # noqa: E402

from .conftest import DYAD, WebServer  # noqa: E402

TOKEN = "reliability-token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SCRIPT = '<script>alert("owned")</script>'
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    f"Chile criticised Peru on Monday over the fishing quotas. {SCRIPT} "
    f"Bolivia praised Chile in Lima. {IMG} \"quoted\" & 'single' </textarea></title>"
)
HOSTILE_TITLE = f"Andean talks {SCRIPT}"
HOSTILE_URL = 'https://news.example.org/a"><script>alert(2)</script>'


def _no_live_markup(body: str) -> None:
    """No script or event-handler markup from the article survives as markup."""
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "</textarea></title>" not in body
    assert not re.search(r"<[^>]*\sonerror=", body)


@pytest.fixture()
def app_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'http.db'}"


@pytest.fixture()
def client(app_url: str) -> Iterator[TestClient]:
    app = create_app(app_url, token=TOKEN, max_body=64 * 1024, fast=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def hostile_doc(client: TestClient) -> dict[str, Any]:
    r = client.post(
        "/api/documents",
        json={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "url": HOSTILE_URL, "date": "2016-05-02"},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    return r.json()


# ---------------------------------------------------------------- escaping


def test_script_in_an_article_is_shown_escaped_on_every_page(client: TestClient, hostile_doc: dict) -> None:
    doc_path = "/doc/" + quote(hostile_doc["id"], safe=":/@")
    page = client.get(doc_path)
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    _no_live_markup(page.text)
    assert "&lt;script&gt;alert(" in page.text  # shown as text, not dropped
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for path in (
        "/",
        "/country/CHL",
        "/country/PER",
        "/dyad/CHL/PER",
        "/city/Lima",
        "/search?q=Chile",
        f"/search?q={quote(SCRIPT)}",
        f"/city/{quote(SCRIPT, safe='')}",
        f"/doc/{quote(SCRIPT, safe='')}",
        f"/country/{quote(SCRIPT, safe='')}",
    ):
        r = client.get(path)
        assert r.status_code < 500, (path, r.status_code, r.text[:300])
        _no_live_markup(r.text)


def test_pasted_script_is_escaped(client: TestClient) -> None:
    r = client.post("/paste", data={"text": HOSTILE_TEXT, "date": "2016-05-02"})
    assert r.status_code == 200
    _no_live_markup(r.text)
    assert "&lt;script&gt;" in r.text


def test_json_answers_are_json_not_html(client: TestClient, hostile_doc: dict) -> None:
    r = client.get("/api/documents/" + quote(hostile_doc["id"], safe=":/@"))
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    r = client.post("/api/code", json={"text": HOSTILE_TEXT})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")


# ---------------------------------------------------------------- the bearer token


def _stats(client: TestClient) -> dict:
    return client.get("/api/health").json()["store"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer "},
        {"X-Token": TOKEN},
        {"Cookie": f"token={TOKEN}"},
    ],
)
def test_writes_need_the_bearer_token(client: TestClient, headers: dict) -> None:
    before = _stats(client)
    r = client.post("/api/documents", json={"text": "Chile criticised Peru on Monday."}, headers=headers)
    assert r.status_code == 401, r.text
    assert r.headers.get("www-authenticate", "").lower().startswith("bearer")
    r = client.post(f"/api/documents?token={TOKEN}", json={"text": "Chile criticised Peru."}, headers=headers)
    assert r.status_code == 401
    assert _stats(client) == before


def test_no_route_writes_without_the_token(client: TestClient) -> None:
    """Every non-GET route, called without the token, leaves the store as it was."""
    before = _stats(client)
    bodies = {"json": {"text": "Chile criticised Peru on Monday.", "html": "<p>Chile criticised Peru.</p>"}}
    for route in client.app.routes:
        methods = set(getattr(route, "methods", set()) or set()) - {"GET", "HEAD", "OPTIONS"}
        path = getattr(route, "path", "")
        if not methods or "{" in path:
            continue
        for method in methods:
            client.request(method, path, json={"text": bodies["json"]["text"]})
            client.request(method, path, data={"text": bodies["json"]["text"]})
    assert _stats(client) == before
    r = client.post("/api/documents", json={"text": "Chile criticised Peru on Monday."}, headers=AUTH)
    assert r.status_code == 201
    assert _stats(client)["documents"] == before["documents"] + 1


# ---------------------------------------------------------------- body size


@pytest.mark.parametrize("route", ["/api/code", "/api/check", "/api/documents", "/paste"])
def test_oversized_bodies_get_413(client: TestClient, route: str) -> None:
    before = _stats(client)
    big = "Chile criticised Peru. " * 10_000  # ~230 KB, over the 64 KB limit of this server
    if route == "/paste":
        r = client.post(route, data={"text": big})
    else:
        r = client.post(route, json={"text": big}, headers=AUTH)
    assert r.status_code == 413, (route, r.status_code)
    assert r.json()["error"] == "too large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must bite as it streams
        yield b'{"text": "'
        for _ in range(200):
            yield b"Chile criticised Peru. " * 50
        yield b'"}'

    ctype = "application/x-www-form-urlencoded" if route == "/paste" else "application/json"
    r = client.post(route, content=chunks(), headers={**AUTH, "content-type": ctype})
    assert r.status_code == 413, (route, "streamed", r.status_code)
    r = client.post(
        route,
        content=b"{}",
        headers={**AUTH, "content-type": "application/json", "content-length": "99999999999999999999"},
    )
    assert r.status_code in (400, 413)
    assert _stats(client) == before


# ---------------------------------------------------------------- hostile query strings

SQLI = [
    "' OR '1'='1",
    "CHL' --",
    "1; DROP TABLE documents; --",
    "CHL\x00",
    "%27%20OR%201=1",
    "<script>",
    "../../etc/passwd",
    "CHL" * 2000,
    "\u202e\u0000",
]
NUMBERS = ["1e9999", "-1", "NaN", "99999999999999999999999", "0x10", "1; DROP TABLE events"]
_PARAMS = [
    ("/api/events", "source"),
    ("/api/events", "target"),
    ("/api/events", "since"),
    ("/api/events", "until"),
    ("/api/events", "limit"),
    ("/api/events", "offset"),
    ("/api/missions", "host"),
    ("/api/missions", "sender"),
    ("/api/documents", "limit"),
    ("/api/relations/CHL/PER", "since"),
    ("/api/relations/CHL/PER", "until"),
]
_NUMERIC = [
    ("/api/events", "limit"),
    ("/api/events", "offset"),
    ("/api/documents", "limit"),
    ("/api/documents", "offset"),
    ("/api/missions", "limit"),
    ("/api/events", "since"),
]


@pytest.mark.parametrize("value", SQLI + NUMBERS)
def test_hostile_query_strings_get_422(client: TestClient, hostile_doc: dict, value: str) -> None:
    for path, param in _PARAMS if value in SQLI else _NUMERIC:
        r = client.get(path, params={param: value})
        assert r.status_code == 422, (path, param, value, r.status_code)
        body = r.json()
        assert body["error"] == "invalid request" and body["message"]
    if value in SQLI:
        r = client.get(f"/api/relations/{quote(value, safe='')}/PER")
        assert r.status_code in (404, 422)
    assert client.get("/api/health").json()["store"]["documents"] == 1  # the table is still there


def test_no_client_string_reaches_sql_unparameterised(client: TestClient, hostile_doc: dict) -> None:
    """Spy on every statement the store sends: client strings travel only as bound parameters."""
    marker = "zq'x\"MARK--;"
    statements: list[str] = []
    engine = client.app.state.store.engine

    def spy(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        for path, params in [
            ("/api/missions", {"city": marker}),
            ("/search", {"q": marker}),
            ("/api/documents/" + quote(marker, safe=""), {}),
            ("/doc/" + quote(marker, safe=""), {}),
            ("/city/" + quote(marker, safe=""), {}),
        ]:
            r = client.get(path, params=params)
            assert r.status_code < 500, (path, r.status_code, r.text[:300])
        r = client.post(
            "/api/documents",
            json={
                "text": f"Chile criticised Peru. {marker}",
                "title": marker,
                "url": f"https://x.example/{quote(marker)}",
            },
            headers=AUTH,
        )
        assert r.status_code == 201
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    assert statements, "the spy saw no SQL"
    leaked = [s for s in statements if "MARK" in s]
    assert not leaked, leaked[:3]


# ---------------------------------------------------------------- no file paths, no fetching


def test_clients_cannot_name_files_or_make_the_server_fetch(client: TestClient, bad_web: WebServer) -> None:
    before = _stats(client)
    for body in (
        {"url": "file:///etc/passwd"},
        {"text": "Chile met Peru.", "url": "file:///etc/passwd"},
        {"text": "Chile met Peru.", "path": "/etc/passwd"},
        {"text": "Chile met Peru.", "file": "/etc/passwd"},
        {"text": "Chile met Peru.", "source_path": "/etc/passwd"},
        {"url": f"{bad_web}/article.html"},
        {"html": "", "url": f"{bad_web}/article.html"},
    ):
        r = client.post("/api/documents", json=body, headers=AUTH)
        assert r.status_code == 422, (body, r.status_code, r.text[:200])
    for route in ("/api/code", "/api/check"):
        r = client.post(route, json={"text": "Chile met Peru.", "path": "/etc/passwd"})
        assert r.status_code == 422
    # an HTML body pointing at local files and at our server is read as text, never followed
    html = (
        f"<html><body><article><p>Chile criticised Peru on Monday in Lima, officials said.</p>"
        f"<img src='file:///etc/passwd'><iframe src='{bad_web}/article.html'></iframe>"
        f"<link rel=stylesheet href='{bad_web}/article.html'></article></body></html>"
    )
    r = client.post("/api/documents", json={"html": html, "url": f"{bad_web}/article.html"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert bad_web.hits == [], "the server fetched a URL a client gave it"
    for path in (
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/doc/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static//etc/passwd",
    ):
        r = client.get(path)
        assert "root:x:0:0" not in r.text, path
        assert r.status_code in (400, 404), (path, r.status_code)
    assert _stats(client)["documents"] == before["documents"] + 1
    paths = json.dumps(client.get("/openapi.json").json()["paths"])
    for word in ('"name": "path"', '"name": "file"', '"name": "filename"', '"name": "source_path"'):
        assert word not in paths


# ---------------------------------------------------------------- arbitrary bodies never answer 500


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    text=st.text(max_size=300), html=st.text(max_size=200), date=st.one_of(st.none(), st.text(max_size=12))
)
def test_any_body_answers_without_a_500(app_url: str, text: str, html: str, date: str | None) -> None:
    app = _shared_app(app_url)
    with TestClient(app, raise_server_exceptions=False) as c:
        for route, body in (
            ("/api/code", {"text": text, "date": date}),
            ("/api/check", {"text": text, "html": "<p>" + html, "date": date}),
            ("/api/documents", {"html": "<article><p>" + html + text + "</p></article>"}),
        ):
            r = c.post(route, json=body, headers=AUTH)
            assert r.status_code in (200, 201, 400, 413, 422), (route, r.status_code, r.text[:300])
            r.json()


_APPS: dict[str, Any] = {}


def _shared_app(url: str) -> Any:
    if url not in _APPS:
        _APPS.clear()
        _APPS[url] = create_app(url, token=TOKEN, max_body=64 * 1024, fast=True)
    return _APPS[url]


def test_lone_surrogates_in_json_bodies(client: TestClient) -> None:
    """JSON may escape a lone surrogate (\\ud800); it must not crash coding, storing or answering."""
    raw = b'{"text": "Chile criticised Peru on Monday. \\ud800 Bolivia praised Chile. \\udfff"}'
    for route in ("/api/code", "/api/check", "/api/documents"):
        r = client.post(route, content=raw, headers={**AUTH, "content-type": "application/json"})
        assert r.status_code in (200, 201, 400, 422), (route, r.status_code, r.text[:300])


# ---------------------------------------------------------------- binding


def _listening_addresses(port: int) -> list[str]:
    found = []
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            host_hex, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(host_hex)
                if family == socket.AF_INET:
                    found.append(socket.inet_ntop(family, raw[::-1]))
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    found.append(socket.inet_ntop(family, words))
    return found


def test_serve_binds_to_loopback_by_default(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("DYAD_TOKEN", None)
    proc = subprocess.Popen(
        [DYAD, "--db", f"sqlite:///{tmp_path / 's.db'}", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        addresses: list[str] = []
        while time.monotonic() < deadline and proc.poll() is None:
            addresses = _listening_addresses(port)
            if addresses:
                break
            time.sleep(0.2)
        assert addresses, "dyad serve never listened"
        assert all(a in ("127.0.0.1", "::1") for a in addresses), addresses
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()


# ---------------------------------------------------------------- bad input over HTTP


def test_bad_bodies_get_a_clear_4xx(tmp_path: Path) -> None:
    """The hazards of the command line, sent over HTTP: each gets a 4xx with a JSON message, never a 500."""
    app = create_app(f"sqlite:///{tmp_path / 'bad.db'}", token=TOKEN, fast=True)  # the default 2 MB limit
    deep = (
        "<div><span>" * 20_000 + "<p>Chile criticised Peru on Monday in Lima.</p>" + "</span></div>" * 20_000
    )
    json_ct = {**AUTH, "content-type": "application/json"}
    cases = [
        ("/api/code", {"json": {"text": ""}}, {422}),
        ("/api/code", {"json": {"text": "   \n\t"}}, {200, 400, 422}),
        ("/api/code", {"json": {"text": "\x00\x01\x02 binary \x00" * 100}}, {200, 400}),
        ("/api/code", {"json": {}}, {422}),
        ("/api/code", {"json": ["not", "an", "object"]}, {422}),
        ("/api/code", {"content": b'{"text": "Chile met', "headers": json_ct}, {422}),
        (
            "/api/code",
            {"content": b'{"text": "Chile \xff\xfe met Peru"}', "headers": json_ct},
            {200, 400, 422},
        ),
        ("/api/code", {"content": b"[" * 100_000 + b"]" * 100_000, "headers": json_ct}, {400, 413, 422}),
        ("/api/code", {"content": b"text=Chile", "headers": {"content-type": "text/plain"}}, {415, 422}),
        ("/api/code", {"json": {"text": "Chile met Peru.", "date": "yesterday"}}, {422}),
        ("/api/check", {"json": {"html": deep}}, {200, 400}),
        ("/api/documents", {"json": {"html": deep}, "headers": AUTH}, {201, 400}),
        ("/api/documents", {"json": {"html": "<html><body></body></html>"}, "headers": AUTH}, {400, 422}),
        ("/api/documents", {"json": {"text": ""}, "headers": AUTH}, {422}),
    ]
    with TestClient(app, raise_server_exceptions=False) as c:
        before = c.get("/api/health").json()["store"]
        for route, kwargs, allowed in cases:
            r = c.post(route, **kwargs)
            assert r.status_code in allowed, (route, str(kwargs)[:80], r.status_code, r.text[:300])
            body = r.json()
            if r.status_code >= 400:
                assert body["error"] and body["message"] and "Traceback" not in body["message"]
        after = c.get("/api/health").json()["store"]
        assert after["documents"] - before["documents"] <= 1  # at most the deep page, if its text was found
