"""Fact-by-fact comparison of a story's articles across independent outlets.

Copies (`duplicate_of`) are left out and articles of one outlet count once, so a syndicated
story never "agrees with itself". Facts are events (matched on type, participants and
compatible dates: "2024-04-24" falls within "2024-04"), quantities (matched on what they
count; "about 400" and "more than 400" overlap, "23" and "31" do not) and claims (the same
quotation whoever is said to speak it, or one speaker's reported statement: see `claims`).
Quantities stated in background sentences about another year are not compared. Every item
carries each outlet's own wording and offsets.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.compare.claims import claim_items
from newsgraph.records import Article, Event, Quantity

# Counts whose different values cannot both be true of one story.
CONFLICTING_MEASURES = frozenset({"killed", "injured", "missing", "arrested", "evacuated"})
# What else a number measures that outlets can be held to: money, size, distance, weight, share.
MEASURED_UNITS = (
    "magnitude",
    "earthquake",
    "dollars",
    "euros",
    "pounds",
    "tonnes",
    "tons",
    "kilograms",
    "kilometers",
    "kilometres",
    "miles",
    "percent",
    "acres",
    "hectares",
    "barrels",
)


def measured(measure: str) -> bool:
    """A quantity worth comparing: people killed, injured, ... or an amount in a unit. A count
    of a generic noun ("two counts", "thing: 1", "m." from "2:09 a.m.", "war: 1" from "World War
    One") pairs different things across outlets."""
    return measure in CONFLICTING_MEASURES or measure.split(" of ", 1)[0] in MEASURED_UNITS


def compare_story(articles: list[Article], min_event_confidence: float | None = None) -> dict[str, Any]:
    """Agreed, unique and conflicting facts across independent outlets; events less sure than
    `min_event_confidence` are left out."""
    independent = [a for a in articles if a.duplicate_of is None]
    facts = (
        _events(independent, min_event_confidence)
        + _quantities(independent)
        + claim_items(independent, _outlet, _sentence)
    )
    agreed, unique, conflicting = [], [], []
    for group in facts:
        outlets = sorted({e["outlet"] for e in group["evidence"]})
        group["outlets"] = outlets
        if group.get("conflict"):
            conflicting.append(group)
        elif len(outlets) >= 2:
            agreed.append(group)
        else:
            unique.append(group)
    # For a reader: what outlets attribute differently first, then what most outlets share.
    agreed.sort(key=lambda item: (not item.get("attribution_differs"), -len(item["outlets"])))
    return {
        "outlets": sorted({_outlet(a) for a in independent}),
        "copies_left_out": sorted(a.id for a in articles if a.duplicate_of is not None),
        "agreed": agreed,
        "unique": unique,
        "conflicting": conflicting,
        "attribution_differences": [item for item in agreed if item.get("attribution_differs")],
        "attribution": _attribution(independent),
    }


def _outlet(article: Article) -> str:
    return article.outlet or f"unknown ({article.external_id})"


def _sentence(article: Article, start: int, end: int) -> dict[str, Any]:
    return {
        "outlet": _outlet(article),
        "article_id": article.id,
        "start": start,
        "end": end,
        "text": article.text[start:end],
    }


# Events ---------------------------------------------------------------------------------


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


# A party named only by a pronoun or a bare role could be anyone: it matches nobody by its words.
VAGUE_PARTIES = frozenset(
    {"he", "she", "they", "it", "him", "her", "them", "someone", "suspect", "man", "woman", "police", "authorities"}
)


def _same_party(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.entity_id and b.entity_id:
        return bool(a.entity_id == b.entity_id)
    heads_a = {w.lower() for w in a.text.split()[-2:]} - VAGUE_PARTIES - {"the", "a", "an"}
    heads_b = {w.lower() for w in b.text.split()[-2:]} - VAGUE_PARTIES - {"the", "a", "an"}
    return bool(heads_a & heads_b)


def _events(articles: list[Article], min_confidence: float | None) -> list[dict[str, Any]]:
    groups: list[tuple[Event, list[dict[str, Any]]]] = []
    for article in articles:
        for event in article.events:
            if event.negated or (min_confidence and event.confidence is not None and event.confidence < min_confidence):
                continue
            evidence = {**_sentence(article, event.sentence.start, event.sentence.end), "trigger": event.trigger.text}
            evidence["date"] = event.date.value if event.date else None
            for first, members in groups:
                if (
                    first.type == event.type
                    and _same_party(first.actor, event.actor)
                    and _same_party(first.recipient, event.recipient)
                    and _dates_compatible(
                        first.date.value if first.date else None, event.date.value if event.date else None
                    )
                ):
                    members.append(evidence)
                    break
            else:
                groups.append((event, [evidence]))
    return [
        {
            "kind": "event",
            "summary": _event_summary(first),
            "type": first.type,
            "date": first.date.value if first.date else None,
            "evidence": members,
        }
        for first, members in groups
    ]


def _event_summary(event: Event) -> str:
    parts = [
        event.actor.text if event.actor else "someone",
        event.type.lower(),
        event.recipient.text if event.recipient else "",
    ]
    when = f" ({event.date.value})" if event.date and event.date.value else ""
    return " ".join(p for p in parts if p) + when


# Quantities -------------------------------------------------------------------------------


def _background(article: Article, quantity: Quantity) -> bool:
    """A number in a sentence about another year is history, not this story's figure."""
    year = (article.published.value or "")[:4]
    return any(
        quantity.sentence.start <= date.start < quantity.sentence.end
        and date.value
        and date.value[:4].isdigit()
        and year
        and date.value[:4] != year
        for date in article.dates
    )


def _overlap(a: Quantity, b: Quantity) -> bool:
    a_high = a.high if a.high is not None else float("inf")
    b_high = b.high if b.high is not None else float("inf")
    return a.low <= b_high and b.low <= a_high


def _quantities(articles: list[Article]) -> list[dict[str, Any]]:
    """Counts of people (killed, injured, ...) conflict when outlets give figures that cannot both
    be true; other numbers (kilometres, buildings) may count different things, so differing
    values are separate facts, never a conflict."""
    by_measure: dict[str, list[tuple[Article, Quantity]]] = defaultdict(list)
    for article in articles:
        for quantity in article.quantities:
            if measured(quantity.measure) and not _background(article, quantity):
                by_measure[quantity.measure].append((article, quantity))
    out = []
    for measure, stated in sorted(by_measure.items()):
        clash = measure in CONFLICTING_MEASURES and any(
            _outlet(xa) != _outlet(ya) and not _overlap(x, y)
            for i, (xa, x) in enumerate(stated)
            for ya, y in stated[i + 1 :]
        )
        groups = [stated] if clash or measure in CONFLICTING_MEASURES else _by_value(stated)
        for group in groups:
            values = sorted({q.value for _, q in group})
            out.append(
                {
                    "kind": "quantity",
                    "measure": measure,
                    "summary": f"{measure}: " + ", ".join(f"{v:g}" for v in values),
                    "conflict": clash,
                    "evidence": [_quantity_evidence(a, q) for a, q in group],
                }
            )
    return out


def _by_value(stated: list[tuple[Article, Quantity]]) -> list[list[tuple[Article, Quantity]]]:
    groups: list[list[tuple[Article, Quantity]]] = []
    for item in stated:
        for group in groups:
            if _overlap(group[0][1], item[1]):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _quantity_evidence(article: Article, quantity: Quantity) -> dict[str, Any]:
    return {
        **_sentence(article, quantity.sentence.start, quantity.sentence.end),
        "value": quantity.value,
        "qualifier": quantity.qualifier,
        "said": quantity.text,
        "said_start": quantity.start,
        "said_end": quantity.end,
    }


# Claims: see newsgraph.compare.claims ------------------------------------------------------


# Attribution ------------------------------------------------------------------------------


def _attribution(articles: list[Article]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for article in articles:
        row = counts.setdefault(
            _outlet(article), {"claims": 0, "named": 0, "anonymous": 0, "broken": 0, "unattributed": 0}
        )
        for claim in article.claims:
            row["claims"] += 1
            if claim.issues:
                row["broken"] += 1
            elif claim.speaker is None:
                row["unattributed"] += 1
            elif claim.speaker.anonymous:
                row["anonymous"] += 1
            else:
                row["named"] += 1
    return counts
