"""Full-text search over the demo corpus, through the CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsgraph.store.search import MARK_END, MARK_START


@pytest.fixture
def demo_db(db_url: str, cli: Any) -> str:
    cli("demo", "--db", db_url)
    return db_url


def hits(cli: Any, db: str, *args: str) -> list[dict[str, Any]]:
    result = cli("search", *args, "--json", "--db", db)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_ranked_results_with_highlighted_snippets(demo_db: str, cli: Any) -> None:
    found = hits(cli, demo_db, "death toll")
    assert found and all("peru" in h["external_id"] or "turkey" in h["external_id"] for h in found)
    for h in found:  # the words are marked in the snippet, or the headline matched
        assert (MARK_START in h["snippet"] and MARK_END in h["snippet"]) or "toll" in h["title"].lower()
    assert [h["score"] for h in found] == sorted((h["score"] for h in found), reverse=True)
    assert {h["kind"] for h in hits(cli, demo_db, "salmon")} == {"article", "claim"}


def test_filters_by_outlet_dates_and_entity(demo_db: str, cli: Any) -> None:
    assert {h["outlet"] for h in hits(cli, demo_db, "arrested", "--outlet", "meridian wire")} == {"Meridian Wire"}
    dated = hits(cli, demo_db, "strike", "--since", "2026-10-01", "--until", "2026-10-31")
    assert dated and all("2026-10-01" <= h["published"] <= "2026-10-31" for h in dated)
    spain = hits(cli, demo_db, "arrested", "--entity", "Spain")
    assert spain and all("spain" in h["external_id"] for h in spain)
    assert cli("search", "x", "--since", "yesterday", "--db", demo_db).exit_code == 2


@pytest.mark.parametrize("query", ['"unclosed', "AND OR NOT", "NEAR(a b", "'; DROP TABLE articles; --", "*", "a:b"])
def test_hostile_queries_are_plain_words(demo_db: str, cli: Any, query: str) -> None:
    result = cli("search", query, "--json", "--db", demo_db)
    assert result.exit_code in (0, 2)
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout), list)
    assert len(json.loads(cli("articles", "--json", "--db", demo_db).stdout)) == 32


def test_reingest_does_not_duplicate_results(demo_db: str, cli: Any) -> None:
    before = hits(cli, demo_db, "Torremolar")
    cli("demo", "--db", demo_db)
    assert hits(cli, demo_db, "Torremolar") == before
