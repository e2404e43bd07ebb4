from __future__ import annotations

import pytest

from newsgraph.nlp.pipeline import Analyzer
from newsgraph.records import Article, Claim, Published


@pytest.fixture(scope="module")
def claims_of(analyzer: Analyzer):  # type: ignore[no-untyped-def]
    """The claims newsgraph finds in a text written for a test."""

    def claims(text: str) -> list[Claim]:
        article = Article(id="0" * 16, external_id="t", text=text, published=Published("2026-03-05", "given"))
        return analyzer.analyze_one(article).claims

    return claims
