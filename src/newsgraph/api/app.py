"""The JSON API: the same records as the CLI's `--json`, paginated, over the same queries.

Every error is a clear JSON message: 404 for what is not there, 400 for a bad parameter (never
a 500 for the user's input). Only POST /api/articles changes data (see `newsgraph.api.writes`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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
MAX_REQUEST_BYTES = 1_000_000
# Scripts, styles and images only from this server, none inline: an article's text can never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'"
)
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise InputError(name, f"{value!r} is not a date; use YYYY-MM-DD") from error


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset}


def create_app(database_url: str, token: str | None = None, public: bool = False) -> FastAPI:
    """The API and the web pages over one database. `public`: the server is bound to an address
    other machines can reach, so writing needs `token` (NEWSGRAPH_TOKEN)."""
    store = ArticleStore(open_database(database_url))
    engine = store.engine
    app = FastAPI(
        title="newsgraph",
        description="Who did what to whom, when and where, and who says so: stories, articles, "
        "entities, claims, events, timelines, a knowledge graph and search, each with its evidence.",
        version="0.1.0",
    )
    app.state.store = store

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        """Refuse oversized requests; tell browsers to run no script but our own."""
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_REQUEST_BYTES):
            return JSONResponse({"error": f"request body over {MAX_REQUEST_BYTES} bytes"}, status_code=413)
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):  # the docs page loads its own assets
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

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
    def stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return page([s.to_dict() for s in list_stories(engine, limit=limit, offset=offset)], limit, offset)

    @app.get("/api/stories/{story_id}", summary="One story: articles, outlets, dates, top entities")
    def story(story_id: str) -> dict[str, Any]:
        return get_story(engine, story_id).to_dict(detail=True)

    @app.get("/api/stories/{story_id}/compare", summary="Agreed, unique and conflicting facts; attribution")
    def compare(story_id: str) -> dict[str, Any]:
        found = get_story(engine, story_id)
        return {"story_id": found.id, "title": found.title, **compare_story(store.story_records(found.id))}

    @app.get("/api/articles", summary="Article summaries")
    def articles(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return page([a.__dict__ for a in store.summaries(limit=limit, offset=offset)], limit, offset)

    @app.get("/api/articles/{article_id}", summary="One article record (the `analyze --json` contract)")
    def article(article_id: str) -> dict[str, Any]:
        return store.get(article_id).to_dict()

    @app.get("/api/entities", summary="Canonical entities, most mentioned first")
    def entities(
        type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        found = list_entities(engine, type=type, limit=limit + offset)
        return page(found[offset:], limit, offset)

    @app.get("/api/entities/{name}", summary="One entity: aliases, articles, claims, events")
    def entity(name: str) -> dict[str, Any]:
        return get_entity(engine, name)

    @app.get("/api/timeline", summary="Events by event date, with evidence and attribution")
    def events(
        story: str | None = None,
        entity: str | None = None,
        undated: bool = False,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        found = timeline(engine, story_id=story, entity=entity, undated=undated)
        return page(found[offset : offset + limit], limit, offset)

    @app.get("/api/graph", summary="Knowledge graph: entities, event and said-about edges with evidence")
    def graph(story: str | None = None, entity: str | None = None) -> dict[str, Any]:
        return graph_json(build_graph(engine, story_id=story, entity=entity))

    @app.get("/api/search", summary="Full-text search over articles and claims")
    def find(
        q: Annotated[str, Query(min_length=1, max_length=500, description='Words and "quoted phrases".')],
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
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
