"""Server-side SVG: a timeline of events by date, and an entity's neighbourhood graph laid out
with networkx. Coordinates only; every label is escaped by the templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from newsgraph.store.event_queries import sort_key

WIDTH, HEIGHT = 760, 200


def _as_day(value: str) -> dt.date:
    key = sort_key(value)
    year = int(key[:4])
    month = int(key[5:7]) if len(key) >= 7 and key[5:7].isdigit() else 1
    day = int(key[8:10]) if len(key) >= 10 and key[8:10].isdigit() else 1
    return dt.date(year, month, day)


def timeline_points(events: list[dict[str, Any]]) -> dict[str, Any]:
    """x positions by event date, rows by event type, for the template to draw."""
    dated = [e for e in events if e["date"]["value"]]
    if not dated:
        return {"points": [], "width": WIDTH, "height": HEIGHT, "ticks": []}
    days = [_as_day(e["date"]["value"]) for e in dated]
    first, last = min(days), max(days)
    if first == last:  # one day: in the middle of a week, not at the edge of an empty axis
        first, last = first - dt.timedelta(days=3), last + dt.timedelta(days=3)
    span = max(1, (last - first).days)
    types = sorted({e["type"] for e in dated})
    row_height = (HEIGHT - 40) / max(1, len(types))
    points = []
    for event, day in zip(dated, days, strict=True):
        x = 40 + (WIDTH - 80) * (day - first).days / span
        y = 20 + row_height * (types.index(event["type"]) + 0.5)
        points.append({"x": round(x, 1), "y": round(y, 1), "event": event})
    ticks = [{"x": 40, "label": first.isoformat()}, {"x": WIDTH - 40, "label": last.isoformat()}]
    rows = [{"y": round(20 + row_height * (i + 0.5), 1), "label": t} for i, t in enumerate(types)]
    return {"points": points, "width": WIDTH, "height": HEIGHT, "ticks": ticks, "rows": rows}


def graph_layout(graph: dict[str, Any], size: int = 520) -> dict[str, Any]:
    """Node positions for the neighbourhood graph (deterministic spring layout)."""
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in graph["nodes"])
    g.add_edges_from((e["source"], e["target"]) for e in graph["edges"])
    if not g.number_of_nodes():
        return {"nodes": [], "edges": [], "size": size}
    positions = nx.spring_layout(g, seed=7) if g.number_of_nodes() > 1 else {next(iter(g.nodes)): (0.0, 0.0)}

    def scale(v: float, low: float, high: float) -> float:
        """From the layout's [-1, 1] into [low, high], leaving room for labels on the right."""
        return round(low + (v + 1) / 2 * (high - low), 1)

    nodes = [
        {**n, "x": scale(positions[n["id"]][0], 30, size - 130), "y": scale(positions[n["id"]][1], 30, size - 30)}
        for n in graph["nodes"]
    ]
    where = {n["id"]: n for n in nodes}
    edges = [
        {
            **e,
            "x1": where[e["source"]]["x"],
            "y1": where[e["source"]]["y"],
            "x2": where[e["target"]]["x"],
            "y2": where[e["target"]]["y"],
        }
        for e in graph["edges"]
    ]
    return {"nodes": nodes, "edges": edges, "size": size}
