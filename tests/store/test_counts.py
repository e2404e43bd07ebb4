"""The counts kept on stories and entities (and each entity's list of articles) always equal
what counting the stored articles gives, through new articles, copies, stories that merge and
split, and new versions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from newsgraph.store import open_database

DEMO = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "demo" / "corpus"


def counted(url: str) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """Kept counts beside recounts for stories and entities; kept and recounted entity articles."""
    engine = open_database(url)
    with engine.connect() as connection:
        stories = connection.execute(
            text(
                "SELECT id, article_count, latest_published, "
                "(SELECT count(*) FROM articles a WHERE a.story_id = s.id AND a.is_current = 1), "
                "coalesce((SELECT max(a.published_value) FROM articles a "
                "WHERE a.story_id = s.id AND a.is_current = 1), '') FROM stories s ORDER BY id"
            )
        ).all()
        entities = connection.execute(
            text(
                "SELECT id, article_count, mention_count, "
                "(SELECT count(DISTINCT m.article_id) FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
                "WHERE m.entity_id = e.id AND a.is_current = 1), "
                "(SELECT count(*) FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
                "WHERE m.entity_id = e.id AND a.is_current = 1) FROM entities e ORDER BY id"
            )
        ).all()
        kept = connection.execute(
            text("SELECT entity_id, article_id, published, mentions FROM entity_articles ORDER BY 1, 2")
        ).all()
        recounted = connection.execute(
            text(
                "SELECT m.entity_id, m.article_id, coalesce(a.published_value, ''), count(*) FROM entity_mentions m "
                "JOIN articles a ON a.id = m.article_id WHERE a.is_current = 1 AND m.entity_id IS NOT NULL "
                "GROUP BY m.entity_id, m.article_id, a.published_value ORDER BY 1, 2"
            )
        ).all()
    return stories, entities, kept, recounted


def test_kept_counts_match_the_stored_articles(tmp_path: Path, db_url: str, cli: Any) -> None:
    assert cli("ingest", str(DEMO), "--db", db_url).exit_code == 0
    # A new version of one article, with one more name, and the same article twice more.
    first = json.loads((DEMO / "articles.jsonl").read_text().splitlines()[0])
    first["text"] += " Officials in Chile and Peru met Ana Torres on Friday to discuss the response."
    (tmp_path / "changed.jsonl").write_text(json.dumps(first) + "\n")
    assert cli("ingest", str(tmp_path / "changed.jsonl"), "--db", db_url).exit_code == 0
    stories, entities, kept, recounted = counted(db_url)
    assert stories and entities and kept
    assert kept == recounted
    for story_id, kept, latest, count, newest in stories:
        assert (kept, latest) == (count, newest), story_id
    for entity_id, articles, mentions, counted_articles, counted_mentions in entities:
        assert (articles, mentions) == (counted_articles, counted_mentions), entity_id
    listed = cli("stories", "--json", "--db", db_url).stdout
    dates = [s["last_published"] or "" for s in json.loads(listed)]
    assert dates == sorted(dates, reverse=True)
