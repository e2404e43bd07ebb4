"""Full-text search: articles and claims, ranked (BM25), with highlighted snippets, filtered by
entity, date and outlet. SQLite FTS5 here; the index is written in the article's transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
        # Repeated searches are answered by the server's response cache (`api/cache.py`), which
        # every stored article invalidates: no cache of its own here.
        return _search(session, dialect == "postgresql", query, entity, since, until, outlet, limit, offset)


def _search(
    session: Session,
    postgres: bool,
    query: str,
    entity: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """One search, on the dialect's own full-text index."""
    # plainto_tsquery takes plain words and requires them all; FTS5 gets quoted phrases
    words = " ".join(search_terms(query)) if postgres else fts_query(query)
    conditions = ["a.is_current = 1"]  # on the article `a`; the text match is added per dialect
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
    return _ranked_search(session, POSTGRES if postgres else SQLITE, conditions, params, limit, offset)


def _hit(r: Any) -> dict[str, Any]:
    return {
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


@dataclass(frozen=True)
class _Statements:
    """One dialect's full-text statements. Each ranks on the index alone (the row's id and its
    score, lower first) and leaves the articles to be read for the few hits shown."""

    id: str  # the index's row id column
    ranked: str  # the best :n matches
    joined: str  # the best :wanted matches whose article passes {where} (every match joined)
    snippets: str  # highlighted passages of the rows {ids}


_HEADLINE = f"'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=8'"
# SQLite's FTS5: only the rowid and the BM25 score (reading other columns of every match
# doubled the cost); PostgreSQL: ts_rank over the GIN index's matches, negated to sort alike.
SQLITE = _Statements(
    id="rowid",
    ranked="SELECT rowid, bm25(search_index, 0, 0, 0, 4.0, 1.0) AS score "
    "FROM search_index WHERE search_index MATCH :query ORDER BY score, rowid LIMIT :n",
    joined="SELECT s.rowid, bm25(search_index, 0, 0, 0, 4.0, 1.0) AS score FROM search_index s "
    "JOIN articles a ON a.id = s.article_id WHERE search_index MATCH :query AND {where} "
    "ORDER BY score, s.rowid LIMIT :wanted",
    snippets=f"SELECT rowid, snippet(search_index, 4, '{MARK_START}', '{MARK_END}', '…', 16) FROM search_index "
    "WHERE search_index MATCH :query AND rowid IN ({ids})",
)
POSTGRES = _Statements(
    id="id",
    ranked="SELECT id AS rowid, -ts_rank(tsv, plainto_tsquery('english', :query)) AS score FROM search_index "
    "WHERE tsv @@ plainto_tsquery('english', :query) ORDER BY score, id LIMIT :n",
    joined="SELECT s.id AS rowid, -ts_rank(s.tsv, plainto_tsquery('english', :query)) AS score "
    "FROM search_index s JOIN articles a ON a.id = s.article_id "
    "WHERE s.tsv @@ plainto_tsquery('english', :query) AND {where} ORDER BY score, s.id LIMIT :wanted",
    snippets=f"SELECT id AS rowid, ts_headline('english', body, plainto_tsquery('english', :query), {_HEADLINE}) "
    "FROM search_index WHERE id IN ({ids})",
)
MAX_RANKED = 20_000  # read no further down the ranking than this for filters to pass


@dataclass
class _Hit:
    rowid: int
    kind: str
    article_id: str
    position: int | None
    score: float
    external_id: str = ""
    title: str | None = None
    outlet: str | None = None
    published_value: str | None = None
    snippet: str = ""


def _ranked_search(
    session: Session,
    statements: _Statements,
    article_conditions: list[str],
    params: dict[str, Any],
    limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """Rank the matches by the index alone first (BM25 or ts_rank: cheap), then keep those whose
    article passes the filters, reading further down the ranking only when too few pass; snippets
    for the page only. (Joining every match to its article before ranking was most of a search for
    a common word.)"""
    wanted = offset + limit
    n = max(3 * wanted, 50)
    while True:
        if n > MAX_RANKED:  # filters that pass few of very many matches: let SQL join them all
            joined = text(statements.joined.format(where=" AND ".join(article_conditions)))
            scored = [(int(r.rowid), float(r.score)) for r in session.execute(joined, {**params, "wanted": wanted})]
        else:
            ranked_sql = text(statements.ranked)
            scored = [(int(r.rowid), float(r.score)) for r in session.execute(ranked_sql, {**params, "n": n})]
        ranked = _located(session, statements.id, scored)
        allowed = _articles(session, sorted({h.article_id for h in ranked}), article_conditions, params)
        hits = [h for h in ranked if h.article_id in allowed]
        if len(hits) >= wanted or len(ranked) < n or n > MAX_RANKED:
            break
        n *= 4
    for h in hits:
        row = allowed[h.article_id]
        h.external_id, h.title, h.outlet, h.published_value = (
            row.external_id,
            row.title,
            row.outlet,
            row.published_value,
        )
    # `hits` keep the ranking's order (score, then rowid): the ranking read so far is the
    # start of the whole one, so pages never overlap or skip.
    page = hits[offset:wanted]
    if page:
        marks = {f"r{i}": h.rowid for i, h in enumerate(page)}
        sql = statements.snippets.format(ids=", ".join(":" + k for k in marks))
        snippets = {int(r): str(sn) for r, sn in session.execute(text(sql), {"query": params["query"], **marks})}
        for h in page:
            h.snippet = snippets.get(h.rowid, "")
    return [_hit(h) for h in page]


def _located(session: Session, id_column: str, ranked: list[tuple[int, float]]) -> list[_Hit]:
    """The ranked rows with what they are (article or claim) and where, in ranking order."""
    where: dict[int, Any] = {}
    for first in range(0, len(ranked), 500):
        marks = {f"r{i}": rowid for i, (rowid, _) in enumerate(ranked[first : first + 500])}
        listed = ", ".join(":" + k for k in marks)
        sql = (
            f"SELECT {id_column} AS rowid, kind, article_id, position FROM search_index WHERE {id_column} IN ({listed})"
        )
        for row in session.execute(text(sql), marks):
            where[int(row.rowid)] = row
    return [
        _Hit(rowid, where[rowid].kind, where[rowid].article_id, where[rowid].position, score)
        for rowid, score in ranked
        if rowid in where
    ]


def _articles(session: Session, ids: list[str], conditions: list[str], params: dict[str, Any]) -> dict[str, Any]:
    """The articles among `ids` that pass the search's filters."""
    found: dict[str, Any] = {}
    for first in range(0, len(ids), 500):
        chunk = {f"id{i}": v for i, v in enumerate(ids[first : first + 500])}
        where = " AND ".join([f"a.id IN ({', '.join(':' + k for k in chunk)})", *conditions])
        sql = f"SELECT a.id, a.external_id, a.title, a.outlet, a.published_value FROM articles a WHERE {where}"
        for row in session.execute(text(sql), {**params, **chunk}):
            found[row.id] = row
    return found
