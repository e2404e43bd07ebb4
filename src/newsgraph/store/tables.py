"""Flat tables of stored records for CSV export: articles, entities, claims, events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from sqlalchemy.engine import Engine

from newsgraph.store.entity_queries import list_entities
from newsgraph.store.repository import ArticleStore

TABLES = ("articles", "entities", "claims", "events")


def rows(store: ArticleStore, engine: Engine, table: str) -> Iterator[list[object]]:
    """A header row, then one row per record, streamed."""
    if table == "entities":
        yield ["id", "name", "type", "articles", "mentions"]
        for found in list_entities(engine):
            yield [found["id"], found["name"], found["type"], found["articles"], found["mentions"]]
        return
    if table == "articles":
        yield [
            "id",
            "external_id",
            "outlet",
            "url",
            "title",
            "published",
            "published_source",
            "story_id",
            "duplicate_of",
            "version",
            "entities",
            "claims",
            "events",
        ]
    elif table == "claims":
        yield [
            "article_id",
            "position",
            "kind",
            "start",
            "end",
            "text",
            "speaker",
            "speaker_entity_id",
            "role",
            "organisation",
            "anonymous",
            "description",
            "channel",
            "issues",
        ]
    elif table == "events":
        yield [
            "article_id",
            "position",
            "type",
            "mode",
            "context",
            "actor",
            "actor_entity_id",
            "recipient",
            "recipient_entity_id",
            "place",
            "place_entity_id",
            "date",
            "date_text",
            "trigger",
            "trigger_start",
            "trigger_end",
            "sentence_start",
            "sentence_end",
            "attributed_to",
            "negated",
            "hedged",
        ]
    else:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    for a in store.iter_articles():
        if table == "articles":
            yield [
                a.id,
                a.external_id,
                a.outlet,
                a.url,
                a.title,
                a.published.value,
                a.published.source,
                a.story_id,
                a.duplicate_of,
                a.version,
                len(a.entities),
                len(a.claims),
                len(a.events),
            ]
        elif table == "claims":
            for i, c in enumerate(a.claims):
                s = c.speaker
                yield [
                    a.id,
                    i,
                    c.kind,
                    c.start,
                    c.end,
                    c.text,
                    s.name if s else None,
                    s.entity_id if s else None,
                    s.role if s else None,
                    s.organisation if s else None,
                    s.anonymous if s else None,
                    s.description if s else None,
                    c.channel,
                    json.dumps(c.issues),
                ]
        else:
            for i, e in enumerate(a.events):
                yield [
                    a.id,
                    i,
                    e.type,
                    e.mode,
                    e.context,
                    e.actor.text if e.actor else None,
                    e.actor.entity_id if e.actor else None,
                    e.recipient.text if e.recipient else None,
                    e.recipient.entity_id if e.recipient else None,
                    e.place.text if e.place else None,
                    e.place.entity_id if e.place else None,
                    e.date.value if e.date else None,
                    e.date.text if e.date else None,
                    e.trigger.text,
                    e.trigger.start,
                    e.trigger.end,
                    e.sentence.start,
                    e.sentence.end,
                    e.attributed_to,
                    e.negated,
                    e.hedged,
                ]


def to_csv(lines: Iterator[list[object]]) -> Iterator[str]:
    for line in lines:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(["" if v is None else v for v in line])
        yield buffer.getvalue()
