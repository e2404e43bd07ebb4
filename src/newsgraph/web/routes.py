"""Web pages: story list, story, article, entity, search. Plain server-rendered HTML (Jinja2,
autoescaped) with our own small CSS and JS, served from the package: no CDN, works offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsgraph.compare import compare_story
from newsgraph.errors import NewsgraphError, NotFoundError
from newsgraph.nlp.claim_words import claim_in_words, confidence_word
from newsgraph.storable import displayable
from newsgraph.store import ArticleStore
from newsgraph.store.entity_queries import MAX_ITEMS, get_entity
from newsgraph.store.event_queries import timeline
from newsgraph.store.graph_queries import build_graph, graph_json
from newsgraph.store.search import MARK_END, MARK_START, search
from newsgraph.store.story_queries import get_story, list_stories
from newsgraph.web.charts import graph_layout, timeline_points
from newsgraph.web.highlight import highlighted

HERE = Path(__file__).parent


def web_link(url: str | None) -> str | None:
    """An article's URL as a link only when it is a web address: `javascript:` and `data:` URLs
    from a scraped page must never become something to click."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def add_web_routes(app: FastAPI, store: ArticleStore) -> None:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    # A stored value that is not valid Unicode (older versions let lone surrogates in) is shown
    # as an escape instead of failing the whole page.
    templates.env.finalize = lambda value: displayable(value) if isinstance(value, str) else value
    templates.env.filters["web_link"] = web_link
    templates.env.filters["claim_speaker"] = claim_in_words
    templates.env.filters["confidence_word"] = confidence_word
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    engine = store.engine

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request) -> HTMLResponse:
        return render(request, "stories.html", stories=list_stories(engine, limit=200))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> HTMLResponse:
        found = get_story(engine, story_id)
        events = timeline(engine, story_id=found.id)
        comparison = compare_story(store.story_records(found.id))
        return render(
            request, "story.html", story=found, events=events, chart=timeline_points(events), comparison=comparison
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_id: str) -> HTMLResponse:
        article = store.get(article_id)
        return render(request, "article.html", article=article, body=highlighted(article))

    @app.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, name: str) -> HTMLResponse:
        found = get_entity(engine, name)
        events = timeline(engine, entity=found["id"], limit=MAX_ITEMS)
        layout = graph_layout(graph_json(build_graph(engine, entity=found["id"])))
        return render(request, "entity.html", entity=found, events=events, graph=layout)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        error = None
        if q.strip():
            try:
                hits = search(engine, q, limit=50)
            except NewsgraphError as problem:
                error = str(problem)
        for hit in hits:
            hit["parts"] = hit["snippet"].replace(MARK_END, MARK_START).split(MARK_START)
        return render(request, "search.html", q=q, hits=hits, error=error)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Any:
        """404 for the API and the pages alike: JSON under /api/, a page elsewhere."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(error)}, status_code=404)
        return render(request, "error.html", status=404, message=str(error))
