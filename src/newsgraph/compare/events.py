"""Events compared across outlets: one event told by several outlets is agreed; the same event
told with another actor or on another day is a conflict.

Events match on their PLOVER type, their actor and recipient (one canonical entity, or the same
head words: a pronoun or a bare role matches nobody), compatible dates ("2024-04-24" falls
within "2024-04") and compatible places (only two different countries are not). Two events of
one type done to one named recipient are the same event told differently when one outlet names
another actor for the same day, the same actor on another day, or the same actor on the same day
in another country: both versions are shown together, each with its outlet's sentence.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.compare.evidence import sentence_evidence
from newsgraph.records import Article, Event, EventArgument

# A party named only by a pronoun or a bare role could be anyone: it matches nobody by its words.
VAGUE_PARTIES = frozenset(
    {"he", "she", "they", "it", "him", "her", "them", "someone", "suspect", "man", "woman", "police", "authorities"}
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def told_date(event: Event) -> str | None:
    """The date the text gives an event; a reporting date says nothing of when it happened."""
    return event.date.value if event.date and event.date.basis == "text" else None


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _heads(party: EventArgument) -> set[str]:
    return {w.lower() for w in party.text.split()[-2:]} - VAGUE_PARTIES - {"the", "a", "an"}


def same_party(a: EventArgument | None, b: EventArgument | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.entity_id and b.entity_id:
        return bool(a.entity_id == b.entity_id)
    return bool(_heads(a) & _heads(b))


def distinct_places(a: EventArgument | None, b: EventArgument | None) -> bool:
    """Two places that cannot hold one event: two different countries. A city and another city or
    region may lie one within the other ("in Dallas", "in Texas"), and newsgraph does not know
    which lies where, so only countries tell two places apart."""
    if a is None or b is None or not (a.entity_id and b.entity_id):
        return False
    return a.entity_id.startswith("country:") and b.entity_id.startswith("country:") and a.entity_id != b.entity_id


def _named(party: EventArgument | None) -> bool:
    """Named well enough to tell one party from another: an entity or words beyond a pronoun."""
    return party is not None and (bool(party.entity_id) or bool(_heads(party)))


class _Told:
    """One event as the outlets that tell it alike tell it."""

    def __init__(self, event: Event) -> None:
        self.event = event
        self.date = told_date(event)
        self.evidence: list[dict[str, Any]] = []
        self.other: _Told | None = None  # the other version, when outlets disagree
        self.differs_on = ""

    def matches(self, event: Event) -> bool:
        first = self.event
        return (
            first.type == event.type
            and same_party(first.actor, event.actor)
            and same_party(first.recipient, event.recipient)
            and dates_compatible(self.date, told_date(event))
            and not distinct_places(first.place, event.place)
        )

    def outlets(self) -> set[str]:
        return {e["outlet"] for e in self.evidence}


def event_items(articles: list[Article], min_confidence: float | None) -> list[dict[str, Any]]:
    told: list[_Told] = []
    for article in articles:
        for event in article.events:
            if event.negated or (min_confidence and event.confidence is not None and event.confidence < min_confidence):
                continue
            evidence = {
                **sentence_evidence(article, event.sentence.start, event.sentence.end),
                "trigger": event.trigger.text,
                "date": told_date(event),
                "actor": event.actor.text if event.actor else None,
                "recipient": event.recipient.text if event.recipient else None,
                "place": event.place.text if event.place else None,
            }
            group = next((t for t in told if t.matches(event)), None)
            if group is None:
                group = _Told(event)
                told.append(group)
            group.evidence.append(evidence)
    _pair_versions(told)
    items, shown = [], set()
    for group in told:
        if id(group) in shown:
            continue  # shown with the version listed first
        shown.update({id(group), id(group.other)})
        items.append(_item(group))
    return items


def differs_on(a: _Told, b: _Told) -> str:
    """What two tellings of one event disagree on ("actor", "date", "place"), or "" when they
    are not the same event told differently."""
    x, y = a.event, b.event
    if x.type != y.type or not (_named(x.recipient) and same_party(x.recipient, y.recipient)):
        return ""
    both_days = bool(a.date and b.date and _DAY.match(a.date) and _DAY.match(b.date))
    if _named(x.actor) and _named(y.actor) and not same_party(x.actor, y.actor):
        return "actor" if dates_compatible(a.date, b.date) and both_days else ""
    if same_party(x.actor, y.actor) and both_days and a.date != b.date:
        return "date"
    if same_party(x.actor, y.actor) and both_days and a.date == b.date and distinct_places(x.place, y.place):
        return "place"
    return ""


def _pair_versions(told: list[_Told]) -> None:
    for i, first in enumerate(told):
        for second in told[i + 1 :]:
            if first.other or second.other:
                continue
            # Outlets that disagree: an outlet telling both knows them for two events (two visits).
            if first.outlets() & second.outlets():
                continue
            what = differs_on(first, second)
            if what:
                first.other, second.other = second, first
                first.differs_on = second.differs_on = what


def _item(group: _Told) -> dict[str, Any]:
    if group.other is None:
        return {
            "kind": "event",
            "summary": _summary(group.event),
            "type": group.event.type,
            "date": group.date,
            "evidence": group.evidence,
        }
    versions = [group, group.other]
    return {
        "kind": "event",
        "summary": " / ".join(_summary(v.event) for v in versions) + f" (outlets differ on the {group.differs_on})",
        "type": group.event.type,
        "date": group.date,
        "conflict": True,
        "differs_on": group.differs_on,
        "versions": [
            {
                "summary": _summary(v.event),
                "date": v.date,
                "place": v.event.place.text if v.event.place else None,
                "outlets": sorted(v.outlets()),
            }
            for v in versions
        ],
        "evidence": group.evidence + group.other.evidence,
    }


def _summary(event: Event) -> str:
    parts = [
        event.actor.text if event.actor else "someone",
        event.type.lower(),
        event.recipient.text if event.recipient else "",
    ]
    where = f" in {event.place.text}" if event.place else ""
    when = f" ({told_date(event)})" if told_date(event) else ""
    return " ".join(p for p in parts if p) + where + when
