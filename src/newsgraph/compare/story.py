"""Fact-by-fact comparison of a story's articles across independent outlets.

Copies (`duplicate_of`) are left out and articles of one outlet count once, so a syndicated
story never "agrees with itself". Facts are events (see `events`: one event told alike, or the
same event told with another actor or day, a conflict), quantities (see `quantities`: what is
measured, at what time; a rising toll is an update, not a conflict) and claims (see `claims`:
the same quotation whoever is said to speak it, or one speaker's reported statement). Every
item carries each outlet's own wording and offsets. Sections come in a reader's order:
conflicts, updates, agreed (attribution differences first), then what one outlet alone reports.
"""

from __future__ import annotations

from typing import Any

from newsgraph.compare.claims import claim_items
from newsgraph.compare.events import event_items
from newsgraph.compare.evidence import outlet_name, sentence_evidence
from newsgraph.compare.quantities import quantity_items
from newsgraph.records import Article


def compare_story(articles: list[Article], min_event_confidence: float | None = None) -> dict[str, Any]:
    """Agreed, unique and conflicting facts across independent outlets; events less sure than
    `min_event_confidence` are left out."""
    independent = [a for a in articles if a.duplicate_of is None]
    facts = (
        event_items(independent, min_event_confidence)
        + quantity_items(independent)
        + claim_items(independent, outlet_name, sentence_evidence)
    )
    agreed, unique, conflicting, updates = [], [], [], []
    for group in facts:
        outlets = sorted({e["outlet"] for e in group["evidence"]})
        group["outlets"] = outlets
        if group.get("conflict"):
            conflicting.append(group)
        elif group.get("update"):
            updates.append(group)
        elif len(outlets) >= 2:
            agreed.append(group)
        else:
            unique.append(group)
    # For a reader: what outlets attribute differently first, then what most outlets share.
    agreed.sort(key=lambda item: (not item.get("attribution_differs"), -len(item["outlets"])))
    return {
        "outlets": sorted({outlet_name(a) for a in independent}),
        "copies_left_out": sorted(a.id for a in articles if a.duplicate_of is not None),
        "agreed": agreed,
        "unique": unique,
        "conflicting": conflicting,
        "updates": updates,
        "attribution_differences": [item for item in agreed if item.get("attribution_differs")],
        "attribution": _attribution(independent),
    }


# Attribution ------------------------------------------------------------------------------


def _attribution(articles: list[Article]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for article in articles:
        row = counts.setdefault(
            outlet_name(article), {"claims": 0, "named": 0, "anonymous": 0, "broken": 0, "unattributed": 0}
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
