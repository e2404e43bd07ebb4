"""The knowledge graph: canonical entities as nodes; events and "said about" relations as edges,
each edge with its evidence (article, offsets, outlet) and the number of independent sources
(outlets, copies left out) that report it."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import literal, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.store.entity_queries import MENTION_IN_CLAIM, claims_mentioning, find_entity_id
from newsgraph.store.models import (
    ArticleRow,
    ClaimRow,
    EntityArticleRow,
    EntityMentionRow,
    EntityRow,
    EventRow,
    is_original,
)
from newsgraph.store.story_queries import resolve_story_id

# What a SAID_ABOUT edge needs of a claim (plain columns: ORM objects cost more than the query).
SAID_COLUMNS = (
    ClaimRow.article_id,
    ClaimRow.position,
    ClaimRow.speaker_entity_id,
    ClaimRow.cue,
    ClaimRow.start_char,
    ClaimRow.end_char,
)

if TYPE_CHECKING:
    import networkx as nx


class _SaidRow(NamedTuple):
    article_id: str
    position: int
    speaker_entity_id: str | None
    cue: str | None
    start_char: int
    end_char: int


MAX_FOCUS_ARTICLES = 200  # as many as an entity page lists


def build_graph(engine: Engine, story_id: str | None = None, entity: str | None = None) -> nx.MultiDiGraph:
    """Edges are grouped by (source, target, relation, date): one edge per fact, many evidences."""
    with Session(engine) as session:
        current = select(ArticleRow.id).where(ArticleRow.is_current == 1, is_original())
        focus = find_entity_id(session, entity) if entity else None
        articles: Any = current
        if story_id or focus:
            # A story's articles, or an entity's newest ones (bounded for a country in thousands
            # of articles), as a list: SQLite would otherwise walk every original article.
            if story_id:
                chosen = select(ArticleRow.id).where(ArticleRow.story_id == resolve_story_id(session, story_id))
            else:
                chosen = (
                    select(EntityArticleRow.article_id)
                    .where(EntityArticleRow.entity_id == focus)
                    .order_by(EntityArticleRow.published.desc(), EntityArticleRow.article_id.desc())
                    .limit(MAX_FOCUS_ARTICLES)
                )
            ids = list(session.scalars(chosen))
            articles = list(session.scalars(current.where(ArticleRow.id.in_(ids))))
        outlet_rows = session.execute(select(ArticleRow.id, ArticleRow.outlet).where(ArticleRow.id.in_(articles)))
        outlets = {row[0]: row[1] for row in outlet_rows}
        edges: dict[tuple[str, str, str, str | None], list[dict[str, Any]]] = {}
        event_query = select(EventRow).where(
            EventRow.article_id.in_(articles),
            EventRow.actor_entity_id.is_not(None),
            EventRow.recipient_entity_id.is_not(None),
            EventRow.negated == 0,
        )
        if focus:
            touching = or_(EventRow.actor_entity_id == focus, EventRow.recipient_entity_id == focus)
            event_query = event_query.where(touching)
        for event in session.scalars(event_query):
            key = (event.actor_entity_id or "", event.recipient_entity_id or "", event.type, event.date_value)
            edges.setdefault(key, []).append(
                {
                    "article_id": event.article_id,
                    "outlet": outlets.get(event.article_id),
                    "trigger": event.trigger_text,
                    "start": event.sentence_start,
                    "end": event.sentence_end,
                }
            )
        said = (
            select(*SAID_COLUMNS, EntityMentionRow.entity_id)
            .join(EntityMentionRow, MENTION_IN_CLAIM)
            .where(
                ClaimRow.article_id.in_(articles),
                ClaimRow.speaker_entity_id.is_not(None),
                EntityMentionRow.entity_id.is_not(None),
                EntityMentionRow.entity_id != ClaimRow.speaker_entity_id,
            )
            .order_by(ClaimRow.article_id, ClaimRow.position, EntityMentionRow.position)
        )
        # With a focus, what it said and what was said about it, each read apart.
        parts = [said]
        if focus:
            about_focus = set(claims_mentioning(session, articles, focus))
            parts = [said.where(ClaimRow.speaker_entity_id == focus)]
            if about_focus:
                parts.append(
                    select(*SAID_COLUMNS, literal(focus))
                    .where(
                        ClaimRow.article_id.in_(sorted({a for a, _ in about_focus})),
                        ClaimRow.speaker_entity_id.is_not(None),
                        ClaimRow.speaker_entity_id != focus,
                    )
                    .order_by(ClaimRow.article_id, ClaimRow.position)
                )
        rows = (row for part in parts for row in session.execute(part))
        for said_row in rows:
            claim, about = _SaidRow._make(said_row[:6]), said_row[6]
            if focus and about == focus and (claim.article_id, claim.position) not in about_focus:
                continue  # another claim of an article that mentions the focus elsewhere
            key = (claim.speaker_entity_id or "", str(about), "SAID_ABOUT", None)
            said_evidence = {
                "article_id": claim.article_id,
                "outlet": outlets.get(claim.article_id),
                "trigger": claim.cue,
                "start": claim.start_char,
                "end": claim.end_char,
            }
            if said_evidence not in edges.setdefault(key, []):
                edges[key].append(said_evidence)
        if focus:
            edges = {k: v for k, v in edges.items() if focus in (k[0], k[1])}
        node_ids = sorted({k[0] for k in edges} | {k[1] for k in edges} | ({focus} if focus else set()))
        nodes = {row.id: row for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(node_ids)))}
    import networkx as nx  # imported when a graph is built: reading commands start without it

    graph = nx.MultiDiGraph()
    for node_id in node_ids:
        row = nodes.get(node_id)
        graph.add_node(node_id, name=row.name if row else node_id, type=row.type if row else "")
    for (source, target, relation, date), evidence in sorted(edges.items(), key=_edge_order):
        sources = len({e["outlet"] or e["article_id"] for e in evidence})
        graph.add_edge(source, target, relation=relation, date=date or "", sources=sources, evidence=evidence)
    return graph


def _edge_order(item: tuple[tuple[str, str, str, str | None], list[dict[str, Any]]]) -> tuple[str, str, str, str]:
    (source, target, relation, date), _ = item
    return source, target, relation, date or ""


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "nodes": [{"id": n, **attrs} for n, attrs in graph.nodes(data=True)],
        "edges": [{"source": s, "target": t, **attrs} for s, t, attrs in graph.edges(data=True)],
    }


def graph_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML keeps scalar attributes only: the evidence list travels as a JSON string."""
    import networkx as nx

    flat = nx.MultiDiGraph()
    flat.add_nodes_from(graph.nodes(data=True))
    for s, t, attrs in graph.edges(data=True):
        flat.add_edge(s, t, **{**attrs, "evidence": json.dumps(attrs["evidence"], ensure_ascii=False)})
    return "\n".join(nx.generate_graphml(flat)) + "\n"


def graph_csv(graph: nx.MultiDiGraph) -> str:
    """One row per edge and evidence: source, target, relation, date, sources, article, offsets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "source",
            "source_name",
            "target",
            "target_name",
            "relation",
            "date",
            "sources",
            "article_id",
            "outlet",
            "start",
            "end",
            "trigger",
        ]
    )
    names = dict(graph.nodes(data="name"))
    for s, t, attrs in graph.edges(data=True):
        for e in attrs["evidence"]:
            writer.writerow(
                [
                    s,
                    names.get(s),
                    t,
                    names.get(t),
                    attrs["relation"],
                    attrs["date"],
                    attrs["sources"],
                    e["article_id"],
                    e["outlet"] or "",
                    e["start"],
                    e["end"],
                    e["trigger"] or "",
                ]
            )
    return buffer.getvalue()
