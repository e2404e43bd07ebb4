"""Queries over stored articles: the one storage layer the CLI (and later the API) use."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from newsgraph.errors import InputError, NotFoundError
from newsgraph.records import (
    Article,
)
from newsgraph.store.convert import to_rows
from newsgraph.store.counts import count_entities, refresh_stories, uncount_entities
from newsgraph.store.data_version import bump_data_version
from newsgraph.store.database import database_reason, serialise_writers, writer
from newsgraph.store.entities import register_entities, resolve_short_names
from newsgraph.store.loading import load_records
from newsgraph.store.matching import starts_with
from newsgraph.store.models import (
    ArticleRow,
    DateMentionRow,
    EntityMentionRow,
    IngestErrorRow,
)
from newsgraph.store.search import index_article
from newsgraph.store.upsert import inserting

InsertHook = Callable[[Session, Article], None]
# Articles per write transaction in a long ingest: fewer commits, and a crash loses at most
# this many analysed articles (none stored half-written; the next ingest redoes them).
SAVE_BATCH = 16
ARTICLES = cast(Table, ArticleRow.__table__)
# Built once (building a statement costs more than running it, and an ingest runs these for
# every article), over the table's columns rather than the ORM class's: a statement naming ORM
# attributes costs a fresh process some 25-60 ms to compile the first time (the mappers are set
# up), as much as a reading command's whole query.
_STORED_ID = select(ARTICLES.c.id).where(ARTICLES.c.id == bindparam("article"))
_CURRENT_VERSION = (
    select(ARTICLES.c.id, ARTICLES.c.version)
    .where(ARTICLES.c.external_id == bindparam("external_id"), ARTICLES.c.is_current == 1)
    .order_by(ARTICLES.c.version.desc())
    .limit(1)
)


class SaveOutcome(enum.Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    FAILED = "failed"  # the database refused this article's data (the reason: `save_errors`)


@dataclass
class ArticleSummary:
    """One line of `newsgraph articles`."""

    id: str
    external_id: str
    outlet: str | None
    published: str | None
    title: str | None
    entities: int
    dates: int
    version: int


def _exists(session: Session, article_id: str) -> bool:
    """Whether the article is stored, without loading it and its parts (`session.get` would)."""
    return session.connection().scalar(_STORED_ID, {"article": article_id}) is not None


class ArticleStore:
    """Reads and writes articles; an article is written whole in one transaction or not at all."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.save_errors: dict[str, str] = {}

    def has(self, article_id: str) -> bool:
        with Session(self.engine) as session:
            return _exists(session, article_id)

    def save(self, article: Article, on_insert: InsertHook | None = None) -> SaveOutcome:
        """Store an analysed article in one transaction; a new text under a known external_id
        becomes a new version that supersedes the current one.

        `on_insert(session, article)` runs inside the same transaction once the row is written
        (story placement uses it), so an article is never stored without its story.
        """
        try:
            with Session(writer(self.engine)) as session, session.begin():
                serialise_writers(session)
                outcome = self._write(session, article, on_insert)
                if outcome is SaveOutcome.NEW:
                    bump_data_version(session.connection())
                return outcome
        except IntegrityError:
            # Another writer stored the same article first; the transaction was rolled back whole.
            return SaveOutcome.UNCHANGED

    def save_many(
        self, articles: Iterable[Article], on_insert: InsertHook | None = None, batch_size: int = SAVE_BATCH
    ) -> Iterator[tuple[Article, SaveOutcome]]:
        """Store articles in order, `batch_size` to a transaction (each one whole or not at all, as
        with `save`); each outcome is yielded once its transaction has committed. A batch that
        meets another writer's copy of one of its articles is rolled back and saved one by one."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._save_batch(batch, on_insert)
                batch = []
        if batch:
            yield from self._save_batch(batch, on_insert)

    def _save_batch(self, batch: list[Article], on_insert: InsertHook | None) -> list[tuple[Article, SaveOutcome]]:
        try:
            with Session(writer(self.engine)) as session, session.begin():
                serialise_writers(session)
                outcomes = [(article, self._write(session, article, on_insert)) for article in batch]
                if any(outcome is SaveOutcome.NEW for _, outcome in outcomes):
                    bump_data_version(session.connection())  # once per transaction
                return outcomes
        except (IntegrityError, DataError):
            return [(article, self._save_or_fail(article, on_insert)) for article in batch]

    def _save_or_fail(self, article: Article, on_insert: InsertHook | None) -> SaveOutcome:
        """One article whose data the database refuses (a value of a kind the checks at the edge
        did not foresee) fails alone; the batch goes on."""
        try:
            return self.save(article, on_insert)
        except DataError as error:
            self.save_errors[article.id] = database_reason(error)
            return SaveOutcome.FAILED

    def save_failure(self, article: Article) -> InputError:
        """The error that stands for an article whose save came back FAILED."""
        reason = self.save_errors.pop(article.id, "the database refused it")
        return InputError(article.source or article.id, f"could not be stored: {reason}")

    @staticmethod
    def _write(session: Session, article: Article, on_insert: InsertHook | None) -> SaveOutcome:
        if _exists(session, article.id):
            return SaveOutcome.UNCHANGED
        previous = session.connection().execute(_CURRENT_VERSION, {"external_id": article.external_id}).first()
        if previous is not None:
            article.version = previous.version + 1
            article.supersedes = previous.id
            session.execute(
                update(ArticleRow).where(ArticleRow.external_id == article.external_id).values(is_current=0)
            )
            uncount_entities(session, previous.id)
            refresh_stories(session, [session.scalar(select(ArticleRow.story_id).where(ArticleRow.id == previous.id))])
        resolve_short_names(session, article)
        register_entities(session, article)
        connection = session.connection()
        for table, rows in to_rows(article):
            connection.execute(inserting(table), rows)
        count_entities(session, article)
        index_article(session, article)
        if on_insert is not None:
            on_insert(session, article)
        return SaveOutcome.NEW

    def refresh_statistics(self) -> None:
        """After a batch of writes, let SQLite's planner learn the tables' shapes (sampled, so it
        stays cheap on a large database): without statistics it may walk an index that matches
        nearly every row. PostgreSQL keeps its own statistics."""
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA analysis_limit=1000")
                connection.exec_driver_sql("ANALYZE")
                connection.commit()
        except SQLAlchemyError:
            pass  # another writer holds the database: the next ingest will do it

    def record_error(self, source: str, reason: str) -> None:
        """Keep a failed input's reason once (re-running a batch does not repeat it)."""
        with Session(self.engine) as session, session.begin():
            known = session.scalar(
                select(IngestErrorRow.id).where(IngestErrorRow.source == source, IngestErrorRow.reason == reason)
            )
            if known is None:
                session.add(IngestErrorRow(source=source, reason=reason))

    def errors(self) -> list[tuple[str, str]]:
        with Session(self.engine) as session:
            rows = session.execute(select(IngestErrorRow.source, IngestErrorRow.reason).order_by(IngestErrorRow.id))
            return [(r[0], r[1]) for r in rows]

    def resolve_id(self, ref: str) -> str:
        """An article id from its id, a unique id prefix, or its external id (newest version)."""
        with Session(self.engine) as session:
            if _exists(session, ref):
                return ref
            by_external = session.scalars(
                select(ArticleRow.id).where(ArticleRow.external_id == ref).order_by(ArticleRow.version.desc())
            ).first()
            if by_external:
                return by_external
            if len(ref) >= 4:
                matches = session.scalars(select(ArticleRow.id).where(starts_with(ArticleRow.id, ref)).limit(2)).all()
                if len(matches) == 1:
                    return matches[0]
                if len(matches) > 1:
                    raise NotFoundError(f"{ref!r} matches several articles; give more of the id")
        raise NotFoundError(f"no article {ref!r}; `newsgraph articles` lists them")

    def get(self, ref: str) -> Article:
        article_id = self.resolve_id(ref)
        with Session(self.engine) as session:
            return load_records(session, [article_id])[article_id]

    def story_records(self, story_id: str) -> list[Article]:
        """Every current article of a story (copies included), as records, oldest first."""
        with Session(self.engine) as session:
            ids = list(
                session.scalars(
                    select(ArticleRow.id)
                    .where(ArticleRow.story_id == story_id, ArticleRow.is_current == 1)
                    .order_by(ArticleRow.published_value.asc().nulls_last(), ArticleRow.id)
                )
            )
            if not ids:
                raise NotFoundError(f"no story {story_id!r}; `newsgraph stories` lists them")
            records = load_records(session, ids)
            return [records[i] for i in ids]

    def count(self, current_only: bool = True) -> int:
        with Session(self.engine) as session:
            query = select(func.count()).select_from(ArticleRow)
            if current_only:
                query = query.where(ArticleRow.is_current == 1)
            return int(session.scalar(query) or 0)

    def summaries(self, limit: int | None = None, offset: int = 0, all_versions: bool = False) -> list[ArticleSummary]:
        """A page of articles, newest first; mentions are counted for that page only."""
        query = (
            select(
                ArticleRow.id,
                ArticleRow.external_id,
                ArticleRow.outlet,
                ArticleRow.published_value,
                ArticleRow.title,
                ArticleRow.version,
            )
            .order_by(ArticleRow.published_value.desc().nulls_last(), ArticleRow.external_id, ArticleRow.version)
            .offset(offset)
        )
        if not all_versions:
            query = query.where(ArticleRow.is_current == 1)
        if limit is not None:
            query = query.limit(limit)
        with Session(self.engine) as session:
            rows = session.execute(query).all()
            ids = [r[0] for r in rows]
            counts: dict[str, dict[str, int]] = {}
            for name, table in (("entities", EntityMentionRow), ("dates", DateMentionRow)):
                found: dict[str, int] = {}
                for chunk in range(0, len(ids), 500):
                    rows_counted = session.execute(
                        select(table.article_id, func.count())
                        .where(table.article_id.in_(ids[chunk : chunk + 500]))
                        .group_by(table.article_id)
                    )
                    found.update({str(a): int(n) for a, n in rows_counted})
                counts[name] = found
            return [
                ArticleSummary(
                    id=r[0],
                    external_id=r[1],
                    outlet=r[2],
                    published=r[3],
                    title=r[4],
                    version=r[5],
                    entities=counts["entities"].get(r[0], 0),
                    dates=counts["dates"].get(r[0], 0),
                )
                for r in rows
            ]

    def iter_articles(self, batch_size: int = 200, all_versions: bool = False) -> Iterator[Article]:
        """Every stored article as a record, streamed in id order (never all in memory)."""
        last = ""
        while True:
            with Session(self.engine) as session:
                query = select(ArticleRow.id).where(ArticleRow.id > last).order_by(ArticleRow.id).limit(batch_size)
                if not all_versions:
                    query = query.where(ArticleRow.is_current == 1)
                ids = list(session.scalars(query))
                loaded = load_records(session, ids)
                records = [loaded[i] for i in ids]
            if not records:
                return
            yield from records
            last = records[-1].id
