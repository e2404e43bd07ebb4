"""Timelines: events ordered by when they happened (not when they were published)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from newsgraph.store.entity_queries import find_entity_id
from newsgraph.store.models import ArticleRow, ClaimRow, EventRow, is_original
from newsgraph.store.story_queries import resolve_story_id

_CALENDAR = re.compile(
    r"^(?:FY)?\d{3,4}(?:-(?:\d{2}(?:-\d{2}(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?)?|W\d{2}(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?$"
)
_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}


def sort_key(value: str) -> str:
    """A value that sorts TIMEX3 dates by their start: weeks, quarters and seasons as months."""
    value = value.removeprefix("FY").split("T", 1)[0]  # a fiscal year, a part of a day
    if len(value) == 3:  # a decade
        return f"{value}0"
    year, _, rest = value.partition("-")
    if rest.startswith("W"):
        monday = dt.date.fromisocalendar(int(year), int(rest[1:3]), 1)
        return monday.isoformat()
    if rest.startswith("Q"):
        return f"{year}-{(int(rest[1]) - 1) * 3 + 1:02d}"
    if rest.startswith("H"):
        return f"{year}-{(int(rest[1]) - 1) * 6 + 1:02d}"
    if rest in _SEASON_MONTH:
        return f"{year}-{_SEASON_MONTH[rest]}"
    return value


def display(value: str | None, modifier: str | None, basis: str | None = None) -> str:
    """The date at its own granularity: "2024-09", "late 2024-10"; the day an event was reported
    where its sentence gives none: "reported 2024-10-02"."""
    if not value:
        return "undated"
    if basis == "reported":
        return f"reported {value}"
    return f"{modifier} {value}" if modifier else value


def timeline(
    engine: Engine,
    story_id: str | None = None,
    entity: str | None = None,
    undated: bool = False,
    limit: int | None = None,
    offset: int = 0,
    min_confidence: float | None = None,
) -> list[dict[str, Any]]:
    """Events ordered by event date (TIMEX values by their start), then publication date.

    The order is worked out on a few columns of every matching event; only the page asked for
    is read in full (an entity such as a country may have thousands of events)."""
    with Session(engine) as session:
        filters = [ArticleRow.is_current == 1, is_original()]
        if story_id:
            filters.append(ArticleRow.story_id == resolve_story_id(session, story_id))
        if entity:
            entity_id = find_entity_id(session, entity)
            filters.append(or_(EventRow.actor_entity_id == entity_id, EventRow.recipient_entity_id == entity_id))
        if min_confidence is not None:  # events stored before confidences were kept have none: kept
            filters.append(or_(EventRow.confidence.is_(None), EventRow.confidence >= min_confidence))
        keys = []
        for article_id, position, value, published, start in session.execute(
            select(
                EventRow.article_id,
                EventRow.position,
                EventRow.date_value,
                ArticleRow.published_value,
                EventRow.trigger_start,
            )
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(*filters)
        ):
            calendar = value if value and _CALENDAR.match(value) else None
            if calendar or undated:
                order = sort_key(calendar) if calendar else ""
                keys.append((calendar is None, order, published or "", article_id, start, position))
        keys.sort()
        page = keys[offset : None if limit is None else offset + limit]
        wanted = [(k[3], k[5]) for k in page]
        rows: dict[tuple[str, int], tuple[EventRow, str | None, str | None, str | None, str, str]] = {}
        for first in range(0, len(wanted), 300):
            for row in session.execute(
                select(
                    EventRow,
                    ArticleRow.outlet,
                    ArticleRow.title,
                    ArticleRow.published_value,
                    # The evidence sentence only, not the whole text of every article.
                    func.substr(
                        ArticleRow.text, EventRow.sentence_start + 1, EventRow.sentence_end - EventRow.sentence_start
                    ),
                    ArticleRow.external_id,
                )
                .join(ArticleRow, ArticleRow.id == EventRow.article_id)
                .where(tuple_(EventRow.article_id, EventRow.position).in_(wanted[first : first + 300]))
            ):
                event, outlet, title, published, sentence, external_id = row
                rows[(event.article_id, event.position)] = (event, outlet, title, published, sentence, external_id)
        claims = {
            (c.article_id, c.position): c
            for c in session.scalars(select(ClaimRow).where(ClaimRow.article_id.in_({a for a, _ in wanted})))
        }
    return [_event_entry(rows[key], claims) for key in wanted]


def _event_entry(
    row: tuple[EventRow, str | None, str | None, str | None, str, str], claims: dict[tuple[str, int], ClaimRow]
) -> dict[str, Any]:
    event, outlet, title, published, sentence, external_id = row
    dated = bool(event.date_value and _CALENDAR.match(event.date_value))
    claim = claims.get((event.article_id, event.attributed_to)) if event.attributed_to is not None else None
    return {
        "date": {
            "value": event.date_value if dated else None,
            "text": event.date_text,
            "granularity": event.date_granularity,
            "modifier": event.date_modifier,
            "basis": (event.date_basis or "text") if dated else None,
            "display": display(event.date_value if dated else None, event.date_modifier, event.date_basis),
        },
        "type": event.type,
        "mode": event.mode,
        "context": event.context,
        "actor": {"text": event.actor_text, "entity_id": event.actor_entity_id} if event.actor_text else None,
        "recipient": {"text": event.recipient_text, "entity_id": event.recipient_entity_id}
        if event.recipient_text
        else None,
        "place": {"text": event.place_text, "entity_id": event.place_entity_id} if event.place_text else None,
        "trigger": {"text": event.trigger_text, "start": event.trigger_start, "end": event.trigger_end},
        "evidence": {
            "article_id": event.article_id,
            "external_id": external_id,
            "start": event.sentence_start,
            "end": event.sentence_end,
            "text": sentence,
        },
        "outlet": outlet,
        "title": title,
        "published": published,
        "attribution": _attribution(claim),
        "negated": bool(event.negated),
        "hedged": bool(event.hedged),
        "confidence": event.confidence,
    }


def _attribution(claim: ClaimRow | None) -> dict[str, Any] | None:
    if claim is None:
        return None
    return {
        "kind": claim.kind,
        "speaker": claim.speaker_name or claim.speaker_description,
        "anonymous": bool(claim.speaker_anonymous),
        "channel": claim.channel,
        "issues": list(claim.issues or []),
    }
