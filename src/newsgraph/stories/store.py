"""Story clustering state in the database, used inside the transaction that stores an article."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import cast

from sqlalchemy import ColumnElement, Table, TextClause, bindparam, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from newsgraph.store.models import (
    ArticleRow,
    KeyCountRow,
    NeighbourRow,
    StoryArticleRow,
    StoryKeyRow,
    StoryRow,
)
from newsgraph.store.upsert import add_counts, inserting
from newsgraph.stories.clustering import StoredArticle, StoryGraphStore
from newsgraph.stories.features import ArticleFeatures, DocumentFrequencies

TOTAL_KEY = ""
MAX_CACHED_COUNTS = 300_000
KEY_COUNTS = cast(Table, KeyCountRow.__table__)
STORY_KEYS = cast(Table, StoryKeyRow.__table__)
STORY_ARTICLES = cast(Table, StoryArticleRow.__table__)
NEIGHBOURS = cast(Table, NeighbourRow.__table__)
STORIES = cast(Table, StoryRow.__table__)
ARTICLES = cast(Table, ArticleRow.__table__)
CHUNK = 400  # ids per IN list, and keys per compound SELECT (SQLite allows 500)


def _among(column: ColumnElement[str]) -> ColumnElement[bool]:
    """`column IN :ids`, the list given when the statement runs."""
    return column.in_(bindparam("ids", expanding=True))


# Built once: constructing a statement costs about four times what running a built one does
# through SQLAlchemy, and placing one article runs some thirty of them.
_COUNTS_OF = select(KEY_COUNTS.c.key, KEY_COUNTS.c.count).where(_among(KEY_COUNTS.c.key))
_LAST_SEQ = select(func.coalesce(func.max(STORY_ARTICLES.c.seq), 0))
_STORED = select(
    STORY_ARTICLES.c.article_id, STORY_ARTICLES.c.seq, STORY_ARTICLES.c.published, STORY_ARTICLES.c.counts
).where(_among(STORY_ARTICLES.c.article_id))
_PUBLISHED = select(STORY_ARTICLES.c.article_id, STORY_ARTICLES.c.published).where(
    _among(STORY_ARTICLES.c.article_id), STORY_ARTICLES.c.published.is_not(None)
)
_NEIGHBOURS_OF = select(NEIGHBOURS.c.article_id, NEIGHBOURS.c.neighbour_id, NEIGHBOURS.c.weight).where(
    _among(NEIGHBOURS.c.article_id)
)
_DROP_NEIGHBOURS = delete(NEIGHBOURS).where(_among(NEIGHBOURS.c.article_id))
_STORIES_OF = select(STORY_ARTICLES.c.article_id, STORY_ARTICLES.c.story_id).where(_among(STORY_ARTICLES.c.article_id))
_SEQS_OF = select(STORY_ARTICLES.c.article_id, STORY_ARTICLES.c.seq).where(_among(STORY_ARTICLES.c.article_id))
_RECENT_MEMBERS = (
    select(STORY_ARTICLES.c.article_id)
    .where(STORY_ARTICLES.c.story_id == bindparam("story"))
    .order_by(STORY_ARTICLES.c.seq.desc())
    .limit(bindparam("limit"))
)
_STORY = select(STORIES.c.id).where(STORIES.c.id == bindparam("story"))
_STORY_SIZE = select(func.count()).select_from(STORY_ARTICLES).where(STORY_ARTICLES.c.story_id == bindparam("story"))
_DROP_STORY = delete(STORIES).where(STORIES.c.id == bindparam("story"))
_PLACE = update(ARTICLES).where(ARTICLES.c.id == bindparam("article")).values(story_id=bindparam("story"))
_MOVE_MEMBERS = update(STORY_ARTICLES).where(_among(STORY_ARTICLES.c.article_id)).values(story_id=bindparam("story"))
# Duplicates follow the article they copy.
_MOVE_ARTICLES = (
    update(ARTICLES)
    .where(or_(_among(ARTICLES.c.id), ARTICLES.c.duplicate_of.in_(bindparam("copied", expanding=True))))
    .values(story_id=bindparam("story"))
)


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
            for key, count in self.session.connection().execute(_COUNTS_OF, {"ids": chunk}):
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
        return int(self.session.connection().scalar(_LAST_SEQ) or 0) + 1

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
        connection = self.session.connection()
        for chunk in _chunks(article_ids):
            for article_id, seq, published, counts in connection.execute(_STORED, {"ids": chunk}):
                out[article_id] = StoredArticle(article_id, seq, _features(counts, published))
        return out

    def published(self, article_ids: list[str]) -> dict[str, dt.date]:
        out: dict[str, dt.date] = {}
        for chunk in _chunks(article_ids):
            rows = self.session.connection().execute(_PUBLISHED, {"ids": chunk})
            out.update({a: dt.date.fromisoformat(p) for a, p in rows})
        return out

    def neighbours(self, article_ids: list[str]) -> dict[str, list[tuple[str, float]]]:
        out: dict[str, list[tuple[str, float]]] = {a: [] for a in article_ids}
        for chunk in _chunks(sorted(set(article_ids))):
            for article_id, neighbour_id, weight in self.session.connection().execute(_NEIGHBOURS_OF, {"ids": chunk}):
                out[article_id].append((neighbour_id, weight))
        return out

    def set_neighbours(self, lists: dict[str, list[tuple[str, float]]]) -> None:
        connection = self.session.connection()
        for chunk in _chunks(sorted(lists)):
            connection.execute(_DROP_NEIGHBOURS, {"ids": chunk})
        rows = [
            {"article_id": article_id, "neighbour_id": n, "weight": w}
            for article_id, neighbours in sorted(lists.items())
            for n, w in neighbours
        ]
        if rows:
            connection.execute(inserting(NEIGHBOURS), rows)

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            out.update(self.session.connection().execute(_STORIES_OF, {"ids": chunk}).all())
        return out

    def seqs(self, article_ids: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            out.update(self.session.connection().execute(_SEQS_OF, {"ids": chunk}).all())
        return out

    def recent_members(self, story_id: str, limit: int) -> list[str]:
        return list(self.session.connection().scalars(_RECENT_MEMBERS, {"story": story_id, "limit": limit}))

    def edges_among(self, article_ids: set[str]) -> list[tuple[str, str, float]]:
        ids = sorted(article_ids)
        edges: list[tuple[str, str, float]] = []
        for chunk in _chunks(ids):
            rows = self.session.connection().execute(_NEIGHBOURS_OF, {"ids": chunk})
            edges.extend((a, b, w) for a, b, w in rows if b in article_ids)
        return edges

    def story_exists(self, story_id: str) -> bool:
        # Read from the table, not the session's identity map: stories are created and removed
        # with plain statements, which the map does not see.
        return self.session.connection().scalar(_STORY, {"story": story_id}) is not None

    def add(self, article: StoredArticle, story_id: str) -> None:
        features = article.features
        self.touched.add(story_id)
        self._ensure_story(story_id)
        connection = self.session.connection()
        connection.execute(
            inserting(STORY_ARTICLES),
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
            inserting(STORY_KEYS),
            [
                {"key": key[:200], "seq": article.seq, "article_id": article.article_id}
                for key in sorted(set(features.keys()))
            ],
        )
        connection.execute(_PLACE, {"article": article.article_id, "story": story_id})

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
                self.session.connection().execute(_MOVE_MEMBERS, {"ids": chunk, "story": story_id})
                self.session.connection().execute(_MOVE_ARTICLES, {"ids": chunk, "copied": chunk, "story": story_id})
        for story_id in sorted(set(old.values())):
            if not self.session.connection().scalar(_STORY_SIZE, {"story": story_id}):
                self.session.connection().execute(_DROP_STORY, {"story": story_id})

    def _ensure_story(self, story_id: str) -> None:
        connection = self.session.connection()
        if connection.scalar(_STORY, {"story": story_id}) is None:
            connection.execute(inserting(STORIES), [{"id": story_id}])


def _features(counts: dict[str, int], published: str | None) -> ArticleFeatures:
    terms: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    for key, count in counts.items():
        (terms if key.startswith("t:") else entities)[key[2:]] = count
    return ArticleFeatures(terms, entities, dt.date.fromisoformat(published) if published else None, keyed=counts)
