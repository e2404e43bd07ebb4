"""Every response tells browsers to run no script but ours; no request body may be large or
slow; only the server's own names are served; no other site may write.

DNS rebinding (a foreign name resolved to 127.0.0.1) is refused by the Host check; a foreign
page's form or `fetch` that needs no preflight (`text/plain`) is refused by the Origin and
content-type checks on every method that changes data.

A plain ASGI middleware rather than Starlette's `BaseHTTPMiddleware`, which runs each request
in an extra task and costs a large share of a fast request's time.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_REQUEST_BYTES = 1_000_000
# A client that sends its body slower than this between two parts is cut off.
BODY_TIMEOUT_SECONDS = 30.0
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Scripts, styles and images only from this server, none inline: an article's text can never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'"
)
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


class RequestTooLarge(Exception):
    pass


class Guard:
    """`allowed_hosts`: the Host names served (None: any, for a library user's own app)."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = MAX_REQUEST_BYTES,
        allowed_hosts: Collection[str] | None = None,
        body_timeout: float = BODY_TIMEOUT_SECONDS,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.allowed_hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if self.allowed_hosts is not None and host_name(host) not in self.allowed_hosts:
            await self._refuse(send, 400, "this server does not answer to that Host name")
            return
        if scope["method"] not in SAFE_METHODS:
            problem = write_problem(headers, host)
            if problem is not None:
                await self._refuse(send, *problem)
                return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._too_large(send)
            return
        path: str = scope["path"]
        extra = list(HEADERS)
        if not path.startswith(("/docs", "/redoc")):  # the docs page loads its own assets
            extra.append((b"content-security-policy", CSP.encode()))
        received = 0
        started = False

        async def limited_receive() -> Message:
            # Bodies sent without a length (chunked) are counted as they arrive.
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout)
            except TimeoutError:
                raise RequestTimedOut from None
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise RequestTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except RequestTooLarge:
            if not started:
                await self._too_large(send)
        except RequestTimedOut:
            if not started:
                await self._refuse(send, 408, f"request body not received within {self.body_timeout:.0f} s")

    async def _too_large(self, send: Send) -> None:
        await self._refuse(send, 413, f"request body over {self.max_bytes} bytes")

    async def _refuse(self, send: Send, status: int, reason: str) -> None:
        body = json.dumps({"error": reason}).encode()
        headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers + HEADERS})
        await send({"type": "http.response.body", "body": body})


class RequestTimedOut(Exception):
    pass


def host_name(host: str) -> str:
    """The name part of a Host header value ("[::1]:8000" -> "::1", "Example.org." -> "example.org")."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0].rstrip(".") if host.count(":") <= 1 else host


def write_problem(headers: dict[bytes, bytes], host: str) -> tuple[int, str] | None:
    """Why a request that changes data is refused, or None: another site's Origin, or a body
    that is not JSON (which a foreign page could send without the browser asking first)."""
    origin = headers.get(b"origin")
    if origin is not None:
        parts = urlsplit(origin.decode("latin-1"))
        if not parts.netloc or parts.netloc.lower() != host.strip().lower():
            return 403, "writes from another site's page are refused (its Origin is not this server)"
    media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    if media_type != b"application/json":
        return 415, "writes must be sent as application/json"
    return None
