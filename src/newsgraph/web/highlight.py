"""An article's text as HTML with entities, dates, claims and events marked; every piece of
article text is escaped, and each mark's hover text says what it is and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from newsgraph.nlp.claims import claim_in_words, confidence_label
from newsgraph.records import Article


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # entity | date | claim | source | event
    label: str


def marks(article: Article) -> list[Mark]:
    found: list[Mark] = []
    for claim in article.claims:
        who = claim_in_words(claim)
        sureness = f" ({confidence_label(claim.confidence)})" if claim.confidence else ""
        issues = f" — broken: {', '.join(claim.issues)}" if claim.issues else ""
        found.append(Mark(claim.start, claim.end, "claim", f"{who}{sureness}{issues}"))
        if claim.source is not None:  # the mention that names the speaker
            found.append(Mark(claim.source.start, claim.source.end, "source", f"source of a claim: {who}{sureness}"))
    for event in article.events:
        actor = event.actor.text if event.actor else "?"
        target = f" → {event.recipient.text}" if event.recipient else ""
        when = ""
        if event.date and event.date.value:
            when = f" reported {event.date.value}" if event.date.basis == "reported" else f" on {event.date.value}"
        found.append(Mark(event.trigger.start, event.trigger.end, "event", f"{event.type}: {actor}{target}{when}"))
    for date in article.dates:
        found.append(Mark(date.start, date.end, "date", f"date {date.value or '?'} ({date.status})"))
    for entity in article.entities:
        if entity.entity_id:
            found.append(Mark(entity.start, entity.end, "entity", f"{entity.label} {entity.entity_id}"))
    return found


def highlighted(article: Article) -> Markup:
    """Nested marks (a claim holds entities) become nested spans; overlapping ones are cut at
    the boundary so the HTML stays well formed."""
    text = article.text
    boundaries: dict[int, list[tuple[str, Mark]]] = {}
    for mark in marks(article):
        if 0 <= mark.start < mark.end <= len(text):
            boundaries.setdefault(mark.start, []).append(("open", mark))
            boundaries.setdefault(mark.end, []).append(("close", mark))
    out: list[str] = []
    open_marks: list[Mark] = []
    position = 0
    for index in sorted(boundaries):
        out.append(str(escape(text[position:index])))
        position = index
        closing = [m for action, m in boundaries[index] if action == "close" and m in open_marks]
        if closing:
            reopen = []
            while closing:
                mark = open_marks.pop()
                out.append("</span>")
                if mark in closing:
                    closing.remove(mark)
                else:
                    reopen.append(mark)
            for mark in reversed(reopen):
                out.append(_open(mark))
                open_marks.append(mark)
        opening = sorted((m for action, m in boundaries[index] if action == "open"), key=lambda m: -m.end)
        for mark in opening:
            out.append(_open(mark))
            open_marks.append(mark)
    out.append(str(escape(text[position:])))
    out.extend("</span>" for _ in open_marks)
    return Markup("".join(out))


def _open(mark: Mark) -> str:
    return (
        f'<span class="mark {mark.kind}" title="{escape(mark.label)}" data-start="{mark.start}" data-end="{mark.end}">'
    )
