"""Helpers for the reliability tests: real `dyad` subprocesses with their own resource usage,
hostile inputs written to disk, and a local HTTP server on 127.0.0.1 that misbehaves on purpose.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DYAD = str(Path(sys.executable).parent / "dyad")

GOOD_TEXT = (
    "Chile and Peru signed a fishing agreement in Lima on Monday. "
    "Bolivia criticised the Chilean government over the deal.\n"
)
GOOD_HTML = (
    "<!doctype html><html lang='en'><head><title>Andean fishing deal</title></head><body><article>"
    "<h1>Andean fishing deal</h1><p>Chile and Peru signed a fishing agreement in Lima on Monday. "
    "Bolivia criticised the Chilean government over the deal, its foreign minister said.</p>"
    "<p>Officials from both countries met again on Tuesday to discuss quotas for the coming "
    "season, and the talks were described as friendly by people present.</p></article></body></html>"
)

SKIP_LINE = re.compile(r"^dyad: skipped (.+?): (.+)$")


@dataclass
class Run:
    """One finished `dyad` subprocess: exit status, output and its own peak memory."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float

    @property
    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    @property
    def skips(self) -> dict[str, str]:
        """{doc id: reason} of every `dyad: skipped ID: REASON` line."""
        found = {}
        for line in self.stderr.splitlines():
            m = SKIP_LINE.match(line)
            if m:
                found[m.group(1)] = m.group(2)
        return found


def run_dyad(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> Run:
    """Run the installed `dyad` as a real child process and measure *that* child's peak RSS (wait4)."""
    import tempfile

    full_env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    full_env.pop("DYAD_DB", None)
    full_env.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        rss_file = Path(tempfile.mkdtemp(prefix="dyad-rss-")) / "maxrss"
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(rss_file), DYAD, *args],
            stdin=inp, stdout=out, stderr=err, env=full_env, cwd=cwd, start_new_session=True,
        )
        deadline = start + timeout
        while proc.poll() is None:
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise AssertionError(f"dyad {' '.join(args)[:200]} did not finish in {timeout} s")
            time.sleep(0.05)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        maxrss = float(rss_file.read_text()) if rss_file.exists() else 0.0
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            maxrss / 1024,
            seconds,
        )


# A child forked from this (large, late in a test session) process would report the parent's pages
# as its own peak: Linux keeps a process's RSS high-water mark across exec. So a small launcher
# forks dyad, and reports that child's peak RSS (wait4) in a file; dyad's exit status passes through.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def assert_no_traceback(text: str) -> None:
    assert "Traceback (most recent call last)" not in text, text[-3000:]
    for line in text.splitlines():
        assert not re.match(r"^\w+(\.\w+)*(Error|Exception): ", line), f"raw exception line: {line!r}"


# ---------------------------------------------------------------- hostile inputs


def write_bad_inputs(folder: Path) -> dict[str, Path]:
    """One file per hazard (the small ones) and one good article; {hazard: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": folder / "empty.txt",
        "blank": folder / "blank.txt",
        "binary": folder / "binary.txt",
        "invalid_utf8": folder / "invalid-utf8.txt",
        "mixed": folder / "mixed-encodings.txt",
        "deep_html": folder / "deep.html",
        "good": folder / "good.txt",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \n\t\r\n  \n")
    files["binary"].write_bytes(bytes(range(256)) * 64)  # NULs and every byte value: a binary blob
    # Invalid UTF-8 throughout: Latin-1 accents and lone continuation bytes.
    files["invalid_utf8"].write_bytes(
        "Venezuela acus\xf3 a Colombia de espionaje en Bogot\xe1.\n".encode("latin-1")
        + b"\x80\x81\xbf stray continuation bytes \xc3\x28 and a broken pair.\n"
    )
    # One line UTF-8, one line Windows-1252, one UTF-16 fragment without NUL-heavy prefix.
    files["mixed"].write_bytes(
        b"Chile and Peru met in Lima; the Peruvian minister spoke.\n"
        + "Bolivia\u2019s minister said \u201cno\u201d \u2014 caf\xe9.\n".encode("cp1252")
        + "M\u00e9xico y Per\u00fa firmaron un acuerdo en Lima.\n".encode("utf-8")
    )
    depth = 20_000
    files["deep_html"].write_text(
        "<!doctype html><html><body>"
        + "<div><span>" * depth
        + "<p>Chile and Peru signed a fishing agreement in Lima.</p>"
        + "</span></div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    files["good"].write_text(GOOD_TEXT, encoding="utf-8")
    return files


def write_big_text(path: Path, megabytes: int = 50) -> Path:
    """A `megabytes` MB plain-text document of varied news-like sentences (no two paragraphs alike)."""
    import random

    rng = random.Random(20240601)
    # Mostly local news with no foreign actors; one sentence in 40 names two countries.
    people = [
        "the mayor",
        "the committee",
        "local officials",
        "the council",
        "residents",
        "the union",
        "farmers",
    ]
    countries = ["Chile", "Peru", "Bolivia", "Ecuador", "Argentina", "Uruguay"]
    verbs = ["met", "criticised", "praised", "visited", "thanked", "accused", "urged", "welcomed"]
    rest = [
        "on Monday",
        "over the water rates",
        "about the new road",
        "after the meeting",
        "during the harvest",
        "while the market was closed",
        "before the vote",
        "at the town hall",
    ]
    target = megabytes * 1024 * 1024
    written = 0

    def sentence() -> str:
        pool = countries if rng.random() < 1 / 40 else people
        a, b = rng.sample(pool, 2)
        return f"{a[0].upper()}{a[1:]} {rng.choice(verbs)} {b} {rng.choice(rest)}."

    with path.open("w", encoding="utf-8") as f:
        while written < target:
            para = " ".join(sentence() for _ in range(8)) + "\n"
            f.write(para)
            written += len(para)
    return path


# ---------------------------------------------------------------- a misbehaving web server


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event  # set by the fixture when the test ends: the slow route gives up
    hits: list[str]  # every path requested, in order

    def log_message(self, *_args: object) -> None:  # keep pytest output clean
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?")[0]
        self.hits.append(path)
        if path == "/article.html":
            self._send(200, GOOD_HTML.encode(), "text/html; charset=utf-8")
        elif path == "/error500":
            self._send(500, b"<html><body>Internal Server Error</body></html>", "text/html")
        elif path == "/not-xml.rss":
            self._send(
                200, b"this is { not xml at all \x00\xff and never closes <channel", "application/rss+xml"
            )
        elif path == "/slow":
            self.release.wait(120)  # longer than any sane client timeout; released at teardown
            self._send(200, GOOD_HTML.encode(), "text/html")
        elif path == "/feed.rss":
            host = self.headers.get("host", "127.0.0.1")
            items = "".join(
                f"<item><title>{name}</title><link>http://{host}{route}</link></item>"
                for name, route in (("good", "/article.html"), ("broken", "/error500"), ("slow", "/slow"))
            )
            body = (
                f"<?xml version='1.0'?><rss version='2.0'><channel><title>test feed</title>"
                f"<link>http://{host}/</link><description>d</description>{items}</channel></rss>"
            )
            self._send(200, body.encode(), "application/rss+xml")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class WebServer(str):
    """The base URL of the test server; `.hits` lists the paths it was asked for."""

    hits: list[str]


@pytest.fixture()
def bad_web() -> Iterator[WebServer]:
    """A local web server on 127.0.0.1 with a good article, a 500, a feed that is not XML and a hang."""
    release = threading.Event()
    hits: list[str] = []
    handler = type("Handler", (_Handler,), {"release": release, "hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = WebServer(f"http://127.0.0.1:{server.server_address[1]}")
        base.hits = hits
        yield base
    finally:
        release.set()
        server.shutdown()
        server.server_close()
