"""Search ranks by BM25 first and filters after: a filter that passes only low-ranked matches
still finds every one of them, pages do not overlap, and results are the best matches."""

from __future__ import annotations

import pytest

import newsgraph.store.search as search_module
from newsgraph.records import Article, Published
from newsgraph.store import ArticleStore, open_database
from newsgraph.store.search import search

WORDS = ["council", "budget", "road", "school", "library", "market", "bridge", "river", "farm", "station"]


def article(n: int, outlet: str, harbours: int) -> Article:
    filler = " ".join(f"{WORDS[(n + i) % len(WORDS)]}{n}" for i in range(40))
    text = f"Report number {n} on the town. " + "The harbour was busy. " * harbours + filler
    return Article(
        id=f"{n:016x}",
        external_id=f"a{n}",
        text=text,
        title=f"Item {n}",
        outlet=outlet,
        published=Published(f"2026-01-{1 + n % 28:02d}", "given"),
    )


def test_filters_reach_past_the_first_ranked_matches(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    # 240 matches: 12 from the Quiet Post, each mentioning the harbour once, below every other.
    batch = [article(n, "Quiet Post" if n % 20 == 0 else "Loud Daily", 1 if n % 20 == 0 else 5) for n in range(240)]
    assert sum(1 for _ in store.save_many(batch)) == 240
    quiet = search(store.engine, "harbour", outlet="Quiet Post", limit=20)
    assert sorted(h["external_id"] for h in quiet) == sorted(f"a{n}" for n in range(0, 240, 20))
    assert all("⟦harbour⟧" in h["snippet"] for h in quiet)
    everything = search(store.engine, "harbour", limit=240)
    assert len(everything) == 240
    assert [h["score"] for h in everything] == sorted((h["score"] for h in everything), reverse=True)
    assert {h["outlet"] for h in everything[-12:]} == {"Quiet Post"}
    pages = [search(store.engine, "harbour", limit=50, offset=o) for o in (0, 50, 100)]
    assert [h["article_id"] for p in pages for h in p] == [h["article_id"] for h in everything[:150]]


def test_very_selective_filters_are_joined_in_sql(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_RANKED matches, the filter is applied in SQL to every match: same results."""
    store = ArticleStore(open_database(db_url))
    batch = [article(n, "Quiet Post" if n % 20 == 0 else "Loud Daily", 1 if n % 20 == 0 else 5) for n in range(240)]
    assert sum(1 for _ in store.save_many(batch)) == 240
    expected = search(store.engine, "harbour", outlet="Quiet Post", limit=5, offset=3)
    monkeypatch.setattr(search_module, "MAX_RANKED", 60)
    assert search(store.engine, "harbour", outlet="Quiet Post", limit=5, offset=3) == expected
    assert len(expected) == 5


def test_repeated_searches_see_new_articles(db_url: str) -> None:
    store = ArticleStore(open_database(db_url))
    assert sum(1 for _ in store.save_many([article(n, "Loud Daily", 2) for n in range(5)])) == 5
    first = search(store.engine, "harbour")
    first[0]["title"] = "changed by the caller"
    again = search(store.engine, "harbour")
    assert again == search(store.engine, "harbour") and again[0]["title"] != "changed by the caller"
    assert sum(1 for _ in store.save_many([article(7, "Quiet Post", 9)])) == 1
    after = search(store.engine, "harbour")
    assert len(after) == 6 and after[0]["external_id"] == "a7"  # the new article, most mentions
