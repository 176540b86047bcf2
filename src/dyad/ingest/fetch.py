"""Fetch a URL over HTTP (httpx): timeouts, a few retries with back-off, one clear error.

    page = fetch("https://example.org/news/1")     # -> Fetched(url, data, content_type)

Connection failures, timeouts, 429 and 5xx answers are retried (`retries` times, waiting
0.5 s, 1 s, 2 s ...); other 4xx answers are not. What cannot be fetched raises `InputError`
naming the URL, what went wrong and how many attempts were made.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from dyad.errors import InputError
from dyad.ingest.readers import MAX_BYTES

USER_AGENT = "dyad/0.1 (+https://github.com/; news event coder)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(
    url: str, *, timeout: float = 15.0, retries: int = 2, backoff: float = 0.5, client: object | None = None
) -> Fetched:
    """GET a URL; raise InputError when it cannot be fetched after `retries` more attempts."""
    import httpx

    own = client is None
    http = (
        client
        if isinstance(client, httpx.Client)
        else httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )
    )
    problem = "no attempt"
    try:
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(backoff * 2 ** (attempt - 1))
            try:
                with http.stream("GET", url) as response:
                    if response.status_code in _RETRY_STATUS:
                        problem = f"HTTP {response.status_code}"
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > MAX_BYTES:
                            raise InputError(
                                f"{url}: over the {MAX_BYTES // (1024 * 1024)} MB limit for one document"
                            )
                        chunks.append(chunk)
                    return Fetched(
                        str(response.url),
                        b"".join(chunks),
                        response.headers.get("content-type", "").split(";")[0].strip().lower(),
                    )
            except httpx.TimeoutException:
                problem = f"timed out after {timeout:g} s"
            except httpx.TransportError as exc:
                problem = f"unreachable ({type(exc).__name__}: {str(exc)[:120] or 'no answer'})"
            except httpx.InvalidURL as exc:
                raise InputError(f"{url}: not a valid URL ({exc})") from exc
        attempts = retries + 1
        raise InputError(f"{url}: {problem}; gave up after {attempts} attempt{'s' if attempts > 1 else ''}")
    finally:
        if own:
            http.close()
