"""The story list as a reader's list: which stories, filtered by date, outlet or entity, and
what each holds (its outlets with their article counts, key entities, numbers of claims and
events), read for one page of stories at a time."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.store.entity_queries import find_entity_id
from newsgraph.store.models import ArticleRow, ClaimRow, EntityArticleRow, EntityRow, EventRow, StoryRow
from newsgraph.store.story_queries import Story, list_stories_by_id

KEY_ENTITIES = 4


def find_stories(
    engine: Engine,
    limit: int,
    offset: int = 0,
    outlet: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Story]:
    """Stories newest first with an article on or after `since`, on or before `until`, from
    `outlet`, mentioning `entity` (any of its names); each filter left out when empty."""
    with Session(engine) as session:
        current = select(ArticleRow.story_id).where(ArticleRow.is_current == 1)
        query = select(StoryRow.id).where(StoryRow.article_count > 0)
        if since:
            query = query.where(StoryRow.latest_published >= since)
        if until:
            query = query.where(StoryRow.id.in_(current.where(ArticleRow.published_value <= until + "~")))
        if outlet:
            query = query.where(StoryRow.id.in_(current.where(ArticleRow.outlet == outlet)))
        if entity:
            entity_id = find_entity_id(session, entity)
            mentioning = current.join(EntityArticleRow, EntityArticleRow.article_id == ArticleRow.id).where(
                EntityArticleRow.entity_id == entity_id
            )
            query = query.where(StoryRow.id.in_(mentioning))
        query = query.order_by(StoryRow.latest_published.desc(), StoryRow.id.desc()).offset(offset).limit(limit)
        story_ids = [str(row[0]) for row in session.execute(query)]
    return list_stories_by_id(engine, story_ids)


def outlet_names(engine: Engine, limit: int = 500) -> list[str]:
    """Outlets of current articles, most articles first, for the list's filter."""
    with Session(engine) as session:
        count = func.count()
        rows = session.execute(
            select(ArticleRow.outlet, count)
            .where(ArticleRow.is_current == 1, ArticleRow.outlet.is_not(None))
            .group_by(ArticleRow.outlet)
            .order_by(count.desc(), ArticleRow.outlet)
            .limit(limit)
        )
        return [str(name) for name, _ in rows]


def story_digests(engine: Engine, stories: list[Story]) -> dict[str, dict[str, Any]]:
    """For each story: its outlets with how many articles each printed, its key entities (in
    most of its articles), and how many claims and events its original articles hold."""
    story_of = {a.id: s.id for s in stories for a in s.articles if a.duplicate_of is None}
    digests: dict[str, dict[str, Any]] = {}
    for story in stories:
        outlets = Counter(a.outlet or "unknown outlet" for a in story.articles)
        digests[story.id] = {"outlets": outlets.most_common(), "claims": 0, "events": 0, "entities": []}
    if not story_of:
        return digests
    with Session(engine) as session:
        for row, key in ((ClaimRow, "claims"), (EventRow, "events")):
            counted = select(row.article_id, func.count()).where(row.article_id.in_(story_of)).group_by(row.article_id)
            for article_id, n in session.execute(counted):
                digests[story_of[article_id]][key] += n
        mentions: dict[str, Counter[str]] = defaultdict(Counter)
        for article_id, entity_id in session.execute(
            select(EntityArticleRow.article_id, EntityArticleRow.entity_id).where(
                EntityArticleRow.article_id.in_(story_of)
            )
        ):
            mentions[story_of[article_id]][entity_id] += 1
        wanted = {e for counts in mentions.values() for e, _ in counts.most_common(KEY_ENTITIES)}
        named = select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(wanted))
        names: dict[str, str] = {str(i): str(n) for i, n in session.execute(named)} if wanted else {}
    for story_id, counts in mentions.items():
        digests[story_id]["entities"] = [
            {"id": e, "name": names[e]} for e, _ in counts.most_common(KEY_ENTITIES) if e in names
        ]
    return digests
