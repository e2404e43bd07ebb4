"""Between the record model and the table rows: one place that knows both shapes."""

from __future__ import annotations

import json
from typing import Any, Literal, cast

from sqlalchemy import Table

from newsgraph.records import (
    Article,
    CanonicalEntity,
    Claim,
    DateMention,
    EntityMention,
    Event,
    EventArgument,
    EventDate,
    Published,
    Quantity,
    Removed,
    Sentence,
    Speaker,
    TextSpan,
    Trigger,
)
from newsgraph.store.models import (
    ArticleRow,
    Base,
    ClaimRow,
    DateMentionRow,
    EntityMentionRow,
    EventRow,
    QuantityRow,
    RemovedRow,
    SentenceRow,
)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def to_rows(article: Article) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The article as plain rows for each table it fills, the article's own first: written
    with one multi-row INSERT per table (building ORM objects for every sentence, entity and
    claim cost more than the writes themselves)."""
    parts: list[tuple[Table, list[dict[str, Any]]]] = [
        (_table(RemovedRow), [dict(position=i, text=r.text, reason=r.reason) for i, r in enumerate(article.removed)]),
        (
            _table(SentenceRow),
            [dict(position=i, start_char=s.start, end_char=s.end) for i, s in enumerate(article.sentences)],
        ),
        (
            _table(EntityMentionRow),
            [
                dict(position=i, text=e.text, label=e.label, start_char=e.start, end_char=e.end, entity_id=e.entity_id)
                for i, e in enumerate(article.entities)
            ],
        ),
        (_table(ClaimRow), [_claim_row(i, c) for i, c in enumerate(article.claims)]),
        (_table(EventRow), [_event_row(i, e) for i, e in enumerate(article.events)]),
        (
            _table(QuantityRow),
            [
                dict(
                    position=i,
                    measure=q.measure[:120],
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    qualifier=q.qualifier,
                    text=q.text,
                    start_char=q.start,
                    end_char=q.end,
                    sentence_start=q.sentence.start,
                    sentence_end=q.sentence.end,
                )
                for i, q in enumerate(article.quantities)
            ],
        ),
        (
            _table(DateMentionRow),
            [
                dict(
                    position=i,
                    text=d.text,
                    start_char=d.start,
                    end_char=d.end,
                    value=d.value,
                    granularity=d.granularity,
                    status=d.status,
                    modifier=d.modifier,
                    kind=d.kind,
                )
                for i, d in enumerate(article.dates)
            ],
        ),
    ]
    for _, rows in parts:
        for row in rows:
            row["article_id"] = article.id
    own = dict(
        id=article.id,
        external_id=article.external_id,
        version=article.version,
        supersedes=article.supersedes,
        is_current=1,
        outlet=article.outlet,
        url=article.url,
        title=article.title,
        author=article.author,
        published_value=article.published.value,
        published_source=article.published.source,
        text=article.text,
        source=article.source,
        metadata=article.metadata,  # the column's name (the model calls it `extra`)
    )
    return [(_table(ArticleRow), [own]), *((table, rows) for table, rows in parts if rows)]


def to_record(row: ArticleRow, names: dict[str, tuple[str, str]]) -> Article:
    ids = sorted({e.entity_id for e in row.entities if e.entity_id})
    return Article(
        id=row.id,
        external_id=row.external_id,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        author=row.author,
        published=Published(row.published_value, row.published_source),  # type: ignore[arg-type]
        removed=[Removed(r.text, r.reason) for r in row.removed],
        sentences=[Sentence(s.start_char, s.end_char) for s in row.sentences],
        entities=[EntityMention(e.text, e.label, e.start_char, e.end_char, e.entity_id) for e in row.entities],
        dates=[
            DateMention(d.text, d.start_char, d.end_char, d.value, d.granularity, d.status, d.modifier, d.kind)  # type: ignore[arg-type]
            for d in row.dates
        ],
        canonical_entities=[CanonicalEntity(i, *names[i]) for i in ids if i in names],
        claims=[_claim_record(c) for c in row.claims],
        events=[_event_record(e) for e in row.events],
        quantities=[
            Quantity(
                q.measure,
                q.value,
                q.low,
                q.high,
                q.qualifier,
                q.text,
                q.start_char,
                q.end_char,
                Sentence(q.sentence_start, q.sentence_end),
            )
            for q in row.quantities
        ],
        source=row.source,
        version=row.version,
        supersedes=row.supersedes,
        story_id=row.story_id,
        duplicate_of=row.duplicate_of,
        metadata=dict(row.extra or {}),
    )


def _claim_row(position: int, claim: Claim) -> dict[str, Any]:
    speaker = claim.speaker
    return dict(
        position=position,
        kind=claim.kind,
        text=claim.text,
        start_char=claim.start,
        end_char=claim.end,
        sentence_start=claim.sentence.start,
        sentence_end=claim.sentence.end,
        cue=claim.cue,
        has_speaker=int(speaker is not None),
        speaker_name=speaker.name if speaker else None,
        speaker_entity_id=speaker.entity_id if speaker else None,
        speaker_role=speaker.role if speaker else None,
        speaker_organisation=speaker.organisation if speaker else None,
        speaker_anonymous=int(bool(speaker and speaker.anonymous)),
        speaker_description=speaker.description if speaker else None,
        channel=claim.channel,
        issues=list(claim.issues),
        cue_start=claim.cue_span.start if claim.cue_span else None,
        cue_end=claim.cue_span.end if claim.cue_span else None,
        cue_text=claim.cue_span.text[:64] if claim.cue_span else None,
        source_start=claim.source.start if claim.source else None,
        source_end=claim.source.end if claim.source else None,
        source_text=claim.source.text if claim.source else None,
        confidence=claim.confidence,
    )


def _claim_record(row: ClaimRow) -> Claim:
    speaker = None
    if row.has_speaker:
        speaker = Speaker(
            row.speaker_name,
            row.speaker_entity_id,
            row.speaker_role,
            row.speaker_organisation,
            bool(row.speaker_anonymous),
            row.speaker_description,
        )
    return Claim(
        kind=row.kind,  # type: ignore[arg-type]
        text=row.text,
        start=row.start_char,
        end=row.end_char,
        speaker=speaker,
        channel=row.channel,
        issues=list(row.issues or []),
        sentence=Sentence(row.sentence_start, row.sentence_end),
        cue=row.cue,
        cue_span=_span(row.cue_start, row.cue_end, row.cue_text),
        source=_span(row.source_start, row.source_end, row.source_text),
        confidence=row.confidence,
    )


def _span(start: int | None, end: int | None, text: str | None) -> TextSpan | None:
    return TextSpan(start, end, text or "") if start is not None and end is not None else None


def _event_row(position: int, event: Event) -> dict[str, Any]:
    def part(argument: EventArgument | None) -> tuple[str | None, str | None]:
        return (argument.text, argument.entity_id) if argument else (None, None)

    actor, recipient, place = part(event.actor), part(event.recipient), part(event.place)
    date = event.date
    return dict(
        position=position,
        type=event.type,
        mode=event.mode,
        context=event.context,
        actor_text=actor[0],
        actor_entity_id=actor[1],
        recipient_text=recipient[0],
        recipient_entity_id=recipient[1],
        place_text=place[0],
        place_entity_id=place[1],
        date_value=date.value if date else None,
        date_text=date.text if date else None,
        date_granularity=date.granularity if date else None,
        date_modifier=date.modifier if date else None,
        date_basis=date.basis if date else None,
        mentions=json.dumps([[m.text, m.start, m.end] for m in event.mentions]) if event.mentions else None,
        trigger_text=event.trigger.text,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        sentence_start=event.sentence.start,
        sentence_end=event.sentence.end,
        attributed_to=event.attributed_to,
        negated=int(event.negated),
        hedged=int(event.hedged),
        confidence=event.confidence,
    )


def _event_record(row: EventRow) -> Event:
    def part(text: str | None, entity_id: str | None) -> EventArgument | None:
        return EventArgument(text, entity_id) if text is not None else None

    date = None
    if row.date_text is not None:
        basis: Literal["text", "reported"] = "reported" if row.date_basis == "reported" else "text"
        date = EventDate(row.date_value, row.date_text, row.date_granularity, row.date_modifier, basis)
    return Event(
        type=row.type,
        mode=row.mode,
        context=row.context,
        actor=part(row.actor_text, row.actor_entity_id),
        recipient=part(row.recipient_text, row.recipient_entity_id),
        place=part(row.place_text, row.place_entity_id),
        date=date,
        trigger=Trigger(row.trigger_text, row.trigger_start, row.trigger_end),
        sentence=Sentence(row.sentence_start, row.sentence_end),
        attributed_to=row.attributed_to,
        negated=bool(row.negated),
        hedged=bool(row.hedged),
        confidence=row.confidence,
        mentions=[Trigger(text, start, end) for text, start, end in json.loads(row.mentions)] if row.mentions else [],
    )
