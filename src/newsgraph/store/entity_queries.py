"""Read-only queries over canonical entities, for the CLI and (later) the API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.errors import NotFoundError
from newsgraph.store.matching import contains
from newsgraph.store.models import (
    ArticleRow,
    ClaimRow,
    EntityAliasRow,
    EntityArticleRow,
    EntityMentionRow,
    EntityRow,
    EventRow,
)


def same_entity(column: Any, entity_id: str) -> ColumnElement[bool]:
    """`column == entity_id`, written so that no index serves it, for queries already narrowed
    to a few articles: SQLite's statistics say an entity has few mentions, and for a country
    with tens of thousands it would read them all rather than the articles' own."""
    return func.coalesce(column, "") == entity_id


def claims_mentioning(session: Session, article_ids: list[str], entity_id: str) -> list[tuple[str, int]]:
    """(article id, position) of the claims in these articles whose span holds a mention of the
    entity, in article order. Spans are read narrow and matched here: SQLite would join every
    claim with every mention of its article."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in session.execute(
        select(EntityMentionRow.article_id, EntityMentionRow.start_char, EntityMentionRow.end_char).where(
            EntityMentionRow.article_id.in_(article_ids), same_entity(EntityMentionRow.entity_id, entity_id)
        )
    ):
        spans.setdefault(article_id, []).append((start, end))
    found = session.execute(
        select(ClaimRow.article_id, ClaimRow.position, ClaimRow.start_char, ClaimRow.end_char)
        .where(ClaimRow.article_id.in_(sorted(spans)))
        .order_by(ClaimRow.article_id, ClaimRow.position)
    )
    return [
        (article_id, position)
        for article_id, position, first, last in found
        if any(first <= start and end <= last for start, end in spans[article_id])
    ]


# A mention inside a claim's span: the claim is about that entity.
MENTION_IN_CLAIM = and_(
    EntityMentionRow.article_id == ClaimRow.article_id,
    EntityMentionRow.start_char >= ClaimRow.start_char,
    EntityMentionRow.end_char <= ClaimRow.end_char,
)


def list_entities(
    engine: Engine, type: str | None = None, limit: int | None = None, offset: int = 0, named: str | None = None
) -> list[dict[str, Any]]:
    """Entities by how many current articles mention them (most first), from the counts kept on
    each entity; `named`: only those whose name holds these letters (any case)."""
    with Session(engine) as session:
        query = (
            select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.article_count, EntityRow.mention_count)
            .where(EntityRow.article_count > 0)
            .order_by(EntityRow.article_count.desc(), EntityRow.id.desc())
        )
        if type:
            query = query.where(EntityRow.type == type.upper())
        if named and named.strip():
            query = query.where(func.lower(EntityRow.name).contains(named.strip().lower(), autoescape=True))
        if offset:
            query = query.offset(offset)
        if limit:
            query = query.limit(limit)
        return [
            {"id": r.id, "name": r.name, "type": r.type, "articles": r.article_count, "mentions": r.mention_count}
            for r in session.execute(query)
        ]


def find_entity_id(session: Session, name: str) -> str:
    """An entity by id, by any of its names (most mentioned first), or by part of its name."""
    if session.get(EntityRow, name) is not None:
        return name
    alias = " ".join(name.replace("’", "'").lower().split())
    by_alias = session.execute(
        select(EntityAliasRow.entity_id)
        .where(EntityAliasRow.alias == alias)
        .group_by(EntityAliasRow.entity_id)
        .order_by(func.sum(EntityAliasRow.mentions).desc(), EntityAliasRow.entity_id)
        .limit(1)
    ).scalar()
    if by_alias:
        return by_alias
    partial = session.scalars(
        select(EntityRow.id).where(contains(EntityRow.name, name)).order_by(EntityRow.id).limit(1)
    ).first()
    if partial:
        return partial
    raise NotFoundError(f"no entity {name!r}; `newsgraph entities` lists them")


CLAIM_COLUMNS = (ClaimRow.article_id, ClaimRow.kind, ClaimRow.text, ClaimRow.start_char, ClaimRow.end_char)


def _claim_entry(row: Any) -> dict[str, Any]:
    """The fields every claim on an entity page has (read with CLAIM_COLUMNS)."""
    return {
        "article_id": row.article_id,
        "kind": row.kind,
        "text": row.text,
        "start": row.start_char,
        "end": row.end_char,
    }


MAX_ITEMS = 200  # articles, claims and events shown for one entity (newest articles first)


def get_entity(engine: Engine, name: str, limit: int = MAX_ITEMS) -> dict[str, Any]:
    """An entity with its aliases, the newest articles that mention it (at most `limit`;
    `article_count` says how many in all), the claims by it, and the claims about it and its
    events in those articles."""
    with Session(engine) as session:
        entity_id = find_entity_id(session, name)
        entity = session.get(EntityRow, entity_id)
        assert entity is not None
        aliases = [
            {"alias": a, "mentions": n, "why": why}
            for a, n, why in session.execute(
                select(EntityAliasRow.alias, EntityAliasRow.mentions, EntityAliasRow.reason)
                .where(EntityAliasRow.entity_id == entity_id)
                .order_by(EntityAliasRow.mentions.desc(), EntityAliasRow.alias)
            )
        ]
        articles = [
            {
                "id": r.id,
                "external_id": r.external_id,
                "outlet": r.outlet,
                "title": r.title,
                "published": r.published_value,
                "story_id": r.story_id,
                "mentions": r.mentions,
            }
            for r in session.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.external_id,
                    ArticleRow.outlet,
                    ArticleRow.title,
                    ArticleRow.published_value,
                    ArticleRow.story_id,
                    EntityArticleRow.mentions,
                )
                .join(ArticleRow, ArticleRow.id == EntityArticleRow.article_id)
                .where(EntityArticleRow.entity_id == entity_id)
                .order_by(EntityArticleRow.published.desc(), EntityArticleRow.article_id.desc())
                .limit(limit)
            )
        ]
        claims_by = [
            {**_claim_entry(c), "channel": c.channel, "issues": list(c.issues or [])}
            for c in session.execute(
                select(*CLAIM_COLUMNS, ClaimRow.channel, ClaimRow.issues)
                .where(ClaimRow.speaker_entity_id == entity_id)
                .order_by(ClaimRow.article_id, ClaimRow.position)
                .limit(limit)
            )
        ]
        listed = [a["id"] for a in articles]
        about = set(claims_mentioning(session, listed, entity_id)[:limit])
        claims_about = [
            {**_claim_entry(c), "speaker": c.speaker_name or c.speaker_description}
            for c in session.execute(
                select(*CLAIM_COLUMNS, ClaimRow.position, ClaimRow.speaker_name, ClaimRow.speaker_description)
                .where(ClaimRow.article_id.in_(sorted({a for a, _ in about})))
                .order_by(ClaimRow.article_id, ClaimRow.position)
            )
            if (c.article_id, c.position) in about
        ]
        events = [
            {
                "article_id": e.article_id,
                "type": e.type,
                "trigger": e.trigger_text,
                "actor": e.actor_text,
                "recipient": e.recipient_text,
                "date": e.date_value,
                "role": "actor" if e.actor_entity_id == entity_id else "recipient",
            }
            for e in session.execute(
                select(
                    EventRow.article_id,
                    EventRow.type,
                    EventRow.trigger_text,
                    EventRow.actor_text,
                    EventRow.recipient_text,
                    EventRow.date_value,
                    EventRow.actor_entity_id,
                )
                .where(
                    EventRow.article_id.in_(listed),
                    or_(EventRow.actor_entity_id == entity_id, EventRow.recipient_entity_id == entity_id),
                )
                .order_by(EventRow.date_value, EventRow.article_id, EventRow.position)
                .limit(limit)
            )
        ]
        return {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "article_count": entity.article_count,
            "mention_count": entity.mention_count,
            "aliases": aliases,
            "articles": articles,
            "claims_by": claims_by,
            "claims_about": claims_about,
            "events": events,
        }


def entity_types(engine: Engine) -> list[str]:
    """The entity types in use, for the index's filter."""
    with Session(engine) as session:
        rows = session.execute(select(EntityRow.type).where(EntityRow.article_count > 0).distinct())
        return sorted(t for (t,) in rows if t)
