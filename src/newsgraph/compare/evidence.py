"""What every compared item carries: the outlet and the sentence each piece of evidence is in."""

from __future__ import annotations

from typing import Any

from newsgraph.records import Article


def outlet_name(article: Article) -> str:
    return article.outlet or f"unknown ({article.external_id})"


def sentence_evidence(article: Article, start: int, end: int) -> dict[str, Any]:
    return {
        "outlet": outlet_name(article),
        "article_id": article.id,
        "start": start,
        "end": end,
        "text": article.text[start:end],
    }
