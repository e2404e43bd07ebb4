"""Counts kept on stories and entities as articles arrive, move between stories and are
superseded, so that the story and entity lists read one index instead of every article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from newsgraph.records import Article
from newsgraph.store.models import ArticleRow, EntityArticleRow, EntityMentionRow, EntityRow, StoryRow
from newsgraph.store.upsert import inserting

ENTITY_ARTICLES = cast(Table, EntityArticleRow.__table__)
_CURRENT = (ArticleRow.story_id == StoryRow.id) & (ArticleRow.is_current == 1)
# Built once (building a statement costs more than running it); `ids` is given when it runs.
_LATEST = func.coalesce(func.max(ArticleRow.published_value), "")
_RECOUNT_STORIES = (
    update(StoryRow)
    .where(StoryRow.id.in_(bindparam("ids", expanding=True)))
    .values(
        article_count=select(func.count()).where(_CURRENT).scalar_subquery(),
        latest_published=select(_LATEST).where(_CURRENT).scalar_subquery(),
    )
)
ENTITIES = cast(Table, EntityRow.__table__)
_ADD_TO_ENTITIES = (
    update(ENTITIES)
    .where(ENTITIES.c.id == bindparam("entity"))
    .values(
        article_count=ENTITIES.c.article_count + bindparam("articles"),
        mention_count=ENTITIES.c.mention_count + bindparam("mentions"),
    )
)


def refresh_stories(session: Session, story_ids: Iterable[str | None]) -> None:
    """Recount the stories' current articles and newest date (a story is small: cheap)."""
    ids = sorted({s for s in story_ids if s})
    if ids:
        # One statement for them all (each story's articles are read through the story_id index).
        session.connection().execute(_RECOUNT_STORIES, {"ids": ids})


def count_entities(session: Session, article: Article) -> None:
    """Add a newly stored article's entities to their article and mention counts, and list it
    among each entity's articles."""
    mentions = Counter(m.entity_id for m in article.entities if m.entity_id)
    _add(session, {entity_id: (1, n) for entity_id, n in mentions.items()})
    if mentions:
        session.connection().execute(
            inserting(ENTITY_ARTICLES),
            [
                {"entity_id": e, "article_id": article.id, "published": article.published.value or "", "mentions": n}
                for e, n in sorted(mentions.items())
            ],
        )


def uncount_entities(session: Session, article_id: str) -> None:
    """Take a superseded article's entities off their counts and lists."""
    session.execute(delete(EntityArticleRow).where(EntityArticleRow.article_id == article_id))
    rows = session.execute(
        select(EntityMentionRow.entity_id, func.count())
        .where(EntityMentionRow.article_id == article_id, EntityMentionRow.entity_id.is_not(None))
        .group_by(EntityMentionRow.entity_id)
    )
    _add(session, {str(entity_id): (-1, -int(n)) for entity_id, n in rows})


def _add(session: Session, changes: dict[str, tuple[int, int]]) -> None:
    if changes:
        session.connection().execute(
            _ADD_TO_ENTITIES, [{"entity": e, "articles": a, "mentions": m} for e, (a, m) in sorted(changes.items())]
        )
