"""Web pages: story list, story, article, entity, search. Plain server-rendered HTML (Jinja2,
autoescaped) with our own small CSS and JS, served from the package: no CDN, works offline."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsgraph.compare import compare_story
from newsgraph.errors import NewsgraphError, NotFoundError
from newsgraph.nlp.claims import claim_in_words, confidence_word
from newsgraph.records import Article
from newsgraph.showable import displayable
from newsgraph.store import ArticleStore
from newsgraph.store.entity_queries import MAX_ITEMS, entity_types, get_entity, list_entities
from newsgraph.store.event_queries import timeline
from newsgraph.store.graph_queries import build_graph, graph_json
from newsgraph.store.search import MARK_END, MARK_START, search
from newsgraph.store.story_overview import find_stories, outlet_names, story_digests
from newsgraph.store.story_queries import Story, get_story
from newsgraph.web.charts import graph_layout, timeline_points
from newsgraph.web.highlight import highlighted

HERE = Path(__file__).parent
PAGE = 100  # entities on one index page
STORIES = 50  # stories on one page of the list


@dataclass
class Filters:
    """What the story list and search both narrow by: a date range, an outlet, an entity."""

    since: str = ""
    until: str = ""
    outlet: str = ""
    entity: str = ""

    @classmethod
    def from_query(
        cls,
        since: str = Query("", max_length=10),
        until: str = Query("", max_length=10),
        outlet: str = Query("", max_length=300),
        entity: str = Query("", max_length=300),
    ) -> Filters:
        return cls(since, until, outlet, entity)

    def given(self) -> dict[str, Any]:
        """The filters set, as keyword arguments (an empty one is no filter)."""
        return {name: value or None for name, value in asdict(self).items()}

    @property
    def any(self) -> bool:
        return any(asdict(self).values())


class ConflictCounts:
    """How many conflicts a story's comparison finds, for the story list. Only stories told by
    two outlets or more can conflict; a count is kept until the story's articles change, so a
    page of the list compares each story once, not on every view."""

    LIMIT = 4096

    def __init__(self, store: ArticleStore) -> None:
        self.store = store
        self.known: dict[tuple[str, tuple[str, ...]], int] = {}

    def count(self, story: Story) -> int:
        originals = [a for a in story.articles if a.duplicate_of is None]
        if len({a.outlet for a in originals}) < 2:
            return 0
        key = (story.id, tuple(sorted(a.id for a in story.articles)))
        if key not in self.known:
            if len(self.known) >= self.LIMIT:
                self.known.clear()
            self.known[key] = len(compare_story(self.store.story_records(story.id))["conflicting"])
        return self.known[key]


def quoted_people(articles: list[Article], top: int = 10) -> list[dict[str, Any]]:
    """The named people and organisations a story's outlets quote, most claims first, with
    the outlets that quote them (copies left out)."""
    found: dict[str, dict[str, Any]] = {}
    for article in articles:
        if article.duplicate_of is not None:
            continue
        for claim in article.claims:
            speaker = claim.speaker
            if speaker is None or speaker.anonymous or not speaker.name or claim.issues:
                continue
            entry = found.setdefault(
                speaker.entity_id or speaker.name,
                {"name": speaker.name, "entity_id": speaker.entity_id, "claims": 0, "outlets": set()},
            )
            entry["claims"] += 1
            entry["outlets"].add(article.outlet or "unknown outlet")
    ranked = sorted(found.values(), key=lambda e: (-e["claims"], e["name"]))[:top]
    return [{**e, "outlets": sorted(e["outlets"])} for e in ranked]


def by_article(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per article, in the order of its best hit, with every matching passage under it
    (search answers once per matching article text and once per matching claim)."""
    rows: dict[str, dict[str, Any]] = {}
    for hit in hits:
        row = rows.setdefault(hit["article_id"], {**hit, "passages": []})
        row["passages"].append(
            {"kind": hit["kind"], "parts": hit["snippet"].replace(MARK_END, MARK_START).split(MARK_START)}
        )
    return list(rows.values())


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

    conflicts = ConflictCounts(store)

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(
        request: Request,
        filters: Filters = Depends(Filters.from_query),
        page: int = Query(1, ge=1, le=100_000),
    ) -> HTMLResponse:
        try:
            found = find_stories(engine, limit=STORIES + 1, offset=(page - 1) * STORIES, **filters.given())
        except NotFoundError:
            found = []  # an entity nobody mentions: no story
        stories = found[:STORIES]
        digests = story_digests(engine, stories)
        for story in stories:
            digests[story.id]["conflicts"] = conflicts.count(story)
        return render(
            request,
            "stories.html",
            stories=stories,
            digests=digests,
            outlets=outlet_names(engine),
            filters=filters,
            page=page,
            more=len(found) > STORIES,
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> HTMLResponse:
        found = get_story(engine, story_id)
        events = timeline(engine, story_id=found.id)
        records = store.story_records(found.id)
        return render(
            request,
            "story.html",
            story=found,
            events=events,
            chart=timeline_points(events),
            comparison=compare_story(records),
            speakers=quoted_people(records),
            coverage=sorted(
                (a for a in found.articles if a.duplicate_of is None),
                key=lambda a: (a.published or "~", a.outlet or ""),  # undated last
            ),
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_id: str) -> HTMLResponse:
        article = store.get(article_id)
        return render(request, "article.html", article=article, body=highlighted(article))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    async def entities_page(
        request: Request,
        q: str = Query("", max_length=200),
        type: str = Query("", max_length=40),
        page: int = Query(1, ge=1, le=100_000),
    ) -> HTMLResponse:
        found = list_entities(engine, type=type or None, named=q, limit=PAGE + 1, offset=(page - 1) * PAGE)
        return render(
            request,
            "entities.html",
            entities=found[:PAGE],
            more=len(found) > PAGE,
            types=entity_types(engine),
            chosen_type=type,
            named=q,
            page=page,
        )

    @app.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, name: str) -> HTMLResponse:
        found = get_entity(engine, name)
        events = timeline(engine, entity=found["id"], limit=MAX_ITEMS)
        layout = graph_layout(graph_json(build_graph(engine, entity=found["id"])))
        return render(request, "entity.html", entity=found, events=events, graph=layout)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(
        request: Request,
        q: str = Query("", max_length=500),
        filters: Filters = Depends(Filters.from_query),
    ) -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        error = None
        if q.strip():
            try:
                hits = search(engine, q, limit=100, **filters.given())
            except NotFoundError:
                hits = []  # an entity nobody mentions: nothing matches
            except NewsgraphError as problem:
                error = str(problem)
        outlets = outlet_names(engine)
        return render(request, "search.html", q=q, hits=by_article(hits), error=error, filters=filters, outlets=outlets)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Any:
        """404 for the API and the pages alike: JSON under /api/, a page elsewhere."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(error)}, status_code=404)
        return render(request, "error.html", status=404, message=str(error))
