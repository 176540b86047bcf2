"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against a real
`dyad serve` on a free 127.0.0.1 port over the demo database: home -> country -> dyad -> article, and paste.

Screenshots land in artifacts/ (git-ignored). Skipped, with the reason, only where Chromium is absent.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.db'}"
    env = {**os.environ, "DYAD_TOKEN": "browser-test-token"}
    demo = subprocess.run(
        [sys.executable, "-m", "dyad.cli", "--db", db, "demo", "--fast"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr[-2000:]
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dyad.cli", "--db", db, "serve", "--port", str(port), "--fast"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out, err = proc.communicate(timeout=5) if proc.poll() is not None else ("", "")
                    pytest.fail(f"dyad serve did not come up: {err[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright  # the `test` extra installs it; no skip without it

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser, server):  # noqa: ANN001, ANN201 - playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.problems = []
    host = server.split("//", 1)[1]
    pg.on(
        "request",
        lambda r: (
            None
            if r.url.split("//", 1)[-1].startswith(host) or r.url.startswith("data:")
            else pg.problems.append(f"request to elsewhere: {r.url}")
        ),
    )
    pg.on(
        "console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("response", lambda r: pg.problems.append(f"{r.status} for {r.url}") if r.status >= 400 else None)
    yield pg
    context.close()


def _shot(pg, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert (ARTIFACTS / name).stat().st_size > 10_000


def test_click_through_home_country_dyad_article(page, server):
    page.goto(server + "/")
    assert page.locator("svg.world circle").count() > 3
    assert page.locator("table.events tr.event").count() > 0
    _shot(page, "home-page.png")

    page.locator('p.active a[href="/country/VEN"]').click()
    page.wait_for_url("**/country/VEN")
    assert "Venezuela" in page.locator("h1").inner_text()
    assert page.locator("svg.citymap circle").count() > 10  # Caracas's missions, placed by coordinates
    _shot(page, "country-page.png")

    page.locator('a.dyadlink[href="/dyad/VEN/PRK"]').first.click()
    page.wait_for_url("**/dyad/VEN/PRK")
    assert page.locator("svg.timeline rect.q1").count() > 0
    assert page.locator("svg.timeline circle").count() > 0  # the Goldstein line's points
    rows = page.locator("table.events tr.event")
    assert rows.count() > 0
    _shot(page, "dyad-page.png")

    rows.first.locator("a.doclink").click()
    page.wait_for_url("**/doc/**")
    article = page.locator("article#article")
    assert article.locator("mark.mention").count() > 0
    trigger = article.locator("mark.trigger").first
    ref = trigger.get_attribute("data-ref")
    trigger.click()
    page.wait_for_selector(f"tr#{ref}.flash")  # the script links a trigger to its event row
    _shot(page, "article-page.png")
    assert page.problems == []


def test_the_server_listens_on_loopback_only(server):
    port = int(server.rsplit(":", 1)[1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if Path(table).exists():
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hexport = local.rsplit(":", 1)
                if state == "0A" and int(hexport, 16) == port:
                    listening.append(address)
    assert listening == ["0100007F"], listening  # 127.0.0.1, and nothing else


def test_city_and_older_version(page, server):
    page.goto(server + "/city/Caracas")
    assert page.locator("table#missions tr").count() > 10
    assert page.locator("svg.citymap").count() == 1
    page.goto(server + "/doc/https://example.org/antv-style/corea-embajada-caracas")
    page.locator("nav.versions a").first.click()
    page.wait_for_url("**version=1")
    assert "older version" in page.locator("nav.versions").inner_text()
    assert page.problems == []


def test_paste_an_article_is_coded_and_checked_on_the_spot(page, server):
    page.goto(server + "/paste")
    text = (
        "Venezuela criticized North Korea on Thursday <script>document.title='owned'</script>. "
        "China praised Venezuela as a partner."
    )
    page.fill("#text", text)
    page.fill("#date", "2016-07-15")
    page.click("#code")
    page.wait_for_selector("#result")
    assert page.locator("#result mark.trigger").count() >= 2
    assert page.locator("#result table.events tr.event").count() >= 2
    assert page.title() != "owned"
    assert "<script>document.title" in page.locator("#result article").inner_text()  # shown as text
    _shot(page, "paste-page.png")
    assert page.problems == []
