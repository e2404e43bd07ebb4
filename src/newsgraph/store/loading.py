"""Stored articles read back as records with plain (Core) selects: one query per part for a
whole batch of articles, and no ORM objects to build (that was most of the time of serving an
article or a story's comparison)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

from sqlalchemy import Row, Table, select
from sqlalchemy.orm import Session

from newsgraph.records import Article
from newsgraph.store.convert import to_record
from newsgraph.store.models import (
    ArticleRow,
    Base,
    ClaimRow,
    DateMentionRow,
    EntityMentionRow,
    EntityRow,
    EventRow,
    QuantityRow,
    RemovedRow,
    SentenceRow,
)

PARTS: dict[str, type[Base]] = {
    "removed": RemovedRow,
    "sentences": SentenceRow,
    "entities": EntityMentionRow,
    "dates": DateMentionRow,
    "claims": ClaimRow,
    "events": EventRow,
    "quantities": QuantityRow,
}
RENAMED = {"extra": "metadata"}  # attribute -> column where the two differ
CHUNK = 400


class LoadedArticle:
    """An article's row and its parts' rows, read like an ArticleRow by `to_record`."""

    def __init__(self, row: Row[Any], parts: dict[str, list[Row[Any]]]) -> None:
        self._columns = row._mapping
        self.__dict__.update(parts)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._columns[RENAMED.get(name, name)]
        except KeyError:
            raise AttributeError(name) from None


def load_records(session: Session, article_ids: list[str]) -> dict[str, Article]:
    """The stored articles with these ids, as records, by id."""
    articles = cast(Table, ArticleRow.__table__)
    entities = cast(Table, EntityRow.__table__)
    connection = session.connection()  # Core, not the ORM's execution path: these are plain rows
    out: dict[str, Article] = {}
    for start in range(0, len(article_ids), CHUNK):
        chunk = article_ids[start : start + CHUNK]
        rows = connection.execute(select(articles).where(articles.c.id.in_(chunk))).all()
        parts: dict[str, dict[str, list[Row[Any]]]] = {}
        for name, model in PARTS.items():
            table = cast(Table, model.__table__)
            by_article: dict[str, list[Row[Any]]] = defaultdict(list)
            for part in connection.execute(
                select(table).where(table.c.article_id.in_(chunk)).order_by(table.c.article_id, table.c.position)
            ):
                by_article[part.article_id].append(part)
            parts[name] = by_article
        entity_ids = sorted({e.entity_id for found in parts["entities"].values() for e in found if e.entity_id})
        names: dict[str, tuple[str, str]] = {}
        for first in range(0, len(entity_ids), CHUNK):
            for entity_id, name, type_ in connection.execute(
                select(entities.c.id, entities.c.name, entities.c.type).where(
                    entities.c.id.in_(entity_ids[first : first + CHUNK])
                )
            ):
                names[entity_id] = (name, type_)
        for row in rows:
            loaded = LoadedArticle(row, {name: parts[name].get(row.id, []) for name in PARTS})
            out[row.id] = to_record(cast(ArticleRow, loaded), names)
    return out
