"""Post recorded changes to a webhook, from a background thread: the writer never waits for it.

    hook = Webhook("https://hooks.example.org/dyad", timeout=5.0, retries=3)
    store.subscribe(hook)          # each change the store records is queued
    ...
    hook.close(wait=30.0)          # deliver what is queued (for at most 30 s), then stop

Each POST carries `{"source": "dyad", "changes": [...]}` (up to `batch` changes, the objects of
`GET /api/changes`) as JSON. A request that times out (`timeout` seconds), cannot connect, or is
answered 429 or 5xx is tried again up to `retries` times, waiting `backoff`, then twice that,
and so on; any other answer (2xx: delivered; 4xx: refused) ends it. The queue holds at most
`max_queue` changes; when it is full the oldest are dropped (and counted) rather than holding up
ingest. `on_error(message)` hears of each batch given up and each drop.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

DEFAULT_TIMEOUT = 5.0
DEFAULT_RETRIES = 3


class Webhook:
    """A queue of changes and the thread that posts them."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 1.0,
        batch: int = 100,
        max_queue: int = 10_000,
        on_error: Callable[[str], None] | None = None,
    ):
        self.url = url
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.batch = batch
        self.max_queue = max_queue
        self.on_error = on_error
        self.sent = 0  # changes delivered
        self.failed = 0  # changes given up on
        self.dropped = 0  # changes dropped from a full queue
        self._queue: deque[dict[str, Any]] = deque()
        self._busy = 0  # changes taken from the queue and not yet settled
        self._closed = False
        self._stop = threading.Event()  # cuts a pause between retries short when closing
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="dyad-webhook", daemon=True)
        self._thread.start()

    def __call__(self, changes: Sequence[dict[str, Any]]) -> None:
        """Queue changes (the store's listener); returns at once."""
        with self._cond:
            for item in changes:
                if len(self._queue) >= self.max_queue:
                    self._queue.popleft()
                    self.dropped += 1
                    self._error(f"webhook queue full ({self.max_queue}): dropped the oldest change")
                self._queue.append(item)
            self._cond.notify_all()

    @property
    def in_flight(self) -> int:
        """Changes taken from the queue and being posted now."""
        return self._busy

    def flush(self, wait: float) -> bool:
        """Wait (at most `wait` seconds) until every queued change was delivered or given up."""
        deadline = time.monotonic() + wait
        with self._cond:
            while self._queue or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self, wait: float = 30.0) -> bool:
        """Deliver what is queued (for at most `wait` seconds), then stop the thread."""
        done = self.flush(wait)
        with self._cond:
            self._closed = True
            self._stop.set()
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return done

    def _run(self) -> None:
        import httpx

        with httpx.Client(timeout=self.timeout, headers={"user-agent": "dyad-webhook"}) as client:
            while True:
                with self._cond:
                    while not self._queue and not self._closed:
                        self._cond.wait()
                    if self._closed and not self._queue:
                        return
                    items = [self._queue.popleft() for _ in range(min(self.batch, len(self._queue)))]
                    self._busy = len(items)
                delivered = self._post(client, items)
                with self._cond:
                    if delivered:
                        self.sent += len(items)
                    else:
                        self.failed += len(items)
                    self._busy = 0
                    self._cond.notify_all()

    def _post(self, client: Any, items: list[dict[str, Any]]) -> bool:
        import httpx

        body = {"source": "dyad", "changes": items}
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self._stop.wait(self.backoff * 2 ** (attempt - 1))
            try:
                answer = client.post(self.url, json=body)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if answer.is_success:
                return True
            problem = f"HTTP {answer.status_code}"
            if answer.status_code != 429 and answer.status_code < 500:
                break
        self._error(f"webhook {self.url}: gave up on {len(items)} change(s) ({problem})")
        return False

    def _error(self, message: str) -> None:
        if self.on_error is not None:
            self.on_error(message)
