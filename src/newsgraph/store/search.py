"""Full-text search: articles and claims, ranked (BM25), with highlighted snippets, filtered by
entity, date and outlet. SQLite FTS5 here; the index is written in the article's transaction."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.errors import NewsgraphError
from newsgraph.records import Article
from newsgraph.store.entity_queries import find_entity_id

MARK_START, MARK_END = "\u27e6", "\u27e7"  # ⟦ ⟧ around matched words in snippets
_TERMS = re.compile(r'"([^"]+)"|(\S+)')
INSERT = text(
    "INSERT INTO search_index (kind, article_id, position, title, body) "
    "VALUES (:kind, :article_id, :position, :title, :body)"
)


def supported(session: Session) -> bool:
    return session.get_bind().dialect.name in ("sqlite", "postgresql")


def index_article(session: Session, article: Article) -> None:
    """Add an article (title and text) and each of its claims to the index."""
    if not supported(session):
        return
    title = article.title or ""
    rows: list[dict[str, object]] = [
        {"kind": "article", "article_id": article.id, "position": None, "title": title, "body": article.text}
    ]
    rows += [  # a claim is found by its own words, not by its article's headline
        {"kind": "claim", "article_id": article.id, "position": i, "title": "", "body": claim.text}
        for i, claim in enumerate(article.claims)
    ]
    session.execute(INSERT, rows)


def search_terms(query: str) -> list[str]:
    """The user's words and "quoted phrases", with every character of query syntax removed."""
    terms = []
    for phrase, word in _TERMS.findall(query):
        cleaned = re.sub(r"[^\w\s'’-]", " ", phrase or word).strip()
        if cleaned:
            terms.append(cleaned)
    if not terms:
        raise NewsgraphError(f"nothing to search for in {query!r}: give one or more words")
    return terms


def fts_query(query: str) -> str:
    """FTS5 phrases, all required: no FTS syntax gets through."""
    return " ".join(f'"{term}"' for term in search_terms(query))


def search(
    engine: Engine,
    query: str,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    with Session(engine) as session:
        dialect = session.get_bind().dialect.name
        if not supported(session):
            raise NewsgraphError(f"full-text search is not available on {dialect}; use SQLite or PostgreSQL")
        postgres = dialect == "postgresql"
        if postgres:  # plainto_tsquery takes plain words and requires them all
            words = " ".join(search_terms(query))
            conditions = ["s.tsv @@ plainto_tsquery('english', :query)", "a.is_current = 1"]
        else:
            words = fts_query(query)
            conditions = ["search_index MATCH :query", "a.is_current = 1"]
        params: dict[str, Any] = {"query": words, "limit": limit, "offset": offset}
        if outlet:
            conditions.append("lower(a.outlet) = lower(:outlet)")
            params["outlet"] = outlet
        if since:
            conditions.append("a.published_value >= :since")
            params["since"] = since
        if until:
            conditions.append("a.published_value <= :until")
            params["until"] = until
        if entity:
            params["entity_id"] = find_entity_id(session, entity)
            conditions.append(
                "EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND m.entity_id = :entity_id)"
            )
        if postgres:
            sql = (
                "SELECT s.kind, s.article_id, s.position, "
                "ts_headline('english', s.body, plainto_tsquery('english', :query), "
                f"'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=8') AS snippet, "
                "-ts_rank(s.tsv, plainto_tsquery('english', :query)) AS score, "
                "a.outlet, a.title, a.published_value, a.external_id "
                "FROM search_index s JOIN articles a ON a.id = s.article_id "
                f"WHERE {' AND '.join(conditions)} "
                "ORDER BY score, a.published_value DESC NULLS LAST, s.article_id LIMIT :limit OFFSET :offset"
            )
        else:
            sql = (
                "SELECT s.kind, s.article_id, s.position, "
                f"snippet(search_index, 4, '{MARK_START}', '{MARK_END}', '…', 16) AS snippet, "
                "bm25(search_index, 0, 0, 0, 4.0, 1.0) AS score, a.outlet, a.title, a.published_value, a.external_id "
                "FROM search_index s JOIN articles a ON a.id = s.article_id "
                f"WHERE {' AND '.join(conditions)} "
                "ORDER BY score, a.published_value DESC, s.article_id LIMIT :limit OFFSET :offset"
            )
        rows = session.execute(text(sql), params).all()
    return [
        {
            "kind": r.kind,
            "article_id": r.article_id,
            "external_id": r.external_id,
            "claim": r.position,
            "title": r.title,
            "outlet": r.outlet,
            "published": r.published_value,
            "snippet": r.snippet,
            "score": round(-float(r.score), 4),
        }
        for r in rows
    ]
