"""The one route that changes data: POST /api/articles analyses and stores new articles.

A server that other machines can reach must not let them write: when `serve` binds to anything
but loopback, writing needs the token from NEWSGRAPH_TOKEN (sent as `Authorization: Bearer ...`),
and without a token set writing is off. A token, once set, is asked for on loopback too.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from newsgraph.errors import InputError
from newsgraph.ingest.prepare import prepare_article
from newsgraph.ingest.readers import jsonl_record
from newsgraph.nlp.pipeline import Analyzer, without_errors
from newsgraph.records import Article
from newsgraph.settings import Settings
from newsgraph.store import ArticleStore, SaveOutcome
from newsgraph.stories import StoryPlacer

MAX_ARTICLES_PER_REQUEST = 100


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def write_refusal(request: Request, token: str | None, public: bool) -> JSONResponse | None:
    """Why this request may not write, as the response to send; None when it may."""
    if token:
        sent = request.headers.get("authorization", "")
        scheme, _, value = sent.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            return JSONResponse(
                {"error": "this route changes data: send the server's token as 'Authorization: Bearer TOKEN'"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None
    if public:
        return JSONResponse(
            {"error": "writing is off: this server can be reached from other machines and NEWSGRAPH_TOKEN is not set"},
            status_code=403,
        )
    return None


class ArticleWriter:
    """Analyses and stores posted articles; the model loads on the first write, and one write
    runs at a time (the pipeline and the story state are not shared between threads)."""

    def __init__(self, store: ArticleStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.lock = threading.Lock()
        self.analyzer: Analyzer | None = None
        self.placer = StoryPlacer()

    def write(self, records: list[Any]) -> dict[str, Any]:
        articles: list[Article] = []
        failed: list[dict[str, str]] = []
        for number, record in enumerate(records, start=1):
            where = f"request:{number}"
            try:
                articles.append(prepare_article(jsonl_record(record, Path("request"), where)))
            except InputError as error:
                failed.append({"source": error.source, "reason": error.reason})
        new: list[str] = []
        unchanged: list[str] = []
        with self.lock:
            fresh = [a for a in articles if not self.store.has(a.id)]
            fresh_ids = {a.id for a in fresh}
            unchanged.extend(a.id for a in articles if a.id not in fresh_ids)
            if fresh:
                if self.analyzer is None:
                    self.analyzer = Analyzer(self.settings.pipeline, self.settings.batch_size)
                errors: list[InputError] = []
                analysed = without_errors(self.analyzer.analyze_reporting(fresh), errors)
                for article, outcome in self.store.save_many(analysed, on_insert=self.placer):
                    if outcome is SaveOutcome.FAILED:
                        errors.append(self.store.save_failure(article))
                    else:
                        (new if outcome is SaveOutcome.NEW else unchanged).append(article.id)
                failed.extend({"source": e.source, "reason": e.reason} for e in errors)
        return {"new": new, "unchanged": unchanged, "failed": failed}


def add_write_routes(app: FastAPI, store: ArticleStore, settings: Settings, token: str | None, public: bool) -> None:
    writer = ArticleWriter(store, settings)

    @app.post(
        "/api/articles",
        summary="Analyse and store articles (JSON Lines fields: text, title, url, outlet, published, id)",
        status_code=200,
    )
    async def post_articles(request: Request) -> Any:
        refusal = write_refusal(request, token, public)
        if refusal is not None:
            return refusal
        try:
            body = await request.json()
        except RecursionError:
            return JSONResponse({"error": "the body is JSON nested too deep to read"}, 400)
        except ValueError:  # also an integer of more digits than Python converts
            return JSONResponse({"error": "the body must be JSON: an article object or a list of them"}, 400)
        records = body if isinstance(body, list) else [body]
        if not records or len(records) > MAX_ARTICLES_PER_REQUEST:
            return JSONResponse({"error": f"send 1 to {MAX_ARTICLES_PER_REQUEST} articles per request"}, 400)
        result = await run_in_threadpool(writer.write, records)
        return JSONResponse(result, status_code=201 if result["new"] else 200)
