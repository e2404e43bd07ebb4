"""Read-only queries over stories and duplicates, for the CLI and (later) the API."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.errors import NotFoundError
from newsgraph.records import plain
from newsgraph.store.matching import starts_with
from newsgraph.store.models import ArticleRow, DateMentionRow, EntityMentionRow, FingerprintRow, StoryRow

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# The story lists read the tables in plain Core: a statement over the ORM's classes costs a
# fresh process some 25 ms more to compile the first time (the mappers are set up), which is a
# tenth of a command's start-up.
ARTICLES = cast(Table, ArticleRow.__table__)
STORIES = cast(Table, StoryRow.__table__)


@dataclass
class StoryArticle:
    id: str
    external_id: str
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None


@dataclass
class Story:
    """A story as `newsgraph stories --json` prints it."""

    id: str
    title: str | None
    articles: list[StoryArticle]
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    top_entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = plain(self)
        data["article_count"] = len(self.articles)
        if not detail:
            data.pop("top_entities")
            data.pop("dates")
        return data


def _members(session: Session, story_ids: list[str]) -> dict[str, list[StoryArticle]]:
    a = ARTICLES.c
    rows = session.connection().execute(
        select(a.story_id, a.id, a.external_id, a.outlet, a.title, a.published_value, a.duplicate_of)
        .where(a.story_id.in_(story_ids), a.is_current == 1)
        # Ties broken by the content id, never by the time of ingest: two identical ingests agree.
        .order_by(a.published_value.asc().nulls_last(), a.id)
    )
    out: dict[str, list[StoryArticle]] = defaultdict(list)
    for row in rows:
        out[str(row[0])].append(StoryArticle(row[1], row[2], row[3], row[4], row[5], row[6]))
    return out


def _story(story_id: str, members: list[StoryArticle]) -> Story:
    dated = sorted(m.published for m in members if m.published)
    originals = [m for m in members if m.duplicate_of is None] or members
    return Story(
        id=story_id,
        title=next((m.title for m in originals if m.title), None),
        articles=members,
        outlets=sorted({m.outlet for m in members if m.outlet}),
        first_published=dated[0] if dated else None,
        last_published=dated[-1] if dated else None,
    )


def list_stories(engine: Engine, limit: int | None = None, offset: int = 0) -> list[Story]:
    """Stories, newest first (by their latest article's date, undated last), from the counts
    kept on each story: one walk down an index however many articles are stored."""
    with Session(engine) as session:
        query = (
            select(STORIES.c.id)
            .where(STORIES.c.article_count > 0)
            .order_by(STORIES.c.latest_published.desc(), STORIES.c.id.desc())
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        story_ids = [str(row[0]) for row in session.connection().execute(query)]
        members = _members(session, story_ids)
        return [_story(story_id, members[story_id]) for story_id in story_ids]


def list_stories_by_id(engine: Engine, story_ids: list[str]) -> list[Story]:
    """These stories, in this order, with their articles."""
    with Session(engine) as session:
        members = _members(session, story_ids)
        return [_story(story_id, members[story_id]) for story_id in story_ids]


def resolve_story_id(session: Session, ref: str) -> str:
    """A story id from the id or a unique prefix of it."""
    if session.get(StoryRow, ref) is not None:
        return ref
    matches = list(session.scalars(select(StoryRow.id).where(starts_with(StoryRow.id, ref)).limit(2)))
    if len(matches) == 1:
        return str(matches[0])
    raise NotFoundError(f"no story {ref!r}; `newsgraph stories` lists them")


def get_story(engine: Engine, story_id: str, top: int = 15) -> Story:
    """One story with its most mentioned entities and dates."""
    with Session(engine) as session:
        story_id = resolve_story_id(session, story_id)
        members = _members(session, [story_id])[story_id]
        story = _story(story_id, members)
        ids = [m.id for m in members if m.duplicate_of is None]
        entities: Counter[tuple[str, str]] = Counter()
        for text, label in session.execute(
            select(EntityMentionRow.text, EntityMentionRow.label).where(
                EntityMentionRow.article_id.in_(ids), EntityMentionRow.label.in_(ENTITY_LABELS)
            )
        ):
            entities[(text, label)] += 1
        story.top_entities = [
            {"text": t, "label": label, "mentions": n}
            for (t, label), n in sorted(entities.items(), key=lambda i: (-i[1], i[0]))[:top]
        ]
        dates: Counter[str] = Counter()
        for (date_value,) in session.execute(
            select(DateMentionRow.value).where(
                DateMentionRow.article_id.in_(ids),
                DateMentionRow.kind == "date",
                DateMentionRow.value.is_not(None),
                DateMentionRow.status != "unresolved",
            )
        ):
            if date_value and date_value[:1].isdigit():
                dates[date_value] += 1
        story.dates = [{"value": v, "mentions": n} for v, n in sorted(dates.items(), key=lambda i: (-i[1], i[0]))[:top]]
        return story


def duplicate_groups(engine: Engine) -> list[dict[str, Any]]:
    """Each original with its copies, exact (same text) or near (syndicated with small edits)."""
    with Session(engine) as session:
        copies = session.execute(
            select(ArticleRow.id, ArticleRow.external_id, ArticleRow.outlet, ArticleRow.title, ArticleRow.duplicate_of)
            .where(ArticleRow.duplicate_of.is_not(None))
            .order_by(ArticleRow.duplicate_of, ArticleRow.id)
        ).all()
        ids = sorted({c.duplicate_of for c in copies} | {c.id for c in copies})
        hashes = {
            row[0]: row[1]
            for row in session.execute(
                select(FingerprintRow.article_id, FingerprintRow.text_hash).where(FingerprintRow.article_id.in_(ids))
            )
        }
        originals = {
            row.id: row
            for row in session.execute(
                select(
                    ArticleRow.id, ArticleRow.external_id, ArticleRow.outlet, ArticleRow.title, ArticleRow.story_id
                ).where(ArticleRow.id.in_(ids))
            )
        }
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for copy in copies:
        kind = "exact" if hashes.get(copy.id) and hashes.get(copy.id) == hashes.get(copy.duplicate_of) else "near"
        groups[copy.duplicate_of].append(
            {"id": copy.id, "external_id": copy.external_id, "outlet": copy.outlet, "title": copy.title, "kind": kind}
        )
    out = []
    for original_id, members in sorted(groups.items()):
        original = originals[original_id]
        out.append(
            {
                "original": {
                    "id": original.id,
                    "external_id": original.external_id,
                    "outlet": original.outlet,
                    "title": original.title,
                },
                "story_id": original.story_id,
                "copies": members,
            }
        )
    return out
