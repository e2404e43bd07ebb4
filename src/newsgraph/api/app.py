"""The JSON API: the same records as the CLI's `--json`, paginated, over the same queries.

Every error is a clear JSON message: 404 for what is not there, 400 for a bad parameter (never
a 500 for the user's input). Only POST /api/articles changes data (see `newsgraph.api.writes`).

The read handlers are `async` although their queries block: each takes a few milliseconds of
CPU, and running them one after another on the event loop serves about half as many again per
second as handing each to a thread (threads only contend for the interpreter lock). More cores
are used with more processes (`serve --workers N`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from newsgraph.api.cache import ResponseCache
from newsgraph.api.guard import Guard
from newsgraph.api.writes import add_write_routes
from newsgraph.compare import compare_story
from newsgraph.errors import InputError, NewsgraphError, StoreError
from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, open_database
from newsgraph.store.entity_queries import get_entity, list_entities
from newsgraph.store.event_queries import timeline
from newsgraph.store.graph_queries import build_graph, graph_json
from newsgraph.store.search import search
from newsgraph.store.story_queries import get_story, list_stories
from newsgraph.web import add_web_routes

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="Items to skip.")]


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise InputError(name, f"{value!r} is not a date; use YYYY-MM-DD") from error


def page(items: list[Any], limit: int, offset: int) -> Response:
    return as_json({"items": items, "limit": limit, "offset": offset})


def as_json(data: Any) -> Response:
    """The records are plain JSON already: skip FastAPI's generic encoder, the larger part of
    a request's time for a full article record. A value that is not valid Unicode (a lone
    surrogate stored by an older version) is written as a JSON escape rather than failing."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:
        body = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return Response(body, media_type="application/json")


SERVE_PUBLIC = "NEWSGRAPH_SERVE_PUBLIC"  # set by `serve` when bound to a non-loopback address


ALLOWED_HOSTS = "NEWSGRAPH_ALLOWED_HOSTS"  # comma-separated Host names `serve` answers to
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def app_from_environment() -> FastAPI:
    """The app `newsgraph serve` runs in each worker: database from NEWSGRAPH_DB, writing guarded
    by NEWSGRAPH_TOKEN, Host names from NEWSGRAPH_ALLOWED_HOSTS ("*": any)."""
    settings = Settings.from_env()
    token = os.environ.get("NEWSGRAPH_TOKEN") or None
    names = [n.strip() for n in os.environ.get(ALLOWED_HOSTS, ",".join(LOOPBACK_NAMES)).split(",") if n.strip()]
    hosts = None if "*" in names else names
    public = bool(os.environ.get(SERVE_PUBLIC))
    cached = os.environ.get(RESPONSE_CACHE, "on").lower() not in ("off", "0", "no")
    return create_app(settings.database_url, token=token, public=public, allowed_hosts=hosts, response_cache=cached)


RESPONSE_CACHE = "NEWSGRAPH_RESPONSE_CACHE"  # "off": every answer computed afresh


def create_app(
    database_url: str,
    token: str | None = None,
    public: bool = False,
    allowed_hosts: list[str] | None = None,
    response_cache: bool = True,
) -> FastAPI:
    """The API and the web pages over one database. `public`: the server is bound to an address
    other machines can reach, so writing needs `token` (NEWSGRAPH_TOKEN). `allowed_hosts`: the
    Host names answered (None: any). `response_cache`: answers kept while the data version stays
    (`newsgraph.api.cache`)."""
    store = ArticleStore(open_database(database_url))
    engine = store.engine
    app = FastAPI(
        title="newsgraph",
        description="Who did what to whom, when and where, and who says so: stories, articles, "
        "entities, claims, events, timelines, a knowledge graph and search, each with its evidence.",
        version="0.1.0",
    )
    app.state.store = store

    # The cache inside the Guard: the Guard's checks and headers apply to cached answers too.
    if response_cache:
        app.add_middleware(ResponseCache, engine=engine)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)

    @app.exception_handler(NewsgraphError)
    async def bad_request(_request: Request, error: NewsgraphError) -> JSONResponse:
        status = 503 if isinstance(error, StoreError) else 400
        return JSONResponse({"error": str(error)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'path'))}: {e['msg']}" for e in error.errors()
        )
        return JSONResponse({"error": f"bad parameter: {problems}"}, status_code=400)

    @app.get("/api/stories", summary="Stories, newest first")
    async def stories(limit: Limit = 50, offset: Offset = 0) -> Response:
        return page([s.to_dict() for s in list_stories(engine, limit=limit, offset=offset)], limit, offset)

    @app.get("/api/stories/{story_id}", summary="One story: articles, outlets, dates, top entities")
    async def story(story_id: str) -> Response:
        return as_json(get_story(engine, story_id).to_dict(detail=True))

    @app.get("/api/stories/{story_id}/compare", summary="Agreed, unique and conflicting facts; attribution")
    async def compare(
        story_id: str, min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None
    ) -> Response:
        found = get_story(engine, story_id)
        compared = compare_story(store.story_records(found.id), min_event_confidence=min_confidence)
        return as_json({"story_id": found.id, "title": found.title, **compared})

    @app.get("/api/articles", summary="Article summaries")
    async def articles(limit: Limit = 50, offset: Offset = 0) -> Response:
        return page([a.__dict__ for a in store.summaries(limit=limit, offset=offset)], limit, offset)

    @app.get("/api/articles/{article_id}", summary="One article record (the `analyze --json` contract)")
    async def article(article_id: str) -> Response:
        return as_json(store.get(article_id).to_dict())

    @app.get("/api/entities", summary="Canonical entities, most mentioned first")
    async def entities(
        type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        found = list_entities(engine, type=type, limit=limit + offset)
        return page(found[offset:], limit, offset)

    @app.get("/api/entities/{name}", summary="One entity: aliases, articles, claims, events")
    async def entity(name: str) -> Response:
        return as_json(get_entity(engine, name))

    @app.get("/api/timeline", summary="Events by event date, with evidence and attribution")
    async def events(
        story: str | None = None,
        entity: str | None = None,
        undated: bool = False,
        limit: Limit = 100,
        offset: Offset = 0,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    ) -> Response:
        found = timeline(
            engine, story_id=story, entity=entity, undated=undated, limit=limit, offset=offset,
            min_confidence=min_confidence,
        )
        return page(found, limit, offset)

    @app.get("/api/graph", summary="Knowledge graph: entities, event and said-about edges with evidence")
    async def graph(story: str | None = None, entity: str | None = None) -> Response:
        return as_json(graph_json(build_graph(engine, story_id=story, entity=entity)))

    @app.get("/api/search", summary="Full-text search over articles and claims")
    async def find(
        q: Annotated[str, Query(min_length=1, max_length=500, description='Words and "quoted phrases".')],
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Response:
        found = search(
            engine,
            q,
            entity=entity,
            since=_date(since, "since"),
            until=_date(until, "until"),
            outlet=outlet,
            limit=limit,
            offset=offset,
        )
        return page(found, limit, offset)

    add_write_routes(app, store, Settings.from_env(database_url), token, public)
    add_web_routes(app, store)
    return app
