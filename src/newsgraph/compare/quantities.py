"""Numbers compared across outlets: only what measures something, each with the time it holds for.

A count of people killed that rises from one day to the next is an update; two outlets giving
different counts for the same day (or a count that falls) is a conflict. A number in a
sentence about another time ("in February, a quake killed 612", "in August 2016") is history,
not this story's figure, and is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from newsgraph.compare.evidence import outlet_name, sentence_evidence
from newsgraph.records import Article, Quantity

# Counts whose different values cannot both be true of one story (at one time).
CONFLICTING_MEASURES = frozenset({"killed", "injured", "missing", "arrested", "evacuated"})
# Counts that only grow as a story goes on: a later, higher figure is an update.
CUMULATIVE_MEASURES = frozenset({"killed", "injured", "arrested", "evacuated"})
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
# Dates this coarse in a sentence put its numbers in another time ("In February, ...").
_PERIODS = frozenset({"month", "season", "quarter", "year", "decade", "century"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def measured(measure: str) -> bool:
    """A quantity worth comparing: people killed, injured, ... or an amount in a unit. A count
    of a generic noun ("two counts", "thing: 1", "m." from "2:09 a.m.", "war: 1" from "World War
    One") pairs different things across outlets."""
    return measure in CONFLICTING_MEASURES or measure.split(" of ", 1)[0] in MEASURED_UNITS


def background(article: Article, quantity: Quantity) -> bool:
    """A number in a sentence dated to a month, year or other period ("In February", "in August
    2016"), or to another year than the article's, tells of another time."""
    year = (article.published.value or "")[:4]
    for date in _dates_in_sentence(article, quantity):
        if date.kind == "date" and date.granularity in _PERIODS:
            return True
        if year and date.value and date.value[:4].isdigit() and date.value[:4] != year:
            return True
    return False


def as_of(article: Article, quantity: Quantity) -> tuple[str | None, str | None]:
    """The day a figure holds for and where that day comes from: the latest day the sentence
    names ("on Wednesday"), else the article's publication date."""
    days = [(d.value[:10], d.text) for d in _dates_in_sentence(article, quantity) if d.value and _DAY.match(d.value)]
    if days:
        return max(days)  # "the toll from Monday's landslide rose to 20 on Tuesday": Tuesday's
    if article.published.value:
        return article.published.value[:10], None
    return None, None


def _dates_in_sentence(article: Article, quantity: Quantity) -> list[Any]:
    sentence = quantity.sentence
    return [d for d in article.dates if sentence.start <= d.start < sentence.end]


def _overlap(a: Quantity, b: Quantity) -> bool:
    a_high = a.high if a.high is not None else float("inf")
    b_high = b.high if b.high is not None else float("inf")
    return a.low <= b_high and b.low <= a_high


class _Figure:
    def __init__(self, article: Article, quantity: Quantity) -> None:
        self.article, self.quantity = article, quantity
        self.outlet = outlet_name(article)
        self.day, self.day_said = as_of(article, quantity)


def _explained_by_time(measure: str, x: _Figure, y: _Figure) -> bool:
    """Two figures that differ only because one is later and the count has grown since."""
    if measure not in CUMULATIVE_MEASURES or not x.day or not y.day or x.day == y.day:
        return False
    earlier, later = (x, y) if x.day < y.day else (y, x)
    return later.quantity.low >= earlier.quantity.value


def quantity_items(articles: list[Article]) -> list[dict[str, Any]]:
    """Counts of people (killed, injured, ...) conflict when outlets give figures that cannot both
    be true at one time, and are updates when a later figure is higher; other numbers
    (kilometres, tonnes) may count different things, so differing values are separate facts."""
    by_measure: dict[str, list[_Figure]] = defaultdict(list)
    for article in articles:
        for quantity in article.quantities:
            if measured(quantity.measure) and not background(article, quantity):
                by_measure[quantity.measure].append(_Figure(article, quantity))
    out = []
    for measure, figures in sorted(by_measure.items()):
        differing = [
            (x, y)
            for i, x in enumerate(figures)
            for y in figures[i + 1 :]
            if x.outlet != y.outlet and not _overlap(x.quantity, y.quantity)
        ]
        clash = measure in CONFLICTING_MEASURES and any(not _explained_by_time(measure, x, y) for x, y in differing)
        update = measure in CONFLICTING_MEASURES and bool(differing) and not clash
        groups = [figures] if measure in CONFLICTING_MEASURES else _by_value(figures)
        for group in groups:
            out.append(
                {
                    "kind": "quantity",
                    "measure": measure,
                    "summary": _summary(measure, group, update, clash),
                    "conflict": clash,
                    "update": update,
                    "evidence": [_evidence(f) for f in sorted(group, key=lambda f: (f.day or "", f.outlet))],
                }
            )
    return out


def _summary(measure: str, group: list[_Figure], update: bool, clash: bool) -> str:
    """The figures, and for an update or a conflict the day each holds for: "killed: 12 (as of
    2026-03-02) → 20 (as of 2026-03-03)", "killed: 23, 31 (as of 2026-02-10); 23 (as of ...)"."""
    values = sorted({f.quantity.value for f in group})
    if not (update or clash) or all(f.day is None for f in group):
        return f"{measure}: " + ", ".join(f"{v:g}" for v in values)
    by_day: dict[str, set[float]] = defaultdict(set)
    for figure in group:
        by_day[figure.day or "unknown"].add(figure.quantity.value)
    steps = [f"{', '.join(f'{v:g}' for v in sorted(vs))} (as of {day})" for day, vs in sorted(by_day.items())]
    return f"{measure}: " + (" → " if update else "; ").join(steps)


def _by_value(figures: list[_Figure]) -> list[list[_Figure]]:
    groups: list[list[_Figure]] = []
    for figure in figures:
        for group in groups:
            if _overlap(group[0].quantity, figure.quantity):
                group.append(figure)
                break
        else:
            groups.append([figure])
    return groups


def _evidence(figure: _Figure) -> dict[str, Any]:
    quantity = figure.quantity
    return {
        **sentence_evidence(figure.article, quantity.sentence.start, quantity.sentence.end),
        "value": quantity.value,
        "qualifier": quantity.qualifier,
        "said": quantity.text,
        "said_start": quantity.start,
        "said_end": quantity.end,
        "as_of": figure.day,
        "as_of_said": figure.day_said,
    }
