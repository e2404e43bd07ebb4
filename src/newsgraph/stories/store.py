"""Story clustering state in the database, used inside the transaction that stores an article."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import cast

from sqlalchemy import Table, TextClause, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from newsgraph.store.models import (
    ArticleRow,
    KeyCountRow,
    NeighbourRow,
    StoryArticleRow,
    StoryKeyRow,
    StoryRow,
)
from newsgraph.store.upsert import add_counts
from newsgraph.stories.clustering import StoredArticle, StoryGraphStore
from newsgraph.stories.features import ArticleFeatures, DocumentFrequencies

TOTAL_KEY = ""
MAX_CACHED_COUNTS = 300_000
KEY_COUNTS = cast(Table, KeyCountRow.__table__)
STORY_KEYS = cast(Table, StoryKeyRow.__table__)
STORY_ARTICLES = cast(Table, StoryArticleRow.__table__)
NEIGHBOURS = cast(Table, NeighbourRow.__table__)
CHUNK = 400  # ids per IN list, and keys per compound SELECT (SQLite allows 500)


def _chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SqlDocumentFrequencies(DocumentFrequencies):
    """Document frequencies read from `key_counts` on demand and written through."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: set[str] = set()
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        assert self._session is not None, "bind() a session first"
        return self._session

    def bind(self, session: Session) -> None:
        """Work in this transaction. Counts read earlier stay cached: they only ever grow, so a
        cache that misses another writer's articles makes a word look a little rarer, no more."""
        self._session = session
        total = session.get(KeyCountRow, TOTAL_KEY)
        self.total = total.count if total else 0

    def prefetch(self, keys: Iterable[str]) -> None:
        missing = sorted({k for k in keys if k not in self.loaded})
        if len(self.loaded) + len(missing) > MAX_CACHED_COUNTS:
            # The vocabulary of a large corpus keeps growing: start the cache afresh rather
            # than hold every word ever seen (the database has them all).
            self.counts.clear()
            self.loaded.clear()
        for chunk in _chunks(missing):
            for key, count in self.session.connection().execute(
                select(KeyCountRow.key, KeyCountRow.count).where(KeyCountRow.key.in_(chunk))
            ):
                self.counts[key] = count
            self.loaded.update(chunk)

    def add(self, features: ArticleFeatures) -> None:
        keys = sorted(set(features.keys()))
        increment(self.session, [*keys, TOTAL_KEY])
        for key in keys:
            if key in self.loaded:
                self.counts[key] = self.counts.get(key, 0) + 1
        self.total += 1


def increment(session: Session, keys: list[str]) -> None:
    """Add one to each key's count in one statement."""
    add_counts(session, KEY_COUNTS, ["key"], "count", [{"key": key, "count": 1} for key in keys])


@cache
def _postings_statement(keys: int) -> TextClause:
    part = (
        "SELECT key, article_id FROM (SELECT key, article_id FROM story_keys WHERE key = :k{i} "
        "ORDER BY seq DESC LIMIT :per_key) AS p{i}"
    )
    return text(" UNION ALL ".join(part.format(i=i) for i in range(keys)))


class SqlStoryGraph(StoryGraphStore):
    def __init__(self, session: Session) -> None:
        self.session = session
        self.touched: set[str] = set()  # stories that gained or lost articles

    def next_seq(self) -> int:
        return int(self.session.scalar(select(func.coalesce(func.max(StoryArticleRow.seq), 0))) or 0) + 1

    def postings(self, keys: list[str], per_key: int) -> Iterable[tuple[str, str]]:
        # One statement for all keys, each part still walking the (key, seq) index backwards and
        # stopping after per_key rows: a round trip per key was most of the cost of placing.
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            params: dict[str, object] = {f"k{i}": key for i, key in enumerate(chunk)}
            params["per_key"] = per_key
            yield from self.session.connection().execute(_postings_statement(len(chunk)), params).all()

    def load(self, article_ids: list[str]) -> dict[str, StoredArticle]:
        out: dict[str, StoredArticle] = {}
        table = STORY_ARTICLES
        connection = self.session.connection()
        for chunk in _chunks(article_ids):
            rows = connection.execute(
                select(table.c.article_id, table.c.seq, table.c.published, table.c.counts).where(
                    table.c.article_id.in_(chunk)
                )
            )
            for article_id, seq, published, counts in rows:
                out[article_id] = StoredArticle(article_id, seq, _features(counts, published))
        return out

    def published(self, article_ids: list[str]) -> dict[str, dt.date]:
        table = STORY_ARTICLES
        out: dict[str, dt.date] = {}
        for chunk in _chunks(article_ids):
            rows = self.session.connection().execute(
                select(table.c.article_id, table.c.published).where(
                    table.c.article_id.in_(chunk), table.c.published.is_not(None)
                )
            )
            out.update({a: dt.date.fromisoformat(p) for a, p in rows})
        return out

    def neighbours(self, article_ids: list[str]) -> dict[str, list[tuple[str, float]]]:
        table = NEIGHBOURS
        out: dict[str, list[tuple[str, float]]] = {a: [] for a in article_ids}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self.session.connection().execute(
                select(table.c.article_id, table.c.neighbour_id, table.c.weight).where(table.c.article_id.in_(chunk))
            )
            for article_id, neighbour_id, weight in rows:
                out[article_id].append((neighbour_id, weight))
        return out

    def set_neighbours(self, lists: dict[str, list[tuple[str, float]]]) -> None:
        table = NEIGHBOURS
        connection = self.session.connection()
        for chunk in _chunks(sorted(lists)):
            connection.execute(delete(table).where(table.c.article_id.in_(chunk)))
        rows = [
            {"article_id": article_id, "neighbour_id": n, "weight": w}
            for article_id, neighbours in sorted(lists.items())
            for n, w in neighbours
        ]
        if rows:
            connection.execute(table.insert(), rows)

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self.session.connection().execute(
                select(StoryArticleRow.article_id, StoryArticleRow.story_id).where(
                    StoryArticleRow.article_id.in_(chunk)
                )
            )
            out.update({r[0]: r[1] for r in rows})
        return out

    def seqs(self, article_ids: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self.session.connection().execute(
                select(StoryArticleRow.article_id, StoryArticleRow.seq).where(StoryArticleRow.article_id.in_(chunk))
            )
            out.update({r[0]: r[1] for r in rows})
        return out

    def recent_members(self, story_id: str, limit: int) -> list[str]:
        rows = self.session.connection().scalars(
            select(StoryArticleRow.article_id)
            .where(StoryArticleRow.story_id == story_id)
            .order_by(StoryArticleRow.seq.desc())
            .limit(limit)
        )
        return list(rows)

    def edges_among(self, article_ids: set[str]) -> list[tuple[str, str, float]]:
        ids = sorted(article_ids)
        edges: list[tuple[str, str, float]] = []
        for chunk in _chunks(ids):
            rows = self.session.connection().execute(
                select(NeighbourRow.article_id, NeighbourRow.neighbour_id, NeighbourRow.weight).where(
                    NeighbourRow.article_id.in_(chunk)
                )
            )
            edges.extend((a, b, w) for a, b, w in rows if b in article_ids)
        return edges

    def story_exists(self, story_id: str) -> bool:
        # Read from the table, not the session's identity map: stories are created and removed
        # with plain statements, which the map does not see.
        return self.session.connection().scalar(select(StoryRow.id).where(StoryRow.id == story_id)) is not None

    def add(self, article: StoredArticle, story_id: str) -> None:
        features = article.features
        self.touched.add(story_id)
        self._ensure_story(story_id)
        connection = self.session.connection()
        connection.execute(
            STORY_ARTICLES.insert(),
            [
                {
                    "article_id": article.article_id,
                    "seq": article.seq,
                    "story_id": story_id,
                    "published": features.published.isoformat() if features.published else None,
                    "counts": features.counts(),
                }
            ],
        )
        connection.execute(
            STORY_KEYS.insert(),
            [
                {"key": key[:200], "seq": article.seq, "article_id": article.article_id}
                for key in sorted(set(features.keys()))
            ],
        )
        connection.execute(update(ArticleRow).where(ArticleRow.id == article.article_id).values(story_id=story_id))

    def move(self, moves: dict[str, str]) -> None:
        old = self.stories_of(moves)
        self.touched.update(old.values(), moves.values())
        for story_id in sorted(set(moves.values())):
            self._ensure_story(story_id)
        by_story: dict[str, list[str]] = {}
        for article_id, story_id in moves.items():
            by_story.setdefault(story_id, []).append(article_id)
        for story_id, article_ids in sorted(by_story.items()):
            for chunk in _chunks(sorted(article_ids)):
                self.session.connection().execute(
                    update(StoryArticleRow).where(StoryArticleRow.article_id.in_(chunk)).values(story_id=story_id)
                )
                # Duplicates follow the article they copy.
                self.session.connection().execute(
                    update(ArticleRow)
                    .where(or_(ArticleRow.id.in_(chunk), ArticleRow.duplicate_of.in_(chunk)))
                    .values(story_id=story_id)
                )
        for story_id in sorted(set(old.values())):
            remaining = self.session.connection().scalar(
                select(func.count()).select_from(StoryArticleRow).where(StoryArticleRow.story_id == story_id)
            )
            if not remaining:
                self.session.connection().execute(delete(StoryRow).where(StoryRow.id == story_id))

    def _ensure_story(self, story_id: str) -> None:
        connection = self.session.connection()
        if connection.scalar(select(StoryRow.id).where(StoryRow.id == story_id)) is None:
            connection.execute(insert(StoryRow), [{"id": story_id}])


def _features(counts: dict[str, int], published: str | None) -> ArticleFeatures:
    terms: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    for key, count in counts.items():
        (terms if key.startswith("t:") else entities)[key[2:]] = count
    return ArticleFeatures(terms, entities, dt.date.fromisoformat(published) if published else None, keyed=counts)
