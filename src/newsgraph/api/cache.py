"""Answers kept in memory while the data stays the same: a GET that was answered before, at the
same data version, is sent again without running its queries.

The key is the method, path and query string; the version is `data_version`, which every stored
article moves (whichever process stores it: an ingest, another server worker), so an answer is
never older than the data. The whole cache is dropped when the version moves, and it holds at
most `max_bytes` of bodies (the least recently used go first). Only complete 200 answers are
kept. A plain ASGI middleware, like `Guard`, which must stay outside it (its checks run on every
request, cached or not).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.store.data_version import read_data_version

MAX_CACHED_BYTES = 64_000_000
MAX_CACHED_BODY = 2_000_000  # a larger answer is sent as usual and not kept
CACHE_HEADER = (b"x-newsgraph-cache", b"hit")


@dataclass
class _Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    def __init__(self, app: ASGIApp, engine: Engine, max_bytes: int = MAX_CACHED_BYTES) -> None:
        self.app = app
        self.engine = engine
        self.max_bytes = max_bytes
        self.version: int | None = None
        self.answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        version = self._current_version()
        if version is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        answer = self.answers.get(key)
        if answer is not None:
            self.answers.move_to_end(key)
            await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
            await send({"type": "http.response.body", "body": answer.body})
            return
        await self.app(scope, receive, self._recording(send, key, version))

    def _current_version(self) -> int | None:
        try:
            version = read_data_version(self.engine)
        except SQLAlchemyError:
            return None  # the database is away or older: answer without the cache
        if version != self.version:
            self.answers.clear()
            self.size = 0
            self.version = version
        return version

    def _recording(self, send: Send, key: tuple[str, bytes], version: int) -> Send:
        start: Message = {}
        parts: list[bytes] = []  # the body so far, while it may still be kept
        size = 0
        keeping = True

        async def recording_send(message: Message) -> None:
            nonlocal start, keeping, size
            if message["type"] == "http.response.start":
                start = message
                keeping = message["status"] == 200
            elif message["type"] == "http.response.body" and keeping:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
                keeping = size <= MAX_CACHED_BODY
                if keeping and not message.get("more_body", False):
                    self._keep(key, version, start, b"".join(parts))
            await send(message)

        return recording_send

    def _keep(self, key: tuple[str, bytes], version: int, start: Message, body: bytes) -> None:
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        if version != self.version or any(k.lower() == b"set-cookie" for k, _ in headers):
            return
        replaced = self.answers.pop(key, None)
        if replaced is not None:
            self.size -= len(replaced.body)
        self.answers[key] = _Answer(start["status"], [*headers, CACHE_HEADER], body)
        self.size += len(body)
        while self.size > self.max_bytes and self.answers:
            _, dropped = self.answers.popitem(last=False)
            self.size -= len(dropped.body)
