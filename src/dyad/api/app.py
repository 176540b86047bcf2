"""The app factory: one store, the JSON routes, the pages, one error handler.

    app = create_app("sqlite:///dyad.db", token=None, max_body=2_000_000)

Every `DyadError` becomes its `http_status` with a JSON body `{"error", "message"}` under
`/api/`, and an error page elsewhere. Bodies over `max_body` bytes get 413 before they are
read; writes need `Authorization: Bearer TOKEN` when a token is set.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.errors import DyadError

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes: a long article in HTML fits many times over
_log = logging.getLogger("dyad")

_SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class AuthError(DyadError):
    """A write without the bearer token the server was started with."""

    exit_code = 1
    http_status = 401


class NotFound(DyadError):
    """A page or record that the store does not hold."""

    exit_code = 1
    http_status = 404


def create_app(
    store_url: str,
    token: str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    fast: bool = False,
    webhook: str | None = None,
) -> FastAPI:
    """The HTTP API and the web pages over the store at `store_url`; with `webhook`, the changes
    its writes record are posted there (dyad/notify.py) until the app shuts down."""
    from dyad import __version__
    from dyad.api import feeds, pages, routes
    from dyad.api.web import static_dir
    from dyad.store import Store

    store = Store(store_url)
    hook = None
    if webhook:
        from dyad.notify import Webhook

        hook = Webhook(webhook, on_error=lambda message: _log.warning("dyad: %s", message))
        store.subscribe(hook)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if hook is not None:
            hook.close(wait=10.0)

    app = FastAPI(
        lifespan=lifespan,
        title="dyad",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="The diplomatic ledger: events coded from the news, missions, dyad timelines. "
        "Writes need `Authorization: Bearer TOKEN` when the server has a token.",
    )
    app.state.store = store
    app.state.webhook = hook
    app.state.token = token or None
    app.state.fast = fast
    app.include_router(routes.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_exception_handler(DyadError, _dyad_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)
    app.add_middleware(_BodyLimit, max_body=max_body)
    app.add_middleware(_SecurityHeaders)
    return app


def check_token(request: Request) -> None:
    """Raise `AuthError` unless the request carries the server's bearer token (when it has one)."""
    expected: str | None = request.app.state.token
    if not expected:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise AuthError(
            "this server needs 'Authorization: Bearer TOKEN' for writes (the token it was started "
            "with, DYAD_TOKEN)"
        )


# ---------------------------------------------------------------- errors


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request, status: int, error: str, message: str, details: list[Any] | None = None
) -> Response:
    if _wants_json(request):
        body: dict[str, Any] = {"error": error, "message": message}
        if details:
            body["details"] = details
        headers = {"www-authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)
    from dyad.api.pages import error_page

    return error_page(request, status, error, message)


async def _dyad_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DyadError)
    name = {
        400: "bad input",
        401: "unauthorized",
        404: "not found",
        413: "too large",
        503: "store unavailable",
    }.get(exc.http_status, "server error")
    return _error(request, exc.http_status, name, str(exc))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        details.append({"field": where, "problem": str(err.get("msg", "invalid"))})
    message = "; ".join(f"{d['field']}: {d['problem']}" for d in details[:5]) or "invalid request"
    return _error(request, 422, "invalid request", message, details)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    messages = {
        404: f"nothing at {request.url.path}; see /openapi.json for the routes",
        405: f"{request.method} is not allowed on {request.url.path}",
    }
    name = {404: "not found", 405: "method not allowed"}.get(exc.status_code, "error")
    detail = (
        exc.detail
        if isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed")
        else messages.get(exc.status_code, str(exc.detail))
    )
    return _error(request, exc.status_code, name, detail)


async def _internal_error(request: Request, exc: Exception) -> Response:
    """The last resort: a bug still answers one JSON line (the traceback goes to the server's log)."""
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return _error(
        request,
        500,
        "server error",
        f"internal error ({type(exc).__name__}: {first}); the server's log has the details",
    )


# ---------------------------------------------------------------- middleware


class _BodyLimit:
    """Answer 413 to a body over `max_body` bytes, by its Content-Length or as it streams in."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(scope, send)
                return
        seen = 0
        state = {"started": False, "refused": False}

        async def limited_receive() -> Message:
            nonlocal seen
            if state["refused"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Answer 413 now; the app then sees a client that went away, and what it sends is dropped.
                    if not state["started"]:
                        await self._refuse(scope, send)
                    state["refused"] = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if state["refused"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        response = JSONResponse(
            {
                "error": "too large",
                "message": f"the request body is over the {self.max_body} "
                "byte limit of this server; send a shorter article",
            },
            status_code=413,
        )
        await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class _SecurityHeaders:
    """A strict Content-Security-Policy (no inline script, nothing from elsewhere) and friends."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers") or [])
                present = {k.lower() for k, _ in raw}
                for name, value in _SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        raw.append((name.encode(), value.encode()))
                message["headers"] = raw
            await send(message)

        await self.app(scope, receive, with_headers)
